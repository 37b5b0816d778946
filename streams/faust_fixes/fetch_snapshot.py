"""The fetch gets a snapshot of the active partitions, and fetches nothing when there is none.

faust-streaming 0.15.3 hands its live set of active (not paused) partitions to the fetch
(`AIOKafkaConsumerThread.getmany` -> `_fetch_records`, site-packages/faust/transport/drivers/
aiokafka.py:1071 and :1088), which runs in the consumer thread while the event loop keeps
pausing and resuming partitions in that same set. aiokafka 0.14.0 reads an empty set as "every
partition" (site-packages/aiokafka/consumer/fetcher.py:1221, `if partitions and tp not in
partitions`), so when the set empties meanwhile (all partitions paused at the end of a table
recovery), the fetch returns records of paused partitions; Faust drops them ("DROPPED MESSAGE
ROFF", faust/transport/consumer.py:1226) while aiokafka's fetch position has moved past them.
Found by the SIGKILL reliability scenario (docs/reliability.md, "Messages skipped after a
restart", cause 2).

Upstream: the same two problems were fixed in robinhood/faust#69 ("Fix aiokafka upgrade
consistency issues": getmany with an empty set fetches every partition; a race from passing the
live set); faust-streaming 0.15.3's `_fetch_records` no longer guards against either.

Extension point: a mixin of the consumer thread class; `streams.faust_fixes.apply` gives the
transport's Consumer a `_new_consumer_thread` (aiokafka.py:237, the driver's own factory method)
that builds it.
"""

from __future__ import annotations

import asyncio
from typing import Any

EXTENDS = "ConsumerThread"


class FetchSnapshot:
    """Mixin for faust.transport.drivers.aiokafka.AIOKafkaConsumerThread."""

    async def _fetch_records(self, consumer: Any, active_partitions: Any, timeout: float | None = None,
                             max_records: int | None = None) -> Any:
        if active_partitions is not None:
            active_partitions = frozenset(active_partitions)
            if not active_partitions:
                await asyncio.sleep(min(timeout or 0.0, 0.1))
                return {}
        return await super()._fetch_records(  # type: ignore[misc]
            consumer, active_partitions, timeout=timeout, max_records=max_records)


MIXIN = FetchSnapshot
