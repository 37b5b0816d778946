"""Every table, with its key, window and expiry.

Windowed counts are relative to event time: the Kafka timestamp of each actor-mentions record
is the article's published_at (processing time when it had none). Lateness policy: a mention
counts in every window that covers its event time and has not yet expired; a mention older
than a window's expiry (the window size plus one step) only counts in the all-time table.
"""

from __future__ import annotations

import time
from datetime import timedelta

from streams.app import app, settings

HOUR = 3600.0
DAY = 24 * HOUR

# article id -> content hash (ingest: duplicate and conflicting ids)
article_ids = app.Table("article-ids", default=None, partitions=settings.partitions)
# content hash -> first article id (dedup: the same text republished under another id)
content_hashes = app.Table("content-hashes", default=None, partitions=settings.partitions)

# country-level actor code -> mentions, all time
mentions_all = app.Table("mentions-all", default=int, partitions=settings.partitions)
# country-level actor code -> {full actor code: mentions}, all time
mentions_by_code = app.Table("mentions-by-code", default=dict, partitions=settings.partitions)

WINDOWS = {
    "1h": (HOUR, 5 * 60.0),
    "24h": (DAY, HOUR),
    "7d": (7 * DAY, DAY),
}


def _hopping(name: str, size: float, step: float):  # type: ignore[no-untyped-def]
    return (
        app.Table(name, default=int, partitions=settings.partitions)
        .hopping(size, step, expires=timedelta(seconds=size + step), key_index=True)
        .relative_to_stream()
    )


mentions_windowed = {label: _hopping(f"mentions-{label}", size, step) for label, (size, step) in WINDOWS.items()}
# per-actor hourly buckets for the last 7 days
mentions_hourly = (
    app.Table("mentions-hourly", default=int, partitions=settings.partitions)
    .tumbling(HOUR, expires=timedelta(days=7), key_index=True)
    .relative_to_stream()
)

# Tables fed from the events topic (keyed by event_id, so one dyad or place shows up on every
# partition). Their keys are scoped by source partition ("p3|PRKGOV>RUSGOV"): each partition owns
# its keys, and queries add the partitions up (across workers through the API fan-out).
# partition-scoped "p{n}|{source}>{target}" -> {"events": n, "goldstein_sum": x}
dyads = app.Table("dyads", default=None, partitions=settings.partitions)
# partition-scoped "p{n}|{ISO-3}" -> events located in that country
places = app.Table("places", default=None, partitions=settings.partitions)
# ring buffer of the latest events: "p{n}|{slot}" -> event record; "p{n}" -> next slot
recent_events = app.Table("recent-events", default=None, partitions=settings.partitions)
# events per minute (processing time), one key per partition, kept two hours
events_per_minute = (
    app.Table("events-per-minute", default=int, partitions=settings.partitions)
    .tumbling(60.0, expires=timedelta(hours=2))
    .relative_to(lambda event=None: time.time())
)
