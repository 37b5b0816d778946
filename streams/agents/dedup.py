"""Hop 2, `articles.by-hash` -> `articles.unique`: drop a text already seen under another id.

Each article goes to the partition of `articles.unique` that has been sent the least text from
the same source partition (not to the partition of its key): parsing is the costly step, so every
extraction partition, and every worker, gets about the same amount of text, whatever the keys
hash to. The choice is recorded with the content hash, so an article sent again (a redelivery)
goes to the same partition, where its `extracted` mark is.
"""

from __future__ import annotations

from typing import Any

from streams import jsonio
from streams.agents.batching import acting_for, delivered, recovered
from streams.agents.outbox import batch_outbox, forward
from streams.agents.rejects import reject
from streams.app import app, settings
from streams.tables import content_hashes
from streams.topics import articles_by_hash, articles_unique

DEDUP_BATCH = 64

# source partition of `articles.by-hash` -> characters of text sent to each partition of `articles.unique`
_sent: dict[int, list[int]] = {}


@app.agent(articles_by_hash)
async def dedup(stream: Any) -> None:
    async for batch in stream.take_events(DEDUP_BATCH, within=0.02):
        await recovered()
        box = await batch_outbox(app, [articles_unique])
        for event in batch:
            article = jsonio.loads(event.value)
            with acting_for(stream, event):  # no await inside: Faust's stream owns current_event then
                first, to = first_of(article, event.message.offset, event.message.partition)
            if first != article["id"]:
                await reject(event, event.value, "duplicate_content",
                             f"the same text was already published as article {first!r}", article["id"])
            else:
                # the same id again can only be a redelivery from upstream: extract skips what it finished
                await forward(box, articles_unique, article["id"].encode(), event.value, partition=to)
        if box is not None:
            await box.send()
        await delivered()  # one wait for the whole batch: its offsets are committed after this


def first_of(article: dict[str, Any], offset: int, source: int) -> tuple[str, int]:
    """The id that first brought this text (this article's, when it is the first), and the
    partition of `articles.unique` chosen for it."""
    first = content_hashes.get(article["content_hash"])
    if first is None:
        to = least_loaded(source, len(article["text"]))
        content_hashes[article["content_hash"]] = {"id": article["id"], "off": offset, "to": to}
        return str(article["id"]), to
    return str(first["id"]), int(first["to"])


def least_loaded(source: int, size: int, partitions: int | None = None) -> int:
    """The partition of `articles.unique` sent the least text from `source` so far (ties: the
    first from `source` on, so a fresh worker keeps the partition numbers); count `size` on it."""
    n = partitions or settings.partitions
    sent = _sent.setdefault(source, [0] * n)
    to = min(((source + i) % n for i in range(n)), key=sent.__getitem__)
    sent[to] += size
    return to
