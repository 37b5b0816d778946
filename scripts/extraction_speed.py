"""Raw spaCy `nlp.pipe` against the whole offline extraction (`extract_batch`), in one process and run.

Raw is measured as scripts/bench.py measures it (phase 1): `load_nlp()` + `nlp.pipe(texts,
batch_size=16)` with every component, after a warm-up. Extract is `extract_batch` in batches of 16,
as `geoevents extract` and bench phase 2 run it. The two alternate for --repeats rounds, so a
neighbour's load hits both; the script prints every round and the min / median / max. Each round
also splits extract into the parse (`Extractor.parse`) and the coding stages after it (actors,
events, places, records: `process_doc`), printed as a fraction of the parse time.

Usage: .venv/bin/python scripts/extraction_speed.py [--articles 300] [--repeats 3] [--corpus PATH]
The corpus defaults to .geoevents/bench/corpus.jsonl (scripts/make_corpus.py generates it; if it is
missing, the same generator makes the articles in memory).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DEFAULT_OUTPUT, generate  # noqa: E402

from streams.extraction.nlp import DEFAULT_MODEL, load_nlp  # noqa: E402
from streams.extraction.pipeline import extract_batch, get_extractor  # noqa: E402


def load_articles(path: Path, n: int) -> list[dict[str, Any]]:
    if path.exists():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:n]
    else:
        rows = generate(n)
    return [{"id": r["id"], "text": r["text"], "published_at": r.get("published_at") or "2026-01-01T00:00:00Z"}
            for r in rows]


def time_raw(texts: list[str], model: str) -> float:
    nlp = load_nlp(model)
    t0 = time.perf_counter()
    sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    return len(texts) / (time.perf_counter() - t0)


def time_split(articles: list[dict[str, Any]], model: str, batch_size: int = 16) -> tuple[float, float]:
    """(parse seconds, coding seconds) of the extraction, batch by batch."""
    ex = get_extractor(model)
    parse = coding = 0.0
    for i in range(0, len(articles), batch_size):
        part = articles[i:i + batch_size]
        t0 = time.perf_counter()
        docs = ex.parse([a["text"] for a in part])
        t1 = time.perf_counter()
        for article, doc in zip(part, docs, strict=True):
            ex.process_doc(article, doc)
        parse += t1 - t0
        coding += time.perf_counter() - t1
    return parse, coding


def time_extract(articles: list[dict[str, Any]], model: str, batch_size: int = 16) -> tuple[float, int, int]:
    n_events = n_mentions = 0
    t0 = time.perf_counter()
    for i in range(0, len(articles), batch_size):
        for result in extract_batch(articles[i:i + batch_size], model):
            n_events += len(result.get("events", []))
            n_mentions += len(result.get("mentions", []))
    return len(articles) / (time.perf_counter() - t0), n_events, n_mentions


def spread(xs: list[float]) -> str:
    return f"min {min(xs):.2f}  median {statistics.median(xs):.2f}  max {max(xs):.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    articles = load_articles(args.corpus, args.articles)
    texts = [a["text"] for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words:,} words, model {args.model}")
    nlp = load_nlp(args.model)
    list(nlp.pipe(texts[:4], batch_size=16))  # warm up, as bench.py does
    get_extractor(args.model)
    extract_batch(articles[:4], args.model)
    raws: list[float] = []
    extracts: list[float] = []
    coding: list[float] = []
    for r in range(args.repeats):
        raw = time_raw(texts, args.model)
        ext, n_events, n_mentions = time_extract(articles, args.model)
        parse_s, coding_s = time_split(articles, args.model)
        raws.append(raw)
        extracts.append(ext)
        coding.append(coding_s / parse_s)
        print(f"round {r + 1}: raw nlp.pipe {raw:6.2f} articles/s   extract_batch {ext:6.2f} articles/s"
              f"   extract/raw {ext / raw:.2f}   coding/parse {coding_s / parse_s:.2f}"
              f"   ({n_events} events, {n_mentions} mentions)")
    print(f"raw nlp.pipe   articles/s: {spread(raws)}")
    print(f"extract_batch  articles/s: {spread(extracts)}")
    print(f"extract/raw (same round):  {spread([e / r for e, r in zip(extracts, raws, strict=True)])}")
    print(f"coding stages / parse:     {spread(coding)}")


if __name__ == "__main__":
    main()
