"""Property-based bad input against the real broker: random payloads mixed with valid articles.

Hypothesis generates the payloads (random bytes, random JSON, article-shaped objects with wrong,
missing, oversized or hostile fields, mutated valid articles). One pipeline run then checks the
property for all of them at once (a worker per example would take hours): every valid article
produced exactly the events of the offline extraction of its normalised form (event ids are
deterministic), every other payload is on `articles-rejected` at its own partition/offset with the
reason `validate_article` gives offline, and the worker kept running. `make reliability` runs the
same with thousands of payloads (scripts/reliability.py, scenario fuzz).
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from streams import jsonio, schemas
from streams.errors import RejectedInput
from streams.validate import validate_article

MAX_BYTES = 20000


def _dump(obj: Any) -> bytes:
    """Stdlib JSON (big integers and all); orjson cannot even write some of what we want to send."""
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", errors="surrogatepass")

_json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                          st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=40))
_json = st.recursive(_json_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                     max_leaves=12)
_texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=string.ascii_letters + " .,", min_size=1, max_size=300),
    st.sampled_from(["", "   ", "<p></p><div> </div>", "<b>x</b><i>y</i>", "<script>alert(1)</script><p>hi</p>",
                     "Russia \x00 attacked \x07 Ukraine.", "\u202e\u200b\ufeff", "🙂" * 50]),
    st.integers(), st.lists(st.text(max_size=5), max_size=3), st.none(),
)
_dates = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(
    ["2024-02-30T00:00:00Z", "yesterday", "2024-13-01", "2024-05-01T10:00:00+02:00", "0000-00-00"]), st.integers())
_ids = st.one_of(st.text(max_size=30), st.integers(), st.none(), st.sampled_from(["", "a\x00b", "x" * 300]),
                 st.lists(st.integers(), max_size=2))


@st.composite
def _article_like(draw: Any) -> bytes:
    doc: dict[str, Any] = {}
    for name, strat in (("id", _ids), ("text", _texts), ("published_at", _dates),
                        ("language", st.one_of(st.none(), st.sampled_from(["en", "EN", "fr", "de-DE", "", "xx"]),
                                               st.integers())),
                        ("title", st.one_of(st.none(), st.text(max_size=20), st.integers())),
                        ("url", st.one_of(st.none(), st.text(max_size=20))),
                        ("extra", _json)):
        if draw(st.booleans()):
            doc[name] = draw(strat)
    return _dump(doc)


@st.composite
def _mutated_sample(draw: Any) -> bytes:
    from streams.inputs import SAMPLES

    lines = [ln for ln in SAMPLES.read_bytes().splitlines() if ln.strip()]
    raw = draw(st.sampled_from(lines))
    how = draw(st.sampled_from(["truncate", "flip", "field", "pad", "nest"]))
    if how == "truncate":
        return raw[: draw(st.integers(0, len(raw) - 1))]
    if how == "flip":
        i = draw(st.integers(0, len(raw) - 1))
        return raw[:i] + bytes([draw(st.integers(0, 255))]) + raw[i + 1:]
    doc = jsonio.loads(raw)
    if how == "field":
        doc[draw(st.sampled_from(["id", "text", "published_at", "language", "title"]))] = draw(_json)
        return _dump(doc)
    if how == "pad":
        doc["text"] = doc["text"] + " filler" * draw(st.integers(3000, 4000))  # over MAX_BYTES
        return _dump(doc)
    nested: Any = doc
    for _ in range(draw(st.integers(15, 40))):
        nested = {"n": nested}
    return _dump(nested)


payloads_strategy = st.one_of(
    st.binary(max_size=200),
    st.binary(min_size=1, max_size=50).map(lambda b: b"\xff\xfe" + b),
    _json.map(_dump),
    _article_like(),
    _mutated_sample(),
)


def _collect(n: int, seed: int) -> list[bytes]:
    out: list[bytes] = []

    @settings(max_examples=n, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(payloads_strategy)
    def gather(p: bytes) -> None:
        out.append(p)

    rng = random.Random(seed)
    gather._hypothesis_internal_use_seed = rng.getrandbits(64)  # type: ignore[attr-defined]
    while len(out) < n:  # hypothesis may stop early when it runs out of new examples
        before = len(out)
        gather()
        if len(out) == before:
            break
    return out[:n]


def generate_payloads(n_random: int, n_valid: int, seed: int = 0, max_bytes: int = MAX_BYTES) -> list[bytes]:
    """n_random hypothesis payloads and n_valid valid articles, shuffled; ids and texts never repeat."""
    from scripts.reliability import make_articles

    payloads = _collect(n_random, seed) + make_articles(n_valid)
    random.Random(seed).shuffle(payloads)
    out, ids, hashes = [], set(), set()
    for raw in payloads:
        try:
            a = validate_article(raw, max_bytes=max_bytes)
        except RejectedInput:
            out.append(raw)
            continue
        if a["id"] in ids or a["content_hash"] in hashes:
            continue  # a repeat would be a legitimate duplicate whose outcome depends on arrival order
        ids.add(a["id"])
        hashes.add(a["content_hash"])
        out.append(raw)
    return out


def test_generated_payloads_are_mostly_bad_and_varied() -> None:
    payloads = generate_payloads(200, 10, seed=3)
    reasons = set()
    valid = 0
    for raw in payloads:
        try:
            validate_article(raw, max_bytes=MAX_BYTES)
            valid += 1
        except RejectedInput as exc:
            reasons.add(exc.reason)
    assert valid >= 10
    assert len(reasons) >= 6, reasons


@pytest.mark.integration
@pytest.mark.slow
def test_fuzzed_input_is_rejected_or_extracted(kafka: str, tmp_path: Path) -> None:
    from scripts.reliability import run_payloads

    payloads = generate_payloads(300, 20, seed=11)
    row = run_payloads(kafka, payloads, "fuzz", timeout=600, max_bytes=MAX_BYTES)
    assert row.rejected_as_expected, row.notes
    assert row.lost == 0 and row.duplicates == 0 and row.unexpected_events == 0, row
    assert row.tables_exact, row.notes
    assert row.rejected_expected > 200


def test_rejection_records_follow_the_schema() -> None:
    from streams.agents.rejects import rejection

    for raw in generate_payloads(100, 0, seed=5):
        try:
            validate_article(raw, max_bytes=MAX_BYTES)
        except RejectedInput as exc:
            rec = rejection(raw, exc.reason, exc.detail, exc.article_id, "articles", 1, 42)
            assert schemas.errors("rejected", rec) == []
            assert rec["excerpt"] == raw[:1024].decode("utf-8", errors="replace")
