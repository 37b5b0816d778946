"""Hop 6, `events.by-story` -> the `stories` table and the compacted `events.stories` topic.

Extract writes one record per article and story (the article's events of that story, see
streams/stories.py), keyed by story_id: every story lives on one partition and sees its records in
offset order. Records are taken in batches and folded per story, so a story reported by twenty
articles of one batch costs one table write and one `events.stories` record.

Exactly once: the story state keeps the offset of the last record folded in ("off"), in the same
table record as the counts, so a record delivered again after a crash is not counted twice. Such
a record makes the agent publish the story's current state again: if the crash fell between the
table write and the topic record, the topic catches up (a compacted topic keeps the latest).

Retention: a timer drops the stories whose last event is older than the horizon
(GEOEVENTS_STORY_DAYS of event time) with a tombstone on the table's changelog and on
`events.stories`; a contribution older than the horizon is not folded in, so a dropped story does
not come back with a late report.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from typing import Any

from streams import jsonio, metrics
from streams.agents.batching import acting_for, delivered, recovered
from streams.agents.outbox import batch_outbox, forward
from streams.app import app, settings
from streams.stories import merge, story_record
from streams.tables import stories as stories_table
from streams.tables import sweep
from streams.topics import events_by_story
from streams.topics import stories as stories_topic

log = logging.getLogger(__name__)
STORY_BATCH = 200
STORY_WITHIN = 0.5
DROPPED: dict[str, int] = {"stories": 0}


def fold(state: dict[str, Any] | None, items: list[tuple[Any, dict[str, Any]]],
         cutoff: float) -> tuple[dict[str, Any] | None, list[Any]]:
    """The state after the records of `items` (event, contribution) not folded in yet (offset above
    the state's "off"), without those older than `cutoff`; and the events that were new."""
    off = state["off"] if state else -1
    new = [(ev, c) for ev, c in items if ev.message.offset > off]
    if not new:
        return state, []
    for _ev, c in new:
        if c["time"] >= cutoff:
            state = merge(state, c)
    if state is not None:
        state = {**state, "off": new[-1][0].message.offset}
    return state, [ev for ev, _c in new]


@app.agent(events_by_story)
async def stories(stream: Any) -> None:
    async for batch in stream.take_events(STORY_BATCH, within=STORY_WITHIN):
        await recovered()
        started = time.perf_counter()
        cutoff = time.time() - settings.story_horizon
        by_story: dict[str, list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
        for ev in batch:
            try:
                contribution = jsonio.loads(ev.value)
                if contribution.get("schema_version") != 1:
                    raise ValueError(f"unknown schema_version {contribution.get('schema_version')!r}")
                by_story[contribution["story_id"]].append((ev, contribution))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                # written by extract, so not expected
                log.warning("stories: %s[%d]@%d skipped: %s", ev.message.topic, ev.message.partition,
                            ev.message.offset, exc)
        outbox = await batch_outbox(app, [stories_topic])
        pending = []
        for sid, items in by_story.items():
            current = stories_table.get(sid)
            state, new = fold(current, items, cutoff)
            if new and state is not None:
                with acting_for(stream, new[-1]):
                    stories_table[sid] = state
                metrics.STORY_UPDATES.inc()
            if state is not None and "story_id" in state:
                fut = await forward(outbox, stories_topic, sid.encode(), jsonio.dumps(story_record(state)))
                if fut is not None:
                    pending.append(fut)
        metrics.STORY_SECONDS.inc(time.perf_counter() - started)
        if outbox is not None:
            pending += await outbox.send()
        for fut in pending:
            await fut
        await delivered()


@app.timer(min(max(settings.story_horizon / 20.0, 1.0), 600.0))
async def drop_old_stories() -> None:
    """Remove the stories whose last event is older than GEOEVENTS_STORY_DAYS (event time)."""
    if app.rebalancing or getattr(app, "in_recovery", False):
        return
    gone: list[tuple[str, int]] = []
    removed = await sweep(stories_table, settings.story_horizon, field="last",
                          dropped=lambda key, value: gone.append((key, value["p"])))
    # a dropped story leaves `events.stories` too: a record without a value, to the story's partition
    name = stories_topic.get_topic_name()
    sent = [await app.producer.send(name, key.encode(), None, partition, None, None) for key, partition in gone]
    for fut in sent:
        await fut
    await delivered()
    if removed:
        DROPPED["stories"] += removed
        log.info("stories: %d dropped, older than %.0f s of event time (%d kept)", removed,
                 settings.story_horizon, len(stories_table.data))
