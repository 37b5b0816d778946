"""Loads the CAMEO dictionaries converted from PETRARCH2 (streams/data/dictionaries/).

The TSV files are written by ``scripts/convert_dictionaries.py``; their columns and the
conventions (pattern tokens, date ranges) are described in that script's docstring and in
streams/data/SOURCES.md. Each file is parsed once per process and cached until ``release()``.

* ``load_verbs()``   verb rows (``pattern`` empty) and verb-pattern rows of ``verbs.tsv``
* ``load_actors()``  the (name, code, date range) rows of ``actors.tsv``
* ``load_agents()``  the agent noun rows of ``agents.tsv``
* ``actor_codes_at(name, day)``  the actor codes of a phrase on a given day
* ``release()``      drops the parsed rows once they are compiled into matchers
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DICTIONARIES_DIR = Path(__file__).resolve().parent.parent / "data" / "dictionaries"


def dictionaries_dir(data_dir: str = "") -> Path:
    """``data_dir``; else GEOEVENTS_DICTIONARIES/dictionaries when it exists; else the shipped folder."""
    if data_dir:
        return Path(data_dir)
    override = os.environ.get("GEOEVENTS_DICTIONARIES")
    if override and (Path(override) / "dictionaries").is_dir():
        return Path(override) / "dictionaries"
    return DICTIONARIES_DIR


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb (``pattern`` empty) or a verb pattern; a pattern applies to every verb of its ``block``."""

    code: str
    verb: str
    pattern: str
    synset: str
    line: int
    forms: tuple[str, ...]
    block: str
    reverse_code: str


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor phrase with one code; ``start`` inclusive, ``end`` exclusive, None = open."""

    name: str
    code: str
    start: dt.date | None
    end: dt.date | None
    file: str
    line: int

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent noun; ``attach`` is ``suffix`` ([~GOV]) or ``prefix`` ([NGO~])."""

    name: str
    code: str
    attach: str
    plural: str
    line: int


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if tuple(header) != columns:
            raise ValueError(f"{path}: columns {header}, expected {list(columns)}")
        width = len(columns)
        for raw in fh:
            cells = raw.rstrip("\n").split("\t")
            if len(cells) != width:
                raise ValueError(f"{path}: {len(cells)} cells in {raw!r}")
            yield cells


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=4)
def load_verbs(data_dir: str = "") -> tuple[VerbEntry, ...]:
    columns = ("code", "verb", "pattern", "synset", "line", "forms", "block", "reverse_code")
    return tuple(
        VerbEntry(code, verb, pattern, synset, int(line), tuple(forms.split("|")) if forms else (), block, rev)
        for code, verb, pattern, synset, line, forms, block, rev
        in _rows(dictionaries_dir(data_dir) / "verbs.tsv", columns)
    )


@lru_cache(maxsize=4)
def load_actors(data_dir: str = "") -> tuple[ActorEntry, ...]:
    columns = ("name", "code", "start", "end", "file", "line")
    return tuple(
        ActorEntry(name, code, _date(start), _date(end), file, int(line))
        for name, code, start, end, file, line in _rows(dictionaries_dir(data_dir) / "actors.tsv", columns)
    )


@lru_cache(maxsize=4)
def load_agents(data_dir: str = "") -> tuple[AgentEntry, ...]:
    columns = ("name", "code", "attach", "plural", "line")
    return tuple(
        AgentEntry(name, code, attach, plural, int(line))
        for name, code, attach, plural, line in _rows(dictionaries_dir(data_dir) / "agents.tsv", columns)
    )


@lru_cache(maxsize=4)
def actor_index(data_dir: str = "") -> dict[str, tuple[ActorEntry, ...]]:
    """The actor rows keyed by name, in file order."""
    index: dict[str, list[ActorEntry]] = {}
    for entry in load_actors(data_dir):
        index.setdefault(entry.name, []).append(entry)
    return {name: tuple(entries) for name, entries in index.items()}


def release() -> None:
    """Drop the parsed rows. A process calls it once its matchers and indexes are compiled from them
    (``Extractor``): they are not read again, and they hold about 50 MB. A later call of a loader reads
    the file again."""
    for loader in (load_verbs, load_actors, load_agents, actor_index):
        loader.cache_clear()


def normalise_name(name: str) -> str:
    """``George_W._Bush`` -> ``george w. bush`` (the form of actors.tsv)."""
    return " ".join(name.replace("_", " ").split()).lower()


def actor_codes_at(name: str, day: dt.date, data_dir: str = "") -> list[str]:
    """The codes of the actor phrase ``name`` that apply on ``day``.

    A row applies when its date range covers the day (start inclusive, end exclusive, as
    PETRARCH2 applies them); a row without dates always applies. Codes from dated rows come
    first, then undated ones, each in file order and each code once. PETRARCH2's ``---``
    null code ("not an actor") is returned like any other code.
    """
    entries = actor_index(data_dir).get(normalise_name(name), ())
    dated = [e.code for e in entries if e.dated and e.covers(day)]
    undated = [e.code for e in entries if not e.dated]
    return list(dict.fromkeys(dated + undated))
