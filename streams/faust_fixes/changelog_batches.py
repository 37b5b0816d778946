"""Table writes go to the producer as record batches per changelog partition, handed over by
`delivered(app)`, instead of one by one through Faust's producer buffer.

faust-streaming 0.15.3 sends every table write with `Collection.send_changelog`
(site-packages/faust/tables/base.py:266) -> `Topic.send_soon`, into its `ProducerBuffer`. That
costs a queue hand-off, a task and an `asyncio.wait_for` per record (about 18 per article), and
the buffer's flush gives up early: `ProducerBuffer.flush_atmost`
(site-packages/faust/transport/producer.py:78) waits at most 0.1 s for each record to leave the
buffer (:89) and returns as soon as one wait times out, with records still queued (and when the
last record is already taken off the queue but not yet sent, it returns at once). An agent could
then acknowledge a batch whose table writes were not in Kafka (docs/reliability.md, "Table writes
delivered before an acknowledgement").

Here a table write goes into `CHANGELOG`, one record batch per changelog partition (`Outbox`,
record_batches.py); `delivered(app)` hands them to the producer, then waits for everything the
producer holds. Writes made outside an agent's batch (the expiry of windowed tables) are handed
over within CHANGELOG_LINGER seconds. Hand-overs take turns, so the records of a changelog
partition reach Kafka in the order the table was written, which compaction and recovery rely
on. Records, keys and partitions are those Faust would send; under exactly_once (transactions),
before the producer has started, and for records with headers, Faust's own path is kept.

Upstream: no faust-streaming issue found for this (faust-streaming/faust#173, "producer buffer
full", is about the same buffer's size, not its flush).

Extension point: a `Table` subclass (the `Table=` setting).
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from faust.types import TP

from streams.faust_fixes.record_batches import Outbox, direct_sends

EXTENDS = "Table"
CHANGELOG_LINGER = 0.02


class ChangelogWrites:
    """Table writes waiting to be handed to the producer, as record batches per changelog partition."""

    def __init__(self) -> None:
        self._box: Outbox | None = None
        self._tables: dict[str, Any] = {}  # changelog topic -> table
        self._turn: asyncio.Lock | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._task: asyncio.Future[list[Any]] | None = None  # the timer's hand-over (kept referenced)

    def add(self, table: Any, partition: int, key: bytes | None, value: bytes | None) -> None:
        producer = table.app.producer
        if self._box is None or (not self._box and self._box.producer is not producer):
            self._box = Outbox(producer)
        topic = table.changelog_topic.get_topic_name()
        self._tables[topic] = table
        self._box.add_to(topic, partition, key, value)
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(CHANGELOG_LINGER, self._hand_over_soon)

    def _hand_over_soon(self) -> None:
        self._timer = None
        self._task = asyncio.ensure_future(self.hand_over())

    async def hand_over(self) -> list[Any]:
        """Hand the gathered writes to the producer; return their delivery futures."""
        if self._turn is None:
            self._turn = asyncio.Lock()
        async with self._turn:  # taken in turn: the order of a partition's writes is kept
            if not self._box:
                return []
            return await self._box.send(self._persisted)

    def _persisted(self, topic: str, partition: int, offset: int) -> None:
        # what Faust's own changelog callback does outside transactions (used by the rocksdb store)
        table = self._tables[topic]
        table.data.set_persisted_offset(TP(topic, partition), offset)


CHANGELOG = ChangelogWrites()


async def delivered(app: Any) -> None:
    """Wait until every record sent so far through `app`'s producer (outputs and table
    changelogs) is written to Kafka."""
    await CHANGELOG.hand_over()
    await app.producer.flush()


class BatchedChangelog:
    """Mixin for faust.tables.base.Collection (the app's Table class)."""

    app: Any
    changelog_topic: Any
    key_serializer: Any
    value_serializer: Any

    def send_changelog(self, partition: int | None, key: Any, value: Any,
                       key_serializer: Any = None, value_serializer: Any = None) -> Any:
        if partition is None or not direct_sends(self.app):
            return super().send_changelog(  # type: ignore[misc]
                partition, key, value, key_serializer, value_serializer)
        topic = self.changelog_topic
        raw_key, key_headers = topic.prepare_key(key, key_serializer or self.key_serializer)
        raw_value, value_headers = topic.prepare_value(value, value_serializer or self.value_serializer)
        if key_headers or value_headers:
            return super().send_changelog(  # type: ignore[misc]
                partition, key, value, key_serializer, value_serializer)
        CHANGELOG.add(self, partition, raw_key, raw_value)
        return SimpleNamespace(message=SimpleNamespace(partition=partition))  # what on_key_set reads


MIXIN = BatchedChangelog
