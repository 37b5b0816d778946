"""Who did it to whom: the source and target actors of a trigger.

The source is the subject (or the passive agent, the possessor of an event noun, the subject of a
controlling verb: "plans to meet"); the target is found at the attachment points the lexicon row names
(direct object, "with", "on", ...), else behind the object ("the village of X"), in an argument position
of the clause, or as implied by the coding rules (a protest targets the government).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from streams.extraction.actors import LAWLESS_ROLES, MONTH_WORDS, Mention
from streams.extraction.coding.chain import chain, circumstance, to_infinitive
from streams.extraction.coding.context import DocContext
from streams.extraction.coding.dictionary import DICTIONARY_NOTE
from streams.extraction.coding.tables import WordSets
from streams.extraction.lexicon import Lexicon, Trigger
from streams.extraction.parsing import dateline_end

SUBJ = ("nsubj", "csubj")
# "the two countries", "both sides": the two actors of different countries named before ("state": states and
# their governments and armies; "person": people, governments and leaders; "any": any actor)
PAIR_NOUNS = {"country": "state", "nation": "state", "neighbour": "state", "neighbor": "state", "state": "state",
              "government": "state", "rival": "any", "side": "any", "leader": "person", "man": "person",
              "president": "person", "premier": "person"}
# a country owned by a pronoun ("invaded his country", "violated its airspace")
OWNED_COUNTRY_NOUNS = frozenset({"country", "nation", "homeland", "territory", "soil", "airspace"})
# definite descriptions of a state in wire copy ("the Gulf state", "the kingdom", "the island")
STATE_DESCRIPTIONS = frozenset({"state", "kingdom", "republic", "island", "emirate", "enclave"})
# "joined Britain in condemning the attack", "followed the US in imposing sanctions": the gerund under
# "in" is done by the subject of these verbs
JOINING_VERBS = frozenset({"join", "follow"})
MEASURE_NOUNS = frozenset({"sanction", "embargo", "ban", "restriction", "tariff", "curfew", "blockade", "measure"})
TOLL_VERBS = frozenset({"kill", "wound", "injure", "maim"})  # "..., killing six soldiers"
CONDUCT_NOUNS = frozenset({"conduct", "role", "action", "actions", "involvement", "behaviour", "behavior"})
# definite descriptions of a town ("the city centre", "suburbs of the capital")
PLACE_DESCRIPTIONS = frozenset({"city", "town", "capital"})
# definite descriptions of an international body ("the bloc", "the alliance")
BODY_DESCRIPTIONS = frozenset({"bloc", "alliance", "organisation", "organization", "grouping", "body"})
GROUP_DESCRIPTIONS = frozenset({"group", "movement"})  # "the group blamed Israel": a named group, not a body
WATER_NOUNS = frozenset({"sea", "ocean", "gulf", "bay", "strait", "straits", "channel"})
PLACE_TARGET_RULES = {"dobj", "pobj:to", "pobj:on", "pobj:against", "pobj:into", "poss", "pobj:of", "pobj:at", "pobj:from", "pobj:over",
                      "pobj:outside", "pobj:near"}
# the people of a body, ship or group referred to by "its" or "their" ("accusing its crew of ...")
# what drills do with the act they are aimed at ("drills simulating a blockade of Taiwan")
REHEARSAL_VERBS = frozenset({"simulate", "rehearse", "practise", "practice", "mimic"})
OWNED_PEOPLE = frozenset({"crew", "owner", "staff", "employee", "member", "operator", "passenger"})
# the bodies that act for the one a possessive pronoun names ("the prosecutor said her office had opened ...")
OWNED_BODIES = frozenset({"office", "team", "staff", "department", "ministry", "administration", "cabinet", "agency"})
# the roots of acts parties can agree to undertake together ("agreed to reopen a border crossing")
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# verbal acts whose addressee, when they have none, is the one the coordinated verb before them acts on
SPOKEN_ROOTS = frozenset({"01", "02", "03", "05"})
# the families of acts a later definite noun refers back to ("condemned the attack", "rejected the
# demand"), and those determiners
ANTECEDENT_FAMILIES = (frozenset({"17", "18", "19", "20"}), frozenset({"02", "10"}))
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
FALLBACK_NOUN_DEPS = ("poss", "compound", "amod", "nmod", "appos")
PHYSICAL_ROOTS = {"17", "18", "19", "20"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
# nouns for people that name no actor of their own ("detained two men")
PEOPLE_WORDS = frozenset({"man", "woman", "person", "people", "member", "child", "suspect", "youth", "boy", "girl",
                          "citizen", "national", "foreigner", "tourist", "crew", "passenger", "dozen", "hundred"})
MUTUAL_FIGHT_VERBS = frozenset({"fight", "battle", "skirmish"})
SIGNING_VERBS = frozenset({"sign", "initial", "ink"})


@dataclass
class Args:
    """The actors of one trigger, and the governing words its flags are read from."""

    chain: list[Token]
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    between: list[Mention] = field(default_factory=list)
    aim_clauses: list[Token] = field(default_factory=list)
    offered: bool = False  # proposed by the sources to the targets: a reciprocal event is not mirrored


def purpose_clause(verb: Token) -> bool:
    """A purpose clause: a "to" infinitive without its own subject ("met in Budapest to prepare a summit")."""
    return verb.pos_ in ("VERB", "AUX") and to_infinitive(verb) \
        and not any(a.dep_ in (*SUBJ, "nsubjpass") for a in verb.children)


def sentence_before(token: Token) -> Span | None:
    """The sentence before the one a token is in (None: it is in the first)."""
    start = token.sent.start
    return token.doc[start - 1].sent if start > 0 else None


def named_before(ctx: DocContext, token: Token, previous_sentence: bool = False,
                 places: dict[int, Mention] | None = None) -> Iterator[Mention]:
    """The actor mentions rooted before a token, nearest first: in its sentence, and with
    `previous_sentence` in the sentence before too; with `places`, the places named there first."""
    before = sentence_before(token) if previous_sentence else None
    first = before.start if before is not None else token.sent.start
    for i in range(token.i - 1, first - 1, -1):
        m = (places.get(i) if places is not None else None) or ctx.by_root.get(i)
        if m is not None:
            yield m


def of_holder(token: Token) -> Token | None:
    """The noun that holds a token through "of" ("a campaign of ethnic cleansing", "six years of
    mediation"), or None."""
    return token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None


# shows of force and deployments aimed at the country of the place they are near (Arguments.posture_target)
POSTURE_CODES = frozenset({"150", "154"})
POSTURE_PREPS = frozenset({"around", "off", "near", "toward", "towards", "along", "into", "within", "across",
                           "outside"})  # and "to" a border
FRONTIER_NOUNS = frozenset({"border", "frontier", "island", "coast", "waters", "strait"})
NAMING_VERBS = frozenset({"call", "know", "name"})  # "a group calling itself X", "militias known as X"
INQUIRY_BODIES = frozenset({"commission", "committee", "panel", "board", "team", "mission"})  # "a commission of inquiry"
HOLDING_VERBS = frozenset({"hold", "control", "occupy", "man", "run", "use"})  # "positions held by X"
ORIGIN_VERBS = frozenset({"import", "buy", "purchase", "ship", "export", "send"})  # "goods imported from X"


def joining_verb(token: Token) -> Token | None:
    """The verb of "joined X in V-ing" (or "followed X in") a gerund hangs on, or None."""
    if token.dep_ == "pcomp" and token.head.lower_ == "in" and token.head.head.lemma_.lower() in JOINING_VERBS:
        return token.head.head
    return None


def misparsed_conjuncts(token: Token) -> list[Token]:
    """'President Lee Jae-myung and Chancellor Merz spoke' parsed with 'Lee Jae-myung' as a modifier of
    'Merz' and 'and Chancellor' hanging from it: a modifier of a name that has its own 'and' is a
    coordinated actor."""
    if token.pos_ != "PROPN":
        return []
    # "kidnapped an American, a Briton, a Bulgarian and a Honduran": a list read as an apposition with
    # conjuncts of its own
    listed = [g for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.conjuncts
              and any(x.dep_ == "cc" and x.lower_ == "and" for cj in (c, *c.conjuncts) for x in cj.children)
              for g in (c, *c.conjuncts)]
    return listed + [c for c in token.lefts if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                     and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)]


def misparsed_possessor(noun: Token) -> Token | None:
    """'Kim Jong Un's reported plans to meet ...' parsed as 'Kim Jong Un reported plans': a subject that
    carries the possessive 's is the possessor of the verb's object, and the verb is its modifier."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.tag_ not in ("VBD", "VBN") or verb.i != noun.i - 1:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and any(g.dep_ == "case" and g.lower_ in ("'s", "’s", "'") for g in c.children)), None)


# particles the parser reads as prepositions in headlines ("Breaks Off Relations With Mauritania")
PARTICLES = frozenset({"off", "up", "out", "down"})


def implied(lex: Lexicon, country: str, role: str) -> Mention:
    """An actor the coding rules imply without naming it (the government a protest targets)."""
    name = lex.countries[country].name
    return Mention(-1, -1, -1, country + role, country, role, name, "implied", name, -1, -1)


INSURGENT_ROLES = frozenset({"REB", "SEP", "INS"})  # armed groups that fight the government of their country
# verbs that make a truce or an accord (not "respect" or "violate" it)
TRUCE_MAKING_VERBS = frozenset({"sign", "agree", "declare", "announce", "accept", "conclude", "initial", "reach"})
# nouns whose of-phrase names who acts: "talks under the auspices of IGAD", "under the aegis of the UN"
SPONSOR_NOUNS = frozenset({"auspices", "auspex", "aegis"})  # the lemmatiser makes "auspices" "auspex"
# international courts a lawsuit is filed at, and the verbs of the accusation it brings
COURT_CODES = frozenset({"IGOICJ", "IGOICC", "IGOWCT"})
ACCUSING_VERBS = frozenset({"accuse", "charge", "allege"})
# nouns that sum up the act of the main clause ("..., a decision condemned by the United States")
JUDGED_ACT_NOUNS = frozenset({"decision", "move", "step", "measure", "visit", "trip", "plan", "announcement", "act",
                              "action", "ban", "order", "policy", "law", "ruling", "deployment", "decree"})
# "the chances of a settlement with X looked slim": a speaker's assessment of prospects with another party
PROSPECT_NOUNS = frozenset({"chance", "prospect", "outlook", "likelihood", "odds"})
# adjectives of the lexicon that comment only on prospects ("slim", "bleak", "close to zero"); elsewhere
# ("the village is remote") they are no comment
PROSPECT_ADJECTIVES = frozenset({"slim", "bleak", "remote", "dim", "grim", "poor", "close", "bright", "good", "excellent"})


class Arguments:
    def __init__(self, lex: Lexicon, words: WordSets) -> None:
        self.lex = lex
        self.w = words
        self.intent = lex.modal_words("intent")
        self.report = lex.modal_words("report")
        self.threat_words = lex.modal_words("threat")
        self.plan_nouns = lex.modal_words("plan_noun")
        self.claim_nouns = lex.modal_words("claim_noun") | {"charge"}
        self.non_agent = lex.modal_words("non_agent")
        self.partner_nouns = words.relation_nouns | words.border_nouns

    # -- mention lookup ---------------------------------------------------------------------------
    def actors(self, ctx: DocContext, token: Token | None, places: dict[int, Mention] | None = None,
               depth: int = 0) -> list[Mention]:
        """Mentions at a token and its coordinated tokens ("Russia and China"); for targets also the
        actor behind a noun ("Hezbollah targets", "the outskirts of Gaza City", "Iran's nuclear sites")."""
        if token is None:
            return []
        out: list[Mention] = []
        coordinated = [token, *token.conjuncts, *misparsed_conjuncts(token)]
        if token.sent.start == 0 and any(t.i < token.i for t in coordinated):
            end = dateline_end(token.doc)  # "ARAVA, Israel, Oct 26 - Rabin and Majali signed": not Israel
            if end and token.idx >= end:
                coordinated = [t for t in coordinated if t.idx >= end]
        for t in coordinated:
            m = ctx.by_root.get(t.i) or ctx.by_token.get(t.i)
            if m is None and places is not None:
                m = places.get(t.i)
            if m is not None:
                if m not in out:
                    out.append(m)
                out.extend(x for x in self._shared(ctx, t, m) if x not in out)
                continue
            pair = self.the_two(ctx, t) or self.described_state(ctx, t) or self.described_body(ctx, t) \
                or self.owned_country(ctx, t) or (self.described_place(ctx, t) if places is not None else [])
            if not pair and t.lower_ in ("he", "she") and len(coordinated) > 1:
                pair = self.antecedent(ctx, t)  # "he and Greek Prime Minister Mitsotakis signed a declaration"
            if pair:
                out.extend(x for x in pair if x not in out)
                continue
            if depth >= 2:
                continue
            for mm in self._behind(ctx, t, places, depth):
                if mm not in out:
                    out.append(mm)
        return out

    def the_two(self, ctx: DocContext, t: Token) -> list[Mention]:
        """"the two countries", "both sides", "the two leaders": the last two actors of different
        countries named before the phrase, in its sentence or the one before; "the two Koreas" both Koreas."""
        lemma = t.lemma_.lower()
        if (lemma not in PAIR_NOUNS and t.lower_ != "koreas") \
                or not any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in ("two", "both") for c in t.children):
            return []
        if t.lower_ == "koreas":
            return [implied(self.lex, "PRK", ""), implied(self.lex, "KOR", "")]
        kind = PAIR_NOUNS[lemma]
        found: list[Mention] = []
        for m in named_before(ctx, t, previous_sentence=True):
            if any(f.country == m.country and (f.country or f.code == m.code) for f in found) \
                    or kind == "state" and (not m.country or m.role not in (None, "GOV", "MIL")) \
                    or kind == "person" and not (m.kind == "person" or m.role in ("GOV", "ELI", "OPP")
                                                 and m.kind not in ("metonym", "capital")):  # (not "a White House dinner")
                continue
            found.append(m)
            if len(found) == 2:
                return found[::-1]
        return []

    def owned_country(self, ctx: DocContext, t: Token) -> list[Mention]:
        """"since Russia invaded his country": a country owned by "his" or "her" is the country of the nearest
        person named before it ("its" is left alone: "his country would defend its territory")."""
        if t.lemma_.lower() not in OWNED_COUNTRY_NOUNS or t.dep_ in SUBJ or not any(
                c.dep_ == "poss" and c.lower_ in ("his", "her") for c in t.children):
            return []
        doc = ctx.doc
        for m in named_before(ctx, t, previous_sentence=True):
            if m.country and m.country in self.lex.countries and (
                    m.kind == "person" or m.kind == "descriptor" and doc[m.root].tag_ == "NN"):
                return [implied(self.lex, m.country, "")]
        return []

    def described_state(self, ctx: DocContext, t: Token) -> list[Mention]:
        """"accusing the Gulf state of ...", "the kingdom and its allies", "the island": a definite
        description of a state refers to the nearest country named before it, in its sentence or the one
        before, other than the subject of its own clause."""
        if t.lemma_.lower() not in STATE_DESCRIPTIONS or t.pos_ != "NOUN" or t.dep_ == "poss" \
                or t.lemma_.lower() == "state" and not any(c.dep_ in ("amod", "compound") for c in t.children) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                or any(c.dep_ in ("poss", "prep", "compound") and (c.dep_ != "prep" or c.lower_ == "of" and any(
                           p.pos_ == "PROPN" for p in c.children))  # ("the Kingdom of Bahrain"; not "accusing the
                       # kingdom of hostile actions", its of-phrase the accusation's)
                       and not (c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in ctx.by_token) for c in t.children):
            return []
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        own = {ctx.by_root[c.i].country for c in (verb.children if verb is not None else []) if c.dep_ in SUBJ
               and c.i in ctx.by_root and c.i != t.i}
        return next(([m] for m in named_before(ctx, t, previous_sentence=True)
                     if (m.kind in ("country", "capital") or m.role == "GOV") and m.country and m.country not in own), [])

    @staticmethod
    def described_place(ctx: DocContext, t: Token) -> list[Mention]:
        """"shelled the city centre", "suburbs of the capital": where places count, a definite description
        of a town is the nearest place named before it, in its sentence or the one before."""
        head = t.head if t.dep_ == "compound" and t.head.pos_ == "NOUN" else t  # "the city centre"
        if t.lemma_.lower() not in PLACE_DESCRIPTIONS or t.pos_ != "NOUN" \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
                or any(c.dep_ in ("poss", "compound", "amod") for c in t.children):
            return []
        return next(([m] for m in named_before(ctx, t, previous_sentence=True, places=ctx.places)
                     if m.kind in ("place", "capital")), [])

    @staticmethod
    def described_body(ctx: DocContext, t: Token) -> list[Mention]:
        """"accusing the bloc of imposing illegal sanctions", "the alliance said": a definite description of
        an international body refers to the nearest one named before it, in its sentence or the one before;
        "the group" and "the movement" to the nearest named group."""
        lemma = t.lemma_.lower()
        if lemma not in BODY_DESCRIPTIONS | GROUP_DESCRIPTIONS or t.pos_ != "NOUN" \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                or any(c.dep_ in ("poss", "compound", "amod") or c.dep_ == "prep" and c.lower_ == "of"
                       and any(p.dep_ == "pobj" for p in c.children) for c in t.children):
            return []  # "the group of seven", not "accused the group of carrying out"
        if lemma in GROUP_DESCRIPTIONS:  # "Hezbollah members ..., and the group blamed Israel"
            return next(([m] for m in named_before(ctx, t, previous_sentence=True)
                         if m.kind == "org" and m.role not in ("IGO", "GOV")), [])
        return next(([m] for m in named_before(ctx, t, previous_sentence=True) if m.role == "IGO"), [])

    def _behind(self, ctx: DocContext, t: Token, places: dict[int, Mention] | None, depth: int) -> list[Mention]:
        """The actor behind a noun that is no mention: its possessor, modifier, of/by/from-phrase or apposition.
        A sea or gulf named after a country ("the Sea of Japan", "the South China Sea") is not that country."""
        found: list[Mention] = []
        if t.lemma_.lower() in WATER_NOUNS:
            return found
        named = self._named_with(ctx, t)
        if named:
            return named
        for child in t.children:
            if child.dep_ == "poss":
                found.extend(self.actors(ctx, child, places, depth + 1))
        if places is not None and not found:
            for child in t.lefts:
                if child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                    found.extend(self.actors(ctx, child, places, depth + 1))
        # "its crew of ...": people a pronoun owns are that owner's (object_antecedent), whatever follows
        owned = t.lemma_.lower() in OWNED_PEOPLE and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children)
        if not found and not owned:
            for prep in t.children:
                # "the village of X", "war crimes by Myanmar's military", "talks with Ukraine"
                if prep.dep_ == "prep" and (prep.lower_ in ("of", "by", "from") or prep.lower_ == "with"
                                            and t.lemma_.lower() in self.partner_nouns):
                    for pobj in prep.children:
                        found.extend(self.actors(ctx, pobj, places, depth + 1))
        if not found and not owned:
            found = self._holders(ctx, t, places, depth)
        if not found and places is not None:
            found = self._located(ctx, t, places, depth)
        if not found:
            for child in t.children:
                if child.dep_ == "appos":  # "the Tigrayan capital Mekelle": a place too where places count
                    mm = ctx.by_root.get(child.i) or (places.get(child.i) if places is not None else None)
                    if mm:
                        found.append(mm)
                    elif (t.ent_type_ == "PERSON" or t.pos_ == "PROPN") and child.pos_ == "NOUN":
                        # "William Walker, the head of the mission of the OSCE": the body the office is of
                        found.extend(self.actors(ctx, child, places, depth + 1))
        return found

    def _holders(self, ctx: DocContext, t: Token, places: dict[int, Mention] | None, depth: int) -> list[Mention]:
        """"positions held by Chechen fighters", "a town controlled by the rebels": the holder's; "goods
        imported from Mexico", "oil bought from Iran": the origin's."""
        held = [m for held in t.children if held.dep_ == "acl" and held.lemma_.lower() in HOLDING_VERBS
                for agent in held.children if agent.dep_ == "agent" or agent.dep_ == "prep" and agent.lower_ == "by"
                for pobj in agent.children for m in self.actors(ctx, pobj, places, depth + 1)]
        return held or [m for moved in t.children if moved.dep_ == "acl" and moved.lemma_.lower() in ORIGIN_VERBS
                        for prep in moved.children if prep.dep_ == "prep" and prep.lower_ == "from"
                        for pobj in prep.children for m in self.actors(ctx, pobj, places, depth + 1)]

    @staticmethod
    def _named_with(ctx: DocContext, t: Token) -> list[Mention]:
        """The group a noun is named with ("Somalia's Al Shabaab Islamist group": the group, not the country
        it is in; "Morocco and Polisario guerrillas": the country and the group), or the person in
        apposition ("Myanmar's military ruler, Senior General Min Aung Hlaing")."""
        for child in t.lefts:
            if child.dep_ not in ("compound", "nmod"):
                continue
            named = [m for c in (child, *child.conjuncts) for m in [ctx.by_root.get(c.i)] if m is not None]
            if any(m.kind == "org" and m.role in ("REB", "INS", "UAF", "OPP", "PTY", "IGO", "NGO") for m in named) \
                    and (child.dep_ == "compound" or len(named) > 1):
                return named if len(named) > 1 else [m for m in named if m.kind == "org"]
        for child in t.children:
            m = ctx.by_root.get(child.i) if child.dep_ == "appos" else None
            if m is not None and m.kind == "person":
                return [m]
        return []

    def _located(self, ctx: DocContext, t: Token, places: dict[int, Mention], depth: int) -> list[Mention]:
        """"led the delegation to the funeral in Moscow": a gathering stands for the place it is held in;
        "out of a security zone around South Ossetia": an area for the place it lies around."""
        lemma = t.lemma_.lower()
        if lemma in self.w.gathering_nouns:
            preps: tuple[str, ...] = ("in", "at")
        elif lemma in self.w.area_nouns:
            preps = ("in", "around", "near", "along")
        else:
            return []
        return [m for prep in t.children if prep.dep_ == "prep" and prep.lower_ in preps
                for pobj in prep.children for m in self.actors(ctx, pobj, places, depth + 1)]

    @staticmethod
    def _shared(ctx: DocContext, t: Token, m: Mention) -> list[Mention]:
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
                x = ctx.by_root.get(g.i)
                if x is not None and x.kind == "descriptor" and x is not m:
                    found.append(x)
        return found

    # -- subjects ----------------------------------------------------------------------------------
    def controller(self, verb: Token) -> Token:
        """Climb xcomp/conj links to the verb that has the subject ('Kim plans to meet')."""
        cur = verb
        for _ in range(4):
            if any(c.dep_ in (*SUBJ, "nsubjpass") for c in cur.children):
                return cur
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ in self.w.manner_preps \
                    and cur.head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "auxpass" for c in cur.children) \
                    and not (cur.head.i < cur.head.head.i and cur.head.head.lemma_.lower() in self.report):
                # (not a clause the parser hung on a trailing "..., the WHO said")
                cur = cur.head.head  # "Tokyo responded by banning": the subject of 'responded' bans
                continue
            if joining_verb(cur) is not None:
                cur = cur.head.head  # "Kenya joined other neighbours in imposing a blockade": Kenya imposes
                continue
            if cur.dep_ == "conj" and cur.pos_ == "VERB" and cur.head.pos_ in ("NOUN", "PROPN") \
                    and cur.head.dep_ in ("dobj", "obj") and cur.head.head.pos_ == "VERB":
                cur = cur.head.head  # "concedes defeat and congratulates Kostunica": the verb joined to an object
                continue
            if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp") and cur.head.i != cur.i:
                if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                    return cur
                if cur.dep_ == "xcomp" and any(c.dep_ in ("dobj", "obj") for c in cur.head.children) \
                        and cur.head.lemma_.lower() not in self.intent and cur.head.lemma_.lower() not in self.threat_words:
                    # object control: "urged Israel to allow" - the object is the subject
                    return cur
                if cur.dep_ == "advcl" and any(c.dep_ == "mark" for c in cur.children):
                    return cur
                cur = cur.head
            else:
                break
        return cur

    def subject(self, ctx: DocContext, verb: Token) -> tuple[Token | None, bool]:
        """(subject token, passive?) for a verb."""
        if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and verb.head.head.pos_ == "VERB" \
                and not any(c.dep_ in SUBJ for c in verb.children):
            for c in verb.head.head.children:  # "praised Hungary for blocking ...": Hungary blocked
                if c.dep_ in ("dobj", "obj"):
                    return c, False
        ctrl = self.controller(verb)
        found = self._explicit_subject(ctx, verb, ctrl)
        if found is not None and verb.dep_ == "conj" and ctrl.i != verb.i \
                and any(c.dep_ == "auxpass" for c in verb.children):
            return found[0], True  # "arrived in Kabul and was received by Karzai": the shared subject is acted on
        if found is not None and found[0] is not None and verb.dep_ == "advcl" and verb.tag_ == "VBG" \
                and ctrl.i == verb.head.i and ctrl.dep_ == "ccomp" and ctrl.head.i < ctrl.i and found[0].pos_ == "NOUN" \
                and found[0].i not in ctx.by_root and found[0].i not in ctx.by_token:
            # "Lavrov said that a settlement looked distant, accusing the EU of ...": a thing accuses no
            # one; the participle is the speaker's
            outer = self._explicit_subject(ctx, ctrl.head, self.controller(ctrl.head))
            if outer is not None and outer[0] is not None:
                return outer
        if found is not None:
            return found
        return self._implicit_subject(ctrl, verb)

    def _explicit_subject(self, ctx: DocContext, verb: Token, ctrl: Token) -> tuple[Token | None, bool] | None:
        """The subject child of the controlling verb (None: it has none)."""
        subjects = [c for c in ctrl.children if c.dep_ in SUBJ]
        if not subjects:
            # "she was convinced ...": the subject the parser hung on the auxiliary
            subjects = [g for c in ctrl.children if c.dep_ in ("aux", "auxpass") and c.i < ctrl.i
                        for g in c.children if g.dep_ in SUBJ]
            if subjects:
                return subjects[0], subjects[0].dep_ == "nsubjpass"
        if len(subjects) > 1:  # a misparsed dateline ("VLADIVOSTOK, Russia - Kim crossed ..."): the nearest
            subjects = [c for c in subjects if c.i < ctrl.i][-1:] or subjects[:1]
        for c in ctrl.children:
            if c.dep_ in SUBJ and c not in subjects:
                continue
            if c.dep_ in SUBJ:
                if c.i == c.sent.start and c.text.isupper() and len(c.text) > 2:
                    # "ISTANBUL, March 29 - Russian negotiators held talks": a dateline parsed as the subject;
                    # "ASMARA, July 9 - Ethiopia and Eritrea signed": the subject joined to the date
                    end = dateline_end(c.doc) if c.i == 0 else 0
                    c = next((a for a in c.children if a.dep_ == "appos" and a.idx >= end), None) or next(
                        (a for a in c.subtree if end and a.idx >= end and a.head.idx < end
                         and a.dep_ in ("conj", "appos", "npadvmod", "compound", "nmod")), c)
                elif c.sent.start == 0 and c.lower_ in MONTH_WORDS and dateline_end(c.doc) > c.idx:
                    # "PSARADES, Jun 17 - The foreign ministers ... signed": the date parsed as the subject
                    end = dateline_end(c.doc)
                    c = next((a for a in c.children if a.dep_ == "appos" and a.idx >= end), c)
                elif c.sent.start == 0 and c.text.isupper() and len(c.text) > 2:
                    # "UNITED NATIONS, March 25 - The Security Council demanded": the subject hangs in the
                    # dateline as an apposition of its date
                    end = dateline_end(c.doc)
                    if end and c.idx < end:
                        c = next((a for a in c.doc if a.idx >= end and a.dep_ == "appos" and a.head.idx < end
                                  and a.lower_ not in ("a", "an", "the")), c)  # "LASHKAR GAH, Jul 10 - A roadside bomb"
                if c.pos_ == "VERB" and c.tag_ == "VBG" and c.i > 0 \
                        and not any(g.dep_ in SUBJ and not (g.i == 0 and g.text.isupper()) for g in c.children):
                    # "ASEAN leaders meeting in Jakarta urged ...": the participle of the subject, parsed as
                    # the subject; the actor before it is
                    before = c.doc[c.i - 1]
                    if before.head.i != c.i and (before.i in ctx.by_root or before.i in ctx.by_token):
                        return before, False
                if c.lower_ in self.w.relative and ctrl.dep_ == "relcl":
                    head = ctrl.head
                    if c.lower_ == "which" and head.dep_ == "pobj" and head.head.head.i in ctx.entries \
                            and head.head.head.pos_ in ("NOUN", "PROPN"):
                        return None, False  # "the strike on Kyiv, which killed ...": "which" is the strike
                    return head, False
                return c, False
            if c.dep_ == "nsubjpass" and c.lower_ in self.w.relative and ctrl.dep_ == "relcl":
                # "a Turkish gunman, Mehmet Ali Agca, who was arrested by Italian police": the noun the
                # clause describes (through an apposition no table knows) is acted on
                head = ctrl.head
                if head.dep_ == "appos" and head.i not in ctx.by_root and head.i not in ctx.by_token:
                    head = head.head
                return head, ctrl is verb or not self._through_xcomp(verb, ctrl)
            if c.dep_ == "nsubjpass":
                # "X is expected to visit", "X was forced to withdraw": the passive subject of a control
                # verb is the active subject of its complement
                return c, not self._through_xcomp(verb, ctrl)
        return None

    def _implicit_subject(self, ctrl: Token, verb: Token) -> tuple[Token | None, bool]:
        """The actor of a verb without a subject: the noun a relative or participle clause describes,
        the object of the governing verb, or a name the parser hung on the verb as a compound (a
        headline: "Israel severs contacts with Arafat")."""
        if ctrl.pos_ == "VERB" and ctrl.dep_ == "ROOT":
            # "Israel severs contacts", "Moscow court outlaws ...": a headline's name or body hung on the verb
            named = [c for c in ctrl.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.pos_ == "NOUN" and any(
                g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.lefts))]
            if named:
                return named[-1], False
        dateline = self._dateline_subject(ctrl)
        if dateline is not None:
            return dateline, False
        if ctrl.dep_ == "relcl":
            return ctrl.head, False
        if ctrl.dep_ == "acl" and ctrl.head.pos_ in ("NOUN", "PROPN"):
            if ctrl.tag_ == "VBN":  # "a bomb planted by X": passive participle
                return ctrl.head, True
            for c in ctrl.head.children:
                if c.dep_ == "poss":
                    return c, False
            owner = misparsed_possessor(ctrl.head)
            if owner is not None:
                return owner, False
            if ctrl.head.lemma_.lower() in self.plan_nouns:
                for c in ctrl.head.lefts:  # "an Egyptian offer to mediate"
                    if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"):
                        return c, False
            if ctrl.head.dep_ == "ROOT" and ctrl.head.pos_ == "PROPN" and any(
                    a.dep_ == "aux" and a.tag_ == "TO" for a in ctrl.children):
                return ctrl.head, False  # the headline "EU to impose new sanctions on Iran", parsed as a noun phrase
            if ctrl.tag_ == "VBG" and ctrl.i > 0 and ctrl.nbor(-1).text == "," and ctrl.head.i < ctrl.i:
                # "Perez de Cuellar, returning from a visit to Tehran, said": a participle set off after a
                # name is what the name did ("protesters demanding reforms" describes the protesters)
                return ctrl.head, False
        if ctrl.dep_ == "xcomp" and ctrl is verb:
            for c in ctrl.head.children:
                if c.dep_ in ("dobj", "obj"):
                    return c, False
        return None, False

    @staticmethod
    def _dateline_subject(ctrl: Token) -> Token | None:
        """"TEHRAN, Dec 27 - Iran's first vice-president, Mohammad Reza Rahimi, threatened ...": the parser
        hangs the subject on the dateline as an apposition and the verb as a clause describing the city;
        the subject is the apposition nearest before the verb, after the dateline."""
        head = ctrl.head
        if ctrl.dep_ not in ("acl", "relcl") or head.i != 0 or not head.text.isupper() or len(head.text) < 3:
            return None
        end = dateline_end(ctrl.doc)
        if not end or ctrl.idx < end:
            return None
        found = [c for c in head.children if c.dep_ == "appos" and end <= c.idx < ctrl.idx]
        return found[-1] if found else None

    def subject_actors(self, ctx: DocContext, verb: Token) -> list[Mention]:
        """The actors of a verb's subject, or of its by-phrase when it is passive."""
        subj, passive = self.subject(ctx, verb)
        if passive:
            return [m for a in self.prep_objects(verb, "by") for m in self.actors(ctx, a)]
        found = self.actors(ctx, subj) or self.owned_body(ctx, subj)
        if not found and subj is not None and subj.tag_ == "PRP" and verb.dep_ == "ccomp" \
                and verb.head.lemma_.lower() in self.report:
            found = self.antecedent(ctx, subj)  # "said he had opened an investigation into ..."
        return found

    def owned_body(self, ctx: DocContext, subj: Token | None) -> list[Mention]:
        """"the prosecutor said her office had opened an investigation": an office, team or ministry
        owned by a possessive pronoun acts for the one the pronoun refers to."""
        if subj is None or subj.lemma_.lower() not in OWNED_BODIES:
            return []
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        return [] if owner is None else self.possessive_antecedent(ctx, owner)

    def comma_subjects(self, ctx: DocContext, verb: Token, subj: Token) -> list[Mention]:
        """The headline comma for "and": "Russia, China sign energy pact" parses 'Russia' as a modifier
        of the verb, "Kenya, Somalia restore ties" as a second subject; an actor name right before the
        subject and a comma is a second subject (a dateline in capitals is not)."""
        out: list[Mention] = []
        end = dateline_end(verb.doc) if verb.sent.start == 0 else 0
        for c in verb.children:
            if c.idx < end:
                continue  # "MANAMA, Bahrain, May 18 - An Iraqi warplane fired": the dateline's country
            if c.i < subj.i and (c.dep_ in ("npadvmod", "nmod", "dep") or c.dep_ == "nsubj" and not c.text.isupper()) \
                    and c.pos_ == "PROPN" \
                    and c.i + 1 < len(c.doc) and c.nbor(1).text == "," and c.nbor(1).head.i in (verb.i, c.i):
                out.extend(self.actors(ctx, c))
        return out

    @staticmethod
    def _through_xcomp(verb: Token, ctrl: Token) -> bool:
        cur = verb
        while cur.i != ctrl.i and cur.head.i != cur.i:
            if cur.dep_ == "xcomp":
                return True
            cur = cur.head
        return False

    # -- attachment --------------------------------------------------------------------------------
    def prep_objects(self, token: Token, prep: str) -> list[Token]:
        out: list[Token] = []
        for c in token.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
                out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
                # "appealed to Syria and to the Lebanese army": the preposition repeated in a coordination
                out.extend(p for r in c.conjuncts if r.lower_ == prep for p in r.children if p.dep_ in ("pobj", "pcomp"))
            elif c.dep_ in ("prep", "prt", "advmod") and c.lower_ in self.w.compound_preps:
                # "walked out of the talks", "pulled back from the border": a nested preposition
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == prep:
                        out.extend(p for p in g.children if p.dep_ in ("pobj", "pcomp"))
        return out

    @staticmethod
    def shared_with_conjunct(token: Token, deps: tuple[str, ...]) -> list[Token]:
        """Right node raising: "shot and wounded the president", "was shot and wounded by a gunman" hang
        the object or the by-phrase on the last verb only; the first verb, which has none of its own,
        shares it with a verb joined to it by "and" or "or" a few words on."""
        if any(c.dep_ in deps for c in token.children):
            return []
        for conj in token.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i - token.i <= 4 \
                    and any(c.dep_ == "cc" and token.i < c.i < conj.i for c in token.children) \
                    and not any(c.dep_ in (*SUBJ, "nsubjpass") for c in conj.children):
                found = [c for c in conj.children if c.dep_ in deps]
                if found:
                    return found
        return []

    def _clause_of(self, ccomp: Token) -> Token:
        """"demanded that Pakistan hand over the fugitives, officials said": the report verb the parser made
        the complement hangs the complement clause on it; that clause is the complement."""
        if ccomp.lemma_.lower() not in self.report:
            return ccomp
        return next((c for c in ccomp.children if c.dep_ in ("advcl", "ccomp") and c.i < ccomp.i
                     and any(g.dep_ in SUBJ for g in c.children)), ccomp)

    def attach(self, token: Token, rule: str, objects_named: frozenset[str] = frozenset()) -> list[Token]:
        if rule == "dobj":
            found = [c for c in token.children if c.dep_ in ("dobj", "obj")] \
                or self.shared_with_conjunct(token, ("dobj", "obj"))
            # "allowed inspectors to visit", "demanded that Israel withdraw": the subject of the clause;
            # "called the junta illegitimate", parsed with the noun inside the adjective: that noun
            return found or [g for c in token.children if c.dep_ == "ccomp" for g in self._clause_of(c).children
                             if g.dep_ in SUBJ] \
                or [g for c in token.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.pos_ == "ADJ"
                    for g in c.lefts if g.dep_ in (*SUBJ, "compound") and g.pos_ in ("NOUN", "PROPN")]
        if rule == "dative":
            return [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"] + self.prep_objects(token, "to")
        if rule.startswith("pobj:"):
            prep = rule.split(":", 1)[1]
            found = self.prep_objects(token, prep)
            holder = of_holder(token)
            if not found and holder is not None and holder.lemma_.lower() in self.w.quantity_nouns:
                # "a campaign of ethnic cleansing against the Fur" (the holder's of-phrase is the noun itself)
                found = [f for f in self.prep_objects(holder, prep) if f.i != token.i]
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj", "attr")]
            counted = any(g.dep_ == "nummod" or g.pos_ == "NUM" for o in objects for g in [o, *o.children])
            # "Breaks Off Relations With", "pledged 1 billion dollars in grants and loans to Indonesia"
            # ("acted as the intermediary between Tehran and Washington": the role the subject acts as)
            objects += [p for c in token.children if c.dep_ == "prep" and (c.lower_ in PARTICLES or counted and c.lower_ == "in"
                                                                          or c.lower_ == "as")
                        for p in c.children if p.dep_ == "pobj"]
            for c in objects:  # "imposed sanctions on Russia": the prep may hang on the object
                found += self.prep_objects(c, prep)
                # "a round of talks between X and Y", "passed photographs of troop positions to Iraq": the
                # prep may hang on the noun of the of-phrase of a container or of the object the rule names
                if c.lemma_.lower() in self.w.quantity_nouns or c.lemma_.lower() in objects_named:
                    found += [g for o in self.prep_objects(c, "of") for g in self.prep_objects(o, prep)]
            if not found and token.pos_ == "VERB":
                # "spoke by telephone with Bush", "talked over a video link with Xi": on the means phrase
                found = [g for m in ("by", "over", "via") for o in self.prep_objects(token, m)
                         for g in self.prep_objects(o, prep)]
            return found
        if rule == "poss":
            return [c for c in token.children if c.dep_ == "poss"]
        return []

    def find_targets(self, ctx: DocContext, token: Token, entry: Trigger) -> list[Mention]:
        for rule in entry.targets:
            pl = ctx.places if rule in PLACE_TARGET_RULES else None
            tokens = self.attach(token, rule, entry.objects)
            found = [m for t in tokens for m in self.actors(ctx, t, pl)]
            if not found and token.dep_ in ("advcl", "conj", "xcomp") and any(
                    t.lower_ in self.w.object_pronouns for t in tokens):
                # "expelled three diplomats, accusing them of spying": the object of the main verb
                found = [m for c in token.head.children if c.dep_ in ("dobj", "obj")
                         for m in self.actors(ctx, c)]
            if not found and token.pos_ == "NOUN" and rule.startswith("pobj:"):
                # "Iran protested against Israeli strikes on its nuclear sites": what "its" refers to
                found = [m for t in tokens for c in t.children if c.dep_ == "poss" and c.lower_ in ("its", "their")
                         for m in self.possessive_antecedent(ctx, c)]
            if found:
                return found
        return []

    # -- helpers for particular constructions ------------------------------------------------------
    def mediated_parties(self, ctx: DocContext, trigger: Token, mediators: list[Mention]) -> list[Mention]:
        """The parties of a deal described by a mediation participle or noun: the actors of the event the
        deal belongs to ("X and Y signed an accord in a deal brokered by Z", "X freed hostages on the first
        day of a truce mediated by Z", "X and Y signed a treaty after years of mediation by Z")."""
        if trigger.pos_ == "VERB" and trigger.dep_ != "acl":
            # "Norway acted as go-between in eight months of secret talks between Israel and the PLO"
            heads = [trigger, *(o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "as"
                                for o in p.children if o.dep_ == "pobj")]  # "as go-between in ..."
            talks = [t for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
                     for o in p.children if o.dep_ == "pobj" for t in (o, *(x for x in o.subtree if x.dep_ == "pobj"))]
            between = [m for t in talks for b in self.prep_objects(t, "between") for m in self.actors(ctx, b)
                       if all(m.code != x.code for x in mediators)]
            return between if len(between) >= 2 else []
        if trigger.pos_ in ("NOUN", "PROPN"):
            cur = trigger  # "signed a treaty after six years of mediation by the Pope"
        elif trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
            cur = trigger.head  # "signed a truce brokered by Zaire", "after talks facilitated by Canada"
            between = [m for b in self.prep_objects(cur, "between") for m in self.actors(ctx, b)
                       if all(m.code != x.code for x in mediators)]
            if len(between) >= 2:
                return between  # "a ceasefire between Israel and Hamas mediated by Egypt"
        else:
            return []
        for _ in range(6):
            if cur.dep_ not in ("pobj", "prep", "appos", "npadvmod", "dobj") or cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i == cur.sent.start and cur.text.isupper() and cur.sent.root.pos_ == "VERB":
                cur = cur.sent.root  # "MINSK - After talks brokered by ..., X and Y agreed": hung on the dateline
                break
        if cur.lemma_.lower() in self.report:
            # "X and Y agreed to a ceasefire ..., in a deal brokered by Z, officials said": the deal hung on
            # the report verb is the reported event's
            cur = next((c for c in cur.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), cur)
        entry = ctx.entries.get(cur.i)
        if cur.pos_ not in ("VERB", "AUX") or (entry is not None and entry.code[:3] in ("045", "043")):
            return []
        # "agreed to begin negotiations in talks mediated by the UN": the subject of a verb of no event
        parties = self.subject_actors(ctx, cur) + (self.find_targets(ctx, cur, entry) if entry is not None else [])
        # "a ceasefire between Israel and Hezbollah took effect under a deal brokered by X": the parties of the
        # subject event
        parties += [m for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")
                    for b in self.prep_objects(c, "between") for m in self.actors(ctx, b)]
        out: list[Mention] = []
        for m in parties:
            # (the mediator's own country is no party: "signed agreements with Turkey ... in a deal brokered by Erdogan")
            if m not in out and all(m.code != x.code and not (m.country and m.country == x.country) for x in mediators):
                out.append(m)
        if len(out) == 1 and out[0].role in INSURGENT_ROLES and out[0].country in self.lex.countries:
            out.append(implied(self.lex, out[0].country, "GOV"))  # rebels' truce: with the government they fight
        return out if len(out) >= 2 else []

    def credited(self, ctx: DocContext, noun: Token) -> list[Mention]:
        """The actor credited or blamed for a nominal act: "thanked Denmark for its aid package" -> Denmark."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.pos_ != "VERB":
            return []
        return [m for c in noun.head.head.children if c.dep_ in ("dobj", "obj") for m in self.actors(ctx, c)]

    def background_possessor(self, ctx: DocContext, noun: Token, pron: Token) -> list[Mention]:
        """"sanctions on Damascus over its crackdown", "in response to its nuclear tests": the owner of an
        event noun in a background phrase is the state or body named before it that is not the subject
        of the clause (the one acted on for what it did)."""
        if pron.lower_ not in ("its", "their") or noun.dep_ != "pobj" \
                or not circumstance(noun.head, self.w.circumstance_preps):
            return []
        verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
        own = {m.code for m in self.subject_actors(ctx, verb)} if verb is not None else set()
        for m in named_before(ctx, pron):
            if m.code in own or m.kind == "place":
                continue
            if m.kind in ("country", "org", "capital", "metonym") or m.role in ("GOV", "IGO"):
                return [m]
        return []

    def antecedent(self, ctx: DocContext, pron: Token) -> list[Mention]:
        """'Ethiopia said it would free ...': a subject pronoun refers to the subject of the governing
        verb, else to the last actor named before it in the sentence."""
        if pron.lower_ not in self.w.subject_pronouns:
            return []
        cur = pron.head
        for _ in range(5):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            for c in cur.children:
                if c.dep_ in SUBJ and c.i < pron.i:
                    found = self.actors(ctx, c)
                    if found:
                        return found
        nearest = next(named_before(ctx, pron), None)
        return [nearest] if nearest is not None else self.previous_subject(ctx, pron)

    def wreath_host(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"Kohl laid a wreath at the Tomb of the Unknown Soldier": a wreath honours the country it is laid
        in (the place of its at-phrase, else the dateline's), not the ones its memorial is named after."""
        at = [ctx.places[t.i] for p in self.prep_objects(trigger, "at") for t in p.subtree if t.i in ctx.places]
        host = at[0].country if at else ctx.dateline_country
        if not host or host in {s.country for s in sources} or host not in self.lex.countries:
            return []
        return [replace(implied(self.lex, host, ""), role=None)]

    def possessive_antecedent(self, ctx: DocContext, pron: Token) -> list[Mention]:
        """"Kohl laid a wreath on Tuesday, the last day of his visit to Poland": a possessive pronoun on an
        event noun refers to the subject of a verb above it, named before it."""
        cur, below = pron.head, pron
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            cur, below = cur.head, cur
            if cur.pos_ not in ("VERB", "AUX") and cur.dep_ != "ROOT":  # "the Pope knelt", "knelt" read as a noun
                continue
            # the nearest subject that names an actor ("JERUSALEM - Pope John Paul II laid": not the dateline)
            found = next((f for c in reversed(list(cur.children)) if c.dep_ in SUBJ and c.i < pron.i
                          for f in [self.actors(ctx, c)] if f), None)
            if found or any(c.dep_ in SUBJ and c.i < pron.i for c in cur.children):
                return found or []
            # "After his visit to Tehran, Perez de Cuellar said": a phrase that opens the clause refers
            # to the subject that follows it
            if below.dep_ in ("prep", "advcl") and below.i < cur.i:
                return next((f for c in cur.children if c.dep_ in SUBJ and c.i > below.i
                             for f in [self.actors(ctx, c)] if f), [])
        return []

    def object_antecedent(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"Pinochet imposed a state of siege, hours after guerrillas tried to kill him", "ordered them to
        leave and accused them of spying": an object pronoun refers to the nearest actor named before it in
        the sentence that agrees with it (a person for "him" and "her", a group or body for "them", a
        country or body for "it") and is not the subject of its own verb."""
        objs = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative")]  # "granted him asylum"
        # "beat some of them", "detained dozens of them"
        objs += [p for o in objs for p in self.prep_objects(o, "of")]
        pron = next((c for c in objs if c.lower_ in self.w.object_pronouns), None)
        codes = {m.code for m in sources}
        if pron is None:
            # "seized a German charity's rescue ship, accusing its crew of ...": people owned by "its" or
            # "their" who are no actor themselves belong to the one named before
            owner = next((g for c in objs if c.i not in ctx.by_root and c.lemma_.lower() in OWNED_PEOPLE
                          for g in c.children if g.dep_ == "poss" and g.lower_ in ("its", "their")), None)
            found = [] if owner is None else [m for m in named_before(ctx, owner) if m.code not in codes and m.kind != "place"]
            return found[:1]
        for m in named_before(ctx, pron):
            if m.code in codes or m.kind == "place":
                continue
            # "Ceausescu and his wife ... convicted them": names joined by "and" are plural
            plural = ctx.doc[m.root].tag_ in ("NNS", "NNPS") or bool(ctx.doc[m.root].conjuncts)
            body = m.kind in ("country", "org", "capital", "metonym")
            word = pron.lower_
            if word == "them" and (plural or m.kind in ("country", "org")) or word == "it" and body and not plural \
                    or word in ("him", "her") and not plural and (
                        m.kind == "person" or ctx.doc[m.root].lemma_.lower() in self.lex.titles):
                return [m]
        return []

    def toll_targets(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"blew herself up inside the base, killing six soldiers": an attack with no target of its own is
        made on those its toll clause says were killed or wounded."""
        codes = {m.code for m in sources}
        for c in trigger.children:
            if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in TOLL_VERBS:
                # "killing 11 people": people whose country the sentence does not say are no target
                found = [m for o in c.children if o.dep_ in ("dobj", "obj") for m in self.actors(ctx, o)
                         if m.code not in codes and not (m.kind == "context" and m.role == "CVL")]
                if found:
                    return found
        return []

    def relative_targets(self, ctx: DocContext, noun: Token, sources: list[Mention]) -> list[Mention]:
        """"the U.S. missile strike that destroyed a pharmaceutical plant in Khartoum North": an attack noun
        with no target of its own hits what its relative clause says it hit (an actor, or its place)."""
        codes = {m.code for m in sources}
        for rel in noun.children:
            if rel.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in self.w.relative for c in rel.children):
                continue
            for o in rel.children:
                if o.dep_ in ("dobj", "obj"):
                    # people whose country the sentence does not say are no target ("a war that killed thousands")
                    found = [m for m in self.actors(ctx, o, ctx.places) if m.code not in codes
                             and not (m.kind == "context" and m.role == "CVL")]
                    found = found or [m for p in o.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "near")
                                      for g in p.children for m in self.actors(ctx, g, ctx.places) if m.code not in codes]
                    if found:
                        return found
        return []

    def previous_subject(self, ctx: DocContext, pron: Token) -> list[Mention]:
        """"Moussa flew to Damascus. He accused Israel ...": a pronoun that opens its sentence refers to
        the subject of the sentence before, when that subject agrees with it (a person for "he" and
        "she"; a country, body or group for "it"; several or a group for "they")."""
        before = sentence_before(pron)
        if before is None:
            return []
        subj, passive = self.subject(ctx, before.root)
        found = [] if passive or subj is None else self.actors(ctx, subj)
        word = pron.lower_
        if word in ("he", "she"):
            return found if len(found) == 1 and (found[0].kind == "person" or ctx.doc[found[0].root].lemma_.lower()
                                                 in self.lex.titles) else []
        if word == "it":
            return found if len(found) == 1 and found[0].kind != "person" \
                and ctx.doc[found[0].root].tag_ not in ("NNS", "NNPS") else []
        if word == "they":
            return found if len(found) > 1 or found and ctx.doc[found[0].root].tag_ in ("NNS", "NNPS") else []
        return []

    def physical_target(self, ctx: DocContext, trigger: Token) -> list[Mention]:
        """The actor behind the thing acted on ("captured the village of Kurakhove", "seized a Greek-owned
        tanker", "violated the ceasefire in Lebanon", "closed its border with Belarus"), or the place
        where a visit or an attack happened ("bombed the airport at Asmara")."""
        places = ctx.places
        objs = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        for o in objs:
            found = self.actors(ctx, o, places)
            if found:
                return found
            for prep in o.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "in", "of", "near", "along", "at"):
                    found = [m for p in prep.children if p.dep_ == "pobj" for m in self.actors(ctx, p, places)]
                    if found:
                        return found
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "on", "against", "across", "inside", "at"):
                found = [m for p in prep.children if p.dep_ == "pobj" for m in self.actors(ctx, p, places)]
                if found:
                    return found
        return []

    def _ground_targets(self, ctx: DocContext, trigger: Token, entry: Trigger, sources: list[Mention]) -> list[Mention]:
        """The country a crossing opened leads into; the actor behind the thing or place acted on."""
        if entry.code in ("0863", "0872") and entry.pos == "VERB":
            targets = self.opened_into(ctx, trigger, sources)
            if targets:
                return targets
        if entry.code[:2] in PHYSICAL_ROOTS or entry.code[:3] in ("042", "191"):
            return self.physical_target(ctx, trigger) or self.purpose_targets(ctx, trigger, sources)
        return []

    def opened_into(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"opened the Rafah crossing to let aid into Gaza", "reopened the crossing into Gaza": a crossing or
        border opened is opened to the country it leads into (its own into-, to- or with-phrase, or that of
        the clause saying what it is opened for)."""
        objs = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        ends = [p for o in objs for prep in o.children if prep.dep_ == "prep" and prep.lower_ in ("into", "to", "with")
                for p in prep.children if p.dep_ == "pobj"]
        ends += [p for c in trigger.children if c.dep_ in ("advcl", "xcomp") and purpose_clause(c)
                 for t in c.subtree if t.dep_ == "prep" and t.lower_ in ("into", "to")
                 for p in t.children if p.dep_ == "pobj"]
        own = {m.country for m in sources}
        return [m for p in ends for m in self.actors(ctx, p, ctx.places) if m.country not in own][:1]

    def rejecter(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
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
        entry = ctx.entries.get(verb.i)
        if entry is None or entry.code[:2] != "12":
            return []
        subj, passive = self.subject(ctx, verb)
        if passive:
            found = [m for a in self.prep_objects(verb, "by") for m in self.actors(ctx, a)]
        else:
            found = self.actors(ctx, subj)
            if not found and subj is not None and subj.tag_ == "PRP":
                found = self.antecedent(ctx, subj)
        return [m for m in found if m not in sources]

    def relative_object_owner(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"military exercises that Taipei denounced", "manoeuvres that North Korea denounced": a verb whose
        object is the relative pronoun acts on the noun the clause describes, and so on its owner, the
        actor of the clause that noun belongs to."""
        if trigger.dep_ != "relcl" or not any(c.dep_ in ("dobj", "obj") and c.lower_ in self.w.relative
                                              for c in trigger.children):
            return []
        found = self.actors(ctx, trigger.head)
        if not found and trigger.head.i in ctx.entries and trigger.head.pos_ == "NOUN":
            # "Iranian missile strikes on Pakistan that Islamabad condemned": the actor named on the event
            found = [m for c in trigger.head.lefts if c.dep_ in ("poss", "amod", "compound", "nmod")
                     for m in self.actors(ctx, c) or self._modifier_actors(ctx, c)]
        cur = trigger.head
        for _ in range(6):  # up to the verb of the clause the noun belongs to
            if found or cur.dep_ not in ("pobj", "prep", "appos", "dobj", "obj") or cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                found = self.subject_actors(ctx, cur)
                break
        return [m for m in found if m.code not in {x.code for x in sources}]

    def fallback_targets(self, ctx: DocContext, trigger: Token, sources: list[Mention], located_ok: bool = True) -> list[Mention]:
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
                        depth > 0 and c.dep_ in FALLBACK_NOUN_DEPS) or c.dep_ == "ccomp" and c.pos_ == "NOUN":
                    arg = c
                elif c.dep_ == "prep" and (c.lower_ in self.w.fallback_preps or depth > 0 and c.lower_ == "in"):
                    visit(c, depth)
                    continue
                elif c.dep_ in ("relcl", "acl") and depth > 0 and tok.lemma_.lower() in MEASURE_NOUNS:
                    # "lifted the sanctions imposed on India and Pakistan"
                    visit(c, depth)  # "lifted the sanctions it imposed on Nigeria": the measure's own target
                    continue
                else:
                    continue
                seen.update(t.i for t in [arg, *arg.conjuncts])
                # "in Damascus", "in the eastern suburbs of Damascus"
                inside = c.dep_ == "pobj" and (tok.lower_ == "in" or tok.lower_ == "of" and tok.head.dep_ == "pobj"
                                               and tok.head.head.lower_ == "in")
                pl = ctx.places if c.dep_ == "pobj" and (tok.lower_ in self.w.fallback_place_preps or inside) else None
                # "expressing China's condolences": the source's own country owns the object, not acted on
                found = [m for m in self.actors(ctx, arg, pl, depth=2) if m.code not in src_codes
                         and not (m.country in src_countries and (
                             m.kind == "context" or ctx.doc[m.root].dep_ == "poss"))]
                if found and inside:
                    # "protect displaced civilians in the Central African Republic": the country where the
                    # acted-on people or things are, used only when no actor is named in the clause
                    located.append(found)
                elif found:
                    groups.append(found)
                elif depth < 3 and (arg.pos_ in ("NOUN", "PROPN", "PRON") or arg.lower_ in self.w.quantity_nouns) \
                        and arg.lemma_.lower() not in WATER_NOUNS:
                    visit(arg, depth + 1)
                    # "struck air defence sites, barracks and an aircraft factory across Yugoslavia": what
                    # the last of a list of objects is in or of
                    for conj in arg.conjuncts:
                        if conj.i > arg.i and conj.pos_ in ("NOUN", "PROPN") and conj.i not in ctx.by_root:
                            visit(conj, depth + 1)
        visit(trigger, 0)
        # rebels, gunmen and gangs act on the country they are in ("ETA car bomb kills 11 in Zaragoza")
        irregular = all(m.role in LAWLESS_ROLES for m in sources)
        if not groups and located_ok and len(located) == 1 and (irregular or all(m.country not in src_countries for m in located[0])):
            groups = located
        codes = {m.code for g in groups for m in g}
        if len(groups) == 1 or (groups and codes == {m.code for m in groups[0]}):
            return groups[0]
        return []

    @staticmethod
    def protest_clauses(trigger: Token) -> list[Token]:
        """What a protest is about: its purpose clause ("blocked bridges to demand early elections"),
        "in protest at ..." or "against ..." ("rallied against the government")."""
        out: list[Token] = []
        kids = list(trigger.children)
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "obj", "pobj"):
            light = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
            kids += [c for c in light.children if c.dep_ in ("advcl", "xcomp")]
        for c in kids:
            if c.dep_ in ("advcl", "xcomp") and (to_infinitive(c)
                                                 or c.tag_ == "VBG" and not any(g.dep_ in SUBJ for g in c.children)):
                out.append(c)  # "to demand early elections", "demanding the resignation of ..."
            elif c.dep_ == "prep" and c.lower_ in ("against", "over"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "in":
                out.extend(p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() == "protest")
        return out

    def protest_target(self, ctx: DocContext, clauses: list[Token], sources: list[Mention]) -> list[Mention]:
        """Protests and strikes target the actor protested against, else the government of the country
        where they take place (docs/annotation-rules.md)."""
        for clause in clauses:
            found = self.fallback_targets(ctx, clause, sources)
            if found:
                return found
        src = sources[0]
        if src.country and src.role not in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY") and src.country in self.lex.countries:
            return [implied(self.lex, src.country, "GOV")]
        return []

    # -- the arguments of one trigger --------------------------------------------------------------
    def find(self, ctx: DocContext, trigger: Token, entry: Trigger, governed: str | None,
             inner: Token | None) -> Args | None:
        """Sources, targets and between-parties of a trigger (None: a noun inside a compound is no event)."""
        if entry.notes.startswith(DICTIONARY_NOTE) and entry.code[:2] == "17" and self._holds_a_thing(ctx, trigger):
            return None  # "the central bank held its interest rate": a thing held is no one detained
        a = Args(chain(trigger, self.w.circumstance_preps))
        purpose_head = ctx.purpose.get(trigger.i)
        if purpose_head is not None:
            # the flags of the event it serves: "plans to travel to X to meet Y" is a planned meeting
            a.chain += [t for t in chain(purpose_head, self.w.circumstance_preps) if t not in a.chain]
            subj, _ = self.subject(ctx, purpose_head)
            a.sources = self.actors(ctx, subj)
            a.targets = self.find_targets(ctx, trigger, entry) or [
                m for c in purpose_head.children if c.dep_ in ("dobj", "obj") for m in self.actors(ctx, c)]
        elif entry.pos == "ADJ" and entry.code.startswith("112"):
            # "Biden said Putin was responsible for the death": the speaker accuses the one held responsible;
            # "Putin is responsible for the economy" is no accusation
            if not self._said_responsible(ctx, a, trigger):
                return None
        elif entry.pos == "ADJ" and entry.code[:3] in ("012", "013") and (prospect := self._prospects(trigger)) is not None:
            if not self._said_prospects(ctx, a, trigger, prospect):
                return None
        elif entry.pos == "ADJ" and entry.code[:3] in ("012", "013") and trigger.lemma_.lower() in PROSPECT_ADJECTIVES:
            return None  # "the village is remote": no comment on prospects
        elif entry.pos in ("VERB", "ADJ"):
            self._verb_args(ctx, a, trigger, entry)
        elif trigger.dep_ == "compound":
            return None
        else:
            self._noun_args(ctx, a, trigger, entry)
        if entry.code == "017" and trigger.lemma_.lower() == "lay" and a.sources:
            a.targets = self.wreath_host(ctx, trigger, a.sources)
        self._search_targets(ctx, a, trigger, entry, inner)
        if entry.code[:2] == "13" and a.sources and a.targets and all(
                t.country and t.country == src.country for t in a.targets for src in a.sources):
            a.targets = self.threatened_party(ctx, trigger, a.sources) or a.targets
        self._domestic_target(a, entry)
        self._own_aid_cut(ctx, a, trigger, entry)
        self._sued_party(ctx, a, trigger, entry)
        if entry.pos == "ADJ" and entry.code[:2] == "01" and a.sources and a.targets \
                and all(t.country in {m.country for m in a.sources} for t in a.targets):
            # "confident Britain could do business with Gorbachev": a comment about one's own country is
            # about the other party of the clause
            clause = next((c for c in trigger.children if c.dep_ == "ccomp"), None)
            other = [m for m in self.fallback_targets(ctx, clause, a.sources) if m.country not in
                     {s.country for s in a.sources}] if clause is not None else []
            a.targets = other or a.targets
        if entry.code[:2] == "16" and a.sources and a.targets and trigger.dep_ == "conj" \
                and trigger.head.i in ctx.entries and all(t.country in {s.country for s in a.sources} for t in a.targets):
            # "imposed sanctions on India and cut off U.S. development aid": the donor named on the aid is
            # no target; the aid was cut to the target of the coordinated measure
            a.targets = self.find_targets(ctx, trigger.head, ctx.entries[trigger.head.i]) or a.targets
        if a.sources and not a.between and (entry.code[:3] == "175" or entry.code[:2] == "20"):
            a.targets = self._repressed_people(trigger, entry, a.sources, a.targets)
        if a.sources and entry.code[:2] == "14" and not governed:
            a.aim_clauses = self.protest_clauses(trigger)
            if not a.targets and not a.between:
                a.targets = self.protest_target(ctx, a.aim_clauses, a.sources)
        return a

    @staticmethod
    def _holds_a_thing(ctx: DocContext, trigger: Token) -> bool:
        """The verb's object is a thing: no actor, no person's name, no word for people."""
        o = next((c for c in trigger.rights if c.dep_ in ("dobj", "obj")), None)  # the first object
        return o is not None and o.pos_ == "NOUN" and o.i not in ctx.by_root and o.i not in ctx.by_token \
            and o.ent_type_ != "PERSON" and o.lemma_.lower() not in PEOPLE_WORDS

    def _search_targets(self, ctx: DocContext, a: Args, trigger: Token, entry: Trigger, inner: Token | None) -> None:
        """The targets (or between-parties) of a trigger, by the rules tried in order until one finds some."""
        if not a.targets and entry.code[:2] == "09" and a.sources:
            # "investigating Iran's charges that Iraq had used gas": the one whose acts are investigated
            a.targets = self.investigated_party(ctx, trigger, a.sources)
        if not a.targets:
            a.targets = self.find_targets(ctx, trigger, entry)
        own = a.targets if a.sources and a.targets and {m.code for m in a.targets} <= {m.code for m in a.sources} else []
        if own:
            a.targets = []  # "troops land in East Timor at the head of a force": the source again is no target
        mutual = len(a.sources) > 1 and (entry.reciprocal or self.fought_each_other(entry, a, a.sources))
        if not a.targets and not a.between and a.sources and entry.code in ("045", "043"):
            a.between = self.mediated_parties(ctx, trigger, a.sources)
        if not a.targets and not a.between and not (mutual and entry.code[:2] == "19"):
            a.targets = self._more_targets(ctx, a, trigger, entry, inner)
        if not a.targets and a.sources and not a.between and not mutual:
            # "discussed arms supplies for the war in Ukraine": where a topic is, is no partner in talks
            # (nor is where an accord is signed: "signed a ceasefire agreement in Doha")
            a.targets = self.fallback_targets(ctx, trigger, a.sources, located_ok=(entry.code[:2] != "04" or entry.code[:3] == "042")
                                              and entry.lemma not in SIGNING_VERBS)
        if not a.targets and len(a.sources) > 1 and entry.pos == "VERB" and any(
                c.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in c.children)
                for c in trigger.children if c.dep_ in ("dobj", "obj", "dative")):
            a.targets = list(a.sources)  # "Armenia and Azerbaijan accused each other": each the other
        if not a.targets and a.sources and not a.between:
            a.targets = self._late_targets(ctx, a, trigger, entry)
        if own and not a.targets:
            a.targets = own  # no other target: the event stays one of the source on itself (not coded)

    def judged_act_targets(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"barred women from universities, a decision condemned by the United States", "ordered a carrier to
        the Caribbean, a move Maduro denounced", "Pelosi lands in Taipei on a visit condemned by Beijing": a
        judgement of an act noun that sums up the main clause is aimed at the actor of that clause."""
        noun = trigger.head
        if trigger.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in JUDGED_ACT_NOUNS:
            return []
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in ("appos", "npadvmod", "pobj", "prep", "dobj", "attr"):
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i == trigger.i:
            return []
        src = {m.code for m in sources}
        return [m for m in self.subject_actors(ctx, verb) if m.code not in src]

    def _late_targets(self, ctx: DocContext, a: Args, trigger: Token, entry: Trigger) -> list[Mention]:
        """Targets of the last resort, tried in order: an object pronoun's antecedent, an attack's toll,
        what an attack noun's relative clause says it hit, the target of the main verb for an act a
        relative clause tells of the subject, the one investigated, the party a threat is conditioned on."""
        root = entry.code[:2]
        if entry.pos == "VERB":
            found = self.object_antecedent(ctx, trigger, a.sources) or (
                self.toll_targets(ctx, trigger, a.sources) if root in ("18", "19") else [])
            if found:
                return found
        if entry.pos == "NOUN" and root in ("18", "19", "20"):
            found = self.relative_targets(ctx, trigger, a.sources)
            if found:
                return found
        described = trigger.head.head if trigger.head.dep_ == "appos" else trigger.head  # "ANKARA - Turkey, which"
        if trigger.dep_ == "relcl" and described.dep_ in SUBJ and described.head.i in ctx.entries \
                and root in ("16", "11", "12", "13"):
            # "Turkey, which recalled its ambassador on Monday, demanded an apology from Israel": the act the
            # clause tells of the subject is aimed at the one its main verb is
            verb = described.head
            found = [m for m in self.find_targets(ctx, verb, ctx.entries[verb.i]) if m not in a.sources]
            if found:
                return found
        if root in ("11", "12"):
            found = self.judged_act_targets(ctx, trigger, a.sources)
            if found:
                return found
        # "offered to send rescue teams": the offer, not the sending, is what follows the first act
        act = trigger.head if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in self.intent else trigger
        if (act.dep_ == "advcl" and act.tag_ == "VBG" or act.dep_ == "conj" and act.pos_ == "VERB") \
                and act.head.i in ctx.entries and ctx.entries[act.head.i].code[:2] in ("01", "03", "04", "05") \
                and (root in ("01", "03", "05", "06", "07")
                     # "telephoned Obama and demanded an explanation": an appeal or demand made in a call or meeting
                     or root in ("02", "10") and ctx.entries[act.head.i].code[:2] == "04"):
            # "spoke by telephone with Bush, expressing condolences": said to the one spoken with; "sent
            # condolences to Erdogan ... and offered to send rescue teams", "expressed condolences to
            # Musharraf, offering any help": offered to the one the first act was aimed at
            head = act.head
            for h in (head, head.head) if head.dep_ == "conj" and head.head.i in ctx.entries else (head,):
                # "telephoned Musharraf and expressed condolences ..., offering any help": the first of the acts
                found = [m for m in self.find_targets(ctx, h, ctx.entries[h.i]) if m not in a.sources]
                if found:
                    return found
        if root == "09":
            found = self.investigated_party(ctx, trigger, a.sources)
            if found:
                return found
        if entry.code[:3] in ("153", "154", "074"):
            found = self.protected_party(ctx, trigger, a.sources)
            if found:
                return found
        if self._threat(entry, a.chain):
            return self.conditional_party(ctx, trigger, a.chain, a.sources)
        return []

    def protected_party(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"is sending 1,200 troops to help stabilise Haiti": forces sent with no destination named go to the
        country their purpose clause protects, helps or secures."""
        own = {m.country for m in sources}
        for c in trigger.children:
            if not self.w.protective(c):
                continue
            for verb in (c, *(x for x in c.children if x.dep_ in ("xcomp", "ccomp"))):  # "to help stabilise Haiti"
                found = [m for o in verb.children if o.dep_ in ("dobj", "obj") for m in self.actors(ctx, o)
                         if m.country and m.country not in own]
                if found:
                    return found
        return []

    def _said_responsible(self, ctx: DocContext, a: Args, trigger: Token) -> bool:
        """"X said Y was responsible for ...": an accusation by the speaker (X) of the one held
        responsible (Y), when the clause is the object of a reporting verb."""
        copula = trigger.head
        if trigger.dep_ != "acomp" or copula.dep_ != "ccomp" or copula.head.lemma_.lower() not in self.report:
            return False
        speakers = self.subject_actors(ctx, copula.head)
        held = [m for c in copula.children if c.dep_ in SUBJ for m in self.actors(ctx, c)]
        if not speakers or not held:
            return False
        a.sources, a.targets = speakers, [m for m in held if m not in speakers]
        return bool(a.targets)

    @staticmethod
    def _prospects(trigger: Token) -> Token | None:
        """"the chances of a settlement looked slim": the prospect noun the adjective is said of."""
        copula = trigger.head
        if trigger.dep_ != "acomp":
            return None
        return next((c for c in copula.children if c.dep_ in SUBJ and c.lemma_.lower() in PROSPECT_NOUNS), None)

    def _said_prospects(self, ctx: DocContext, a: Args, trigger: Token, noun: Token) -> bool:
        """"Shultz said the chances of a settlement with Nicaragua's government looked bleak": a pessimistic
        (or optimistic) comment of the speaker on the other party of the prospect (`noun`, "chances"), when
        the clause is the object of a reporting verb."""
        copula = trigger.head
        if copula.dep_ != "ccomp" or copula.head.lemma_.lower() not in self.report:
            return False
        speakers = self.subject_actors(ctx, copula.head)
        # the party of a "with" phrase ("talks with Washington"), or else any actor the prospect names; not
        # the topic ("an agreement with Turkey over Cyprus")
        partners = [p for w in noun.subtree if w.dep_ == "prep" and w.lower_ in ("with", "between")
                    for p in w.children if p.dep_ == "pobj"] or [t for t in noun.subtree if t.i != noun.i]
        others = [m for t in partners for m in self.actors(ctx, t) if m.country not in {s.country for s in speakers}]
        if not speakers or not others:
            return False
        a.sources, a.targets = speakers, list(dict.fromkeys(others))
        return True

    def _verb_args(self, ctx: DocContext, a: Args, trigger: Token, entry: Trigger) -> None:
        subj, passive = self.subject(ctx, trigger)
        if entry.pos == "ADJ":
            passive = False  # "he was encouraged by their commitment": a state of the subject, caused by the by-phrase
        if passive:
            if entry.code[:3] != "154":  # "troops were deployed to the border": the troops are not the target
                a.targets = self.actors(ctx, subj, ctx.places)
            if not a.targets and subj is not None and subj.tag_ == "PRP":
                a.targets = self.antecedent(ctx, subj)  # "where he was received by ..."
            agents = self.prep_objects(trigger, "by") or [
                p for ag in self.shared_with_conjunct(trigger, ("agent",)) for p in ag.children if p.dep_ == "pobj"]
            a.sources = [m for ag in agents for m in self.actors(ctx, ag)]
        elif subj is not None and subj.lemma_.lower() in self.non_agent and subj.i not in ctx.by_root:
            a.sources = []  # "South Korea's exports hit a record": a quantity, not an actor
        else:
            a.sources = self._active_sources(ctx, subj)
            joined = joining_verb(trigger)
            if joined is not None:
                # "France joined Britain in condemning the attack": the one joined does it too
                a.sources += [m for o in joined.children if o.dep_ in ("dobj", "obj")
                              for m in self.actors(ctx, o) if m not in a.sources]
        for b in self.prep_objects(trigger, "between"):
            a.between += self.actors(ctx, b)
        if passive and not a.sources and subj is not None and subj.i in ctx.entries:
            # "a deal between Rwanda and Congo was signed": the parties of the signed deal
            for b in self.prep_objects(subj, "between"):
                a.between += self.actors(ctx, b)
            if len(a.between) >= 2:
                a.targets = []

    def _active_sources(self, ctx: DocContext, subj: Token | None) -> list[Mention]:
        sources = self.actors(ctx, subj)
        if sources and subj is not None:
            sources = sources + [m for m in self.comma_subjects(ctx, subj.head, subj) if m not in sources]
        if not sources and subj is not None and subj.tag_ == "PRP":
            sources = self.antecedent(ctx, subj)
        if not sources:
            sources = self.owned_body(ctx, subj)
        if not sources and subj is not None and subj.pos_ == "NOUN":
            # "a roadside bomb planted by IS hit ...": the agent of the subject's participle
            for c in subj.children:
                if c.dep_ == "acl":
                    sources = [m for ag in self.prep_objects(c, "by") for m in self.actors(ctx, ag)]
                    if not sources and c.lemma_.lower() in NAMING_VERBS:
                        # "a shadowy group calling itself Islamic Jihad", "a group known as the Janjaweed"
                        sources = [m for g in c.subtree if g.dep_ in ("oprd", "pobj", "dobj", "attr", "xcomp")
                                   for m in self.actors(ctx, g)]
                    break
        if not sources and subj is not None and subj.i in ctx.entries and subj.pos_ == "NOUN" and subj.dep_ == "nsubj":
            # "a US drone strike killed Soleimani": the actor named on the attack that is the subject
            sources = [m for c in subj.lefts if c.dep_ in ("amod", "compound", "nmod", "poss") for m in self.actors(ctx, c)]
            sources = sources or [m for c in subj.lefts if c.dep_ == "compound" for m in self._modifier_actors(ctx, c)]
        return sources

    def _modifier_actors(self, ctx: DocContext, noun: Token) -> list[Mention]:
        """The actors named on a noun's modifiers ("Iranian" on "missile" in "Iranian missile strikes")."""
        return [m for g in noun.lefts if g.dep_ in ("amod", "compound", "poss") for m in self.actors(ctx, g)]

    def _noun_args(self, ctx: DocContext, a: Args, trigger: Token, entry: Trigger) -> None:
        for c in trigger.lefts:
            if c.dep_ == "poss" or c.dep_ in ("amod", "compound", "nmod"):
                found = self.actors(ctx, c)
                if not found and c.dep_ in ("compound", "nmod"):  # "Iranian missile and drone strikes", "Russian air and artillery strikes"
                    found = self._modifier_actors(ctx, c)
                a.sources += found
                if c.dep_ == "poss" and c.tag_ == "PRP$" and not a.sources:
                    a.sources = self.credited(ctx, trigger) or self.background_possessor(ctx, trigger, c)
        by_agents = self._noun_agents(ctx, trigger)
        for b in self.prep_objects(trigger, "between") + self.prep_objects(trigger, "among"):
            a.between += self.actors(ctx, b)
        if not a.sources and not a.between:
            self._drawn(ctx, a, trigger)
        head = trigger.head
        if not a.sources and by_agents and not a.between and trigger.dep_ in ("dobj", "obj") and head.pos_ == "VERB" \
                and head.lemma_.lower() not in self.report and head.i not in ctx.entries \
                and head.lemma_.lower() not in self.w.avoid_verbs:  # "survived an attempt by a gunman": the agent acts
            # "The ICC opened an investigation into war crimes by Myanmar's military": the subject of
            # the light verb acts; the by-phrase belongs to the object of the event
            subj, passive = self.subject(ctx, head)
            # "said she had opened an investigation into killings by the police": the pronoun's antecedent
            light = [] if passive else self._active_sources(ctx, subj)
            if light:
                a.sources = light
                a.targets = [m for m in by_agents if m not in light]
                a.chain = a.chain + [t for t in chain(head, self.w.circumstance_preps) if t not in a.chain]
        if not a.sources:
            a.sources = by_agents
            if by_agents and not a.targets and trigger.dep_ in ("dobj", "obj") and head.lemma_.lower() in self.w.avoid_verbs:
                # "the Pope survived an assassination attempt by a Turkish gunman": aimed at the survivor
                subj, passive = self.subject(ctx, head)
                a.targets = [] if passive else [m for m in self.actors(ctx, subj) if m not in by_agents]
        if not a.sources and not a.between:
            self._held_in(ctx, a, trigger, entry)
        if not a.sources and not a.between:
            self._offered(ctx, a, trigger)
        owner = next((c for c in trigger.lefts if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if not a.sources and (not a.between or owner is not None):
            # "continuing his mediation between Britain and Argentina": "his" is the clause subject
            self._clause_source(ctx, a, trigger)
        if not a.sources and not a.between and owner is not None and entry.code[:3] in ("042", "043"):
            a.sources = self.possessive_antecedent(ctx, owner)  # "the last day of his visit to Poland"
        if not a.sources and trigger.dep_ in ("nsubj", "nsubjpass"):
            # "Talks between X and Y broke down", "Aid from the UAE reached Pakistan"
            if entry.targets and not a.targets:
                a.targets = self.find_targets(ctx, trigger.head, entry)
            between = [m for b in self.prep_objects(trigger.head, "between") for m in self.actors(ctx, b)]
            if not a.between and len(between) >= 2:
                a.between, a.targets = between, []  # "Fighting erupted between the army and the RSF"

    def _drawn(self, ctx: DocContext, a: Args, trigger: Token) -> None:
        """A reaction a clause drew from someone ("banned women from universities, drawing condemnation
        from the UN", "expelled two diplomats, drawing a protest from Zagreb"): from the one it came from,
        at the subject of the clause."""
        verb = trigger.head
        if trigger.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.w.reaction_verbs:
            return
        reacting = [m for f in self.prep_objects(trigger, "from") + self.prep_objects(verb, "from")
                    for m in self.from_actors(ctx, f) or self.actors(ctx, f, ctx.places)]
        if not reacting:
            return
        clause = verb
        if verb.dep_ == "advcl" and verb.head.lemma_.lower() in self.report:
            # "Latvia deported them, border guards said, drawing a protest from Moscow": the reported act drew it
            clause = next((c for c in verb.head.children if c.dep_ == "ccomp"), verb)
        drawn = [m for m in self.subject_actors(ctx, clause) if m not in reacting]
        if drawn:
            a.sources, a.targets = reacting, drawn
            a.chain = a.chain + [t for t in chain(verb, self.w.circumstance_preps) if t not in a.chain]

    def _held_in(self, ctx: DocContext, a: Args, trigger: Token, entry: Trigger) -> None:
        """A call or meeting that a clause's words were said in ("Putin told Bush in a telephone call",
        "offered his condolences to Koirala in a phone call"): held by the speaker with the one spoken to."""
        prep = trigger.head
        verb = prep.head
        if entry.code[:2] != "04" or trigger.dep_ != "pobj" or prep.lower_ not in ("in", "during") \
                or verb.pos_ != "VERB" or verb.i == prep.i or self.prep_objects(trigger, "with"):
            return
        sources = self.subject_actors(ctx, verb)
        partners = [m for t in self.attach(verb, "dobj") + self.attach(verb, "dative")
                    if t.dep_ in ("dobj", "obj", "dative", "pobj") for m in self.actors(ctx, t) if m not in sources]
        if sources and partners:
            a.sources, a.targets = sources, partners

    def _offered(self, ctx: DocContext, a: Args, trigger: Token) -> None:
        """An event in the of-phrase of an offer or proposal ("rejected Lee's offer of talks"): proposed by
        the owner of the offer to the one who rejects or accepts it."""
        plan = trigger.head.head
        if trigger.dep_ != "pobj" or trigger.head.lower_ != "of" or plan.lemma_.lower() not in self.plan_nouns:
            return
        a.sources = [m for c in plan.lefts if c.dep_ in ("poss", "amod", "compound") for m in self.actors(ctx, c)]
        if a.sources and not self.prep_objects(trigger, "with"):
            a.targets = self.rejecter(ctx, plan, a.sources)
            a.offered = bool(a.targets)

    def _noun_agents(self, ctx: DocContext, trigger: Token) -> list[Mention]:
        """The actors of an event noun's by- and from-phrases ("an appeal from Havana")."""
        by_agents: list[Mention] = []
        holder = of_holder(trigger)
        for prep in ("by", "from", *(("of",) if trigger.lemma_.lower() in SPONSOR_NOUNS else ())):
            agents = self.prep_objects(trigger, prep)
            if not agents and holder is not None and holder.pos_ == "NOUN" and holder.i not in ctx.entries:
                agents = self.prep_objects(holder, prep)  # "six years of mediation by the Pope"
            for ag in agents:
                by_agents += self.from_actors(ctx, ag) if prep == "from" else self.actors(ctx, ag)
        return by_agents

    def from_actors(self, ctx: DocContext, ag: Token) -> list[Mention]:
        """The actors of a from-phrase of an event noun: "an appeal from Havana" is from a capital, as
        the author of a nominal event its government."""
        found = self.actors(ctx, ag)
        pl = ctx.places.get(ag.i)
        if not found and pl is not None and pl.country in self.lex.countries \
                and pl.text in self.lex.countries[pl.country].capitals:
            found = [replace(pl, code=pl.country + "GOV", role="GOV", kind="capital")]
        return found

    def _clause_source(self, ctx: DocContext, a: Args, trigger: Token) -> None:
        """The subject of the verb an event noun is an argument of ("Iran launched strikes")."""
        # "during eight hours of talks with Holbrooke": the container noun stands where the event noun would
        holder = of_holder(trigger)
        contained = holder is not None and holder.lemma_.lower() in self.w.quantity_nouns
        # "set up an international commission of inquiry into ...": the body stands where its work would
        body = holder is not None and holder.lemma_.lower() in INQUIRY_BODIES and holder.dep_ in ("dobj", "obj")
        anchor = holder if holder is not None and (contained and holder.dep_ == "pobj" or body) else trigger
        head = anchor.head
        background = anchor.dep_ == "pobj" and circumstance(head, self.w.circumstance_preps)
        # "freed a US citizen after talks with an American envoy": the clause subject held the talks
        partner = background and trigger.lemma_.lower() in self.w.relation_nouns \
            and bool(self.prep_objects(trigger, "with"))
        # "Duterte, on a state visit to China, met Xi": the clause subject is on the visit
        partner = partner or anchor.dep_ == "pobj" and head.lower_ in ("on", "during") and trigger.i in ctx.entries \
            and ctx.entries[trigger.i].code[:3] == "042" and bool(self.prep_objects(trigger, "to")) \
            and not any(c.dep_ == "poss" for c in trigger.children)  # ("during his visit": his, not the subject)
        if anchor.dep_ not in ("dobj", "obj", "attr", "pobj", "nsubjpass", "conj") or head.i == anchor.i \
                or not (partner or not background):
            return
        while head.dep_ in ("prep", "conj") and head.head.i != head.i:
            head = head.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.w.quantity_nouns and head.i != trigger.i \
                and head.dep_ in ("dobj", "obj") and head.head.i != head.i:
            head = head.head  # "carried out a campaign of ethnic cleansing": the verb above the container noun
        announced = trigger.dep_ in ("dobj", "obj") and head.i == trigger.head.i \
            and head.lemma_.lower() in self.w.announce_verbs  # "announced a package"
        # "rolled into Chechnya in an offensive against the rebels": forces moving in wage the offensive
        # ("killed him in a raid" is one attack, coded from the verb)
        violent = ("18", "19", "20")
        waged = trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "during") and trigger.i in ctx.entries \
            and ctx.entries[trigger.i].code[:2] in violent \
            and (head.i not in ctx.entries or ctx.entries[head.i].code[:3] in ("192", "154", "074"))
        # "stepped up a campaign of ethnic cleansing": the open dictionary's reading of the verb above a
        # container noun yields to the event the container holds
        dictionary_head = head.i in ctx.entries and ctx.entries[head.i].notes.startswith(DICTIONARY_NOTE)
        contained = (contained or body) and dictionary_head
        # "returned from a visit to Tehran", "left on a tour of Asia": the open dictionary reads the verb
        # as the same visit or meeting as the noun, which names it with its place
        same = dictionary_head and trigger.dep_ == "pobj" and trigger.i in ctx.entries \
            and ctx.entries[head.i].code[:2] == ctx.entries[trigger.i].code[:2] == "04"
        if head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() not in self.report or announced or partner) \
                and head.lemma_.lower() not in self.w.avoid_verbs and head.lemma_.lower() not in self.w.observe_verbs \
                and (head.i not in ctx.entries or partner or waged or contained or same):
            a.sources = self.subject_actors(ctx, head)
            if not background:  # talks held before a refusal are not refused: background keeps its own modality
                a.chain = a.chain + [t for t in chain(head, self.w.circumstance_preps) if t not in a.chain]

    def _more_targets(self, ctx: DocContext, a: Args, trigger: Token, entry: Trigger,
                      inner: Token | None) -> list[Mention]:
        """Targets the lexicon rule did not find, tried in order: the one an appeal or aid is addressed
        to, the rejecter of a call, the object of the light verb, the of-phrase, the passive subject of
        an attack, the thing acted on, the target of the governed event."""
        sources = a.sources
        if sources and entry.pos == "NOUN" and trigger.dep_ == "pobj" and (
                trigger.head.lower_ == "despite" and entry.code[:2] in ("02", "10")
                or trigger.head.lower_ == "for" and self.credited(ctx, trigger)):
            # "refused ... despite an appeal from Havana": the appeal is addressed to the subject;
            # "thanked Denmark for its aid": the aid went to the one who thanks
            subj, passive = self.subject(ctx, trigger.head.head)
            targets = [] if passive else [m for m in self.actors(ctx, subj) if m not in sources]
            if targets:
                return targets
        if entry.code[:2] in ("02", "03", "10") or trigger.dep_ in ("acl", "relcl"):
            targets = self.rejecter(ctx, trigger, sources) or self.relative_object_owner(ctx, trigger, sources)
            if targets:
                return targets
        if entry.code[:2] in ("02", "10") and entry.pos == "VERB":
            # "demanded an immediate ceasefire between Israel and Hamas": the parties of the thing demanded
            targets = [m for c in trigger.children if c.dep_ in ("dobj", "obj")
                       for b in self.prep_objects(c, "between") for m in self.actors(ctx, b) if m not in sources]
            if targets:
                return targets
        if entry.pos == "NOUN":
            targets = self._noun_targets(ctx, trigger, entry, sources)
            if targets:
                return targets
        targets = self._ground_targets(ctx, trigger, entry, sources)
        if targets:
            return targets
        if entry.pos == "NOUN" and entry.code[:2] in PHYSICAL_ROOTS and trigger.dep_ == "pobj" \
                and trigger.head.lower_ in ("in", "during") and trigger.head.head.pos_ == "VERB":
            # "Reagan was wounded in an assassination attempt by a gunman": the one the clause tells it befell
            verb = trigger.head.head
            # ("Reagan Wounded in Assassination Attempt": a headline's passive without its auxiliary)
            bare = verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
            targets = [m for c in verb.children if c.dep_ == "nsubjpass" or bare and c.dep_ == "nsubj"
                       for m in self.actors(ctx, c) if m not in sources]
            if targets:
                return targets
        if entry.pos == "VERB":
            targets = self.event_antecedent(ctx, trigger, sources)
            if targets:
                return targets
        if entry.code in ("015", "016"):
            # "claimed responsibility for suicide bombings at Brussels airport": the country of the place hit;
            # "denied responsibility for the grenade attack on an opposition rally": the actor attacked
            claimed = self.prep_objects(trigger, "for") + [
                p for c in trigger.children if c.dep_ in ("dobj", "obj") for p in self.prep_objects(c, "for")]
            # "the bombing of the American and French headquarters", "drone attacks that set Saudi oil plants
            # ablaze", "a car bombing outside the Indian embassy": the one the act hit, else its place
            codes = {m.code for m in sources}
            hit = [p for c in claimed for prep in c.children if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "of")
                   for p in prep.children if p.dep_ == "pobj"]
            named = [m for c in claimed for t in c.subtree if t.i not in ctx.places
                     for m in self.actors(ctx, t) if m.code not in codes and m.root == t.i and m.kind != "context"]
            targets = [m for p in hit for m in self.actors(ctx, p) if m.code not in codes] \
                or [m for c in claimed for m in self.relative_targets(ctx, c, sources)] or named[:1] \
                or [ctx.places[t.i] for p in claimed for t in p.subtree if t.i in ctx.places][:1]
            if targets:
                return targets
        if entry.code[:2] == "13" and entry.pos == "VERB" and inner is None:
            targets = self.threatened_targets(ctx, trigger, sources)
            if targets:
                return targets
        targets = self._inner_targets(ctx, inner)
        head_entry = ctx.entries.get(trigger.head.i)
        if not targets and entry.pos == "VERB" and entry.code[:2] in (*SPOKEN_ROOTS, "11") and trigger.dep_ == "conj" \
                and trigger.head.pos_ == "VERB" and (head_entry is None or head_entry.code[:2] != entry.code[:2]):
            # "telephoned his Turkish counterpart and expressed his condolences": said to the one called
            targets = [m for c in trigger.head.children if c.dep_ in ("dobj", "obj", "dative")
                       for m in self.actors(ctx, c) if m not in sources]
        return targets

    def purpose_targets(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"Police used tear gas to disperse protesters": force used for a purpose is used on the object of
        the purpose clause ("to" + verb without its own subject)."""
        for c in trigger.children:
            if c.dep_ in ("advcl", "xcomp") and purpose_clause(c):
                entry = ctx.entries.get(c.i)
                targets = (self.find_targets(ctx, c, entry) if entry is not None else []) \
                    or self.fallback_targets(ctx, c, sources)
                if targets:
                    return targets
        return []

    def threatened_party(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"Medvedev warned that Russia had the right to use nuclear weapons against Ukraine": a threat whose
        clause names the speaker's own side is made against the actor of its against- or on-phrase."""
        countries = {m.country for m in sources}
        for c in trigger.children:
            if c.dep_ not in ("ccomp", "xcomp"):
                continue
            for t in c.subtree:
                if t.dep_ == "prep" and t.lower_ in ("against", "on"):
                    found = [m for p in t.children if p.dep_ == "pobj" for m in self.actors(ctx, p, ctx.places)
                             if m.country not in countries]
                    if found:
                        return found
        return []

    def _threat(self, entry: Trigger, chain: list[Token]) -> bool:
        """A threat: a threat verb, or an act governed by one ("threatened to close the strait")."""
        return entry.code[:2] == "13" or any(t.lemma_.lower() in self.threat_words for t in chain)

    def conditional_party(self, ctx: DocContext, trigger: Token, chain: list[Token],
                          sources: list[Mention]) -> list[Mention]:
        """"threatened to close the Strait of Hormuz if Washington imposed sanctions": a threat whose act
        has no actor target is made against the actor of its condition ("if" / "unless" clause)."""
        # another country, or the state facing its own rebels ("rebels threatened ... unless the army withdrew")
        nonstate = {"REB", "INS", "SEP", "UAF", "OPP", "CVL"}
        countries = set() if any(m.role in nonstate for m in sources) else {m.country for m in sources}
        codes = {m.code for m in sources}
        for head in [trigger, *chain]:
            for c in head.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.w.conditional_marks for m in c.children):
                    subj, passive = self.subject(ctx, c)
                    if passive or subj is None or subj.i < c.sent.start:
                        continue
                    found = [m for m in self.actors(ctx, subj, ctx.places) if m.country not in countries and m.code not in codes]
                    if not found and subj.tag_ == "PRP":
                        found = [m for m in self.antecedent(ctx, subj) if m.country not in countries and m.code not in codes]
                    if found:
                        return found
        return []

    def posture_target(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"fired missiles into waters off Taiwan", "massed troops along the Syrian border", "drills around
        Taiwan": a show of force or a deployment is aimed at the foreign country of the place it is near;
        "moved troops to the border" (or "around the island") at the one other country of the sentence."""
        own = {m.country for m in sources}
        def own_clause(t: Token) -> bool:  # no clause of its own between the phrase and the trigger
            cur = t
            while cur.i != trigger.i and cur.head.i != cur.i:
                if cur.dep_ in ("advcl", "ccomp", "relcl", "conj", "acl", "xcomp") or cur.dep_ in SUBJ:
                    return False
                cur = cur.head
            return cur.i == trigger.i
        def frontier(t: Token) -> bool:  # "to the border", "along the Syrian border", not "its east coast"
            return t.lemma_.lower() in FRONTIER_NOUNS and not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children)
        # ("poured across the border": the parser may call the preposition a particle)
        phrases = [p for p in trigger.subtree if p.dep_ in ("prep", "prt") and own_clause(p) and (
            p.lower_ in POSTURE_PREPS or p.lower_ == "to" and any(frontier(o) for o in p.children if o.dep_ == "pobj"))]
        # "drills simulating the sealing off of Taiwan", "exercises rehearsing an invasion of the island": the
        # country the rehearsed act is aimed at
        held = [trigger, *(o for o in trigger.children if o.dep_ in ("dobj", "obj"))]
        held += [p for o in held[1:] for p in self.prep_objects(o, "of")]  # "a third day of drills simulating ..."
        for c in (c for h in held for c in h.children):
            if c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in REHEARSAL_VERBS:
                for t in c.subtree:
                    m = ctx.by_root.get(t.i) or ctx.places.get(t.i)
                    if m is not None and m.country and m.country not in own and m.country in self.lex.countries:
                        return [replace(implied(self.lex, m.country, ""), role=None)]
        bare = False
        for p in phrases:
            for t in p.subtree:
                if any(a.lemma_.lower() in WATER_NOUNS for a in [t, *t.ancestors] if p in a.ancestors):
                    continue  # "into the Sea of Japan": a sea named after a country is not that country
                m = ctx.by_root.get(t.i) or ctx.by_token.get(t.i) or ctx.places.get(t.i)
                if m is not None and m.country and m.country not in own and m.country in self.lex.countries:
                    return [replace(implied(self.lex, m.country, ""), role=None)]
                bare = bare or frontier(t)
        if bare:
            others = {m.country for m in [*ctx.by_root.values(), *ctx.places.values()] if m.country
                      and m.country not in own and trigger.sent.start <= m.start < trigger.sent.end
                      and m.country in self.lex.countries and ctx.doc[m.start].idx >= dateline_end(ctx.doc)}
            if len(others) == 1:
                return [replace(implied(self.lex, others.pop(), ""), role=None)]
        return []

    def investigated_party(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"investigate war crimes committed by Israel", "an examination into the deportation of Rohingya by
        Myanmar's military", "an inquiry into charges that President X benefited", "investigations into the
        conduct of Russian troops": an investigation targets the one whose acts are investigated."""
        codes = {m.code for m in sources}
        heads = [c for c in trigger.children if c.dep_ in ("dobj", "obj")] + self.prep_objects(trigger, "into")
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj"):
            heads += self.prep_objects(trigger.head, "into")  # "opened an inquiry on Monday into ..."
        holder = of_holder(trigger)
        if holder is not None and holder.lemma_.lower() in INQUIRY_BODIES:
            heads += self.prep_objects(holder, "into")  # "a committee of inquiry into ..."
        for head in heads:
            for t in head.subtree:
                if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by" and t.head.pos_ == "NOUN"):
                    doers = [p for p in t.children if p.dep_ == "pobj"]
                elif t.dep_ in ("acl", "ccomp", "relcl") and t.pos_ == "VERB":
                    doers = [c for c in t.children if c.dep_ in SUBJ]
                elif t.dep_ == "poss" and t.head.lemma_.lower() in self.claim_nouns:
                    continue  # "began investigating Iran's charges that Iraq had used mustard gas": the accuser
                elif t.dep_ == "poss" or (t.dep_ == "prep" and t.lower_ == "of" and t.head.lemma_.lower() in CONDUCT_NOUNS):
                    doers = [t] if t.dep_ == "poss" else [p for p in t.children if p.dep_ == "pobj"]
                else:
                    continue
                found = [m for d in doers for m in self.actors(ctx, d) if m.code not in codes]
                if found:
                    return found
        return []

    def event_antecedent(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"NATO aircraft struck Serbia, and Yeltsin condemned the attack": a definite event noun with no
        actor of its own ("the attack", "the raid", "the demand") is the act of its family told before
        it, in its sentence or the one before (an act of force; a demand or appeal); those who did that
        act are the target ("rebels demanded ..., but Fujimori rejected the demand")."""
        nouns: list[Token] = []
        for c in trigger.children:
            if c.dep_ in ("dobj", "obj"):
                nouns.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("for", "against", "over"):
                nouns.extend(p for p in c.children if p.dep_ == "pobj")
        for n in nouns:
            entry = ctx.entries.get(n.i)
            family = next((f for f in ANTECEDENT_FAMILIES if entry is not None and entry.code[:2] in f), None)
            if entry is None or entry.pos != "NOUN" or family is None \
                    or not any(d.dep_ == "det" and d.lower_ in DEFINITE_DETERMINERS for d in n.children) \
                    or any(d.dep_ == "poss" for d in n.children) or self.prep_objects(n, "by") or self.prep_objects(n, "of"):
                continue
            before = sentence_before(n)
            first = before.start if before is not None else n.sent.start
            for j in sorted((j for j in ctx.entries if first <= j < n.i and j != trigger.i), reverse=True):
                verb = ctx.doc[j]
                if verb.pos_ == "VERB" and ctx.entries[j].code[:2] in family:
                    doers = [m for m in self.subject_actors(ctx, verb) if m not in sources]
                    if doers:
                        return doers
        return []

    def threatened_targets(self, ctx: DocContext, trigger: Token, sources: list[Mention]) -> list[Mention]:
        """"threatened to turn Seoul into a sea of fire": a threat whose act is no event of the lexicon is
        made against the actor that act is done to (the object of the "to" clause). A verb of the open
        dictionary is no lexicon event here: it has no threat code of its own."""
        for c in trigger.children:
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and to_infinitive(c) \
                    and (c.i not in ctx.entries or ctx.entries[c.i].notes.startswith(DICTIONARY_NOTE)):
                targets = self.fallback_targets(ctx, c, sources)
                if targets:
                    return targets
        return []

    def _noun_targets(self, ctx: DocContext, trigger: Token, entry: Trigger, sources: list[Mention]) -> list[Mention]:
        targets: list[Mention] = []
        if trigger.dep_ in ("dobj", "obj", "nsubjpass") and trigger.head.pos_ == "VERB":
            targets = self.find_targets(ctx, trigger.head, entry)
        if not targets and sources:
            targets = [m for t in self.attach(trigger, "pobj:of") for m in self.actors(ctx, t, ctx.places)]
        if not targets and sources and entry.code[:3] == "112":
            # "rejected Washington's accusation that it shelters drug cartels": the one the that-clause accuses
            for c in trigger.children:
                if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    subj, passive = self.subject(ctx, c)
                    found = [] if passive else self.actors(ctx, subj) or self.owned_body(ctx, subj) or (
                        self.antecedent(ctx, subj) if subj is not None and subj.tag_ == "PRP" else [])
                    targets = [m for m in found if m not in sources]
                    break
        if not targets and trigger.dep_ == "pobj" and trigger.head.dep_ == "agent":
            # "Gaza was hit by Israeli air strikes": the subject of the passive verb is the target
            verb = trigger.head.head
            targets = [m for c in verb.children if c.dep_ == "nsubjpass" for m in self.actors(ctx, c, ctx.places)]
        return targets

    def _inner_targets(self, ctx: DocContext, inner: Token | None) -> list[Mention]:
        """"refused to release X": the inner event's target; "demanded that X withdraw": its subject."""
        if inner is None:
            return []
        targets: list[Mention] = []
        inner_entry = ctx.entries.get(inner.i)
        if inner_entry is not None:
            targets = self.find_targets(ctx, inner, inner_entry)
            if not targets and inner_entry.code[:3] == "042":  # "refused to attend the conference in Doha"
                targets = self.physical_target(ctx, inner)
        if not targets:
            subj, _ = self.subject(ctx, inner)
            if subj is not None and inner.dep_ == "ccomp":
                targets = self.actors(ctx, subj, ctx.places)
        return targets

    def _repressed_people(self, trigger: Token, entry: Trigger, sources: list[Mention],
                          targets: list[Mention]) -> list[Mention]:
        """"Iran's crackdown on protests": repression aimed at a protest targets the people of the
        repressing actor's country; so do repression of civilians whose country the sentence does not say
        ("Damascus ... over its crackdown on protesters") and mass violence against a people no table names."""
        country = sources[0].country
        if not country or country not in self.lex.countries:
            return targets
        aimed = [t for rule in entry.targets for t in self.attach(trigger, rule)]
        dissent = any(t.lemma_.lower() in self.w.dissent_nouns for t in aimed)
        if targets and dissent and all(t.kind in ("place", "capital") and t.country == country for t in targets):
            targets = []  # "crushed the Tiananmen Square demonstration": the protesters, not the square
        if targets:
            return [implied(self.lex, country, "CVL") if t.kind == "context" and t.role == "CVL" else t
                    for t in targets]
        if dissent:
            return [implied(self.lex, country, "CVL")]
        if entry.code[:2] == "20" and any(t.dep_ == "pobj" and t.head.lower_ == "against" for t in aimed):
            # "ethnic cleansing against the Fur and Masalit in Darfur": mass violence against a people
            # the tables do not name is against the civilians of the state that commits it
            return [implied(self.lex, country, "CVL")]
        return targets

    def _sued_party(self, ctx: DocContext, a: Args, trigger: Token, entry: Trigger) -> None:
        """"filed a case at the International Court of Justice accusing Myanmar of genocide": a lawsuit is
        brought against the one it accuses, not the court it is filed at."""
        if entry.code != "115" or not a.targets or not all(t.role == "JUD" or t.code in COURT_CODES for t in a.targets):
            return
        accused = [m for c in trigger.children if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in ACCUSING_VERBS
                   for o in c.children if o.dep_ in ("dobj", "obj") for m in self.actors(ctx, o)]
        if accused:
            a.targets = accused

    def _domestic_target(self, a: Args, entry: Trigger) -> None:
        """Domestic administrative measures (curfew, state of emergency, bans) target the population,
        a ban on parties or politicians the opposition; police sent to a place of their own country no one."""
        sources = a.sources
        if sources and entry.code[:3] == "153" and a.targets and all(
                t.kind in ("place", "country", "capital") and t.country == sources[0].country for t in a.targets):
            a.targets = []  # "poured police into Lhasa": police sent within their own country act on no one
            return
        if sources and entry.code[:3] == "154" and a.targets and all(
                t.country == sources[0].country and t.role == "MIL" and t.kind != "place" for t in a.targets):
            a.targets = []  # "ordered the mobilisation of 300,000 reservists": one's own forces mobilised act on no one
            return
        if sources and entry.code == "0873" and a.targets and all(
                t.country == sources[0].country and t.role in ("MIL", None) for t in a.targets):
            a.targets = []  # "announced a cut of 500,000 troops": one's own forces are demobilised, no one is acted on
            return
        if sources and not a.between and entry.code[:3] in ("081", "172") and sources[0].country \
                and sources[0].country in self.lex.countries \
                and all(t.kind == "place" and t.country == sources[0].country for t in a.targets):
            role = "OPP" if entry.code in ("0812", "1722") else "CVL"
            a.targets = [implied(self.lex, sources[0].country, role)]
        if len(sources) == 1 and not a.targets and not a.between and entry.code[:3] in ("057", "087") \
                and entry.lemma in TRUCE_MAKING_VERBS \
                and sources[0].role in INSURGENT_ROLES and sources[0].country in self.lex.countries:
            # "the rebel Patriotic Movement of Ivory Coast signed a ceasefire": rebels who sign a truce or an
            # accord with no one named sign it with the government they fight
            a.targets = [implied(self.lex, sources[0].country, "GOV")]

    @staticmethod
    def _own_aid_cut(ctx: DocContext, a: Args, trigger: Token, entry: Trigger) -> None:
        """"imposed sanctions on India, cutting off American aid": relations reduced with one's own country
        (the demonym on the aid is the giver's) are reduced with the other country the sentence acts on
        before it."""
        if entry.code[:2] != "16" or len(a.sources) != 1 or not a.targets or a.between:
            return
        own = a.sources[0].country
        if not own or any(t.country != own or t.role is not None for t in a.targets):
            return  # (the government's talks with its rebels are acted on within one country)
        other = next((m for m in named_before(ctx, trigger) if m.country and m.country != own
                      and m.role in (None, "GOV")), None)
        a.targets = [other] if other is not None else []

    # -- pairs -------------------------------------------------------------------------------------
    @staticmethod
    def fought_each_other(entry: Trigger, a: Args, sources: list[Mention]) -> bool:
        """"Kyrgyz and Tajik troops fought along the border": forces of different states fighting with no
        one else named fight each other."""
        return entry.code[:2] == "19" and bool(a.chain) and a.chain[0].lemma_.lower() in MUTUAL_FIGHT_VERBS \
            and len({m.country for m in sources}) == len(sources)

    @staticmethod
    def pairs(entry: Trigger, a: Args) -> list[tuple[Mention, Mention | None]]:
        """(source, target) pairs: between-parties both ways, reciprocal events in both directions."""
        sources, targets, between = a.sources, a.targets, a.between
        if between and len(between) >= 2 and not sources:
            if entry.code[:3] == "045":
                return []  # "mediation between X and Y" names the parties, not the mediator
            return [(x, y) for x in between for y in between if x is not y]
        if between and sources:
            return [(s, b) for s in sources for b in between if b is not s]
        if not sources:
            return []
        if targets:
            pairs: list[tuple[Mention, Mention | None]] = [(s, t) for s in sources for t in targets if s is not t]
            if entry.reciprocal and not a.offered:
                pairs += [(t, s) for s, t in list(pairs) if t is not None]
                if len(sources) >= 2:
                    pairs += [(x, y) for x in sources for y in sources if x is not y]
            return pairs
        if len(sources) >= 2 and (entry.reciprocal or entry.code[:2] in RECIPROCAL_ROOTS and entry.code[:2] != "04"
                                  or Arguments.fought_each_other(entry, a, sources)
                                  or entry.code[:2] in COOPERATIVE_ROOTS
                                  and any(t.lemma_.lower() == "agree" and t.dep_ != "xcomp" for t in a.chain[1:])):
            # "Ankara and Damascus agreed to reopen a border crossing": a joint undertaking of the parties
            return [(x, y) for x in sources for y in sources if x is not y]
        return [(s, None) for s in sources]
