"""Records handed to Faust's aiokafka producer as one record batch per topic partition (aiokafka's
batch API: `create_batch`, `send_batch`) instead of one `send` per record.

Not a fix by itself: the sender that `changelog_batches` uses for table writes, and that the
agents use for their outputs (`streams/agents/outbox.py`). It reaches into one private method of
Faust's producer, `Producer._ensure_producer()` (faust/transport/drivers/aiokafka.py), to get the
aiokafka producer Faust started.

An article has about 30 output records (its events, twice, one events.by-article record and its
mentions). Sent one by one, each pays the producer's per-record path: metadata lookup, partitioner,
a future, a batch append, Faust's wrapper. Here a record costs one append to the record batch of
its partition, and a whole partition's records share one delivery future.

Records go to the partition the producer's own partitioner picks for their key (Faust's
`key_partition`), so every key lands where `send` would have put it. A batch is closed when it is
handed over, so it is sent at once instead of waiting out the producer's linger time. Only used
under at_least_once (exactly_once sends through Topic.send, inside the source's transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any


def direct_sends(app: Any) -> bool:
    """Whether records may go straight to the producer as record batches: not under exactly_once
    (they belong in the source's transaction) and not before the producer has started."""
    return (app.conf.processing_guarantee.value != "exactly_once"
            and getattr(app.producer, "_producer", None) is not None)


class Outbox:
    def __init__(self, producer: Any) -> None:
        """`producer`: Faust's producer (app.producer), started."""
        self.producer = producer
        self._aio = producer._ensure_producer()
        self._open: dict[tuple[str, int], Any] = {}
        self._ready: list[tuple[str, int, Any]] = []
        self.records = 0

    async def ready(self, topics: list[str]) -> None:
        """Wait until the producer knows the partitions of `topics` (at once after the first time)."""
        for topic in topics:
            await self._aio.partitions_for(topic)

    def add(self, topic: str, key: bytes, value: bytes, headers: dict[str, bytes] | None = None) -> None:
        """Add a record for the partition its key hashes to."""
        partition = self.producer.key_partition(topic, key).partition
        self.add_to(topic, partition, key, value, list(headers.items()) if headers else [])

    def add_to(self, topic: str, partition: int, key: bytes | None, value: bytes | None,
               header_list: list[tuple[str, bytes]] | None = None) -> None:
        """Add a record for `partition` (a None value: a tombstone)."""
        header_list = header_list or []
        tp = (topic, partition)
        builder = self._open.get(tp)
        if builder is None:
            builder = self._open[tp] = self._aio.create_batch()
        if builder.append(timestamp=None, key=key, value=value, headers=header_list) is None:
            # full: hand it over as it is; the record starts the next batch of this partition
            # (the first record of a batch always fits, whatever its size)
            self._ready.append((topic, partition, builder))
            builder = self._open[tp] = self._aio.create_batch()
            builder.append(timestamp=None, key=key, value=value, headers=header_list)
        self.records += 1

    def __bool__(self) -> bool:
        return bool(self._open or self._ready)

    async def send(self, on_sent: Callable[[str, int, int], None] | None = None) -> list[Any]:
        """Hand every batch to the producer; return their delivery futures (a batch waits while
        an earlier batch of its partition is still queued in the producer). `on_sent(topic,
        partition, offset of the batch's last record)` is called when a batch is written."""
        batches = self._ready + [(topic, partition, b) for (topic, partition), b in self._open.items()]
        self._ready, self._open = [], {}
        pending = []
        for topic, partition, builder in batches:
            builder.close()
            last = builder.record_count() - 1
            fut = await self._aio.send_batch(builder, topic, partition=partition)
            if on_sent is not None:
                fut.add_done_callback(partial(_report, on_sent, topic, partition, last))
            pending.append(fut)
        return pending


def _report(on_sent: Callable[[str, int, int], None], topic: str, partition: int, last: int, fut: Any) -> None:
    if not fut.cancelled() and fut.exception() is None:
        on_sent(topic, partition, fut.result().offset + last)
