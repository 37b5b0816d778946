"""The parsing process runs NER only on the sentences where extraction reads entities
(streams/extraction/parsing.py). Its documents and its extraction must equal spaCy's full
`nlp.pipe` on the samples, on articles built from the dev gold sentences, and on a generated
corpus (scripts/profile_extraction.py `check`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scripts.make_corpus import generate
from scripts.profile_extraction import check
from streams import jsonio
from streams.inputs import SAMPLES

GOLD_DEV = Path(__file__).parent / "gold" / "dev.jsonl"



def _dev_articles(per_article: int = 6) -> list[dict[str, Any]]:
    items = [jsonio.loads(line) for line in GOLD_DEV.read_text().splitlines() if line.strip()]
    return [{"id": f"dev-group-{i}", "text": " ".join(x["text"] for x in items[i:i + per_article]),
             "published_at": "2026-01-01T00:00:00Z"} for i in range(0, len(items), per_article)]


def test_selective_parse_equals_the_full_pipeline(extractor: Any) -> None:
    samples = [jsonio.loads(line) for line in SAMPLES.read_text().splitlines() if line.strip()]
    corpus = generate(40, 7)
    articles = samples + _dev_articles() + [dict(a) for a in corpus]
    assert check(extractor, articles) == 0
