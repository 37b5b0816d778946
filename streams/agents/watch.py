"""Hop 5, `events` -> watch tables: top dyads, places, the latest events, events per minute.

Keys are scoped by the source partition, so every partition owns its keys (see streams/tables.py).
Events are taken in batches and added up per key. Every dyad and place value keeps the offset of
the last event it counted, and the ring of recent events places each event by its offset, so an
event delivered again after a crash is not counted or listed twice. (The events-per-minute rate is processing-time and approximate.)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from streams import jsonio
from streams.agents.batching import acting_for, delivered, recovered
from streams.app import app
from streams.tables import RING_CHUNK, counted, dyads, events_per_minute, places, recent_events, ring_chunks
from streams.topics import events

WATCH_BATCH = 500


@app.agent(events)
async def watch(stream: Any) -> None:
    async for batch in stream.take_events(WATCH_BATCH, within=0.05):
        await recovered()
        by_partition: dict[int, list[Any]] = defaultdict(list)
        for event in batch:
            by_partition[event.message.partition].append(event)
        for partition, evs in by_partition.items():
            part = f"p{partition}"
            pairs: dict[str, list[tuple[int, float]]] = defaultdict(list)
            located: dict[str, list[int]] = defaultdict(list)
            records = []
            for ev in evs:
                record = jsonio.loads(ev.value)
                records.append(record)
                if record.get("target"):
                    pairs[f"{part}|{record['source']['code']}>{record['target']['code']}"].append(
                        (ev.message.offset, record["goldstein"]))
                loc = record.get("location")
                if loc and loc.get("country"):
                    located[f"{part}|{loc['country']}"].append(ev.message.offset)
            with acting_for(stream, evs[-1]):
                # every key keeps the offset of the last event it counted (its changelog write may
                # reach Kafka without the others before a crash)
                for key, items in pairs.items():
                    cur = dyads.get(key) or {"events": 0, "goldstein_sum": 0.0, "off": -1}
                    new = [g for off, g in items if off > cur.get("off", -1)]
                    if new:
                        dyads[key] = {"events": cur["events"] + len(new), "goldstein_sum": cur["goldstein_sum"] + sum(new),
                                      "off": items[-1][0]}
                for key, offsets in located.items():
                    n, last = counted(places.get(key))
                    new_offsets = [off for off in offsets if off > last]
                    if new_offsets:
                        places[key] = {"n": n + len(new_offsets), "off": new_offsets[-1]}
                fresh = remember(part, evs, records)
                if fresh:
                    events_per_minute[part] += fresh
        await delivered()



def remember(part: str, evs: list[Any], records: list[dict[str, Any]]) -> int:
    """Put the events into their ring chunks (see streams/tables.py); return how many were new."""
    chunks: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for ev, record in zip(evs, records, strict=True):
        chunks[ev.message.offset // RING_CHUNK].append((ev.message.offset, record))
    fresh = 0
    for base, items in chunks.items():
        key = f"{part}|{base % ring_chunks()}"
        current = recent_events.get(key)
        if not (isinstance(current, dict) and current.get("base") == base):
            current = {"base": base, "events": []}
        have = {off for off, _record in current["events"]}
        new = [[off, record] for off, record in items if off not in have]
        if new:
            recent_events[key] = {"base": base, "events": current["events"] + new}
            fresh += len(new)
    return fresh
