"""Where the extraction's time goes: every spaCy component and every coding stage, timed apart.

Two columns on the same articles (batches of 16, as the worker parses them):
  stock      - `nlp.pipe` as it is (all components on every sentence), then the coding stages
  extractor  - what `extract_batch` runs: streams/extraction/parsing.py's SelectiveParser (the same
               components, the indexed attribute-ruler matcher, NER only on the sentences whose
               entities the extraction reads), then the same coding stages
Each stage is timed alone (the component's `pipe` over the batch), so the sum is close to but not
exactly the pipelined run. --cprofile adds the top functions of the coding stages.

--check compares instead of timing: for every article, the selective docs against `nlp.pipe` docs
(tags, POS, morphology, lemmas, heads, dependency labels; the entities of the sentences the NER saw)
and `process_doc` on both (events and mentions, so event ids and mention counts); it exits 1 on a
difference.

Usage: .venv/bin/python scripts/profile_extraction.py [--articles 300] [--corpus PATH] [--cprofile | --check]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_speed import load_articles  # noqa: E402
from make_corpus import DEFAULT_OUTPUT  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from streams.extraction.nlp import DEFAULT_MODEL  # noqa: E402
from streams.extraction.parsing import NER_RANGES  # noqa: E402
from streams.extraction.pipeline import Extractor, get_extractor  # noqa: E402


def code(ex: Extractor, articles: list[dict[str, Any]], docs: list[Doc], t: dict[str, float]) -> None:
    """The coding stages of Extractor.process_doc, timed apart (process_doc itself is timed too)."""
    for doc in docs:
        t0 = time.perf_counter()
        mentions = ex.actors.process(doc)
        t1 = time.perf_counter()
        ex.coder.process(doc, mentions)
        t2 = time.perf_counter()
        t["actors (actors.py)"] += t1 - t0
        t["events (events.py)"] += t2 - t1
    t0 = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        ex.process_doc(article, doc)
    t["coding total (process_doc)"] += time.perf_counter() - t0
    t["places + records (rest of process_doc)"] = (t["coding total (process_doc)"] - t["actors (actors.py)"]
                                                    - t["events (events.py)"])


def fresh(ex: Extractor, texts: list[str]) -> list[Doc]:
    t0 = time.perf_counter()
    docs = [ex.nlp.make_doc(x) for x in texts]
    fresh.seconds = time.perf_counter() - t0  # type: ignore[attr-defined]
    return docs


def stock(ex: Extractor, articles: list[dict[str, Any]], batch: int) -> dict[str, float]:
    t: dict[str, float] = defaultdict(float)
    for i in range(0, len(articles), batch):
        part = articles[i:i + batch]
        docs = fresh(ex, [a["text"] for a in part])
        t["tokenizer"] += fresh.seconds  # type: ignore[attr-defined]
        for name, proc in ex.nlp.pipeline:
            component: Any = proc
            t0 = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=16))
            t[name] += time.perf_counter() - t0
        code(ex, part, docs, t)
    return t


def selective(ex: Extractor, articles: list[dict[str, Any]], batch: int) -> tuple[dict[str, float], int, int]:
    t: dict[str, float] = defaultdict(float)
    p = ex.parser
    n_tokens = n_ner = 0
    for i in range(0, len(articles), batch):
        part = articles[i:i + batch]
        docs = fresh(ex, [a["text"] for a in part])
        t["tokenizer"] += fresh.seconds  # type: ignore[attr-defined]
        for name, proc in p.before:
            t0 = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            label = f"{name} (indexed matcher)" if type(proc).__name__ == "FastAttributeMatcher" else name
            t[label] += time.perf_counter() - t0
        t0 = time.perf_counter()
        ranges = [p._ner_sentences(doc, a["text"]) for doc, a in zip(docs, part, strict=True)]
        t1 = time.perf_counter()
        p._run_ner(docs, ranges)
        t2 = time.perf_counter()
        t["ner: choose sentences (+ dictionary match)"] += t1 - t0
        t["ner (chosen sentences)"] += t2 - t1
        n_tokens += sum(len(d) for d in docs)
        n_ner += sum(e - s for d in docs for s, e in d.user_data[NER_RANGES])
        code(ex, part, docs, t)
    return t, n_tokens, n_ner


def check(ex: Extractor, articles: list[dict[str, Any]], batch: int = 16) -> int:
    """Number of articles whose selective parse or extraction differs from the stock pipeline's (both
    finished alike: headlines parsed again, the parse repaired)."""
    bad = 0
    for i in range(0, len(articles), batch):
        part = articles[i:i + batch]
        texts = [a["text"] for a in part]
        stock_docs = [ex.parser.finish(doc) for doc in ex.nlp.pipe(texts, batch_size=16)]
        for article, full, sel in zip(part, stock_docs, ex.parse(texts), strict=True):
            problems = []
            if [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_, t.is_sent_start) for t in full] != \
                    [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_, t.is_sent_start) for t in sel]:
                problems.append("token annotation")
            seen = {j for s, e in sel.user_data[NER_RANGES] for j in range(s, e)}
            if {(e.start, e.end, e.label_) for e in full.ents if e.start in seen} != \
                    {(e.start, e.end, e.label_) for e in sel.ents}:
                problems.append("entities")
            if ex.process_doc(article, full) != ex.process_doc(article, sel):
                problems.append("events/mentions")
            if problems:
                bad += 1
                print(f"{article['id']}: {', '.join(problems)} differ")
    return bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--cprofile", action="store_true", help="top functions of the coding stages")
    ap.add_argument("--check", action="store_true", help="compare with the stock pipeline instead of timing")
    args = ap.parse_args()
    articles = load_articles(args.corpus, args.articles)
    ex = get_extractor(args.model)
    if args.check:
        bad = check(ex, articles)
        print(f"{len(articles)} articles: {bad} differ from nlp.pipe + process_doc")
        sys.exit(1 if bad else 0)
    ex.process({"id": "warm", "text": "Russia attacked Ukraine in Kyiv.", "published_at": "2026-01-01T00:00:00Z"})
    list(ex.nlp.pipe([a["text"] for a in articles[:4]]))
    a, b = stock(ex, articles, 16), selective(ex, articles, 16)
    sel, n_tokens, n_ner = b
    print(f"{len(articles)} articles, {n_tokens:,} tokens; NER ran on {n_ner:,} tokens of the chosen sentences "
          f"({n_ner / max(n_tokens, 1):.0%})")
    print(f"{'stage':48} {'stock s':>8} {'share':>6}   {'extractor s':>11} {'share':>6}")
    total_a = sum(v for k, v in a.items() if k not in ("coding total (process_doc)", "actors (actors.py)",
                                                       "events (events.py)"))
    total_b = sum(v for k, v in sel.items() if k not in ("coding total (process_doc)", "actors (actors.py)",
                                                         "events (events.py)"))
    keys = list(dict.fromkeys([*a, *sel]))
    for k in keys:
        if k == "coding total (process_doc)":
            continue
        va, vb = a.get(k), sel.get(k)
        fa = f"{va:8.2f} {va / total_a:6.1%}" if va is not None else f"{'':8} {'':6}"
        fb = f"{vb:11.2f} {vb / total_b:6.1%}" if vb is not None else f"{'':11} {'':6}"
        print(f"{k:48} {fa}   {fb}")
    print(f"{'total':48} {total_a:8.2f} {'':6}   {total_b:11.2f}")
    print(f"{'articles/s':48} {len(articles) / total_a:8.2f} {'':6}   {len(articles) / total_b:11.2f}")
    if args.cprofile:
        docs = ex.parse([x["text"] for x in articles])
        prof = cProfile.Profile()
        prof.enable()
        for article, doc in zip(articles, docs, strict=True):
            ex.process_doc(article, doc)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
