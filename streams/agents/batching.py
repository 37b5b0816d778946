"""Helpers of the agents: delivery before acknowledgement, and table writes from batches.

At-least-once holds only if everything a message caused is in Kafka before its offset can be
committed: `topic.send` and table writes only enqueue, so every agent waits for `delivered()`
before it moves on (and so acknowledges the message).

Table writes (Faust changelog records) are gathered into one record batch per changelog partition
(`CHANGELOG`, installed by `batched_changelogs` in streams/app.py) instead of going one by one
through Faust's producer buffer. `delivered()` hands them to the producer, then waits for
everything; writes made outside an agent's batch (the expiry of windowed tables) are handed over
within CHANGELOG_LINGER seconds. Hand-overs take turns, so the records of a changelog partition
reach Kafka in the order the table was written, which compaction and recovery rely on.

Faust routes a table write to the changelog partition of the event being processed, so a batched
agent (stream.take_events) names that event with `acting_for`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from faust.types import TP

from streams.agents.outbox import Outbox

CHANGELOG_LINGER = 0.02


@contextmanager
def acting_for(stream: Any, event: Any) -> Iterator[None]:
    """Table writes inside the block count as made while processing `event`."""
    previous = stream.current_event
    stream._set_current_event(event)
    try:
        yield
    finally:
        stream._set_current_event(previous)


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


async def delivered() -> None:
    """Wait until every record sent so far (outputs and table changelogs) is written to Kafka."""
    from streams.app import app

    await CHANGELOG.hand_over()
    await app.producer.flush()


async def recovered() -> None:
    """Wait while Faust restores tables from their changelogs (after a rebalance or a broker
    restart): a batch taken before must not read values that the restore is rewriting, or a
    count made on an old value is written back over the restored one."""
    import asyncio

    from streams.app import app

    while getattr(app, "in_recovery", False):
        await asyncio.sleep(0.05)
