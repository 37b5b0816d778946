"""Every table, with its key, window and expiry.

Windowed mention counts are relative to event time: each actor-mentions record carries the
article's published_at (processing time when it had none) in its `event-time` header, while Kafka
record timestamps stay processing time (so topic retention works for backfills too).
Lateness policy: a mention counts in every window that covers its event time; windows older than
the window size plus one step behind the newest processing time are dropped by the table cleanup
(every 60 s), so an article published days late is counted in the all-time table and the hourly
buckets of the last 7 days only where its time falls inside them. Memory stays bounded.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from streams.app import app, settings

EVENT_TIME_HEADER = "event-time"


def event_time_of(event: Any = None) -> float:
    """Event time of a mention record: its `event-time` header, else its Kafka timestamp."""
    if event is None:
        return time.time()
    headers = event.message.headers or []
    items = headers.items() if isinstance(headers, dict) else headers
    for key, value in items:
        if key == EVENT_TIME_HEADER:
            return float(value)
    return float(event.message.timestamp)

HOUR = 3600.0
DAY = 24 * HOUR

# Idempotence under at-least-once delivery: a value written for a message records that message's
# offset ("off"), in the same table record as the effect, so a message processed again after a
# crash (same partition, same or lower offset) is recognised and its effect is not applied twice.

# article id -> {"hash": content hash, "off": offset on `articles`} (ingest: duplicates, conflicts)
article_ids = app.Table("article-ids", default=None, partitions=settings.partitions)
# content hash -> {"id": first article id, "off": offset on `articles.by-hash`} (dedup)
content_hashes = app.Table("content-hashes", default=None, partitions=settings.partitions)
# article id -> offset on `articles.unique` of the extraction that was fully delivered (extract).
# articles.unique is keyed by article id with Kafka's default partitioner, so use_partitioner puts
# each key on its source partition although extract writes from a batch.
extracted = app.Table("extracted", default=None, partitions=settings.partitions, use_partitioner=True)

# country-level actor code -> {"n": mentions, "codes": {full actor code: mentions}, "off": last offset}
mentions_all = app.Table("mentions-all", default=None, partitions=settings.partitions)

# label -> (size, step). Every mention updates size/step windows of each table, so the steps are
# a trade between how closely a window follows the clock and the changelog writes per mention.
WINDOWS = {
    "1h": (HOUR, 15 * 60.0),
    "24h": (DAY, 3 * HOUR),
    "7d": (7 * DAY, DAY),
}


def _hopping(name: str, size: float, step: float):  # type: ignore[no-untyped-def]
    return (
        app.Table(name, default=int, partitions=settings.partitions)
        .hopping(size, step, expires=timedelta(seconds=size + step), key_index=True)
        .relative_to(event_time_of)  # type: ignore[attr-defined]
    )


mentions_windowed = {label: _hopping(f"mentions-{label}", size, step) for label, (size, step) in WINDOWS.items()}
# per-actor hourly buckets for the last 7 days
mentions_hourly = (
    app.Table("mentions-hourly", default=int, partitions=settings.partitions)
    .tumbling(HOUR, expires=timedelta(days=7), key_index=True)
    .relative_to(event_time_of)  # type: ignore[attr-defined]
)

# Tables fed from the events topic (keyed by event_id, so one dyad or place shows up on every
# partition). Their keys are scoped by source partition ("p3|PRKGOV>RUSGOV"): each partition owns
# its keys, and queries add the partitions up (across workers through the API fan-out).
# partition-scoped "p{n}|{source}>{target}" -> {"events": n, "goldstein_sum": x}
dyads = app.Table("dyads", default=None, partitions=settings.partitions)
# partition-scoped "p{n}|{ISO-3}" -> events located in that country
places = app.Table("places", default=None, partitions=settings.partitions)
# ring buffer of the latest events: "p{n}|{slot}" -> event record; "p{n}" -> {"slot": next, "off": last offset}
recent_events = app.Table("recent-events", default=None, partitions=settings.partitions)
# events per minute (processing time), one key per partition, kept two hours
events_per_minute = (
    app.Table("events-per-minute", default=int, partitions=settings.partitions)
    .tumbling(60.0, expires=timedelta(hours=2))
    .relative_to_stream()
)
