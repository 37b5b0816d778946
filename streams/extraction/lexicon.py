"""Loads the reviewable dictionaries in streams/data/ (see streams/data/SOURCES.md)."""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        first = (rows.fieldnames or [""])[0]
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in rows
                if any((v or "").strip() for v in row.values()) and not (row.get(first) or "").startswith("#")]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """One office held by one person; `start`/`end` (ISO dates, end exclusive) bound the term. A row
    without dates is an office held now (people.tsv); dated rows come from office_holders.tsv."""
    name: str
    aliases: tuple[str, ...]
    code: str
    office: str
    start: str = ""
    end: str = ""
    rank: int = 0  # 0: the project's tables, 1: the converted open dictionaries (the project's win a tie)


@dataclass(frozen=True)
class Org:
    code: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    objects: frozenset[str]
    code: str
    intent_code: str
    targets: tuple[str, ...]
    notes: str = ""
    reciprocal: bool = False


@dataclass(frozen=True)
class Cameo:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None


@dataclass
class Lexicon:
    countries: dict[str, Country]
    people: list[Person]
    orgs: dict[str, Org]
    metonyms: dict[str, str]
    roles: dict[str, str]
    triggers: dict[tuple[str, str], list[Trigger]]
    modality: dict[str, set[str]]
    cameo: dict[str, Cameo]
    role_names: dict[str, str] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    # metonyms that many countries share ("Congress", "Supreme Court"): the country comes from the context
    context_metonyms: frozenset[str] = frozenset()
    # states that came into being after 1979: iso3 -> (the day of independence, the state's code before it)
    statehood: dict[str, tuple[str, str]] = field(default_factory=dict)

    def modal_words(self, kind: str) -> frozenset[str]:
        return frozenset(w for w, kinds in self.modality.items() if kind in kinds)


def split_code(code: str, countries: dict[str, Country]) -> tuple[str | None, str | None]:
    """'RUSMIL' -> ('RUS', 'MIL'); 'IGOUNO' -> (None, 'IGO'); 'PSEREBHMS' -> ('PSE', 'REB')."""
    if code.startswith("IGO"):
        return None, "IGO"
    country = code[:3] if code[:3] in countries else None
    rest = code[3:] if country else code
    return country, (rest[:3] or None) if rest else None


def dictionary_dir() -> Path:
    """GEOEVENTS_DICTIONARIES, or the dictionaries shipped in streams/data/."""
    return Path(os.environ.get("GEOEVENTS_DICTIONARIES") or DATA_DIR)


@lru_cache(maxsize=4)
def load_lexicon(data_dir: str = "") -> Lexicon:
    d = Path(data_dir) if data_dir else dictionary_dir()
    countries = {}
    for r in read_tsv(d / "countries.tsv"):
        countries[r["iso3"]] = Country(r["iso3"], r["name"], tuple(split(r.get("aliases"))),
                                       tuple(split(r.get("demonyms"))), tuple(split(r.get("capitals"))))
    # the demonyms of peoples and regions inside a state ("Chechen", "Tamil", "Basque"): that state's
    for r in read_tsv(d / "peoples.tsv") if (d / "peoples.tsv").exists() else []:
        c = countries[r["iso3"]]
        countries[c.iso3] = replace(c, demonyms=(*c.demonyms, *split(r["demonym"])))
    people = [Person(r["name"], tuple(split(r.get("aliases"))), r["code"], r.get("office", ""))
              for r in read_tsv(d / "people.tsv")]
    if (d / "office_holders.tsv").exists():
        people += [Person(r["name"], tuple(split(r.get("aliases"))), r["code"], r.get("office", ""),
                          r.get("start") or "", r.get("end") or "") for r in read_tsv(d / "office_holders.tsv")]
    orgs = {r["code"]: Org(r["code"], r["name"], tuple(split(r.get("aliases")))) for r in read_tsv(d / "organizations.tsv")}
    metonym_rows = read_tsv(d / "metonyms.tsv")
    metonyms = {r["phrase"]: r["code"] for r in metonym_rows}
    context_metonyms = frozenset(r["phrase"] for r in metonym_rows if (r.get("by_context") or "").strip() == "yes")
    roles = {r["term"].lower(): r["role"] for r in read_tsv(d / "roles.tsv")}
    cameo = {}
    for r in read_tsv(d / "cameo_event_codes.tsv"):
        cameo[r["code"]] = Cameo(r["code"], r["root"], r["name"], int(r["quad_class"]), float(r["goldstein"]),
                                 r.get("plover_event") or None)
    triggers: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for r in read_tsv(d / "event_lexicon.tsv"):
        code = r["code"]
        if code not in cameo:
            raise ValueError(f"event_lexicon.tsv: unknown CAMEO code {code!r} for {r['lemma']!r}")
        targets = tuple(t.strip() for t in (r.get("target") or "").split(",") if t.strip() and t.strip() != "none")
        trig = Trigger(r["lemma"].lower(), r["pos"].upper(), frozenset(o.lower() for o in split(r.get("object"))),
                       code, r.get("intent_code", ""), targets, r.get("notes", ""),
                       (r.get("reciprocal") or "").lower() in ("yes", "y", "1", "true"))
        triggers[(trig.lemma, trig.pos)].append(trig)
    for entries in triggers.values():
        entries.sort(key=lambda t: not t.objects)  # entries that need an object are tried first
    modality: dict[str, set[str]] = defaultdict(set)
    for r in read_tsv(d / "modality.tsv"):
        modality[r["word"].lower()].add(r["kind"])
    role_names = {}
    roles_file = d / "cameo_actor_roles.tsv"
    if roles_file.exists():
        role_names = {r["code"]: r["label"] for r in read_tsv(roles_file)}
    titles: frozenset[str] = frozenset()
    if (d / "titles.tsv").exists():
        titles = frozenset(r["title"].lower() for r in read_tsv(d / "titles.tsv"))
    statehood = {r["iso3"]: (r["since"], r["before"]) for r in read_tsv(d / "statehood.tsv")} \
        if (d / "statehood.tsv").exists() else {}
    return Lexicon(countries, people, orgs, metonyms, roles, dict(triggers), dict(modality), cameo, role_names, titles,
                   context_metonyms, statehood)
