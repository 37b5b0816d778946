"""Hop 4, `actor-mentions` -> count tables (all-time with per-code counts; 15-minute and hourly
panes of the hopping 1h/24h/7d windows). A record holds all mentions of one actor in one article.

The topic is keyed by country-level actor code, so each table key lives on exactly one partition
and sees its records in offset order. Records are taken in batches and added up per actor and
pane, so a burst of mentions of one actor costs one table write per pane, not one per mention.
The all-time value and every pane keep the offset of the last record they counted, in the same
table record as the count: a record delivered again after a crash is not counted twice, even when
only some of a batch's changelog writes reached Kafka before the crash.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from streams import jsonio, metrics
from streams.agents.batching import acting_for, delivered, recovered
from streams.app import app
from streams.tables import HOUR, PANE_15M, counted, event_time_of, mentions_15m, mentions_all, mentions_hourly
from streams.topics import mentions

COUNT_BATCH = 500
PANE_TABLES = (mentions_15m, mentions_hourly)
PANE_SIZES = (PANE_15M, HOUR)


@app.agent(mentions)
async def count(stream: Any) -> None:
    async for batch in stream.take_events(COUNT_BATCH, within=0.1):
        await recovered()
        by_actor: dict[str, list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
        for event in batch:
            mention = jsonio.loads(event.value)
            by_actor[mention["actor"]].append((event, mention))
        for actor, items in by_actor.items():
            current = mentions_all.get(actor) or {"n": 0, "codes": {}, "off": -1}
            fresh = [(ev, m) for ev, m in items if ev.message.offset > current["off"]]
            if fresh:
                codes = dict(current["codes"])
                for _ev, m in fresh:
                    for code, k in m["codes"].items():
                        codes[code] = codes.get(code, 0) + k
                n_fresh = sum(m["mentions"] for _ev, m in fresh)
                last = fresh[-1][0]
                with acting_for(stream, last):
                    mentions_all[actor] = {"n": current["n"] + n_fresh, "codes": codes, "off": last.message.offset}
                metrics.MENTIONS_COUNTED.inc(n_fresh)
            # every pane keeps its own offset: its changelog write may be delivered without the others
            for table, size in zip(PANE_TABLES, PANE_SIZES, strict=True):
                panes: dict[float, list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
                for ev, m in items:
                    panes[event_time_of(ev) // size].append((ev, m))
                for pane in panes.values():
                    last_ev = pane[-1][0]
                    n, off = counted(table.table._windowed_timestamp(actor, event_time_of(last_ev)))
                    new = [(ev, m) for ev, m in pane if ev.message.offset > off]
                    if new:
                        with acting_for(stream, new[-1][0]):
                            table[actor] = {"n": n + sum(m["mentions"] for _ev, m in new),
                                            "off": new[-1][0].message.offset}
        await delivered()
