"""Send a message that cannot be processed to the rejected topic, with its provenance."""

from __future__ import annotations

from typing import Any

from streams import jsonio, metrics
from streams.topics import rejected
from streams.validate import now_iso

EXCERPT_BYTES = 1024


def rejection(raw: bytes | None, reason: str, detail: str, article_id: str | None,
              topic: str, partition: int, offset: int) -> dict[str, Any]:
    data = raw or b""
    return {
        "schema_version": 1,
        "reason": reason,
        "detail": detail[:500],
        "article_id": article_id,
        "excerpt": data[:EXCERPT_BYTES].decode("utf-8", errors="replace"),
        "size": len(data),
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "rejected_at": now_iso(),
    }


async def reject(event: Any, raw: bytes | None, reason: str, detail: str, article_id: str | None = None) -> None:
    """Write the rejection and wait until Kafka has it, so the offset is committed only after."""
    msg = event.message
    record = rejection(raw, reason, detail, article_id, msg.topic, msg.partition, msg.offset)
    key = article_id or f"{msg.topic}-{msg.partition}-{msg.offset}"
    fut = await rejected.send(key=key.encode(), value=jsonio.dumps(record))
    await fut
    metrics.ARTICLES_REJECTED.labels(reason=reason).inc()
