"""Helpers of the agents: delivery before acknowledgement, and table writes from batches.

At-least-once holds only if everything a message caused is in Kafka before its offset can be
committed: `topic.send` and table writes only enqueue, so every agent waits for `delivered()`
before it moves on (and so acknowledges the message).

Table writes (Faust changelog records) are gathered into one record batch per changelog partition
(`CHANGELOG`, streams/faust_fixes/changelog_batches.py) instead of going one by one through
Faust's producer buffer. `delivered()` hands them to the producer, then waits for everything;
writes made outside an agent's batch (the expiry of windowed tables) are handed over within
CHANGELOG_LINGER seconds. Hand-overs take turns, so the records of a changelog partition reach
Kafka in the order the table was written, which compaction and recovery rely on.

Faust routes a table write to the changelog partition of the event being processed, so a batched
agent (stream.take_events) names that event with `acting_for`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from streams.app import app
from streams.faust_fixes import changelog_batches
from streams.faust_fixes.changelog_batches import CHANGELOG, CHANGELOG_LINGER, ChangelogWrites

__all__ = ["CHANGELOG", "CHANGELOG_LINGER", "ChangelogWrites", "acting_for", "delivered", "recovered"]


@contextmanager
def acting_for(stream: Any, event: Any) -> Iterator[None]:
    """Table writes inside the block count as made while processing `event`."""
    previous = stream.current_event
    stream._set_current_event(event)
    try:
        yield
    finally:
        stream._set_current_event(previous)


async def delivered() -> None:
    """Wait until every record sent so far (outputs and table changelogs) is written to Kafka."""
    await changelog_batches.delivered(app)


async def recovered() -> None:
    """Wait while Faust restores tables from their changelogs (after a rebalance or a broker
    restart): a batch taken before must not read values that the restore is rewriting, or a
    count made on an old value is written back over the restored one."""
    while getattr(app, "in_recovery", False):
        await asyncio.sleep(0.05)
