"""Stage 2: find actor mentions in a parsed Doc and resolve them to CAMEO actor codes.

Names, short names, demonyms, capitals, metonyms ("the Kremlin"), people and organisations
come from the dictionaries in streams/data/. A descriptor noun ("troops", "officials",
"protesters") takes its role from roles.tsv and its country from a modifier ("Russian troops",
"US officials", "Russia's army") or a prepositional phrase ("protesters in Tehran").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from streams.extraction.lexicon import Lexicon, split_code
from streams.extraction.parsing import dateline_end
from streams.extraction.people import PeopleIndex, dictionary_people, dictionary_roles

# the prepositions whose object names a place, not an actor ("talks in Moscow", "flew to Kabul")
NOT_ACTOR_PREPS = frozenset({"in", "at", "near", "outside", "inside", "to", "from", "into", "across", "around", "towards",
                             "toward"})
REGION_WORDS = {"south", "latin", "central", "north"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


NAME_PARTICLES = frozenset({"de", "da", "del", "der", "di", "dos", "du", "van", "von", "al", "el", "bin", "ibn", "la", "le", "y"})
# agreements, processes and meetings named after the city where they were made ("the Minsk agreement")
NAMED_AFTER_PLACES = frozenset({"agreement", "accord", "accords", "protocol", "deal", "treaty", "process", "format",
                                "declaration", "convention", "pact", "plan", "framework", "communique", "consensus",
                                "ceasefire", "truce", "understanding", "initiative", "memorandum", "charter"})
ARTICLE_PARTICLES = frozenset({"al", "el"})  # the Arabic article of a surname ("al-Assad", "el-Qaddafi")


def written_as_name(text: str) -> bool:
    """'Ban Ki-moon', 'Luiz Inacio Lula da Silva': every word capitalised but the particles of names."""
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in text.split())


TITLE_SMALL_WORDS = frozenset({"of", "for", "and", "the", "in", "de", "del", "la", "el"})


def written_as_title(text: str) -> bool:
    """'Revolutionary Armed Forces of Colombia', 'Liberation Tigers of Tamil Eelam': the name of a body,
    every word capitalised but the small words inside it."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in words)


def written_as_acronym(text: str) -> bool:
    """'FARC', 'PKK', 'Al-Shabaab': a one-word name that cannot be a common word (upper case, or a
    capitalised name of hyphenated parts)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and (all(ch.isupper() for ch in letters) or ("-" in text.strip("-") and text[:1].isupper()))


PAIR_WORDS = frozenset({"two", "both"})
# "Western diplomats", "foreign officials": people from elsewhere, not of the country their sentence names
FOREIGN_WORDS = frozenset({"western", "foreign", "arab", "european", "african", "asian", "international",
                           "regional", "allied", "overseas", "visiting"})


def acts_on(subject: Token, token: Token) -> bool:
    """The subject of a verb whose object phrase holds the token ("the United States armed the rebels")."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subject.head
    return any(token.i in (t.i for t in c.subtree) for c in verb.children
               if c.dep_ not in ("nsubj", "nsubjpass") and c.i != subject.i)


def month_before_day(token: Token) -> bool:
    """"Jun 27", "March 3": a month name (or its abbreviation) before a day number."""
    return token.lower_.rstrip(".") in MONTH_WORDS and token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num


def pair_reference(token: Token) -> bool:
    """'the two leaders', 'both governments': a plural that stands for two actors named before, not for
    the country of its sentence."""
    # ("closed two newspapers": a count, not a reference; the reference is definite)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "these", "those") for c in token.children)
    return any(c.lower_ in PAIR_WORDS and c.dep_ in ("nummod", "det", "predet", "amod") and (definite or c.lower_ != "two")
               for c in token.children)


class WordFilter:
    """Indices of the tokens whose lemma (lower-cased) or lower-case form is in a word set: a pass over
    the doc's arrays, so the per-token Python work runs only for the tokens that can match."""

    def __init__(self, lemma_words: frozenset[str], lower_words: frozenset[str]) -> None:
        self.lemma_words = lemma_words
        self.lower_words = lower_words
        self._lemma: dict[int, bool] = {}
        self._lower: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> list[int]:
        if not len(doc):
            return []
        strings = doc.vocab.strings
        arr = doc.to_array([LOWER, LEMMA])
        hit = numpy.zeros(len(doc), dtype=bool)
        for col, memo, words, fold in ((0, self._lower, self.lower_words, False), (1, self._lemma, self.lemma_words, True)):
            uniq, inverse = numpy.unique(arr[:, col], return_inverse=True)
            known = []
            for h in uniq.tolist():
                ok = memo.get(h)
                if ok is None:
                    text = strings[h]
                    ok = memo[h] = (text.lower() if fold else text) in words
                known.append(ok)
            hit |= numpy.array(known, dtype=bool)[inverse.reshape(-1)]
        return numpy.flatnonzero(hit).tolist()


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int
    root: int  # token index of the head word
    code: str
    country: str | None
    role: str | None
    name: str
    kind: str  # country, demonym, capital, metonym, person, org, descriptor, context, place, implied
    text: str
    start_char: int
    end_char: int

    @property
    def actor_key(self) -> str:
        """Country-level key used by the tables: the ISO-3 country, else the code."""
        return self.country or self.code

    def as_actor(self) -> dict[str, object]:
        span = None if self.kind == "implied" else [self.start_char, self.end_char]
        return {"text": self.text, "code": self.code, "country": self.country, "role": self.role,
                "name": self.name, "span": span}


# names of international bodies that national bodies share ("Russia's Security Council")
NATIONAL_NAMESAKES = ("security council", "general assembly", "human rights council")
KIND_PRIORITY = {"metonym": 0, "org": 1, "person": 2, "country": 3, "capital": 4, "demonym": 5, "surname": 6}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# heads whose role is the role of the body named before them ("rebel leader", "army spokesman")
MODIFIED_HEADS = frozenset({"leader", "chief", "commander", "spokesman", "spokeswoman", "spokesperson", "member",
                            "official", "head", "figure", "representative"})
# the people of a body named in an of- or from-phrase, who act for it ("the leader of Boko Haram")
ORG_MEMBER_NOUNS = MODIFIED_HEADS | frozenset({"chairman", "chairwoman", "chair", "director", "secretary", "president",
                                               "envoy", "negotiator", "delegation", "fighter", "militant", "gunman",
                                               "guerrilla", "secretary-general", "founder", "emir", "prosecutor",
                                               "inspector", "monitor", "observer", "peacekeeper", "investigator",
                                               "expert", "team", "mission", "rebel", "soldier", "troop", "force",
                                               "unit", "faction", "bomber"})
# the offices of a body named before them ("the UN human rights chief", "the EU foreign policy chief")
OFFICE_NOUNS = frozenset({"chief", "head", "leader", "envoy", "spokesman", "spokeswoman", "spokesperson", "official",
                          "representative", "commander", "chairman", "chairwoman", "chair", "director", "secretary",
                          "president", "secretary-general", "prosecutor", "negotiator", "coordinator", "commissioner"})
# places in a city named by it ("Brussels airport", "the Moscow metro"): the city is then a place, not its government
FACILITY_NOUNS = frozenset({"airport", "metro", "subway", "station", "hotel", "market", "stadium", "mall", "theatre",
                            "theater", "port", "harbour", "harbor", "university", "hospital", "concert", "nightclub",
                            "marathon", "bridge", "railway", "train", "bus", "underground", "cafe", "restaurant"})
# the nouns at the end of the name of a place named after a person ("King Khalid International Airport")
NAMED_FACILITY_NOUNS = frozenset({"airport", "bridge", "university", "hospital", "stadium", "square", "street", "avenue",
                                  "boulevard", "road", "highway", "mosque", "cathedral", "base", "dam", "port", "harbour",
                                  "harbor", "station", "centre", "center", "hall", "school", "academy", "college", "camp",
                                  "canal", "park", "prize", "foundation", "institute", "library", "museum"})


def named_facility(span: Span) -> bool:
    """A name that modifies, through compounds, a capitalised facility noun: the facility's name."""
    head = span.root
    for _ in range(6):
        if head.dep_ != "compound" or head.head.i == head.i:
            break
        head = head.head
    return head.i >= span.end and head.text[:1].isupper() and head.lemma_.lower() in NAMED_FACILITY_NOUNS


# "Iranian-backed militias", "a UN-backed tribunal": the supporter named before them is not the actor
# (an owner is: "British-owned tanker")
SUPPORT_PARTICIPLES = frozenset({"backed", "allied", "aligned", "linked", "affiliated", "funded", "sponsored"})
CONTROL_PARTICIPLES = SUPPORT_PARTICIPLES | frozenset({"held", "controlled", "run", "occupied", "owned"})
CURRENCY_NOUNS = frozenset({"dollar", "pound", "euro", "yen", "yuan", "rouble", "ruble", "rupee", "peso", "franc", "mark",
                            "lira", "real", "rand", "dinar", "riyal", "rial", "won", "shekel", "hryvnia", "krona", "krone",
                            "naira", "shilling", "ringgit", "baht", "dong", "zloty", "forint", "lev", "leu", "currency"})
CROWD_NUMBERS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens"})
# nouns for a part of a place: the object of their of-phrase is a place ("parts of Beijing")
PART_NOUNS = frozenset({"part", "outskirts", "outskirt", "centre", "center", "heart", "street", "suburb", "area",
                        "district", "neighbourhood", "neighborhood", "quarter", "rest", "city", "town", "village",
                        "province", "region", "north", "south", "east", "west", "edge", "port", "capital"})
# a name the recogniser misses as a place is read as one only as the object of these prepositions or verbs
SLOT_PREPS = frozenset({"in", "into", "near", "outside", "around", "across"})
PLACE_VERBS = frozenset({"bomb", "shell", "seize", "capture", "overrun", "besiege", "encircle", "recapture",
                         "retake", "liberate", "storm", "enter", "invade", "occupy", "strike", "hit", "pound",
                         "bombard", "attack", "raid", "annex", "blockade"})
SPANS_KEY = "geoevents_actor_spans"  # doc.user_data key
# roles that title a named person ("Opposition leader X", "Police chief Y"); domestic ones take a country
# named beside them in the sentence
TITLE_ROLES = {"GOV", "OPP", "REB", "JUD", "LEG", "COP", "MIL"}
DOMESTIC_ROLES = {"OPP", "REB", "JUD", "LEG", "COP"}
# the roles of a title word that override a known person's office ("rebel chief Maskhadov")
TITLE_DOMESTIC_ROLES = frozenset({"OPP", "REB", "INS", "SEP"})
# GOV nouns for a body, not a person: "the former Syrian government" is no former office holder
BODY_NOUNS = frozenset({"government", "administration", "regime", "authority", "junta", "cabinet", "ministry",
                        "leadership", "coalition"})
# nouns that refer back to an international body named before ("the agency's inspectors")
BODY_ANAPHORS = frozenset({"agency", "organisation", "organization", "alliance", "bloc", "union", "body", "watchdog",
                           "court", "tribunal", "council", "commission"})
SENDING_VERBS = frozenset({"send", "dispatch"})  # a body sent is the sender's (ActorResolver._sender)
MONTH_WORDS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                         "january", "february", "march", "april", "june", "july", "august", "september", "october",
                         "november", "december"})
FORMER_WORDS = frozenset({"former", "ex", "late", "onetime", "erstwhile", "ousted", "deposed", "toppled", "exiled"})
# the roots of nouns of force whose role-word modifier is their agent ("a rebel attack", "a police crackdown")
AGENT_ROOTS = frozenset({"17", "18", "19", "20"})
# the role words that name the agent when they are the first modifier of such a noun (not weapons: "drone attacks",
# nor words whose country the sentence does not say: "a terrorist attack"); "an Israeli military offensive" is
# the demonym's
# (the annotation rules leave "the police raid on the embassy" uncoded: state organs on an event noun are no agent)
AGENT_WORDS = frozenset({"rebel", "guerrilla", "militant", "insurgent", "army", "military", "militia", "paramilitary",
                         "separatist", "jihadist"})
CONTEXT_ROLES = {"GOV", "COP", "LEG", "OPP", "JUD", "MIL", "CVL", "LAB", "HLH", "EDU", "AGR", "BUS", "MED", "SPY", "REF", "UAF", "REB", "INS", "SEP",
                 "CRM"}
# groups of people who are where they act (not reporters, who travel): without a nationality they take the country of the place
# the sentence puts them in ("students blocked bridges in Novi Sad", "monks marched through Rangoon")
PRESENT_ROLES = {"CVL", "LAB", "HLH", "EDU", "AGR", "REF", "UAF", "REB", "INS", "SEP", "CRM"}
# rebels and gunmen without a place fight the state of the sentence ("gunmen shot the Japanese prime
# minister"), not a foreign victim ("rebels took two French aid workers hostage")
ARMED_GROUP_ROLES = frozenset({"REB", "UAF", "INS", "SEP"})
# armed groups and criminal gangs take the country of the state they act in, never of a foreign victim
LAWLESS_ROLES = ARMED_GROUP_ROLES | {"CRM"}
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                             "north-east", "north-west", "south-east", "south-west"})
CURRENCY_NOUNS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "mark", "rouble", "ruble",
                            "peso", "real", "rand", "lira", "dinar", "riyal", "won", "shekel", "krone", "krona"})
# the nouns for a government named after its leader ("the Reagan administration")
REGIME_NOUNS = frozenset({"administration", "government", "regime", "cabinet", "junta"})
# the head words of a group's name ("Patriotic Movement", "Liberation Front")
GROUP_NAME_HEADS = frozenset({"movement", "front", "alliance", "brigade", "brigades", "coalition", "council",
                              "union", "force", "forces", "organization", "organisation", "army"})
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "ELI", "SPY"})
PRESENCE_PREPS = frozenset({"in", "at", "through", "across", "outside", "around", "near", "inside"})
# weapons stand for the military that uses them only with a nationality of their own ("an Iraqi
# missile hit a US frigate"); "a rocket hit Sderot" says nothing of who fired it
INSTRUMENT_NOUNS = frozenset({"missile", "rocket", "bomb", "torpedo", "plane"})
# weapons and war vehicles after "with" are what an act is done with ("fought with tanks and mortars",
# "attacked the town with warplanes"), not the ones it is done to
WEAPON_NOUNS = frozenset({"tank", "artillery", "warship", "warplane", "frigate", "destroyer", "gunship", "gunboat",
                          "drone", "helicopter", "jet", "aircraft", "mortar"}) | INSTRUMENT_NOUNS
# a building or post named by the body it houses ("shelled the parliament building", "stormed army
# headquarters", "bombed guerrilla bases"): the body's role, on the building noun
# the predicate noun of "take / hold X hostage", which the parser often makes the head of X
# ships, aircraft and vehicles named by the body that uses them ("coast guard ships", "army helicopters")
VEHICLE_NOUNS = frozenset({"ship", "vessel", "boat", "aircraft", "plane", "jet", "helicopter", "vehicle", "patrol",
                           "cutter", "gunboat", "warplane"})
VEHICLE_KINDS = frozenset({"fighter", "bomber"})  # "fighter jets": a kind of aircraft, not a combatant's
HOSTAGE_NOUNS = frozenset({"hostage", "hostages", "captive", "captives"})
BUILDING_NOUNS = frozenset({"building", "headquarters", "headquarter", "office", "offices", "compound",
                            "palace", "residence", "barracks", "station", "post", "complex", "base", "camp",
                            "position", "stronghold", "hideout", "outpost",
                            "basis"})  # the small model's lemma of "bases"


def inside_word(span: Span) -> bool:
    """"PORT-AU-PRINCE": a match joined by hyphens to the words on both sides is part of a longer name."""
    doc = span.doc
    return 1 < span.start and span.end + 1 < len(doc) and doc[span.start - 1].text == "-" \
        and doc[span.end].text == "-" and not doc[span.start - 2].whitespace_ and not doc[span.start - 1].whitespace_ \
        and not doc[span.end - 1].whitespace_ and not doc[span.end].whitespace_


def dotted(name: str) -> str:
    """An acronym as older wire copy writes it ("PLO" -> "P.L.O."); "" for any other name."""
    return ".".join(name) + "." if 2 <= len(name) <= 6 and name.isalpha() and name.isupper() else ""


class ActorResolver:
    def __init__(self, nlp: Language, lex: Lexicon, resolve_place: Callable[[str], Any] | None = None,
                 use_dictionaries: bool = True, dateline: Callable[[Doc], Any] | None = None) -> None:
        self.dateline = dateline
        self.lex = lex
        self.resolve_place = resolve_place
        self.titles = lex.titles
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, tuple[str, str, str]] = {}  # match label -> (kind, code, name)
        self._patterns: dict[str, list[str]] = {}
        for c in lex.countries.values():
            self._add(f"C:{c.iso3}", ("country", c.iso3, c.name), [c.name, *c.aliases])
            self._add(f"D:{c.iso3}", ("demonym", c.iso3, c.name), list(c.demonyms))
            self._add(f"K:{c.iso3}", ("capital", c.iso3 + "GOV", c.name), list(c.capitals))
        for phrase, code in lex.metonyms.items():
            self._add(f"M:{phrase}", ("metonym", code, phrase), [phrase])
        extra, groups = dictionary_people(lex) if use_dictionaries else ([], [])
        common = frozenset(w for phrase in (*lex.titles, *lex.roles) for w in phrase.split())
        self.people = PeopleIndex([*lex.people, *extra], lex.titles, common)
        # the open dictionaries' names are lower-case: a case-blind matcher, whose matches must be capitalised
        self.folded_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        folded: dict[str, list[str]] = {}
        for key, ind in self.people.individuals.items():
            self._add(f"P:{key}", ("person", key, ind.name), ind.phrases)
            if ind.folded:
                self.labels.setdefault(f"P:{key}", ("person", key, ind.name))
                folded[f"P:{key}"] = ind.folded
        for name, code in groups:
            self.labels[f"G:{name}"] = ("org", code, name.title())
            folded[f"G:{name}"] = [name]
        for label, phrases in folded.items():
            self.folded_matcher.add(label, [nlp.make_doc(p) for p in phrases])
        # surnames (and East Asian family names) of people: accepted after a title ("President Lee")
        # or when the person was named earlier in the article
        for w in self.people.surnames:
            self._add(f"S:{w}", ("surname", w, w), [w])
        folded_orgs: dict[str, list[str]] = {}
        for o in lex.orgs.values():
            names = [o.name, *o.aliases]
            self._add(f"O:{o.code}", ("org", o.code, o.name), [*names, *map(dotted, names)])
            # "al Shabaab" for "Al Shabaab": a name of two or more words, matched case-blind when written
            # as a name (the open dictionaries leave the names of these tables to them)
            folded_orgs[f"O:{o.code}"] = [n for n in names if len(n.split()) > 1]
        for label, phrases in folded_orgs.items():
            if phrases:
                self.folded_matcher.add(label, [nlp.make_doc(p) for p in phrases])
        for label, phrases in self._patterns.items():
            self.matcher.add(label, [nlp.make_doc(p) for p in phrases])
        self.role_terms = {**dictionary_roles(lex), **lex.roles} if use_dictionaries else lex.roles
        self.role_heads = frozenset(term.split()[-1] for term in lex.roles if term.split())  # last words
        # "head of state", "member of parliament": the first word heads the phrase
        self.of_heads = frozenset(term.split(" of ")[0] for term in lex.roles if " of " in term)
        # a plural the tagger calls a proper noun keeps its -s in the lemma ("Rebels attacked ..." at the
        # start of a sentence): the plural forms of the one-word heads are looked up as they are written
        self.role_plurals = {f"{w}s": w for w in self.role_heads if not w.endswith("s")}
        self.role_candidates = WordFilter(self.role_heads | self.of_heads | BUILDING_NOUNS | VEHICLE_NOUNS | CROWD_NUMBERS
                                          | GROUP_NAME_HEADS,
                                          frozenset(self.role_terms) | frozenset(self.role_plurals))
        self.country_names = {c.iso3: c.name for c in lex.countries.values()}
        self.demonym_country = {d.lower(): c.iso3 for c in lex.countries.values() for d in c.demonyms}

    def _add(self, label: str, value: tuple[str, str, str], phrases: list[str]) -> None:
        uniq = [p for p in dict.fromkeys(phrases) if p]
        if uniq:
            self.labels[label] = value
            self._patterns.setdefault(label, []).extend(uniq)

    # -- helpers ---------------------------------------------------------------------------------
    def role_of(self, token: Token) -> str | None:
        """Role of a descriptor noun, trying 'foreign minister' before 'minister'. A "verb" as the subject
        is a plural noun the tagger misread ("Trade envoys from X and Y met ...")."""
        if token.pos_ not in ("NOUN", "PROPN") and not (token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass")) \
                and not (token.pos_ == "ADJ" and token.dep_ == "amod" and self._agent_modifier(token)):  # "a rebel attack"
            return None
        lemma = token.lemma_.lower()
        if lemma in BUILDING_NOUNS or lemma in VEHICLE_NOUNS:
            # "the parliament building", "guerrilla bases": the body it houses; "coast guard ships": the
            # body that sails them
            for c in token.lefts:
                if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in BUILDING_NOUNS \
                        and c.lemma_.lower() not in VEHICLE_KINDS:
                    role = self.role_of(c)
                    if role is not None:
                        return role
        if lemma in CROWD_NUMBERS and token.dep_ == "nsubj" and self._dissent_verb(token.head) \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return "CVL"  # "Thousands protest in Tbilisi": a crowd of people, not "thousands of soldiers"
        if token.pos_ == "PROPN" and lemma in self.role_plurals:
            lemma = self.role_plurals[lemma]
        # "greeted by the head of state", "the rebel Patriotic Movement"
        role = self._of_phrase_role(token, lemma) or self._armed_group_name(token, lemma)
        if role is not None:
            return role
        if lemma not in self.role_heads and token.text.lower() not in self.role_terms:
            return None  # every term tried below ends with the lemma, or is the word itself
        role = self._compound_role(token, lemma)
        if role is not None:
            return role
        if lemma in MODIFIED_HEADS:
            # "the leaders of the main political parties", "members of the opposition": the body's role
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for body in prep.children:
                        role = self.role_of(body) if body.dep_ == "pobj" and body.pos_ == "NOUN" else None
                        if role is not None and role not in ("GOV", "ELI", "CVL"):
                            return role
        return self.role_terms.get(lemma) or self.role_terms.get(token.text.lower())

    def _compound_role(self, token: Token, lemma: str) -> str | None:
        """The role a noun's modifiers give it: "foreign minister", "militant leaders", "separatist forces"."""
        compounds = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN")]
        if compounds:
            longer = " ".join([*(c.lemma_.lower() for c in compounds), lemma])
            if longer in self.role_terms:
                return self.role_terms[longer]
            longer = " ".join([compounds[-1].lemma_.lower(), lemma])
            if longer in self.role_terms:
                return self.role_terms[longer]
            modifier = self.lex.roles.get(compounds[-1].lemma_.lower())
            if lemma in MODIFIED_HEADS and modifier is not None and modifier not in ("GOV", "ELI"):
                return modifier  # "militant leaders", "army spokesman", "union leaders"
        if self.role_terms.get(lemma) == "MIL":  # "separatist forces", "rebel Serb gunners": armed, not an army
            return next((r for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")
                         for r in [self.lex.roles.get(c.lemma_.lower())] if r in ARMED_GROUP_ROLES), None)
        return None

    def _armed_group_name(self, token: Token, lemma: str) -> str | None:
        """"the rebel Patriotic Movement of Ivory Coast": a group name no table knows, described as armed."""
        if token.pos_ != "PROPN" or lemma not in GROUP_NAME_HEADS:
            return None
        return next((r for c in token.lefts if c.dep_ in ("amod", "compound") and c.pos_ != "PROPN"
                     for r in [self.lex.roles.get(c.lemma_.lower())] if r in ARMED_GROUP_ROLES), None)

    def _of_phrase_role(self, token: Token, lemma: str) -> str | None:
        """The role of a phrase with "of" in roles.tsv ("head of state", "member of parliament")."""
        if lemma not in self.of_heads:
            return None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    phrase = f"{lemma} of {pobj.lemma_.lower()}"
                    if pobj.dep_ == "pobj" and phrase in self.lex.roles:
                        return self.lex.roles[phrase]
        return None

    def _dissent_verb(self, verb: Token) -> bool:
        """A verb the lexicon codes as dissent or force (CAMEO 09-20): a crowd that does it is an actor;
        one that welcomes or cheers a visitor is not."""
        return any(e.code[:2] >= "09" for e in self.lex.triggers.get((verb.lemma_.lower(), "VERB"), []))

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
    def _spans(self, doc: Doc) -> list[Span]:
        """Dictionary matches, the longest one where they overlap (kept on the doc: the parser's NER
        selection asks for them before `process` does)."""
        key = f"{SPANS_KEY}:{id(self)}"
        cached = doc.user_data.get(key)
        if cached is None:
            cached = doc.user_data[key] = [(sp.start, sp.end, sp.label) for sp in self._match(doc)]
        return [Span(doc, start, end, label=label) for start, end, label in cached]

    def _kind_at(self, doc: Doc, i: int) -> str | None:
        """The kind of the dictionary match a token is inside (the matches do not overlap), or None."""
        return next((self.labels[sp.label_][0] for sp in self._spans(doc) if sp.start <= i < sp.end), None)

    def _dictionary_name(self, doc: Doc, i: int) -> bool:
        """A token inside a dictionary match of an organisation or group."""
        return self._kind_at(doc, i) not in (None, "country", "demonym", "capital", "surname")

    def dictionary_tokens(self, doc: Doc) -> set[int]:
        """Tokens inside a dictionary match other than a bare surname: `process` marks them covered."""
        return {i for sp in self._spans(doc) if self.labels[sp.label_][0] != "surname" for i in range(sp.start, sp.end)}

    def _match(self, doc: Doc) -> list[Span]:
        best: dict[tuple[int, int], tuple[int, Span]] = {}
        folded = [(m, s, e) for m, s, e in self.folded_matcher(doc)
                  if (written_as_name(doc[s:e].text) or doc.vocab.strings[m].startswith(("G:", "O:")) and written_as_title(doc[s:e].text))
                  and (e - s > 1 or not doc.vocab.strings[m].startswith("G:") or written_as_acronym(doc[s:e].text))
                  and not (doc.vocab.strings[m].startswith("O:") and doc[s:e].text.isupper())]  # ("UNITED NATIONS, Sept. 12 -")
        for match_id, start, end in [*self.matcher(doc), *folded]:
            label = doc.vocab.strings[match_id]
            prio = KIND_PRIORITY[self.labels[label][0]]
            key = (start, end)
            if key not in best or prio < best[key][0]:
                best[key] = (prio, Span(doc, start, end, label=label))
        spans = filter_spans([sp for _, sp in best.values()])
        # "South America", "Latin America", "East Asia": a region, not the country inside the name
        return [sp for sp in spans if not (sp.start > 0 and doc[sp.start - 1].lower_ in REGION_WORDS
                                           and self.labels[sp.label_][0] == "country"
                                           and doc[sp.start - 1].text[:1].isupper())
                and not (self.labels[sp.label_][0] not in ("country", "demonym", "capital") and inside_word(sp))]

    def _titled(self, doc: Doc, start: int) -> bool:
        if start == 0:
            return False
        prev = doc[start - 1]
        if prev.lower_ in self.titles:
            return True
        return start >= 2 and f"{doc[start - 2].lower_} {prev.lower_}" in self.titles

    def _person(self, doc: Doc, span: Span, kind: str, key: str, day: str | None,
                seen_people: set[str]) -> tuple[str, str] | None:
        """(code, name) of a person named in full or by surname on the article's day, or None."""
        if kind == "surname":
            if len(span) == 1 and month_before_day(span[0]):
                return None  # "NAIROBI, Jun 27": a month before its day is no surname ("Dong Jun")
            ind = self.people.by_surname(key, day, frozenset(seen_people))
            # a surname alone names a person after a title, once named in full, or while in office
            # "President Junius Jayewardene" for "Junius Richard Jayewardene": the person's own first name
            # before the surname, the middle name left out
            own_first = ind is not None and span.start > 0 and len(ind.name.split()) > 2 \
                and self._first_name_before(doc, span) in ind.first_names
            if ind is None or not (self._titled(doc, span.start) or ind.name in seen_people or own_first
                                   or (day and (ind.in_office(day) is not None or ind.recently_left(day)))):
                return None
            # "Andrew Johnson", "Kim Yo Jong": a surname inside a longer name is someone else's name
            if not own_first and self._in_longer_name(doc, span):
                return None
        else:
            ind = self.people.individuals[key]
            # "Atal Behari Vajpayee" for "Atal Bihari Vajpayee": the person's own first name before the alias
            first = self._first_name_before(doc, span)
            own_first = len(span) == 1 and first in ind.first_names
            if not own_first and self._in_longer_name(doc, span, before=len(span) == 1):
                return None  # "Kim" in "Kim Jae-gyu", "President Shehu" in "President Shehu Tanko": another name
            if first and first not in ind.first_names and span[0].lower_ in NAME_PARTICLES:
                return None  # "Farouk al-Sharaa" is not "Munther al-Sharaa": another first name before the surname
        code = ind.code_at(day)
        if code is not None:
            role = self._title_role(doc, span)
            # "former President X" is a former leader whatever the title; "opposition leader X" is in
            # opposition that day whatever seat the dictionaries give X
            if role is not None and (code.endswith("ELI") or role == "OPP"):
                code = code[:3] + role
        return None if code is None else (code, ind.name)

    def _first_name_before(self, doc: Doc, span: Span) -> str:
        """The first word of the name a surname ends ("Atal" in "Atal Behari Vajpayee", a middle name spelt
        differently from the dictionary's "Bihari"), at most two names before it, after any title."""
        start = end = span.start
        if start >= 3 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ARTICLE_PARTICLES \
                and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            start = end = start - 2  # "Muammar el-Qaddafi", "Bashar al-Assad": the name before the article
        while start > max(0, end - 2) and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].is_alpha and doc[start - 1].lower_ not in self.titles:
            start -= 1
        return doc[start].text.lower() if start < end else ""

    def _title_role(self, doc: Doc, span: Span) -> str | None:
        """The role of the title a person is named with, when it says what they are on the day ("Lieutenant
        Colonel Rabuka" in 1987, "Vice Premier Deng" in 1979, "opposition leader X"); None without a
        title or with "former", "ex-" or "late" before it."""
        if any(t.lower_ == "opposition" for t in doc[max(0, span.start - 2):span.start]):
            return "OPP"  # "Opposition leader Raila Odinga", "opposition politician Imran Khan"
        end = span.start
        while end < span.end and doc[end].lower_ in self.titles:
            end += 1  # the title inside the matched name
        start = span.start
        while start > 0 and (doc[start - 1].lower_ in self.titles
                             or f"{doc[start - 1].lower_} {doc[start].lower_}" in self.titles):
            start -= 1  # the title before it ("former Prime Minister X": "Prime" too)
        if start == end:
            return None
        if start > 0 and (doc[start - 1].lower_ in FORMER_WORDS or doc[start - 1].text == "-"):
            return None
        if start > 1 and doc[start - 2].lower_ in FORMER_WORDS and doc[start - 1].pos_ in ("ADJ", "PROPN"):
            return None  # "ousted Tunisian leader Ben Ali"
        role = self.role_of(doc[end - 1])
        return role if role in TITLE_ROLES else None

    def _in_longer_name(self, doc: Doc, span: Span, before: bool = True) -> bool:
        j = span.start - 1
        if j >= 2 and doc[j].text == "-" and not doc[j].whitespace_ and not doc[j - 1].whitespace_ \
                and doc[j - 1].lower_ not in NAME_PARTICLES and len(doc[j - 1].text) <= 2:
            return True  # "Jaish-e-Mohammed", "Lashkar-e-Taiba": the end of a hyphenated name
        if j >= 2 and doc[j].text == "-" and doc[j - 1].lower_ in NAME_PARTICLES:
            j -= 2  # "Zeid Ra'ad al-Hussein": the name before the particle
        prev = doc[j] if j >= 0 and before else None
        if prev is not None and prev.text[:1].isupper() and self.resolve_place is not None \
                and self.resolve_place(f"{prev.text} {span.text}") is not None:
            return True  # "Port Elizabeth", "Fort Lauderdale": a place named after someone
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in NAME_PARTICLES and span.end + 2 < len(doc) \
                and doc[span.end + 1].text == "-" and doc[span.end + 2].text[:1].isupper():
            return True  # "Minister Farouk al-Sharaa": a first name before a surname with its particle
        return any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in self.titles
                   and t.ent_type_ in ("PERSON", "") and not self._known_name(doc, t.i)
                   for t in (prev, after))

    def _known_name(self, doc: Doc, i: int) -> bool:
        """A token inside a dictionary match other than a bare surname."""
        return any(sp.start <= i < sp.end and not sp.label_.startswith("S:") for sp in self._spans(doc))

    def process(self, doc: Doc, day: str | None = None) -> list[Mention]:
        """Actor mentions of a doc; `day` (ISO date of publication) picks the office a person held then."""
        mentions: dict[int, Mention] = {}  # keyed by root token
        covered: set[int] = set()
        seen_people: set[str] = set()
        ethnic: list[Token] = []
        regional: list[tuple[Token, str]] = []
        for span in self._spans(doc):
            kind, code, name = self.labels[span.label_]
            if kind in ("surname", "person"):
                person = self._person(doc, span, kind, code, day, seen_people)
                if person is None:
                    continue
                (code, name), kind = person, "person"
            covered.update(range(span.start, span.end))
            if kind == "org" and code[:3] not in self.lex.countries and code[:3] not in ("IGO", "IMG", "NGO") \
                    and code[3:6] in ARMED_GROUP_ROLES:
                # a group the open dictionaries code with a region ("kosovo liberation army" EEUREB, "lord's
                # resistance army" CFRREB): it fights the state of its place, found as for "rebels"
                regional.append((span.root, code[3:6]))
                continue
            if kind != "person" and span.end + 1 < len(doc) and doc[span.end].text == "-" \
                    and doc[span.end + 1].lower_ in SUPPORT_PARTICIPLES:
                continue  # "Russian-backed separatists", "a UN-backed tribunal in Cambodia": the backer, not the actor
            if kind in ("country", "demonym") and span.root.dep_ in ("compound", "amod", "nmod") \
                    and span.root.head.lemma_.lower() in CURRENCY_NOUNS:
                continue  # "500 million US dollars", "Australian dollars": a currency, no actor
            if kind == "demonym" and span.start > 0 and span.root.dep_ in ("amod", "compound", "nmod") and (
                    doc[span.start - 1].lower_ == "ethnic" or self.lex.roles.get(doc[span.start - 1].lower_) in ARMED_GROUP_ROLES):
                # "ethnic Armenian forces in Nagorno-Karabakh", "rebel Serb gunners around Sarajevo": a people,
                # not the state; the place decides
                continue
            if kind == "demonym" and span.start > 0 and span.root.tag_ in ("NNS", "NNPS") \
                    and self.lex.roles.get(doc[span.start - 1].lower_) in ARMED_GROUP_ROLES:
                # "an offensive against rebel Serbs in Krajina": armed men of a people, rebels of the state
                # of their place
                regional.append((span.root, self.lex.roles[doc[span.start - 1].lower_]))
                continue
            if kind == "demonym" and span.start > 0 and doc[span.start - 1].lower_ == "ethnic" \
                    and span.root.tag_ in ("NNS", "NNPS"):
                ethnic.append(span.root)  # "expelled ethnic Albanians from Kosovo": civilians of the place
                continue
            if kind in ("country", "demonym", "capital"):
                self._country_span(doc, span, kind, code, name, mentions)
            elif kind == "person":
                seen_people.add(name)
                self._person_span(doc, span, code, name, mentions, covered)
            else:
                self._group_span(doc, span, kind, code, name, mentions, covered)
        self._korean_halves(doc, mentions, covered)
        self._entity_places(doc, mentions, covered)
        if self.lex.context_metonyms:
            self._metonyms_from_context(doc, mentions)
        pending, titled = self._descriptors(doc, mentions, covered)
        pending += [(t, "CVL") for t in ethnic] + regional
        if pending:
            self._from_context(doc, pending, mentions)
        if titled:
            self._titled_from_context(doc, titled, mentions)
        for key, m in list(mentions.items()):
            # "the former Pakistani prime minister": a former office holder, whoever holds it now
            if m.kind in ("descriptor", "context") and m.role == "GOV" and m.country \
                    and doc[m.root].lemma_.lower() not in BODY_NOUNS and any(
                    t.lower_ in FORMER_WORDS for t in (*doc[m.start:m.root], *doc[m.root].subtree) if t.i < m.root):
                mentions[key] = replace(m, code=m.country + "ELI", role="ELI")
        self._officers(doc, mentions)
        self._regional_groups(doc, mentions)
        if day:
            self._states_in_time(mentions, day)
        return sorted(mentions.values(), key=lambda m: m.start)

    def _officers(self, doc: Doc, mentions: dict[int, Mention]) -> None:
        """"United Nations envoy Diego Cordovez", "the UN envoy, Diego Cordovez": a person named with the
        office of an international body acts for that body, whatever else the dictionaries make of them
        (so does "Louise Arbour, the chief prosecutor of the war crimes tribunal");
        so does a person named in apposition to a country's office ("Mali's foreign minister, X")."""
        offices = {m.root: m for m in mentions.values() if m.role == "IGO" and m.kind != "person"
                   and doc[m.root].pos_ in ("NOUN", "PROPN")}
        for key, m in list(mentions.items()):
            if m.kind != "person":
                continue
            root = doc[m.root]
            office = next((offices[i] for i in range(max(0, m.start - 1), m.root) if i in offices), None) \
                or (offices.get(root.head.i) if root.dep_ == "appos" else None) \
                or next((offices[a.i] for a in root.children if a.dep_ == "appos" and a.i in offices
                         # (a name with its own title keeps it: "Prime Minister Anwar Ibrahim, the chair of ASEAN")
                         and not any(t.lower_ in self.titles for t in doc[m.start:m.root])), None)
            if office is None and root.dep_ == "appos":
                # "Mali's foreign minister, Abdoulaye Diop": the office named before the name says what
                # the person is that day, whoever else of that name the dictionaries know
                title = mentions.get(root.head.i)
                office = title if title is not None and title.kind == "descriptor" and title.role in TITLE_ROLES \
                    and title.country else None
            if office is not None and m.country and any(n in office.text.lower() for n in NATIONAL_NAMESAKES):
                continue  # "Security Council secretary Nikolai Patrushev": a national body's namesake office
            if office is not None:
                mentions[key] = replace(m, code=office.code, country=office.country, role=office.role)

    def _regional_groups(self, doc: Doc, mentions: dict[int, Mention]) -> None:
        """An armed group the open dictionaries code by region ("Revolutionary United Front" WAFREB,
        "Free Aceh Movement" INTREB) fights in the country of the article: the first its sentence names,
        else the dateline's."""
        for key, m in list(mentions.items()):
            if m.kind != "org" or m.country or m.code[:3] in ("IGO", "IMG", "NGO") or m.code[3:6] not in ARMED_GROUP_ROLES:
                continue
            sent = doc[m.root].sent
            country = next((o.country for o in sorted(mentions.values(), key=lambda o: o.start)
                            if o.country and sent.start <= o.start < sent.end), None)
            if country is None and self.dateline is not None:
                place = self.dateline(doc)
                country = place.country if place is not None else None
            if country:
                mentions[key] = replace(m, country=country, code=country + m.code[3:], role=m.code[3:6])

    def _states_in_time(self, mentions: dict[int, Mention], day: str) -> None:
        """A state that did not exist yet on the article's day is coded as the state it was part of
        (streams/data/statehood.tsv: Kosovo before 17 February 2008 is Serbia)."""
        for key, m in list(mentions.items()):
            since, before = self.lex.statehood.get(m.country or "", ("", ""))
            if since and day[:10] < since and m.code.startswith(m.country or ""):
                mentions[key] = replace(m, country=before, code=before + m.code[3:])

    def _metonyms_from_context(self, doc: Doc, mentions: dict[int, Mention]) -> None:
        """A metonym many countries share ("Congress", "the Supreme Court", "the National Assembly") is the
        institution of the dateline's country, else of the one country of the people and governments its
        sentence names (a country named on its own is often the other party: "Congress passed sanctions
        on Russia"); with none or several, the table's default stays."""
        shared = [key for key, m in mentions.items() if m.kind == "metonym" and m.name in self.lex.context_metonyms]
        if not shared:
            return
        place = self.dateline(doc) if self.dateline is not None else None
        for key in shared:
            m = mentions[key]
            country = place.country if place is not None else None
            if country is None:
                sent = doc[m.root].sent
                named = {o.country for o in mentions.values() if o is not m and o.country
                         and sent.start <= o.start < sent.end and o.kind in ("person", "descriptor")}
                country = named.pop() if len(named) == 1 else None
            if country and country != m.country and country in self.lex.countries:
                mentions[key] = replace(m, code=country + m.code[3:], country=country,
                                        name=self.country_names.get(country, country))

    def _country_span(self, doc: Doc, span: Span, kind: str, code: str, name: str, mentions: dict[int, Mention]) -> None:
        """A country, demonym or capital: a descriptor's country, a country actor, or a place."""
        root = span.root
        iso3 = code[:3]
        if kind == "demonym" and span.start >= 2 and doc[span.start - 1].text == "-" \
                and doc[span.start - 2].lower_ in ("pro", "anti"):
            return  # "pro-Russian separatists in Ukraine": a stance, not a nationality
        if kind == "capital" and root.dep_ in ("compound", "nmod", "npadvmod", "amod") and root.head.i > root.i \
                and root.head.lemma_.lower() in NAMED_AFTER_PLACES:
            return  # "the Minsk ceasefire agreement", "the Oslo accords": a name, not the capital's government
        described = self._described(root, span)
        if described is not None and kind == "country" and any(
                c.dep_ == "conj" and c.i < described[0].i and self._dictionary_name(doc, c.i) for c in root.children):
            described = None  # "Morocco and Polisario guerrillas": a country coordinated with a named group
        if described is None and root.dep_ == "conj" and root.head.i < root.i:
            # "Armenian and Azerbaijani negotiators": the second demonym shares the first one's noun
            first = root.head
            shared = self._described(first, doc[first.i:first.i + 1])
            if shared is not None:
                mentions[root.i] = self._make(doc, span.start, span.end, root.i, iso3 + shared[1],
                                              self.country_names[iso3], "descriptor")
                return
        if described is None and kind == "demonym":
            conj_role = self._shared_with_conjunct(root)
            if conj_role is not None:
                # "Kyrgyz and Tajik troops" parsed as 'Kyrgyz' coordinated with 'Tajik troops': the
                # first demonym shares the noun of the second
                mentions[root.i] = self._make(doc, span.start, span.end, root.i, iso3 + conj_role,
                                              self.country_names[iso3], "descriptor")
                return
        if described is not None:
            head, role = described
            start = min([span.start, head.i, *(t.i for t in head.lefts if t.dep_ in ("det", "poss"))])
            head = self._titled_name(head)  # "French President Pierre Dupont": the mention is the person
            end = max(span.end, head.i + 1)
            mentions[head.i] = self._make(doc, start, end, head.i, iso3 + role, self.country_names[iso3], "descriptor")
        elif kind == "demonym" and root.head.lemma_.lower() in CURRENCY_NOUNS and root.head.i > root.i:
            return  # "1 billion Australian dollars", "Russian roubles": a currency names no actor
        elif kind == "demonym" and root.pos_ in ("PROPN", "NOUN") and root.dep_ == "pobj" and root.head.lower_ == "of" \
                and root.head.head.lemma_.lower() in CROWD_NUMBERS:
            # "tens of thousands of Egyptians": a crowd of the country's people (civilians), not the state
            mentions[root.i] = self._make(doc, span.start, span.end, root.i, iso3 + "CVL", self.country_names[iso3],
                                          "descriptor")
        elif kind == "demonym":
            # "Russian economy": a mention of the country, no role
            mentions[root.i] = self._make(doc, span.start, span.end, root.i, iso3, name, kind)
        elif self._is_place(root) and not (kind == "country" and any(
                c.dep_ == "conj" and self._kind_at(doc, c.i) == "country" for c in root.children)):
            # a place, not an actor ("talks in Moscow"); the country stays available as a place (but "gave
            # weapons to Chile and Peru": a country coordinated with another is an actor, as the other is)
            mentions.setdefault(root.i, self._make(doc, span.start, span.end, root.i, iso3, name, "place"))
        else:
            mentions[root.i] = self._make(doc, span.start, span.end, root.i, code, name, kind)

    def _owned_by_demonym(self, doc: Doc, span: Span, code: str, name: str, mentions: dict[int, Mention]
                          ) -> tuple[str, str, Span]:
        """"The Iraqi Central Intelligence Agency": a body named like another country's one, with its own
        country's demonym before it, is that country's body."""
        if (code.startswith("IGO") or code[:3] in self.country_names) and span.text.lower().endswith(NATIONAL_NAMESAKES):
            # "Russia's Security Council", "Iran's Supreme National Security Council": a national body that
            # shares its name with an international or another country's one belongs to the country named on it
            named = next((m for c in span.root.lefts if c.dep_ in ("poss", "amod", "compound")
                          for m in [mentions.get(c.i)] if m is not None and m.kind in ("country", "demonym")
                          and m.country in self.country_names), None)
            if named is not None and named.country and named.country != code[:3]:
                mentions.pop(named.root, None)
                return named.country + "GOV", self.country_names[named.country], span
        if span.start == 0 or doc[span.start - 1].head.i != span.root.i or len(code) != 6 \
                or code[:3] not in self.country_names:
            return code, name, span
        for width in (2, 1):  # "South Korean", "Iraqi"
            before = doc[max(0, span.start - width):span.start]
            owner = self.demonym_country.get(before.text.lower())
            if owner is not None and owner != code[:3]:
                for t in before:
                    mentions.pop(t.i, None)
                return owner + code[3:], self.country_names[owner], doc[before.start:span.end]
        return code, name, span

    def _person_span(self, doc: Doc, span: Span, code: str, name: str, mentions: dict[int, Mention],
                     covered: set[int]) -> None:
        if named_facility(span):
            return  # "King Khalid International Airport", "the Ronald Reagan bridge": a place named after a person
        code, name, span = self._owned_by_demonym(doc, span, code, name, mentions)
        start = span.start
        for t in reversed(list(doc[max(0, span.start - 3):span.start])):
            if t.dep_ == "compound" and t.head.i in range(span.start, span.end) or t.lower_ in self.titles:
                start = t.i
            else:
                break
        covered.update(range(start, span.start))  # "Chancellor Merz": the title is part of the name
        # "rebel chief Maskhadov", "opposition leader X": a domestic role in the title says what the person is
        # that day, whatever office the dictionaries give the name
        role = next((r for t in doc[start:span.start] for r in [self.lex.roles.get(t.lower_)]
                     if r in TITLE_DOMESTIC_ROLES), None)
        if role is None and span.start >= 2 and doc[span.start - 1].lower_ in MODIFIED_HEADS:
            # "rebel chief Maskhadov", however the words before the name were parsed
            role = self.lex.roles.get(doc[span.start - 2].lower_)
            role = role if role in TITLE_DOMESTIC_ROLES else None
        if role is not None and code[:3] in self.country_names and code[3:6] != role:
            code = code[:3] + role
        mentions[span.root.i] = self._make(doc, start, span.end, span.root.i, code, name, "person")

    def _group_span(self, doc: Doc, span: Span, kind: str, code: str, name: str, mentions: dict[int, Mention],
                    covered: set[int]) -> None:
        """An organisation, metonym or armed group; it acts through its members ("Hezbollah fighters")."""
        root = span.root
        if kind == "metonym" and self._is_place(root) and len(span) == 1:
            # "suicide bombings at Brussels airport": the city, a place, not the body
            place = self.resolve_place(span.text) if self.resolve_place is not None else None
            if place is not None and place.country:
                mentions[root.i] = self._make(doc, span.start, span.end, root.i, place.country, place.name, "place")
            return
        if kind == "metonym" and root.i in mentions and mentions[root.i].kind == "descriptor":
            return  # "Brazil's Supreme Court": the owner named beside it wins over the metonym's default country
        code, name, span = self._owned_by_demonym(doc, span, code, name, mentions)
        head = root.head
        member = head.head if root.dep_ == "pobj" and head.lower_ in ("of", "from", "for") else None
        if member is not None and member.lemma_.lower() in ORG_MEMBER_NOUNS and member.i < span.start \
                and member.i not in covered and kind == "org":
            # "the leader of Boko Haram", "the chairman of the African Union Commission", "fighters from the
            # Islamic State", "a spokesman for Hamas": the body's own code, on the person or group
            start = min([member.i, *(t.i for t in member.lefts if t.dep_ in ("det", "amod", "compound"))])
            covered.update(range(member.i + 1, span.start))
            mentions[member.i] = self._make(doc, start, span.end, member.i, code, name, kind)
        elif (root.dep_ in MODIFIER_DEPS and head.i != root.i and head.i not in range(span.start, span.end)
                and head.i not in covered and head.lemma_.lower() not in HOSTAGE_NOUNS and (
                    self.role_of(head) or kind == "org" and root.dep_ in ("compound", "nmod")
                    and head.lemma_.lower() in OFFICE_NOUNS)):  # "the UN human rights chief"
            # ("the justices of Colombia's Supreme Court hostage": a hostage is no member of the body)
            owner = mentions.get(head.i)
            if owner is not None and owner.country and code[:3] not in self.country_names \
                    and code[:3] not in ("IGO", "IMG", "NGO"):
                code = owner.country + code[3:]  # "Sierra Leone's Revolutionary United Front rebels" (WAFREB)
            mentions[head.i] = self._make(doc, span.start, max(span.end, head.i + 1), head.i, code, name, kind)
        else:
            mentions[root.i] = self._make(doc, span.start, span.end, root.i, code, name, kind)

    def _entity_places(self, doc: Doc, mentions: dict[int, Mention], covered: set[int]) -> None:
        """Places named in the text that are not in the dictionaries ("Gaza City", "Mashhad")."""
        if self.resolve_place is None:
            return
        for ent in doc.ents:
            if any(i in covered for i in range(ent.start, ent.end)):
                continue
            if ent.label_ not in PLACE_ENTS and not (ent.label_ in ("PERSON", "ORG", "NORP") and self._place_slot(ent)):
                continue
            if ent.text.islower():
                continue  # "on the west bank of the Tigris": a place name is written with capitals
            place = self.resolve_place(ent.text)
            if place is not None and place.country:
                covered.update(range(ent.start, ent.end))
                mentions.setdefault(ent.root.i, self._make(doc, ent.start, ent.end, ent.root.i, place.country,
                                                           place.name, "place"))
        # a proper noun the recogniser left out, as the object of "in", "at", "through" ("blocked bridges in
        # Novi Sad") or of a verb of attack or capture ("struck Kharkiv"): a place when the gazetteer knows it
        for token in doc:
            if token.pos_ != "PROPN" or token.i in covered or token.ent_type_ or not (
                    token.dep_ == "pobj" and token.head.lower_ in PRESENCE_PREPS
                    or token.dep_ == "dobj" and token.head.lemma_.lower() in PLACE_VERBS
                    # "the city of Aleppo", "the town of Kunduz"
                    or token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PART_NOUNS):
                continue
            start = min([token.i, *(t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN")])
            if any(i in covered or doc[i].ent_type_ for i in range(start, token.i)):
                continue
            place = self.resolve_place(doc[start:token.i + 1].text)
            if place is not None and place.country:
                covered.update(range(start, token.i + 1))
                mentions.setdefault(token.i, self._make(doc, start, token.i + 1, token.i, place.country,
                                                        place.name, "place"))

    def _korean_halves(self, doc: Doc, mentions: dict[int, Mention], covered: set[int]) -> None:
        """"fired back at the North's gun batteries", "the South accused the North": in a text that names
        either Korea, "the North" and "the South" are North and South Korea."""
        if not any(m.country in ("PRK", "KOR") for m in mentions.values()):
            return
        for t in doc:
            if t.text in ("North", "South") and t.i > 0 and doc[t.i - 1].lower_ == "the" and t.i not in covered \
                    and t.i not in mentions and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
                iso3 = "PRK" if t.text == "North" else "KOR"
                covered.add(t.i)
                mentions[t.i] = self._make(doc, t.i, t.i + 1, t.i, iso3, self.country_names[iso3], "country")

    @staticmethod
    def _place_slot(ent: Span) -> bool:
        """A short name the entity recogniser calls a person or an organisation, in a slot only a place
        fills: "bombed Grozny", "seized El Fasher", "fighting in Bakhmut" (the gazetteer then decides)."""
        if len(ent) > 3 or ent.root.dep_ not in ("dobj", "pobj"):
            return False  # "bombed Grozny", "after seizing El Fasher"
        head = ent.root.head
        if ent.root.dep_ == "pobj":
            # "fighting in Bakhmut", "the suburbs of Aleppo" (the recogniser's nationality)
            return head.lower_ in SLOT_PREPS or head.lower_ == "of" and head.head.lemma_.lower() in PART_NOUNS
        return head.lemma_.lower() in PLACE_VERBS

    def _descriptors(self, doc: Doc, mentions: dict[int, Mention], covered: set[int]
                     ) -> tuple[list[tuple[Token, str]], list[tuple[Token, Token, str]]]:
        """Descriptor nouns with a country in a prepositional phrase ("protesters in Tehran", "troops of
        Russia"); the rest wait for the context: (descriptors, titled names no table knows)."""
        pending: list[tuple[Token, str]] = []
        titled: list[tuple[Token, Token, str]] = []
        for i in self.role_candidates(doc):  # the tokens role_of can accept, in order
            token = doc[i]
            if token.i in mentions or token.i in covered:
                continue
            if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in CONTROL_PARTICIPLES:
                continue  # "the government-held city of Aleppo": who holds a place, not an actor of the sentence
            if token.lemma_.lower() in HOSTAGE_NOUNS and any(c.dep_ == "compound" and c.i in mentions for c in token.lefts):
                continue  # "took two Israeli soldiers hostage", parsed as a compound: the soldiers are the actor
            role = self.role_of(token)
            if role is None or self._descriptor_with_place(doc, token, role, mentions):
                continue
            if any(m is not None and m.kind != "place" for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" for m in [mentions.get(o.i)]):
                continue  # "delegations of the Sudanese government and the SPLA": the ones named in the of-phrase
            if any(len(m.conjuncts) > 0 and any(self._dictionary_name(doc, c.i) for c in (m, *m.conjuncts))
                   for m in token.lefts if m.dep_ in ("nmod", "compound") and m.i in mentions):
                continue  # "Morocco and Polisario guerrillas": the country and the group named
            if token.dep_ in ("compound", "amod") and role in CONTEXT_ROLES and self._agent_modifier(token):
                # "a rebel attack on the town of Kidal": the armed men of the place its act names
                place = next((m for t in token.head.subtree for m in [mentions.get(t.i)]
                              if m is not None and m.kind in ("place", "capital") and m.country), None)
                if place is not None and place.country:
                    mentions[token.i] = self._make(doc, token.i, token.i + 1, token.i, place.country + role,
                                                   self.country_names.get(place.country, place.country), "descriptor")
                    continue
            if role in CONTEXT_ROLES and (token.dep_ not in ("compound", "amod") or self._agent_modifier(token)) \
                    and not pair_reference(token) \
                    and token.lemma_.lower() not in INSTRUMENT_NOUNS and not self._used_with(token) \
                    and not any(c.lower_ in FOREIGN_WORDS for c in token.children if c.dep_ == "amod"):
                pending.append((token, role))
            elif token.dep_ == "compound" and role in TITLE_ROLES:
                # "President Park Chung-hee", "Opposition leader Amien Rais": a name no table knows
                holder = self._titled_name(token)
                if holder is not token and holder.i not in mentions and holder.i not in covered:
                    same = next((k for k, t in enumerate(titled) if t[0].i == holder.i), None)
                    if same is None:
                        titled.append((holder, token, role))
                    elif role in DOMESTIC_ROLES and titled[same][2] not in DOMESTIC_ROLES:
                        # "Rebel commander X": the modifier's role wins over the head's
                        titled[same] = (holder, titled[same][1], role)
        return pending, titled

    def _agent_modifier(self, token: Token) -> bool:
        """"a rebel attack on Kidal", "an army offensive": an armed group's role word on a noun of force is
        the one who uses it (a role word on any other noun names no one: "an army post", "police stations")."""
        head = token.head
        end = dateline_end(token.doc)
        # ("wanted for militant attacks": a charge, not an attack the sentence tells of)
        return token.lemma_.lower() in AGENT_WORDS and head.pos_ == "NOUN" and head.i > token.i \
            and not (head.dep_ == "pobj" and head.head.lower_ == "for") \
            and all(t.head.i == head.i and t.dep_ in ("amod", "compound", "nmod") for t in token.doc[token.i + 1:head.i]) \
            and not any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < token.i and c.idx >= end for c in head.children) \
            and any(t.code[:2] in AGENT_ROOTS for t in self.lex.triggers.get((head.lemma_.lower(), "NOUN"), []))

    def _descriptor_with_place(self, doc: Doc, token: Token, role: str, mentions: dict[int, Mention]) -> bool:
        for c in token.lefts:  # "the Medellin drug cartel", "Kandahar police": a town's body
            m = mentions.get(c.i)
            # "the Reagan administration", "the Assad regime": the government of the leader named on it
            led = m is not None and m.kind == "person" and role == "GOV" and token.lemma_.lower() in REGIME_NOUNS
            if c.dep_ == "compound" and m is not None and (m.kind == "place" or led) and m.country:
                mentions[token.i] = self._make(doc, m.start, token.i + 1, token.i, m.country + role,
                                               self.country_names.get(m.country, m.country), "descriptor")
                del mentions[c.i]
                return True
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from", "across", "at"):
                continue
            for pobj in prep.children:
                m = mentions.get(pobj.i)
                if m is None or not m.country or m.kind not in ("country", "capital", "place"):
                    continue
                made = self._make(doc, token.i, token.i + 1, token.i, m.country + role,
                                  self.country_names.get(m.country, m.country), "descriptor")
                mentions[token.i] = replace(made, text=doc[token.i:pobj.i + 1].text,
                                            end_char=doc[pobj.i].idx + len(doc[pobj.i]))
                del mentions[pobj.i]
                for conj in pobj.conjuncts:  # "the foreign ministers of India and China"
                    cm = mentions.get(conj.i)
                    if cm is not None and cm.country and cm.kind in ("country", "capital", "place"):
                        mentions[conj.i] = self._make(doc, conj.i, conj.i + 1, conj.i, cm.country + role,
                                                      self.country_names.get(cm.country, cm.country), "descriptor")
                return True
        return False

    def _titled_from_context(self, doc: Doc, titled: list[tuple[Token, Token, str]],
                             mentions: dict[int, Mention]) -> None:
        """A person named with a title and a name no table knows ("President Park Chung-hee", "Opposition
        leader Amien Rais") takes the title's role and the dateline's country, else the last country named
        in an earlier sentence. An office holder never takes a country named beside them in the same
        sentence ("President X met Russia's president"); a domestic role (opposition, rebels, judges,
        police, legislators) does, from the first actor with a country ("Opposition leader X demanded
        that President Suharto resign")."""
        place = self.dateline(doc) if self.dateline is not None else None
        for name, title, role in titled:
            # "Major General Qassem Soleimani, commander of Iran's elite Quds Force": the apposition says
            country = next((m.country for a in name.children if a.dep_ == "appos" for t in a.subtree
                            for m in [mentions.get(t.i)] if m is not None and m.country and m.kind != "context"), None)
            # "the American frigate Stark": a demonym on the name is its country
            demonym = next((a for a in name.lefts if a.dep_ == "amod" and a.i < title.i
                            for m in [mentions.get(a.i)] if m is not None and m.kind == "demonym"), None)
            if country is None and demonym is not None:
                country = mentions.pop(demonym.i).country
            country = country or (place.country if place is not None else None) or self._with_clause_side(name, mentions)
            if country is None:
                earlier = [m for m in mentions.values() if m.country and m.start < name.sent.start]
                country = max(earlier, key=lambda m: m.start).country if earlier else None
            if country is None and role in DOMESTIC_ROLES:
                # the place the sentence happens in, else the first actor beside them
                beside = sorted((m for m in mentions.values() if m.country and name.sent.start <= m.start < name.sent.end
                                 and (m.kind != "place" or doc[m.root].head.lower_ in ("in", "at"))),
                                key=lambda m: (m.kind != "place", m.start))
                country = beside[0].country if beside else None
            if country is None:
                continue
            start = min([title.i, *(t.i for t in title.lefts if t.dep_ in ("compound", "det", "amod")),
                         *([demonym.i] if demonym is not None else [])])
            start = min([start, *(t.i for t in doc[start:name.i] if t.dep_ == "compound")])
            mentions[name.i] = self._make(doc, start, name.i + 1, name.i, country + role,
                                          self.country_names.get(country, country), "context")

    @staticmethod
    def _with_clause_side(name: Token, mentions: dict[int, Mention]) -> str | None:
        """"Algeria severed relations with Morocco, with Foreign Minister X accusing the kingdom": the office
        holder of a with-clause speaks for the subject of the clause it hangs on."""
        verb = name.head
        if name.dep_ != "nsubj" or verb.dep_ not in ("pcomp", "acl") or verb.head.lower_ != "with":
            return None
        main = verb.head.head
        return next((m.country for c in main.children if c.dep_ == "nsubj" for m in [mentions.get(c.i)]
                     if m is not None and m.country), None)

    @staticmethod
    def _where(place: Token) -> bool:
        """A place the sentence happens in: "rallied in London", "drove them out of Mogadishu", or the
        modifier of such a noun ("shoppers at a Nairobi mall", "a Kabul hospital")."""
        if place.dep_ == "compound" and place.head.pos_ == "NOUN":
            place = place.head
        if place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.lemma_.lower() in PART_NOUNS:
            place = place.head.head  # "clashed in the north of Chad", "fighting on the outskirts of Kabul"
            if place.dep_ == "pobj" and place.head.lower_ == "on":
                return True
            if place.dep_ in ("advmod", "npadvmod") and place.lower_ in DIRECTION_WORDS:
                return True  # "98 villagers south of Algiers", "a town 50 km north of Kabul": the direction from a place
        if place.dep_ != "pobj":
            return False
        return place.head.lower_ in PRESENCE_PREPS or place.head.lower_ == "of" and place.head.head.lower_ == "out"

    @staticmethod
    def _body_owner(token: Token, mentions: dict[int, Mention]) -> Mention | None:
        """"the agency's inspectors", "the alliance's troops": the international body named before that a
        noun for a body refers back to."""
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lemma_.lower() in BODY_ANAPHORS
                      and c.i not in mentions), None)
        if owner is None:
            return None
        return next((m for m in sorted(mentions.values(), key=lambda m: -m.start)
                     if m.start < owner.i and m.code.startswith("IGO")), None)

    @staticmethod
    def _sender(token: Token, mentions: dict[int, Mention]) -> Mention | None:
        """The subject of the verb that sends a body without a country ("sent a fact-finding mission to
        investigate"): the mission is the sender's."""
        verb = token.head
        if token.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in SENDING_VERBS:
            return None
        while (verb.dep_ in ("xcomp", "conj") or verb.dep_ == "advcl" and any(a.tag_ == "TO" for a in verb.children)) \
                and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.i != verb.i:
            verb = verb.head  # "voted to send", "agreed to dispatch"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (subj is None or subj.idx < dateline_end(token.doc)) and verb.dep_ == "ROOT":
            # "GENEVA, Feb 25 - The UN Human Rights Council voted to send ...": a subject the parser hung on
            # the dateline
            subj = next((t for t in reversed(token.doc[verb.sent.start:verb.i]) if t.dep_ == "appos"
                         and t.idx >= dateline_end(token.doc)), None)
        m = mentions.get(subj.i) if subj is not None else None
        return m if m is not None and (m.country or m.code.startswith("IGO")) else None

    @staticmethod
    def _owner_country(token: Token, mentions: dict[int, Mention]) -> str | None:
        """"The Greek government put its armed forces on alert": a descriptor with a possessive pronoun
        belongs to the subject of its clause; "militiamen loyal to General Aidid" to the one they are
        loyal to."""
        loyal = [m for a in token.children if a.dep_ == "amod" and a.lower_ == "loyal" for p in a.children
                 if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"
                 for m in [mentions.get(o.i)] if m is not None and m.country]
        if loyal:
            return loyal[0].country
        pron = next((c for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if pron is None:
            return None
        verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        while verb is not None:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and pron.lower_ == "its" and subj.tag_ in ("NNS", "NNPS") and verb.dep_ == "ccomp":
                # "Estonia said Russian agents had abducted one of its officers": "its" is no plural's
                verb = verb.head
                continue
            if subj is not None:
                m = mentions.get(subj.i)
                return m.country if m is not None else None
            verb = verb.head if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i else None
        return None

    def _group_member(self, doc: Doc, token: Token, role: str, mentions: dict[int, Mention]) -> bool:
        """Give a role noun its armed group's code (see _owning_group); False if it has none."""
        group = self._owning_group(token, role, mentions)
        if group is None:
            return False
        named = group.end == token.i  # (the name joins the mention of its fighters)
        if named:
            del mentions[group.root]
        mentions[token.i] = self._make(doc, group.start if named else token.i, token.i + 1, token.i, group.code,
                                       group.name, "org" if named else "context")
        return True

    @staticmethod
    def _owning_group(token: Token, role: str, mentions: dict[int, Mention]) -> Mention | None:
        """The armed group a role noun belongs to: its name right before it ("NAIROBI, Sept 21 - Al Shabaab
        militants", whatever the parse made of it, here a part of the dateline), or the group named last
        before a noun owned by "its" when the subject of the noun's clause is plural or missing ("shelled the
        compound of the sect Boko Haram and captured its leader": "its" is no plural subject's)."""
        named = next((m for m in mentions.values() if m.end == token.i and m.kind == "org"
                      and m.role in ARMED_GROUP_ROLES and all(t.i < m.start for t in token.lefts)), None)
        if named is not None and role in LAWLESS_ROLES:
            return named
        if not any(c.dep_ == "poss" and c.lower_ == "its" for c in token.children):
            return None
        verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        while verb is not None and verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head
        subj = None if verb is None else next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ not in ("NNS", "NNPS"):
            return None
        before = [m for m in mentions.values() if m.kind == "org" and m.role in ARMED_GROUP_ROLES
                  and token.sent.start <= m.start < token.i]
        return max(before, key=lambda m: m.start) if before else None

    @staticmethod
    def _pronoun_owner(token: Token, mentions: dict[int, Mention]) -> str | None:
        """"Annan urged Sankoh to free the peacekeepers seized by his fighters": a role noun owned by "his" or
        "her" that no subject claims belongs to the country of the person named last before it in its
        sentence."""
        if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token.children):
            return None
        clause = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp":
            # "Duterte said his government would ...": the subject of a reported clause is the speaker's
            verb = clause.head
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head  # "met Xi and said his government would ...": the subject of the first verb
            speaker = next((m for c in verb.children if c.dep_ == "nsubj" for m in [mentions.get(c.i)]
                            if m is not None and m.kind == "person"), None)
            if speaker is not None:
                return speaker.country
        before = [m for m in mentions.values() if m.kind == "person" and m.country
                  and token.sent.start <= m.start < token.i]
        return max(before, key=lambda m: m.start).country if before else None

    def _from_context(self, doc: Doc, pending: list[tuple[Token, str]], mentions: dict[int, Mention]) -> None:
        """A descriptor without a country ("the government", "riot police") takes the country of the
        sentence (its first country-bearing actor or place), else the article's last one before it."""
        ordered = sorted((m for m in mentions.values() if m.kind != "place"), key=lambda m: m.start)
        places = sorted((m for m in mentions.values() if m.kind in ("place", "capital") and m.country), key=lambda m: m.start)
        dateline = self.dateline(doc) if self.dateline is not None else None
        for token, role in pending:
            sent = token.sent
            # the place the sentence happens in ("rallied in London", "marched through Rangoon")
            here = next((m.country for m in places if sent.start <= m.start < sent.end and self._where(doc[m.root])), None)

            def lends(m: Mention, role: str = role, token: Token = token) -> bool:
                # rebels and gunmen take the country of the state they fight, never of a foreign victim,
                # nor of a state acting on them from outside ("the United States armed the Contra rebels")
                # (nor do reporters lend theirs: "survivors told visiting American reporters")
                return bool(m.country) and m.role != "MED" and (
                    role not in LAWLESS_ROLES or m.role in STATE_ROLES
                    or m.kind == "country" and not m.role and not acts_on(doc[m.root], token))

            if any(c.text in ("unidentified", "unknown", "unnamed") for c in token.children):  # (not "the Unknown Soldier")
                continue  # "blaming unnamed armed groups", "an unidentified gunman": no one named, no one's
            if self._group_member(doc, token, role, mentions):
                continue
            sender = self._sender(token, mentions) or self._body_owner(token, mentions)
            if sender is not None and sender.code.startswith("IGO"):
                # "the UN voted to send an independent commission": the body sent is the sender's
                mentions[token.i] = self._make(doc, token.i, token.i + 1, token.i, sender.code, sender.name, "context")
                continue
            country = sender.country if sender is not None else self._owner_country(token, mentions)
            if country is None:
                # "Nicolas Maduro's government": the country of the person who owns it
                country = next((m.country for c in token.children if c.dep_ == "poss"
                                for m in [mentions.get(c.i)] if m is not None and m.kind == "person"), None)
            if country is None:
                country = self._pronoun_owner(token, mentions)
            if country is None and role == "OPP" and token.dep_ in ("dobj", "obj"):
                # "the government in Caracas barred the main opposition candidate": the opposition a state
                # organ acts on at home is the opposition of its country
                country = next((m.country for c in token.head.children if c.dep_ == "nsubj"
                                for m in [mentions.get(c.i)] if m is not None and m.role in STATE_ROLES), None)
            first = mentions.get(token.head.i) if token.dep_ == "conj" else None
            if country is None and first is not None and first.kind in ("descriptor", "context") and first.country:
                country = first.country  # "Palestinian men, women and children": the first one's demonym
            if country is None and role in LAWLESS_ROLES:
                # rebels fight a state of the sentence: the one of the place they seize or are in, else the
                # first ("the Philippine government and Muslim rebels signed an agreement in Kuala Lumpur")
                # (not the country of a dateline: "ZAGREB, Croatia - Rebel Serb forces overran ... in Bosnia")
                states = [m.country for m in ordered if sent.start <= m.start < sent.end and lends(m)
                          and doc[m.start].idx >= dateline_end(doc)
                          # (nor foreign forces in the place: "guerrillas attacked Soviet troops in Afghanistan")
                          and not (here and m.country != here and m.role in ("MIL", "PKO"))]
                country = self._seized_place(token, mentions) or (
                    here if here in states or not states else states[0])
            if country is None and (role in PRESENT_ROLES or role == "COP" or token.lemma_.lower() in BUILDING_NOUNS):
                # (police keep order at home: "police opened fire on protesters ... the Italian consulate in
                # Benghazi" are Libya's)
                # civilians, protesters, students take the country of the place where they are, a building
                # the country of its place ("stormed the presidential palace in Colombo")
                country = here
            if country is None:
                country = next((m.country for m in ordered if sent.start <= m.start < sent.end and lends(m)), None)
            if country is None and role != "GOV":
                # no actor with a country in the sentence: a place it names ("demanded elections in Kenya");
                # not for officials, who travel ("the delegation arrived in Moscow")
                country = here
            if country is None:
                for m in ordered:
                    if m.start >= token.i:
                        break
                    if lends(m):
                        country = m.country
            if country is None and dateline is not None:
                country = dateline.country  # "BOGOTA - ... government officials blamed the cartel"
            if country is None:
                continue
            start = min([token.i, *(t.i for t in token.lefts if t.dep_ in ("det", "amod", "compound"))])
            mentions[token.i] = self._make(doc, start, token.i + 1, token.i, country + role,
                                           self.country_names.get(country, country), "context")

    @staticmethod
    def _titled_name(role_noun: Token) -> Token:
        """The name a role noun is the title of ("President" in "French President Pierre Dupont"), or the noun."""
        name, link = role_noun.head, role_noun
        if link.dep_ == "compound" and name.pos_ == "NOUN" and name.dep_ == "compound" and name.head.i > name.i:
            name, link = name.head, name  # "Police chief John Kamau": through the title's own head noun
        if link.dep_ == "compound" and name.i > link.i and name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", ""):
            return name
        return role_noun

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

    def _shared_with_conjunct(self, root: Token) -> str | None:
        """The role of the noun a demonym's conjunct describes, when the demonym heads the coordination."""
        for conj in root.children:
            if conj.dep_ != "conj" or conj.i < root.i or conj.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(t.dep_ in MODIFIER_DEPS and t.i < conj.i and t.pos_ in ("PROPN", "ADJ") for t in conj.children):
                return self.role_of(conj)
        return None

    @staticmethod
    def _seized_place(token: Token, mentions: dict[int, Mention]) -> str | None:
        """"rebels seize Damascus": the country of the place the group's own verb takes."""
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in PLACE_VERBS:
            return None
        return next((m.country for c in token.head.children if c.dep_ in ("dobj", "obj")
                     for m in [mentions.get(c.i)] if m is not None and m.country
                     and m.kind in ("place", "capital", "country")), None)

    @staticmethod
    def _used_with(token: Token) -> bool:
        """"fought with tanks", "struck with warplanes": an unowned weapon is the instrument of the act."""
        first = token
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        return token.lemma_.lower() in WEAPON_NOUNS and first.dep_ == "pobj" and first.head.lower_ == "with" \
            and first.head.head.pos_ == "VERB"

    @staticmethod
    def _is_place(token: Token) -> bool:
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PART_NOUNS:
            return True  # "martial law in parts of Beijing", "the outskirts of Kyiv": a place, not the government
        if token.dep_ == "compound" and token.head.lemma_.lower() in FACILITY_NOUNS:
            return True  # "bombings at Brussels airport", "the Moscow metro": a place
        return token.dep_ == "pobj" and token.head.lower_ in NOT_ACTOR_PREPS
