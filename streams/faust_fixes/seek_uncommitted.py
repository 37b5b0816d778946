"""A partition the group never committed is sought to its earliest offset, which becomes its
lower bound for commits.

After an assignment, faust-streaming 0.15.3 seeks the stream partitions to their committed
offsets (`Consumer.perform_seek`, site-packages/faust/transport/consumer.py:565). aiokafka 0.14.0
seeks only partitions that have a committed offset (site-packages/aiokafka/consumer/consumer.py:901,
`seek_to_committed`), so a partition that the group never committed (a worker killed seconds
after its first start) keeps whatever fetch position it had reached, records that Faust dropped
included (see `fetch_snapshot`): a restarted worker began at the end of such a partition, and
with no committed offset there was no lower bound for its commits either, so the next commit
jumped over what was never processed (or, with `commit_offsets`, never moved again). Found by the
SIGKILL reliability scenario (docs/reliability.md, "Messages skipped after a restart", cause 3).

Such a partition is now sought to its earliest offset, which is what
`consumer_auto_offset_reset=earliest` (the app's setting) means, and that offset is recorded as
its committed offset, the bound `commit_offsets` holds commits to. Only for topics with acks
enabled (the app's stream topics); nothing changes under another `auto_offset_reset`.

Upstream: no faust-streaming issue found for this.

Extension point: a mixin of the transport's Consumer class.
"""

from __future__ import annotations

from typing import Any

EXTENDS = "Consumer"


class SeekUncommittedToEarliest:
    """Mixin for faust.transport.consumer.Consumer."""

    app: Any
    _committed_offset: Any

    async def perform_seek(self) -> None:
        await super().perform_seek()  # type: ignore[misc]
        if self.app.conf.consumer_auto_offset_reset != "earliest":
            return
        unknown = [tp for tp in self.assignment()  # type: ignore[attr-defined]
                   if self._committed_offset[tp] is None and self.app.topics.acks_enabled_for(tp.topic)]
        if unknown:
            earliest = await self.earliest_offsets(*unknown)  # type: ignore[attr-defined]
            for tp in unknown:
                if earliest.get(tp) is not None:
                    await self.seek(tp, earliest[tp])  # type: ignore[attr-defined]
                    self._committed_offset[tp] = earliest[tp]


MIXIN = SeekUncommittedToEarliest
