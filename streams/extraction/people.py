"""People in time: which office a named person held on the day an article was published.

The rows come from people.tsv (offices held now, no dates) and office_holders.tsv (terms with start
and end dates). A name resolves to the office whose term covers the article's day; a person named
outside every term is a former (or future) office holder: their country with the CAMEO role ELI
("President Clinton" in 1997 is USAGOV, "Bill Clinton" in 2015 is USAELI). A surname alone
("Bush", "Gorbachev") names the one person of that surname in office on the day.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from streams.extraction.lexicon import Lexicon, Person

if TYPE_CHECKING:
    from streams.extraction.dictionaries import ActorEntry

# countries whose leaders English-language news names family name first ("Kim Jong Un" -> "Kim"):
# for everyone else the first word is a given name and never names the person alone
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM", "KHM", "MNG", "HKG"})
FORMER_ROLE = "ELI"
# a name with one of these words names an organisation, not a person (no surname is taken from it)
ORGANISATION_WORDS = frozenset({"party", "front", "movement", "army", "council", "union", "league", "organisation",
                                "organization", "group", "brigade", "brigades", "committee", "alliance", "forces",
                                "force", "government", "ministry", "agency", "bank", "company", "corporation",
                                "association", "federation", "congress", "assembly", "court", "commission",
                                "institute", "university", "service", "guard", "militia", "tigers", "coalition"})
# the open actor dictionaries were last updated in 2015: a term they leave open ends there
DICTIONARY_HORIZON = "2016-01-01"
BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)")  # "free aceh movement (gam)"


def country_of(code: str) -> str | None:
    return None if code.startswith("IGO") or len(code) < 3 else code[:3]


def invert(day: str) -> tuple[int, ...]:
    """A sort key that puts later ISO dates first."""
    return tuple(-ord(c) for c in day)


def covers(p: Person, day: str) -> bool:
    return (not p.start or p.start <= day) and (not p.end or day < p.end)


@dataclass
class Individual:
    """Every row of one person (one name), in the order of their terms."""
    name: str
    rows: list[Person] = field(default_factory=list)

    @property
    def phrases(self) -> list[str]:
        """Names of the project's tables, matched as written."""
        return list(dict.fromkeys(x for p in self.rows if p.rank == 0 for x in (p.name, *p.aliases) if x))

    @property
    def folded(self) -> list[str]:
        """Lower-case names of the open dictionaries, matched case-blind."""
        return list(dict.fromkeys(a for p in self.rows if p.rank == 1 for a in p.aliases))

    @property
    def first_names(self) -> frozenset[str]:
        """The first words of the person's full names ("junius" of "Junius Richard Jayewardene", an alias of
        "J. R. Jayewardene")."""
        return frozenset(n.split()[0].lower() for n in (self.name, *self.phrases, *self.folded) if len(n.split()) > 1)

    def in_office(self, day: str) -> Person | None:
        """The term that covers the day; an undated row (an office held now) once every dated term began.
        A row of the former-office role (ELI) is no office."""
        offices = [p for p in self.rows if not p.code.endswith(FORMER_ROLE)]
        dated = sorted((p for p in offices if p.start or p.end), key=lambda p: (p.rank, invert(p.start)))
        # the project's terms of a country are the record for it: a dictionary row of the same office that
        # runs on past them ("Ben Ali" TUNGOV to 2016, the dictionary's horizon) is no office after they end
        curated_codes = {p.code for p in dated if p.rank == 0}
        for p in dated:
            if covers(p, day) and not (p.rank == 1 and p.code in curated_codes):
                return p
        current = [p for p in offices if not (p.start or p.end)]
        # an undated row of the open dictionaries is no office after every term of the project's tables
        # ended ("Bashar al-Assad" after 8 December 2024)
        curated = [p for p in dated if p.rank == 0]
        ended = bool(curated) and all(p.end and p.end <= day for p in curated)
        if ended:
            current = [p for p in current if p.rank == 0]
        if current and (not dated or day >= max(p.start for p in dated)):
            return current[0]
        return None

    def recently_left(self, day: str, years: int = 3) -> bool:
        """A term of the project's tables ended within `years` before the day ("Assad" a day after his fall)."""
        ends = [p.end for p in self.rows if p.rank == 0 and p.end and p.end <= day]
        return bool(ends) and int(day[:4]) - int(max(ends)[:4]) <= years

    def code_at(self, day: str | None) -> str | None:
        """The person's actor code on the day (None: an IGO official named outside their term)."""
        if not day:
            current = [p for p in self.rows if not p.end and not p.code.endswith(FORMER_ROLE)] or self.rows
            return current[0].code
        held = self.in_office(day)
        if held is not None:
            return held.code
        country = next((c for c in map(country_of, (p.code for p in self.rows)) if c), None)
        return country + FORMER_ROLE if country else None


# the particle before a second surname: the first one names the person ("Salinas de Gortari", "Salinas")
SURNAME_PARTICLES = frozenset({"de", "del", "da", "dos", "y"})
# the Arabic article on a surname, often left out ("al-Assad", "Assad")
ARTICLE_PREFIXES = ("al-", "el-")


class PeopleIndex:
    def __init__(self, people: list[Person], titles: frozenset[str] = frozenset(),
                 common: frozenset[str] = frozenset()) -> None:
        """`common`: words that are never a surname on their own (the words of titles and role nouns:
        "Prime" of "Prime Minister", "General")."""
        self.individuals: dict[str, Individual] = {}
        known: dict[str, str] = {}  # every name and alias of the project's tables -> the person's key
        for p in people:
            key = p.name.lower()
            if p.rank:
                # an open-dictionary name joins the person of the project's tables it names:
                # "nicolas maduro" is the alias of "Nicolás Maduro", "president xi jinping" is "Xi Jinping"
                words = key.split()
                # the longest tail of the name that the project's tables know ("russian president vladimir putin")
                tail = next((" ".join(words[n:]) for n in range(len(words) - 1) if " ".join(words[n:]) in known), None)
                while len(words) > 1 and words[0] in titles:
                    words = words[1:]
                key = known[tail] if tail else known.get(" ".join(words), key if len(words) < 2 else " ".join(words))
            else:
                for alias in (p.name, *p.aliases):
                    known.setdefault(alias.lower(), key)
                    known.setdefault(alias.lower().replace("-", " "), key)  # "bashar al assad" of the dictionaries
            self.individuals.setdefault(key, Individual(p.name)).rows.append(p)
        full = {x.lower() for ind in self.individuals.values() for x in ind.phrases}
        self.surnames: dict[str, set[str]] = {}
        for key, ind in self.individuals.items():
            # hyphenated given names stay whole ("Moon Jae-in": "Moon", never "Jae")
            parts = [w for w in ind.name.split() if (w[:1].isupper() or w.lower().startswith(ARTICLE_PREFIXES)) and len(w) > 2]
            if not parts or not any(p.rank == 0 or p.start or p.end for p in ind.rows):
                continue  # a dictionary name without a term (a ministry, a party) has no surname
            if any(w.lower() in ORGANISATION_WORDS for w in ind.name.split()):
                continue  # "Sudan People's Liberation Army" is no person: "Army" is no surname
            words = [parts[-1]]
            article = next((a for a in ARTICLE_PREFIXES if parts[-1].lower().startswith(a)), None)
            if article and len(parts[-1]) > len(article) + 2:
                words.append(parts[-1][len(article):])  # "al-Assad" is "Assad" too
            names = ind.name.split()
            particle = next((k for k, w in enumerate(names) if k >= 2 and w in SURNAME_PARTICLES), None)
            if particle is not None and names[particle - 1][:1].isupper():
                words.append(names[particle - 1])  # "Carlos Salinas de Gortari" is "Salinas"
            if any(country_of(p.code) in FAMILY_NAME_FIRST for p in ind.rows):
                words.append(parts[0])
            for w in words:
                if w.lower() not in full and w.lower() not in common:
                    self.surnames.setdefault(w, set()).add(key)

    def by_surname(self, word: str, day: str | None, named: frozenset[str] = frozenset()) -> Individual | None:
        """The one person of that surname: the one named in full earlier in the article, the only one,
        or the only one in office on the day."""
        keys = sorted(self.surnames.get(word, set()))
        earlier = [k for k in keys if self.individuals[k].name in named]
        if len(earlier) == 1:
            return self.individuals[earlier[0]]  # "former president Jimmy Carter ... Mr Carter"
        if len(keys) == 1:
            return self.individuals[keys[0]]
        if day:
            held = [k for k in keys if self.individuals[k].in_office(day) is not None]
            if held and len({self.individuals[k].code_at(day) for k in held}) == 1:
                return self.individuals[held[0]]  # one office holder, perhaps under two spellings
            recent = [k for k in keys if self.individuals[k].recently_left(day)]
            if not held and len(recent) == 1:
                return self.individuals[recent[0]]  # "Assad" the day after the fall of Bashar al-Assad
        ours = [k for k in keys if any(p.rank == 0 for p in self.individuals[k].rows)]
        return self.individuals[ours[0]] if len(ours) == 1 else None


def curated_names(lex: Lexicon) -> frozenset[str]:
    """Every name the project's own tables give an actor (lower case): the open dictionaries do not redefine them."""
    names = {n for c in lex.countries.values() for n in (c.name, *c.aliases, *c.demonyms, *c.capitals)}
    names |= {n for o in lex.orgs.values() for n in (o.name, *o.aliases)} | set(lex.metonyms)
    return frozenset(n.lower() for n in names)


# the open dictionaries' codes of former states and old codes, as countries.tsv codes them (the present
# state on the same territory: streams/data/SOURCES.md, "Predecessor states")
LEGACY_COUNTRIES = {"USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "DDR": "DEU",
                    "CSK": "CZE", "ROU": "ROM", "MNE": "MTN", "ANG": "AGO", "ZAR": "COD", "RHO": "ZWE"}


def _unbracketed(entries: tuple[ActorEntry, ...]) -> list[ActorEntry]:
    """"free aceh movement (gam)", "basque fatherland and freedom (eta)": the name without its bracketed
    acronym, and a group's acronym as a name of its own (a bracket that is no acronym is dropped)."""
    out: list[ActorEntry] = []
    for e in entries:
        m = BRACKETED.fullmatch(e.name)
        if m is None:
            out.append(e)
            continue
        out.append(replace(e, name=m.group(1).strip()))
        inner = m.group(2).strip()
        if e.file == "milnonstate" and inner.isalpha() and " " not in inner and len(inner) >= 3:
            out.append(replace(e, name=inner))
    return out


def igo_code(code: str, orgs: Collection[str]) -> str:
    """The project's code of an organisation the open dictionaries code with a region or a parent body
    before it: "IGOEUREEC" is the EU (IGOEEC), "IGOWSTNAT" NATO, "IGOUNODEVWBK" the World Bank, "IGOAFRAFU"
    the African Union; a body the project has no code for is its parent ("IGOUNOKID": IGOUNO)."""
    if len(code) <= 6 or code in orgs:
        return code
    last, first = "IGO" + code[-3:], code[:6]
    return last if last in orgs else first if first in orgs else code


# states whose names the open dictionaries transliterate from Cyrillic one way ("nikolay patrushev", "sergey
# shoygu") and wire copy often another ("Nikolai Patrushev", "Sergei Shoigu")
CYRILLIC_STATES = frozenset({"RUS", "UKR", "BLR", "KAZ", "UZB", "KGZ", "TJK", "TKM", "MDA", "ARM", "AZE", "GEO", "BGR", "SRB"})
_Y_ENDINGS = (("ey", "ei"), ("ay", "ai"), ("iy", "y"))


def transliterations(name: str) -> list[str]:
    """Other spellings of a Cyrillic name: a word-final "-ey", "-ay" or "-iy" written "-ei", "-ai" or "-y",
    and "oy" before a consonant written "oi" ("Shoygu", "Shoigu")."""
    words = []
    for w in name.split():
        for old, new in _Y_ENDINGS:
            if w.endswith(old) and len(w) > 3:
                w = w[: -len(old)] + new
                break
        words.append(re.sub(r"oy(?=[bcdfghjklmnpqrstvwxz])", "oi", w))
    other = " ".join(words)
    return [other] if other != name else []


def dictionary_people(lex: Lexicon) -> tuple[list[Person], list[tuple[str, str]]]:
    """People and groups of the converted open actor dictionaries (streams/data/dictionaries/actors.tsv).

    Only names of two or more words are taken (they are matched case-blind, so a one-word name would
    fire on common words), and the one-word names of armed groups, which the resolver accepts only
    where they are written as an acronym or a hyphenated name ("FARC", "Al-Shabaab"). A country code keeps its first role (USAGOVBUS -> USAGOV); rows that name
    no country and no IGO ("ELI" alone) are skipped. Returns (person rows, (group name, code) pairs)."""
    from streams.extraction.dictionaries import load_actors

    countries = frozenset(lex.countries)
    ours = curated_names(lex)
    people: list[Person] = []
    groups: dict[str, str] = {}
    for e in _unbracketed(load_actors()):
        words = e.name.split()
        # ("UNESCO", "UNICEF": an international body's one-word name, an acronym matched only as one)
        one_word_group = len(words) == 1 and (e.file == "milnonstate" or e.file == "international"
                                              and e.code.startswith("IGO")) and not (e.start or e.end) \
            and sum(ch.isalpha() for ch in e.name) >= 3
        if (len(words) < 2 and not one_word_group) or not all(any(ch.isalpha() for ch in w) for w in words) \
                or e.code == "---":
            continue
        if e.name in ours or (words[0] == "the" and " ".join(words[1:]) in ours):
            continue  # "the un", "european union": the project's tables name them
        code = LEGACY_COUNTRIES.get(e.code[:3], e.code[:3]) + e.code[3:]
        if code[:3] in countries and (len(code) == 3 or code[3:6] not in lex.role_names):
            continue  # a country's other names, its places and regions ("new delhi", "gaza city" PSEGZA)
        if code[:3] in countries:
            code = code[:6]
        elif code.startswith("IGO"):
            code = igo_code(code, lex.orgs)
        elif e.file != "milnonstate":
            continue
        if (e.file == "milnonstate" or one_word_group) and not (e.start or e.end):
            if e.name not in groups or groups[e.name][:3] not in countries and code[:3] in countries:
                groups[e.name] = code  # a country's code wins over a region's ("lashkar-e-taiba" PAKREB, not SASREB)
            continue
        end = e.end.isoformat() if e.end else (DICTIONARY_HORIZON if e.start else "")
        spellings = (e.name, *transliterations(e.name)) if code[:3] in CYRILLIC_STATES else (e.name,)
        people.append(Person(e.name.title(), spellings, code, "", e.start.isoformat() if e.start else "", end, rank=1))
    return people, sorted(groups.items())


AGENT_SUFFIXES = ("ist", "man", "men", "ian", "ant", "ent", "ee", "or", "ier", "eer", "ar")


def dictionary_roles(lex: Lexicon) -> dict[str, str]:
    """Descriptor nouns of the open agents dictionary ("peasants" AGR, "gunmen" UAF) that the project's
    roles.tsv lacks: one-word names with a role code the project knows, singular and plural."""
    from streams.extraction.dictionaries import load_agents

    out: dict[str, str] = {}
    for a in load_agents():
        if a.attach != "suffix" or a.code not in lex.role_names or not a.name.isalpha() \
                or not a.name.endswith(AGENT_SUFFIXES) or a.name.endswith("ment") and a.code != "MIL":
            # only nouns for people ("peasant", "gunman"), not places or things ("village", "tanker",
            # "settlement": an -ment noun names a thing, a regiment excepted)
            continue
        for word in (a.name, a.plural):
            if word and word.isalpha() and word not in lex.roles:
                out.setdefault(word, a.code)
    return out
