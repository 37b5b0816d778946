"""Checks of the reviewable dictionaries in streams/data/."""

from __future__ import annotations

from collections import Counter

import pytest

from streams.extraction.lexicon import DATA_DIR, load_lexicon, read_tsv


@pytest.fixture(scope="module")
def lex():
    return load_lexicon(str(DATA_DIR))


def test_lexicon_data_every_event_code_exists(lex):
    for entries in lex.triggers.values():
        for t in entries:
            assert t.code in lex.cameo, t
            assert not t.intent_code or t.intent_code in lex.cameo, t


def test_lexicon_data_all_twenty_roots_reached(lex):
    roots = {t.code[:2] for entries in lex.triggers.values() for t in entries}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize(("name", "key"), [
    ("event_lexicon.tsv", ("lemma", "pos", "object", "code")),
    ("roles.tsv", ("term",)),
    ("people.tsv", ("name",)),
    ("countries.tsv", ("iso3",)),
    ("metonyms.tsv", ("phrase",)),
    ("organizations.tsv", ("code",)),
    ("modality.tsv", ("word", "kind")),
    ("peoples.tsv", ("demonym",)),
])
def test_lexicon_data_no_duplicate_rows(name, key):
    rows = read_tsv(DATA_DIR / name)
    counts = Counter(tuple(r.get(k, "").lower() for k in key) for r in rows)
    dupes = [k for k, n in counts.items() if n > 1]
    assert not dupes, dupes


def test_lexicon_data_actor_codes_have_known_countries(lex):
    for code in [*lex.metonyms.values(), *(p.code for p in lex.people)]:
        assert code[:3] in lex.countries or code[:3] in ("IGO", "NGO", "IMG", "VAT"), code


def test_lexicon_data_roles_are_cameo_roles(lex):
    if lex.role_names:
        assert set(lex.roles.values()) <= set(lex.role_names), set(lex.roles.values()) - set(lex.role_names)
