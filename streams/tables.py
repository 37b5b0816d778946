"""Every table, with its key, window and expiry.

Windowed mention counts (hopping windows kept as panes, see below) are relative to event time: each actor-mentions record carries the
article's published_at (processing time when it had none) in its `event-time` header, while Kafka
record timestamps stay processing time (so topic retention works for backfills too).
Lateness policy: a mention counts in the pane of its event time; panes older than their table's
retention behind the newest processing time are dropped by the table cleanup (every 60 s), so an
article published days late is counted in the all-time table and only in the windows that still
cover its time. Memory stays bounded.
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
# article id -> offset on `articles.unique` of the extraction that was fully delivered (extract)
extracted = app.Table("extracted", default=None, partitions=settings.partitions)

# country-level actor code -> {"n": mentions, "codes": {full actor code: mentions}, "off": last offset}
mentions_all = app.Table("mentions-all", default=None, partitions=settings.partitions)

# Hopping windows over event time, stored as panes: each mention is added to one tumbling bucket
# of its pane table (value {"n": count, "off": offset of the last record counted}; one changelog write), and a window's count is the sum of the panes it covers
# (Li et al., "No pane, no gain", 2005). The 1h window hops every 15 minutes (4 panes of 15 min),
# the 24h and 7d windows hop every hour (24 and 168 hourly panes). Panes expire with their longest
# window, so memory stays bounded.
PANE_15M = 15 * 60.0
mentions_15m = (
    app.Table("mentions-15m", default=int, partitions=settings.partitions)
    .tumbling(PANE_15M, expires=timedelta(hours=2))
    .relative_to(event_time_of)  # type: ignore[attr-defined]
)
mentions_hourly = (
    app.Table("mentions-hourly", default=int, partitions=settings.partitions)
    .tumbling(HOUR, expires=timedelta(days=8))
    .relative_to(event_time_of)  # type: ignore[attr-defined]
)

# label -> (size, step, pane table)
WINDOWS = {
    "1h": (HOUR, PANE_15M, mentions_15m),
    "24h": (DAY, HOUR, mentions_hourly),
    "7d": (7 * DAY, HOUR, mentions_hourly),
}


def counted(value: Any) -> tuple[int, int]:
    """(count, offset of the last record counted) of a pane or place value ({"n", "off"}; ints: older values)."""
    if isinstance(value, dict):
        return int(value["n"]), int(value["off"])
    return int(value or 0), -1


def pane_count(table: Any, key: str, timestamp: float) -> int:
    """Count in the pane of `table` that holds `timestamp`."""
    return counted(table.table._windowed_timestamp(key, timestamp))[0]


def window_count(key: str, label: str, now: float | None = None) -> int:
    """Mentions of `key` in the hopping window `label` that ends with the current pane."""
    size, step, table = WINDOWS[label]
    now = time.time() if now is None else now
    return sum(pane_count(table, key, now - i * step) for i in range(int(size // step)))


# Tables fed from the events topic (keyed by event_id, so one dyad or place shows up on every
# partition). Their keys are scoped by source partition ("p3|PRKGOV>RUSGOV"): each partition owns
# its keys, and queries add the partitions up (across workers through the API fan-out).
# partition-scoped "p{n}|{source}>{target}" -> {"events": n, "goldstein_sum": x}
dyads = app.Table("dyads", default=None, partitions=settings.partitions)
# partition-scoped "p{n}|{ISO-3}" -> events located in that country
places = app.Table("places", default=None, partitions=settings.partitions)
# events per minute (processing time), one key per partition, kept two hours
events_per_minute = (
    app.Table("events-per-minute", default=int, partitions=settings.partitions)
    .tumbling(60.0, expires=timedelta(hours=2))
    .relative_to_stream()
)
