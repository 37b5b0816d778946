"""Hop 5, `events` -> watch tables: top dyads, places, the latest events, events per minute.

Keys are scoped by the source partition, so every partition owns its keys (see streams/tables.py).
The ring cursor keeps the offset of the last event it recorded, so a redelivered event is skipped.
"""

from __future__ import annotations

from typing import Any

from streams import jsonio
from streams.app import app, settings
from streams.tables import dyads, events_per_minute, places, recent_events
from streams.topics import events


@app.agent(events)
async def watch(stream: Any) -> None:
    async for event in stream.events():
        record = jsonio.loads(event.value)
        part = f"p{event.message.partition}"
        cursor = recent_events.get(part) or {"slot": 0, "off": -1}
        if event.message.offset <= cursor["off"]:
            continue  # seen before a restart
        if record.get("target"):
            key = f"{part}|{record['source']['code']}>{record['target']['code']}"
            cur = dyads.get(key) or {"events": 0, "goldstein_sum": 0.0}
            dyads[key] = {"events": cur["events"] + 1, "goldstein_sum": cur["goldstein_sum"] + record["goldstein"]}
        loc = record.get("location")
        if loc and loc.get("country"):
            key = f"{part}|{loc['country']}"
            places[key] = (places.get(key) or 0) + 1
        recent_events[f"{part}|{cursor['slot']}"] = record
        recent_events[part] = {"slot": (cursor["slot"] + 1) % settings.recent_events, "off": event.message.offset}
        events_per_minute[part] += 1
