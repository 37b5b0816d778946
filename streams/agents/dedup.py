"""Hop 2, `articles.by-hash` -> `articles.unique`: drop a text already seen under another id."""

from __future__ import annotations

from typing import Any

from streams import jsonio
from streams.agents.batching import acting_for, delivered, recovered
from streams.agents.rejects import reject
from streams.app import app
from streams.tables import content_hashes
from streams.topics import articles_by_hash, articles_unique

DEDUP_BATCH = 64


@app.agent(articles_by_hash)
async def dedup(stream: Any) -> None:
    async for batch in stream.take_events(DEDUP_BATCH, within=0.02):
        await recovered()
        for event in batch:
            article = jsonio.loads(event.value)
            with acting_for(stream, event):  # no await inside: Faust's stream owns current_event then
                first = first_of(article, event.message.offset)
            if first != article["id"]:
                await reject(event, event.value, "duplicate_content",
                             f"the same text was already published as article {first!r}", article["id"])
            else:
                # the same id again can only be a redelivery from upstream: extract skips what it finished
                await articles_unique.send(key=article["id"].encode(), value=event.value)
        await delivered()  # one wait for the whole batch: its offsets are committed after this


def first_of(article: dict[str, Any], offset: int) -> str:
    """The id that first brought this text (this article's, when it is the first)."""
    first = content_hashes.get(article["content_hash"])
    if first is None:
        content_hashes[article["content_hash"]] = {"id": article["id"], "off": offset}
        return str(article["id"])
    return str(first["id"])
