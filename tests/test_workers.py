"""More than one worker: partitions are shared, counts are complete, any worker answers any query."""

from __future__ import annotations

from collections import Counter

import pytest

from streams.inputs import SAMPLES
from streams.settings import Settings
from streams.testing import read_topic
from tests.helpers import get, mention_counts, publish, wait_settled

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def wait_both_assigned(a, b, timeout: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ha, hb = a.health(), b.health()
        if ha and hb and ha["assigned"] and hb["assigned"] and not ha["rebalancing"] and not hb["rebalancing"]:
            if not set(ha["assigned"]) & set(hb["assigned"]):
                return
        time.sleep(0.5)
    raise AssertionError(f"the two workers did not split the partitions: {a.health()} / {b.health()}")


def test_two_workers_share_partitions_and_answer_the_same(start_worker, stack_env) -> None:  # type: ignore[no-untyped-def]
    a = start_worker()
    b = start_worker()
    wait_both_assigned(a, b)
    settings = Settings.from_mapping(stack_env)
    publish(settings, str(SAMPLES))
    n = sum(1 for line in SAMPLES.read_text().splitlines() if line.strip())
    c = wait_settled([a, b], n)
    assert c["articles_extracted"] == n

    mentions = read_topic(settings, settings.topic_mentions, idle=1.0)
    expected = dict(mention_counts(mentions))
    assert sum(expected.values()) == c["mentions_counted"]
    # each worker holds only part of the table ...
    _, local_a = get(f"{a.url}/api/actors/top?window=all&n=500&local=1")
    _, local_b = get(f"{b.url}/api/actors/top?window=all&n=500&local=1")
    assert local_a["actors"] and local_b["actors"]
    assert not {x["code"] for x in local_a["actors"]} & {x["code"] for x in local_b["actors"]}
    # ... and both answer with the complete counts
    for w in (a, b):
        status, top = get(f"{w.url}/api/actors/top?window=all&n=500")
        assert status == 200
        assert {x["code"]: x["mentions"] for x in top["actors"]} == expected
    # a one-actor query is routed to the owner, whichever worker is asked
    for code in ("RUS", "PRK", "USA"):
        _, from_a = get(f"{a.url}/api/actors/{code}?hours=2")
        _, from_b = get(f"{b.url}/api/actors/{code}?hours=2")
        assert from_a == from_b
        assert from_a["mentions"] == expected[code]
    # dyads are gathered from both workers; recent events are read by either from the tail of `events`
    _, dyads_a = get(f"{a.url}/api/dyads/top?n=500")
    _, dyads_b = get(f"{b.url}/api/dyads/top?n=500")
    assert dyads_a == dyads_b
    events = read_topic(settings, settings.topic_events, idle=1.0)
    with_target = Counter(f"{ev['source']['code']}>{ev['target']['code']}" for _, ev in events if ev["target"])
    assert {f"{d['source']}>{d['target']}": d["events"] for d in dyads_a["dyads"]} == dict(with_target)
    _, recent = get(f"{b.url}/api/events/recent?limit=500")
    assert sorted(e["event_id"] for e in recent["events"]) == sorted(ev["event_id"] for _, ev in events)


@pytest.mark.parametrize("store", ["memory://", "rocksdb://"])
def test_worker_keeps_counts_across_a_restart(start_worker, stack_env, tmp_path, store: str) -> None:  # type: ignore[no-untyped-def]
    state = {"GEOEVENTS_STORE": store, "GEOEVENTS_DATA_DIR": str(tmp_path / "rocks-state")}
    w = start_worker(state)
    settings = Settings.from_mapping(stack_env)
    publish(settings, str(SAMPLES))
    wait_settled([w], 8)
    expected = dict(mention_counts(read_topic(settings, settings.topic_mentions, idle=1.0)))
    _, top = get(f"{w.url}/api/actors/top?window=all&n=500")
    assert {x["code"]: x["mentions"] for x in top["actors"]} == expected
    if store.startswith("rocksdb"):
        assert any((tmp_path / "rocks-state").rglob("CURRENT"))
    w.stop()
    again = start_worker(state)
    _, top2 = get(f"{again.url}/api/actors/top?window=all&n=500")
    assert {x["code"]: x["mentions"] for x in top2["actors"]} == expected
