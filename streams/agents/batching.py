"""Helpers of the agents: delivery before acknowledgement, and table writes from batches.

At-least-once holds only if everything a message caused is in Kafka before its offset can be
committed: `topic.send` and table writes only enqueue into Faust's producer buffer, so every agent
waits for `delivered()` before it moves on (and so acknowledges the message).

Faust routes a table write to the changelog partition of the event being processed, so a batched
agent (stream.take_events) names that event with `acting_for`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


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
    from streams.app import app

    await app.producer.flush()


async def recovered() -> None:
    """Wait while Faust restores tables from their changelogs (after a rebalance or a broker
    restart): a batch taken before must not read values that the restore is rewriting, or a
    count made on an old value is written back over the restored one."""
    import asyncio

    from streams.app import app

    while getattr(app, "in_recovery", False):
        await asyncio.sleep(0.05)
