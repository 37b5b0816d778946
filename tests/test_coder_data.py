"""Every row of the coder's data files (streams/data/coder/) codes its example as the row says.

`expect` holds the exact set of scored events of the example ("SOURCE TARGET CODE; ...", "-" for no
target) or "none", compared by country (the actor roles belong to the actor resolver). A word-set row's example shows the event or non-event that depends on the set; a
family row's example the appeal, demand or refusal code; an override row's example the overridden code.
"""

from __future__ import annotations

import pytest

from streams.evaluate import country, scored
from streams.extraction.coding.tables import CODER_DIR, load_coder_tables
from streams.extraction.lexicon import read_tsv

FILES = ("word_sets.tsv", "family_codes.tsv", "overrides.tsv")
ROWS = [(name, n, row) for name in FILES for n, row in enumerate(read_tsv(CODER_DIR / name), 2)]


def row_id(name: str, row: dict[str, str]) -> str:
    key = row.get("set") or "-".join(row[k] for k in ("family", "intent", "code") if k in row)
    return f"{name.split('.')[0]}:{key}"


def expected(cell: str) -> set[tuple[str, str, str]]:
    if cell == "none":
        return set()
    out = set()
    for part in cell.split(";"):
        source, target, code = part.split()
        out.add((country(source), country(target), code))
    return out


@pytest.fixture(scope="module")
def coded(extractor):
    texts = sorted({row["example"] for _, _, row in ROWS})
    docs = extractor.parse(texts)  # one pipe over all the examples
    out = {}
    for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        events = extractor.process({"id": f"coder-{i}", "text": text}, doc)["events"]
        out[text] = {(country(e["source"]["code"]), country((e["target"] or {}).get("code")), e["cameo"]["code"])
                     for e in events if scored(e)}
    return out


@pytest.mark.parametrize(("name", "line", "row"), ROWS, ids=[row_id(n, r) for n, _, r in ROWS])
def test_coder_data_row_codes_its_example(coded, name, line, row):
    assert row["example"] and row["note"], f"{name}:{line} needs an example and a note"
    assert coded[row["example"]] == expected(row["expect"]), f"{name}:{line} {row['note']}"


def test_coder_data_family_table_covers_every_intent_code(extractor):
    tables = load_coder_tables()
    for code in extractor.lex.cameo:
        if code.startswith("03") and len(code) >= 3:
            for family in ("02", "10", "12"):
                assert tables.family_code(code, family) is not None, (code, family)


def test_coder_data_sets_are_not_empty():
    words = load_coder_tables().words
    for name, members in vars(words).items():
        assert members, name
