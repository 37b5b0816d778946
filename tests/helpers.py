"""Helpers for integration tests: publish, read whole topics, wait for a worker to settle."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request
from collections import Counter
from typing import Any

from streams import jsonio
from streams.clients import consumer
from streams.demo import WorkerProcess
from streams.publish import publish_records
from streams.settings import Settings


def publish(settings: Settings, *paths: str) -> int:
    sent, failed = asyncio.run(publish_records(settings, list(paths), settings.topic_articles, quiet=True))
    assert failed == 0
    return sent


def read_topic(settings: Settings, topic: str, idle: float = 2.0) -> list[tuple[str | None, Any]]:
    """Every message of a topic from the beginning, until `idle` seconds pass without one."""

    async def _read() -> list[tuple[str | None, Any]]:
        cons = consumer(settings, topic, from_beginning=True)
        await cons.start()
        out: list[tuple[str | None, Any]] = []
        last = time.monotonic()
        try:
            while time.monotonic() - last < idle:
                batch = await cons.getmany(timeout_ms=300)
                for records in batch.values():
                    for rec in records:
                        out.append((rec.key.decode() if rec.key else None, jsonio.loads(rec.value)))
                        last = time.monotonic()
        finally:
            await cons.stop()
        return out

    return asyncio.run(_read())


def mention_counts(records: list[tuple[str | None, Any]]) -> Counter[str]:
    """Mentions per actor in `actor-mentions` records (one record per article and actor)."""
    counts: Counter[str] = Counter()
    for key, record in records:
        counts[key or record["actor"]] += record["mentions"]
    return counts


def get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, jsonio.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, jsonio.loads(exc.read())


def counters(workers: list[WorkerProcess]) -> dict[str, float]:
    total: dict[str, float] = {}
    for w in workers:
        h = w.health() or {"counters": {}}
        for k, v in h["counters"].items():
            total[k] = total.get(k, 0) + v
    return total


def wait_settled(workers: list[WorkerProcess], handled: int, timeout: float = 120.0) -> dict[str, float]:
    """Wait until `handled` articles were extracted or rejected and every mention is counted."""
    deadline = time.monotonic() + timeout
    stable = None
    while time.monotonic() < deadline:
        c = counters(workers)
        done = c.get("articles_extracted", 0) + c.get("articles_rejected", 0) >= handled
        if done and c.get("mentions_counted", 0) >= c.get("mentions_out", 0):
            stable = stable or time.monotonic()
            if time.monotonic() - stable > 1.5:
                return c
        else:
            stable = None
        time.sleep(0.3)
    raise AssertionError(f"workers did not settle: {counters(workers)}")
