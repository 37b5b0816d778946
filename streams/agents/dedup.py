"""Hop 2, `articles.by-hash` -> `articles.unique`: drop a text already seen under another id."""

from __future__ import annotations

from typing import Any

from streams import jsonio
from streams.agents.batching import delivered
from streams.agents.rejects import reject
from streams.app import app
from streams.tables import content_hashes
from streams.topics import articles_by_hash, articles_unique


@app.agent(articles_by_hash)
async def dedup(stream: Any) -> None:
    async for event in stream.events():
        article = jsonio.loads(event.value)
        first = content_hashes.get(article["content_hash"])
        if first is not None and first["id"] != article["id"]:
            await reject(event, event.value, "duplicate_content",
                         f"the same text was already published as article {first['id']!r}", article["id"])
            continue
        if first is None:
            content_hashes[article["content_hash"]] = {"id": article["id"], "off": event.message.offset}
        # the same id again can only be a redelivery from upstream: extract skips what it finished
        await articles_unique.send(key=article["id"].encode(), value=event.value)
        await delivered()
