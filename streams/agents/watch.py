"""Hop 5, `events.by-article` -> watch tables: top dyads, places, events per minute.

Extract writes every event to `events` (and its quad-class topic) for subscribers, and one small
record per article on the internal `events.by-article` with what this agent counts of its events
(actor codes, Goldstein value, country of the place): a dozen events cost one consumed record of
about a hundred bytes each instead of twelve full ones. The latest events themselves are read from
the tail of `events` when the API asks for them (streams/web/recent.py).

Keys are scoped by the source partition, so every partition owns its keys (see streams/tables.py).
Records are taken in batches and added up per key. Every dyad and place value keeps the offset of
the last record it counted, so a record delivered again after a crash is not counted twice.
(The events-per-minute rate is processing-time and approximate.)
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from streams import jsonio
from streams.agents.batching import acting_for, delivered, recovered
from streams.app import app
from streams.extraction.records import counted_events
from streams.tables import counted, dyads, events_per_minute, places
from streams.topics import events_by_article

log = logging.getLogger(__name__)
WATCH_BATCH = 100
# a second of events per batch: a dyad or a place seen several times in it is
# written once (the tables trail the events topic by up to a second)
WATCH_WITHIN = 1.0


@app.agent(events_by_article)
async def watch(stream: Any) -> None:
    async for batch in stream.take_events(WATCH_BATCH, within=WATCH_WITHIN):
        await recovered()
        by_partition: dict[int, list[Any]] = defaultdict(list)
        for event in batch:
            by_partition[event.message.partition].append(event)
        for partition, evs in by_partition.items():
            part = f"p{partition}"
            pairs: dict[str, list[tuple[int, float]]] = defaultdict(list)
            located: dict[str, list[int]] = defaultdict(list)
            rate = 0
            for ev in evs:
                offset = ev.message.offset
                try:
                    records = counted_events(jsonio.loads(ev.value))
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    # written by extract, so not expected; a newer version from a newer worker is left to it
                    log.warning("watch: %s[%d]@%d skipped: %s", ev.message.topic, ev.message.partition, offset, exc)
                    continue
                rate += len(records)
                for record in records:
                    if record["target"]:
                        pairs[f"{part}|{record['source']}>{record['target']}"].append((offset, record["goldstein"]))
                    if record["country"]:
                        located[f"{part}|{record['country']}"].append(offset)
            with acting_for(stream, evs[-1]):
                # every key keeps the offset of the last record it counted (its changelog write may
                # reach Kafka without the others before a crash)
                for key, items in pairs.items():
                    cur = dyads.get(key) or {"events": 0, "goldstein_sum": 0.0, "off": -1}
                    new = [g for off, g in items if off > cur["off"]]
                    if new:
                        dyads[key] = {"events": cur["events"] + len(new), "goldstein_sum": cur["goldstein_sum"] + sum(new),
                                      "off": items[-1][0]}
                for key, offsets in located.items():
                    n, last = counted(places.get(key))
                    new_offsets = [off for off in offsets if off > last]
                    if new_offsets:
                        places[key] = {"n": n + len(new_offsets), "off": new_offsets[-1]}
                events_per_minute[part] += rate
        await delivered()
