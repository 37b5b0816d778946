"""Table writes from batched agents (stream.take_events): Faust routes a table write to the
changelog partition of the event being processed, so a batched agent names that event."""

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
