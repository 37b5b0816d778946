"""Hop 1, `articles` -> `articles.by-hash`: validate, normalise, check the id, re-key by content hash.

Policy for ids: the same id with the same text again is a duplicate (rejected, reason `duplicate`);
the same id with different text is rejected (reason `id_conflict`): an article is immutable once
published. The message that first brought an id is remembered with its offset, so when that same
message is delivered again after a crash it is forwarded again (downstream stages skip it), not
mistaken for a republication.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from streams import jsonio, metrics
from streams.agents.batching import delivered
from streams.agents.rejects import reject
from streams.app import app, settings
from streams.errors import RejectedInput
from streams.tables import article_ids
from streams.topics import articles, articles_by_hash
from streams.validate import validate_article


@app.agent(articles)
async def ingest(stream: Any) -> None:
    async for event in stream.events():
        raw = event.value
        offset = event.message.offset
        metrics.ARTICLES_IN.inc()
        try:
            article = validate_article(raw, max_bytes=settings.max_article_bytes, languages=settings.languages)
        except RejectedInput as exc:
            await reject(event, raw, exc.reason, exc.detail, exc.article_id)
            continue
        known = article_ids.get(article["id"])
        if known is not None and known["off"] != offset:
            reason = "duplicate" if known["hash"] == article["content_hash"] else "id_conflict"
            detail = ("this id was already processed with the same text" if reason == "duplicate"
                      else "this id was already published with different text")
            await reject(event, raw, reason, detail, article["id"])
            continue
        article_ids[article["id"]] = {"hash": article["content_hash"], "off": offset}
        if article["published_at"] is None:
            article["published_at"] = datetime.fromtimestamp(event.message.timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            article["published_at_source"] = "processing_time"
        await articles_by_hash.send(key=article["content_hash"].encode(), value=jsonio.dumps(article))
        await delivered()
