"""Read articles from files for `publish`, `extract`, `evaluate` and `demo`.

JSONL (one article per line), JSON (one object or a list), or plain .txt (one article, its
file name is the id). Lines are kept as raw bytes so that bad input still reaches Kafka and
the rejected topic, where it is accounted for.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from streams import jsonio
from streams.settings import PACKAGE_DIR

SAMPLES = PACKAGE_DIR / "samples" / "articles.jsonl"


def raw_records(paths: list[str]) -> Iterator[tuple[bytes | None, bytes]]:
    """(key, value) pairs: value is the raw article bytes, key the id when it can be read."""
    for name in paths or ["-"]:
        if name == "-":
            for line in sys.stdin.buffer:
                if line.strip():
                    yield _keyed(line.rstrip(b"\r\n"))
            continue
        path = Path(name)
        if not path.exists():
            raise FileNotFoundError(f"no such file: {name}")
        if path.suffix == ".txt":
            doc = {"id": path.stem, "text": path.read_text(encoding="utf-8", errors="replace")}
            yield path.stem.encode(), jsonio.dumps(doc)
        elif path.suffix == ".json":
            data = path.read_bytes()
            try:
                doc = jsonio.loads(data)
            except jsonio.JSONDecodeError:
                yield None, data
                continue
            for item in doc if isinstance(doc, list) else [doc]:
                yield _keyed(jsonio.dumps(item))
        else:
            with path.open("rb") as fh:
                for line in fh:
                    if line.strip():
                        yield _keyed(line.rstrip(b"\r\n"))


def _keyed(value: bytes) -> tuple[bytes | None, bytes]:
    try:
        doc = jsonio.loads(value)
    except jsonio.JSONDecodeError:
        return None, value
    if isinstance(doc, dict) and isinstance(doc.get("id"), str) and doc["id"]:
        return doc["id"].encode(), value
    return None, value
