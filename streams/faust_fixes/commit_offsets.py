"""Commits move only over offsets that were acknowledged, in order.

faust-streaming 0.15.3 can commit offsets that no agent processed, and so lose messages after a
crash (found by the SIGKILL reliability scenario, evidence in docs/reliability.md):

* when the offsets fetched for a partition jump (after a seek or a rebalance), the fetch loop
  records the skipped offsets as a "gap" (`Consumer._drain_messages`,
  site-packages/faust/transport/consumer.py:1215, calling `_add_gap` at :1157) and
  `Consumer._new_offset` (:1097) adds the gap to the acknowledged offsets, so the commit moves
  through it as if those messages had been processed. Gaps exist for compacted topics and
  transaction markers; the project's topics have neither, so a jump only means messages still
  to come: no gap is recorded here, and `_new_offset` does not read gaps.
* the check that holds a commit back while the next offset is not yet acknowledged is one off
  (consumer.py:1140, `min(acked) - committed_offset > 1`, where the committed offset is already
  the next offset to read): with 5 committed and 6, 7 acknowledged, Faust commits 8 while 5 is
  still being processed (seen with two extraction batches in flight).

Upstream: faust-streaming/faust#606 "Wrong offset commit in case of gaps" (open); the history is in
#312 (the head-of-queue check, fixed in 0.8.5) and #378 (its regression for compacted topics).

Extension point: a mixin of the transport's Consumer class (the aiokafka driver's `Consumer`),
which `streams.faust_fixes.apply` puts into the app's transport.
"""

from __future__ import annotations

from typing import Any

from faust.utils.functional import consecutive_numbers

EXTENDS = "Consumer"


class CommitOnlyAcknowledged:
    """Mixin for faust.transport.consumer.Consumer."""

    _acked: Any
    _acked_index: Any
    _committed_offset: Any

    async def _add_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        return None

    def _new_offset(self, tp: Any) -> int | None:
        acked = self._acked[tp]
        if not acked:
            return None
        acked.sort()
        committed = self._committed_offset[tp]
        if committed is not None and acked[0] > committed:
            return None  # the next offset to commit is still being processed
        batch = next(consecutive_numbers(acked))
        acked[: len(batch)] = []
        self._acked_index[tp].difference_update(batch)
        return int(batch[-1]) + 1


MIXIN = CommitOnlyAcknowledged
