"""Stories on the real broker with two workers: exact counts from the stories corpus, every query,
the compacted topic, and the retention horizon."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from streams import jsonio
from streams.evaluate_stories import load_corpus, unique_articles
from streams.schemas import errors
from streams.settings import PROJECT_DIR, Settings
from streams.stories import comparable, group, rank
from streams.testing import WorkerProcess, read_records
from tests.helpers import get, publish, wait_settled

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CORPUS = PROJECT_DIR / "tests" / "gold" / "stories.jsonl"
KEEP_ALL = {"GEOEVENTS_STORY_DAYS": "36500"}  # the corpus goes back years: keep every story


def latest_per_key(settings: Settings) -> dict[str, Any]:
    """The compacted topic as a subscriber holds it: the last record of each key, a tombstone deleting it."""
    latest: dict[str, Any] = {}
    for key, value in read_records(settings, settings.flow_topics.stories, idle=1.0):
        assert key is not None
        if value is None:
            latest.pop(key.decode(), None)
        else:
            record = jsonio.loads(value)
            assert errors("story", record) == [], record
            assert record["story_id"] == key.decode()
            latest[key.decode()] = record
    return latest


def api_stories(w: WorkerProcess, query: str = "") -> list[dict[str, Any]]:
    status, body = get(f"{w.url}/api/stories/top?window=all&n=500{query}")
    assert status == 200, body
    return list(body["stories"])


def wait_for(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(1.0)
    raise AssertionError(f"{what} not reached in {timeout:.0f} s")


@pytest.fixture(scope="module")
def corpus_expected() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The corpus's unique articles and the stories folded offline from their extraction."""
    from streams.extraction.pipeline import extract_batch

    articles, copies = unique_articles(load_corpus(CORPUS))
    assert copies, "the corpus has copies of one text under other ids"
    results = extract_batch(articles)
    stories = group([(a, r["events"]) for a, r in zip(articles, results, strict=True)], time.time())
    return articles, {sid: comparable(s) for sid, s in stories.items()}


def test_two_workers_count_every_story_exactly(start_worker, stack_env, corpus_expected, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    articles, expected = corpus_expected
    a, b = start_worker(KEEP_ALL), start_worker(KEEP_ALL)
    settings = Settings.from_mapping(stack_env)
    # The first article of each text first: which of two copies on different partitions reaches
    # dedup first is up to the partitions' interleaving, and the expected stories name the first.
    first_ids = {x["id"] for x in articles}
    originals = tmp_path / "originals.jsonl"
    originals.write_text("".join(json.dumps(d) + "\n" for d in load_corpus(CORPUS) if d["id"] in first_ids))
    publish(settings, str(originals))
    wait_settled([a, b], len(articles), timeout=300)
    # the whole corpus: the copies under other ids, which dedup drops before extraction, and the
    # same articles again under the same ids, duplicates that no story counts twice
    publish(settings, str(CORPUS))
    several = [s for s in expected.values() if s["num_articles"] > 1]
    assert len(several) >= 8, "the corpus reports events in several articles"

    def settled() -> bool:
        return {s["story_id"]: comparable(s) for s in api_stories(a)} == expected

    wait_for(settled, 90, "the stories of the corpus")
    time.sleep(2.0)  # anything counted twice would show now
    for w in (a, b):  # any worker answers for all of them, in rank order
        top = api_stories(w)
        assert [s["story_id"] for s in top] == sorted(expected, key=lambda sid: rank(expected[sid]))
        assert {s["story_id"]: comparable(s) for s in top} == expected
    # the compacted topic holds the same latest state of every story
    assert {sid: comparable(s) for sid, s in latest_per_key(settings).items()} == expected
    # every record extract wrote for the stage is valid, one per article and story
    contributions = [jsonio.loads(v) for _, v in read_records(settings, settings.flow_topics.events_by_story, idle=1.0)]
    assert all(errors("story-contribution", c) == [] for c in contributions)
    assert len({c["record_id"] for c in contributions}) == len(contributions) == sum(
        s["num_articles"] for s in expected.values())

    # one story, asked of the worker that does not own it: routed
    best = sorted(expected.values(), key=rank)[0]
    for w in (a, b):
        status, body = get(f"{w.url}/api/stories/{best['story_id']}")
        assert status == 200 and comparable(body) == best
    assert get(f"{a.url}/api/stories/0123456789abcdef")[0] == 404
    assert get(f"{a.url}/api/stories/not-an-id")[0] == 400

    # filters: sources, country (source, target or place), root
    two = api_stories(b, "&min_sources=2")
    assert {s["story_id"] for s in two} == {sid for sid, s in expected.items() if s["num_sources"] >= 2}
    country = best["source"]
    by_country = api_stories(a, f"&country={country}")
    assert {s["story_id"] for s in by_country} == {
        sid for sid, s in expected.items() if country in (s["source"], s["target"], s["place"])}
    by_root = api_stories(a, f"&root={int(best['root'])}")
    assert {s["story_id"] for s in by_root} == {sid for sid, s in expected.items() if s["root"] == best["root"]}
    assert get(f"{a.url}/api/stories/top?window=2h")[0] == 400
    assert get(f"{a.url}/api/stories/top?root=42")[0] == 400

    # the CLI prints the same answer
    out = subprocess.run([sys.executable, "-m", "streams", "stories", "--json", "--min-sources", "2", "--url", a.url],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert [s["story_id"] for s in json.loads(out)["stories"]] == [s["story_id"] for s in two]


def test_stories_past_the_horizon_are_dropped_with_tombstones(start_worker, stack_env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    horizon = 40
    w = start_worker({"GEOEVENTS_STORY_SECONDS": str(horizon)})
    settings = Settings.from_mapping(stack_env)
    now = time.time()

    def iso(ts: float) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))

    fresh = {"id": "fresh-1", "source": "Harbor Line", "published_at": iso(now - 2),
             "text": "MOSCOW - Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday."}
    stale = {"id": "stale-1", "source": "Harbor Line", "published_at": iso(now - 3600),
             "text": "TOKYO - Japanese Prime Minister Shigeru Ishiba met Indian Prime Minister Narendra Modi in Tokyo."}
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in (fresh, stale)))
    publish(settings, str(path))
    wait_settled([w], 2)

    found: list[dict[str, Any]] = []

    def appeared() -> bool:
        found[:] = api_stories(w)
        return bool(found)

    wait_for(appeared, 20, "the fresh story")
    assert {aid for s in found for aid in s["article_ids"]} == {"fresh-1"}, "a report older than the horizon joins no story"
    sid = found[0]["story_id"]
    wait_for(lambda: not api_stories(w), horizon + 30, "the story dropped after the horizon")
    records = [(k.decode() if k else None, v) for k, v in read_records(settings, settings.flow_topics.stories, idle=1.0)]
    mine = [v for k, v in records if k == sid]
    assert mine and mine[-1] is None, "the dropped story ends with a tombstone on events.stories"
    assert latest_per_key(settings) == {}
    assert get(f"{w.url}/api/stories/{sid}")[0] == 404
