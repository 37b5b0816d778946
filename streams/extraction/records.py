"""An article's extraction as the records its output topics carry.

Built in the parsing process (`encode_batch`), so the worker's event loop receives each record
already serialised, with the few fields it routes and counts by, instead of nested objects to
unpickle and serialise again.

`warm_up` and `encode_batch` are the parsing process's entry points. The worker only names them:
the extraction pipeline, and with it spaCy and the compiled dictionaries, is imported in the
parsing process alone (about 70 MB less in each worker process)."""

from __future__ import annotations

import time
from typing import Any, NamedTuple

from streams import jsonio
from streams.settings import DEFAULT_MODEL
from streams.stories import contributions
from streams.validate import now_iso


class EventOut(NamedTuple):
    event_id: str
    quad_class: int
    root: str
    value: bytes


class MentionOut(NamedTuple):
    mention_id: str
    actor: str
    mentions: int
    value: bytes


def mention_records(article_id: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One `actor-mentions` record per article and country-level actor (schemas/mention.schema.json):
    the number of mentions, the count per full actor code, and every mention as evidence."""
    records: dict[str, dict[str, Any]] = {}
    for m in found:
        rec = records.get(m["actor"])
        if rec is None:
            rec = records[m["actor"]] = {
                "schema_version": 2, "mention_id": f"{article_id}|{m['actor']}", "article_id": article_id,
                "actor": m["actor"], "mentions": 0, "codes": {}, "items": [], "published_at": m["published_at"],
            }
        rec["mentions"] += 1
        rec["codes"][m["code"]] = rec["codes"].get(m["code"], 0) + 1
        rec["items"].append({"code": m["code"], "name": m.get("name"), "role": m.get("role"),
                             "text": m["text"], "span": m["span"]})
    return list(records.values())


def event_summary(record: dict[str, Any]) -> dict[str, Any]:
    """What the watch tables count of an event: its actor codes, Goldstein value and country."""
    return {"event_id": record["event_id"], "source": record["source"]["code"],
            "target": (record.get("target") or {}).get("code"), "goldstein": record["goldstein"],
            "country": (record.get("location") or {}).get("country")}


def article_events(article_id: str, records: list[dict[str, Any]]) -> bytes | None:
    """The `events.by-article` record of an article (schemas/article-events.schema.json): per event,
    only what the watch tables count; None when the article has no events. The events themselves
    are on `events`."""
    if not records:
        return None
    return jsonio.dumps({"schema_version": 2, "article_id": article_id, "events": [event_summary(r) for r in records]})


def counted_events(value: dict[str, Any]) -> list[dict[str, Any]]:
    """The event summaries of an `events.by-article` record; ValueError for a version this code
    does not know."""
    version = value.get("schema_version")
    if version == 2:
        return list(value["events"])
    raise ValueError(f"unknown schema_version {version!r}")


class StoryOut(NamedTuple):
    record_id: str
    story_id: str
    value: bytes


def encode_result(article: dict[str, Any], result: dict[str, Any], extracted_at: str) -> dict[str, Any]:
    """{"events": [EventOut], "mentions": [MentionOut], "article_events": bytes | None,
    "stories": [StoryOut]}, or the result itself when it is an error."""
    if "error" in result:
        return result
    article_id = article["id"]
    events = []
    for record in result["events"]:
        record["extracted_at"] = extracted_at
        events.append(EventOut(record["event_id"], record["quad_class"], record["cameo"]["root"],
                               jsonio.dumps(record)))
    mentions = [MentionOut(rec["mention_id"], rec["actor"], rec["mentions"], jsonio.dumps(rec))
                for rec in mention_records(article_id, result["mentions"])]
    stories = [StoryOut(c["record_id"], c["story_id"], jsonio.dumps(c))
               for c in contributions(article, result["events"], time.time())]
    return {"events": events, "mentions": mentions,
            "article_events": article_events(article_id, result["events"]), "stories": stories}


def warm_up(model: str = DEFAULT_MODEL) -> None:
    """Load the model and the dictionaries (the parsing process's initializer)."""
    from streams.extraction import pipeline  # in the parsing process only

    pipeline.warm_up(model)


def encode_batch(articles: list[dict[str, Any]], model: str = DEFAULT_MODEL) -> list[dict[str, Any]]:
    """`extract_batch`, with every output record serialised (runs in the parsing process)."""
    from streams.extraction import pipeline  # in the parsing process only

    results = pipeline.extract_batch(articles, model)
    extracted_at = now_iso()
    return [encode_result(a, r, extracted_at) for a, r in zip(articles, results, strict=True)]
