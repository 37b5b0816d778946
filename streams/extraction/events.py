"""Stage 3: code who did what to whom from the dependency parse, with the lexicon in streams/data/.

For every trigger (a verb or event noun in event_lexicon.tsv) the coder finds the source
(subject, passive agent, possessor, the subject of a controlling verb: "plans to meet") and the
target (the attachment points the lexicon row names: direct object, "with", "on", ...), expands
coordinated actors, makes reciprocal pairs, and sets the negated / hypothetical flags.

Appeals, demands, refusals and threats take their specific code from the event they govern
("urged Hamas to accept a ceasefire" -> 0256, "refused to release" -> 1243); that inner event is
not coded on its own. The family mapping follows the parallel structure of the CAMEO codebook
(streams/data/coder/family_codes.tsv).

This module is the orchestrator; the parts are in streams/extraction/coding/: triggers.py (lexicon
lookup, which triggers are coded), arguments.py (sources and targets), modality.py (flags) and
overrides.py (codes that change with the actors or the context).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from streams.extraction.actors import Mention
from streams.extraction.coding.arguments import POSTURE_CODES, SPONSOR_NOUNS, Args, Arguments, implied
from streams.extraction.coding.context import DocContext
from streams.extraction.coding.dictionary import DICTIONARY_NOTE, DictionaryVerbs
from streams.extraction.coding.modality import Coding, Flags, Modality
from streams.extraction.coding.overrides import Overrides, family_code
from streams.extraction.coding.tables import CoderTables, load_coder_tables
from streams.extraction.coding.triggers import TriggerFinder
from streams.extraction.lexicon import Lexicon, Trigger
from streams.extraction.places import Place

__all__ = ["CodedEvent", "EventCoder", "family_code"]


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
    notes: list[str] = field(default_factory=list)


NULL_TARGET_ROOTS = frozenset({"14"})  # dictionary verbs that may be coded without a target: protests


def direct_arguments(trigger: Token, args: Args, code_root: str, events: frozenset[int] = frozenset()) -> bool:
    """A verb of the open dictionary codes an event only in a main or complement clause, with its
    source as its own subject (or passive agent) and its target as its own object or prepositional
    object: the dictionary knows the verb, not the constructions the lexicon rows are written for."""
    if trigger.dep_ in ("relcl", "acl", "amod", "pcomp") or not args.sources:
        return False
    if not args.targets:
        return code_root in NULL_TARGET_ROOTS  # "dock workers stopped work": a protest needs no target
    def own(tokens: list[Token]) -> set[int]:
        return {t.i for x in tokens for t in (x, *x.conjuncts)}
    subjects = own([c for c in trigger.children if c.dep_ in ("nsubj", "csubj")]
                   + [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                   # "an Israeli air strike wounded two children": the actor named on an event noun subject
                   + [m for c in trigger.children if c.dep_ == "nsubj" and c.i in events
                      for m in c.children if m.dep_ in ("amod", "compound", "poss", "nmod")])
    first = trigger
    while first.dep_ == "conj" and first.head.i != first.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        first = first.head  # "seized Kabul and hanged Najibullah": the subject the joined verbs share
        subjects |= own([c for c in first.children if c.dep_ == "nsubj"])
    # "said it was ready to help Japan": the subject of the adjective that controls the infinitive (a
    # pronoun there stands for the actor named before it)
    pronoun = False
    if trigger.dep_ == "xcomp" and trigger.head.pos_ == "ADJ" and trigger.head.dep_ == "acomp":
        ready = own([c for c in trigger.head.head.children if c.dep_ == "nsubj"])
        subjects |= ready
        pronoun = any(trigger.doc[i].tag_ == "PRP" for i in ready)
    objects = own([c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative", "nsubjpass")]
                  + [p for c in trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"])
    # "released an American, Aijalon Gomes": the nationality on the object's name
    objects |= {m.i for c in trigger.children if c.dep_ in ("dobj", "obj") for m in c.children
                if m.dep_ in ("amod", "nmod") and m.i < c.i}
    if any(t.country == s.country and t.role is None for s in args.sources for t in args.targets):
        return False  # "governed Hungary": a government and its own country is no event between actors
    return all(s.root in subjects or pronoun for s in args.sources) and all(t.root in objects or t.kind == "implied"
                                                                for t in args.targets)


def across_border(trigger: Token) -> bool:
    """The trigger's own phrase (or its object's) crosses a border: "across the border", "over the frontier",
    "crossed the border"."""
    if trigger.lemma_.lower() == "cross" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ("border", "frontier")
                                                 for c in trigger.children):
        return True
    return any(p.dep_ in ("prep", "prt") and p.lower_ in ("across", "over") and p.head.i in (trigger.i, *(c.i for c in trigger.children))
               and any(o.dep_ == "pobj" and o.lemma_.lower() in ("border", "frontier") for o in p.children)
               for p in trigger.subtree)


# CAMEO roots that are interactions between two actors: without a target the event is not coded
# (the gold data has no such event without a target); statements (01), criticism (11, not accusations:
# ACTED_ON_PREFIXES), protests (14), force posture (15) and mass violence (20) may have none
ATTEMPT_VERBS = frozenset({"try", "attempt"})
OFFER_VERBS = frozenset({"offer", "propose"})
DYADIC_ROOTS = frozenset({"02", "03", "04", "05", "06", "07", "08", "10", "12", "13", "16", "18", "19"})
# accusations (112), investigations (09) and coercion (17: arrests, seizures, bans) are acts on someone
# too: the annotation rules give a null target only to an act with no actor acted on (a test, a
# mobilisation, a condemnation of an act whose author is unnamed), and without the one accused, investigated
# or arrested the coder did not find them
ACTED_ON_PREFIXES = ("112", "09", "17")
# codes of those roots that are acts on one's own side, coded without a target ("announced a cut of
# 500,000 troops": demobilisation)
UNILATERAL_CODES = frozenset({"0873"})
# nouns that refer back to an act told before them ("denounced the move"), and the roots of acts that are
# words, not measures (a statement, an appeal, a criticism is no "move" another condemns)
REFERRING_ACT_NOUNS = frozenset({"move", "decision", "measure", "step", "action", "act"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})


def subject_noun(trigger: Token) -> Token | None:
    """The subject an event noun is, itself or through the head of its of-phrase ("a new round of talks
    could take place in Oman"), or None."""
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        return trigger
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("nsubj", "nsubjpass") \
            and head.head.pos_ == "NOUN":
        return head.head
    return None


class EventCoder:
    def __init__(self, lex: Lexicon, tables: CoderTables | None = None, dictionary: bool = True,
                 dateline: Callable[[Doc], Place | None] | None = None) -> None:
        self.lex = lex
        self.dateline = dateline  # the place of an article's dateline
        self.tables = tables or load_coder_tables()
        self.args = Arguments(lex, self.tables.words)
        self.modality = Modality(lex, self.tables, self.args)
        self.overrides = Overrides(lex, self.tables)
        self.triggers = TriggerFinder(lex, self.tables, self.args, DictionaryVerbs() if dictionary else None)

    def process(self, doc: Doc, mentions: list[Mention]) -> list[CodedEvent]:
        ctx = DocContext.build(doc, mentions)
        place = self.dateline(doc) if self.dateline is not None else None
        ctx.dateline_country = place.country if place is not None else None
        # sentences with an actor, or with words that refer back to actors named before ("The two
        # countries traded fire", "He accused Israel ...")
        refer_back = [t.i for t in doc if t.dep_ in ("nsubj", "nsubjpass") and (
            t.lower_ in self.tables.words.subject_pronouns or self.args.the_two(ctx, t))]
        self.triggers.find_entries(ctx, sorted([*(m.root for m in mentions), *refer_back]))
        self.triggers.resolve(ctx)
        out: list[CodedEvent] = []
        for sent in doc.sents:
            for token in sent:
                if not self.triggers.skipped(ctx, token):
                    governed, inner = ctx.governed.get(token.i, (None, None))
                    out.extend(self._code(ctx, token, ctx.entries[token.i], sent, governed, inner))
        return self._dedupe(out)

    def _code(self, ctx: DocContext, trigger: Token, entry: Trigger, sent: Span, governed: str | None,
              inner: Token | None = None) -> list[CodedEvent]:
        """The events of one trigger: its arguments, its flags, its code, one event per actor pair."""
        if self.triggers.no_event(ctx, trigger, entry):
            return []
        args = self.args.find(ctx, trigger, entry, governed, inner)
        if args is None or (entry.notes.startswith(DICTIONARY_NOTE) and not direct_arguments(trigger, args, entry.code[:2], frozenset(ctx.entries))):
            return []
        joint = self._joint_exercise(entry, args, governed)
        pairs = self.args.pairs(entry, args)
        if not pairs or any(t.dep_ == "relcl" and t.head.lemma_.lower() in self.tables.words.content_nouns
                            for t in args.chain):
            return []  # "signed an agreement that allows inspectors to visit": the content of the agreement
        flags = self.modality.flags(trigger, args.chain)
        flags.hypothetical = flags.hypothetical or self._demanded(ctx, args.chain)
        truce = self._agreed_truce(trigger, entry, args, governed)
        flags.intent = flags.intent and not self._decided_measure(trigger, entry, args) and not truce
        if flags.habitual:
            return []
        # "analysts said China could attempt a blockade": a speculation by others is no plan or threat;
        # "Trump said the US could strike Venezuela" is the speaker's own side (a threat)
        # ("Putin warned that Russian forces could strike Georgia": the one who warns speaks for his side)
        speaker = flags.reporter or next((t for t in args.chain[1:] if t.lemma_.lower() in self.args.threat_words), None)
        conditional = flags.hypothetical or (flags.speculative and not self.modality.same_speaker(
            ctx, speaker, pairs[0][0])) or (flags.future and self.modality.observers(ctx, flags.reporter, pairs[0][0]))
        # ("analysts said Egypt would seek talks": observers' prediction of an intent is no intent)
        # "hosted a meeting between Putin and Zelensky": hosting the talks of two others is mediation
        hosted = self._hosts_others(trigger, entry, args, governed)
        st = Coding(governed or joint or ("045" if hosted else "0871" if truce else entry.code), flags.negated, flags.hypothetical,
                    flags.intent, flags.threat)
        subj = subject_noun(trigger) if entry.pos == "NOUN" else None
        if subj is not None and not governed and not self._event_noun_subject(subj, entry, st, flags):
            return []
        self.modality.refusal_and_tense(ctx, st, flags, trigger, entry, governed, inner, pairs[0][0])
        if entry.pos == "VERB" and (st.code[:2] == "19" or st.code in ("180", "182")) and not governed:
            # "a roadside bomb hit a convoy", "a suicide bomber killed 30 people": the bombing is the attack
            st.code = self.overrides.bombing_type(ctx, trigger, st.code, self.args.subject(ctx, trigger)[0])
        if (conditional or trigger.lemma_.lower() in SPONSOR_NOUNS) and (st.planned or st.code.startswith(("03", "13"))):
            # a conditional or speculated plan or threat is not coded; nor is the sponsor of a planned
            # meeting ("agreed to meet again under EU auspices")
            return []
        attempt = self._attempt_on_leader(ctx, trigger, st, pairs)
        self.modality.plan_code(st, flags, entry, governed)
        if hosted and (st.code.startswith("03") or trigger.dep_ in ("xcomp", "advcl") and trigger.head.lemma_.lower() in OFFER_VERBS):
            st.code, st.hypothetical = "039", True  # an offer to host talks between two others is an offer to mediate
        if args.aim_clauses and st.code in ("141", "142", "143", "144", "145"):
            st.code = self.overrides.protest_aim(st.code, args.aim_clauses)
        if flags.intent and entry.pos == "VERB" and len(args.sources) == 1 and not args.between:
            # "Finland promised to share data with Estonia": only the actor who states the intent
            pairs = [(s, t) for s, t in pairs if s is args.sources[0]]
        if st.code == "040" and self.overrides.third_place(ctx, trigger, pairs):
            st.code = "044"
        reporter = self.modality.reporter(ctx, flags)
        if entry.lemma == "commit" and st.code[:2] == "20" and reporter is not None:
            # "Blinken determined that the RSF had committed genocide": a finding of atrocities reported by
            # an actor is that actor's accusation (1124) of the ones it names; one's own side's is no event
            pairs = [(reporter, s) for s, _ in pairs if s.country != reporter.country]
            st.code = "1124"
        out = []
        for s, t in pairs:
            if self._no_pair(st.code, s, t):
                continue
            if reporter is not None and s.kind == "country" and reporter.country == s.country \
                    and reporter.role == "GOV" and (flags.future or st.planned):
                s = reporter  # "Lula said Brazil would ...": the speaker states what their own country will do
            if t is None and st.code[:2] in ("02", "10") and s.country and s.role not in (None, "GOV", "IGO") \
                    and s.country in self.lex.countries:
                # "the opposition leader demanded elections": a domestic demand or appeal is addressed to
                # the government of its country
                t = implied(self.lex, s.country, "GOV")
            t = self._border_target(ctx, trigger, st.code, s, t)
            code = attempt or self.overrides.leader_attack(ctx, trigger, self.overrides.instrument_code(ctx, st.code, s, trigger), t)
            code = self.overrides.forces_moving(ctx, trigger, entry, code, s, t)
            code = self.overrides.trade_ban(trigger, self.overrides.mass_scale(ctx, trigger, code, t)) if code else code
            if not code:
                continue
            coded = self.overrides.pair(code, entry, s, t, ctx.doc)
            coded = self._implied_target(ctx, trigger, entry, s, coded)
            coded = self._referred_act_target(ctx, trigger, s, coded)
            if coded is not None and coded[1] is None and (coded[0][:2] in DYADIC_ROOTS or coded[0].startswith(ACTED_ON_PREFIXES)) \
                    and not st.negated and coded[0] not in UNILATERAL_CODES:
                continue  # an interaction with no one: the coder did not find the other actor
            if coded is not None:
                out.append(CodedEvent(trigger, entry, coded[0], s, coded[1], st.negated, st.hypothetical,
                                      st.planned, reporter, sent))
        return out

    @staticmethod
    def _no_pair(code: str, s: Mention, t: Mention | None) -> bool:
        """An actor acting on itself ("USAGOV -> USAGOV") is a misread second actor, no event; "Cuban
        refugees landed in Key West": people fleeing pay no visit."""
        return t is not None and s.code == t.code or code[:3] == "042" and s.role == "REF"

    def _referred_act_target(self, ctx: DocContext, trigger: Token, s: Mention,
                             coded: tuple[str, Mention | None] | None) -> tuple[str, Mention | None] | None:
        """A praise, criticism, rejection or threat with no target, or with the actor's own country as its
        target, acts on the author of the act it names, when it names one."""
        if coded is None or coded[0][:2] not in ("05", "11", "12", "13"):
            return coded
        t = coded[1]
        if t is not None and not (t.country == s.country and t.role is None):
            return coded
        # (one's own country as the target, "Taiwan condemned it" read onto "Taiwan" before: a misread target)
        return coded[0], self._referred_act_author(ctx, trigger, s) or t

    def _referred_act_author(self, ctx: DocContext, trigger: Token, s: Mention) -> Mention | None:
        """"North Korea conducted a nuclear test, and Japan called the test unacceptable", "the US reimposed
        sanctions, and Tehran denounced the measures": a definite noun praised, criticised or rejected that
        names an act told before it (in its own word, or as "the move", "the measures") stands for that
        act's author."""
        nouns = self.args.attach(trigger, "dobj") + [
            g for c in trigger.children if c.dep_ in ("oprd", "ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
        first = trigger.sent.start
        if first > 0:
            first = ctx.doc[first - 1].sent.start  # the sentence before too
        for noun in nouns:
            # "condemned the tariffs imposed by Washington": the agent of the act noun's participle
            agent = next((m for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                          for p in self.args.prep_objects(c, "by") for m in self.args.actors(ctx, p)
                          if m.country != s.country), None)
            if agent is not None:
                return agent
            if noun.lower_ == "it" and noun.dep_ in ("dobj", "obj") and trigger.dep_ == "conj":
                # "China's parliament passed a law ..., and Taiwan condemned it": the act of the clause joined before
                found = self.args.subject_actors(ctx, trigger.head)
                author = next((m for m in found if m.country != s.country), None)
                if author is not None:
                    return author
            if noun.i == 0 or ctx.doc[noun.i - 1].lower_ not in ("the", "this", "these", "those"):
                continue
            lemma = noun.lemma_.lower()
            for j in sorted((j for j in ctx.entries if first <= j < noun.i and j != trigger.i), reverse=True):
                tok, entry = ctx.doc[j], ctx.entries[j]
                named = tok.lemma_.lower() == lemma or any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == lemma
                                                            for c in tok.children)  # "conducted a nuclear test"
                if not named and (lemma not in REFERRING_ACT_NOUNS or entry.code[:2] in VERBAL_ROOTS):
                    continue
                governed, inner = ctx.governed.get(j, (None, None))
                args = self.args.find(ctx, tok, entry, governed, inner)
                author = next((m for m in (args.sources if args is not None else []) if m.country != s.country), None)
                if author is not None:
                    return author  # (the object noun of "conducted a test" has no author of its own: its verb has)
        return None

    def _border_target(self, ctx: DocContext, trigger: Token, code: str, s: Mention, t: Mention | None) -> Mention | None:
        """"Chinese troops poured across the border", "launched an offensive across the border": an attack or
        incursion across a border with no target is aimed at the one other country of the sentence."""
        if t is None and code[:2] == "19" and across_border(trigger):
            return next(iter(self.args.posture_target(ctx, trigger, [s])), None)
        return t

    def _implied_target(self, ctx: DocContext, trigger: Token, entry: Trigger, s: Mention,
                        coded: tuple[str, Mention | None] | None) -> tuple[str, Mention | None] | None:
        """The target of a coded pair that the code implies: a show of force or a deployment with no target
        is aimed at the foreign country of the place it is near ("fired missiles into waters off Taiwan");
        "protesters massed in Manila to demand Estrada's resignation": a verb the overrides read as a
        protest for its source (crowds massing, students occupying) takes a protest's aim and target -
        the one protested against, else the government of the country it takes place in."""
        if coded is not None and coded[1] is None and coded[0] in POSTURE_CODES:
            return coded[0], next(iter(self.args.posture_target(ctx, trigger, [s])), None)
        if coded is None or coded[0][:2] != "14" or entry.code[:2] == "14":
            return coded
        code, t = coded
        clauses = self.args.protest_clauses(trigger)
        if clauses and len(code) == 3:
            code = self.overrides.protest_aim(code, clauses)
        if t is None:
            t = next(iter(self.args.protest_target(ctx, clauses, [s])), None)
        return code, t

    @staticmethod
    def _demanded(ctx: DocContext, chain: list[Token]) -> bool:
        """"demanded that Marcos appoint a commission to investigate the killing": an event in what a
        demand or appeal asks for, below the act it governs, is asked for, not done."""
        for k in range(2, len(chain)):
            below, tok = chain[k - 1], chain[k]
            if any(t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in chain[:k]):
                return False  # "demanding that Milosevic recognise ..., and riot police beat them": a clause of its own
            entry = ctx.entries.get(tok.i)
            if entry is not None and entry.code[:2] in ("02", "10") and below.dep_ in ("ccomp", "xcomp"):
                return True
        return False

    def _decided_measure(self, trigger: Token, entry: Trigger, args: Args) -> bool:
        """"EU leaders decided to impose further sanctions": a measure a governing body decides is the act
        ("Britain votes to leave the EU": a country's referendum decides a future step)."""
        return entry.code[:2] in ("09", "16", "17") and trigger.dep_ == "xcomp" \
            and trigger.head.lemma_.lower() in self.tables.words.decision_verbs \
            and any(s.role in ("GOV", "IGO", "LEG") for s in args.sources)

    @staticmethod
    def _agreed_truce(trigger: Token, entry: Trigger, args: Args, governed: str | None) -> bool:
        """"Armenia and Azerbaijan agreed to halt the fighting": parties agreeing together to stop fighting
        agree a ceasefire (0871), no plan of one."""
        return not governed and entry.code in ("087", "0871") and trigger.dep_ == "xcomp" \
            and trigger.head.lemma_.lower() == "agree" and len(args.sources) >= 2

    def _hosts_others(self, trigger: Token, entry: Trigger, args: Args, governed: str | None) -> bool:
        """"hosted a meeting between Putin and Zelensky": hosting the talks of two others is mediation."""
        if governed or entry.code[:3] != "043":
            return False
        if len(args.between) >= 2:
            return True
        return any(sum(1 + len(b.conjuncts) for b in self.args.prep_objects(o, "between")) >= 2
                   for o in trigger.children if o.dep_ in ("dobj", "obj"))

    @staticmethod
    def _joint_exercise(entry: Trigger, args: Args, governed: str | None) -> str | None:
        """"Philippines, U.S. launch military drills", "American and South Korean troops began exercises":
        exercises held together by the forces of several states are military cooperation among them (062)."""
        if governed or entry.code[:3] != "150" or args.targets or args.between \
                or len({s.country for s in args.sources if s.country}) < 2:
            return None
        args.targets = list(args.sources)
        return "062"

    def _attempt_on_leader(self, ctx: DocContext, trigger: Token, st: Coding,
                           pairs: list[tuple[Mention, Mention | None]]) -> str:
        """"guerrillas tried to kill him", "attempted to assassinate the president": an attempt on a
        leader's life is the act of an attempted assassination (185), not an intent."""
        if trigger.dep_ != "xcomp" or trigger.head.lemma_.lower() not in ATTEMPT_VERBS or st.negated \
                or not all(t is not None and self.overrides.leader_attack(ctx, trigger, "190", t) in ("185", "186")
                           for _, t in pairs):
            return ""
        st.intent = st.threat = st.hypothetical = False
        return "185"

    def _event_noun_subject(self, trigger: Token, entry: Trigger, st: Coding, flags: Flags) -> bool:
        """An event noun that is the subject of its clause, or the of-phrase of its subject ("a new round
        of talks could take place"), as `trigger` (False: no event)."""
        w = self.tables.words
        if any(a.dep_ == "aux" and a.lower_ in w.modals and a.lower_ not in w.future for a in trigger.head.children):
            return False  # "a US strike on Afghanistan could destabilise ...": an event that might happen
        if self.overrides.broke_down(trigger, entry):
            st.code = "164"  # "talks between X and Y broke down"
        elif self.modality.due_to(trigger, flags) or any(
                a.dep_ == "aux" and a.lower_ in w.future for a in trigger.head.children):
            st.intent = True  # "talks are due to resume", "talks will open in Geneva on Thursday"
        return True

    @staticmethod
    def _dedupe(events: list[CodedEvent]) -> list[CodedEvent]:
        """One event per sentence, actor pair, code and flags: "arrived in Havana ..., the first visit to
        Cuba by an American secretary of state" tells one visit twice."""
        seen: set[tuple[int, str, str, str, bool, bool]] = set()
        out = []
        for ev in events:
            key = (ev.trigger.sent.start, ev.source.code, ev.target.code if ev.target else "-", ev.code,
                   ev.negated, ev.hypothetical)
            if key not in seen:
                seen.add(key)
                out.append(ev)
        return out
