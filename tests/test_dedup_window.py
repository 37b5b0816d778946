"""The dedup window on the real broker (GEOEVENTS_DEDUP_SECONDS=4): inside the window a copy is a
duplicate; after it the entries of the article ids, content hashes and extraction marks are gone,
with a tombstone for each on the table's changelog, and the same article counts again."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest

from streams import jsonio
from streams.clients import consumer
from streams.publish import publish_records
from streams.settings import Settings
from streams.testing import counters, read_topic
from tests.helpers import get

WINDOW = 4.0
ARTICLE = {"id": "window-1", "text": "Russia and China signed a trade agreement in Beijing on Monday, officials said."}


def changelog(settings: Any, table: str, idle: float = 1.5) -> list[tuple[Any, bytes | None]]:
    """(decoded key, raw value) of every record of a table's changelog; None values are tombstones."""

    async def _read() -> list[tuple[Any, bytes | None]]:
        cons = consumer(settings, f"{settings.app_id}-{table}-changelog", from_beginning=True)
        await cons.start()
        out: list[tuple[Any, bytes | None]] = []
        last = time.monotonic()
        try:
            while time.monotonic() - last < idle:
                for records in (await cons.getmany(timeout_ms=300)).values():
                    for rec in records:
                        out.append((json.loads(rec.key), rec.value))
                        last = time.monotonic()
        finally:
            await cons.stop()
        return out

    return asyncio.run(_read())


def send(settings: Any, path: Path, *articles: dict[str, str]) -> None:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles))
    sent, failed = asyncio.run(publish_records(settings, [str(path)], settings.topic_articles, quiet=True))
    assert (sent, failed) == (len(articles), 0)


def wait_for_counter(worker: Any, name: str, at_least: float, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if counters([worker]).get(name, 0) >= at_least:
            return
        time.sleep(0.2)
    raise AssertionError(f"{name} did not reach {at_least}: {counters([worker])}")


def table_sizes(worker: Any) -> dict[str, int]:
    status, body = get(f"{worker.url}/api/stats")
    assert status == 200
    return {name: body["tables"][name] for name in ("article-ids", "content-hashes", "extracted")}


@pytest.mark.integration
def test_dedup_window_sweeps_entries_with_tombstones_and_keeps_duplicates_inside(
        start_worker: Any, stack_env: dict[str, str], tmp_path: Path) -> None:
    worker = start_worker({"GEOEVENTS_DEDUP_SECONDS": str(WINDOW)})
    settings = Settings.from_mapping(stack_env)
    first = time.monotonic()
    send(settings, tmp_path / "a.jsonl", ARTICLE)
    wait_for_counter(worker, "articles_extracted", 1)
    # inside the window: the same id again, and the same text under a new id, are duplicates
    send(settings, tmp_path / "b.jsonl", ARTICLE, {**ARTICLE, "id": "window-1-copy"})
    wait_for_counter(worker, "articles_rejected", 2)
    assert time.monotonic() - first < WINDOW, "the copies came too late to test the window (a slow machine?)"
    reasons = sorted(r["reason"] for _, r in read_topic(settings, settings.topic_rejected, idle=1.0))
    assert reasons == ["duplicate", "duplicate_content"]
    assert all(n >= 1 for n in table_sizes(worker).values())

    # after the window (and a sweep, every second here) the entries are gone, with tombstones
    deadline = time.monotonic() + WINDOW + 10
    while any(table_sizes(worker).values()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert table_sizes(worker) == {"article-ids": 0, "content-hashes": 0, "extracted": 0}
    expected_keys = {"article-ids": {ARTICLE["id"], "window-1-copy"}, "extracted": {ARTICLE["id"]}}
    for table in ("article-ids", "content-hashes", "extracted"):
        records = changelog(settings, table)
        last: dict[Any, bytes | None] = {}
        for key, value in records:
            last[key] = value
        assert last and all(v is None for v in last.values()), f"{table}: keys without a tombstone: {records}"
        assert all(v is not None for _, v in records[:len(last)]), records  # written before they were swept
        if table in expected_keys:
            assert set(last) == expected_keys[table]
        else:
            assert len(last) == 1 and jsonio.loads(records[0][1])["id"] == ARTICLE["id"]  # type: ignore[arg-type]

    # the trade-off: a copy after the window counts again
    extracted = counters([worker])["articles_extracted"]
    send(settings, tmp_path / "c.jsonl", ARTICLE)
    wait_for_counter(worker, "articles_extracted", extracted + 1)
