"""Hop 5, `events` -> watch tables: top dyads, places, the latest events, events per minute.

Keys are scoped by the source partition, so every partition owns its keys (see streams/tables.py).
Events are taken in batches and added up per key. The ring cursor keeps the offset of the last
event it recorded, so an event delivered again after a crash is skipped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from streams import jsonio
from streams.agents.batching import acting_for, delivered
from streams.app import app, settings
from streams.tables import dyads, events_per_minute, places, recent_events
from streams.topics import events

WATCH_BATCH = 500


@app.agent(events)
async def watch(stream: Any) -> None:
    async for batch in stream.take_events(WATCH_BATCH, within=0.05):
        by_partition: dict[int, list[Any]] = defaultdict(list)
        for event in batch:
            by_partition[event.message.partition].append(event)
        for partition, evs in by_partition.items():
            part = f"p{partition}"
            cursor = recent_events.get(part) or {"slot": 0, "off": -1}
            fresh = [ev for ev in evs if ev.message.offset > cursor["off"]]
            if not fresh:
                continue  # seen before a restart
            pair_counts: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
            place_counts: dict[str, int] = defaultdict(int)
            slot = cursor["slot"]
            with acting_for(stream, fresh[-1]):
                for ev in fresh:
                    record = jsonio.loads(ev.value)
                    if record.get("target"):
                        pc = pair_counts[f"{part}|{record['source']['code']}>{record['target']['code']}"]
                        pc[0] += 1
                        pc[1] += record["goldstein"]
                    loc = record.get("location")
                    if loc and loc.get("country"):
                        place_counts[f"{part}|{loc['country']}"] += 1
                    recent_events[f"{part}|{slot}"] = record
                    slot = (slot + 1) % settings.recent_events
                for key, (n, gsum) in pair_counts.items():
                    cur = dyads.get(key) or {"events": 0, "goldstein_sum": 0.0}
                    dyads[key] = {"events": cur["events"] + int(n), "goldstein_sum": cur["goldstein_sum"] + gsum}
                for key, n in place_counts.items():
                    places[key] = (places.get(key) or 0) + n
                recent_events[part] = {"slot": slot, "off": fresh[-1].message.offset}
                events_per_minute[part] += len(fresh)
        await delivered()
