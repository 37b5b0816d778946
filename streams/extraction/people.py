"""People in time: which office a named person held on the day an article was published.

The rows come from people.tsv (offices held now, no dates) and office_holders.tsv (terms with start
and end dates). A name resolves to the office whose term covers the article's day; a person named
outside every term is a former (or future) office holder: their country with the CAMEO role ELI
("President Clinton" in 1997 is USAGOV, "Bill Clinton" in 2015 is USAELI). A surname alone
("Bush", "Gorbachev") names the one person of that surname in office on the day.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.extraction.lexicon import Person

# countries whose leaders English-language news names family name first ("Kim Jong Un" -> "Kim"):
# for everyone else the first word is a given name and never names the person alone
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM", "KHM", "MNG", "HKG"})
FORMER_ROLE = "ELI"


def country_of(code: str) -> str | None:
    return None if code.startswith("IGO") or len(code) < 3 else code[:3]


def covers(p: Person, day: str) -> bool:
    return (not p.start or p.start <= day) and (not p.end or day < p.end)


@dataclass
class Individual:
    """Every row of one person (one name), in the order of their terms."""
    name: str
    rows: list[Person] = field(default_factory=list)

    @property
    def phrases(self) -> list[str]:
        return list(dict.fromkeys(x for p in self.rows for x in (p.name, *p.aliases) if x))

    def in_office(self, day: str) -> Person | None:
        """The term that covers the day; an undated row (an office held now) once every dated term began."""
        dated = sorted((p for p in self.rows if p.start or p.end), key=lambda p: p.start, reverse=True)
        for p in dated:
            if covers(p, day):
                return p
        current = [p for p in self.rows if not (p.start or p.end)]
        if current and (not dated or day >= dated[0].start):
            return current[0]
        return None

    def code_at(self, day: str | None) -> str | None:
        """The person's actor code on the day (None: an IGO official named outside their term)."""
        if not day:
            current = [p for p in self.rows if not p.end] or self.rows
            return current[0].code
        held = self.in_office(day)
        if held is not None:
            return held.code
        country = next((c for c in map(country_of, (p.code for p in self.rows)) if c), None)
        return country + FORMER_ROLE if country else None


class PeopleIndex:
    def __init__(self, people: list[Person]) -> None:
        self.individuals: dict[str, Individual] = {}
        for p in people:
            self.individuals.setdefault(p.name.lower(), Individual(p.name)).rows.append(p)
        full = {x.lower() for ind in self.individuals.values() for x in ind.phrases}
        self.surnames: dict[str, set[str]] = {}
        for key, ind in self.individuals.items():
            parts = [w for w in ind.name.replace("-", " ").split() if w[:1].isupper() and len(w) > 2]
            if not parts:
                continue
            words = {parts[-1]}
            if any(country_of(p.code) in FAMILY_NAME_FIRST for p in ind.rows):
                words.add(parts[0])
            for w in words:
                if w.lower() not in full:
                    self.surnames.setdefault(w, set()).add(key)

    def by_surname(self, word: str, day: str | None) -> Individual | None:
        """The one person of that surname: the only one, or the only one in office on the day."""
        keys = self.surnames.get(word, set())
        if len(keys) == 1:
            return self.individuals[next(iter(keys))]
        if day:
            held = [k for k in keys if self.individuals[k].in_office(day) is not None]
            if len(held) == 1:
                return self.individuals[held[0]]
        return None
