"""Time spaCy's parse against the rest of the extraction (actors, events, places, records).

Usage: .venv/bin/python scripts/extraction_speed.py [N_ARTICLES]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from streams.extraction.pipeline import get_extractor

SAMPLES = Path(__file__).resolve().parent.parent / "streams" / "samples" / "articles.jsonl"


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    base = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [dict(base[i % len(base)], id=f"{base[i % len(base)].get('id', 'a')}-{i}") for i in range(target)]
    ex = get_extractor()
    ex.process({"id": "warm", "text": "Russia attacked Ukraine."})  # load everything lazily loaded
    t0 = time.perf_counter()
    docs = list(ex.nlp.pipe([a["text"] for a in articles], batch_size=16))
    parse = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_events = 0
    for article, doc in zip(articles, docs, strict=True):
        n_events += len(ex.process_doc(article, doc)["events"])
    extract = time.perf_counter() - t1
    print(f"articles: {len(articles)}  events: {n_events}")
    print(f"parse seconds: {parse:.3f}")
    print(f"extraction seconds: {extract:.3f}")
    print(f"ratio: {extract / parse:.3f}")


if __name__ == "__main__":
    main()
