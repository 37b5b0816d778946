"""Stage 2: find actor mentions in a parsed Doc and resolve them to CAMEO actor codes.

Names, short names, demonyms, capitals, metonyms ("the Kremlin"), people and organisations
come from the dictionaries in streams/data/. A descriptor noun ("troops", "officials",
"protesters") takes its role from roles.tsv and its country from a modifier ("Russian troops",
"US officials", "Russia's army") or a prepositional phrase ("protesters in Tehran").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from streams.extraction.lexicon import Lexicon, split_code

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "to", "from", "into", "across", "around", "towards", "toward"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int
    root: int  # token index of the head word
    code: str
    country: str | None
    role: str | None
    name: str
    kind: str  # country, demonym, capital, metonym, person, org, descriptor
    text: str
    start_char: int
    end_char: int

    @property
    def actor_key(self) -> str:
        """Country-level key used by the tables: the ISO-3 country, else the code."""
        return self.country or self.code

    def as_actor(self) -> dict[str, object]:
        return {"text": self.text, "code": self.code, "country": self.country, "role": self.role,
                "name": self.name, "span": [self.start_char, self.end_char]}


class ActorResolver:
    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, tuple[str, str, str]] = {}  # match label -> (kind, code, name)
        self._patterns: dict[str, list[str]] = {}
        for c in lex.countries.values():
            self._add(f"C:{c.iso3}", ("country", c.iso3, c.name), [c.name, *c.aliases])
            self._add(f"D:{c.iso3}", ("demonym", c.iso3, c.name), list(c.demonyms))
            self._add(f"K:{c.iso3}", ("capital", c.iso3 + "GOV", c.name), list(c.capitals))
        for phrase, code in lex.metonyms.items():
            self._add(f"M:{phrase}", ("metonym", code, phrase), [phrase])
        for i, p in enumerate(lex.people):
            self._add(f"P:{i}", ("person", p.code, p.name), [p.name, *p.aliases])
        for o in lex.orgs.values():
            self._add(f"O:{o.code}", ("org", o.code, o.name), [o.name, *o.aliases])
        for label, phrases in self._patterns.items():
            self.matcher.add(label, [nlp.make_doc(p) for p in phrases])
        self.role_terms = lex.roles
        self.country_names = {c.iso3: c.name for c in lex.countries.values()}

    def _add(self, label: str, value: tuple[str, str, str], phrases: list[str]) -> None:
        uniq = [p for p in dict.fromkeys(phrases) if p]
        if uniq:
            self.labels[label] = value
            self._patterns.setdefault(label, []).extend(uniq)

    # -- helpers ---------------------------------------------------------------------------------
    def role_of(self, token: Token) -> str | None:
        """Role of a descriptor noun, trying 'foreign minister' before 'minister'."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = token.lemma_.lower()
        compounds = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN")]
        if compounds:
            longer = " ".join([*(c.lemma_.lower() for c in compounds), lemma])
            if longer in self.role_terms:
                return self.role_terms[longer]
            longer = " ".join([compounds[-1].lemma_.lower(), lemma])
            if longer in self.role_terms:
                return self.role_terms[longer]
        return self.role_terms.get(lemma) or self.role_terms.get(token.text.lower())

    def _country_name(self, iso3: str | None, code: str) -> str:
        if iso3 and iso3 in self.country_names:
            return self.country_names[iso3]
        org = self.lex.orgs.get(code)
        return org.name if org else code

    def _make(self, doc: Doc, start: int, end: int, root: int, code: str, name: str, kind: str) -> Mention:
        country, role = split_code(code, self.lex.countries)
        span = doc[start:end]
        return Mention(start, end, root, code, country, role, name, kind, span.text, span.start_char, span.end_char)

    # -- the stage ------------------------------------------------------------------------------
    def process(self, doc: Doc) -> list[Mention]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=label))
        spans = filter_spans(spans)
        mentions: dict[int, Mention] = {}  # keyed by root token
        absorbed: set[int] = set()
        for span in spans:
            kind, code, name = self.labels[span.label_]
            root = span.root
            if kind in ("country", "demonym", "capital"):
                iso3 = code[:3]
                described = self._described(root, span)
                if described is not None:
                    head, role = described
                    start = min([span.start, head.i, *(t.i for t in head.lefts if t.dep_ in ("det", "poss"))])
                    end = max(span.end, head.i + 1)
                    mentions[head.i] = self._make(doc, start, end, head.i, iso3 + role, self.country_names[iso3], "descriptor")
                    continue
                if kind == "demonym":
                    # "Russian economy": a mention of the country, no role
                    mentions[root.i] = self._make(doc, span.start, span.end, root.i, iso3, name, kind)
                    continue
                if kind == "capital" and self._is_place(root):
                    absorbed.add(root.i)  # a place, not an actor ("talks in Moscow")
                    mentions.setdefault(root.i, self._make(doc, span.start, span.end, root.i, iso3, name, "place"))
                    continue
                mentions[root.i] = self._make(doc, span.start, span.end, root.i, code, name, kind)
            elif kind == "person":
                start = span.start
                for t in reversed(list(doc[max(0, span.start - 3):span.start])):
                    if t.dep_ == "compound" and t.head.i in range(span.start, span.end) or t.text in ("Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs."):
                        start = t.i
                    else:
                        break
                mentions[root.i] = self._make(doc, start, span.end, root.i, code, name, kind)
            else:
                mentions[root.i] = self._make(doc, span.start, span.end, root.i, code, name, kind)
        # descriptors with a country in a prepositional phrase: "protesters in Tehran", "troops of Russia"
        for token in doc:
            if token.i in mentions:
                continue
            role = self.role_of(token)
            if role is None:
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from"):
                    continue
                for pobj in prep.children:
                    m = mentions.get(pobj.i)
                    if m is not None and m.country and m.kind in ("country", "capital", "place"):
                        code = m.country + role
                        mentions[token.i] = self._make(doc, token.i, token.i + 1, token.i, code,
                                                       self.country_names[m.country], "descriptor")
                        mentions[token.i] = replace(mentions[token.i], text=doc[token.i:pobj.i + 1].text,
                                                    end_char=doc[pobj.i].idx + len(doc[pobj.i]))
                        del mentions[pobj.i]
                        break
        return sorted(mentions.values(), key=lambda m: m.start)

    def _described(self, root: Token, span: Span) -> tuple[Token, str] | None:
        """The descriptor noun a country word modifies, with its role ('Russian troops' -> troops, MIL)."""
        head = root.head
        if root.dep_ in MODIFIER_DEPS and head.i != root.i and head.i not in range(span.start, span.end):
            role = self.role_of(head)
            if role:
                return head, role
            # "the Russian foreign minister": demonym modifies 'minister' through another compound
            if head.dep_ in ("compound", "amod") and head.head.i > head.i:
                role = self.role_of(head.head)
                if role:
                    return head.head, role
        return None

    @staticmethod
    def _is_place(token: Token) -> bool:
        return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS
