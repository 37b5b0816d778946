"""Hop 5, `events` -> watch tables: top dyads, places, the latest events, events per minute.

Keys are scoped by the source partition, so every partition owns its keys (see streams/tables.py).
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
        if record.get("target"):
            key = f"{part}|{record['source']['code']}>{record['target']['code']}"
            cur = dyads.get(key) or {"events": 0, "goldstein_sum": 0.0}
            dyads[key] = {"events": cur["events"] + 1, "goldstein_sum": cur["goldstein_sum"] + record["goldstein"]}
        loc = record.get("location")
        if loc and loc.get("country"):
            key = f"{part}|{loc['country']}"
            places[key] = (places.get(key) or 0) + 1
        slot = recent_events.get(part) or 0
        recent_events[f"{part}|{slot}"] = record
        recent_events[part] = (slot + 1) % settings.recent_events
        events_per_minute[part] += 1
