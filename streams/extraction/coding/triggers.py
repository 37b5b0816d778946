"""Triggers: the lexicon entry of a token, and which triggers are absorbed by others.

A token is a trigger when its lemma (with a particle, a modifier, an xcomp verb or the first part of a
hyphenated word) is a key of event_lexicon.tsv and the entry's object words, if it has any, match its
objects. Some triggers are not coded on their own: the object of a light verb ("held talks"), the event
governed by an appeal, demand, refusal or intent verb, the toll of an attack, a purpose clause.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from streams.extraction.actors import WordFilter, month_before_day
from streams.extraction.coding.arguments import JOINING_VERBS, Arguments, purpose_clause
from streams.extraction.coding.chain import to_infinitive
from streams.extraction.coding.context import DocContext
from streams.extraction.coding.dictionary import DICTIONARY_NOTE, DictionaryVerbs
from streams.extraction.coding.overrides import ATTACK_ROOTS, intent_code
from streams.extraction.coding.tables import CoderTables
from streams.extraction.lexicon import Lexicon, Trigger

PROTESTER_ROLES = frozenset({"CVL", "EDU", "LAB", "OPP"})  # the crowds whose acts are protests

PHYSICAL_ROOTS = {"17", "18", "19", "20"}
SCORE = re.compile(r"\b\d{1,2} ?[-\u2013] ?\d{1,2}\b")  # a sports score ("beat Brazil 3-2")

# a phrase saying where an act happened names no object of it: "seized a ship off the island of Lampedusa"
WHERE_PREPS = frozenset({"off", "near", "along", "outside", "beside"})
TIME_PREPS = frozenset({"after", "before", "since", "until", "despite", "amid", "following", "during"})  # phrases of time


def the_month(token: Token) -> bool:
    """"climbed in March", "since March 3": the month, no protest march."""
    if token.text != "March" or token.i == 0:
        return False
    return token.ent_type_ == "DATE" or token.doc[token.i - 1].lower_ in MONTH_PREPS or month_before_day(token)


MONTH_PREPS = frozenset({"in", "since", "until", "by", "last", "next", "early", "late", "mid", "of", "from", "through"})


def where_phrase(prep: Token) -> bool:
    """"off the island of Lampedusa", "near Basra": a place phrase ("walked off the job" is none)."""
    return prep.lower_ in WHERE_PREPS and any(
        p.ent_type_ in ("GPE", "LOC", "FAC") or any(g.dep_ == "prep" and g.lower_ == "of" and any(
            x.pos_ == "PROPN" for x in g.children) for g in p.children)
        for p in prep.children if p.dep_ == "pobj")


def object_words(tok: Token) -> list[str]:
    """The lemma of an object noun and its modifier + lemma pairs ("joint exercise")."""
    lemma = tok.lemma_.lower()
    words = [lemma, *(f"{m.lower_} {lemma}" for m in tok.lefts if m.dep_ in ("amod", "compound"))]
    if tok.lower_ != lemma:  # "data" (lemma "datum")
        words += [tok.lower_, *(f"{m.lower_} {tok.lower_}" for m in tok.lefts if m.dep_ in ("amod", "compound"))]
    return words


def small_clause(clause: Token) -> bool:
    """A clause of an infinitive: "allowed inspectors to visit", or bare after "let" ("let the envoy meet")."""
    return any(a.tag_ == "TO" for a in clause.children) or (
        clause.head.lemma_.lower() == "let" and not any(a.dep_ in ("aux", "mark") for a in clause.children))


ENDING_VERBS = frozenset({"end", "halt", "stop"})
DISCUSSION_VERBS = frozenset({"discuss", "talk", "confer"})
BAN_NOUNS = frozenset({"ban", "moratorium", "prohibition", "restriction", "curb"})
SPAN_NOUNS = frozenset({"hour", "day", "week", "month", "year", "decade"})


def ended_act(noun: Token) -> bool:
    """An event noun a truce ends ("ending the clashes", "ending five days of fighting"): the act that
    ended, told as background, not an event of its own."""
    head = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SPAN_NOUNS:
        head = noun.head.head  # "five days of fighting"
    return head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in ENDING_VERBS and head.head.tag_ == "VBG"


def trigger_pos(token: Token) -> str | None:
    """The lexicon part of speech a token is looked up with."""
    if state_participle(token):
        return "ADJ"
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ == "NOUN" and token.dep_ in ("ccomp", "xcomp") and token.tag_ == "NN" \
            and any(c.dep_ == "nsubj" for c in token.children):
        return "VERB"  # "demanded that Sharif resign": a subjunctive verb the tagger reads as a noun
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "xcomp", "oprd"):
        return "ADJ"  # "he was optimistic about the talks": a predicative adjective
    return None


# participles that are adjectives of a state after "be" ("he was convinced that ...", "was encouraged by")
STATE_PARTICIPLES = frozenset({"convinced", "encouraged", "heartened"})


def state_participle(token: Token) -> bool:
    """"said he was convinced the Syrian leader was serious": a participle of a state, looked up as the
    lexicon's adjective."""
    return token.tag_ == "VBN" and token.lower_ in STATE_PARTICIPLES \
        and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in token.children)


DISPATCH_VERBS = frozenset({"send", "dispatch", "deploy", "scramble"})  # forces sent to attack


class TriggerFinder:
    def __init__(self, lex: Lexicon, tables: CoderTables, args: Arguments, dictionary: DictionaryVerbs | None = None) -> None:
        self.lex = lex
        self.dictionary = dictionary
        self.cameo = frozenset(lex.cameo)
        self.tables = tables
        self.w = tables.words
        self.args = args
        self.report = lex.modal_words("report")
        self.claim_nouns = lex.modal_words("claim_noun")
        self.modal_verbs = lex.modal_words("intent") | lex.modal_words("threat") | lex.modal_words("negation")
        # every word of a lexicon key: a token can only be a trigger if its lemma or its lower-case form
        # is one of them (or it is the last part of a hyphenated word, "test-fired")
        self.trigger_words = frozenset(w for lemma, _ in lex.triggers for w in lemma.split()) | (
            dictionary.words if dictionary is not None else frozenset())
        self.trigger_candidates = WordFilter(self.trigger_words, self.trigger_words)

    # -- lexicon lookup ----------------------------------------------------------------------------
    def find_entries(self, ctx: DocContext, mention_roots: list[int]) -> None:
        """The lexicon entry of every trigger in a sentence with an actor mention."""
        doc = ctx.doc
        if not mention_roots:
            return
        # the tokens entry() can accept: a word of the lexicon, or the last part of a hyphenated word
        candidates: set[int] = set(self.trigger_candidates(doc))
        orth = doc.to_array(ORTH)
        candidates.update(int(i) + 1 for i in numpy.flatnonzero(orth[:-1] == doc.vocab.strings["-"]) if i >= 1)
        for sent in doc.sents:
            if not any(sent.start <= r < sent.end for r in mention_roots):
                continue
            for i in range(sent.start, sent.end):
                if i not in candidates:
                    continue
                entry = self.entry(doc[i])
                if entry is not None:
                    ctx.entries[i] = entry

    @staticmethod
    def lemmas(token: Token) -> list[str]:
        """Lookup lemmas, most specific first: hyphenated ("test-fire"), then the plain lemma."""
        lemma = token.lemma_.lower()
        out = []
        doc = token.doc
        i = token.i
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
            first = doc[i - 2].lower_
            out += [f"{first}-{lemma}", f"{first}{lemma}", f"{first}-{token.lower_}"]
        out.append(lemma)
        if (token.pos_ in ("NOUN", "PROPN") or state_participle(token)) and token.lower_ != lemma:
            out.append(token.lower_)
        return out

    def entry(self, token: Token) -> Trigger | None:
        pos = trigger_pos(token)
        if pos is None or the_month(token):
            return None
        doc: Doc = token.doc
        if token.lemma_.lower() not in self.trigger_words and token.lower_ not in self.trigger_words and not (
                token.i >= 2 and doc[token.i - 1].text == "-"):
            return None  # no lexicon key can contain this token (see the keys looked up below)
        # the first part of a hyphenated word is looked up with its last part ("test-fired")
        if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
                and not doc[token.i + 1].whitespace_:
            return None
        candidates = self._candidates(token, pos)
        if not candidates and (pos != "VERB" or self.dictionary is None):
            return None
        objects = self._objects(token, pos)
        hand = self._best(candidates, objects)
        if pos == "VERB" and self.dictionary is not None and hand is None:
            # the open verb dictionary where the lexicon has no entry for the verb with these objects
            found = self.dictionary.lookup(token, objects, self.cameo)
            if found is not None and hand is None and not self._light(token):
                return found[0]
        return hand

    def _light(self, token: Token) -> bool:
        """A verb whose object is an event noun of the lexicon ("opened an investigation", "approved the
        delivery"): the noun carries the event, the verb is light."""
        return any(c.dep_ in ("dobj", "obj", "attr", "nsubjpass") and trigger_pos(c) == "NOUN" and self._candidates(c, "NOUN")
                   for c in token.children)

    def _candidates(self, token: Token, pos: str) -> list[Trigger]:
        """Entries for the token's keys, the multi-word keys first."""
        triggers = self.lex.triggers
        lemmas = self.lemmas(token)
        candidates: list[Trigger] = []
        # a preposition of time is no particle: "called Macron on Tuesday" is no "call on"
        parts = [c for c in token.children if c.dep_ in ("prt", "prep", "advmod") and c.i > token.i
                 and not (c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "during") and any(g.ent_type_ in ("DATE", "TIME") or g.lower_ in self.w.time_words
                                                   for g in c.children))]
        oprd = next((c for c in token.children if c.dep_ == "oprd"), None)
        if oprd is not None:
            # "in what it called punishment for the separatist acts": a phrase after the verb's object
            # predicate is the predicate's, no particle of the verb ("call for")
            parts = [p for p in parts if p.i < oprd.i]
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
        return candidates

    def _objects(self, token: Token, pos: str) -> set[str]:
        """The words an entry's object column is matched against: objects, modifiers, prepositional objects."""
        objects: set[str] = set()
        if pos == "NOUN":  # "military aid", "a humanitarian package"
            # "a war crimes investigation": the modifier's own modifier counts ("war crime")
            objects.update(w for m in token.lefts if m.dep_ in ("amod", "compound") for w in object_words(m))
        kids = list(token.children)
        if pos == "VERB" and token.dep_ == "acl" and token.tag_ == "VBN" \
                and (token.head.lemma_.lower(), "NOUN") in self.lex.triggers:
            objects.update(object_words(token.head))  # "talks facilitated by Canada": the event noun acted on
        if pos == "VERB":  # "allowed inspectors to visit", "let the envoy meet": the subject of a small clause is an object
            kids += [g for c in token.children if c.dep_ == "ccomp" and small_clause(c)
                     for g in c.children if g.dep_ == "nsubj"]
        for c in kids:
            # a noun the parser hangs as a clause is an object ("took three engineers hostage")
            if c.dep_ in ("dobj", "obj", "attr", "nsubjpass", "oprd") or c.head.i != token.i \
                    or c.dep_ == "ccomp" and c.pos_ == "NOUN":
                objects.update(self._argument_words(c))
                if pos == "VERB" and c.dep_ in ("dobj", "obj"):
                    # "placed the leaders of the parties under house arrest": the phrase hung on the object
                    objects.update(w for g in c.subtree if g.dep_ == "prep" and g.lower_ == "under"
                                   for p in g.children if p.dep_ == "pobj" for w in object_words(p))
            elif c.dep_ == "npadvmod" and pos == "VERB" and any(g.dep_ == "nummod" for g in c.children):
                objects.add(c.lemma_.lower())  # "gave the junta one week to ...": a counted span of time
            elif c.dep_ in ("prep", "prt") and not where_phrase(c):
                objects.update(w for p in c.children if p.dep_ in ("pobj", "pcomp") for w in object_words(p))
                if c.lower_ in self.w.compound_preps:
                    objects.update(w for g in c.children if g.dep_ == "prep" for p in g.children
                                   if p.dep_ in ("pobj", "pcomp") for w in object_words(p))
        return objects

    def _argument_words(self, c: Token) -> set[str]:
        words = set(object_words(c))
        # "found a commander guilty": a predicative adjective after the object counts as an object word
        # "Louise Arbour, the chief prosecutor of the tribunal": the apposition's noun is the name's
        words.update(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "conj")
                     or g.dep_ == "amod" and g.i > c.i or g.dep_ == "appos" and c.pos_ == "PROPN")
        for p in c.children:  # "a round of talks", "a package of weapons"
            if p.dep_ == "prep" and c.dep_ in ("dobj", "obj"):  # "set buildings on fire": "on fire"
                words.update(f"{p.lower_} {g.lemma_.lower()}" for g in p.children if g.dep_ == "pobj")
            if p.dep_ == "prep" and p.lower_ == "of" and c.lemma_.lower() in self.w.quantity_nouns:
                words.update(w for g in p.children if g.dep_ == "pobj" for w in self._argument_words(g))
            if p.dep_ == "prep" and p.lower_ == "in" and c.pos_ == "NUM":  # "$15 million in economic aid"
                words.update(w for g in p.children if g.dep_ == "pobj" for w in self._argument_words(g))
        if c.lemma_.lower() in self.w.programme_nouns:  # "its loan programme": a loan
            words.update(m.lemma_.lower() for m in c.lefts if m.dep_ in ("compound", "amod"))
        return words

    @staticmethod
    def _best(candidates: list[Trigger], objects: set[str]) -> Trigger | None:
        """The entry whose longest object word matches; the first entry without objects otherwise."""
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

    # -- which triggers are coded ------------------------------------------------------------------
    def resolve(self, ctx: DocContext) -> None:
        """Mark the triggers absorbed by another one (ctx.consumed), the appeals, demands and refusals
        that take their code from the event they govern (ctx.governed), and the appeals made in the
        course of another event (ctx.purpose)."""
        # the open dictionary's verbs neither absorb nor govern the lexicon's triggers: they are coded
        # on their own once the lexicon's triggers are settled
        extra = {i: e for i, e in ctx.entries.items() if e.notes.startswith(DICTIONARY_NOTE)}
        for i in extra:
            del ctx.entries[i]
        self._consume_objects(ctx)
        self._govern(ctx)
        self._consume_tolls(ctx)
        self._purposes(ctx)
        self._consume_purpose_verbs(ctx)
        ctx.entries.update(extra)
        for i, e in extra.items():
            if e.code[:2] in ("18", "19"):
                # "Hamas rocket fire wounded two children": the attack noun is the subject of the verb that
                # codes it (overrides.bombing_type), not an attack of its own
                ctx.consumed.update(c.i for c in ctx.doc[i].children if self._attack_subject(ctx, c))

    def _consume_objects(self, ctx: DocContext) -> None:
        """Objects of light verbs, the terms of an ultimatum, mediated talks."""
        entries, consumed = ctx.entries, ctx.consumed
        for i, entry in entries.items():
            tok = ctx.doc[i]
            if entry.code == "139":  # "gave X until Friday to accept ... or face sanctions": the terms are not coded
                consumed.update(t.i for c in tok.children if c.dep_ in ("advcl", "xcomp", "ccomp")
                                for t in c.subtree if t.i in entries)
            if entry.code == "045":  # "mediated talks / brokered a ceasefire between X and Y": the mediated act is not coded
                for c in tok.children:
                    if c.dep_ in ("dobj", "obj"):
                        objs = [c, *self.args.prep_objects(c, "of")] if c.lemma_.lower() in self.w.quantity_nouns else [c]
                        consumed.update(o.i for o in objs if o.i in entries and entries[o.i].code[:2] in ("04", "08"))
            if entry.objects:
                self._consume_light_objects(ctx, tok, entry)
        for tok in ctx.doc:
            # "lifted a six-year ban on political rallies by opposition parties": the acts a ban is on do not happen
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in BAN_NOUNS:
                consumed.update(o.i for p in tok.children if p.dep_ == "prep" and p.lower_ == "on"
                                for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts) if o.i in entries)

    def _consume_light_objects(self, ctx: DocContext, tok: Token, entry: Trigger) -> None:
        entries, consumed = ctx.entries, ctx.consumed
        consumed.update(c.i for c in tok.children if (c.lemma_.lower() in entry.objects
                                                      or entry.objects & set(object_words(c)))
                        and not (entry.code[:2] == "12" and c.i in entries and entries[c.i].code[:2] in ("02", "10")))
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and c.lower_ not in TIME_PREPS:
                # "carried out air strikes ..., two days after Iranian strikes on Pakistan": the object
                # of a phrase of time is an event of its own
                consumed.update(p.i for p in c.children if p.lemma_.lower() in entry.objects)
            if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.w.quantity_nouns:
                consumed.update(p.i for o in self.args.prep_objects(c, "of") for p in [o]
                                if p.lemma_.lower() in entry.objects)
            if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lemma_.lower() in entry.objects
                                         for g in c.children):
                consumed.add(c.i)  # "allowed inspectors to visit the plant": one event

    def _family(self, inner_entry: Trigger, family: str) -> str | None:
        if family == "10" and inner_entry.code == "0874":
            return "106"  # "demanded that Russia withdraw its troops": a demand for withdrawal, not a ceasefire
        ic = intent_code(inner_entry)
        mapped = self.tables.family_code(ic, family) if ic else None
        return mapped if mapped in self.lex.cameo else None

    def _govern(self, ctx: DocContext) -> None:
        """Events governed by an appeal, demand, refusal or intent verb."""
        entries, consumed, governed = ctx.entries, ctx.consumed, ctx.governed
        for i in sorted(entries):
            if i in consumed:
                continue
            tok = ctx.doc[i]
            entry = entries[i]
            if entry.code[:2] in ("02", "10") and len(entry.code) == 3:
                stop = self.stop_practice(tok)
                if stop is not None:
                    # "demanded that Pakistan stop supporting militants": a demand for policy change;
                    # "called on Iran and Iraq to stop fighting": an appeal to de-escalate (0256, 107)
                    fighting = any(g.i in entries and entries[g.i].code[:2] in ("18", "19", "20")
                                   for g in stop.children if g.dep_ in ("xcomp", "dobj") and g.tag_ == "VBG")
                    demand = entry.code[:2] == "10"
                    governed[i] = (("107" if demand else "0256") if fighting else ("1042" if demand else "0242"), stop)
                    consumed.update(t.i for t in stop.subtree if t.i in entries)
                    continue
            inner = self.inner(ctx, tok)
            if inner is not None:
                self._govern_inner(ctx, tok, entry, ctx.doc[inner[0]], inner[1])

    def _govern_inner(self, ctx: DocContext, tok: Token, entry: Trigger, inner_tok: Token, inner_entry: Trigger) -> None:
        i, j = tok.i, inner_tok.i
        consumed, governed = ctx.consumed, ctx.governed
        family = entry.code[:2]
        is_verb = inner_tok.pos_ in ("VERB", "AUX")
        if family in ("02", "10") and len(entry.code) == 3 and entry.code.endswith("0"):
            governed[i] = (self._family(inner_entry, family), inner_tok)
            consumed.add(j)
        elif family in ("02", "10"):
            consumed.add(j)
            governed[i] = (None, inner_tok)
        elif family == "12" and (is_verb or inner_tok.head.head.i != i):
            governed[i] = (self._family(inner_entry, "12"), inner_tok)
            if is_verb and not (inner_tok.dep_ in ("acl", "xcomp", "relcl") and inner_tok.head.i != i):
                consumed.add(j)  # "rejected an Egyptian offer to mediate", "an offer of talks": the offer is coded too
        elif family == "12" and inner_entry.code[:2] in ("02", "10"):
            # "rejected Egypt's call for talks": the rejection takes its code from the call's content,
            # and the call is coded as an event of its own
            inner2 = self.inner(ctx, inner_tok)
            if inner2 is not None:
                mapped = self._family(inner2[1], "12")
                if mapped is not None:
                    governed[i] = (mapped, inner_tok)
        elif family == "11" and is_verb:
            consumed.add(j)
        elif is_verb and entry.code[:3] in ("012", "013") and entry.pos == "ADJ":
            consumed.add(j)  # "said he was confident Netanyahu would carry out the withdrawals": the comment is coded
        elif is_verb and (tok.lemma_.lower() in self.modal_verbs or family == "01"):
            if any(c.dep_ == "auxpass" for c in inner_tok.children) and not self.args.prep_objects(inner_tok, "by"):
                consumed.add(j)  # "warned Iran that it would be held accountable": the warning is coded, its actor unnamed
            else:
                consumed.add(i)  # "agreed to meet", "threatened to strike": the inner event is coded

    def _crowd_act(self, ctx: DocContext, verb: Token) -> bool:
        """An act of protesters, students or workers (its code becomes a protest: "stormed", "blocked")."""
        if any(c.dep_ == "nsubj" and c.i in ctx.by_root and ctx.by_root[c.i].role in PROTESTER_ROLES
               for c in verb.children):
            return True
        # "workers downed tools and occupied the yard, demanding ...": the subject found through the parse
        return verb.pos_ == "VERB" and verb.i in ctx.entries and any(
            m.role in PROTESTER_ROLES for m in self.args.subject_actors(ctx, verb))

    @staticmethod
    def _attack_subject(ctx: DocContext, tok: Token) -> bool:
        """"An Israeli air strike wounded two children": an air strike or shelling that is the subject of
        the verb of harm, naming no target of its own ("a US strike on a boat from Venezuela kills 11" has one)."""
        return tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and tok.i in ctx.entries \
            and ctx.entries[tok.i].code in ("194", "195") and not any(c.dep_ == "prep" for c in tok.children)

    def _consume_tolls(self, ctx: DocContext) -> None:
        entries, consumed = ctx.entries, ctx.consumed
        for i, entry in entries.items():
            tok = ctx.doc[i]
            if entry.code[:2] in ("02", "10") and (tok.tag_ == "VBG" or to_infinitive(tok)) and tok.dep_ in ("advcl", "xcomp") \
                    and tok.head.i in entries and (entries[tok.head.i].code[:2] == "14" or self._crowd_act(ctx, tok.head)):
                # "marched through Belgrade, demanding ...", "stormed the palace demanding ...": the aim of the protest
                consumed.add(i)
            if (entry.code.startswith("183") or self._attack_subject(ctx, tok)) and tok.dep_ == "nsubj" \
                    and tok.head.i in entries and entries[tok.head.i].code[:2] in ("18", "19"):
                consumed.add(i)  # "a roadside bomb hit a convoy": one bombing event, coded on the verb
            toll = tok.head.head if tok.dep_ == "conj" and tok.head.tag_ == "VBG" and tok.head.dep_ in ("advcl", "xcomp") \
                else tok.head if tok.dep_ in ("advcl", "xcomp") else None  # "killing two and setting houses on fire"
            if tok.tag_ == "VBG" and toll is not None and (entry.code[:2] in ATTACK_ROOTS or entry.code == "145") \
                    and toll.i in entries and entries[toll.i].code[:2] in ATTACK_ROOTS:
                consumed.add(i)  # "struck a checkpoint, killing six soldiers", "setting houses on fire": the toll of the attack

    def _purposes(self, ctx: DocContext) -> None:
        entries = ctx.entries
        for i in sorted(entries):
            head = self.purpose_head(ctx, ctx.doc[i])
            if head is None:
                continue
            if entries[i].code[:2] == "02":
                ctx.purpose[i] = head  # "telephoned the Iranian president to urge restraint": an appeal made in the call
            elif head.lemma_.lower() in self.w.movement_verbs and entries[i].code[:2] in ("03", "04") \
                    or head.lemma_.lower() in DISPATCH_VERBS and entries[i].code[:2] in ("18", "19", "20"):
                # "travelled to Vladivostok to meet Putin": the meeting is the event, the journey its means;
                # "sent a fighter jet to bomb Cambodian positions": the bombing is the event, the jet its means
                ctx.purpose[i] = head
                ctx.consumed.add(head.i)
            elif head.i in entries and entries[head.i].code[:2] == entries[i].code[:2] and entries[i].code[:2] in PHYSICAL_ROOTS:
                # "fired tear gas to disperse them": the same act twice, the purpose naming its target
                ctx.purpose[i] = head
                ctx.consumed.add(head.i)
            else:
                # "met in Budapest to prepare a summit": the purpose is not an event, nor the events in it
                ctx.consumed.update(t.i for t in ctx.doc[i].subtree if t.i in entries)

    def _consume_purpose_verbs(self, ctx: DocContext) -> None:
        entries, consumed = ctx.entries, ctx.consumed
        for tok in ctx.doc:
            # "sent advisers to help the junta fight leftist guerrillas": the act helped with is a purpose
            if tok.lemma_.lower() == "help" and tok.dep_ in ("advcl", "xcomp", "acl") and to_infinitive(tok):
                consumed.update(t.i for t in tok.subtree if t.i in entries and t.i != tok.i
                                and entries[t.i].code[:2] not in ("02", "10"))
        for i in sorted(entries):
            tok = ctx.doc[i]
            head = tok.head
            if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj") and tok.lemma_.lower() in DISCUSSION_VERBS \
                    and head.i in entries and entries[head.i].code[:3] in ("040", "041") and head.i != i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                # "spoke by telephone, discussing the war in Gaza": what was said in a meeting or call is
                # that contact, no second consultation
                consumed.add(i)
                continue
            if i in consumed or tok.pos_ not in ("VERB", "AUX") or entries[i].code[:2] in ("02", "10", "12", "13") \
                    or tok.lemma_.lower() in self.modal_verbs:
                continue
            for c in tok.children:
                # "met in Budapest to prepare for a possible summit": a purpose verb that is no event itself
                if c.dep_ == "advcl" and c.i not in entries and purpose_clause(c):
                    # "to begin an exile in Nigeria, where Obasanjo has granted him asylum": a relative clause
                    # with its own subject is a statement of its own
                    own = {t.i for r in c.subtree if r.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in r.children)
                           for t in r.subtree}
                    consumed.update(t.i for t in c.subtree if t.i in entries and t.i not in own
                                    and entries[t.i].code[:2] not in ("02", "10"))

    def stop_practice(self, tok: Token) -> Token | None:
        """'stop / end / cease + gerund' governed by an appeal or demand: the practice to be stopped."""
        for c in tok.children:
            # "called on Iran and Iraq on Sunday to stop fighting": the parser's purpose clause too
            clause = c.dep_ in ("ccomp", "xcomp") or c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children)
            if clause and c.lemma_.lower() in self.w.stop_verbs:
                for g in c.children:
                    if g.dep_ in ("xcomp", "dobj") and g.tag_ == "VBG":
                        return c
        return None

    def purpose_head(self, ctx: DocContext, tok: Token) -> Token | None:
        """The event verb a purpose clause ("to + verb" without its own subject) belongs to."""
        entries, consumed = ctx.entries, ctx.consumed
        if tok.dep_ not in ("advcl", "xcomp") or tok.i in consumed or not purpose_clause(tok):
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

    def inner(self, ctx: DocContext, tok: Token) -> tuple[int, Trigger] | None:
        """The event governed by a trigger: its xcomp/ccomp verb, its object's xcomp, or an event noun
        object ("demanded the release", "called for a ceasefire", "asked for food aid")."""
        entries = ctx.entries
        cands: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                cands.append(c)
                if c.i not in entries:  # "urged X to speed up deliveries of ...": the object of a light verb
                    cands.extend(g for g in c.children if g.dep_ in ("dobj", "obj"))
            elif c.dep_ in ("dobj", "obj"):
                cands.append(c)
                cands.extend(g for g in c.children if g.dep_ in ("xcomp", "acl", "relcl", "ccomp") and g.tag_ == "VB")
                if c.lemma_.lower() in self.args.plan_nouns:  # "rejected Lee's offer of talks"
                    cands.extend(p for g in c.children if g.dep_ == "prep" and g.lower_ == "of"
                                 for p in g.children if p.dep_ == "pobj")
            elif c.dep_ == "acl" and tok.pos_ in ("NOUN", "PROPN") and c.tag_ == "VB":
                cands.append(c)  # "Russia's demand that Ukraine withdraw", "calls to halt the offensive"
            elif c.dep_ == "advcl" and c.tag_ == "VB" and any(a.tag_ == "TO" for a in c.children) \
                    and tok.i in entries and entries[tok.i].code[:2] in ("02", "10"):
                cands.append(c)  # "appealed to Hamas on Sunday to free the hostages": the parser's purpose clause
            elif c.dep_ == "prep" and c.lower_ in ("for", "on"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        cands.append(p)
                        cands.extend(g for g in p.children if g.dep_ in ("xcomp", "acl") and g.tag_ == "VB")
        for c in cands:
            if c.i in entries and c.i not in ctx.consumed:
                return c.i, entries[c.i]
        return None

    # -- triggers that are no event ----------------------------------------------------------------
    def skipped(self, ctx: DocContext, token: Token) -> bool:
        """A trigger that is coded as part of another one or is no event in this construction."""
        if token.i in ctx.consumed or token.i not in ctx.entries:
            return True
        if token.dep_ in ("compound",) and token.head.i in ctx.entries:
            return True
        if token.lemma_.lower() in self.report and any(c.dep_ == "ccomp" for c in token.children):
            return True  # "insisted that ...": a report verb with a clause is not an event
        if ctx.entries[token.i].code == "019" and any(
                c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in token.children):
            return True  # "agreed to extend their cooperation": the agreed act is the event (intent), not accord
        if token.tag_ == "VBG" and token.dep_ == "advcl" and token.head.lemma_.lower() in self.report \
                and not any(c.dep_ in ("dobj", "obj", "dative") and (c.i in ctx.by_root or c.i in ctx.by_token)
                            for c in token.children):
            # "the officials said, speaking on condition of anonymity": the manner of the report ("said,
            # thanking his American counterpart" is said to someone: an event)
            return True
        # "rejected claims that ...": a denial negates the claimed event, it is not an event
        return ctx.entries[token.i].code[:2] == "12" and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.claim_nouns for c in token.children)

    def no_event(self, ctx: DocContext, trigger: Token, entry: Trigger) -> bool:
        """Readings of a trigger that are no event: a sports score, a return home, naming, a state."""
        if entry.code[:2] in PHYSICAL_ROOTS and (
                SCORE.search(trigger.doc[trigger.left_edge.i:trigger.right_edge.i + 1].text)
                or any((t.lemma_.lower() in self.w.sports_words or t.lower_ in self.w.sports_words)
                       and t.dep_ != "amod" for t in trigger.subtree)):  # ("her final election rally": no match)
            # a sports result: "beat Brazil 3-2", "beat France on penalties"; not an event noun beside a
            # sports word of its clause ("boycott the Olympics in retaliation for the invasion")
            return True
        if entry.code[:2] == "05" and any(o.lemma_.lower() in self.w.aerial_instruments | self.w.artillery_instruments
                                          for o in self.args.prep_objects(trigger, "by")):
            return True  # "troops, backed by tanks and helicopter gunships": arms that back troops endorse no one
        if entry.code[:2] in ("18", "19") and entry.pos == "NOUN" and ended_act(trigger):
            return True  # "a ceasefire ..., ending five days of clashes along their border": the act ended
        if entry.code[:2] == "13" and any(c.dep_ == "nsubj" and self.w.observer(c)
                                          for c in trigger.children):
            return True  # "Economists warn Turkey may need a rescue": observers' warnings threaten no one
        if entry.code[:3] == "057" and entry.pos == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "under":
            return True  # "shipped oil to Ghana under a deal with its government": a standing deal, no signing
        if trigger.lemma_.lower() in JOINING_VERBS and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pcomp" for g in c.children) for c in trigger.children):
            return True  # "joined Britain in condemning the attack": the joint act is the gerund's
        if entry.code == "042" and any(c.lower_ in self.w.home_words for c in trigger.children):
            return True  # "arrived back in Beijing": returning home is not a visit
        if entry.code == "041" and any(c.dep_ in ("oprd", "ccomp") and c.i not in ctx.by_root or c.lower_ == "what"
                                       for c in trigger.children):
            return True  # "what the military called an assassination": naming, not a phone call
        # a participle describing a state: "Palestinians displaced from Gaza", "soldiers held since ..."
        return entry.pos == "VERB" and trigger.tag_ == "VBN" and trigger.dep_ in ("acl", "advcl", "amod") \
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") or c.dep_ == "agent" for c in trigger.children) \
            and not self.args.prep_objects(trigger, "by")
