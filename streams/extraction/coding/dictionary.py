"""The open CAMEO verb dictionary as a second trigger layer beside the hand-written lexicon.

streams/data/dictionaries/verbs.tsv holds the verb patterns of the open CAMEO verb dictionary
(scripts/convert_dictionaries.py). A verb belongs to a block; the block's patterns say which code the
verb takes with which words around it:

    073  * {relief assistance}        the verb with "relief assistance" among its objects
    154  * (to border)                the verb with "to" + "border"
    ---  * (to +)                     a null code: that construction is no event
    042  * (to +)                     "+" marks the target slot: here the object of "to"

A token gets the code of the most specific pattern whose words are all found around it (its objects,
its prepositional phrases, the words before it in its clause), else the block's own code. The hand
lexicon stays the precise layer: `TriggerFinder` asks this layer only where the lexicon has no entry
whose object words match (see `TriggerFinder.entry`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from streams.extraction.lexicon import Trigger

TOKEN = re.compile(r"\{[^}]*\}|[()]|[^\s(){}]+")
SLOTS = {"+", "$", "^", "*"}
DEFAULT_TARGETS = ("dobj", "pobj:to", "pobj:with", "pobj:against", "pobj:on", "pobj:into")
DICTIONARY_NOTE = "verbs.tsv"  # the notes of a trigger that comes from this layer
# CAMEO roots whose bare verbs are too general to code from the verb alone (make a statement, ...)
BARE_SKIP_ROOTS = frozenset({"01"})


@dataclass(frozen=True)
class Pattern:
    code: str
    before: tuple[str, ...]  # words before the verb ("will not * ...")
    objects: tuple[str, ...]  # words or phrases after the verb, outside prepositional groups
    preps: tuple[tuple[str, tuple[str, ...]], ...]  # (preposition, its words)
    target: str  # the target rule of the "+" slot, or ""
    line: int
    words: int = 0  # literal words the pattern asks for (a bare "(to +)" asks for none)
    weight: int = 0  # how specific it is: the heaviest matching pattern wins

    @property
    def anchor(self) -> str | None:
        """One word every match must have around the verb (the index key), or None for a bare group."""
        first = [*self.objects, *(w for _, ws in self.preps for w in ws), *self.before]
        return first[0] if first else None


def parse_pattern(code: str, text: str, line: int) -> Pattern | None:
    """`* police (to border)` -> Pattern(objects=("police",), preps=(("to", ("border",)),))."""
    before: list[str] = []
    objects: list[str] = []
    preps: list[tuple[str, list[str]]] = []
    target = ""
    seen_verb = False
    group: list[str] | None = None
    for tok in TOKEN.findall(text):
        if tok == "(":
            group = []
            continue
        if tok == ")":
            if group:
                prep, words = group[0], group[1:]
                if "+" in words:
                    target = target or f"pobj:{prep}"
                preps.append((prep, [w for w in words if w not in SLOTS]))
            group = None
            continue
        word = tok.strip("{}").strip()
        if group is not None:
            group.append(word)
        elif tok == "*":
            seen_verb = True
        elif tok == "+":
            target = target or ("dobj" if seen_verb else "")
        elif tok in SLOTS:
            continue
        elif seen_verb:
            objects.append(word)
        else:
            before.append(word)
    if not seen_verb:
        return None
    n = sum(len(w.split()) for w in (*before, *objects, *(x for _, ws in preps for x in ws)))
    return Pattern(code, tuple(before), tuple(objects), tuple((p, tuple(w)) for p, w in preps), target, line,
                   n, 2 * n + len(preps))


@dataclass(frozen=True)
class Block:
    code: str  # the block's own code ("---": no event without a pattern)
    patterns: tuple[Pattern, ...]
    by_anchor: dict[str | None, tuple[Pattern, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, code: str, patterns: list[Pattern]) -> Block:
        index: dict[str | None, list[Pattern]] = {}
        for p in patterns:
            index.setdefault(p.anchor, []).append(p)
        return cls(code, tuple(patterns), {k: tuple(v) for k, v in index.items()})

    def candidates(self, words: set[str]) -> list[Pattern]:
        """The patterns whose anchor word is among the words around the verb, heaviest first."""
        found = [p for w in (None, *words) for p in self.by_anchor.get(w, ())]
        return sorted(found, key=lambda p: (-p.weight, p.line))


class DictionaryVerbs:
    """Verb lemma -> its block; a token -> the Trigger of its best pattern."""

    def __init__(self, data_dir: str = "") -> None:
        from streams.extraction.dictionaries import load_verbs

        rows = load_verbs(data_dir)
        self.block_of: dict[str, str] = {}
        self.own_code: dict[str, str] = {}  # a verb's own code ("airlift" 073 in the block of "fly")
        codes: dict[str, str] = {}
        patterns: dict[str, list[Pattern]] = {}
        for r in rows:
            if not r.pattern:
                self.block_of.setdefault(r.verb, r.block)
                if r.code != "---":
                    self.own_code.setdefault(r.verb, r.code)
                if r.verb == r.block:
                    codes[r.block] = r.code
                continue
            p = parse_pattern(r.code, r.pattern, r.line)
            if p is not None:
                patterns.setdefault(r.block, []).append(p)
        self.blocks = {b: Block.of(codes.get(b, "---"), patterns.get(b, [])) for b in {*codes, *patterns}}
        self.words = frozenset(w for verb in self.block_of for w in verb.split())

    def lookup(self, token: Token, objects: set[str], cameo: frozenset[str]) -> tuple[Trigger, bool] | None:
        """(trigger, matched a pattern with words) for a verb token, or None (no entry, or a null code)."""
        lemma = token.lemma_.lower()
        particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
        verb = next((k for k in (*(f"{lemma} {p}" for p in particles), lemma) if k in self.block_of), None)
        if verb is None or self.block_of[verb] not in self.blocks:
            return None
        b = self.blocks[self.block_of[verb]]
        own = self.own_code.get(verb, b.code)
        preps = self._preps(token)
        before = {t.lower_ for t in token.lefts} | {t.lemma_.lower() for t in token.lefts}
        around = objects | before | {w for ws in preps.values() for w in ws}
        for p in b.candidates({w for x in around for w in (x, *x.split())}):  # heaviest first
            if (p.words or own == "---") and self._matches(p, objects, preps, before):
                if p.code == "---" or p.code not in cameo:
                    return None
                return self._trigger(verb, p.code, p.target, p.line), p.words > 0
        if own == "---" or own not in cameo or own[:2] in BARE_SKIP_ROOTS:
            return None
        return self._trigger(verb, own, "", 0), False

    @staticmethod
    def _preps(token: Token) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for c in token.children:
            if c.dep_ in ("prep", "agent", "dative"):
                words = out.setdefault(c.lower_, set())
                for p in c.subtree:
                    if p.i != c.i:
                        words.update((p.lower_, p.lemma_.lower()))
        return out

    @staticmethod
    def _matches(p: Pattern, objects: set[str], preps: dict[str, set[str]], before: set[str]) -> bool:
        if not all(w in before for w in p.before):
            return False
        if not all(w in objects for w in p.objects):
            return False
        for prep, words in p.preps:
            found = preps.get(prep)
            if found is None or not all(all(x in found for x in w.split()) for w in words):
                return False
        return True

    @staticmethod
    @lru_cache(maxsize=4096)
    def _trigger(lemma: str, code: str, target: str, line: int) -> Trigger:
        targets = (target, *(t for t in DEFAULT_TARGETS if t != target)) if target else DEFAULT_TARGETS
        return Trigger(lemma, "VERB", frozenset(), code, "", targets, notes=f"{DICTIONARY_NOTE} line {line}" if line else DICTIONARY_NOTE)
