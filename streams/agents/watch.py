"""Hop 5, `events.by-article` -> watch tables: top dyads, places, the latest events, events per minute.

Extract writes every article's events twice: one record per event on `events` (and its quad-class
topic) for subscribers, and one record per article on the internal `events.by-article`, which this
agent reads: a dozen events cost one consumed record instead of twelve.

Keys are scoped by the source partition, so every partition owns its keys (see streams/tables.py).
Records are taken in batches and added up per key. Every dyad and place value keeps the offset of
the last record it counted, and the ring of recent events keeps, in its head, the offset of the
last record it placed, so a record delivered again after a crash is not counted or listed twice.
(The events-per-minute rate is processing-time and approximate.)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from streams import jsonio
from streams.agents.batching import acting_for, delivered, recovered
from streams.app import app
from streams.tables import (
    RING_CHUNK,
    counted,
    dyads,
    events_per_minute,
    places,
    recent_events,
    ring_chunks,
    ring_head,
)
from streams.topics import events_by_article

WATCH_BATCH = 100
# a second of events per batch: a dyad, a place or a ring chunk seen several times in it is
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
            placed = []
            for ev in evs:
                offset = ev.message.offset
                records = jsonio.loads(ev.value)["events"]
                placed.append((offset, records))
                for record in records:
                    if record.get("target"):
                        pairs[f"{part}|{record['source']['code']}>{record['target']['code']}"].append(
                            (offset, record["goldstein"]))
                    loc = record.get("location")
                    if loc and loc.get("country"):
                        located[f"{part}|{loc['country']}"].append(offset)
            with acting_for(stream, evs[-1]):
                # every key keeps the offset of the last record it counted (its changelog write may
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
                fresh = remember(part, placed)
                if fresh:
                    events_per_minute[part] += fresh
        await delivered()


def remember(part: str, placed: list[tuple[int, list[dict[str, Any]]]]) -> int:
    """Put the events of the records (offset, events) into the partition's ring; return how many were new.

    Events are numbered in the order they arrive (`seq`, kept in the ring's head with the offset
    of the last record placed) and the event numbered s goes to chunk (s // RING_CHUNK) %
    ring_chunks() (see streams/tables.py). The head is written after the chunks, to the same
    changelog partition, so when it reached Kafka so did they. When it did not, the records come
    again after the head's offset and get the same numbers, and events already in their chunk are
    not added twice."""
    head_key = ring_head(part)
    head = recent_events.get(head_key) or {"seq": 0, "off": -1}
    seq, last = head["seq"], head["off"]
    chunks: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for offset, records in placed:
        if offset <= head["off"]:
            continue
        for record in records:
            chunks[seq // RING_CHUNK].append((seq, record))
            seq += 1
        last = offset
    if last == head["off"]:
        return 0
    fresh = 0
    for base, items in chunks.items():
        key = f"{part}|{base % ring_chunks()}"
        current = recent_events.get(key)
        if not (isinstance(current, dict) and current.get("base") == base):
            current = {"base": base, "events": []}
        have = {s for s, _record in current["events"]}
        new = [[s, record] for s, record in items if s not in have]
        if new:
            recent_events[key] = {"base": base, "events": current["events"] + new}
            fresh += len(new)
    recent_events[head_key] = {"seq": seq, "off": last}
    return fresh
