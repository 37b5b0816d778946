"""Write every event the extractor codes on a fixed set of texts as canonical JSON.

Texts: the dev gold set (tests/gold/dev.jsonl), the sample articles (streams/samples/*.jsonl) and every
sentence literal in tests/test_events.py. For each text the output holds the event records of
`Extractor.process` (everything the pipeline publishes) and the coder's own view of each event (with
the intent flag, which the records do not carry). Two runs on unchanged code give identical bytes,
so a refactor of the coder can be checked with `cmp`:

    python scripts/snapshot_events.py /tmp/snapshot-before.json
    ... change the code ...
    python scripts/snapshot_events.py /tmp/snapshot-after.json && cmp /tmp/snapshot-{before,after}.json

While other modules change too, compare the coders on the same tree: `--coder FILE` codes with the
EventCoder of another version of events.py (e.g. `git show REV:streams/extraction/events.py > /tmp/old.py`).
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streams.extraction.pipeline import get_extractor  # noqa: E402


def gold_texts(path: Path) -> list[tuple[str, str]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            out.append((f"gold:{item.get('id') or n}", item["text"]))
    return out


def sample_texts(folder: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict) and isinstance(item.get("text"), str) and item["text"].strip():
                out.append((f"sample:{path.name}:{n}", item["text"]))
    return out


def test_sentences(path: Path) -> list[tuple[str, str]]:
    """String literals that read as sentences (a space and a final full stop), docstrings left out."""
    seen: dict[str, None] = {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            s = node.value
            if " " in s and s.rstrip().endswith(".") and "\n" not in s:
                seen.setdefault(s, None)
    return [(f"test:{i}", s) for i, s in enumerate(sorted(seen))]


def coded_view(ex: Any, doc: Any) -> list[dict[str, Any]]:
    mentions = ex.actors.process(doc)
    out = []
    for ev in ex.coder.process(doc, mentions):
        out.append({
            "trigger": [ev.trigger.i, ev.trigger.text],
            "lemma": ev.entry.lemma,
            "code": ev.code,
            "source": [ev.source.code, ev.source.kind, ev.source.root],
            "target": None if ev.target is None else [ev.target.code, ev.target.kind, ev.target.root],
            "negated": ev.negated,
            "hypothetical": ev.hypothetical,
            "intent": ev.intent,
            "reported_by": None if ev.reported_by is None else ev.reported_by.code,
            "sentence": [ev.sentence.start, ev.sentence.end],
            "notes": list(ev.notes),
        })
    return out


def load_coder(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("snapshot_coder", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.EventCoder


def snapshot(texts: list[tuple[str, str]], coder: Path | None = None) -> list[dict[str, Any]]:
    ex = get_extractor()
    if coder is not None:
        ex.coder = load_coder(coder)(ex.lex)
    docs = ex.parse([t for _, t in texts])
    out = []
    for (key, text), doc in zip(texts, docs, strict=True):
        article = {"id": key, "text": text, "published_at": "2026-01-01T00:00:00Z"}
        records = ex.process(article, doc)["events"]
        out.append({"key": key, "text": text, "coded": coded_view(ex, doc), "events": records})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--coder", type=Path, help="a file with the EventCoder to use instead of the current one")
    args = ap.parse_args()
    texts = (gold_texts(ROOT / "tests/gold/dev.jsonl") + sample_texts(ROOT / "streams/samples")
             + test_sentences(ROOT / "tests/test_events.py"))
    data = snapshot(texts, args.coder)
    args.out.write_text(json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(d["events"]) for d in data)
    print(f"{len(texts)} texts, {n} events -> {args.out}")


if __name__ == "__main__":
    main()
