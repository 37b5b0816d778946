"""The open verb dictionary as a trigger layer: pattern parsing and the choice of a verb's code."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.extraction.coding.dictionary import DictionaryVerbs, parse_pattern

COLUMNS = "code\tverb\tpattern\tsynset\tline\tforms\tblock\treverse_code\n"
# a small dictionary written for the test: a block "ship" with a synonym that has a code of its own
ROWS = [
    ("---", "ship", "", "", 1, "", "ship"),
    ("073", "airdrop", "", "", 2, "", "ship"),
    ("070", "ship", "* aid", "", 3, "", "ship"),
    ("073", "ship", "* {food aid}", "", 4, "", "ship"),
    ("072", "ship", "* weapons (to +)", "", 5, "", "ship"),
    ("---", "ship", "* (to market)", "", 6, "", "ship"),
    ("042", "ship", "* (to +)", "", 7, "", "ship"),
    ("174", "banish", "", "", 8, "", "banish"),
    ("010", "remark", "", "", 9, "", "remark"),
]


@pytest.fixture(scope="module")
def verbs(tmp_path_factory) -> DictionaryVerbs:
    d: Path = tmp_path_factory.mktemp("dict")
    (d / "verbs.tsv").write_text(COLUMNS + "".join("\t".join(map(str, (*r, ""))) + "\n" for r in ROWS))
    return DictionaryVerbs(str(d))


def test_a_pattern_splits_into_before_words_objects_and_prepositional_groups() -> None:
    p = parse_pattern("153", "will * police (to border) (with +)", 7)
    assert (p.before, p.objects, p.preps, p.target) == (("will",), ("police",), (("to", ("border",)), ("with", ())), "pobj:with")
    assert parse_pattern("072", "* {arms shipment} +", 1).objects == ("arms shipment",)
    assert parse_pattern("072", "* {arms shipment} +", 1).target == "dobj"
    assert parse_pattern("010", "no verb here", 1) is None


def code(verbs: DictionaryVerbs, extractor, text: str, verb: str) -> str | None:
    doc = extractor.parse([text])[0]
    tok = next(t for t in doc if t.lemma_.lower() == verb)
    found = verbs.lookup(tok, extractor.coder.triggers._objects(tok, "VERB"), frozenset(extractor.lex.cameo))
    return None if found is None else found[0].code


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Japan shipped aid to Haiti.", "ship", "070"),  # an object word
    ("Japan shipped food aid to Haiti.", "ship", "073"),  # the longer phrase wins
    ("Japan shipped weapons to Ukraine.", "ship", "072"),  # object and prepositional group
    ("Japan shipped rice to market.", "ship", None),  # a null code: no event
    ("Japan shipped rice to Haiti.", "ship", "042"),  # a bare group counts where the verb has no code
    ("Japan airdropped rice to Haiti.", "airdrop", "073"),  # a verb's own code beats a bare group
    ("Serbia banished the envoy.", "banish", "174"),  # a block's own code
    ("Serbia remarked on the envoy.", "remark", None),  # a bare make-statement verb is not coded
])
def test_a_verb_takes_the_code_of_its_most_specific_pattern(verbs, extractor, text, verb, expected) -> None:
    assert code(verbs, extractor, text, verb) == expected


def test_the_shipped_dictionary_loads_with_its_blocks() -> None:
    verbs = DictionaryVerbs()
    assert len(verbs.blocks) > 300 and "expel" in verbs.block_of


def events(extractor, text: str) -> set[tuple[str, str, str | None]]:
    evs = extractor.process({"id": "d", "text": text, "published_at": "2026-01-01T00:00:00Z"})["events"]
    return {(e["source"]["code"], e["cameo"]["code"], (e["target"] or {}).get("code")) for e in evs}


@pytest.mark.parametrize(("text", "expected"), [
    # verbs the lexicon does not know, coded from the dictionary when both actors are their own arguments
    ("Turkey airlifted food to Somalia.", {("TUR", "073", "SOM")}),
    ("Serbia rebuffed Croatia over the border dispute.", {("SRB", "120", "HRV")}),
    # a relative clause: the dictionary's verb is not coded
    ("The ship that Turkey airlifted to Somalia sank.", set()),
    # a government and its own country: no event between actors
    ("Mr Orban has governed Hungary since 2010.", set()),
])
def test_a_dictionary_verb_codes_only_with_its_own_subject_and_object(extractor, text, expected) -> None:
    assert events(extractor, text) == expected


def test_a_dictionary_verb_with_an_event_noun_object_leaves_the_event_to_the_noun(extractor) -> None:
    # "open" is a dictionary verb (090); the lexicon's noun "investigation" carries the event (094)
    assert events(extractor, "The International Criminal Court opened an investigation into war crimes by "
                             "Myanmar's military.") == {("IGOICC", "094", "MMRMIL")}
