"""Stage 3: code who did what to whom from the dependency parse, with the lexicon in streams/data/.

For every trigger (a verb or event noun in event_lexicon.tsv) the coder finds the source
(subject, passive agent, possessor, the subject of a controlling verb: "plans to meet") and the
target (the attachment points the lexicon row names: direct object, "with", "on", ...), expands
coordinated actors, makes reciprocal pairs, and sets the negated / hypothetical flags.

Appeals, demands, refusals and threats take their specific code from the event they govern
("urged Hamas to accept a ceasefire" -> 0256, "refused to release" -> 1243); that inner event is
not coded on its own. The family mapping follows the parallel structure of the CAMEO codebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from streams.extraction.actors import Mention, WordFilter
from streams.extraction.lexicon import Lexicon, Trigger

MODALS = {"would", "could", "might", "may", "should", "will", "shall", "can", "'d", "'ll", "wo", "ca", "must"}
FUTURE = {"will", "would", "shall", "'ll", "wo", "'d"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
SUBJ = ("nsubj", "csubj")
RELATIVE = {"who", "which", "that", "whom"}
ARG_DEPS = ("dobj", "obj", "attr", "nsubjpass", "pobj", "conj", "appos", "oprd")
PLACE_TARGET_RULES = {"dobj", "pobj:to", "pobj:on", "pobj:against", "pobj:into", "poss", "pobj:of", "pobj:at", "pobj:from",
                      "pobj:outside", "pobj:near"}
ATTACK_ROOTS = {"18", "19", "20"}
PHYSICAL_ROOTS = {"17", "18", "19", "20"}
RELATION_NOUNS = {"talk", "talks", "negotiation", "dialogue", "coordination", "cooperation", "relation", "tie",
                  "deal", "agreement", "meeting", "contact", "partnership"}
BORDER_NOUNS = {"border", "frontier", "boundary"}  # "moved troops to the border with Finland"
COMPOUND_PREPS = {"out", "away", "back", "up", "off"}
FALLBACK_PREPS = {"to", "with", "on", "against", "from", "for", "into", "toward", "towards", "at", "of"}
FALLBACK_PLACE_PREPS = {"to", "with", "on", "against", "from", "into"}
FALLBACK_NOUN_DEPS = ("poss", "compound", "amod", "nmod", "appos")
STOP_VERBS = {"stop", "cease", "end", "quit"}
QUANTITY_NOUNS = {"round", "series", "package", "batch", "wave", "number", "set", "shipment", "consignment",
                  "tonne", "ton", "load", "truckload", "planeload", "convoy"}
# a nominal event under these prepositions is background to the clause ("raised its alert after the attack"):
# it takes neither the clause's subject as its source nor the clause's intent or threat flags
CIRCUMSTANCE_PREPS = {"after", "before", "following", "despite", "amid", "since", "during", "over", "because"}
BREAKDOWN_VERBS = {"collapse", "stall", "fail", "founder"}  # "talks broke down / collapsed": CAMEO 164
SCORE = re.compile(r"\b\d{1,2} ?[-\u2013] ?\d{1,2}\b")  # a sports score ("beat Brazil 3-2")


def family_code(intent_code: str, family: str) -> str | None:
    """Map an intent code (03 family) to the parallel appeal (02), demand (10) or refusal (12) code."""
    if not intent_code.startswith("03") or len(intent_code) < 3:
        return None
    sub = intent_code[2:]
    if family == "02":
        return "02" + sub
    if family == "10":
        if sub.startswith("1"):
            return "101" + sub[1:] if len(sub) > 1 else "100"
        if sub.startswith("5"):
            return {"56": "107"}.get(sub, "105" + sub[1:] if len(sub) > 1 else "100")
        return {"2": "102", "3": "103", "4": "104", "6": "108", "7": "100", "8": "105", "9": "105"}.get(sub[0], "100") + (
            sub[1:] if sub[0] in "34" else "")
    if family == "12":
        if sub.startswith("5"):
            return "124" + sub[1:]
        return {"6": "125", "8": "126", "9": "126", "7": "127", "1": "121", "3": "122", "4": "123"}.get(sub[0], "120")
    return None


@dataclass
class CodedEvent:
    trigger: Token
    entry: Trigger
    code: str
    source: Mention
    target: Mention | None
    negated: bool
    hypothetical: bool
    intent: bool
    reported_by: Mention | None
    sentence: Span
    specificity: int = 0
    notes: list[str] = field(default_factory=list)


class EventCoder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._entries: dict[int, Trigger] = {}
        self.intent = lex.modal_words("intent")
        self.threat = lex.modal_words("threat")
        self.negation = lex.modal_words("negation")
        self.hypo = lex.modal_words("hypothetical") | MODALS
        self.report = lex.modal_words("report")
        self.plan_nouns = lex.modal_words("plan_noun")
        self.claim_nouns = lex.modal_words("claim_noun")
        self.modal_verbs = self.intent | self.threat | self.negation
        self.non_agent = lex.modal_words("non_agent")
        self.speculation = lex.modal_words("speculation")
        # every word of a lexicon key: a token can only be a trigger if its lemma or its lower-case form
        # is one of them (or it is the last part of a hyphenated word, "test-fired")
        self.trigger_words = frozenset(w for lemma, _ in lex.triggers for w in lemma.split())
        self.trigger_candidates = WordFilter(self.trigger_words, self.trigger_words)
        self.fallback = True
        self._purpose: dict[int, Token] = {}
        self.aims = {kind[-1]: lex.modal_words(name) for kind, name in
                     (("1", "aim_leadership"), ("2", "aim_policy"), ("3", "aim_rights"), ("4", "aim_regime"))}

    # -- mention lookup ---------------------------------------------------------------------------
    def _actors(self, token: Token | None, by_root: dict[int, Mention], by_token: dict[int, Mention],
                places: dict[int, Mention] | None = None, depth: int = 0) -> list[Mention]:
        """Mentions at a token and its coordinated tokens ("Russia and China"); for targets also the
        actor behind a noun ("Hezbollah targets", "the outskirts of Gaza City", "Iran's nuclear sites")."""
        if token is None:
            return []
        out: list[Mention] = []
        for t in [token, *token.conjuncts]:
            m = by_root.get(t.i) or by_token.get(t.i)
            if m is None and places is not None:
                m = places.get(t.i)
            if m is not None:
                if m not in out:
                    out.append(m)
                out.extend(x for x in self._shared(t, m, by_root) if x not in out)
                continue
            if depth >= 2:
                continue
            found: list[Mention] = []
            for child in t.children:
                if child.dep_ == "poss":
                    found.extend(self._actors(child, by_root, by_token, places, depth + 1))
            if places is not None and not found:
                for child in t.lefts:
                    if child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                        found.extend(self._actors(child, by_root, by_token, places, depth + 1))
            if not found:
                for prep in t.children:
                    # "the village of X", "war crimes by Myanmar's military", "talks with Ukraine"
                    if prep.dep_ == "prep" and (prep.lower_ in ("of", "by", "from") or prep.lower_ == "with"
                                                and t.lemma_.lower() in RELATION_NOUNS | BORDER_NOUNS):
                        for pobj in prep.children:
                            found.extend(self._actors(pobj, by_root, by_token, places, depth + 1))
            if not found:
                for child in t.children:
                    if child.dep_ == "appos":
                        mm = by_root.get(child.i)
                        if mm:
                            found.append(mm)
            for mm in found:
                if mm not in out:
                    out.append(mm)
        return out

    @staticmethod
    def _shared(t: Token, m: Mention, by_root: dict[int, Mention]) -> list[Mention]:
        """Descriptors that share the noun of mention m: "Armenian and Azerbaijani negotiators",
        "the foreign ministers of India and China"."""
        if m.kind != "descriptor" or m.root != t.i:
            return []
        found: list[Mention] = []
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                conjs = list(c.conjuncts)
            elif c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
                conjs = [g for p in c.children if p.dep_ == "pobj" for g in p.conjuncts]
            else:
                continue
            for g in conjs:
                x = by_root.get(g.i)
                if x is not None and x.kind == "descriptor" and x is not m:
                    found.append(x)
        return found

    # -- arguments ---------------------------------------------------------------------------------
    def _controller(self, verb: Token) -> Token:
        """Climb xcomp/conj links to the verb that has the subject ('Kim plans to meet')."""
        cur = verb
        for _ in range(4):
            if any(c.dep_ in (*SUBJ, "nsubjpass") for c in cur.children):
                return cur
            if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp") and cur.head.i != cur.i:
                if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                    return cur
                if cur.dep_ == "xcomp" and any(c.dep_ in ("dobj", "obj") for c in cur.head.children) \
                        and cur.head.lemma_.lower() not in self.intent:
                    # object control: "urged Israel to allow" - the object is the subject
                    return cur
                if cur.dep_ == "advcl" and any(c.dep_ == "mark" for c in cur.children):
                    return cur
                cur = cur.head
            else:
                break
        return cur

    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """(subject token, passive?) for a verb."""
        if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and verb.head.head.pos_ == "VERB" \
                and not any(c.dep_ in SUBJ for c in verb.children):
            for c in verb.head.head.children:  # "praised Hungary for blocking ...": Hungary blocked
                if c.dep_ in ("dobj", "obj"):
                    return c, False
        ctrl = self._controller(verb)
        subjects = [c for c in ctrl.children if c.dep_ in SUBJ]
        if len(subjects) > 1:  # a misparsed dateline ("VLADIVOSTOK, Russia - Kim crossed ..."): the nearest
            subjects = [c for c in subjects if c.i < ctrl.i][-1:] or subjects[:1]
        for c in ctrl.children:
            if c.dep_ in SUBJ and c not in subjects:
                continue
            if c.dep_ in SUBJ:
                if c.lower_ in RELATIVE and ctrl.dep_ == "relcl":
                    head = ctrl.head
                    if c.lower_ == "which" and head.dep_ == "pobj" and head.head.head.i in self._entries \
                            and head.head.head.pos_ in ("NOUN", "PROPN"):
                        return None, False  # "the strike on Kyiv, which killed ...": "which" is the strike
                    return head, False
                return c, False
            if c.dep_ == "nsubjpass":
                # "X is expected to visit", "X was forced to withdraw": the passive subject of a control
                # verb is the active subject of its complement
                return c, not self._through_xcomp(verb, ctrl)
        if ctrl.dep_ == "relcl":
            return ctrl.head, False
        if ctrl.dep_ == "acl" and ctrl.head.pos_ in ("NOUN", "PROPN"):
            if ctrl.tag_ == "VBN":  # "a bomb planted by X": passive participle
                return ctrl.head, True
            for c in ctrl.head.children:
                if c.dep_ == "poss":
                    return c, False
            if ctrl.head.lemma_.lower() in self.plan_nouns:
                for c in ctrl.head.lefts:  # "an Egyptian offer to mediate"
                    if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"):
                        return c, False
        if ctrl.dep_ == "xcomp" and ctrl is verb:
            for c in ctrl.head.children:
                if c.dep_ in ("dobj", "obj"):
                    return c, False
        return None, False

    @staticmethod
    def _through_xcomp(verb: Token, ctrl: Token) -> bool:
        cur = verb
        while cur.i != ctrl.i and cur.head.i != cur.i:
            if cur.dep_ == "xcomp":
                return True
            cur = cur.head
        return False

    @staticmethod
    def _prep_objects(token: Token, prep: str) -> list[Token]:
        out: list[Token] = []
        for c in token.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
                out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
            elif c.dep_ in ("prep", "prt", "advmod") and c.lower_ in COMPOUND_PREPS:
                # "walked out of the talks", "pulled back from the border": a nested preposition
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == prep:
                        out.extend(p for p in g.children if p.dep_ in ("pobj", "pcomp"))
        return out

    def _attach(self, token: Token, rule: str) -> list[Token]:
        if rule == "dobj":
            found = [c for c in token.children if c.dep_ in ("dobj", "obj")]
            # "allowed inspectors to visit", "demanded that Israel withdraw": the subject of the clause
            return found or [g for c in token.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in SUBJ]
        if rule == "dative":
            return [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"] + self._prep_objects(token, "to")
        if rule.startswith("pobj:"):
            prep = rule.split(":", 1)[1]
            found = self._prep_objects(token, prep)
            for c in token.children:  # "imposed sanctions on Russia": the prep may hang on the object
                if c.dep_ in ("dobj", "obj", "attr"):
                    found += self._prep_objects(c, prep)
                    if c.lemma_.lower() in QUANTITY_NOUNS:  # "a round of talks between X and Y"
                        found += [g for o in self._prep_objects(c, "of") for g in self._prep_objects(o, prep)]
            return found
        if rule == "poss":
            return [c for c in token.children if c.dep_ == "poss"]
        return []

    # -- flags -------------------------------------------------------------------------------------
    def _chain(self, trigger: Token) -> list[Token]:
        """The trigger and the words that govern it through control or complement links."""
        chain = [trigger]
        cur = trigger
        for _ in range(5):
            if cur.dep_ == "prep" and cur.lower_ in CIRCUMSTANCE_PREPS and trigger.pos_ in ("NOUN", "PROPN"):
                break
            if cur.dep_ in ("xcomp", "ccomp", "conj", "pcomp", "acl", "dobj", "pobj", "relcl", "acomp", "prep") \
                    and cur.head.i != cur.i:
                cur = cur.head
                chain.append(cur)
            else:
                break
        return chain

    def _negated_here(self, tok: Token) -> bool:
        for c in tok.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ in ("det", "advmod", "preconj") and c.lower_ in self.negation:
                return True
            if c.dep_ in ("nsubj", "nsubjpass"):
                if any(g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither") for g in c.children):
                    return True
        return False

    def _flags(self, trigger: Token, chain: list[Token]) -> dict[str, object]:
        """negated, hypothetical, intent, threat, speculative, reporter verb, refusal, governing modal verb."""
        f: dict[str, object] = {"negated": False, "hypothetical": False, "intent": False, "threat": False,
                                "speculative": False, "future": False, "reporter": None, "refusal": False}
        for i, tok in enumerate(chain):
            if f["reporter"] is not None:
                break  # flags above the reporting verb belong to the report, not the event
            kids = list(tok.children)
            top = i > 0
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and self._negated_here(tok):
                if any(c.lower_ in FUTURE for c in kids if c.dep_ == "aux"):
                    f["refusal"] = True  # "would not lift sanctions"
                else:
                    f["negated"] = True
            if top and tok.pos_ == "VERB" and lemma in self.negation and chain[i - 1].dep_ in ("xcomp", "ccomp", "dobj"):
                if lemma == "refuse":
                    f["refusal"] = True
                else:
                    f["negated"] = True
            if top and lemma in self.claim_nouns and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in self.negation | {"reject", "dismiss"}:
                f["negated"] = True
            for c in kids:
                if c.dep_ == "aux" and (c.lower_ in self.hypo or c.tag_ == "MD"):
                    if c.lower_ in FUTURE:
                        f["future"] = True
                    else:
                        f["speculative"] = True
                if c.dep_ == "det" and c.lower_ in self.hypo:
                    f["speculative"] = True
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    f["hypothetical"] = True
            if top and lemma in self.intent and chain[i - 1].dep_ in ("xcomp", "acl", "ccomp", "pcomp", "dobj", "prep"):
                f["intent"] = True
            if top and lemma in self.plan_nouns and tok.pos_ == "NOUN":
                f["intent"] = True
            if top and lemma in self.threat:
                f["threat"] = True
            if top and lemma in self.speculation and tok.pos_ == "VERB":
                f["hypothetical"] = True  # "analysts speculated that ...", "diplomats wondered whether ..."
            if top and lemma in self.report and tok.pos_ == "VERB":
                f["reporter"] = tok
        return f

    # -- triggers ----------------------------------------------------------------------------------
    def _lemma(self, token: Token) -> list[str]:
        """Lookup lemmas, most specific first: hyphenated ("test-fire"), then the plain lemma."""
        lemma = token.lemma_.lower()
        out = []
        doc = token.doc
        i = token.i
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
            first = doc[i - 2].lower_
            out += [f"{first}-{lemma}", f"{first}{lemma}", f"{first}-{token.lower_}"]
        out.append(lemma)
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ != lemma:
            out.append(token.lower_)
        return out

    def _entry(self, token: Token) -> Trigger | None:
        if token.pos_ in ("VERB", "AUX"):
            pos = "VERB"
        elif token.pos_ in ("NOUN", "PROPN"):
            pos = "NOUN"
        elif token.pos_ == "ADJ" and token.dep_ in ("acomp", "xcomp", "oprd"):
            pos = "ADJ"  # "he was optimistic about the talks": a predicative adjective
        else:
            return None
        triggers = self.lex.triggers
        doc = token.doc
        if token.lemma_.lower() not in self.trigger_words and token.lower_ not in self.trigger_words and not (
                token.i >= 2 and doc[token.i - 1].text == "-"):
            return None  # no lexicon key can contain this token (see the keys looked up below)
        # the first part of a hyphenated word is looked up with its last part ("test-fired")
        if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
                and not doc[token.i + 1].whitespace_:
            return None
        lemmas = self._lemma(token)
        candidates: list[Trigger] = []
        parts = [c for c in token.children if c.dep_ in ("prt", "prep", "advmod") and c.i > token.i]
        for lemma in lemmas:
            for prt in parts:
                candidates += triggers.get((f"{lemma} {prt.lower_}", pos), [])
        if pos == "VERB":  # "ordered the mission to leave": verb + "to" + its complement
            for x in token.children:
                if x.dep_ == "xcomp":
                    for y in [x, *x.conjuncts]:
                        candidates += triggers.get((f"{lemmas[-1]} to {y.lemma_.lower()}", pos), [])
        if pos == "NOUN":
            for mod in token.lefts:
                if mod.dep_ in ("compound", "amod", "nmod"):
                    candidates += triggers.get((f"{mod.lemma_.lower()} {lemmas[-1]}", pos), [])
                    candidates += triggers.get((f"{mod.lower_} {token.lemma_.lower()}", pos), [])
        for lemma in lemmas:
            candidates += triggers.get((lemma, pos), [])
        if not candidates:
            return None
        objects: set[str] = set()
        if pos == "NOUN":  # "military aid", "a humanitarian package"
            objects.update(m.lemma_.lower() for m in token.lefts if m.dep_ in ("amod", "compound"))
        kids = list(token.children)
        if pos == "VERB":  # "allowed inspectors to visit": the subject of a small clause is an object
            kids += [g for c in token.children if c.dep_ == "ccomp" and any(a.tag_ == "TO" for a in c.children)
                     for g in c.children if g.dep_ == "nsubj"]
        for c in kids:
            if c.dep_ in ("dobj", "obj", "attr", "nsubjpass", "oprd") or c.head.i != token.i:
                objects.update(self._object_words(c))
                # "found a commander guilty": a predicative adjective after the object counts as an object word
                objects.update(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "conj")
                               or g.dep_ == "amod" and g.i > c.i)
                for p in c.children:  # "a round of talks", "a package of weapons"
                    if p.dep_ == "prep" and c.dep_ in ("dobj", "obj"):  # "set buildings on fire": "on fire"
                        objects.update(f"{p.lower_} {g.lemma_.lower()}" for g in p.children if g.dep_ == "pobj")
                    if p.dep_ == "prep" and p.lower_ == "of" and c.lemma_.lower() in QUANTITY_NOUNS:
                        objects.update(w for g in p.children if g.dep_ == "pobj" for w in self._object_words(g))
            elif c.dep_ in ("prep", "prt"):
                objects.update(w for p in c.children if p.dep_ in ("pobj", "pcomp") for w in self._object_words(p))
                if c.lower_ in COMPOUND_PREPS:
                    objects.update(w for g in c.children if g.dep_ == "prep" for p in g.children
                                   if p.dep_ in ("pobj", "pcomp") for w in self._object_words(p))
        best: Trigger | None = None
        best_len = 0
        for entry in candidates:
            if entry.objects:
                matched = objects & entry.objects
                if matched:
                    n = max(len(o) for o in matched) + 1  # "joint exercise" beats "exercise"
                    if n > best_len:
                        best, best_len = entry, n
            elif best is None:
                return entry
        return best

    @staticmethod
    def _object_words(tok: Token) -> list[str]:
        """The lemma of an object noun and its modifier + lemma pairs ("joint exercise")."""
        lemma = tok.lemma_.lower()
        words = [lemma, *(f"{m.lower_} {lemma}" for m in tok.lefts if m.dep_ in ("amod", "compound"))]
        if tok.lower_ != lemma:  # "data" (lemma "datum")
            words += [tok.lower_, *(f"{m.lower_} {tok.lower_}" for m in tok.lefts if m.dep_ in ("amod", "compound"))]
        return words

    def process(self, doc: Doc, mentions: list[Mention]) -> list[CodedEvent]:
        by_root = {m.root: m for m in mentions if m.kind != "place"}
        by_token = {i: m for m in mentions if m.kind != "place" for i in range(m.start, m.end)}
        places = {m.root: m for m in mentions if m.kind == "place"}
        places.update({i: m for m in mentions if m.kind == "place" for i in range(m.start, m.end)})
        mention_roots = sorted(m.root for m in mentions)
        out: list[CodedEvent] = []
        entries: dict[int, Trigger] = {}
        consumed: set[int] = set()
        # the tokens _entry can accept: a word of the lexicon, or the last part of a hyphenated word
        candidates: set[int] = set()
        if mention_roots:
            candidates.update(self.trigger_candidates(doc))
            orth = doc.to_array(ORTH)
            candidates.update(int(i) + 1 for i in numpy.flatnonzero(orth[:-1] == doc.vocab.strings["-"]) if i >= 1)
        for sent in doc.sents:
            if not mention_roots or not any(sent.start <= r < sent.end for r in mention_roots):
                continue
            for i in range(sent.start, sent.end):
                if i not in candidates:
                    continue
                token = doc[i]
                entry = self._entry(token)
                if entry is not None:
                    entries[token.i] = entry
        # which triggers are absorbed by another one: objects of light verbs, events governed by an
        # appeal / demand / refusal / intent verb, compounds inside a noun trigger
        governed: dict[int, tuple[str | None, Token]] = {}
        for i, entry in entries.items():
            tok = doc[i]
            if entry.code == "139":  # "gave X until Friday to accept ... or face sanctions": the terms are not coded
                consumed.update(t.i for c in tok.children if c.dep_ in ("advcl", "xcomp", "ccomp")
                                for t in c.subtree if t.i in entries)
            if entry.code == "045":  # "mediated talks between X and Y": the mediated talks are not coded
                for c in tok.children:
                    if c.dep_ in ("dobj", "obj"):
                        objs = [c, *self._prep_objects(c, "of")] if c.lemma_.lower() in QUANTITY_NOUNS else [c]
                        consumed.update(o.i for o in objs if o.i in entries and entries[o.i].code[:2] == "04")
            if entry.objects:
                consumed.update(c.i for c in tok.children if (c.lemma_.lower() in entry.objects
                                                              or entry.objects & set(self._object_words(c)))
                                and not (entry.code[:2] == "12" and c.i in entries and entries[c.i].code[:2] in ("02", "10")))
                for c in tok.children:
                    if c.dep_ in ("prep", "prt"):
                        consumed.update(p.i for p in c.children if p.lemma_.lower() in entry.objects)
                    if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in QUANTITY_NOUNS:
                        consumed.update(p.i for o in self._prep_objects(c, "of") for p in [o]
                                        if p.lemma_.lower() in entry.objects)
                    if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lemma_.lower() in entry.objects
                                                 for g in c.children):
                        consumed.add(c.i)  # "allowed inspectors to visit the plant": one event
        for i in sorted(entries):
            if i in consumed:
                continue
            tok = doc[i]
            entry = entries[i]
            if entry.code[:2] in ("02", "10") and len(entry.code) == 3:
                stop = self._stop_practice(tok)
                if stop is not None:
                    # "demanded that Pakistan stop supporting militants": a demand for policy change
                    governed[i] = ("1042" if entry.code[:2] == "10" else "0242", stop)
                    consumed.update(t.i for t in stop.subtree if t.i in entries)
                    continue
            inner = self._inner(tok, entries, consumed)
            if inner is None:
                continue
            j, inner_entry = inner
            inner_tok = doc[j]
            family = entry.code[:2]
            is_verb = inner_tok.pos_ in ("VERB", "AUX")
            if family in ("02", "10") and len(entry.code) == 3 and entry.code.endswith("0"):
                ic = self._intent_code(inner_entry)
                mapped = family_code(ic, family) if ic else None
                governed[i] = (mapped if mapped in self.lex.cameo else None, inner_tok)
                consumed.add(j)
            elif family in ("02", "10"):
                consumed.add(j)
                governed[i] = (None, inner_tok)
            elif family == "12" and is_verb:
                ic = self._intent_code(inner_entry)
                mapped = family_code(ic, "12") if ic else None
                governed[i] = (mapped if mapped in self.lex.cameo else None, inner_tok)
                if not (inner_tok.dep_ in ("acl", "xcomp", "relcl") and inner_tok.head.i != i):
                    consumed.add(j)  # "rejected an Egyptian offer to mediate": the offer is coded too
            elif family == "12" and inner_entry.code[:2] in ("02", "10"):
                # "rejected Egypt's call for talks": the rejection takes its code from the call's content,
                # and the call is coded as an event of its own
                inner2 = self._inner(inner_tok, entries, consumed)
                if inner2 is not None:
                    ic = self._intent_code(inner2[1])
                    mapped = family_code(ic, "12") if ic else None
                    if mapped in self.lex.cameo:
                        governed[i] = (mapped, inner_tok)
            elif family == "11" and is_verb:
                consumed.add(j)
            elif is_verb and (tok.lemma_.lower() in self.modal_verbs or family == "01"):
                consumed.add(i)  # "agreed to meet", "threatened to strike": the inner event is coded
        for i, entry in entries.items():
            tok = doc[i]
            if entry.code.startswith("183") and tok.dep_ == "nsubj" and tok.head.i in entries \
                    and entries[tok.head.i].code[:2] == "19":
                consumed.add(i)  # "a roadside bomb hit a convoy": one bombing event, coded on the verb
            if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and entry.code[:2] in ATTACK_ROOTS \
                    and tok.head.i in entries and entries[tok.head.i].code[:2] in ATTACK_ROOTS:
                consumed.add(i)  # "struck a checkpoint, killing six soldiers": the toll of the attack
        self._entries = entries
        purpose: dict[int, Token] = {}
        for i in sorted(entries):
            head = self._purpose_head(doc[i], entries, consumed)
            if head is None:
                continue
            if entries[i].code[:2] == "02":
                purpose[i] = head  # "telephoned the Iranian president to urge restraint": an appeal made in the call
            else:
                # "met in Budapest to prepare a summit": the purpose is not an event, nor the events in it
                consumed.update(t.i for t in doc[i].subtree if t.i in entries)
        for i in sorted(entries):
            tok = doc[i]
            if i in consumed or tok.pos_ not in ("VERB", "AUX") or entries[i].code[:2] in ("02", "10", "12", "13") \
                    or tok.lemma_.lower() in self.modal_verbs:
                continue
            for c in tok.children:
                # "met in Budapest to prepare for a possible summit": a purpose verb that is no event itself
                if c.dep_ == "advcl" and c.i not in entries and c.pos_ in ("VERB", "AUX") \
                        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) \
                        and not any(a.dep_ in (*SUBJ, "nsubjpass") for a in c.children):
                    consumed.update(t.i for t in c.subtree if t.i in entries and entries[t.i].code[:2] not in ("02", "10"))
        self._purpose = purpose
        for sent in doc.sents:
            for token in sent:
                if token.i in consumed or token.i not in entries:
                    continue
                if token.dep_ in ("compound",) and token.head.i in entries:
                    continue
                if token.lemma_.lower() in self.report and any(c.dep_ == "ccomp" for c in token.children):
                    continue  # "insisted that ...": a report verb with a clause is not an event
                if entries[token.i].code[:2] == "12" and any(
                        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.claim_nouns for c in token.children):
                    continue  # "rejected claims that ...": a denial negates the claimed event, it is not an event
                out.extend(self._code(token, entries[token.i], sent, by_root, by_token, places, *governed.get(token.i, (None, None))))
        return self._dedupe(out)

    @staticmethod
    def _stop_practice(tok: Token) -> Token | None:
        """'stop / end / cease + gerund' governed by an appeal or demand: the practice to be stopped."""
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in STOP_VERBS:
                for g in c.children:
                    if g.dep_ in ("xcomp", "dobj") and g.tag_ == "VBG":
                        return c
        return None

    def _purpose_head(self, tok: Token, entries: dict[int, Trigger], consumed: set[int]) -> Token | None:
        """The event verb a purpose clause ("to + verb" without its own subject) belongs to."""
        if tok.dep_ not in ("advcl", "xcomp") or tok.pos_ not in ("VERB", "AUX") or tok.i in consumed:
            return None
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            return None
        if any(c.dep_ in (*SUBJ, "nsubjpass") for c in tok.children):
            return None
        head = tok.head
        if head.i != tok.i and head.i not in entries and head.pos_ in ("VERB", "AUX"):
            # "began a hunger strike to demand her release": the event noun of a light verb
            for c in head.children:
                objs = [c] if c.dep_ in ("dobj", "obj") else [p for p in c.children if p.dep_ == "pobj"] \
                    if c.dep_ == "prep" else []
                for o in objs:
                    if o.i in entries and o.i not in consumed and o.i != tok.i:
                        return o if entries[o.i].code[:2] not in ("02", "10", "12") else None
            return None
        if head.i == tok.i or head.i not in entries or head.i in consumed or head.pos_ not in ("VERB", "AUX"):
            return None
        lemma = head.lemma_.lower()
        if lemma in self.modal_verbs or lemma in self.report or entries[head.i].code[:2] in ("02", "10", "12"):
            return None
        return head

    @staticmethod
    def _fixed_start(trigger: Token) -> bool:
        """'would impose tariffs from next month': a decided measure with a fixed start is the act itself."""
        heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
        for h in heads:
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ in ("from", "starting") and any(
                        t.ent_type_ == "DATE" for g in p.children for t in g.subtree):
                    return True
        return False

    def _credited(self, noun: Token, by_root: dict[int, Mention], by_token: dict[int, Mention]) -> list[Mention]:
        """The actor credited or blamed for a nominal act: "thanked Denmark for its aid package" -> Denmark."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.pos_ != "VERB":
            return []
        return [m for c in noun.head.head.children if c.dep_ in ("dobj", "obj") for m in self._actors(c, by_root, by_token)]

    def _antecedent(self, pron: Token, by_root: dict[int, Mention], by_token: dict[int, Mention]) -> list[Mention]:
        """'Ethiopia said it would free ...': a subject pronoun refers to the subject of the governing
        verb, else to the last actor named before it in the sentence."""
        if pron.lower_ not in ("it", "he", "she", "they", "we"):
            return []
        cur = pron.head
        for _ in range(5):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            for c in cur.children:
                if c.dep_ in SUBJ and c.i < pron.i:
                    found = self._actors(c, by_root, by_token)
                    if found:
                        return found
        for i in range(pron.i - 1, pron.sent.start - 1, -1):
            m = by_root.get(i)
            if m is not None:
                return [m]
        return []

    def _same_speaker(self, report_verb: object, source: Mention, by_root: dict[int, Mention],
                      by_token: dict[int, Mention]) -> bool:
        if not isinstance(report_verb, Token):
            return False
        subj, _ = self._subject(report_verb)
        rep = self._actors(subj, by_root, by_token)
        return any((r.country or r.code) == (source.country or source.code) for r in rep)

    def _intent_code(self, entry: Trigger) -> str:
        if entry.intent_code:
            return entry.intent_code
        if entry.code.startswith("03"):
            return entry.code
        return "030" if int(entry.code[:2]) < 10 else ""

    def _inner(self, tok: Token, entries: dict[int, Trigger], consumed: set[int]) -> tuple[int, Trigger] | None:
        """The event governed by a trigger: its xcomp/ccomp verb, its object's xcomp, or an event noun
        object ("demanded the release", "called for a ceasefire", "asked for food aid")."""
        cands: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                cands.append(c)
                if c.i not in entries:  # "urged X to speed up deliveries of ...": the object of a light verb
                    cands.extend(g for g in c.children if g.dep_ in ("dobj", "obj"))
            elif c.dep_ in ("dobj", "obj"):
                cands.append(c)
                cands.extend(g for g in c.children if g.dep_ in ("xcomp", "acl", "relcl", "ccomp") and g.tag_ == "VB")
            elif c.dep_ == "acl" and tok.pos_ in ("NOUN", "PROPN") and c.tag_ == "VB":
                cands.append(c)  # "Russia's demand that Ukraine withdraw", "calls to halt the offensive"
            elif c.dep_ == "prep" and c.lower_ in ("for", "on"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        cands.append(p)
                        cands.extend(g for g in p.children if g.dep_ in ("xcomp", "acl") and g.tag_ == "VB")
        for c in cands:
            if c.i in entries and c.i not in consumed:
                return c.i, entries[c.i]
        return None

    def _physical_target(self, trigger: Token, by_root: dict[int, Mention], by_token: dict[int, Mention],
                         places: dict[int, Mention]) -> list[Mention]:
        """The actor behind the thing acted on ("captured the village of Kurakhove", "seized a Greek-owned
        tanker", "violated the ceasefire in Lebanon", "closed its border with Belarus"), or the place
        where a visit or an attack happened."""
        objs = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        for o in objs:
            found = self._actors(o, by_root, by_token, places)
            if found:
                return found
            for prep in o.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "in", "of", "near", "along"):
                    found = [m for p in prep.children if p.dep_ == "pobj" for m in self._actors(p, by_root, by_token, places)]
                    if found:
                        return found
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "on", "against", "across", "inside"):
                found = [m for p in prep.children if p.dep_ == "pobj" for m in self._actors(p, by_root, by_token, places)]
                if found:
                    return found
        return []

    def _rejecter(self, trigger: Token, sources: list[Mention], by_root: dict[int, Mention],
                  by_token: dict[int, Mention]) -> list[Mention]:
        """The actor who rejects a call, demand or offer is its target ("Israel rejected Egypt's call for
        talks" -> Egypt appealed to Israel; "Ethiopia turned down an Egyptian offer to mediate")."""
        noun = trigger
        if trigger.pos_ in ("VERB", "AUX") and trigger.dep_ in ("acl", "xcomp", "relcl") \
                and trigger.head.pos_ in ("NOUN", "PROPN"):
            noun = trigger.head
            if noun.lemma_.lower() not in self.plan_nouns:
                return []
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "obj", "nsubjpass"):
            return []
        verb = noun.head
        entry = self._entries.get(verb.i)
        if entry is None or entry.code[:2] != "12":
            return []
        subj, passive = self._subject(verb)
        if passive:
            found = [m for a in self._prep_objects(verb, "by") for m in self._actors(a, by_root, by_token)]
        else:
            found = self._actors(subj, by_root, by_token)
            if not found and subj is not None and subj.tag_ == "PRP":
                found = self._antecedent(subj, by_root, by_token)
        return [m for m in found if m not in sources]

    def _fallback_targets(self, trigger: Token, sources: list[Mention], by_root: dict[int, Mention],
                          by_token: dict[int, Mention], places: dict[int, Mention]) -> list[Mention]:
        """A target the lexicon rule missed: the one actor (or one coordinated group) in an argument
        position of the trigger's clause - its object or a prepositional object, or a possessor or
        modifier inside them ("threatened new tariffs on China", "filed a lawsuit against Gazprom")."""
        groups: list[list[Mention]] = []
        located: list[list[Mention]] = []
        seen: set[int] = set()
        src_codes = {m.code for m in sources}
        src_countries = {m.country for m in sources}

        def visit(tok: Token, depth: int) -> None:
            for c in tok.children:
                if c.i in seen:
                    continue
                if c.dep_ in ("dobj", "obj", "dative", "attr", "oprd", "pobj", "nsubjpass") or (
                        depth > 0 and c.dep_ in FALLBACK_NOUN_DEPS):
                    arg = c
                elif c.dep_ == "prep" and (c.lower_ in FALLBACK_PREPS or depth > 0 and c.lower_ == "in"):
                    visit(c, depth)
                    continue
                else:
                    continue
                seen.update(t.i for t in [arg, *arg.conjuncts])
                inside = c.dep_ == "pobj" and tok.lower_ == "in"
                pl = places if c.dep_ == "pobj" and (tok.lower_ in FALLBACK_PLACE_PREPS or inside) else None
                found = [m for m in self._actors(arg, by_root, by_token, pl, depth=2) if m.code not in src_codes
                         and not (m.kind == "context" and m.country in src_countries)]
                if found and inside:
                    # "protect displaced civilians in the Central African Republic": the country where the
                    # acted-on people or things are, used only when no actor is named in the clause
                    located.append(found)
                elif found:
                    groups.append(found)
                elif depth < 3 and arg.pos_ in ("NOUN", "PROPN", "PRON"):
                    visit(arg, depth + 1)
        visit(trigger, 0)
        if not groups and len(located) == 1 and all(m.country not in src_countries for m in located[0]):
            groups = located
        codes = {m.code for g in groups for m in g}
        if len(groups) == 1 or (groups and codes == {m.code for m in groups[0]}):
            return groups[0]
        return []

    @staticmethod
    def _protest_clauses(trigger: Token) -> list[Token]:
        """What a protest is about: its purpose clause ("blocked bridges to demand early elections"),
        "in protest at ..." or "against ..." ("rallied against the government")."""
        out: list[Token] = []
        kids = list(trigger.children)
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "obj", "pobj"):
            light = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
            kids += [c for c in light.children if c.dep_ in ("advcl", "xcomp")]
        for c in kids:
            if c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("against", "over"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "in":
                out.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() == "protest")
        return out

    def _protest_target(self, clauses: list[Token], sources: list[Mention], by_root: dict[int, Mention],
                        by_token: dict[int, Mention], places: dict[int, Mention]) -> list[Mention]:
        """Protests and strikes target the actor protested against, else the government of the country
        where they take place (docs/annotation-rules.md)."""
        for clause in clauses:
            found = self._fallback_targets(clause, sources, by_root, by_token, places)
            if found:
                return found
        src = sources[0]
        if src.country and src.role not in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY") and src.country in self.lex.countries:
            return [self._implied(src.country, "GOV")]
        return []

    def _implied(self, country: str, role: str) -> Mention:
        """An actor the coding rules imply without naming it (the government a protest targets)."""
        name = self.lex.countries[country].name
        return Mention(-1, -1, -1, country + role, country, role, name, "implied", name, -1, -1)

    def _protest_aim(self, code: str, clauses: list[Token]) -> str:
        words = {t.lemma_.lower() for c in clauses for t in c.subtree}
        for digit, aim in self.aims.items():
            if words & aim and code + digit in self.lex.cameo:
                return code + digit
        return code

    @staticmethod
    def _third_place(trigger: Token, pairs: list[tuple[Mention, Mention | None]], places: dict[int, Mention]) -> bool:
        """A meeting in a third country or on the sidelines of a summit (CAMEO 044)."""
        own = {m.country for p in pairs for m in p if m is not None}
        preps = [c for c in trigger.children if c.dep_ == "prep"]
        preps += [g for c in trigger.children if c.dep_ in ("dobj", "obj") for g in c.children if g.dep_ == "prep"]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "on", "during"):
                continue
            for t in prep.subtree:
                if t.lemma_.lower() == "sideline":
                    return True
                m = places.get(t.i)
                if m is not None and m.country and m.country not in own:
                    return True
        return False

    @staticmethod
    def _dedupe(events: list[CodedEvent]) -> list[CodedEvent]:
        seen: set[tuple[int, str, str, str]] = set()
        out = []
        for ev in events:
            key = (ev.trigger.i, ev.source.code, ev.target.code if ev.target else "-", ev.code)
            if key not in seen:
                seen.add(key)
                out.append(ev)
        return out

    def _find_targets(self, token: Token, entry: Trigger, by_root: dict[int, Mention],
                      by_token: dict[int, Mention], places: dict[int, Mention]) -> list[Mention]:
        for rule in entry.targets:
            pl = places if rule in PLACE_TARGET_RULES else None
            tokens = self._attach(token, rule)
            found = [m for t in tokens for m in self._actors(t, by_root, by_token, pl)]
            if not found and token.dep_ in ("advcl", "conj", "xcomp") and any(
                    t.lower_ in ("them", "him", "her") for t in tokens):
                # "expelled three diplomats, accusing them of spying": the object of the main verb
                found = [m for c in token.head.children if c.dep_ in ("dobj", "obj")
                         for m in self._actors(c, by_root, by_token)]
            if found:
                return found
        return []

    def _code(self, trigger: Token, entry: Trigger, sent: Span, by_root: dict[int, Mention],
              by_token: dict[int, Mention], places: dict[int, Mention], governed: str | None,
              inner: Token | None = None) -> list[CodedEvent]:
        if entry.code[:2] in PHYSICAL_ROOTS and SCORE.search(trigger.doc[trigger.left_edge.i:trigger.right_edge.i + 1].text):
            return []  # a sports result: "beat Brazil 3-2"
        if entry.code == "042" and any(c.lower_ in ("back", "home") for c in trigger.children):
            return []  # "arrived back in Beijing": returning home is not a visit
        if entry.code == "041" and any(c.dep_ in ("oprd", "ccomp") and c.i not in by_root or c.lower_ == "what"
                                       for c in trigger.children):
            return []  # "what the military called an assassination": naming, not a phone call
        if entry.pos == "VERB" and trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "advcl", "amod") \
                and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") or c.dep_ == "agent" for c in trigger.children) \
                and not self._prep_objects(trigger, "by"):
            return []  # a participle describing a state: "Palestinians displaced from Gaza", "soldiers held since ..."
        chain = self._chain(trigger)
        sources: list[Mention] = []
        targets: list[Mention] = []
        between: list[Mention] = []
        purpose_head = self._purpose.get(trigger.i)
        if purpose_head is not None:
            subj, _ = self._subject(purpose_head)
            sources = self._actors(subj, by_root, by_token)
            targets = self._find_targets(trigger, entry, by_root, by_token, places) or [
                m for c in purpose_head.children if c.dep_ in ("dobj", "obj") for m in self._actors(c, by_root, by_token)]
        elif entry.pos in ("VERB", "ADJ"):
            subj, passive = self._subject(trigger)
            if passive:
                if entry.code[:3] != "154":  # "troops were deployed to the border": the troops are not the target
                    targets = self._actors(subj, by_root, by_token, places)
                if not targets and subj is not None and subj.tag_ == "PRP":
                    targets = self._antecedent(subj, by_root, by_token)  # "where he was received by ..."
                agents = self._prep_objects(trigger, "by")
                sources = [m for a in agents for m in self._actors(a, by_root, by_token)]
            elif subj is not None and subj.lemma_.lower() in self.non_agent and subj.i not in by_root:
                sources = []  # "South Korea's exports hit a record": a quantity, not an actor
            else:
                sources = self._actors(subj, by_root, by_token)
                if not sources and subj is not None and subj.tag_ == "PRP":
                    sources = self._antecedent(subj, by_root, by_token)
                if not sources and subj is not None and subj.pos_ == "NOUN":
                    # "a roadside bomb planted by IS hit ...": the agent of the subject's participle
                    for c in subj.children:
                        if c.dep_ == "acl":
                            sources = [m for a in self._prep_objects(c, "by") for m in self._actors(a, by_root, by_token)]
                            break
            for b in self._prep_objects(trigger, "between"):
                between += self._actors(b, by_root, by_token)
            if passive and not sources and subj is not None and subj.i in self._entries:
                # "a deal between Rwanda and Congo was signed": the parties of the signed deal
                for b in self._prep_objects(subj, "between"):
                    between += self._actors(b, by_root, by_token)
                if len(between) >= 2:
                    targets = []
        else:
            if trigger.dep_ == "compound":
                return []
            for c in trigger.lefts:
                if c.dep_ == "poss" or c.dep_ in ("amod", "compound", "nmod"):
                    sources += self._actors(c, by_root, by_token)
                    if c.dep_ == "poss" and c.tag_ == "PRP$" and not sources:
                        sources = self._credited(trigger, by_root, by_token)  # "thanked Denmark for its aid"
            by_agents: list[Mention] = []
            for prep in ("by", "from"):
                for a in self._prep_objects(trigger, prep):
                    found = self._actors(a, by_root, by_token)
                    pl = places.get(a.i)
                    if not found and prep == "from" and pl is not None and pl.country in self.lex.countries \
                            and pl.text in self.lex.countries[pl.country].capitals:
                        # "an appeal from Havana": a capital as the author of a nominal event is its government
                        found = [replace(pl, code=pl.country + "GOV", role="GOV", kind="capital")]
                    by_agents += found
            for b in self._prep_objects(trigger, "between") + self._prep_objects(trigger, "among"):
                between += self._actors(b, by_root, by_token)
            head = trigger.head
            if not sources and by_agents and not between and trigger.dep_ in ("dobj", "obj") and head.pos_ == "VERB" \
                    and head.lemma_.lower() not in self.report and head.i not in self._entries:
                # "The ICC opened an investigation into war crimes by Myanmar's military": the subject of
                # the light verb acts; the by-phrase belongs to the object of the event
                subj, passive = self._subject(head)
                light = [] if passive else self._actors(subj, by_root, by_token)
                if light:
                    sources = light
                    targets = [a for a in by_agents if a not in light]
                    chain = chain + [t for t in self._chain(head) if t not in chain]
            if not sources:
                sources = by_agents
            circumstance = trigger.dep_ == "pobj" and head.lower_ in CIRCUMSTANCE_PREPS
            # "freed a US citizen after talks with an American envoy": the clause subject held the talks
            partner = circumstance and trigger.lemma_.lower() in RELATION_NOUNS and bool(self._prep_objects(trigger, "with"))
            if not sources and not between and trigger.dep_ in ("dobj", "obj", "attr", "pobj", "nsubjpass", "conj") \
                    and head.i != trigger.i and (partner or not circumstance):
                while head.dep_ in ("prep", "conj") and head.head.i != head.i:
                    head = head.head
                announced = trigger.dep_ in ("dobj", "obj") and head.i == trigger.head.i \
                    and head.lemma_.lower() in ("announce", "unveil")  # "announced a package"
                if head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() not in self.report or announced) \
                        and (head.i not in self._entries or partner):
                    subj, passive = self._subject(head)
                    if passive:
                        sources = [m for a in self._prep_objects(head, "by") for m in self._actors(a, by_root, by_token)]
                    else:
                        sources = self._actors(subj, by_root, by_token)
                    chain = chain + [t for t in self._chain(head) if t not in chain]
            if not sources and trigger.dep_ in ("nsubj", "nsubjpass"):
                # "Talks between X and Y broke down", "Aid from the UAE reached Pakistan"
                head = trigger.head
                if entry.targets and not targets:
                    targets = self._find_targets(head, entry, by_root, by_token, places)
        if not targets:
            targets = self._find_targets(trigger, entry, by_root, by_token, places)
        if not targets and sources and entry.pos == "NOUN" and trigger.dep_ == "pobj" and (
                trigger.head.lower_ == "despite" and entry.code[:2] in ("02", "10")
                or trigger.head.lower_ == "for" and self._credited(trigger, by_root, by_token)):
            # "refused ... despite an appeal from Havana": the appeal is addressed to the subject;
            # "thanked Denmark for its aid": the aid went to the one who thanks
            subj, passive = self._subject(trigger.head.head)
            targets = [] if passive else [m for m in self._actors(subj, by_root, by_token) if m not in sources]
        if not targets and (entry.code[:2] in ("02", "03", "10") or trigger.dep_ in ("acl", "relcl")):
            targets = self._rejecter(trigger, sources, by_root, by_token)
        if entry.pos == "NOUN" and not targets and trigger.dep_ in ("dobj", "obj", "nsubjpass") and trigger.head.pos_ == "VERB":
            targets = self._find_targets(trigger.head, entry, by_root, by_token, places)
        if entry.pos == "NOUN" and not targets and sources:
            targets = [m for t in self._attach(trigger, "pobj:of") for m in self._actors(t, by_root, by_token, places)]
        if entry.pos == "NOUN" and not targets and trigger.dep_ == "pobj" and trigger.head.dep_ == "agent":
            # "Gaza was hit by Israeli air strikes": the subject of the passive verb is the target
            verb = trigger.head.head
            targets = [m for c in verb.children if c.dep_ == "nsubjpass" for m in self._actors(c, by_root, by_token, places)]
        if not targets and (entry.code[:2] in PHYSICAL_ROOTS or entry.code[:3] in ("042", "191")):
            targets = self._physical_target(trigger, by_root, by_token, places)
        if not targets and inner is not None:
            # "refused to release X": the inner event's target; "demanded that X withdraw": its subject
            inner_entry = self._entries.get(inner.i)
            if inner_entry is not None:
                targets = self._find_targets(inner, inner_entry, by_root, by_token, places)
            if not targets:
                subj, _ = self._subject(inner)
                if subj is not None and inner.dep_ == "ccomp":
                    targets = self._actors(subj, by_root, by_token, places)
        if not targets and sources and not between and self.fallback and not (entry.reciprocal and len(sources) > 1):
            targets = self._fallback_targets(trigger, sources, by_root, by_token, places)
        if sources and not between and entry.code[:3] in ("081", "172") and sources[0].country \
                and sources[0].country in self.lex.countries \
                and all(t.kind == "place" and t.country == sources[0].country for t in targets):
            # domestic administrative measures (curfew, state of emergency, bans) target the population,
            # a ban on parties or politicians the opposition
            role = "OPP" if entry.code in ("0812", "1722") else "CVL"
            targets = [self._implied(sources[0].country, role)]
        aim_clauses: list[Token] = []
        if sources and entry.code[:2] == "14" and not governed:
            aim_clauses = self._protest_clauses(trigger)
            if not targets and not between:
                targets = self._protest_target(aim_clauses, sources, by_root, by_token, places)
        pairs: list[tuple[Mention, Mention | None]] = []
        if between and len(between) >= 2 and not sources:
            pairs = [(a, b) for a in between for b in between if a is not b]
        elif between and sources:
            pairs = [(s, b) for s in sources for b in between if b is not s]
        elif sources:
            if targets:
                pairs = [(s, t) for s in sources for t in targets if s is not t]
                if entry.reciprocal:
                    pairs += [(t, s) for s, t in list(pairs) if t is not None]
                    if len(sources) >= 2:
                        pairs += [(a, b) for a in sources for b in sources if a is not b]
            elif len(sources) >= 2 and (entry.reciprocal or entry.code[:2] in RECIPROCAL_ROOTS and entry.code[:2] != "04"
                                        or any(t.lemma_.lower() == "agree" and t.dep_ != "xcomp" for t in chain[1:])):
                # "Ankara and Damascus agreed to reopen a border crossing": a joint undertaking of the parties
                pairs = [(a, b) for a in sources for b in sources if a is not b]
            else:
                pairs = [(s, None) for s in sources]
        if not pairs:
            return []
        flags = self._flags(trigger, chain)
        negated = bool(flags["negated"])
        conditional = hypothetical = bool(flags["hypothetical"])
        intent = bool(flags["intent"])
        threat = bool(flags["threat"])
        code = governed or entry.code
        if entry.pos == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and not governed:
            verb = trigger.head
            if entry.code[:2] == "04" and (verb.lemma_.lower() in BREAKDOWN_VERBS or verb.lemma_.lower() == "break" and any(
                    c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)):
                code = "164"  # "talks between X and Y broke down"
            elif any(x.lemma_.lower() in self.intent and any(g.dep_ == "xcomp" for g in x.children)
                     for x in [verb, *(c for c in verb.children if c.dep_ == "acomp")]) and not flags["speculative"]:
                intent = True  # "talks are due to resume"
        if governed is not None or (inner is not None and entry.code[:2] in ("02", "10", "12")):
            flags["refusal"] = False
        if flags["refusal"] and not negated:
            ic = self._intent_code(entry)
            if ic.startswith("035") or trigger.head.lemma_.lower() == "refuse":
                fam = family_code(ic, "12") if ic else None
                code = fam if fam is not None and fam in self.lex.cameo else "120"
                intent = threat = False
            else:
                negated = True  # "will not send troops": a negated plan
        elif not hypothetical and not governed:
            if flags["future"] and not flags["speculative"] and not self._fixed_start(trigger):
                intent = True
            if flags["speculative"] and not intent and not threat:
                if self._same_speaker(flags["reporter"], pairs[0][0], by_root, by_token) and int(entry.code[:2]) >= 14:
                    threat = True  # "Trump said the US could strike Venezuela"
                else:
                    hypothetical = True
        if entry.pos == "VERB" and code[:2] == "19" and not governed:
            for c in trigger.children:  # "a roadside bomb hit", "a suicide bomber struck": the bombing type
                sub = self._entries.get(c.i)
                if c.dep_ == "nsubj" and sub is not None and sub.code.startswith("183"):
                    code = sub.code
        if conditional and (intent or threat or code.startswith(("03", "13"))):
            return []  # a conditional or speculated plan or threat is not coded
        if (intent or threat) and not flags["refusal"] and not governed and not code.startswith(("03", "13")):
            hypothetical = True
            conflict = int(entry.code[:2]) >= 10
            if entry.intent_code and (entry.intent_code.startswith("13") == (threat or conflict)):
                code = entry.intent_code
            elif threat or conflict:
                code = entry.intent_code if entry.intent_code.startswith("13") else "130"
            else:
                code = entry.intent_code or "030"
        elif (intent or threat) and code.startswith(("03", "13")):
            hypothetical = True
        if aim_clauses and code in ("141", "142", "143", "144", "145"):
            code = self._protest_aim(code, aim_clauses)
        if flags["intent"] and entry.pos == "VERB" and len(sources) == 1 and not between:
            # "Finland promised to share data with Estonia": only the actor who states the intent
            pairs = [(s, t) for s, t in pairs if s is sources[0]]
        if code == "040" and self._third_place(trigger, pairs, places):
            code = "044"
        reporter = None
        if flags["reporter"] is not None:
            subj, _ = self._subject(flags["reporter"])  # type: ignore[arg-type]
            rep = self._actors(subj, by_root, by_token)
            if not rep:
                for a in self._prep_objects(flags["reporter"], "to"):  # type: ignore[arg-type]
                    rep = self._actors(a, by_root, by_token)
            reporter = rep[0] if rep else None
        out = []
        base = code
        for s, t in pairs:
            code = base
            if t is not None and s.code == t.code and s.root == t.root:
                continue
            if reporter is not None and s.kind == "country" and reporter.country == s.country \
                    and reporter.role == "GOV" and (flags["future"] or intent or threat):
                s = reporter  # "Lula said Brazil would ...": the speaker states what their own country will do
            if code == "042" and t is not None and t.kind in ("place", "capital", "country") and t.country == s.country:
                continue  # returning home is not a visit
            if code == "152" and s.role == "COP":
                code = "151"  # police alert
            if code == "141" and entry.lemma == "protest" and (s.kind in ("country", "capital", "metonym", "person")
                                                               or s.role in ("GOV", "IGO")):
                code = "114"  # a government protesting lodges an official complaint; it does not demonstrate
            if code == "195" and t is None and entry.lemma in ("launch", "fire"):
                code = "150"  # a missile launched at no named target: a test or show of force
            if t is not None and t.kind in ("capital", "place") and t.country and (
                    code[:2] in ATTACK_ROOTS or "042" in (code, entry.code)):
                t = replace(t, code=t.country, role=None)  # a place attacked or visited is the country
            if t is not None and t.kind == "place" and not (code[:2] in ATTACK_ROOTS or code in ("042", "036")):
                t = replace(t, code=t.country or t.code, role=None)
            if t is not None and s.code == t.code and entry.code[:2] in ATTACK_ROOTS and s.kind == t.kind:
                continue
            out.append(CodedEvent(trigger, entry, code, s, t, negated, hypothetical, intent or threat, reporter, sent,
                                  specificity=len(code)))
        return out
