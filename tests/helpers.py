"""Helpers for integration tests: publish, count mentions, query a worker, wait for workers to settle.
Brokers, workers and topic readers are in streams/testing.py."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request
from collections import Counter
from typing import Any

from streams import jsonio
from streams.publish import publish_records
from streams.settings import Settings
from streams.testing import WorkerProcess, counters


def publish(settings: Settings, *paths: str) -> int:
    sent, failed = asyncio.run(publish_records(settings, list(paths), settings.topic_articles, quiet=True))
    assert failed == 0
    return sent


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
