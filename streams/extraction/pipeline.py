"""The whole extraction for one article: parse -> actors -> events -> places -> records.

The worker (in its parsing process) and `geoevents extract` / `evaluate` call the same code.
"""

from __future__ import annotations

import hashlib
import logging
import traceback
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from streams.extraction import dictionaries
from streams.extraction.actors import ActorResolver, Mention
from streams.extraction.confidence import confidence, emitted
from streams.extraction.dictionaries import load_verbs
from streams.extraction.events import CodedEvent, EventCoder
from streams.extraction.lexicon import Lexicon, load_lexicon
from streams.extraction.nlp import (
    DEFAULT_MODEL,
    keep_hyphenated_nouns,
    keep_hyphenated_verbs,
    load_nlp,
    past_tense,
    third_person,
)
from streams.extraction.parsing import SelectiveParser
from streams.extraction.places import Place, PlaceResolver

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1


def event_id(article_id: str, ev: CodedEvent) -> str:
    target = ev.target.code if ev.target else "-"
    key = f"{article_id}|{ev.trigger.idx}|{ev.source.start_char}|{ev.source.code}|{target}|{ev.code}"
    return hashlib.sha1(key.encode()).hexdigest()[:20]


def headline_verbs(lex: Lexicon) -> dict[str, str]:
    """The third-person form of every verb of the lexicon and the open dictionary, mapped to its past
    tense ("sinks" -> "sank"), and the plain form under "=" ("=sink"): a headline's present-tense verb is
    reparsed in the past tense."""
    forms: dict[str, tuple[str, ...]] = {}
    for v in load_verbs():
        if not v.pattern and v.verb.isalpha():
            forms.setdefault(v.verb, v.forms)
    for lemma, pos in lex.triggers:
        if pos == "VERB" and lemma.split()[0].replace("-", "").isalpha():  # "test-fire" too
            forms.setdefault(lemma.split()[0], ())
    third = {third_person(lemma): past_tense(lemma, f) for lemma, f in forms.items()}
    # the plain form, after a plural subject, under "=" ("=strike": "U.S. missiles strike camps")
    return third | {f"={lemma}": past_tense(lemma, f) for lemma, f in forms.items()}


class Extractor:
    """Holds the loaded model and dictionaries of one process."""

    def __init__(self, model: str = DEFAULT_MODEL, lex: Lexicon | None = None) -> None:
        self.nlp = load_nlp(model)
        self.lex = lex or load_lexicon()
        keep_hyphenated_verbs(self.nlp, sorted({lemma for lemma, pos in self.lex.triggers if pos == "VERB" and "-" in lemma}))
        keep_hyphenated_nouns(self.nlp, sorted({o for entries in self.lex.triggers.values() for e in entries
                                                for o in e.objects if "-" in o and " " not in o}))
        self.places = PlaceResolver({c.iso3: c.name for c in self.lex.countries.values()})
        self.actors = ActorResolver(self.nlp, self.lex, self.places.resolve, dateline=self.places.dateline)
        self.coder = EventCoder(self.lex, dateline=self.places.dateline)
        # self.nlp stays the whole pipeline; the extraction parses with the selective parser
        self.parser = SelectiveParser(self.nlp, self.places.place_keys(), self.actors.dictionary_tokens,
                                      headline_verbs=headline_verbs(self.lex))
        dictionaries.release()  # compiled into the matchers above: the rows are not read again

    def parse(self, texts: list[str]) -> list[Doc]:
        """Docs for the extraction: the model's analysis, entities only where the extraction reads them."""
        return self.parser(texts)

    def process(self, article: dict[str, Any], doc: Doc | None = None) -> dict[str, Any]:
        doc = doc if doc is not None else self.parse([article["text"]])[0]
        return self.process_doc(article, doc)

    def process_doc(self, article: dict[str, Any], doc: Doc) -> dict[str, Any]:
        published_at = article.get("published_at") or ""
        mentions = self.actors.process(doc, published_at[:10] or None)
        coded = self.coder.process(doc, mentions)
        dateline = self.places.dateline(doc)
        main_place: Place | None = None
        main_known = False
        actor_tokens = {i for m in mentions if m.kind != "place" for i in range(m.start, m.end)}
        events: list[dict[str, Any]] = []
        seen: set[str] = set()
        for ev in coded:
            eid = event_id(article["id"], ev)
            p = confidence(ev)
            if eid in seen or not emitted(ev, p):
                continue
            seen.add(eid)
            place, how = self.places.for_trigger(doc, ev.trigger, ev.sentence, actor_tokens)
            if place is None and dateline is not None:
                place, how = dateline, "dateline"
            elif place is None:
                if not main_known:  # the most mentioned city needs the entities of every sentence
                    self.parser.complete_ner(doc)
                    main_place, main_known = self.places.main_place(doc), True
                if main_place is not None:
                    place, how = main_place, "article"
            events.append(self._record(article["id"], published_at, ev, eid, place, how, p))
        mention_records = [self._mention(article["id"], published_at, m) for m in mentions]
        return {"events": events, "mentions": mention_records}

    def _record(self, article_id: str, published_at: str, ev: CodedEvent, eid: str,
                place: Place | None, how: str, p: float) -> dict[str, Any]:
        cameo = self.lex.cameo[ev.code]
        root = self.lex.cameo[cameo.root]
        trig = ev.trigger
        return {
            "schema_version": SCHEMA_VERSION,
            "event_id": eid,
            "article_id": article_id,
            "published_at": published_at,
            "sentence": ev.sentence.text.strip(),
            "sentence_span": [ev.sentence.start_char, ev.sentence.end_char],
            "source": ev.source.as_actor(),
            "target": ev.target.as_actor() if ev.target else None,
            "cameo": {"code": cameo.code, "root": cameo.root, "name": cameo.name},
            "quad_class": cameo.quad_class,
            "goldstein": cameo.goldstein,
            "plover": cameo.plover or root.plover,
            "location": None if place is None else {
                "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
                "resolved": place.resolved, "how": how},
            "negated": ev.negated,
            "hypothetical": ev.hypothetical,
            "confidence": p,
            "trigger": {"text": trig.text, "lemma": trig.lemma_, "span": [trig.idx, trig.idx + len(trig)]},
            "reported_by": ev.reported_by.as_actor() if ev.reported_by else None,
        }

    @staticmethod
    def _mention(article_id: str, published_at: str, m: Mention) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "mention_id": f"{article_id}:{m.start_char}",
            "article_id": article_id,
            "actor": m.actor_key,
            "name": m.name,
            "code": m.code if m.kind != "place" else (m.country or m.code),
            "country": m.country,
            "role": m.role if m.kind != "place" else None,
            "text": m.text,
            "span": [m.start_char, m.end_char],
            "published_at": published_at,
        }


def get_extractor(model: str = DEFAULT_MODEL) -> Extractor:
    """The process's extractor for ``model``, built on the first call."""
    return _extractor(model)


@lru_cache(maxsize=2)
def _extractor(model: str) -> Extractor:  # one cache key per model, however the model is passed
    return Extractor(model)


def warm_up(model: str = DEFAULT_MODEL) -> None:
    """Load model and dictionaries in this process (the parsing process's initializer)."""
    get_extractor(model)


def extract_batch(articles: list[dict[str, Any]], model: str = DEFAULT_MODEL) -> list[dict[str, Any]]:
    """Extract a batch; an article that fails gets {"error": ...} instead of failing the batch."""
    ex = get_extractor(model)
    try:
        docs = ex.parse([a["text"] for a in articles])
    except Exception:  # noqa: BLE001 - fall back to one by one to isolate the bad article
        docs = [None] * len(articles)  # type: ignore[list-item]
    out: list[dict[str, Any]] = []
    for article, doc in zip(articles, docs, strict=True):
        try:
            out.append(ex.process(article, doc))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the stream
            log.error("extraction failed for %s: %s", article.get("id"), traceback.format_exc(limit=3))
            out.append({"error": f"{type(exc).__name__}: {exc}"[:300]})
    return out
