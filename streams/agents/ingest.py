"""Hop 1, `articles` -> `articles.by-hash`: validate, normalise, check the id, re-key by content hash.

Policy for ids: the same id with the same text again is a duplicate (rejected, reason `duplicate`);
the same id with different text is rejected (reason `id_conflict`): an article is immutable once
published. The message that first brought an id is remembered with its offset, so when that same
message is delivered again after a crash it is forwarded again (downstream stages skip it), not
mistaken for a republication.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from streams import jsonio, language, metrics
from streams.agents.batching import acting_for, delivered, recovered
from streams.agents.outbox import batch_outbox, forward
from streams.agents.rejects import reject
from streams.app import app, settings
from streams.errors import RejectedInput
from streams.tables import article_ids
from streams.topics import articles, articles_by_hash
from streams.validate import validate_article

INGEST_BATCH = 64


@app.task
async def load_language_models() -> None:
    """Load the language detector when the worker starts, not while the first articles wait."""
    if settings.languages:
        await asyncio.to_thread(language.warm_up)


@app.agent(articles)
async def ingest(stream: Any) -> None:
    async for batch in stream.take_events(INGEST_BATCH, within=0.02):
        await recovered()
        box = await batch_outbox(app, [articles_by_hash])
        for event in batch:
            metrics.ARTICLES_IN.inc()
            with acting_for(stream, event):  # no await inside: Faust's stream owns current_event then
                outcome = admit(event)
            if isinstance(outcome, RejectedInput):
                await reject(event, event.value, outcome.reason, outcome.detail, outcome.article_id)
            else:
                await forward(box, articles_by_hash, outcome["content_hash"].encode(), jsonio.dumps(outcome))
        if box is not None:
            await box.send()
        await delivered()  # one wait for the whole batch: its offsets are committed after this


def admit(event: Any) -> dict[str, Any] | RejectedInput:
    """The normalised article to forward, or why it is rejected (records the id when admitted)."""
    offset = event.message.offset
    try:
        article = validate_article(event.value, max_bytes=settings.max_article_bytes, languages=settings.languages)
    except RejectedInput as exc:
        return exc
    known = article_ids.get(article["id"])
    if known is not None and known["off"] != offset:
        if known["hash"] == article["content_hash"]:
            return RejectedInput("duplicate", "this id was already processed with the same text", article["id"])
        return RejectedInput("id_conflict", "this id was already published with different text", article["id"])
    article_ids[article["id"]] = {"hash": article["content_hash"], "off": offset}
    if article["published_at"] is None:
        article["published_at"] = datetime.fromtimestamp(event.message.timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        article["published_at_source"] = "processing_time"
    return article
