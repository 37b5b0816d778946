"""`geoevents tail`: print a topic's messages, optionally filtered, as a table or JSON lines."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from rich.console import Console

from streams import jsonio
from streams.clients import consumer
from streams.settings import Settings


@dataclass(frozen=True)
class EventFilter:
    country: str | None = None
    root: str | None = None
    quad: int | None = None
    min_goldstein: float | None = None

    def accepts(self, msg: Any) -> bool:
        if not isinstance(msg, dict) or "cameo" not in msg:
            return self.country is None and self.root is None and self.quad is None and self.min_goldstein is None
        if self.country:
            countries = {(msg.get("source") or {}).get("country"), (msg.get("target") or {}).get("country")}
            if self.country not in countries:
                return False
        if self.root and msg["cameo"]["root"] != self.root.zfill(2):
            return False
        if self.quad and msg["quad_class"] != self.quad:
            return False
        if self.min_goldstein is not None and msg["goldstein"] < self.min_goldstein:
            return False
        return True


def event_line(msg: dict[str, Any]) -> str:
    if "cameo" not in msg:
        return jsonio.dumps_line(msg)
    target = (msg.get("target") or {}).get("code") or "-"
    flags = "".join(f for f, on in (("N", msg.get("negated")), ("H", msg.get("hypothetical"))) if on)
    place = (msg.get("location") or {}).get("name") or ""
    return (f"{msg['published_at'][:16]}  {msg['source']['code']:>9} -> {target:<9} {msg['cameo']['code']:<4} "
            f"{msg['cameo']['name'][:38]:<38} {msg['goldstein']:>5.1f} {flags:<2} {place[:18]:<18} "
            f"| {msg['sentence'][:90]}")


async def tail_topic(settings: Settings, topic: str, from_beginning: bool, limit: int, timeout: float,
                     flt: EventFilter, as_json: bool) -> int:
    console = Console(highlight=False, soft_wrap=True)
    from aiokafka.errors import UnknownTopicOrPartitionError

    cons = consumer(settings, topic, from_beginning=from_beginning)
    try:
        await cons.start()
    except UnknownTopicOrPartitionError:
        await cons.stop()
        raise SystemExit(f"error: topic {topic!r} does not exist (has a worker run against this broker?)") from None
    shown = 0
    loop = asyncio.get_running_loop()
    last_seen = loop.time()
    try:
        while not limit or shown < limit:
            batch = await cons.getmany(timeout_ms=500)
            if not batch:
                if timeout and loop.time() - last_seen > timeout:
                    break
                continue
            last_seen = loop.time()
            for records in batch.values():
                for rec in records:
                    try:
                        msg = jsonio.loads(rec.value)
                    except jsonio.JSONDecodeError:
                        msg = {"raw": rec.value.decode("utf-8", errors="replace")}
                    if not flt.accepts(msg):
                        continue
                    print(jsonio.dumps_line(msg)) if as_json else console.print(event_line(msg), markup=False)
                    shown += 1
                    if limit and shown >= limit:
                        return shown
    finally:
        await cons.stop()
    return shown
