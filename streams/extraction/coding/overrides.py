"""Codes that change with the actors or the context of an event.

The family table (an appeal, demand or refusal takes its code from the event it governs), the code
overrides per source / target pair (streams/data/coder/overrides.tsv: 152 -> 151 for police, 141 -> 114
for governments, 195 -> 150 for a launch at no target), and the rules that read the sentence: talks
that broke down (164), the bombing type of an attack's subject (183x), the aim of a protest (14xy),
a meeting in a third country (044), the country of an attacked or visited place.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from streams.extraction.actors import BODY_NOUNS, BUILDING_NOUNS, PART_NOUNS, Mention
from streams.extraction.coding.context import DocContext
from streams.extraction.coding.tables import CIVILIAN_ROLES, NO_EVENT, CoderTables, load_coder_tables
from streams.extraction.lexicon import Lexicon, Trigger

TRADE_NOUNS = frozenset({"import", "export", "good", "product", "shipment", "trade"})  # a ban on these is an embargo
ARRIVAL_VERBS = frozenset({"arrive", "land", "reach", "deploy", "come", "go"})  # forces arriving: sent, not visiting
LANDING_WEAPONS = frozenset({"missile", "rocket", "shell", "mortar", "bomb", "projectile", "grenade"})
DEPARTURE_VERBS = frozenset({"leave", "withdraw", "pull", "quit"})  # forces leaving: a retreat
FORCES_ENTERING = "forces entering"  # the note of the lexicon rows coded only for forces entering a country
ATTACK_ROOTS = {"18", "19", "20"}
DIPLOMAT_WORDS = frozenset({"ambassador", "envoy", "diplomat", "diplomats", "attache", "consul", "chargé", "charge"})
LEADER_ROLES = frozenset({"GOV", "ELI", "OPP"})  # the roles whose named holders can be assassinated
# the leader of any body, a rebel group too ("killed a senior FARC commander", "the Hamas leader")
GROUP_LEADER_NOUNS = frozenset({"leader", "commander", "chief", "founder", "emir", "chairman"})

# nouns for the ground of a country ("Iranian territory", "Syrian soil")
GROUND_NOUNS = frozenset({"territory", "soil", "airspace", "waters", "land", "side", "border", "frontier", "island"})
NATIONAL_GROUND = PART_NOUNS | GROUND_NOUNS  # "the Iranian province of X", "Syrian territory"


# the size of a crowd of victims: "hundreds of villagers", "tens of thousands of refugees"
COUNT_WORDS = {"dozens": 24, "hundreds": 100, "thousands": 1000, "millions": 1_000_000, "hundred": 100, "thousand": 1000,
               "million": 1_000_000}  # ("half a million civilians": the nummod "million")
MASS_KILLING = 100  # people killed at once: a mass killing (202)
MASS_EXPULSION = 1000  # people driven out at once: a mass expulsion (201)
KILL_CODES = frozenset({"180", "190", "1823"})
EXPULSION_VERBS = frozenset({"expel", "deport", "force"})


def number(tok: Token) -> int | None:
    """The value of a number token ("200", "25,000") or a count word ("hundreds")."""
    if tok.lower_ in COUNT_WORDS:
        return COUNT_WORDS[tok.lower_]
    text = tok.text.replace(",", "")
    return int(text) if text.isdigit() else None


def headcount(obj: Token) -> int:
    """How many people an object counts: "more than 200 villagers", "hundreds of civilians", "tens of
    thousands of refugees" (0 when it counts none)."""
    count = number(obj) or max((number(c) or 0 for c in obj.children if c.dep_ == "nummod"), default=0)
    if obj.lower_ == "tens":  # "tens of thousands"
        count = 10 * max((number(p) or 0 for g in obj.children if g.dep_ == "prep" and g.lower_ == "of"
                          for p in g.children if p.dep_ == "pobj"), default=0)
    return count


def family_code(intent_code: str, family: str) -> str | None:
    """Map an intent code (03 family) to the parallel appeal (02), demand (10) or refusal (12) code
    (streams/data/coder/family_codes.tsv)."""
    return load_coder_tables().family_code(intent_code, family)


def intent_code(entry: Trigger) -> str:
    """The intent (03) code of what an entry's event plans: its intent code, its own 03 code, or 030."""
    if entry.intent_code:
        return entry.intent_code
    if entry.code.startswith("03"):
        return entry.code
    return "030" if int(entry.code[:2]) < 10 else ""


class Overrides:
    def __init__(self, lex: Lexicon, tables: CoderTables) -> None:
        self.lex = lex
        self.tables = tables
        self.w = tables.words
        self.aims = {kind[-1]: lex.modal_words(name) for kind, name in
                     (("1", "aim_leadership"), ("2", "aim_policy"), ("3", "aim_rights"), ("4", "aim_regime"))}

    def broke_down(self, trigger: Token, entry: Trigger) -> bool:
        """'talks between X and Y broke down / collapsed': a talks noun as the subject of a breakdown verb."""
        verb = trigger.head
        lemma = verb.lemma_.lower()
        return entry.code[:2] == "04" and (lemma in self.w.breakdown_verbs or lemma == "break" and any(
            c.dep_ == "prt" and c.lower_ == "down" for c in verb.children))

    @staticmethod
    def bombing_type(ctx: DocContext, trigger: Token, code: str, subject: Token | None = None) -> str:
        """'a roadside bomb hit', 'a suicide bomber struck': the bombing type of the attack's subject (as the
        coder found it: "LASHKAR GAH, Jul 10 - A roadside bomb ... killed"), or of the attack it was done in
        ("killed eight soldiers in two roadside bomb attacks")."""
        for c in [*trigger.children, *([subject] if subject is not None else [])]:
            sub = ctx.entries.get(c.i)
            if (c.dep_ == "nsubj" or c is subject) and sub is not None and sub.code.startswith("183"):
                code = sub.code
            elif c.dep_ == "nsubj" and sub is not None and sub.code in ("194", "195") and code in ("180", "182", "190"):
                code = sub.code  # "an Israeli air strike wounded two children": the strike is the attack
            if c.dep_ == "prep" and c.lower_ in ("in", "with", "by"):
                for p in c.children:
                    kinds = [ctx.entries[m.i].code for m in [p, *p.lefts] if m.i in ctx.entries]
                    if p.dep_ == "pobj" and any(k.startswith("183") for k in kinds):
                        code = next(k for k in kinds if k.startswith("183"))
        return code

    def protest_aim(self, code: str, clauses: list[Token]) -> str:
        """A protest for leadership change, policy change, rights or regime change (14x1 .. 14x4)."""
        words = {t.lemma_.lower() for c in clauses for t in c.subtree}
        for digit, aim in self.aims.items():
            if words & aim and code + digit in self.lex.cameo:
                return code + digit
        return code

    def third_place(self, ctx: DocContext, trigger: Token, pairs: list[tuple[Mention, Mention | None]]) -> bool:
        """A meeting in a third country or on the sidelines of a summit (CAMEO 044); "held talks in Geneva"
        is one, "discussed the crisis in Myanmar" is not (the place of a topic)."""
        own = {m.country for p in pairs for m in p if m is not None}
        preps = [c for c in trigger.children if c.dep_ == "prep"]
        preps += [g for c in trigger.children if c.dep_ in ("dobj", "obj")  # "met Takaichi in Vienna"
                  and (c.lemma_.lower() in self.w.relation_nouns | self.w.gathering_nouns or c.pos_ != "NOUN"
                       or c.i in ctx.by_root)
                  for g in c.children if g.dep_ == "prep"]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "on", "during"):
                continue
            for t in prep.subtree:
                if t.lemma_.lower() == "sideline":
                    return True
                m = ctx.places.get(t.i)
                if m is not None and m.country and m.country not in own:
                    return True
        return False

    def instrument_code(self, ctx: DocContext, code: str, s: Mention, trigger: Token | None = None) -> str:
        """An attack (190, or a bare strike coded 195) whose source or with-phrase names its weapon
        takes the weapon's code: aircraft, missiles and drones are aerial weapons (195), tanks and
        artillery fight with artillery (194). Property destroyed by them (1712: "Israeli jets destroyed
        the reactor") is the same attack."""
        if code not in ("190", "195", "1712"):
            return code
        weapons = [ctx.doc[s.root].lemma_.lower()]
        if weapons[0] == "fighter" and s.role != "MIL":
            weapons = []  # "Taliban fighters attacked": fighters of a group are people, not fighter jets
        if trigger is not None:  # "struck Kharkiv with artillery"
            weapons += [p.lemma_.lower() for w in trigger.children if w.dep_ == "prep" and w.lower_ == "with"
                        for p in w.children if p.dep_ == "pobj"]
            # "a US drone strike killed ...", "artillery fire killed ...": the weapon of an attack noun
            # that is the subject
            weapons += [m.lemma_.lower() for n in trigger.children if n.dep_ == "nsubj" and n.i in ctx.entries
                        for m in n.children if m.dep_ in ("compound", "amod")]
        for head in weapons:
            if head in self.w.artillery_instruments:
                return "194"
            if head in self.w.aerial_instruments:
                return "195"
        return code

    def leader_attack(self, ctx: DocContext, trigger: Token, code: str, t: Mention | None) -> str:
        """Shooting, stabbing or killing a named person of the people tables or a political leader (a
        titled office holder, former leader or opposition leader; not a body such as "the government")
        is an assassination (186) when they die ("shot dead", "killed"), else an attempted one (185)."""
        if t is None or code[:2] not in ("18", "19") or code in ("185", "186") \
                or trigger.lemma_.lower() not in self.w.assault_verbs \
                or not (t.kind == "person" or t.kind in ("descriptor", "context") and t.role in LEADER_ROLES
                        or t.kind == "org" and ctx.doc[t.root].ent_type_ == "PERSON"  # "Osama bin Laden" (IMG)
                        or ctx.doc[t.root].lemma_.lower() in GROUP_LEADER_NOUNS) \
                or ctx.doc[t.root].lemma_.lower() in BODY_NOUNS or ctx.doc[t.root].tag_ in ("NNS", "NNPS"):
            return code
        words = {trigger.lemma_.lower(), *(c.lemma_.lower() for c in trigger.children if c.dep_ in ("oprd", "acomp", "conj", "advmod", "xcomp"))}
        return "186" if words & self.w.death_words else "185"

    @staticmethod
    def trade_ban(trigger: Token, code: str) -> str:
        """"a ban on Ukrainian grain imports", "an import ban": a ban on trade is an embargo (163), not a
        domestic administrative sanction."""
        if code != "172":
            return code
        bans = [trigger] if trigger.lemma_.lower() == "ban" else [c for c in trigger.children if c.dep_ in ("dobj", "obj")
                                                                  and c.lemma_.lower() == "ban"]
        for ban in bans:
            words = [c for c in ban.children if c.dep_ in ("compound", "amod")] + [
                p for c in ban.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]
            if any(w.lemma_.lower() in TRADE_NOUNS for w in words):
                return "163"
        return code

    @staticmethod
    def mass_scale(ctx: DocContext, trigger: Token, code: str, t: Mention | None) -> str:
        """Killing hundreds of civilians at once is a mass killing (202); expelling thousands is a mass
        expulsion (201). The count is on the verb's object; soldiers or fighters killed stay a fight, a
        toll ("..., killing hundreds") stays the attack it follows, and so does an attack that is the
        subject ("air strikes killed more than 230 people")."""
        if t is None or not (t.role is None or t.role in CIVILIAN_ROLES) or trigger.tag_ == "VBG" \
                or any(c.dep_ == "nsubj" and c.i in ctx.entries for c in trigger.children):
            return code
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        count = max((headcount(o) for o in objects), default=0)
        if code in KILL_CODES and count >= MASS_KILLING:
            return "202"
        if trigger.lemma_.lower() in EXPULSION_VERBS and code[:3] in ("166", "174") and count >= MASS_EXPULSION:
            return "201"
        return code

    def forces_moving(self, ctx: DocContext, trigger: Token, entry: Trigger, code: str, s: Mention,
                      t: Mention | None) -> str:
        """Troops, police or peacekeepers arriving in a country do not visit it: forces sent there
        provide military protection (074); forces leaving a country retreat (0874), they do not "go
        somewhere" (the open dictionary's 040). A single officer who arrives is a visitor, and
        officers who travel or visit are visitors. Forces moving into another country ("swept into
        Kuwait", "entered Cambodia") occupy it (the lexicon's 192); any other mover, or a move within
        one's own country, is no event ("")."""
        root = ctx.doc[s.root]
        forces = s.role in ("MIL", "COP", "PKO") and s.kind in ("descriptor", "context") \
            or s.kind == "org" and self.lex.roles.get(root.lemma_.lower()) in ("MIL", "COP", "PKO")  # "NATO troops"
        lemma = trigger.lemma_.lower()
        if entry.notes.startswith(FORCES_ENTERING):
            foreign = t is not None and t.country != s.country and (
                t.kind in ("country", "place", "capital") or t.kind == "implied" and t.role is None
                or self._national_ground(ctx, t))
            if not foreign and s.role == "COP" and forces:
                return "153"  # "paramilitary police poured into Lhasa": more police power at home
            if not foreign and s.role in ("REB", "INS", "SEP") and t is not None and t.kind in ("place", "capital"):
                return code  # "M23 rebels marched into Goma": rebels entering a town of the state they fight take it
            return code if foreign and (forces or root.lemma_.lower() in self.w.artillery_instruments) else ""
        if code == "042" and lemma in ARRIVAL_VERBS and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in LANDING_WEAPONS for c in trigger.children):
            return ""  # "a rocket landed in southern Israel": where a weapon fell, no visit
        if code == "042" and lemma in ARRIVAL_VERBS and root.tag_ in ("NNS", "NNPS") and forces:
            return "074"
        if code == "042" and lemma in ARRIVAL_VERBS and s.kind == "org" and any(
                c.dep_ == "nsubj" and self.lex.roles.get(c.lemma_.lower()) in ("MIL", "PKO") for c in trigger.children):
            return "074"  # "a peacekeeping force sent by ECOWAS landed in Monrovia": the body's forces
        if lemma in DEPARTURE_VERBS and forces and code[:2] in ("04", "16"):
            return "0874"  # "the last Soviet soldier left Afghanistan", "troops withdrew from Gaza"
        if code in ("153", "154") and t is not None and t.country and t.country != s.country and self._protective(trigger):
            return "074"  # "sent 3,000 troops to Mozambique to protect the pipeline", "at the request of ..."
        return code

    @staticmethod
    def _national_ground(ctx: DocContext, t: Mention) -> bool:
        """"crossed into the Iranian province of Khuzestan", "into Iranian territory": a nationality naming
        the country of the ground it modifies."""
        root = ctx.doc[t.root]
        return t.kind == "demonym" and t.role is None and root.dep_ in ("amod", "compound", "nmod") \
            and root.head.lemma_.lower() in NATIONAL_GROUND

    def _protective(self, trigger: Token) -> bool:
        """A deployment whose purpose is protection or help, or made at the request of the host."""
        for c in trigger.children:
            if self.w.protective(c):
                return True
            if c.dep_ == "prep" and c.lower_ == "at" and any(p.lemma_.lower() == "request" for p in c.children):
                return True
        return False

    def pair_code(self, code: str, entry: Trigger, s: Mention, t: Mention | None, doc: Doc | None = None) -> str:
        """The code overrides of streams/data/coder/overrides.tsv, in file order."""
        kind = None if t is None else t.kind
        if t is not None and kind == "demonym" and t.role is None and doc is not None \
                and doc[t.root].pos_ in ("NOUN", "PROPN") and doc[t.root].dep_ not in ("amod", "compound", "nmod", "poss"):
            kind = "nationals"  # "seized three Americans": people named by their nationality, not their state
        if t is not None and kind in ("descriptor", "context") and t.text.split()[-1].lower() in BUILDING_NOUNS:
            kind = "building"  # "the police station", "the army headquarters": a building, not people
        elif t is not None and kind in ("descriptor", "context") and (t.text.split()[-1].lower() in self.lex.titles or (
                doc is not None and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in doc[t.root].children))):
            kind = "person"  # "welcomed Qatar's emir", "captured its leader, Mohammed Yusuf": a person
        for o in self.tables.overrides:
            if o.applies(code, entry.lemma, s.kind, s.role, kind, None if t is None else t.role):
                code = o.new_code
                if code == NO_EVENT:
                    break
        return code

    def pair(self, code: str, entry: Trigger, s: Mention, t: Mention | None,
             doc: Doc | None = None) -> tuple[str, Mention | None] | None:
        """The code and target of one source / target pair (None: the pair is no event)."""
        if code == "042" and t is not None and t.kind in ("place", "capital", "country") and t.country == s.country:
            return None  # returning home is not a visit
        if code == "0874" and t is not None and t.country == s.country and t.role in ("MIL", "COP", None) \
                and t.kind in ("descriptor", "context", "demonym"):
            t = None  # "Trump pulled U.S. troops back from the border": one's own troops are not a target
        if code == "153" and t is not None and t.kind in ("place", "capital", "country") and t.country == s.country:
            t = None  # "police poured into Lhasa": police sent within their own country act on no one
        if code == "0831" and t is not None and t.country == s.country and t.role in ("GOV", "ELI", None) \
                and s.role in ("GOV", "ELI", None):
            return None  # "resigned as Zimbabwe's president": leaving one's own office yields to no one named
        code = self.pair_code(code, entry, s, t, doc)
        if code == NO_EVENT:
            return None  # "died at a French military hospital": a reading of the verb that is no event
        if code == "166" and t is not None and DIPLOMAT_WORDS & set(t.text.lower().split()):
            code = "161"  # "ordered the French ambassador to leave": diplomats expelled (reduce relations)
        if t is not None and t.kind in ("capital", "place") and t.country and (
                code[:2] in ATTACK_ROOTS or "042" in (code, entry.code) or code == "015"):
            # a place attacked or visited is the country, and so is the place of an attack claimed
            t = replace(t, code=t.country, role=None)
        if t is not None and t.kind == "place" and not (code[:2] in ATTACK_ROOTS or code in ("042", "036")):
            t = replace(t, code=t.country or t.code, role=None)
        if t is not None and s.code == t.code and entry.code[:2] in ATTACK_ROOTS and s.kind == t.kind:
            return None
        return code, t
