"""End to end against the real Kafka broker: publish -> events / rejected / mentions -> tables -> HTTP."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from streams import jsonio, schemas
from streams.inputs import SAMPLES
from streams.settings import Settings
from streams.testing import read_topic
from tests.helpers import get, mention_counts, publish, wait_settled

pytestmark = [pytest.mark.integration, pytest.mark.slow]

BAD = SAMPLES.parent / "bad.jsonl"
N_GOOD = sum(1 for line in SAMPLES.read_text().splitlines() if line.strip())  # the bundled sample articles
N_BAD = sum(1 for line in BAD.read_text().splitlines() if line.strip())
EXPECTED_BAD = {"invalid_json", "not_an_object", "missing_field", "empty_field", "bad_published_at", "html_only"}


def test_pipeline_samples_end_to_end(start_worker, stack_env) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker()
    settings = Settings.from_mapping(stack_env)
    sent = publish(settings, str(SAMPLES), str(BAD))
    assert sent == N_GOOD + N_BAD
    c = wait_settled([worker], sent)
    assert c["articles_extracted"] == N_GOOD
    assert c["articles_rejected"] == N_BAD

    events = read_topic(settings, settings.topic_events)
    assert len(events) == c["events_out"] > N_GOOD
    for key, ev in events:
        assert key == ev["event_id"]
        assert schemas.errors("event", ev) == []
    assert len({ev["event_id"] for _, ev in events}) == len(events), "duplicate event ids"

    # the headline event: the North Korean leader's planned meeting with Putin in Vladivostok
    kim = [ev for _, ev in events if ev["source"]["code"] == "PRKGOV" and (ev["target"] or {}).get("code") == "RUSGOV"
           and ev["cameo"]["code"] == "036"]
    assert kim, "no PRKGOV -> RUSGOV 036 event"
    assert any(ev["hypothetical"] and (ev["location"] or {}).get("name") == "Vladivostok" for ev in kim)

    # every quad-class topic holds exactly the events of its class
    for quad, suffix in ((1, "verbal-cooperation"), (2, "material-cooperation"), (3, "verbal-conflict"),
                         (4, "material-conflict")):
        quad_events = read_topic(settings, f"{settings.topic_events}.{suffix}", idle=1.0)
        assert sorted(k for k, _ in quad_events) == sorted(k for k, ev in events if ev["quad_class"] == quad)

    # one events.by-article record per article with events, holding exactly its events
    by_article = read_topic(settings, f"{settings.topic_events}.by-article", idle=1.0)
    assert len({k for k, _ in by_article}) == len(by_article) == len({ev["article_id"] for _, ev in events})
    for key, rec in by_article:
        assert schemas.errors("article-events", rec) == []
        assert key == rec["article_id"]
        assert sorted(ev["event_id"] for ev in rec["events"]) == sorted(k for k, ev in events if ev["article_id"] == key)

    rejected = read_topic(settings, settings.topic_rejected, idle=1.0)
    assert {r["reason"] for _, r in rejected} == EXPECTED_BAD
    for _, r in rejected:
        assert schemas.errors("rejected", r) == []
        assert r["topic"] == settings.topic_articles and r["offset"] >= 0 and r["excerpt"]

    # the tables agree with the actor-mentions topic they were counted from
    mentions = read_topic(settings, settings.topic_mentions, idle=1.0)
    assert sum(m["mentions"] for _, m in mentions) == c["mentions_counted"]
    for key, m in mentions:
        assert key == m["actor"]
        assert schemas.errors("mention", m) == []
        assert sum(m["codes"].values()) == m["mentions"] == len(m["items"])
    assert len({m["mention_id"] for _, m in mentions}) == len(mentions)  # one record per article and actor
    expected = mention_counts(mentions)
    status, top = get(f"{worker.url}/api/actors/top?window=all&n=500")
    assert status == 200
    assert {a["code"]: a["mentions"] for a in top["actors"]} == dict(expected)
    assert [a["code"] for a in top["actors"][:3]] == [k for k, _ in sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    status, rus = get(f"{worker.url}/api/actors/RUS?hours=3")
    assert status == 200 and rus["mentions"] == expected["RUS"]
    assert sum(rus["codes"].values()) == expected["RUS"]


def test_pipeline_republished_articles_are_not_counted_twice(start_worker, stack_env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker()
    settings = Settings.from_mapping(stack_env)
    publish(settings, str(SAMPLES))
    first = wait_settled([worker], N_GOOD)
    _, top_before = get(f"{worker.url}/api/actors/top?window=all&n=500")

    # the same ids again, and the same text under a new id
    renamed = tmp_path / "renamed.jsonl"
    lines = SAMPLES.read_text().splitlines()
    doc = jsonio.loads(lines[0])
    doc["id"] = "republished-under-a-new-id"
    renamed.write_text(jsonio.dumps_line(doc) + "\n")
    conflict = tmp_path / "conflict.jsonl"
    doc2 = jsonio.loads(lines[1])
    doc2["text"] = doc2["text"] + " A correction was appended later."
    conflict.write_text(jsonio.dumps_line(doc2) + "\n")
    publish(settings, str(SAMPLES), str(renamed), str(conflict))
    second = wait_settled([worker], 2 * N_GOOD + 2)
    assert second["articles_extracted"] == first["articles_extracted"] == N_GOOD
    assert second["events_out"] == first["events_out"]
    _, top_after = get(f"{worker.url}/api/actors/top?window=all&n=500")
    assert top_after == top_before
    reasons = Counter(r["reason"] for _, r in read_topic(settings, settings.topic_rejected, idle=1.0))
    assert reasons == {"duplicate": N_GOOD, "duplicate_content": 1, "id_conflict": 1}


@pytest.mark.parametrize(
    "query",
    ["/api/actors/top?window=2h", "/api/actors/top?n=zero", "/api/actors/top?n=0", "/api/actors/RUS?hours=1000",
     "/api/events/recent?root=99", "/api/events/recent?quad=7", "/api/events/recent?country=RUSSIA",
     "/api/events/rate?minutes=-1", "/api/dyads/top?n=x", "/api/places/top?n=100000"],
)
def test_api_bad_parameters_get_400_with_a_message(shared_worker, query: str) -> None:  # type: ignore[no-untyped-def]
    status, body = get(shared_worker.url + query)
    assert status == 400
    assert body["error"]


def test_api_metrics_and_health(shared_worker) -> None:  # type: ignore[no-untyped-def]
    status, health = get(shared_worker.url + "/api/health")
    assert status == 200 and health["status"] == "ok" and health["assigned"]
    import urllib.request

    with urllib.request.urlopen(shared_worker.url + "/metrics", timeout=10) as resp:
        text = resp.read().decode()
    for name in ("geoevents_articles_in_total", "geoevents_extraction_seconds_bucket", "geoevents_table_keys"):
        assert name in text


def test_api_answers_match_the_openapi_document(shared_worker) -> None:  # type: ignore[no-untyped-def]
    """Every documented endpoint answers with the documented shape (after real data went through)."""
    import json
    import time
    import urllib.request

    from jsonschema import Draft202012Validator

    settings = Settings.from_mapping(shared_worker.env)
    publish(settings, str(SAMPLES))
    wait_settled([shared_worker], 8)
    spec = json.loads(Path("schemas/openapi.json").read_text())
    components = spec["components"]["schemas"]
    registry = schemas._registry()
    checks = {
        "/api/actors/top?window=all&n=5": "TopActors", "/api/actors/RUS?hours=3": "Actor",
        "/api/dyads/top?n=5": "TopDyads", "/api/places/top?n=5": "TopPlaces",
        "/api/events/recent?limit=5&quad=4": "Events", "/api/events/rate?minutes=5": "Rate", "/api/health": "Health",
        "/api/stories/top?n=5": "TopStories",
    }
    for path, name in checks.items():
        assert path.split("?")[0] in spec["paths"] or "/api/actors/{code}" in spec["paths"]
        status, body = get(shared_worker.url + path)
        assert status == 200, path
        schema = {**components[name], "$defs": components}
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(body))
        assert not errors, (path, errors[:3])
    _, stories = get(shared_worker.url + "/api/stories/top?n=1")
    assert stories["stories"], "the samples make stories"
    status, story = get(shared_worker.url + f"/api/stories/{stories['stories'][0]['story_id']}")
    assert status == 200 and not list(Draft202012Validator(
        {**components["Story"], "$defs": components}, registry=registry).iter_errors(story))
    _, recent = get(shared_worker.url + "/api/events/recent?limit=50&quad=4")
    assert recent["events"] and all(e["quad_class"] == 4 for e in recent["events"])
    _, rate = get(shared_worker.url + "/api/events/rate?minutes=5")
    assert sum(m["events"] for m in rate["minutes"]) > 0
    time.sleep(0.1)
    with urllib.request.urlopen(shared_worker.url + "/metrics", timeout=10) as resp:
        text = resp.read().decode()
    assert 'geoevents_consumer_lag{partition="0",topic="' in text
