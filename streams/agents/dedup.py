"""Hop 2, `articles.by-hash` -> `articles.unique`: drop a text already seen under another id."""

from __future__ import annotations

from typing import Any

from streams import jsonio
from streams.agents.rejects import reject
from streams.app import app, commit_gate
from streams.tables import content_hashes
from streams.topics import articles_by_hash, articles_unique


@app.agent(articles_by_hash)
async def dedup(stream: Any) -> None:
    async for event in stream.events():
        async with commit_gate.processing(event):
            article = jsonio.loads(event.value)
            first = content_hashes.get(article["content_hash"])
            if first is not None and first != article["id"]:
                await reject(event, event.value, "duplicate_content",
                             f"the same text was already published as article {first!r}", article["id"])
                continue
            content_hashes[article["content_hash"]] = article["id"]
            await articles_unique.send(key=article["id"].encode(), value=event.value)
