"""Modality and flags: negation, hypothetical, intent, threat, refusal and the reporting verb.

The flags of a trigger are read along its chain: the trigger and the words that govern it through
control and complement links ("said it would not send" -> report, future, negated). Flags above the
reporting verb belong to the report, not to the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from streams.extraction.actors import Mention
from streams.extraction.coding.context import DocContext
from streams.extraction.coding.overrides import intent_code
from streams.extraction.coding.tables import CoderTables
from streams.extraction.lexicon import Lexicon, Trigger

if TYPE_CHECKING:
    from streams.extraction.coding.arguments import Arguments

COMPLEMENT_DEPS = ("xcomp", "acl", "ccomp", "pcomp", "dobj", "prep")
SETTING_PREPS = ("in", "during")


@dataclass
class Flags:
    """What the chain of a trigger says about it."""

    negated: bool = False
    hypothetical: bool = False
    intent: bool = False
    threat: bool = False
    speculative: bool = False
    future: bool = False
    reporter: Token | None = None
    habitual: bool = False
    refusal: bool = False


@dataclass
class Coding:
    """The code and flags of one trigger while the modality rules apply."""

    code: str
    negated: bool
    hypothetical: bool
    intent: bool
    threat: bool

    @property
    def planned(self) -> bool:
        return self.intent or self.threat


class Modality:
    def __init__(self, lex: Lexicon, tables: CoderTables, args: Arguments) -> None:
        self.lex = lex
        self.tables = tables
        self.w = tables.words
        self.args = args
        self.intent = lex.modal_words("intent")
        self.threat = lex.modal_words("threat")
        self.negation = lex.modal_words("negation")
        self.hypo = lex.modal_words("hypothetical") | self.w.modals
        self.report = lex.modal_words("report")
        self.plan_nouns = lex.modal_words("plan_noun")
        self.claim_nouns = lex.modal_words("claim_noun")
        self.speculation = lex.modal_words("speculation")

    # -- reading the chain -------------------------------------------------------------------------
    def negated_here(self, tok: Token) -> bool:
        for c in tok.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ in ("det", "advmod", "preconj") and c.lower_ in self.negation:
                return True
            if c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "dobj" and tok.pos_ in ("VERB", "AUX"):
                # "Neither Ghana nor Togo has sent troops", "has sent no troops", "held no formal talks"
                if any(g.dep_ in ("det", "preconj") and g.lower_ in self.w.negative_determiners for g in c.children):
                    return True
        return False

    def flags(self, trigger: Token, chain: list[Token]) -> Flags:
        """negated, hypothetical, intent, threat, speculative, reporter verb, refusal."""
        f = Flags()
        for i, tok in enumerate(chain):
            if f.reporter is not None:
                break  # flags above the reporting verb belong to the report, not the event
            self._negation(f, tok, chain[i - 1] if i > 0 else None)
            self._auxiliaries(f, tok)
            if i > 0:
                self._governor(f, tok, chain[i - 1])
        # "his planned trip to Moscow", "the expected visit": an event noun that is a plan
        planned = trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("amod", "compound") and c.lower_ in self.w.plan_modifiers
                                                            for c in trigger.children)
        if planned:
            f.intent = True
        # "Mr Kim rarely travels abroad": a habit is a description, no event
        verbs = [trigger, *(t for t in chain[1:2] if t.pos_ in ("VERB", "AUX"))]
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
            verbs.append(trigger.head)
        f.habitual = any(c.dep_ == "advmod" and c.lower_ in self.w.habitual_adverbs and not self._past_repetition(v, c)
                         for v in verbs for c in v.children)
        presupposed = self._presupposed(trigger)
        if presupposed and not f.intent:
            # "must act to reverse Iraq's occupation of Kuwait": the occupation is a fact
            f.negated = f.hypothetical = f.speculative = f.future = f.threat = f.refusal = False
        elif presupposed and not planned and trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" \
                and trigger.head.head.pos_ in ("NOUN", "PROPN"):
            # "pledged to deepen ties at the end of Mr Xi's visit": a visit owned by its actor in a phrase of
            # time is a fact, not part of the pledge
            f.negated = f.hypothetical = f.speculative = f.future = f.threat = f.refusal = f.intent = False
        return f

    def _presupposed(self, trigger: Token) -> bool:
        """An event noun owned by its actor, the object of a verb or preposition, is taken for granted."""
        if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in ("dobj", "pobj") \
                or not any(c.dep_ == "poss" for c in trigger.children):
            return False
        verb = next((t for t in trigger.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return verb is None or verb.lemma_.lower() not in self.w.unrealised_verbs

    def _past_repetition(self, verb: Token, adverb: Token) -> bool:
        """'police routinely tortured detainees': repeated acts in the past are events, not a habit."""
        if adverb.lower_ not in self.w.repetition_adverbs:
            return False
        return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))

    def _negation(self, f: Flags, tok: Token, below: Token | None) -> None:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and self.negated_here(tok):
            if any(c.lower_ in self.w.future for c in tok.children if c.dep_ == "aux"):
                f.refusal = True  # "would not lift sanctions"
            else:
                f.negated = True
        if below is None:
            return
        # "declined on Friday to discuss": an infinitive the parser hangs as a purpose clause is the complement
        complement = below.dep_ in ("xcomp", "ccomp", "dobj") or below.dep_ == "advcl" and any(
            a.dep_ == "aux" and a.tag_ == "TO" for a in below.children)
        if tok.pos_ == "VERB" and lemma in self.negation and complement:
            if lemma == "refuse":
                f.refusal = True
            else:
                f.negated = True
        if lemma in self.claim_nouns and tok.pos_ == "NOUN" \
                and tok.head.lemma_.lower() in self.negation | self.w.rejection_verbs:
            f.negated = True

    def _auxiliaries(self, f: Flags, tok: Token) -> None:
        for c in tok.children:
            if c.dep_ == "aux" and (c.lower_ in self.hypo or c.tag_ == "MD"):
                if c.lower_ in self.w.future:
                    f.future = True
                else:
                    f.speculative = True
            if c.dep_ == "aux" and c.tag_ == "TO" and (tok.dep_ == "ROOT" and any(
                    s.dep_ in ("nsubj", "nsubjpass") for s in tok.children)
                    or tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ == "PROPN"):
                f.future = True  # the headline future: "Putin to meet Kim in Vladivostok", "Obama to visit Hiroshima"
            if c.dep_ == "det" and c.lower_ in self.hypo:
                f.speculative = True
            if c.dep_ == "mark" and c.lower_ in self.w.conditional_marks:
                f.hypothetical = True

    def _governor(self, f: Flags, tok: Token, below: Token) -> None:
        """Flags from a word above the trigger: an intent, plan, threat, speculation or report word."""
        lemma = tok.lemma_.lower()
        # "offered his condolences in a telephone call": a phrase of time, place or means is no complement
        if lemma in self.intent and below.dep_ in COMPLEMENT_DEPS \
                and not (below.dep_ == "prep" and below.lower_ in SETTING_PREPS) \
                and not any(c.dep_ == "prt" for c in tok.children):  # "set up a commission" is no "set to"
            f.intent = True
        if lemma in self.plan_nouns and tok.pos_ == "NOUN":
            f.intent = True
        if lemma in self.threat:
            f.threat = True
        if lemma in self.claim_nouns and tok.pos_ == "NOUN" and below.dep_ in ("acl", "ccomp") \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children):
            f.hypothetical = True  # "reports that Russian officers had travelled to Britain": a claim, not a fact
        if lemma in self.hypo and tok.pos_ == "ADJ" and below.dep_ == "xcomp":
            f.hypothetical = True  # "Russia was free to move its troops", "is able to strike": permission or ability
        if lemma in self.speculation and tok.pos_ == "VERB":
            f.hypothetical = True  # "analysts speculated that ...", "diplomats wondered whether ..."
        if lemma in self.w.expectation_verbs and tok.pos_ == "VERB" and below.dep_ in ("xcomp", "ccomp") \
                and (any(c.dep_ in ("dobj", "obj") for c in tok.children) or any(c.dep_ == "nsubj" for c in below.children)):
            f.hypothetical = True  # "officials expect Hezbollah to resume attacks": a prediction of another's act
        if lemma in self.report and tok.pos_ == "VERB":
            f.reporter = tok

    # -- from flags to code ------------------------------------------------------------------------
    def due_to(self, trigger: Token, f: Flags) -> bool:
        """'talks are due to resume': an event noun as the subject of an intent word."""
        verb = trigger.head
        return any(x.lemma_.lower() in self.intent and any(g.dep_ == "xcomp" for g in x.children)
                   for x in [verb, *(c for c in verb.children if c.dep_ == "acomp")]) and not f.speculative

    def refusal_and_tense(self, ctx: DocContext, st: Coding, f: Flags, trigger: Token, entry: Trigger,
                          governed: str | None, inner: Token | None, speaker: Mention) -> None:
        """A refusal ("would not lift sanctions") takes a 12 code; a future event is an intent; a
        speculated one is hypothetical, or a threat when the speaker's own side would act."""
        if governed is not None or (inner is not None and entry.code[:2] in ("02", "10", "12")):
            f.refusal = False
        if f.refusal and not st.negated:
            ic = intent_code(entry)
            if ic.startswith("035") or trigger.head.lemma_.lower() == "refuse":
                fam = self.tables.family_code(ic, "12") if ic else None
                st.code = fam if fam is not None and fam in self.lex.cameo else "120"
                st.intent = st.threat = False
            else:
                st.negated = True  # "will not send troops": a negated plan
        elif not st.hypothetical and not governed:
            if f.future and not f.speculative and self.observers(ctx, f.reporter, speaker):
                st.hypothetical = True  # "Western diplomats said Pakistan would face sanctions": a prediction
            elif f.future and not f.speculative and not self.fixed_start(trigger):
                st.intent = True
            if f.speculative and not st.intent and not st.threat:
                if self.same_speaker(ctx, f.reporter, speaker) and int(entry.code[:2]) >= 14:
                    st.threat = True  # "Trump said the US could strike Venezuela"
                else:
                    st.hypothetical = True

    @staticmethod
    def plan_code(st: Coding, f: Flags, entry: Trigger, governed: str | None) -> None:
        """An intended or threatened event takes the entry's intent code (03 or 13) and is hypothetical;
        a stated refusal ("would keep its embargo in place") is the refusal itself (12)."""
        if st.planned and st.code.startswith("12") and not governed:
            st.intent = st.threat = False
            return
        if st.planned and not f.refusal and not governed and not st.code.startswith(("03", "13")):
            st.hypothetical = True
            conflict = int(entry.code[:2]) >= 10
            if entry.intent_code and (entry.intent_code.startswith("13") == (st.threat or conflict)):
                st.code = entry.intent_code
            elif st.threat or conflict:
                st.code = entry.intent_code if entry.intent_code.startswith("13") else "130"
            else:
                st.code = entry.intent_code or "030"
        elif st.planned and st.code.startswith(("03", "13")):
            st.hypothetical = True

    def fixed_start(self, trigger: Token) -> bool:
        """'would impose tariffs from next month': a decided measure with a fixed start is the act itself."""
        heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
        for h in heads:
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ in self.w.start_preps and any(
                        t.ent_type_ == "DATE" for g in p.children for t in g.subtree):
                    return True
        return False

    def observers(self, ctx: DocContext, report_verb: Token | None, source: Mention) -> bool:
        """The reporting verb's subject are observers ("Western diplomats", "analysts") of another side."""
        if report_verb is None:
            return False
        subj, _ = self.args.subject(ctx, report_verb)
        return subj is not None and self.w.observer(subj) \
            and not self.same_speaker(ctx, report_verb, source)

    def same_speaker(self, ctx: DocContext, report_verb: Token | None, source: Mention) -> bool:
        if report_verb is None:
            return False
        subj, _ = self.args.subject(ctx, report_verb)
        if subj is not None and self.w.observer(subj) and not any(
                c.dep_ == "poss" for c in subj.children):
            return False  # "EU diplomats said the bloc could consider sanctions": observers speculate, they speak for no one
        rep = self.args.actors(ctx, subj)
        return any((r.country or r.code) == (source.country or source.code) for r in rep)

    def reporter(self, ctx: DocContext, f: Flags) -> Mention | None:
        """The actor of the reporting verb ("Polish officials said ..."), or the one told ("said to ...")."""
        if f.reporter is None:
            return None
        subj, _ = self.args.subject(ctx, f.reporter)
        rep = self.args.actors(ctx, subj)
        if not rep:
            for a in self.args.prep_objects(f.reporter, "to"):
                rep = self.args.actors(ctx, a)
        return rep[0] if rep else None
