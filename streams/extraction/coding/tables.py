"""The coder's own data in streams/data/coder/: word sets, the CAMEO family table and code overrides.

Every row of these files has an `example` sentence; tests/test_coder_data.py codes each example and
checks the row's effect.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from streams.extraction.lexicon import DATA_DIR, read_tsv, split

CODER_DIR = DATA_DIR / "coder"
CIVILIAN_ROLES = frozenset({"CVL", "EDU", "LAB", "MED", "HLH", "AGR", "REF"})


@dataclass(frozen=True)
class WordSets:
    """The English words the coder's rules test for (streams/data/coder/word_sets.tsv)."""

    modals: frozenset[str]
    future: frozenset[str]
    observer_nouns: frozenset[str]
    expectation_verbs: frozenset[str]
    relative: frozenset[str]
    relation_nouns: frozenset[str]
    border_nouns: frozenset[str]
    compound_preps: frozenset[str]
    fallback_preps: frozenset[str]
    fallback_place_preps: frozenset[str]
    stop_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    circumstance_preps: frozenset[str]
    breakdown_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    negative_determiners: frozenset[str]
    rejection_verbs: frozenset[str]
    subject_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    announce_verbs: frozenset[str]
    home_words: frozenset[str]
    start_preps: frozenset[str]
    movement_verbs: frozenset[str]
    habitual_adverbs: frozenset[str]
    repetition_adverbs: frozenset[str]
    plan_modifiers: frozenset[str]
    programme_nouns: frozenset[str]
    sports_words: frozenset[str]
    manner_preps: frozenset[str]
    time_words: frozenset[str]
    aerial_instruments: frozenset[str]
    artillery_instruments: frozenset[str]
    assault_verbs: frozenset[str]
    death_words: frozenset[str]
    avoid_verbs: frozenset[str]
    observe_verbs: frozenset[str]
    gathering_nouns: frozenset[str]
    area_nouns: frozenset[str]
    dissent_nouns: frozenset[str]
    unrealised_verbs: frozenset[str]
    decision_verbs: frozenset[str]
    protection_verbs: frozenset[str]
    content_nouns: frozenset[str]
    reaction_verbs: frozenset[str]

    def protective(self, clause: Token) -> bool:
        """A purpose clause of protection or help ("to protect the pipeline"; "to help stabilise Haiti" with
        "help" read as an auxiliary of "stabilise")."""
        return clause.dep_ in ("advcl", "xcomp") and clause.left_edge.lower_ == "to" and any(
            v.lemma_.lower() in self.protection_verbs for v in (clause, *(a for a in clause.children if a.dep_ == "aux")))

    def observer(self, word: Token) -> bool:
        """An observer noun ("analysts", "diplomats"), also when the tagger reads a plural after a dateline
        as a name ("ISLAMABAD, Dec 10 - Diplomats said", lemma "Diplomats")."""
        lemma = word.lemma_.lower()
        return lemma in self.observer_nouns or word.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in self.observer_nouns


@dataclass(frozen=True)
class FamilyRow:
    """An intent code (03) and the code of the parallel family it maps to (02 appeal, 10 demand, 12 refusal).

    `intent` is a whole code, or a prefix ending in "*"; with `rest` the digits after the prefix are
    appended to `code` ("0331" -> demand "1031")."""

    family: str
    intent: str
    code: str
    rest: bool

    @property
    def prefix(self) -> str:
        return self.intent.rstrip("*")

    def matches(self, intent_code: str) -> bool:
        if self.intent.endswith("*"):
            return intent_code.startswith(self.prefix)
        return intent_code == self.intent


NO_EVENT = "-"  # the new code of an override that makes the pair no event


@dataclass(frozen=True)
class Override:
    """A code that changes with the source or target of one event (streams/data/coder/overrides.tsv).

    The source matches when no kinds and roles are given, or its kind or its role is one of them. A
    new code of "-" (NO_EVENT) makes the pair no event."""

    code: str
    new_code: str
    lemmas: frozenset[str]
    source_kinds: frozenset[str]
    source_roles: frozenset[str]
    target: str  # "any", "none" (no target), "place" (a named place, capital or country), "person",
    # "civilians" (a group of civilians, protesters, students, workers), "nationals" (people named by their
    # nationality: "three Americans") or "people" (a person, or people named by their role or nationality)

    def applies(self, code: str, lemma: str, source_kind: str, source_role: str | None,
                target_kind: str | None, target_role: str | None = None) -> bool:
        if code != self.code or (self.lemmas and lemma not in self.lemmas):
            return False
        if (self.source_kinds or self.source_roles) and not (
                source_kind in self.source_kinds or source_role in self.source_roles):
            return False
        if self.target == "none":
            return target_kind is None
        if self.target == "place":
            return target_kind in ("place", "capital", "country")
        if self.target == "person":
            return target_kind == "person"
        if self.target == "civilians":
            return target_kind in ("descriptor", "context") and target_role in CIVILIAN_ROLES
        if self.target == "people":  # named or described by their role: not a place, state or organisation
            return target_kind in ("person", "descriptor", "context", "nationals")
        if self.target == "nationals":
            return target_kind == "nationals"
        return True


@dataclass(frozen=True)
class CoderTables:
    words: WordSets
    families: tuple[FamilyRow, ...]
    overrides: tuple[Override, ...]

    def family_code(self, intent_code: str, family: str) -> str | None:
        """The appeal / demand / refusal code parallel to an intent code ("0331" -> "0231", "1031", "122")."""
        if not intent_code.startswith("03") or len(intent_code) < 3:
            return None
        rows = [r for r in self.families if r.family == family and r.matches(intent_code)]
        if not rows:
            return None
        # a whole code before any prefix, then the longest prefix
        row = max(rows, key=lambda r: (not r.intent.endswith("*"), len(r.prefix)))
        return row.code + (intent_code[len(row.prefix):] if row.rest else "")


def _flag(cell: str | None) -> bool:
    return (cell or "").strip().lower() in ("yes", "y", "1", "true")


def read_word_sets(path: Path) -> WordSets:
    rows = {r["set"]: frozenset(split(r.get("words"))) for r in read_tsv(path)}
    names = {f.name for f in fields(WordSets)}
    if set(rows) != names:
        raise ValueError(f"{path.name}: missing sets {sorted(names - set(rows))}, unknown sets {sorted(set(rows) - names)}")
    return WordSets(**rows)


@lru_cache(maxsize=4)
def load_coder_tables(data_dir: str = "") -> CoderTables:
    d = Path(data_dir) if data_dir else CODER_DIR
    families = tuple(FamilyRow(r["family"], r["intent"], r["code"], _flag(r.get("rest")))
                     for r in read_tsv(d / "family_codes.tsv"))
    overrides = tuple(Override(r["code"], r["new_code"], frozenset(split(r.get("lemmas"))),
                               frozenset(split(r.get("source_kinds"))), frozenset(split(r.get("source_roles"))),
                               (r.get("target") or "any").strip())
                      for r in read_tsv(d / "overrides.tsv"))
    return CoderTables(read_word_sets(d / "word_sets.tsv"), families, overrides)
