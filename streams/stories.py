"""Stories: the events of many articles about one real-world event, grouped by a key anyone can predict.

Pure functions (no Kafka): extract builds an article's *contributions* with `contributions` (one
record per story the article adds to, on the internal `events.by-story` topic, keyed by story_id),
and the stories agent folds them into the story state with `merge` and publishes `story_record`
on the compacted `events.stories` topic. `geoevents evaluate-stories` groups offline with the same
functions.

The key of an event's story (`story_key`):
- the UTC day of its event time (the article's published_at, never later than now);
- the country-level codes of its source and target (the actor's country, else its own code, as
  for IGOs: `IGOUNO`); for the consultations of CAMEO root 04 and the agreements of 057, which
  are mutual, the two are put in alphabetical order, so "Kim met Putin" and "Putin met Kim" are
  one story;
- the CAMEO root code;
- whether it happened or was only planned or expected (`hypothetical`): plans are stories of their own.
Negated events join no story. The place is not in the key: reports of one event name its place in
different ways or not at all (a dateline, the capital of the speaker, the town hit), and a key with
the place split one event into several stories (pairwise F1 0.66 against 0.87 without it, on
tests/gold/stories.jsonl). A story counts the places its events name (`places`) and shows the
most named one (`place`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

SCHEMA_VERSION = 1
CONTRIBUTION_VERSION = 1
MAX_ARTICLE_IDS = 50  # a story record lists the first 50 article ids (num_articles counts them all)
MAX_SOURCES_LISTED = 50
# roots and codes whose events are mutual: the dyad of their story is unordered
MUTUAL_ROOTS = frozenset({"04"})
MUTUAL_CODES = frozenset({"057"})
UNKNOWN_PUBLISHER = "(unknown)"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")  # a host name with a dot (or an IPv4 address)


def epoch(iso: str) -> float:
    return datetime.strptime(iso, TIME_FORMAT).replace(tzinfo=UTC).timestamp()


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime(TIME_FORMAT)


def publisher(article: dict[str, Any]) -> str:
    """Who published an article: its `source` (spaces collapsed), else the host name of its `url`
    without `www.`, else "(unknown)"."""
    source = " ".join(str(article.get("source") or "").split())
    if source:
        return source
    url = str(article.get("url") or "").strip()
    if url:
        try:
            host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
        except ValueError:
            host = ""
        if host.startswith("www."):
            host = host[4:]
        if HOST.match(host):
            return host
    return UNKNOWN_PUBLISHER


def event_time(event: dict[str, Any], now: float) -> float:
    """An event's time: its published_at, never later than when it was extracted (its
    `extracted_at`, else `now`), so a story's times follow from the event record alone."""
    ceiling = epoch(event["extracted_at"]) if event.get("extracted_at") else now
    return min(epoch(event["published_at"]), ceiling)


def _country_level(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return str(actor.get("country") or actor["code"])


def story_key(event: dict[str, Any], now: float) -> dict[str, Any] | None:
    """The key of the story an event (schemas/event.schema.json) belongs to; None when negated."""
    if event.get("negated"):
        return None
    source, target = _country_level(event["source"]), _country_level(event.get("target"))
    root, code = event["cameo"]["root"], event["cameo"]["code"]
    if target is not None and (root in MUTUAL_ROOTS or code in MUTUAL_CODES) and target < str(source):
        source, target = target, source
    when = event_time(event, now)
    return {
        "day": iso(when)[:10],
        "source": source,
        "target": target,
        "root": root,
        "hypothetical": bool(event.get("hypothetical")),
    }


def key_text(key: dict[str, Any]) -> str:
    """The readable form of a key: `2023-09-12|PRK>RUS|03|planned`."""
    status = "planned" if key["hypothetical"] else "happened"
    return f"{key['day']}|{key['source']}>{key['target'] or '-'}|{key['root']}|{status}"


def story_id(key: dict[str, Any]) -> str:
    """Deterministic: 16 hex digits of the SHA-1 of the key's readable form."""
    return hashlib.sha1(key_text(key).encode()).hexdigest()[:16]


def _summary(event: dict[str, Any]) -> dict[str, Any]:
    """What a story keeps of its representative event."""
    return {
        "event_id": event["event_id"],
        "article_id": event["article_id"],
        "sentence": event["sentence"],
        "code": event["cameo"]["code"],
        "name": event["cameo"]["name"],
        "source": event["source"]["code"],
        "target": (event.get("target") or {}).get("code"),
        "confidence": event["confidence"],
        "hypothetical": bool(event.get("hypothetical")),
    }


def better(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether event summary `a` represents a story better than `b`: more confident, and on a tie
    the smaller event id, so the representative does not depend on the order articles arrive in."""
    return (-a["confidence"], a["event_id"]) < (-b["confidence"], b["event_id"])


def contributions(article: dict[str, Any], events: Iterable[dict[str, Any]], now: float) -> list[dict[str, Any]]:
    """An article's records for `events.by-story` (schemas/story-contribution.schema.json): one per
    story its events belong to, with every event of it and the most confident one in full."""
    pub = publisher(article)
    out: dict[str, dict[str, Any]] = {}
    for event in events:
        key = story_key(event, now)
        if key is None:
            continue
        sid = story_id(key)
        rec = out.get(sid)
        if rec is None:
            rec = out[sid] = {
                "schema_version": CONTRIBUTION_VERSION, "record_id": f"{article['id']}|{sid}", "story_id": sid,
                "key": key, "article_id": article["id"], "publisher": pub, "url": article.get("url") or None,
                "time": event_time(event, now), "events": [], "best": _summary(event),
            }
        rec["events"].append({"event_id": event["event_id"], "code": event["cameo"]["code"],
                              "goldstein": event["goldstein"], "confidence": event["confidence"],
                              "place": (event.get("location") or {}).get("country")})
        if better(_summary(event), rec["best"]):
            rec["best"] = _summary(event)
    return list(out.values())


def merge(state: dict[str, Any] | None, contribution: dict[str, Any]) -> dict[str, Any]:
    """The story state after one more article's contribution (a new dict; `state` is not changed).

    State: key, first and last event time, mentions (events), articles, the Goldstein sum, the
    count per CAMEO code and per place country, each publisher's most confident event, the
    representative event and the first articles (id, publisher, url)."""
    c = contribution
    if state is None:
        state = {"story_id": c["story_id"], "key": c["key"], "first": c["time"], "last": c["time"],
                 "mentions": 0, "articles": 0, "goldstein_sum": 0.0, "codes": {}, "places": {}, "sources": {},
                 "best": c["best"], "listed": []}
    codes = dict(state["codes"])
    places = dict(state.get("places") or {})
    for ev in c["events"]:
        codes[ev["code"]] = codes.get(ev["code"], 0) + 1
        if ev.get("place"):
            places[ev["place"]] = places.get(ev["place"], 0) + 1
    sources = dict(state["sources"])
    best_here = max(ev["confidence"] for ev in c["events"])
    sources[c["publisher"]] = max(sources.get(c["publisher"], 0.0), best_here)
    best = c["best"] if better(c["best"], state["best"]) else state["best"]
    listed = state["listed"]
    if len(listed) < MAX_ARTICLE_IDS and all(a["id"] != c["article_id"] for a in listed):
        listed = [*listed, {"id": c["article_id"], "publisher": c["publisher"], "url": c.get("url")}]
    return {
        **state,
        "first": min(state["first"], c["time"]),
        "last": max(state["last"], c["time"]),
        "mentions": state["mentions"] + len(c["events"]),
        "articles": state["articles"] + 1,
        "goldstein_sum": state["goldstein_sum"] + sum(ev["goldstein"] for ev in c["events"]),
        "codes": codes,
        "places": places,
        "sources": sources,
        "best": best,
        "listed": listed,
    }


def story_confidence(sources: dict[str, float]) -> float:
    """1 - the product of (1 - each publisher's best event confidence): the chance that at least one
    of the independent reports is right, so it grows with every source."""
    miss = 1.0
    for conf in sources.values():
        miss *= 1.0 - min(max(conf, 0.0), 1.0)
    return round(1.0 - miss, 3)


def story_record(state: dict[str, Any]) -> dict[str, Any]:
    """The public record of a story (schemas/story.schema.json), as `events.stories` carries it."""
    key = state["key"]
    places = state.get("places") or {}
    publishers = sorted(state["sources"], key=lambda p: (-state["sources"][p], p))
    return {
        "schema_version": SCHEMA_VERSION,
        "story_id": state["story_id"],
        "key": key_text(key),
        **key,
        "place": most_named(places),
        "places": dict(sorted(places.items())),
        "first_event_time": iso(state["first"]),
        "last_event_time": iso(state["last"]),
        "num_mentions": state["mentions"],
        "num_articles": state["articles"],
        "num_sources": len(state["sources"]),
        "mean_goldstein": round(state["goldstein_sum"] / state["mentions"], 2) if state["mentions"] else 0.0,
        "codes": dict(sorted(state["codes"].items())),
        "confidence": story_confidence(state["sources"]),
        "representative": state["best"],
        "article_ids": [a["id"] for a in state["listed"]],
        "articles": list(state["listed"]),
        "sources": publishers[:MAX_SOURCES_LISTED],
    }


def most_named(places: dict[str, int]) -> str | None:
    """The place country most events of a story name; on a tie the first in alphabetical order."""
    return min(places, key=lambda p: (-places[p], p)) if places else None


def rank(record: dict[str, Any]) -> tuple[Any, ...]:
    """Order of the top stories: more sources, more articles, more mentions, later, then the id."""
    return (-record["num_sources"], -record["num_articles"], -record["num_mentions"],
            _neg_time(record["last_event_time"]), record["story_id"])


def _neg_time(text: str) -> float:
    return -epoch(text)


def group(articles: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]], now: float,
          horizon: float | None = None) -> dict[str, dict[str, Any]]:
    """Story records of (article, its events) pairs, folded in order: what the stories stage
    computes, without Kafka (evaluation, the reliability reference). With `horizon`, a contribution
    whose event time is older than `now - horizon` is left out, as the stage leaves it out."""
    states: dict[str, dict[str, Any]] = {}
    for article, events in articles:
        for c in contributions(article, events, now):
            if horizon is None or c["time"] >= now - horizon:
                states[c["story_id"]] = merge(states.get(c["story_id"]), c)
    return {sid: story_record(state) for sid, state in states.items()}


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A story record without what depends on the order its articles arrived in: the listed
    articles as a sorted list while all of them are listed (at most 50), else left out. Two stages
    that saw the same events in another order give equal comparable records."""
    out = dict(record)
    if record["num_articles"] <= MAX_ARTICLE_IDS:
        out["article_ids"] = sorted(record["article_ids"])
        out["articles"] = sorted(record["articles"], key=lambda a: a["id"])
    else:
        del out["article_ids"], out["articles"]
    return out
