"""Stories (streams/stories.py): the key, the contributions of an article, the folded state, the record."""

from __future__ import annotations

import time
from typing import Any

import pytest

from streams.schemas import errors
from streams.stories import (
    contributions,
    group,
    key_text,
    merge,
    publisher,
    story_confidence,
    story_id,
    story_key,
    story_record,
)

NOW = time.mktime((2026, 12, 1, 0, 0, 0, 0, 0, 0))


def actor(code: str, country: str | None) -> dict[str, Any]:
    return {"text": code, "code": code, "country": country, "role": code[3:] or None, "name": None, "span": None}


def event(eid: str, source: str, target: str | None, code: str, *, place: str | None = "RUS",
          published_at: str = "2023-09-12T08:00:00Z", hypothetical: bool = False, negated: bool = False,
          confidence: float = 0.8, goldstein: float = 1.0, article_id: str = "a1") -> dict[str, Any]:
    def country(c: str) -> str | None:
        return None if c.startswith("IGO") else c[:3]

    return {
        "event_id": eid, "article_id": article_id, "published_at": published_at, "sentence": f"sentence of {eid}",
        "source": actor(source, country(source)), "target": actor(target, country(target)) if target else None,
        "cameo": {"code": code, "root": code[:2], "name": f"name of {code}"}, "goldstein": goldstein,
        "location": {"name": "x", "country": place, "lat": None, "lon": None} if place else None,
        "negated": negated, "hypothetical": hypothetical, "confidence": confidence,
    }


def article(aid: str, source: str | None = "Harbor Line", url: str | None = None) -> dict[str, Any]:
    return {"id": aid, "source": source, "url": url}


# ------------------------------------------------------------------ the key


def test_key_is_day_country_dyad_root_and_status() -> None:
    key = story_key(event("e1", "PRKGOV", "RUSGOV", "036", hypothetical=True), NOW)
    assert key == {"day": "2023-09-12", "source": "PRK", "target": "RUS", "root": "03", "hypothetical": True}
    assert key_text(key) == "2023-09-12|PRK>RUS|03|planned"
    assert story_id(key) == story_id(dict(key)) and len(story_id(key)) == 16


def test_actors_of_one_country_share_a_story_and_organisations_keep_their_code() -> None:
    a = story_key(event("e1", "PRKGOV", "RUSMIL", "111"), NOW)
    b = story_key(event("e2", "PRK", "RUSGOV", "112"), NOW)
    assert a is not None and b is not None and story_id(a) == story_id(b)
    igo = story_key(event("e3", "IGOUNO", "SYRGOV", "111", place="SYR"), NOW)
    assert igo is not None and (igo["source"], igo["target"]) == ("IGOUNO", "SYR")


@pytest.mark.parametrize("code", ["040", "042", "043", "046", "057"])
def test_mutual_events_have_an_unordered_dyad(code: str) -> None:
    """Meetings, visits, negotiations and agreements: "Kim met Putin" and "Putin met Kim" are one story."""
    one = story_key(event("e1", "PRKGOV", "RUSGOV", code), NOW)
    other = story_key(event("e2", "RUSGOV", "PRKGOV", code), NOW)
    assert one == other


@pytest.mark.parametrize("code", ["111", "130", "172", "190", "051"])
def test_directed_events_keep_their_direction(code: str) -> None:
    one = story_key(event("e1", "USAGOV", "IRNGOV", code), NOW)
    other = story_key(event("e2", "IRNGOV", "USAGOV", code), NOW)
    assert one is not None and other is not None and story_id(one) != story_id(other)


def test_another_day_kind_or_status_is_another_story_and_the_place_is_counted() -> None:
    base = event("e1", "USAGOV", "IRNGOV", "111")
    ids = {story_id(story_key(base, NOW))}  # type: ignore[arg-type]
    for variant in (event("e", "USAGOV", "IRNGOV", "111", published_at="2023-09-13T08:00:00Z"),
                    event("e", "USAGOV", "IRNGOV", "120"),
                    event("e", "USAGOV", "IRNGOV", "111", hypothetical=True)):
        ids.add(story_id(story_key(variant, NOW)))  # type: ignore[arg-type]
    assert len(ids) == 4
    # another place, or none, is the same story: the places are counted and the most named one shown
    elsewhere = [event("e2", "USAGOV", "IRNGOV", "111", place="CHE"), event("e3", "USAGOV", "IRNGOV", "111", place=None),
                 event("e4", "USAGOV", "IRNGOV", "111", place="CHE")]
    assert {story_id(story_key(e, NOW)) for e in elsewhere} <= ids  # type: ignore[arg-type]
    stories = group([(article(f"a{i}"), [e]) for i, e in enumerate([base, *elsewhere])], NOW)
    (story,) = stories.values()
    assert (story["place"], story["places"], story["num_mentions"]) == ("CHE", {"CHE": 2, "RUS": 1}, 4)
    same_day = event("e", "USAGOV", "IRNGOV", "112", published_at="2023-09-12T23:59:00Z")
    assert story_id(story_key(same_day, NOW)) in ids  # type: ignore[arg-type]


def test_negated_events_join_no_story_and_future_times_are_now() -> None:
    assert story_key(event("e1", "USAGOV", "IRNGOV", "111", negated=True), NOW) is None
    future = story_key(event("e1", "USAGOV", "IRNGOV", "111", published_at="2031-01-01T00:00:00Z"), NOW)
    assert future is not None and future["day"] == "2026-12-01"


# ------------------------------------------------------------------ publishers


@pytest.mark.parametrize(("source", "url", "expected"), [
    ("Harbor  Line News", "https://harbor.example/x", "Harbor Line News"),
    (None, "https://www.northern-courier.example/world/1", "northern-courier.example"),
    ("", "HTTPS://Dispatch.Example:8443/a", "dispatch.example"),
    (None, "dispatch.example/a/b", "dispatch.example"),
    (None, None, "(unknown)"),
    ("   ", "not a url at all", "(unknown)"),
])
def test_publisher_is_the_source_else_the_url_host(source: str | None, url: str | None, expected: str) -> None:
    assert publisher({"source": source, "url": url}) == expected


# ------------------------------------------------------------------ contributions and state


def test_an_article_contributes_once_per_story_with_all_its_events() -> None:
    evs = [event("e1", "PRKGOV", "RUSGOV", "042", confidence=0.6),
           event("e2", "RUSGOV", "PRKGOV", "043", confidence=0.9),
           event("e3", "USAGOV", "PRKGOV", "112"),
           event("e4", "USAGOV", "PRKGOV", "112", negated=True)]
    out = contributions(article("a1"), evs, NOW)
    assert [len(c["events"]) for c in out] == [2, 1]
    meet = out[0]
    assert meet["record_id"] == f"a1|{meet['story_id']}"
    assert meet["best"]["event_id"] == "e2" and meet["publisher"] == "Harbor Line"
    for c in out:
        assert errors("story-contribution", c) == []


def test_counts_mentions_articles_sources_and_codes() -> None:
    pairs = [
        (article("a1", "Harbor Line"), [event("e1", "PRKGOV", "RUSGOV", "042", goldstein=1.9, confidence=0.5, article_id="a1"),
                                        event("e2", "PRKGOV", "RUSGOV", "040", goldstein=1.0, confidence=0.6, article_id="a1")]),
        (article("a2", "Harbor Line"), [event("e3", "RUSGOV", "PRKGOV", "043", goldstein=2.8, confidence=0.7, article_id="a2")]),
        (article("a3", None, "https://courier.example/1"),
         [event("e4", "PRK", "RUS", "042", goldstein=1.9, confidence=0.9, article_id="a3",
                published_at="2023-09-12T22:00:00Z")]),
    ]
    [rec] = group(pairs, NOW).values()
    assert (rec["num_mentions"], rec["num_articles"], rec["num_sources"]) == (4, 3, 2)
    assert rec["codes"] == {"040": 1, "042": 2, "043": 1}
    assert rec["mean_goldstein"] == round((1.9 + 1.0 + 2.8 + 1.9) / 4, 2)
    assert rec["representative"]["event_id"] == "e4"
    assert (rec["first_event_time"], rec["last_event_time"]) == ("2023-09-12T08:00:00Z", "2023-09-12T22:00:00Z")
    assert rec["article_ids"] == ["a1", "a2", "a3"]
    assert rec["sources"] == ["courier.example", "Harbor Line"]
    assert rec["confidence"] == story_confidence({"Harbor Line": 0.7, "courier.example": 0.9}) == 0.97
    assert errors("story", rec) == []


def test_confidence_grows_with_independent_sources() -> None:
    one = story_confidence({"a": 0.6})
    two = story_confidence({"a": 0.6, "b": 0.6})
    three = story_confidence({"a": 0.6, "b": 0.6, "c": 0.5})
    assert one == 0.6 and one < two < three < 1.0


def test_article_ids_are_capped_and_the_count_is_not() -> None:
    state = None
    for i in range(60):
        [c] = contributions(article(f"a{i:02d}", f"pub{i % 7}"), [event(f"e{i}", "USAGOV", "IRNGOV", "111")], NOW)
        state = merge(state, c)
    assert state is not None
    rec = story_record(state)
    assert rec["num_articles"] == 60 and len(rec["article_ids"]) == 50 and rec["num_sources"] == 7
    assert rec["article_ids"][0] == "a00" and rec["article_ids"][-1] == "a49"
