"""Agent tests with Faust's test_context(): the agents' logic on an in-memory app, no broker.

Sends to other topics are replaced by recorders here (this is a unit test); the integration
tests run the same agents against the real broker.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any
from unittest import mock

import pytest

os.environ.setdefault("GEOEVENTS_GUARANTEE", "at_least_once")

from streams import jsonio  # noqa: E402
from streams.agents import count as count_mod  # noqa: E402
from streams.agents import dedup as dedup_mod  # noqa: E402
from streams.agents import ingest as ingest_mod  # noqa: E402
from streams.agents import rejects as rejects_mod  # noqa: E402
from streams.agents import stories as stories_mod  # noqa: E402
from streams.agents import watch as watch_mod  # noqa: E402
from streams.tables import (  # noqa: E402
    article_ids,
    content_hashes,
    counted,
    dyads,
    events_per_minute,
    mentions_15m,
    mentions_all,
    mentions_hourly,
    places,
    stories,
    window_count,
)


class Recorder:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send(self, **kwargs: Any) -> Any:
        self.sent.append(kwargs)
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        fut.set_result(None)
        return fut


async def _nothing_pending() -> None:
    return None


@pytest.fixture(autouse=True)
def _no_producer() -> Any:
    """No broker here: waiting for delivery is a no-op (and watch takes its batches within 0.1 s)."""
    with mock.patch.object(count_mod, "delivered", _nothing_pending), \
            mock.patch.object(watch_mod, "delivered", _nothing_pending), \
            mock.patch.object(watch_mod, "WATCH_WITHIN", 0.1), \
            mock.patch.object(stories_mod, "delivered", _nothing_pending), \
            mock.patch.object(stories_mod, "STORY_WITHIN", 0.1):
        yield


@pytest.fixture(autouse=True)
def _clean_tables() -> None:
    for table in (mentions_all, article_ids, content_hashes, dyads, places):
        table.data.clear()
    for wrapper in (mentions_15m, mentions_hourly, events_per_minute):
        wrapper.table.data.clear()


async def test_agents_count_updates_all_time_windowed_and_per_code_tables() -> None:
    now = time.time()
    async with count_mod.count.test_context() as agent:
        for code in ("RUSGOV", "RUSMIL", "RUSGOV"):
            await agent.put(key=b"RUS", value=jsonio.dumps({"actor": "RUS", "mentions": 1, "codes": {code: 1}}),
                            headers={"event-time": str(now).encode()})
        # an article published ten days ago counts all time, but in no current window
        await agent.put(key=b"UKR", value=jsonio.dumps({"actor": "UKR", "mentions": 1, "codes": {"UKR": 1}}),
                        headers={"event-time": str(now - 10 * 86400).encode()})
    assert mentions_all["RUS"]["n"] == 3
    assert mentions_all["RUS"]["codes"] == {"RUSGOV": 2, "RUSMIL": 1}
    assert window_count("RUS", "1h") == 3
    assert window_count("RUS", "24h") == 3
    assert window_count("RUS", "7d") == 3
    assert mentions_all["UKR"]["n"] == 1
    assert window_count("UKR", "7d") == 0
    assert window_count("UKR", "24h", now - 10 * 86400) == 1  # its own window, ten days back


async def test_agents_count_skips_redelivered_records_per_table_record() -> None:
    """After a crash the records after the last commit come again (same offsets). Each table record
    keeps its own offset, so a pane whose changelog write was lost is counted again while the
    all-time value and the other panes, whose writes reached Kafka, are not."""
    now = time.time()

    async def put_three(agent: Any) -> None:
        agent.sent_offset = 0  # the same partition offsets as the first delivery
        for codes in ({"RUSGOV": 1}, {"RUSMIL": 1}, {"RUSGOV": 1}):
            await agent.put(key=b"RUS", value=jsonio.dumps({"actor": "RUS", "mentions": 1, "codes": codes}),
                            partition=0, headers={"event-time": str(now).encode()})
        await asyncio.sleep(0.3)  # the agent takes records in batches (within 0.05 s)

    async with count_mod.count.test_context() as agent:
        await put_three(agent)
        await put_three(agent)  # a plain redelivery
        assert mentions_all["RUS"]["n"] == 3
        assert window_count("RUS", "1h") == window_count("RUS", "24h") == 3
        mentions_15m.table.data.clear()  # the crash came before the 15-minute pane's write was delivered
        await put_three(agent)
    assert mentions_all["RUS"]["n"] == 3
    assert mentions_all["RUS"]["codes"] == {"RUSGOV": 2, "RUSMIL": 1}
    assert window_count("RUS", "1h") == 3
    assert window_count("RUS", "24h") == window_count("RUS", "7d") == 3


def _event(i: int, target: str | None = "UKRMIL", country: str | None = "UKR") -> dict[str, Any]:
    return {"event_id": f"e{i}", "source": "RUSGOV", "target": target, "goldstein": -10.0, "country": country}


def _article(*numbers: int) -> bytes:
    """An `events.by-article` record holding the events with these numbers (and one with no target or place)."""
    events = [_event(i) for i in numbers] + [_event(-1, None, None)]
    return jsonio.dumps({"schema_version": 2, "article_id": f"a{numbers[0]}", "events": events})


async def test_agents_watch_counts_dyads_places_and_rate_of_each_article_once() -> None:
    async with watch_mod.watch.test_context() as agent:
        for _ in range(2):  # the second time is a redelivery of the same offsets
            agent.sent_offset = 0
            await agent.put(key=b"a0", value=_article(0, 1), partition=0)
            await agent.put(key=b"a2", value=_article(2), partition=0)
            await asyncio.sleep(0.3)
            assert dyads["p0|RUSGOV>UKRMIL"] == {"events": 3, "goldstein_sum": -30.0, "off": 1}
            assert counted(places["p0|UKR"]) == (3, 1)
        assert [k for k in dyads if "None" in k] == [] and set(places) == {"p0|UKR"}
        await agent.put(key=b"a3", value=_article(3), partition=1)
        await asyncio.sleep(0.3)
        assert dyads["p1|RUSGOV>UKRMIL"]["events"] == 1 and dyads["p0|RUSGOV>UKRMIL"]["events"] == 3
        # a record of a version this code does not know is skipped (logged), the next one counted
        await agent.put(key=b"a10", value=jsonio.dumps({"schema_version": 9, "article_id": "a10"}), partition=0)
        await agent.put(key=b"a11", value=_article(11), partition=0)
        await asyncio.sleep(0.3)
        assert dyads["p0|RUSGOV>UKRMIL"] == {"events": 4, "goldstein_sum": -40.0, "off": 4}
        # the rate counts every event of every record it is given (processing time, approximate):
        # 2 x 5 events, then 2
        now = time.time()
        assert sum(events_per_minute.table._windowed_timestamp("p0", t) for t in (now, now - 60)) == 12


async def test_agents_ingest_forwards_valid_and_rejects_bad_and_duplicate_articles() -> None:
    forwarded, rejected = Recorder(), Recorder()
    article = jsonio.dumps({"id": "a1", "text": "Russian troops shelled the Ukrainian town of Kupiansk on Monday night."})
    async def nothing_pending() -> None:
        return None

    with mock.patch.object(ingest_mod, "articles_by_hash", forwarded), mock.patch.object(rejects_mod, "rejected", rejected), \
            mock.patch.object(ingest_mod, "delivered", nothing_pending):
        async with ingest_mod.ingest.test_context() as agent:
            await agent.put(key=b"a1", value=article)
            await agent.put(key=b"x", value=b"{broken")
            await agent.put(key=b"a1", value=article)
            await agent.put(key=b"a1", value=jsonio.dumps({"id": "a1", "text": "Something else was said about the town later on."}))
    assert len(forwarded.sent) == 1
    out = jsonio.loads(forwarded.sent[0]["value"])
    assert out["id"] == "a1" and forwarded.sent[0]["key"] == out["content_hash"].encode()
    reasons = [jsonio.loads(r["value"])["reason"] for r in rejected.sent]
    assert reasons == ["invalid_json", "duplicate", "id_conflict"]
    first = jsonio.loads(rejected.sent[0]["value"])
    assert first["excerpt"] == "{broken" and first["article_id"] is None


def test_dedup_least_loaded_spreads_text_evenly_and_keeps_partition_numbers_at_first() -> None:
    dedup_mod._sent.clear()
    sizes = [900, 3000, 1200, 2500, 400, 1800, 2200, 700, 3100, 1500, 600, 2900] * 5
    chosen = [dedup_mod.least_loaded(2, size, partitions=4) for size in sizes]
    assert chosen[0] == 2  # a fresh worker starts with the source's own partition number
    totals = [sum(s for s, p in zip(sizes, chosen, strict=True) if p == target) for target in range(4)]
    assert sum(totals) == sum(sizes) and all(totals)
    assert max(totals) - min(totals) <= max(sizes)  # never more apart than one article
    assert dedup_mod._sent[2] == totals
    # another source partition keeps its own tally
    assert dedup_mod.least_loaded(0, 100, partitions=4) == 0
    dedup_mod._sent.clear()


async def test_agents_dedup_sends_a_text_once_and_a_redelivery_to_the_same_partition() -> None:
    dedup_mod._sent.clear()
    forwarded, rejected = Recorder(), Recorder()

    def article(aid: str, text: str) -> bytes:
        return jsonio.dumps({"id": aid, "text": text, "content_hash": f"h-{text}"})

    with mock.patch.object(dedup_mod, "articles_unique", forwarded), mock.patch.object(rejects_mod, "rejected", rejected), \
            mock.patch.object(dedup_mod, "delivered", _nothing_pending):
        async with dedup_mod.dedup.test_context() as agent:
            await agent.put(key=b"h-long", value=article("a1", "a long text " * 40))
            await agent.put(key=b"h-short", value=article("a2", "short text"))
            await agent.put(key=b"h-long", value=article("a3", "a long text " * 40))  # same text, other id
            await agent.put(key=b"h-long", value=article("a1", "a long text " * 40))  # redelivered
    sent = [(r["key"], r["partition"]) for r in forwarded.sent]
    assert [k for k, _ in sent] == [b"a1", b"a2", b"a1"]
    # the second article goes to a partition that got less text; the redelivery where the first went
    assert sent[1][1] != sent[0][1] and sent[2][1] == sent[0][1]
    assert content_hashes[f"h-{'a long text ' * 40}"]["to"] == sent[0][1]
    assert [jsonio.loads(r["value"])["reason"] for r in rejected.sent] == ["duplicate_content"]
    dedup_mod._sent.clear()


async def test_agents_dedup_tables_stamp_each_entry_with_its_time_and_partition() -> None:
    from streams.tables import DEDUP_TABLES, extracted

    assert {t.name for t in DEDUP_TABLES} == {"article-ids", "content-hashes", "extracted"}
    forwarded, rejected = Recorder(), Recorder()
    article = jsonio.dumps({"id": "s1", "text": "Russian troops shelled the Ukrainian town of Kupiansk on Monday night."})
    before = int(time.time())
    with mock.patch.object(ingest_mod, "articles_by_hash", forwarded), mock.patch.object(rejects_mod, "rejected", rejected), \
            mock.patch.object(ingest_mod, "delivered", _nothing_pending):
        async with ingest_mod.ingest.test_context() as agent:
            await agent.put(key=b"s1", value=article, partition=3)
    value = article_ids["s1"]
    assert value["p"] == 3 and before <= value["t"] <= time.time()
    assert set(value) == {"hash", "off", "t", "p"}
    assert extracted.name == "extracted"


class _Assignment:
    def __init__(self, actives: set[Any], standbys: set[Any]) -> None:
        self.actives, self.standbys = actives, standbys

    def assigned_actives(self) -> set[Any]:
        return self.actives

    def assigned_standbys(self) -> set[Any]:
        return self.standbys


async def test_dedup_sweep_tombstones_old_entries_of_owned_partitions_only() -> None:
    from faust.types import TP

    from streams import tables
    from streams.app import app

    changelog = article_ids.changelog_topic.get_topic_name()
    now = 1_000_000.0
    article_ids.data.update({
        "old-own": {"hash": "h", "off": 1, "t": now - 100, "p": 0},
        "new-own": {"hash": "h", "off": 2, "t": now - 5, "p": 0},
        "old-standby": {"hash": "h", "off": 3, "t": now - 100, "p": 1},
        "old-gone": {"hash": "h", "off": 4, "t": now - 100, "p": 2},   # a partition this worker lost
    })
    tombstones: list[tuple[Any, ...]] = []
    assignment = _Assignment({TP(changelog, 0), TP("articles", 0)}, {TP(changelog, 1)})
    with mock.patch.object(type(app), "assignor", new=mock.PropertyMock(return_value=assignment)), \
            mock.patch.object(article_ids, "send_changelog", lambda *a, **kw: tombstones.append((*a, kw))):
        removed = await tables.sweep(article_ids, 60.0, now=now)
    assert removed == 2
    assert set(article_ids.data) == {"new-own", "old-standby"}
    assert tombstones == [(0, "old-own", None, {"value_serializer": "raw"})]


def test_dedup_window_settings_and_sweep_interval() -> None:
    from streams.settings import Settings
    from streams.tables import sweep_interval

    assert Settings.from_mapping({}).dedup_window == 30 * 86400
    assert Settings.from_mapping({"GEOEVENTS_DEDUP_DAYS": "0.5"}).dedup_window == 43200
    assert Settings.from_mapping({"GEOEVENTS_DEDUP_DAYS": "7", "GEOEVENTS_DEDUP_SECONDS": "4"}).dedup_window == 4
    with pytest.raises(ValueError):
        _ = Settings.from_mapping({"GEOEVENTS_DEDUP_SECONDS": "0"}).dedup_window
    assert sweep_interval(4) == 1.0 and sweep_interval(30 * 86400) == 600.0 and sweep_interval(600) == 30.0


def _contribution(article: str, publisher: str, *confidences: float, story: str = "00000000000000aa",
                  at: float | None = None) -> bytes:
    """An `events.by-story` record: one article's events of one story."""
    events = [{"event_id": f"{article}-{i}", "code": "042", "goldstein": 1.9, "confidence": c, "place": "RUS"}
              for i, c in enumerate(confidences)]
    best = {"event_id": f"{article}-0", "article_id": article, "sentence": f"{article} says so.", "code": "042",
            "name": "Make a visit", "source": "PRKGOV", "target": "RUSGOV", "confidence": max(confidences),
            "hypothetical": False}
    key = {"day": "2023-09-13", "source": "PRK", "target": "RUS", "root": "04", "hypothetical": False}
    return jsonio.dumps({"schema_version": 1, "record_id": f"{article}|{story}", "story_id": story, "key": key,
                         "article_id": article, "publisher": publisher, "url": None,
                         "time": time.time() - 60 if at is None else at, "events": events, "best": best})


async def test_agents_stories_count_each_article_once_and_publish_every_change() -> None:
    published = Recorder()
    with mock.patch.object(stories_mod, "stories_topic", published):
        async with stories_mod.stories.test_context() as agent:
            for _ in range(2):  # the second time is a redelivery of the same offsets
                agent.sent_offset = 0
                await agent.put(key=b"00000000000000aa", value=_contribution("a1", "Harbor Line", 0.5, 0.6), partition=0)
                await agent.put(key=b"00000000000000aa", value=_contribution("a2", "Harbor Line", 0.7), partition=0)
                await agent.put(key=b"00000000000000aa", value=_contribution("a3", "Courier", 0.9), partition=0)
                await asyncio.sleep(0.3)
                state = stories["00000000000000aa"]
                assert (state["mentions"], state["articles"], len(state["sources"]), state["off"]) == (4, 3, 2, 2)
            # older than the horizon when it arrives: not folded in (only its offset is)
            await agent.put(key=b"00000000000000aa", value=_contribution("a4", "Other", 0.9, at=1000.0), partition=0)
            await asyncio.sleep(0.3)
            assert (stories["00000000000000aa"]["articles"], stories["00000000000000aa"]["off"]) == (3, 3)
    records = [jsonio.loads(r["value"]) for r in published.sent]
    assert {r["story_id"] for r in records} == {"00000000000000aa"}
    # every batch publishes the state, the redelivered one too: the topic's latest is always the table's
    assert len(records) >= 3
    assert all(r["num_articles"] == 3 and r["num_sources"] == 2 and r["num_mentions"] == 4 for r in records[-2:])
    assert records[-1]["representative"]["article_id"] == "a3"
