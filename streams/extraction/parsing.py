"""Stage 1 as the extractor runs it: the model's components, with the entity recogniser run only on
the sentences whose entities the extraction reads.

Every component before "ner" (tokenizer, tok2vec, tagger, parser, attribute_ruler, lemmatizer) runs on
the whole article as `nlp.pipe` runs it, so tags, lemmas, the dependency parse and the sentences are
the same. The NER (with its own tok2vec, about a third of the parse time) reads entities for three
things only: place mentions and the places of events (GPE/LOC/FAC entities whose text resolves as a
place) and a DATE after "from" / "starting" (`EventCoder._fixed_start`). So it runs on a sentence of
the parser only if:

- a span of the sentence (up to 12 tokens, starting with a capitalised word, a digit or a particle
  such as "the" or "al") has a text `PlaceResolver.resolve` knows and a capitalised word that is not
  a stop word, and the span is not inside a dictionary actor (it could be a place mention, actors.py)
  or it holds the object of a locative preposition (it could be the place of an event, places.py);
- or the sentence has a "from" / "starting" preposition.

Elsewhere no entity can change the output: a place entity needs a text that resolves, and where the
recogniser did not run, `PlaceResolver._place_at` falls back on the proper noun, which then resolves
only if the sentence was chosen. The article's most mentioned city (for an event without any other
place in an article without a dateline) counts the entities of every sentence: `complete_ner` adds
the rest then.

The recogniser sees each run of chosen sentences with `ner_context()` tokens around it (4 for
en_core_web_sm: a window encoder of depth 4, window 1) and keeps no state across a sentence boundary
(an entity cannot cross one), so it finds in those sentences exactly the entities `nlp.pipe` finds.
Token indices and character offsets stay those of the whole article (event and mention ids do not
change). A model whose recogniser listens to a shared tok2vec or reads more context gets the NER on
every sentence.

The attribute ruler's Matcher (179 one- and two-token patterns, ~9% of the parse) is replaced by an
indexed matcher that returns the same match list; the ruler's own `set_annotations` applies it.
Patterns it does not support, or a start-up self-check that disagrees with spaCy's Matcher, keep the
stock component.

`scripts/profile_extraction.py --check` compares all of this with `nlp.pipe` on a corpus.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy
from lemminflect import getAllLemmas  # type: ignore[import-untyped]
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_SPACE,
    IS_STOP,
    LEMMA,
    LENGTH,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

NER_RANGES = "geoevents_ner_ranges"  # doc.user_data key: token ranges the recogniser has seen
TOKEN_ATTRS = {"NORM", "LOWER", "ORTH", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"}  # kept by the sub-docs
NER_BATCH = 128
MAX_PLACE_TOKENS = 12  # longest place name looked for, in tokens
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "into", "across", "through", "around"})
DATE_PREPS = frozenset({"from", "starting"})  # events.EventCoder._fixed_start
# lower-case words a place name can start with ("al-Qusayr", "the Hague", "de la Paz")
NAME_PARTICLES = frozenset({"the", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin", "ben", "abu",
                            "umm", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "la", "le", "les", "los",
                            "las", "van", "von", "der", "den", "ten", "ter"})
SELF_CHECK_TEXT = (
    "I'm sure it isn't what you'd think: they ain't gonna let's go, y'all said, and nothin' will do. "
    "Kim Jong Un met Vladimir Putin in Vladivostok on Thursday; that was why he did it \n\n for them.  "
    "There are 3 envoys who have done so, and it is they that do. Gotta c'm on!"
)


class _Unsupported(Exception):
    pass


class FastAttributeMatcher:
    """The attribute ruler's matches, found with a per-token index instead of spaCy's Matcher.

    Supports what en_core_web_* rulers use: patterns of fixed length (no operators) whose tokens test
    LOWER, TAG, DEP (equal, IN, NOT_IN, REGEX) and IS_SPACE (true/false). Like the Matcher, a rule
    with several patterns matches a span once.
    """

    ATTRS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.strings = strings
        self._regex_cache: dict[tuple[int, int], bool] = {}
        # each pattern is filed under one equality (or IN) test of its first token, the rest are
        # tested for every token
        self.index: list[dict[int, list[tuple[Any, ...]]]] = [{} for _ in self.ATTRS]
        self.always: list[tuple[Any, ...]] = []
        self.by_lower_test: list[tuple[Any, ...]] = []
        self.regexes: list[re.Pattern[str]] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                if not pattern:
                    raise _Unsupported(f"rule {attr_id}: empty pattern")
                specs = [self._compile(tok) for tok in pattern]
                rule = (attr_id, strings[key], specs[0], specs[1:])
                filed = False
                for col in range(len(self.ATTRS)):  # LOWER first: the most selective
                    for c, kind, arg in specs[0]:
                        if c == col and kind in ("eq", "in") and not filed:
                            for v in ([arg] if kind == "eq" else arg):
                                self.index[col].setdefault(v, []).append(rule)
                            filed = True
                if filed:
                    continue
                if all(c == 0 for c, _, _ in specs[0]):
                    self.by_lower_test.append(rule)  # REGEX / NOT_IN on the word: memoised per word
                else:
                    self.always.append(rule)
        self._lower_memo: dict[int, list[tuple[Any, ...]]] = {}

    def _compile(self, tok: dict[str, Any]) -> list[tuple[int, str, Any]]:
        conds: list[tuple[int, str, Any]] = []
        for name, value in tok.items():
            if name not in self.ATTRS:
                raise _Unsupported(f"attribute {name}")
            col = self.ATTRS[name]
            if name == "IS_SPACE":
                if not isinstance(value, bool):
                    raise _Unsupported("IS_SPACE value")
                conds.append((col, "eq", int(value)))
            elif isinstance(value, str):
                conds.append((col, "eq", self.strings.add(value)))
            elif isinstance(value, dict) and len(value) == 1:
                (op, arg), = value.items()
                if op == "IN" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                    conds.append((col, "in", frozenset(self.strings.add(v) for v in arg)))
                elif op == "NOT_IN" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                    conds.append((col, "not_in", frozenset(self.strings.add(v) for v in arg)))
                elif op == "REGEX" and isinstance(arg, str):
                    self.regexes.append(re.compile(arg))
                    conds.append((col, "regex", len(self.regexes) - 1))
                else:
                    raise _Unsupported(f"{name} {op}")
            else:
                raise _Unsupported(f"{name} value")
        return conds

    def _ok(self, conds: list[tuple[int, str, Any]], row: list[int]) -> bool:
        for col, kind, arg in conds:
            v = row[col]
            if kind == "eq":
                if v != arg:
                    return False
            elif kind == "in":
                if v not in arg:
                    return False
            elif kind == "not_in":
                if v in arg:
                    return False
            else:
                hit = self._regex_cache.get((arg, v))
                if hit is None:
                    hit = self._regex_cache[(arg, v)] = bool(self.regexes[arg].search(self.strings[v]))
                if not hit:
                    return False
        return True

    def _lower_rules(self, lower: int) -> list[tuple[Any, ...]]:
        rules = self._lower_memo.get(lower)
        if rules is None:
            row = [lower, 0, 0, 0]
            rules = self._lower_memo[lower] = [r for r in self.by_lower_test if self._ok(r[2], row)]
        return rules

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What AttributeRuler.match returns: (rule index, match id, start, end), sorted."""
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        n = len(rows)
        by_lower, by_tag, by_dep, by_space = self.index
        always, lower_memo, lower_rules = self.always, self._lower_memo, self._lower_rules
        ok = self._ok
        out: set[tuple[int, int, int, int]] = set()
        for i, row in enumerate(rows):
            tested = lower_memo.get(row[0])
            if tested is None:
                tested = lower_rules(row[0])
            for rules in (by_lower.get(row[0]), by_tag.get(row[1]), by_dep.get(row[2]), by_space.get(row[3]),
                          always, tested):
                if not rules:
                    continue
                for attr_id, match_id, first, rest in rules:
                    if not ok(first, row):
                        continue
                    if rest and (i + len(rest) >= n or not all(ok(spec, rows[i + 1 + k]) for k, spec in enumerate(rest))):
                        continue
                    out.add((attr_id, match_id, i, i + 1 + len(rest)))
        return sorted(out)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


def _fast_ruler(nlp: Language, name: str) -> Callable[[Doc], Doc] | None:
    """The indexed attribute ruler if it reproduces spaCy's matches on a test text, else None."""
    ruler: Any = nlp.get_pipe(name)
    try:
        fast = FastAttributeMatcher(ruler)
    except _Unsupported as exc:
        log.info("attribute ruler: stock Matcher (%s)", exc)
        return None
    doc = nlp.make_doc(SELF_CHECK_TEXT)
    for other, proc in nlp.pipeline:
        if other == name:
            break
        doc = proc(doc)
    if fast.match(doc) != ruler.match(doc):
        log.warning("attribute ruler: the indexed matcher disagrees with spaCy's; using the stock one")
        return None
    return fast


def ner_context(nlp: Language) -> int | None:
    """Tokens the recogniser's own tok2vec reads on either side of a token (4 for en_core_web_sm), or
    None if its output could depend on more of the document (then the NER runs on whole docs)."""
    try:
        cfg = nlp.config["components"]["ner"]
        model = cfg["model"]
        tok2vec = model["tok2vec"]
        if cfg.get("factory") != "ner" or model.get("state_type") != "ner" \
                or not str(model.get("@architectures", "")).startswith("spacy.TransitionBasedParser."):
            return None
        arch = str(tok2vec.get("@architectures", ""))
        if arch.startswith("spacy.HashEmbedCNN."):
            return int(tok2vec["depth"]) * int(tok2vec["window_size"])
        if not arch.startswith("spacy.Tok2Vec."):
            return None  # a listener (shared tok2vec or transformer) reads the whole doc
        embed, encode = tok2vec["embed"], tok2vec["encode"]
        if str(embed.get("@architectures", "")).startswith("spacy.MultiHashEmbed.") \
                and not set(embed.get("attrs", [])) <= TOKEN_ATTRS:
            return None
        if not str(encode.get("@architectures", "")).startswith(("spacy.MaxoutWindowEncoder.", "spacy.MishWindowEncoder.")):
            return None
        return int(encode["depth"]) * int(encode["window_size"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


HEADLINE_MAX_TOKENS = 24  # a headline is one line without a full stop ("Israel and Jordan Sign Peace Treaty at ..., Ending 46-Year State of War")
TIME_NOUNS = frozenset({"day", "week", "month", "year", "time", "night", "morning", "evening", "today", "weekend"})
HEADLINE_END = frozenset({".", "!", "?", '"', "\u201d", "'", ":"})


def title_case(doc: Doc) -> bool:
    """A headline in title case: most of its words after the first start with a capital."""
    words = [t for t in doc[1:] if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 2 and sum(t.text[:1].isupper() for t in words) >= 0.75 * len(words)


COLLECTIVE_NOUNS = frozenset({"police", "military", "army", "government", "cabinet", "parliament", "junta", "militia"})


def plural_subject(words: Span) -> bool:
    """The words before a headline's verb end in a plural ("U.S. missiles", "Yemen's Houthis") or join
    two names ("Iran and Iraq")."""
    last = words[-1]
    # ("Tunisian police fire tear gas": a collective noun takes a plural verb)
    return last.tag_ in ("NNS", "NNPS") or last.lower_ in COLLECTIVE_NOUNS or (last.tag_ == "NNP" or last.tag_ == "JJ" and last.text[:1].isupper()) \
        and last.lower_.endswith("s") and not last.lower_.endswith("ss") or any(t.lower_ == "and" for t in words)


def headline_subject(doc: Doc) -> Doc:
    """"Mali Expels French Ambassador": a headline's verb without a subject, after a name the parser
    hangs on it as a modifier; the name is its subject."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.tag_ not in ("VBZ", "VBP", "VBD") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in root.children):
        return doc
    first = next(iter(root.lefts), None)
    if first is not None and first.i == 0 and first.pos_ == "PROPN" and first.dep_ in ("amod", "compound", "nmod", "npadvmod", "dep") \
            and all(t.pos_ in ("PROPN", "PART", "PUNCT") or t.dep_ in ("compound", "poss", "case") for t in doc[first.i + 1:root.i]):
        first.dep_ = "nsubj"
    return doc


def _where(doc: Doc, attr: int, values: Iterable[str], lo: int = 0, hi: int = 0) -> list[Any]:
    """The tokens of `doc[lo:len(doc) + hi]` whose `attr` (a string attribute: ORTH, LOWER, TAG or DEP) is
    one of `values`, in order. The repairs look only at these, found from the doc's array instead of
    token by token (each repair has one such test that every token it changes must pass)."""
    strings = doc.vocab.strings
    arr: Any = doc.to_array(attr)
    found = numpy.flatnonzero(numpy.isin(arr, [strings[v] for v in values])).tolist()
    end = len(doc) + hi
    return [doc[i] for i in found if lo <= i < end]


DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40})(?:,\s*([A-Z][A-Za-z .'\-]{2,40}?))?"
                      r"(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]*\)\s*)?[\u2014\u2013-]{1,2}\s")


def dateline_end(doc: Doc) -> int:
    """The character offset where the article's dateline ends (0: it has none)."""
    m = DATELINE.match(doc[:40].text)
    return m.end() if m else 0


def participle_modifiers(doc: Doc) -> Doc:
    """"detained impeached President Yoon", "freed jailed opposition leader X": a participle right after a
    verb without an object, read as a second verb whose object is the name after it, describes that
    name; the name is the first verb's object."""
    for tok in _where(doc, TAG, ("VBN", "VBD"), 1, -1):
        verb = doc[tok.i - 1]
        if tok.tag_ not in ("VBN", "VBD") or tok.dep_ not in ("advcl", "dep", "xcomp", "ccomp") or tok.head.i != verb.i \
                or verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "obj", "auxpass") for c in verb.children) \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("PROPN", "NOUN")), None)
        if obj is None or obj.left_edge.i != tok.i + 1:
            continue
        obj.head, obj.dep_ = verb, "dobj"
        tok.head, tok.dep_ = obj, "amod"
    return doc


def fronted_subjects(doc: Doc) -> Doc:
    """"After talks brokered by Merkel and Hollande, Putin and Poroshenko agreed": the subject after an
    opening phrase, read as more names of the phrase's last list; the names after the comma are the
    verb's subject."""
    for verb in _where(doc, DEP, ("ROOT",)):
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.i < 3 \
                or any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.sent.start and not c.text.isupper() for c in verb.children):
            continue
        name = doc[verb.i - 1]
        while name.dep_ == "conj" and doc[name.left_edge.i - 1].text != "," and name.head.i < name.i:
            name = name.head  # "..., Vladimir Putin and Petro Poroshenko agreed": up to the name after the comma
        if name.dep_ != "conj" or doc[name.left_edge.i - 1].text != "," or name.head.i > name.i:
            continue
        if not any(a.dep_ == "prep" and a.head.i in (verb.i, verb.sent.start) and a.i < name.i for a in name.ancestors):
            continue
        name.head, name.dep_ = verb, "nsubj"
    return doc


def nouns_after_to(doc: Doc) -> Doc:
    """"Mali and Burkina Faso agree to truce": a noun no English lexicon knows as a verb, read as an
    infinitive after "to", is the object of "to" as a preposition."""
    for tok in _where(doc, TAG, ("VB",)):
        if tok.tag_ != "VB" or tok.dep_ not in ("xcomp", "advcl") or "VERB" in getAllLemmas(tok.lower_) \
                or not getAllLemmas(tok.lower_):  # ("airlifting grain to famine victims": a purpose clause)
            continue
        to = next((c for c in tok.children if c.dep_ == "aux" and c.tag_ == "TO" and c.i == tok.i - 1), None)
        if to is None:
            continue
        to.head, to.dep_, to.pos_, to.tag_ = tok.head, "prep", "ADP", "IN"
        tok.head, tok.dep_, tok.pos_, tok.tag_ = to, "pobj", "NOUN", "NN"
    return doc


def verbs_after_to(doc: Doc) -> Doc:
    """"offered to host talks between the two": a verb the tagger reads as a noun, with "to" before it and
    an object after it, is the infinitive the parse already makes it."""
    for tok in _where(doc, TAG, ("NN",)):
        if tok.dep_ != "xcomp" or "VERB" not in getAllLemmas(tok.lower_) \
                or not any(c.dep_ == "dobj" for c in tok.children) \
                or not any(c.dep_ == "aux" and c.tag_ == "TO" and c.i == tok.i - 1 for c in tok.children):
            continue
        tok.pos_, tok.tag_ = "VERB", "VB"
    return doc


def finite_conjuncts(doc: Doc) -> Doc:
    """"urged both governments to show restraint and offered his good offices": a finite verb cannot be
    coordinated with an infinitive; it is a conjunct of the verb the infinitive depends on."""
    for tok in _where(doc, TAG, ("VBD", "VBZ")):
        inf = tok.head
        if tok.dep_ != "conj" or inf.tag_ != "VB" or inf.dep_ not in ("xcomp", "ccomp", "advcl") or inf.head.i == inf.i \
                or inf.head.pos_ not in ("VERB", "AUX") or not any(c.tag_ == "TO" for c in inf.children):
            continue
        tok.head = inf.head
    return doc


# verbs whose complement clause comes without "that" ("said the talks, and the truce, would go on")
THAT_LESS_VERBS = frozenset({"say", "tell", "announce", "report", "add", "warn", "believe", "think", "claim",
                             "insist", "argue", "hope", "expect", "fear", "know", "suggest", "show", "indicate"})


def joined_clauses(doc: Doc) -> Doc:
    """"demanded the withdrawal of Vietnamese troops, and Thailand's foreign minister accused Hanoi": a
    second clause after a comma and "and", read as the complement of the first verb whose subject is the
    first verb's object joined to the second clause's subject. The object goes back to the first verb,
    and the second clause is joined to it with its own subject."""
    for clause in _where(doc, DEP, ("ccomp",)):
        verb = clause.head
        if clause.dep_ != "ccomp" or clause.pos_ != "VERB" or verb.pos_ != "VERB" or verb.i > clause.i \
                or verb.lemma_.lower() in THAT_LESS_VERBS or any(c.dep_ in ("dobj", "obj") for c in verb.children) \
                or any(c.dep_ == "mark" for c in clause.children):
            continue
        first = next((c for c in clause.children if c.dep_ == "nsubj" and verb.i < c.i and c.pos_ == "NOUN"), None)
        if first is None:
            continue
        second = next((c for c in first.children if c.dep_ == "conj" and c.i < clause.i), None)
        cc = next((c for c in first.children if c.dep_ == "cc" and c.lower_ == "and" and doc[c.i - 1].text == ","), None)
        if second is None or cc is None or cc.i > second.i:
            continue
        first.head, first.dep_ = verb, "dobj"
        second.head, second.dep_ = clause, "nsubj"
        cc.head = verb
        clause.dep_ = "conj"
    return doc


def marked_subjects(doc: Doc) -> Doc:
    """"a day after Azerbaijan launched an offensive": the subject of a clause, read as the object of its
    conjunction ("after" taken as a preposition), is the subject of the clause's verb."""
    for mark in _where(doc, DEP, ("mark",)):
        verb = mark.head
        if mark.dep_ != "mark" or verb.pos_ not in ("VERB", "AUX") or verb.i < mark.i \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        subj = next((c for c in mark.children if c.dep_ == "pobj" and c.i < verb.i), None)
        if subj is not None:
            subj.head, subj.dep_ = verb, "nsubj"
    return doc


def joined_modifiers(doc: Doc) -> Doc:
    """"Iranian missile and drone strikes on Pakistan": two modifiers joined by "and" before a noun, read
    with the first modifier as the head of the phrase (the noun hung on the second modifier or joined to
    the first). The noun after them is the head; the first modifier hangs on it, with the words that name
    its owner ("Iranian"), and the determiner before them goes with the noun."""
    for cc in _where(doc, LOWER, ("and", "or"), 1, -2):
        first, second, noun = doc[cc.i - 1], doc[cc.i + 1], doc[cc.i + 2]
        if cc.dep_ != "cc" or cc.lower_ not in ("and", "or") or cc.head.i != first.i \
                or first.tag_ not in ("NN", "JJ") or second.tag_ not in ("NN", "JJ") or noun.tag_ not in ("NN", "NNS") \
                or noun.pos_ != "NOUN" or noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ in ("NOUN", "PROPN") \
                or any(c.dep_ == "compound" for c in first.children):  # "the oil embargo and flight ban": two phrases
            continue
        if first.dep_ != "ROOT" and (noun.head.i == second.i and second.dep_ == "conj" and second.head.i == first.i
                                     or noun.dep_ == "conj" and noun.head.i == first.i and second.head.i == noun.i):
            noun.head, noun.dep_ = first.head, first.dep_
            first.head, first.dep_ = noun, "nmod"
            second.head, second.dep_ = noun, "compound"
            cc.head = second
            for mod in [c for c in first.lefts if c.dep_ in ("det", "poss", "nummod")]:
                mod.head = noun
    return doc


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def days_before_and(doc: Doc) -> Doc:
    """"bombed Asmara on Friday and Eritrean planes struck Mekele": the subject of a second clause after
    a day and "and", read as the object of the day's preposition with the day as its modifier, is the
    subject of the second clause's verb; the day is the preposition's object again."""
    for day in _where(doc, LOWER, WEEKDAYS, 1, -3):
        prep, noun = doc[day.i - 1], day.head
        if day.lower_ not in WEEKDAYS or day.dep_ not in ("nmod", "compound") or noun.i <= day.i + 1 \
                or noun.dep_ != "pobj" or noun.head.i != prep.i or prep.dep_ != "prep" or noun.i + 1 >= len(doc):
            continue
        verb, cc = doc[noun.i + 1], doc[day.i + 1]
        if verb.pos_ != "VERB" or verb.dep_ != "conj" or verb.head.i != prep.head.i or cc.lower_ != "and" \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        day.head, day.dep_ = prep, "pobj"
        noun.head, noun.dep_ = verb, "nsubj"
        cc.head, cc.dep_ = prep.head, "cc"
        for t in doc[cc.i + 1:noun.i]:
            if t.head.i == day.i:
                t.head, t.dep_ = noun, "amod" if t.pos_ == "ADJ" else "compound"
    return doc


def object_participles(doc: Doc) -> Doc:
    """"Pirates Hijack Saudi Supertanker Carrying Crude", "seized a ship carrying arms": the object of a
    verb, read as the subject of a participle after it, is the verb's object, and the participle
    describes it."""
    for part in _where(doc, TAG, ("VBG",)):
        verb = part.head
        if part.tag_ != "VBG" or part.dep_ not in ("xcomp", "advcl", "ccomp") or verb.i >= part.i \
                or verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "obj") for c in verb.children):
            continue
        subj = next((c for c in part.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is None or subj.left_edge.i != verb.i + 1 or subj.i > part.i:
            continue
        subj.head, subj.dep_ = verb, "dobj"
        part.head, part.dep_ = subj, "acl"
    return doc


def listed_subjects(doc: Doc) -> Doc:
    """"living in camps in Zaire, Tanzania and Burundi, and cholera and dysentery have killed more than
    20,000": the subject of a second clause after ", and", read as one more item of the first clause's
    list, is the subject of the second clause's verb."""
    for verb in _where(doc, DEP, ("conj",)):
        if verb.pos_ != "VERB" or verb.dep_ != "conj" or verb.head.i > verb.i \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        k = verb.i - 1
        while k > 0 and doc[k].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[k].head.i == verb.i:
            k -= 1
        noun = doc[k]
        # ("killed 230 Palestinians in Gaza and Hamas fired rockets": a name and a finite verb need no comma)
        named = noun.pos_ == "PROPN" and noun.i == verb.i - 1 and verb.tag_ in ("VBD", "VBZ") \
            and noun.left_edge.i >= 1 and doc[noun.left_edge.i - 1].lower_ == "and"
        while not named and noun.dep_ == "conj" and noun.head.i < noun.i and noun.left_edge.i >= 2 \
                and not (doc[noun.left_edge.i - 1].lower_ == "and" and doc[noun.left_edge.i - 2].text == ","):
            noun = noun.head  # "cholera and dysentery": up to the first of the subject's own items
        start = noun.left_edge.i
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "conj" or noun.head.i >= noun.i or start < 2 \
                or doc[start - 1].lower_ != "and" or (doc[start - 2].text != "," and not named) \
                or noun.head.pos_ not in ("NOUN", "PROPN"):
            continue
        cc = doc[start - 1]
        noun.head, noun.dep_ = verb, "nsubj"
        cc.head, cc.dep_ = verb.head, "cc"
    return doc


# nouns of a by-phrase of manner, means or measure that does belong to an active verb ("by force", "by
# a wide margin", "by road")
MANNER_NOUNS = frozenset({"force", "vote", "margin", "majority", "phone", "telephone", "decree", "mail", "letter",
                          "road", "air", "sea", "land", "rail", "train", "plane", "helicopter", "boat", "car", "bus",
                          "hand", "foot", "means", "way", "end", "time", "day", "night", "week", "month", "year",
                          "percent", "point", "referendum", "consensus", "acclamation", "default", "mistake"})


def stranded_agents(doc: Doc) -> Doc:
    """"set up a commission of inquiry into war crimes by Indonesian troops", "an investigation into killings
    of protesters by the police": the by-phrase of the event noun before it, read as a phrase of the
    active verb the noun hangs from, is the noun's again."""
    for prep in _where(doc, LOWER, ("by",)):
        verb = prep.head
        # ("had opened an investigation into killings by the police": a perfect participle is active)
        if prep.lower_ != "by" or prep.dep_ != "prep" or verb.pos_ != "VERB" or verb.i > prep.i \
                or verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) \
                or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if agent is None or agent.lemma_.lower() in MANNER_NOUNS and agent.lower_ != "forces" or agent.lower_.endswith("ing") \
                or agent.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY") \
                or not (agent.pos_ == "PROPN" or agent.pos_ == "NOUN" and any(
                    c.dep_ in ("det", "amod", "compound", "poss") for c in agent.children)):
            continue
        nouns = [t for t in doc[verb.i + 1:prep.i] if t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj", "conj")]
        if not nouns:
            continue
        noun = nouns[-1]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" \
                and noun.head.head.i > verb.i and (noun.head.head.dep_ == "pobj" or noun.tag_ in ("NNS", "NNPS")):
            # "killings of protesters by the police", "described the execution of men by X": the killings
            noun = noun.head.head
        if verb not in noun.ancestors:
            continue
        prep.head = noun
    return doc


def targets_after_agents(doc: Doc) -> Doc:
    """"a campaign of ethnic cleansing by the RSF against the Masalit", "attacks by rebels against civilians":
    the against-phrase after the by-phrase of a noun, read as a phrase of the agent, is the noun's."""
    for prep in _where(doc, LOWER, ("against",)):
        agent = prep.head
        by = agent.head
        if prep.lower_ != "against" or prep.dep_ != "prep" or agent.dep_ != "pobj" or by.lower_ != "by" \
                or by.dep_ != "prep" or by.head.pos_ != "NOUN" or by.head.i > by.i \
                or any(c.dep_ == "prep" and c.lower_ == "of" and c.i < by.i for c in by.head.children):
            continue  # "allegations of torture by the police against ...": whose by-phrase it is, is unclear
        prep.head = by.head
    return doc


# verbs of a speaker named after the sentence ("..., medics and police sources said.")
TAIL_REPORT_VERBS = frozenset({"say", "report", "add", "tell", "confirm", "announce", "write"})
SPEAKER_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "DT", "CC", "CD", "POS", "PRP$", "HYPH"})


def tail_speakers(doc: Doc) -> Doc:
    """"... demand the resignation of the government, medics and police sources said.": the speakers after
    the last comma, read as more words of the phrase before it, are the subject of the reporting verb at the
    end; the word of that phrase they had taken over gets its place back."""
    for verb in _where(doc, DEP, ("ROOT",), 3):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in TAIL_REPORT_VERBS \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) \
                or verb.i + 1 < len(doc) and not doc[verb.i + 1].is_punct:
            continue
        comma = next((k for k in range(verb.i - 1, max(verb.sent.start, verb.i - 8) - 1, -1) if doc[k].text == ","), None)
        head = doc[verb.i - 1]
        if comma is None or comma + 1 >= verb.i or head.tag_ not in ("NN", "NNS", "NNP", "NNPS") \
                or any(t.tag_ not in SPEAKER_TAGS for t in doc[comma + 1:verb.i]):
            continue
        inside = range(comma + 1, verb.i)
        old_head, old_dep = head.head, head.dep_
        if old_head.i in inside or old_head.i == verb.i:
            continue
        taken = [t for t in doc[verb.sent.start:comma] if t.head.i in inside]
        head.head, head.dep_ = verb, "nsubj"
        for t in doc[comma + 1:verb.i - 1]:
            if t.head.i not in inside:
                t.head = head
        if len(taken) == 1:
            taken[0].head, taken[0].dep_ = old_head, old_dep
        else:
            for t in taken:
                t.head = old_head
    return doc


# verbs that link a subject to an adjective ("talks turned ugly", "the border stays open"): their adjective
# is no object
LINKING_VERBS = frozenset({"be", "become", "remain", "stay", "turn", "go", "seem", "look", "appear", "prove", "grow",
                           "get", "keep", "feel", "sound", "fall", "come", "run", "hold", "sit", "stand", "lie", "rest"})


def bare_object_nouns(doc: Doc) -> Doc:
    """"Israel Launches Offensive in Gaza": a word that is a noun as well as an adjective, right after a verb
    without an object and without its article (as in headlines), read as an adjective; it is the verb's
    object."""
    for tok in _where(doc, DEP, ("advmod", "acomp", "oprd", "dep", "xcomp"), 1):
        verb = doc[tok.i - 1]
        if tok.pos_ != "ADJ" or tok.head.i != verb.i or verb.pos_ != "VERB" or verb.lemma_.lower() in LINKING_VERBS \
                or any(c.dep_ in ("dobj", "obj", "attr", "oprd", "acomp") and c.i != tok.i for c in verb.children) \
                or any(c.dep_ not in ("prep", "punct") for c in tok.children) \
                or "NOUN" not in getAllLemmas(tok.lower_):
            continue
        tok.dep_, tok.pos_, tok.tag_ = "dobj", "NOUN", "NN"
    return doc


def named_gerunds(doc: Doc) -> Doc:
    """"Israel reopened the Kerem Shalom crossing into Gaza": a word that is a noun as well as a gerund, right
    after a name with "the" before it, read as a clause after the name, is the head noun the name modifies."""
    for tok in _where(doc, TAG, ("VBG",), 2):
        name = doc[tok.i - 1]
        det = name.left_edge
        if tok.tag_ != "VBG" or name.tag_ != "NNP" or tok.head.i != name.head.i or name.head.i == name.i \
                or name.dep_ not in ("dobj", "obj", "pobj", "nsubj") or det.lower_ != "the" or det.head.i != name.i \
                or any(c.dep_ in ("nsubj", "dobj", "obj", "aux") for c in tok.children) \
                or "NOUN" not in getAllLemmas(tok.lower_):
            continue
        tok.head, tok.dep_ = name.head, name.dep_
        name.head, name.dep_ = tok, "compound"
        det.head = tok
        tok.pos_, tok.tag_, tok.lemma_ = "NOUN", "NN", tok.lower_
    return doc


HOSTAGE_WORDS = frozenset({"hostage", "hostages", "captive", "captives"})
HOSTAGE_TAKING_VERBS = frozenset({"take", "hold", "keep"})


def hostage_complements(doc: Doc) -> Doc:
    """"took about 90 people hostage", "took most of the justices of the Supreme Court hostage": the word
    "hostage" after a verb's object, read as a clause or as the head of the object's last name, is the
    complement of "take" or "hold"."""
    for tok in _where(doc, LOWER, HOSTAGE_WORDS, 2):
        verb = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in HOSTAGE_TAKING_VERBS or tok.dep_ in ("dobj", "oprd") \
                or any(c.dep_ == "det" for c in tok.children) \
                or not any(c.dep_ in ("dobj", "obj") and c.i < tok.i for c in verb.children):
            continue
        if tok.dep_ == "pobj":
            # the names before it ("Colombia's Supreme Court") are the of-phrase's object again
            names = [c for c in tok.children if c.i < tok.i and c.dep_ == "compound"]
            if not names:
                continue
            name = names[-1]
            name.head, name.dep_ = tok.head, "pobj"
            for c in list(tok.children):
                if c.i < tok.i and c.i != name.i:
                    c.head = name
        tok.head, tok.dep_ = verb, "oprd"
    return doc


def comma_participles(doc: Doc) -> Doc:
    """"ordered the officials to leave the country, accusing them of meddling": a participle after a comma,
    read as a clause of the infinitive before it, is the main verb's (its subject did the accusing, not the
    ones ordered out)."""
    for tok in _where(doc, TAG, ("VBG",), 1):
        inf = tok.head
        if tok.tag_ != "VBG" or tok.dep_ != "advcl" or doc[tok.i - 1].text != "," or inf.dep_ != "xcomp" \
                or inf.i > tok.i or inf.head.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children) \
                or not any(c.dep_ in ("dobj", "obj") for c in inf.head.children):
            continue
        tok.head = inf.head
    return doc


def appositive_verbs(doc: Doc) -> Doc:
    """"Anwar Ibrahim, the current chair of ASEAN, called on Thailand ...": a past verb after the comma
    that closes an apposition, read as a modifier of the apposition's noun while the name is left as the
    root, is the sentence's verb and the name its subject."""
    for name in _where(doc, DEP, ("ROOT", "appos")):
        root = name.sent.root
        # (or the name hung on a dateline left as the root: "KUALA LUMPUR, July 25 - Anwar Ibrahim, the ...")
        if name.pos_ not in ("PROPN", "NOUN") or root.pos_ in ("VERB", "AUX") \
                or name.dep_ != "ROOT" and (name.head.i != root.i or root.idx >= dateline_end(doc)):
            continue
        app = next((c for c in name.children if c.dep_ == "appos" and c.i > name.i), None)
        verb = None if app is None else next((c for c in app.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBD"
                                              and c.i > app.i and doc[c.i - 1].text == ","), None)
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        name.head, name.dep_ = verb, "nsubj"
        if root.i != name.i:
            root.head, root.dep_ = verb, "npadvmod"
    return doc


def repaired(doc: Doc) -> Doc:
    """The parse with the small model's repeated errors in wire copy repaired, in order."""
    for repair in (month_may, participle_modifiers, marked_subjects, fronted_subjects, nouns_after_to, verbs_after_to, finite_conjuncts, joined_clauses,
                   joined_modifiers, days_before_and, object_participles, listed_subjects, stranded_agents,
                   targets_after_agents, bare_object_nouns, named_gerunds, hostage_complements, comma_participles,
                   tail_speakers, appositive_verbs):
        doc = repair(doc)
    return doc


def month_may(doc: Doc) -> Doc:
    """"WASHINGTON, May 13 - ...": the tagger reads the month before a day as the modal "may", which
    would make every event of the sentence a speculation; the month is made a name again."""
    for tok in _where(doc, ORTH, ("May",), 0, -1):
        if tok.text == "May" and tok.pos_ == "AUX" and doc[tok.i + 1].like_num:
            tok.pos_, tok.tag_, tok.lemma_ = "PROPN", "NNP", "May"
            if tok.dep_ == "aux":
                tok.dep_ = "npadvmod"
    return doc


# docs parsed at once: 8 holds the parsing process's peak memory about 60 MB below 16 (486 against 544 MB
# over 640 articles) at about the same speed (20.3 against 20.9 articles/s), measured by hand with
# extract_batch on the benchmark corpus
PARSE_BATCH = 8


class SelectiveParser:
    """Parses articles as `nlp.pipe` does, except that NER runs only where the extraction reads it."""

    def __init__(self, nlp: Language, place_keys: Iterable[str],
                 covered: Callable[[Doc], set[int]], batch_size: int = PARSE_BATCH,
                 headline_verbs: dict[str, str] | None = None) -> None:
        self.nlp = nlp
        # "sinks" -> "sank": the present verbs of headlines, and the past form they are reparsed with
        self.headline_verbs = headline_verbs or {}
        self.stop_words = frozenset(nlp.Defaults.stop_words)
        self.batch_size = batch_size
        self.covered = covered
        self.place_keys = frozenset(place_keys)
        names = nlp.pipe_names
        listened = {c for _, proc in nlp.pipeline for c in getattr(proc, "listening_components", [])}
        # selective NER needs a recogniser with its own window-encoder tok2vec, as the last component
        self.context = ner_context(nlp) if names and names[-1] == "ner" and "ner" not in listened else None
        self.ner: Any = nlp.get_pipe("ner") if self.context is not None else None
        self.before: list[tuple[str, Callable[[Doc], Doc] | Any]] = []
        for name, proc in nlp.pipeline:
            if self.ner is not None and name == "ner":
                continue
            fast = _fast_ruler(nlp, name) if name == "attribute_ruler" else None
            self.before.append((name, fast if fast is not None else proc))
        strings = nlp.vocab.strings
        self._pobj = strings.add("pobj")
        self._prep = strings.add("prep")
        self._locative = frozenset(strings.add(w) for w in LOCATIVE_PREPS)
        self._date_preps = frozenset(strings.add(w) for w in DATE_PREPS)

    # -- the parse -----------------------------------------------------------------------------
    def __call__(self, texts: list[str]) -> list[Doc]:
        docs = [self.nlp.make_doc(t) for t in texts]
        for _, proc in self.before:
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=self.batch_size))
            else:
                docs = [proc(doc) for doc in docs]
        if self.ner is not None:
            self._run_ner(docs, [self._ner_sentences(doc, text) for doc, text in zip(docs, texts, strict=True)])
        return [self.finish(doc) for doc in docs]

    def finish(self, doc: Doc) -> Doc:
        """A parsed doc made ready for extraction: headlines parsed again, the parse repaired. A doc of
        the stock `nlp.pipe` made ready this way has the selective parse's analysis."""
        return repaired(self._headline(doc))

    # -- headlines ------------------------------------------------------------------------------
    def _headline(self, doc: Doc) -> Doc:
        """"British submarine sinks Argentine cruiser": the small model reads the present-tense verb of a
        headline as a plural noun, and the headline has no verb. Such a headline is parsed again with
        the verb in the past tense ("sank"), which the model reads as a verb; the analysis is copied
        onto the original words (the text, and every offset, stay as written). A headline in title case
        ("Kenya Expels Two Libyan Diplomats") is parsed with its common English words in lower case
        first: the model reads every capitalised word as a name."""
        if not self.headline_verbs or len(doc) > HEADLINE_MAX_TOKENS or not len(doc) or doc[-1].text in HEADLINE_END:
            return doc
        source = self._lowered(doc) if title_case(doc) else doc
        analysed = self._past_tense_variant(source) or source
        if analysed is doc:
            return headline_subject(doc)
        attrs = [POS, TAG, DEP, HEAD, LEMMA, MORPH, ENT_IOB, ENT_TYPE, SENT_START]
        out = Doc(self.nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        arr: Any = analysed.to_array(attrs)
        out.from_array(attrs, arr)
        out.user_data.update(analysed.user_data)  # parsed by the whole pipeline: every entity is set
        return headline_subject(out)

    def _parse_words(self, words: list[str], doc: Doc) -> Doc:
        variant = Doc(self.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
        for _, proc in self.nlp.pipeline:
            variant = proc(variant)
        return variant

    def _lowered(self, doc: Doc) -> Doc:
        """The headline parsed with its capitalised common words in lower case; the names the actor and
        place dictionaries know, and words no English lexicon knows ("Ershad", "Renamo"), keep their case."""
        keep = self.covered(doc)
        words = []
        for t in doc:
            w = t.text
            # a place name that is also a function word or a headline verb ("From", "Grants", "Ban") is the word
            place = w.casefold() in self.place_keys and w.lower() not in self.stop_words and w.lower() not in self.headline_verbs \
                and f"={w.lower()}" not in self.headline_verbs
            if t.i not in keep and w[:1].isupper() and not w.isupper() and not place \
                    and (getAllLemmas(w.lower()) or w.lower() in self.stop_words or w.lower() in self.headline_verbs):
                w = w.lower()
            words.append(w)
        if words == [t.text for t in doc]:
            return doc
        return self._parse_words(words, doc)

    def _past_tense_variant(self, doc: Doc) -> Doc | None:
        """The headline reparsed with its present-tense verbs in the past tense, or None."""
        words = [t.text for t in doc]
        # a participle read as the root ("Reagan Lifts Remaining Sanctions") is no verb of the headline
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" and t.tag_ not in ("VBG", "VBN") for t in doc):
            # "Milosevic concedes defeat and congratulates Kostunica": a second verb after "and", read as a noun
            # ("EU lifts embargo and sanctions on Libya": a noun joined to a noun stays one)
            changed = [t.i for t in doc[2:] if t.pos_ != "VERB" and t.text.islower() and doc[t.i - 1].lower_ == "and"
                       and t.lower_ in self.headline_verbs and not (t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"))]
            # "Rwanda rejects claims it sent troops": the verb after the name read as the subject of the next
            # (after a name the tagger reads as an adjective: "Pakistan hands captured Indian pilot back")
            named = self.covered(doc)
            first = next((t for t in doc if t.pos_ != "PROPN" and t.i not in named), None)
            if first is not None and first.i > 0 and first.dep_ == "nsubj" and first.tag_ in ("NNS", "VBZ") \
                    and first.text.islower() and first.lower_ in self.headline_verbs:
                changed.append(first.i)
        else:
            changed = []
            named = self.covered(doc)
            for t in doc[1:]:
                # "sinks" after a subject, or "strike" after a plural one ("U.S. missiles strike camps") or
                # after a group the dictionaries name ("Taliban ban girls", whatever the tagger makes of it)
                if t.text.islower() and (doc[t.i - 1].pos_ in ("NOUN", "PROPN", "ADJ") or t.i - 1 in named) and (
                        t.lower_ in self.headline_verbs
                        or ((plural_subject(doc[:t.i]) or all(i in named for i in range(t.i)))
                            and f"={t.lower_}" in self.headline_verbs)):
                    changed = [t.i]
                    break
        if not changed:
            return None
        for i in changed:
            words[i] = self.headline_verbs.get(doc[i].lower_) or self.headline_verbs[f"={doc[i].lower_}"]
        variant = self._parse_words(words, doc)
        if not any(t.pos_ == "VERB" and t.dep_ == "ROOT" for t in variant) or any(variant[i].pos_ != "VERB" for i in changed):
            return None
        for i in changed:
            # "submarine sank Argentine cruiser": the noun after the verb, read as an adverbial noun, is its object
            if not any(c.dep_ in ("dobj", "obj") for c in variant[i].children):
                for c in variant[i].rights:
                    if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.lemma_.lower() not in TIME_NOUNS:
                        c.dep_ = "dobj"
                        break
        return variant

    def complete_ner(self, doc: Doc) -> None:
        """Run the recogniser on the sentences it has not seen (a doc from `nlp()` has seen all)."""
        done = doc.user_data.get(NER_RANGES)
        if done is None or self.ner is None:
            return
        seen = {i for s, e in done for i in range(s, e)}
        rest = [(s.start, s.end) for s in doc.sents if s.start not in seen]
        if rest:
            self._run_ner([doc], [rest])

    # -- which sentences -----------------------------------------------------------------------
    def _ner_sentences(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """The parser's sentences the recogniser has to see (text is doc.text)."""
        if not len(doc):
            return []
        cols = doc.to_array([IDX, LENGTH, IS_STOP, LOWER, DEP, HEAD, SENT_START])
        cols[:, 5] = cols[:, 5].view("int64") + numpy.arange(len(cols))  # relative head -> head index
        cols = cols.tolist()
        covered = self.covered(doc)
        keys = self.place_keys
        n = len(cols)
        starts = [i for i in range(n) if i == 0 or cols[i][6] == 1]  # the parser's sentences
        out: list[tuple[int, int]] = []
        for k, s0 in enumerate(starts):
            e0 = starts[k + 1] if k + 1 < len(starts) else n
            if self._needs_ner(text, cols, s0, e0, covered, keys):
                out.append((s0, e0))
        return out

    def _needs_ner(self, text: str, cols: list[list[int]], s0: int, e0: int, covered: set[int],
                   keys: frozenset[str]) -> bool:
        locative, pobj = self._locative, self._pobj
        for s in range(s0, e0):
            a = cols[s][0]
            first = text[a:a + cols[s][1]]
            if not (first[:1].isupper() or first[:1].isdigit() or first in NAME_PARTICLES):
                continue
            for e in range(s + 1, min(s + MAX_PLACE_TOKENS, e0) + 1):
                b = cols[e - 1][0] + cols[e - 1][1]
                if text[a:b].strip().removeprefix("the ").casefold() not in keys:
                    continue
                # a name: a capitalised word that is not a stop word ("The" alone is a key too)
                if not any(text[cols[i][0]:cols[i][0] + 1].isupper() and not cols[i][2] for i in range(s, e)):
                    continue
                if not any(i in covered for i in range(s, e)):
                    return True  # a place mention (not inside a dictionary actor)
                for i in range(s, e):
                    c = cols[i]
                    if c[4] == pobj and cols[c[5]][3] in locative:
                        return True  # "in Moscow": the place of an event
        date_preps, prep = self._date_preps, self._prep
        return any(cols[i][3] in date_preps and cols[i][4] == prep for i in range(s0, e0))

    # -- the recogniser on parts of docs -------------------------------------------------------
    def _run_ner(self, docs: list[Doc], ranges: list[list[tuple[int, int]]]) -> None:
        context = self.context
        assert self.ner is not None and context is not None
        subs: list[Doc] = []
        where: list[tuple[int, int, int, int]] = []  # doc, offset, first and end token that count
        seen: list[list[tuple[int, int]]] = []
        for di, (doc, sel) in enumerate(zip(docs, ranges, strict=True)):
            # sentences close together share one sub-doc (with the sentences between them)
            runs: list[tuple[int, int]] = []
            for s, e in sel:
                if runs and s - runs[-1][1] <= 2 * context:
                    runs[-1] = (runs[-1][0], e)
                else:
                    runs.append((s, e))
            seen.append(runs)
            if not runs:
                continue
            arr: Any = doc.to_array([NORM, SENT_START])
            words = [t.text for t in doc]
            spaces = [bool(t.whitespace_) for t in doc]
            for s, e in runs:
                a, b = max(0, s - context), min(len(doc), e + context)
                sub = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
                sub.from_array([NORM, SENT_START], arr[a:b])
                subs.append(sub)
                where.append((di, a, s, e))
        found: list[list[Span]] = [[] for _ in docs]
        for sub, (di, a, s, e) in zip(self.ner.pipe(subs, batch_size=NER_BATCH), where, strict=True):
            for ent in sub.ents:
                if s <= ent.start + a and ent.end + a <= e:
                    found[di].append(Span(docs[di], ent.start + a, ent.end + a, label=ent.label))
        for di, doc in enumerate(docs):
            done = doc.user_data.get(NER_RANGES)
            if done is None:  # first pass: every other token is outside an entity
                doc.set_ents(found[di], default="outside")
                doc.user_data[NER_RANGES] = seen[di]
            else:
                doc.set_ents(sorted([*doc.ents, *found[di]], key=lambda sp: sp.start), default="outside")
                doc.user_data[NER_RANGES] = sorted([*done, *seen[di]])
