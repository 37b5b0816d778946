"""Hop 4, `actor-mentions` -> count tables (all-time with per-code counts; 15-minute and hourly panes
of the hopping 1h/24h/7d windows).

The topic is keyed by country-level actor code, so each table key lives on exactly one partition
and sees its records in offset order. Records are taken in batches and added up per actor and
pane, so a burst of mentions of one actor costs one table write per pane, not one per mention.
The all-time value keeps the offset of the last record it counted: a record delivered again after
a crash is not counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from streams import jsonio, metrics
from streams.agents.batching import acting_for, delivered
from streams.app import app
from streams.tables import HOUR, PANE_15M, event_time_of, mentions_15m, mentions_all, mentions_hourly
from streams.topics import mentions

COUNT_BATCH = 500
PANE_TABLES = (mentions_15m, mentions_hourly)
PANE_SIZES = (PANE_15M, HOUR)


@app.agent(mentions)
async def count(stream: Any) -> None:
    async for batch in stream.take_events(COUNT_BATCH, within=0.05):
        by_actor: dict[str, list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
        for event in batch:
            mention = jsonio.loads(event.value)
            by_actor[mention["actor"]].append((event, mention))
        for actor, items in by_actor.items():
            current = mentions_all.get(actor) or {"n": 0, "codes": {}, "off": -1}
            fresh = [(ev, m) for ev, m in items if ev.message.offset > current["off"]]
            if not fresh:
                continue  # counted before a restart
            codes = dict(current["codes"])
            panes: dict[tuple[int, float], list[Any]] = {}
            for ev, m in fresh:
                codes[m["code"]] = codes.get(m["code"], 0) + 1
                ts = event_time_of(ev)
                for i, size in enumerate(PANE_SIZES):
                    panes.setdefault((i, ts // size), [ev, 0])[1] += 1
            last = fresh[-1][0]
            with acting_for(stream, last):
                mentions_all[actor] = {"n": current["n"] + len(fresh), "codes": codes, "off": last.message.offset}
            for (i, _pane), (ev, n) in panes.items():
                with acting_for(stream, ev):
                    PANE_TABLES[i][actor] += n
            metrics.MENTIONS_COUNTED.inc(len(fresh))
        await delivered()
