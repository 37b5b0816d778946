"""`geoevents extract`: the worker's validation and extraction, without Kafka."""

from __future__ import annotations

import sys
from typing import IO, Any

from streams import jsonio
from streams.errors import RejectedInput
from streams.extraction.pipeline import extract_batch
from streams.inputs import raw_records
from streams.settings import get_settings
from streams.validate import now_iso, validate_article


def extract_file(path: str, out: IO[str], batch_size: int = 32) -> dict[str, int]:
    settings = get_settings()
    stats = {"articles": 0, "events": 0, "rejected": 0}
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        for result in extract_batch(batch, settings.model):
            for event in result.get("events", []):
                out.write(jsonio.dumps_line(event) + "\n")
                stats["events"] += 1
        batch.clear()

    for _key, raw in raw_records([path]):
        stats["articles"] += 1
        try:
            article = validate_article(raw, max_bytes=settings.max_article_bytes, languages=settings.languages)
        except RejectedInput as exc:
            stats["rejected"] += 1
            print(f"rejected ({exc.reason}): {exc.detail}", file=sys.stderr)
            continue
        article["published_at"] = article["published_at"] or now_iso()
        batch.append(article)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return stats
