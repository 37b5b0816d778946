"""How well events are grouped into stories, against a corpus's own truth (`geoevents evaluate-stories`).

The corpus is article JSONL where every article carries `truth_story`, the label of the real-world
event it reports. The articles go through what the worker does without Kafka: validation, the
content-hash dedup (a copy of a text under another id is dropped, as `articles.unique` drops it),
extraction, and the grouping of streams/stories.py.

Pairwise: for every pair of (unique) articles, "same story" is true when both have the same
truth label, and predicted when the two articles count in at least one common story (what the
stories table and topic show). Precision, recall and F1 are over those pairs. Per truth story, the
predicted story that holds most of its articles is listed with its counts beside the true ones.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from streams import jsonio
from streams.errors import RejectedInput
from streams.stories import group, publisher


def load_corpus(path: Path) -> list[dict[str, Any]]:
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        doc = jsonio.loads(line)
        if not isinstance(doc, dict) or not doc.get("truth_story"):
            raise ValueError(f"{path}:{n}: every article needs a truth_story label")
        docs.append(doc)
    return docs


def unique_articles(docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """The normalised articles the pipeline would extract (first of each text), and the ids dropped
    as copies."""
    from streams.validate import validate_article

    seen: set[str] = set()
    kept, copies = [], []
    for doc in docs:
        try:
            article = validate_article(jsonio.dumps(doc))
        except RejectedInput as exc:
            raise ValueError(f"article {doc.get('id')!r} is rejected: {exc.reason}") from None
        if article["content_hash"] in seen:
            copies.append(article["id"])
            continue
        seen.add(article["content_hash"])
        article["truth_story"] = doc["truth_story"]
        kept.append(article)
    return kept, copies


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def pairwise(stories_of: dict[str, set[str]], truth: dict[str, str]) -> dict[str, Any]:
    """Pairwise scores of "same story" over every pair of articles in `truth` (id -> label)."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same = truth[a] == truth[b]
        predicted = bool(stories_of.get(a, set()) & stories_of.get(b, set()))
        tp += same and predicted
        fp += predicted and not same
        fn += same and not predicted
    return {"pairs_same": tp + fn, "pairs_predicted": tp + fp, **prf(tp, fp, fn)}


def evaluate_corpus(path: Path, now: float | None = None) -> dict[str, Any]:
    from streams.extraction.pipeline import extract_batch

    now = time.time() if now is None else now
    docs = load_corpus(path)
    articles, copies = unique_articles(docs)
    results = extract_batch(articles)
    pairs = []
    for article, result in zip(articles, results, strict=True):
        if "error" in result:
            raise ValueError(f"article {article['id']!r}: extraction failed: {result['error']}")
        pairs.append((article, result["events"]))
    records = group(pairs, now)
    stories_of: dict[str, set[str]] = defaultdict(set)
    for sid, rec in records.items():
        for aid in rec["article_ids"]:
            stories_of[aid].add(sid)
    truth = {a["id"]: a["truth_story"] for a in articles}
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in articles:
        by_label[a["truth_story"]].append(a)
    per_story: list[dict[str, Any]] = []
    for label, members in sorted(by_label.items()):
        held = Counter(sid for a in members for sid in stories_of.get(a["id"], ()))
        best = records[held.most_common(1)[0][0]] if held else None
        per_story.append({
            "truth_story": label, "articles": len(members), "sources": len({publisher(a) for a in members}),
            "story_id": best["story_id"] if best else None, "key": best["key"] if best else None,
            "story_articles": best["num_articles"] if best else 0,
            "story_sources": best["num_sources"] if best else 0,
            "articles_in_story": sum(1 for a in members if best and best["story_id"] in stories_of.get(a["id"], ())),
        })
    exact = sum(1 for s in per_story if s["articles"] > 1 and s["story_articles"] == s["articles"]
                and s["story_sources"] == s["sources"] and s["articles_in_story"] == s["articles"])
    return {
        "corpus": str(path), "articles": len(docs), "unique_articles": len(articles), "copies_dropped": copies,
        "truth_stories": len(by_label), "predicted_stories": len(records),
        "articles_without_story": sum(1 for a in articles if not stories_of.get(a["id"])),
        "pairwise": pairwise(stories_of, truth),
        "stories_exact": exact, "stories_with_several_articles": sum(1 for s in per_story if s["articles"] > 1),
        "per_story": per_story,
    }


def render_story_scores(report: dict[str, Any], console: Console) -> None:
    pw = report["pairwise"]
    console.print(f"{report['corpus']}: {report['articles']} articles ({len(report['copies_dropped'])} copies dropped), "
                  f"{report['truth_stories']} true stories, {report['predicted_stories']} predicted, "
                  f"{report['articles_without_story']} articles in no story")
    console.print(f"pairwise same-story: precision {pw['precision']:.3f}  recall {pw['recall']:.3f}  "
                  f"F1 {pw['f1']:.3f}  ({pw['pairs_same']} true pairs, {pw['pairs_predicted']} predicted)")
    console.print(f"stories whose article and source counts are exact: {report['stories_exact']} of "
                  f"{report['stories_with_several_articles']} with several articles")
    table = Table(title="per true story: the predicted story holding most of its articles")
    for col in ("truth", "articles", "sources", "predicted key", "in it", "its articles", "its sources"):
        table.add_column(col)
    for s in report["per_story"]:
        table.add_row(s["truth_story"], str(s["articles"]), str(s["sources"]), s["key"] or "-",
                      str(s["articles_in_story"]), str(s["story_articles"]), str(s["story_sources"]))
    console.print(table)

