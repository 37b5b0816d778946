"""Output records built in the parsing process (streams/extraction/records.py)."""

from __future__ import annotations

import copy

from streams import jsonio
from streams.extraction.pipeline import extract_batch
from streams.extraction.records import EventOut, MentionOut, encode_batch, mention_records
from streams.inputs import SAMPLES
from streams.schemas import validator


def _samples() -> list[dict]:
    return [jsonio.loads(line) for line in SAMPLES.read_text().splitlines() if line.strip()]


def test_encoded_records_are_the_extraction_serialised_and_schema_valid() -> None:
    articles = _samples()
    plain = extract_batch(copy.deepcopy(articles))
    encoded = encode_batch(articles)
    event_schema, mention_schema = validator("event"), validator("mention")
    by_article_schema = validator("article-events")
    n_events = 0
    for article, want, got in zip(articles, plain, encoded, strict=True):
        assert [e.event_id for e in got["events"]] == [e["event_id"] for e in want["events"]]
        for out, record in zip(got["events"], want["events"], strict=True):
            assert isinstance(out, EventOut)
            value = jsonio.loads(out.value)
            assert value == {**record, "extracted_at": value["extracted_at"]}
            assert (out.quad_class, out.root) == (record["quad_class"], record["cameo"]["root"])
            event_schema.validate(value)
            n_events += 1
        if got["events"]:  # the events.by-article record: what watch counts of the same events, in order
            by_article = jsonio.loads(got["article_events"])
            by_article_schema.validate(by_article)
            assert by_article["article_id"] == article["id"]
            sent = [jsonio.loads(out.value) for out in got["events"]]
            assert by_article["events"] == [
                {"event_id": e["event_id"], "source": e["source"]["code"],
                 "target": e["target"]["code"] if e.get("target") else None, "goldstein": e["goldstein"],
                 "country": e["location"]["country"] if e.get("location") else None} for e in sent]
            assert any(e["target"] for e in by_article["events"]) and any(e["country"] for e in by_article["events"])
        else:
            assert got["article_events"] is None
        mentions = mention_records(article["id"], want["mentions"])
        assert [m.mention_id for m in got["mentions"]] == [m["mention_id"] for m in mentions]
        for out, record in zip(got["mentions"], mentions, strict=True):
            assert isinstance(out, MentionOut)
            assert jsonio.loads(out.value) == record
            assert (out.actor, out.mentions) == (record["actor"], record["mentions"])
            mention_schema.validate(record)
    assert n_events > 0


def test_a_failed_article_stays_an_error() -> None:
    bad = {"id": "bad-1", "text": None, "published_at": "2026-01-01T00:00:00Z"}
    [result] = encode_batch([bad])
    assert "error" in result
