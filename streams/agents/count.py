"""Hop 4, `actor-mentions` -> count tables (all-time with per-code counts, hopping 1h/24h/7d, hourly).

The topic is keyed by country-level actor code, so each table key lives on exactly one partition
and sees its records in offset order. The all-time value keeps the offset of the last record it
counted: a record delivered again after a crash is not counted twice.
"""

from __future__ import annotations

from typing import Any

from streams import jsonio, metrics
from streams.app import app
from streams.tables import mentions_all, mentions_hourly, mentions_windowed
from streams.topics import mentions


@app.agent(mentions)
async def count(stream: Any) -> None:
    async for event in stream.events():
        mention = jsonio.loads(event.value)
        actor = mention["actor"]
        offset = event.message.offset
        current = mentions_all.get(actor) or {"n": 0, "codes": {}, "off": -1}
        if offset <= current["off"]:
            continue  # counted before a restart
        codes = dict(current["codes"])
        codes[mention["code"]] = codes.get(mention["code"], 0) + 1
        mentions_all[actor] = {"n": current["n"] + 1, "codes": codes, "off": offset}
        for table in mentions_windowed.values():
            table[actor] += 1
        mentions_hourly[actor] += 1
        metrics.MENTIONS_COUNTED.inc()
