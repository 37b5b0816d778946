"""The records an agent sends for one batch, handed to the producer as one record batch per
topic partition (`Outbox`, in streams/faust_fixes/record_batches.py) instead of one `send` per
record. Only used under at_least_once (exactly_once sends through Topic.send, inside the source's
transaction). Ingest and dedup send their one record per article the same way, and the table
changelog writes go through one too (streams/faust_fixes/changelog_batches.py).
"""

from __future__ import annotations

from typing import Any

from streams.faust_fixes.record_batches import Outbox, direct_sends

__all__ = ["Outbox", "batch_outbox", "direct_sends", "forward"]


async def batch_outbox(app: Any, topics: list[Any]) -> Outbox | None:
    """An outbox for one batch of an agent that sends to `topics` (Faust topics or names), or None
    where records must go through Topic.send (see `direct_sends`)."""
    if not direct_sends(app):
        return None
    box = Outbox(app.producer)
    await box.ready([t if isinstance(t, str) else t.get_topic_name() for t in topics])
    return box


async def forward(box: Outbox | None, topic: Any, key: bytes, value: bytes, partition: int | None = None,
                  headers: dict[str, bytes] | None = None) -> Any:
    """Send a record to a Faust topic: into `box` (None returned; the box's `send` delivers it),
    or through Topic.send when there is no box (its delivery future returned). Without
    `partition` the record goes where its key hashes to."""
    if box is None:
        return await topic.send(key=key, value=value, partition=partition, headers=headers)
    if partition is None:
        box.add(topic.get_topic_name(), key, value, headers)
    else:
        box.add_to(topic.get_topic_name(), partition, key, value, list(headers.items()) if headers else [])
    return None
