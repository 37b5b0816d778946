"""Stage 3: code who did what to whom from the dependency parse, with the lexicon in streams/data/.

For every trigger (a verb or event noun in event_lexicon.tsv) the coder finds the source
(subject, passive agent, possessor, the subject of a controlling verb: "plans to meet") and the
target (the attachment points the lexicon row names: direct object, "with", "on", ...), expands
coordinated actors, makes reciprocal pairs, and sets the negated / hypothetical flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from streams.extraction.actors import Mention
from streams.extraction.lexicon import Lexicon, Trigger

MODALS = {"would", "could", "might", "may", "should", "will", "shall", "can", "'d", "'ll", "wo", "ca"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
SUBJ = ("nsubj", "csubj")
RELATIVE = {"who", "which", "that", "whom"}


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
        self.intent = lex.modal_words("intent")
        self.threat = lex.modal_words("threat")
        self.negation = lex.modal_words("negation")
        self.hypo = lex.modal_words("hypothetical") | MODALS
        self.report = lex.modal_words("report")
        self.plan_nouns = lex.modal_words("plan_noun")

    # -- mention lookup ---------------------------------------------------------------------------
    def _actors(self, token: Token | None, by_root: dict[int, Mention], by_token: dict[int, Mention]) -> list[Mention]:
        """Mentions at a token and its coordinated tokens ("Russia and China")."""
        if token is None:
            return []
        out: list[Mention] = []
        for t in [token, *token.conjuncts]:
            m = by_root.get(t.i) or by_token.get(t.i)
            if m is None:
                # "condemned Russia's invasion": the actor behind an event noun
                for child in t.children:
                    if child.dep_ == "poss":
                        out.extend(self._actors(child, by_root, by_token))
                # "the leaders of Russia and China": look through the head noun
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for pobj in prep.children:
                            out.extend(self._actors(pobj, by_root, by_token))
                for child in t.children:
                    if child.dep_ == "appos":
                        mm = by_root.get(child.i)
                        if mm:
                            out.append(mm)
            elif m not in out:
                out.append(m)
        return out

    # -- arguments ---------------------------------------------------------------------------------
    def _controller(self, verb: Token) -> Token:
        """Climb xcomp/conj links to the verb that has the subject ('Kim plans to meet')."""
        cur = verb
        for _ in range(4):
            if any(c.dep_ in (*SUBJ, "nsubjpass") for c in cur.children):
                return cur
            if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and cur.head.i != cur.i:
                if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                    return cur
                cur = cur.head
            else:
                break
        return cur

    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """(subject token, passive?) for a verb."""
        ctrl = self._controller(verb)
        for c in ctrl.children:
            if c.dep_ in SUBJ:
                if c.lower_ in RELATIVE and ctrl.dep_ == "relcl":
                    return ctrl.head, False
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if ctrl.dep_ == "relcl":
            return ctrl.head, False
        if ctrl.dep_ == "acl" and ctrl.head.pos_ in ("NOUN", "PROPN"):
            # "Kim's plans to meet Putin": the possessor of the plan noun
            for c in ctrl.head.children:
                if c.dep_ == "poss":
                    return c, False
        return None, False

    @staticmethod
    def _prep_objects(token: Token, prep: str) -> list[Token]:
        out = []
        for c in token.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
                out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
        return out

    def _attach(self, token: Token, rule: str, verb_for_dobj: Token | None = None) -> list[Token]:
        if rule == "dobj":
            return [c for c in token.children if c.dep_ in ("dobj", "obj")]
        if rule == "dative":
            return [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"] + self._prep_objects(token, "to")
        if rule.startswith("pobj:"):
            prep = rule.split(":", 1)[1]
            found = self._prep_objects(token, prep)
            for c in token.children:  # "imposed sanctions on Russia": the prep may hang on the object
                if c.dep_ in ("dobj", "obj", "attr"):
                    found += self._prep_objects(c, prep)
            return found
        if rule == "poss":
            return [c for c in token.children if c.dep_ == "poss"]
        return []

    # -- flags -------------------------------------------------------------------------------------
    def _chain(self, trigger: Token) -> list[Token]:
        """The trigger and the verbs that govern it through control or complement links."""
        chain = [trigger]
        cur = trigger
        for _ in range(4):
            if cur.dep_ in ("xcomp", "ccomp", "conj", "pcomp", "acl", "advcl", "dobj", "pobj", "relcl") and cur.head.i != cur.i:
                cur = cur.head
                chain.append(cur)
                if cur.dep_ == "prep":
                    continue
            else:
                break
        return chain

    def _flags(self, trigger: Token, chain: list[Token]) -> tuple[bool, bool, bool, bool, Token | None]:
        """negated, hypothetical, intent, threat, reporter-verb."""
        negated = hypothetical = intent = threat = False
        reporter = None
        for i, tok in enumerate(chain):
            kids = list(tok.children)
            top = i > 0
            if any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids):
                negated = True if not (reporter is not None) else negated
            if top and tok.lemma_.lower() in self.negation and tok.pos_ == "VERB":
                negated = True
            if any(c.dep_ == "aux" and (c.lower_ in self.hypo or c.tag_ == "MD") for c in kids):
                hypothetical = True
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
                hypothetical = True
            lemma = tok.lemma_.lower()
            if top and lemma in self.intent and chain[i - 1].dep_ in ("xcomp", "acl", "ccomp", "pcomp", "dobj"):
                intent = hypothetical = True
            if top and lemma in self.plan_nouns and tok.pos_ == "NOUN":
                intent = hypothetical = True
            if top and lemma in self.threat:
                threat = hypothetical = True
            if top and lemma in self.report and tok.pos_ == "VERB" and reporter is None:
                reporter = tok
            if tok.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in kids):
                hypothetical = True
        return negated, hypothetical, intent, threat, reporter

    # -- triggers ----------------------------------------------------------------------------------
    def _entry(self, token: Token) -> Trigger | None:
        if token.pos_ in ("VERB", "AUX"):
            pos = "VERB"
        elif token.pos_ in ("NOUN", "PROPN"):
            pos = "NOUN"
        else:
            return None
        lemma = token.lemma_.lower()
        particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
        candidates: list[Trigger] = []
        for prt in particles:
            candidates += self.lex.triggers.get((f"{lemma} {prt}", pos), [])
        candidates += self.lex.triggers.get((lemma, pos), [])
        if pos == "NOUN" and lemma != token.lower_:
            candidates += self.lex.triggers.get((token.lower_, pos), [])
        if not candidates:
            return None
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "obj", "attr", "nsubjpass")}
        for entry in candidates:
            if entry.objects:
                if objects & entry.objects:
                    return entry
            else:
                return entry
        return None

    def process(self, doc: Doc, mentions: list[Mention]) -> list[CodedEvent]:
        by_root = {m.root: m for m in mentions if m.kind != "place"}
        by_token = {i: m for m in mentions if m.kind != "place" for i in range(m.start, m.end)}
        out: list[CodedEvent] = []
        consumed: set[int] = set()
        for sent in doc.sents:
            if not any(sent.start <= m.root < sent.end for m in mentions):
                continue
            for token in sent:
                if token.i in consumed:
                    continue
                entry = self._entry(token)
                if entry is None:
                    continue
                if entry.objects:
                    consumed.update(c.i for c in token.children if c.lemma_.lower() in entry.objects)
                events = self._code(token, entry, sent, by_root, by_token)
                out.extend(events)
        return out

    def _code(self, trigger: Token, entry: Trigger, sent: Span,
              by_root: dict[int, Mention], by_token: dict[int, Mention]) -> list[CodedEvent]:
        chain = self._chain(trigger)
        sources: list[Mention] = []
        targets: list[Mention] = []
        between: list[Mention] = []
        if entry.pos == "VERB":
            subj, passive = self._subject(trigger)
            if passive:
                targets = self._actors(subj, by_root, by_token)
                agents = self._prep_objects(trigger, "by")
                sources = [m for a in agents for m in self._actors(a, by_root, by_token)]
            else:
                sources = self._actors(subj, by_root, by_token)
        else:
            for c in trigger.children:
                if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < trigger.i):
                    sources += self._actors(c, by_root, by_token)
            for a in self._prep_objects(trigger, "by"):
                sources += self._actors(a, by_root, by_token)
            for b in self._prep_objects(trigger, "between") + self._prep_objects(trigger, "among"):
                between += self._actors(b, by_root, by_token)
            if not sources and trigger.dep_ in ("dobj", "obj", "attr", "pobj", "nsubjpass", "conj"):
                head = trigger.head
                while head.dep_ in ("prep", "conj") and head.head.i != head.i:
                    head = head.head
                if head.pos_ in ("VERB", "AUX"):
                    subj, passive = self._subject(head)
                    if not passive:
                        sources = self._actors(subj, by_root, by_token)
                    chain = chain + [t for t in self._chain(head) if t not in chain]
        if not targets:
            for rule in entry.targets:
                found = [m for t in self._attach(trigger, rule) for m in self._actors(t, by_root, by_token)]
                if found:
                    targets = found
                    break
        if entry.pos == "NOUN" and not targets and trigger.dep_ in ("dobj", "obj") and trigger.head.pos_ == "VERB":
            for rule in entry.targets:  # "held talks with Y": the prep hangs on the light verb
                found = [m for t in self._attach(trigger.head, rule) for m in self._actors(t, by_root, by_token)]
                if found:
                    targets = found
                    break
        pairs: list[tuple[Mention, Mention | None]] = []
        if between and len(between) >= 2 and not sources:
            pairs = [(a, b) for a in between for b in between if a is not b]
        elif between and sources:
            pairs = [(s, b) for s in sources for b in between if b is not s]
        elif sources:
            if targets:
                pairs = [(s, t) for s in sources for t in targets if s.code != t.code or s is not t]
            elif len(sources) >= 2 and entry.code[:2] in RECIPROCAL_ROOTS:
                pairs = [(a, b) for a in sources for b in sources if a is not b]
            else:
                pairs = [(s, None) for s in sources]
        if not pairs:
            return []
        negated, hypothetical, intent, threat, report_verb = self._flags(trigger, chain)
        code = entry.code
        if intent or threat:
            if entry.intent_code:
                code = entry.intent_code
            elif threat or int(entry.code[:2]) >= 10:
                code = "130" if int(entry.code[:2]) >= 10 else "030"
            else:
                code = "030"
        reporter = None
        if report_verb is not None:
            subj, _ = self._subject(report_verb)
            rep = self._actors(subj, by_root, by_token)
            reporter = rep[0] if rep else None
        out = []
        for s, t in pairs:
            if t is not None and s.code == t.code and s.root == t.root:
                continue
            out.append(CodedEvent(trigger, entry, code, s, t, negated, hypothetical, intent or threat, reporter, sent,
                                  specificity=len(code)))
        return out
