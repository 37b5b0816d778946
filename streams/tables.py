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

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from faust.streams import current_event

from streams.app import app, settings

log = logging.getLogger(__name__)

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

# The dedup tables remember each article for GEOEVENTS_DEDUP_DAYS (settings.dedup_window): every
# value written to them is stamped with "t" (epoch seconds of the write) and "p" (the changelog
# partition it was written to), and `sweep_dedup_tables` deletes the entries older than the window
# with a tombstone on the changelog. A copy that arrives after the window counts again (README,
# docs/operations.md).
DEDUP_TABLES: list[Any] = []


class StampedTable(app.conf.Table):  # type: ignore[misc, name-defined]
    """The app's Table class (with its Faust fixes) whose dict values get "t" and "p" on every write."""

    def __setitem__(self, key: Any, value: Any) -> None:
        if isinstance(value, dict):
            event = current_event()
            value = {**value, "t": int(time.time())}
            if event is not None:
                value["p"] = event.message.partition
        super().__setitem__(key, value)


# Kafka compacts only closed segments (segment.ms, 7 days by default): a changelog segment closed every
# hour keeps what a restarted worker reads near the live keys of its tables, not a week of writes
# (docs/soak.md)
CHANGELOG_CONFIG = {"segment.ms": str(3_600_000)}


def dedup_table(name: str) -> Any:
    """A table like app.Table(name, default=None), stamped, and swept by `sweep_dedup_tables`."""
    table = app.tables.add(StampedTable(app, name=name, default=None, beacon=app.tables.beacon,
                                        partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG))
    DEDUP_TABLES.append(table)
    return table


# article id -> {"hash": content hash, "off": offset on `articles`, "t", "p"} (ingest: duplicates, conflicts)
article_ids = dedup_table("article-ids")
# content hash -> {"id": first article id, "off": offset on `articles.by-hash`, "to": partition, "t", "p"} (dedup)
content_hashes = dedup_table("content-hashes")
# article id -> {"sending": ms} or {"off": offset on `articles.unique`}, with "t", "p" (extract; see readback.py)
extracted = dedup_table("extracted")

SWEPT: dict[str, int] = {}  # table name -> entries removed by the sweep since the worker started
SWEEP_CHUNK = 5000  # keys looked at between two yields to the event loop


def sweep_interval(window: float) -> float:
    """How often the dedup tables are swept: a twentieth of the window, between 1 s and 10 min."""
    return min(max(window / 20.0, 1.0), 600.0)


def expired(value: Any, cutoff: float, field: str = "t") -> bool:
    """An entry written (or, with `field`, whose time in that field is) before `cutoff`."""
    return float(value[field]) < cutoff


async def sweep(table: Any, window: float, now: float | None = None, field: str = "t",
                dropped: Callable[[str, Any], None] | None = None) -> int:
    """Delete the entries of `table` older than `window` seconds (by their write time "t", or the
    time in `field`); return how many were deleted. `dropped(key, value)` is called for every
    entry that got a tombstone.

    An entry of a partition this worker owns gets a tombstone on the changelog (the write Faust
    makes for `del table[key]`, to the entry's own partition "p") and leaves memory; one of a standby
    partition is left to its owner's tombstone; one of a partition this worker no longer has
    (the memory store keeps those after a rebalance) only leaves memory."""
    cutoff = (time.time() if now is None else now) - window
    assignor = app.assignor
    changelog = table.changelog_topic.get_topic_name()
    actives = {tp.partition for tp in assignor.assigned_actives() if tp.topic == changelog}
    standbys = {tp.partition for tp in assignor.assigned_standbys() if tp.topic == changelog}
    keys = list(table.data.keys())
    removed = 0
    for start in range(0, len(keys), SWEEP_CHUNK):
        if app.rebalancing or getattr(app, "in_recovery", False):
            return removed  # the partitions are moving: the next sweep looks again
        for key in keys[start:start + SWEEP_CHUNK]:
            value = table.data.get(key)
            if value is None or not expired(value, cutoff, field):
                continue
            partition = value.get("p")
            if partition in standbys:
                continue
            if partition in actives:
                table.send_changelog(partition, key, None, value_serializer="raw")  # a tombstone
                if dropped is not None:
                    dropped(key, value)
            table.data.pop(key, None)
            removed += 1
        await asyncio.sleep(0)
    return removed


@app.timer(sweep_interval(settings.dedup_window))
async def sweep_dedup_tables() -> None:
    """Remove what the dedup tables remember for longer than GEOEVENTS_DEDUP_DAYS."""
    if app.rebalancing or getattr(app, "in_recovery", False):
        return
    for table in DEDUP_TABLES:
        removed = await sweep(table, settings.dedup_window)
        if removed:
            SWEPT[table.name] = SWEPT.get(table.name, 0) + removed
            log.info("dedup window: %d entries of %s older than %.0f s removed (%d kept)",
                     removed, table.name, settings.dedup_window, len(table.data))

# story_id -> the story state of streams/stories.py `merge`, with "off" (offset of the last
# `events.by-story` record folded in), "t" and "p"; keyed like `events.by-story`, so a story lives on
# one partition. Stories whose last event is older than GEOEVENTS_STORY_DAYS of event time are
# dropped by `streams/agents/stories.py` with tombstones here and on `events.stories`.
stories: Any = app.tables.add(StampedTable(app, name="stories", default=None, beacon=app.tables.beacon,
                                      partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG))

# country-level actor code -> {"n": mentions, "codes": {full actor code: mentions}, "off": last offset}
mentions_all = app.Table("mentions-all", default=None, partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG)

# Hopping windows over event time, stored as panes: each mention is added to one tumbling bucket
# of its pane table (value {"n": count, "off": offset of the last record counted}; one changelog write), and a window's count is the sum of the panes it covers
# (Li et al., "No pane, no gain", 2005). The 1h window hops every 15 minutes (4 panes of 15 min),
# the 24h and 7d windows hop every hour (24 and 168 hourly panes). Panes expire with their longest
# window, so memory stays bounded.
PANE_15M = 15 * 60.0
mentions_15m = (
    app.Table("mentions-15m", default=int, partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG)
    .tumbling(PANE_15M, expires=timedelta(hours=2))
    .relative_to(event_time_of)  # type: ignore[attr-defined]
)
mentions_hourly = (
    app.Table("mentions-hourly", default=int, partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG)
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
    """(count, offset of the last record counted) of a pane or place value {"n", "off"}; (0, -1)
    for none (a missing key: the table's default, None or 0)."""
    if not value:
        return 0, -1
    return int(value["n"]), int(value["off"])


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
dyads = app.Table("dyads", default=None, partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG)
# partition-scoped "p{n}|{ISO-3}" -> events located in that country
places = app.Table("places", default=None, partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG)
# events per minute (processing time), one key per partition, kept two hours
events_per_minute = (
    app.Table("events-per-minute", default=int, partitions=settings.partitions, extra_topic_configs=CHANGELOG_CONFIG)
    .tumbling(60.0, expires=timedelta(hours=2))
    .relative_to_stream()
)
