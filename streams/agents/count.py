"""Hop 4, `actor-mentions` -> count tables (all-time, hopping 1h/24h/7d, hourly buckets).

The topic is keyed by country-level actor code, so each table key lives on exactly one partition.
"""

from __future__ import annotations

from typing import Any

from streams import jsonio, metrics
from streams.app import app
from streams.tables import mentions_all, mentions_by_code, mentions_hourly, mentions_windowed
from streams.topics import mentions


@app.agent(mentions)
async def count(stream: Any) -> None:
    async for event in stream.events():
        mention = jsonio.loads(event.value)
        actor = mention["actor"]
        mentions_all[actor] += 1
        codes = dict(mentions_by_code[actor])
        codes[mention["code"]] = codes.get(mention["code"], 0) + 1
        mentions_by_code[actor] = codes
        for table in mentions_windowed.values():
            table[actor] += 1
        mentions_hourly[actor] += 1
        metrics.MENTIONS_COUNTED.inc()
