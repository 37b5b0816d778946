"""Convert the PETRARCH2 CAMEO dictionaries into reviewable TSV files.

Source: the open dictionaries of openeventdata/petrarch2 (MIT licence), directory
``petrarch2/data/dictionaries/``:

* ``CAMEO.2.0.txt``                     verb blocks, synonym sets (synsets) and verb patterns
* ``Phoenix.Countries.actors.txt``      country actors (states, office holders) with date ranges
* ``Phoenix.International.actors.txt``  international organisations, NGOs and their officials
* ``Phoenix.MilNonState.actors.txt``    militant and other non-state groups
* ``Phoenix.agents.txt``                agent nouns ("minister", "rebels") with role codes

Output (UTF-8, tab-separated, one header line, ``|`` separates alternatives inside a cell),
written to ``streams/data/dictionaries/``:

``verbs.tsv``  columns ``code verb pattern synset line forms block reverse_code``
    One row per verb (``pattern`` empty: the verb's own code, or its block's code when the
    verb has none) and one row per verb pattern after synset expansion. PETRARCH2 keeps
    patterns per verb block (the ``--- NAME [code] ---`` header): a pattern applies to every
    verb whose ``block`` equals the pattern's ``block``; in pattern rows ``verb`` is the
    block's name. ``code`` is the CAMEO event code as a string with its leading zero
    (``036``); ``---`` is PETRARCH's null code (no event). ``reverse_code`` is the code after
    ``:`` in the source (``VISIT [042:043]``): PETRARCH2 codes a second event, target acting
    on source, with it and uses it for a verb in the passive voice. ``forms`` lists the
    irregular forms given in ``{...}``. Verb and form phrases are lowercase with ``_`` and
    the ``+`` head marker of multi-word verbs removed (``+CALL_OFF`` -> ``call off``).

    ``pattern`` is the source pattern, lowercase, tokens separated by one space: ``*`` is
    where the verb stands, ``+`` the target slot, ``$`` the source slot, ``^`` a skip and
    ``%`` a compound actor, as in the source. ``{...}`` is a noun phrase whose last word is
    its head, ``(...)`` a prepositional phrase whose first word is the preposition. Every
    ``&SYNSET`` is replaced by each of its members in turn (one row each; the synset names
    used are in ``synset``, ``|``-separated). Only the members as written are emitted, not
    the regular plurals PETRARCH2 adds: match on lemmas. A word joined with ``_`` becomes a
    braced phrase (``AIR_STRIKE`` -> ``{air strike}``) unless it is already inside braces.

``actors.tsv``  columns ``name code start end file line``
    One row per (phrase, code, date range): primary phrases and their ``+`` synonyms share
    the record's codes. ``name`` is lowercase with ``_`` turned into spaces. ``start`` and
    ``end`` are ISO dates or empty: PETRARCH2 applies ``[CODE a-b]`` when a <= day < b,
    ``[CODE >a]`` when day >= a, ``[CODE <b]`` when day < b, and ``[CODE]`` always; so
    ``start`` is inclusive and ``end`` exclusive. Six-digit dates are YYMMDD with YY 00-30
    read as 20YY and 31-99 as 19YY (PETRreader.dstr_to_ordate); eight digits are YYYYMMDD.
    ``file`` is ``countries``, ``international`` or ``milnonstate``; ``line`` is the line
    of the phrase in that file. Exact duplicates (same name, code, dates and file) are kept
    once.

``agents.tsv``  columns ``name code attach plural line``
    One row per agent phrase, ``!MARKER!`` substitutions expanded. ``code`` is the role code
    without ``~``; ``attach`` is ``suffix`` for ``[~GOV]`` (added after the actor's code) and
    ``prefix`` for ``[NGO~]`` (added before it). ``plural`` is the form from ``{...}``, or,
    when no braces are given, the regular plural PETRARCH2 generates (last word + ``S``,
    ``Y`` -> ``IES`` after a consonant, ``S`` -> ``SES``); empty for ``{}`` and for marker
    substitutions.

``REPORT.md``  the counts converted and the entries not converted, by file and reason.

Comments (``#`` to the end of the line; on verb lines also the older ``;``) and blank lines
are skipped. Every entry that cannot
be converted is counted with its reason, never guessed.

Usage (from the repository root)::

    python scripts/convert_dictionaries.py --raw DIR        # DIR holds the five raw files
    python scripts/convert_dictionaries.py --from-git GITDIR [--rev HEAD]

``--from-git`` reads the files from a petrarch2 git directory with ``git show``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_DIR = "petrarch2/data/dictionaries"
VERB_FILE = "CAMEO.2.0.txt"
ACTOR_FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
}
AGENT_FILE = "Phoenix.agents.txt"
ALL_FILES = (VERB_FILE, *ACTOR_FILES.values(), AGENT_FILE)
OUT_DIR = Path(__file__).resolve().parent.parent / "streams" / "data" / "dictionaries"

VERB_COLUMNS = ("code", "verb", "pattern", "synset", "line", "forms", "block", "reverse_code")
ACTOR_COLUMNS = ("name", "code", "start", "end", "file", "line")
AGENT_COLUMNS = ("name", "code", "attach", "plural", "line")

BRACKET = re.compile(r"\[([^\]]*)\]")
EVENT_CODE = re.compile(r"^(?:\d{2,4}|---)?$")
VERB_WORD = re.compile(r"^[A-Z0-9'.+_-]+$")
SYNSET_REF = re.compile(r"&[^\s{}()]+")
PATTERN_WORD = re.compile(r"^[A-Z0-9'.,_&*+$^%-]+$")
ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]+|---)$")
AGENT_CODE = re.compile(r"^(~)?([A-Z0-9]+)(~)?$")
MARKER = re.compile(r"!([^!\s]+)!")


@dataclass
class Result:
    """Rows of one kind plus the entries that could not be converted, counted by reason."""

    rows: list[tuple[str, ...]] = field(default_factory=list)
    skipped: Counter[tuple[str, str]] = field(default_factory=Counter)
    duplicates: int = 0

    def skip(self, file: str, reason: str) -> None:
        self.skipped[(file, reason)] += 1


def strip_comment(line: str) -> str:
    """The line without its ``#`` comment and surrounding whitespace."""
    return line.split("#", 1)[0].strip()


def phrase(text: str) -> str:
    """``US_PRESIDENT__BUSH_`` -> ``us president bush``."""
    return " ".join(text.replace("_", " ").split()).lower()


def dedupe(rows: Iterable[tuple[str, ...]], key_len: int) -> tuple[list[tuple[str, ...]], int]:
    """Keep the first row for each key (the first ``key_len`` columns); return rows and drops."""
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[str, ...]] = []
    dropped = 0
    for row in rows:
        key = row[:key_len]
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        out.append(row)
    return out, dropped


# ---------------------------------------------------------------- verbs


def parse_event_code(text: str) -> tuple[str, str] | None:
    """``042:043`` -> (``042``, ``043``); ``:110`` -> (``---``, ``110``); None if malformed."""
    first, _, second = text.strip().partition(":")
    if not EVENT_CODE.match(first) or not EVENT_CODE.match(second):
        return None
    return first or "---", second


def verb_phrase(token: str) -> str:
    """``WIRE_+TAP`` -> ``wire tap``."""
    return phrase(token.replace("+", ""))


def expand_pattern(
    tokens: Sequence[str], synsets: dict[str, list[str]]
) -> tuple[list[tuple[str, str]], str | None]:
    """Expand synsets in a pattern's tokens.

    Returns the (pattern, synset names) variants, or an empty list and the reason the
    pattern cannot be converted.
    """
    choices: list[list[str]] = []
    used: list[str] = []
    depth = 0
    for token in tokens:
        if "/" in token:
            return [], "pattern word with '/' alternatives"
        core = token.strip("{}()")
        if not PATTERN_WORD.match(core) and core:
            return [], "pattern word with unsupported characters"
        opens, closes = token.count("{"), token.count("}")
        inside = depth + opens > 0
        refs = SYNSET_REF.findall(token)
        if len(refs) > 1:
            return [], "several synsets in one word"
        if refs:
            name = refs[0]
            if name not in synsets:
                return [], "undefined synset"
            used.append(name)
            options = []
            for member in synsets[name]:
                words = phrase(member)
                if " " in words and not inside:
                    words = "{" + words + "}"
                options.append(token.replace(name, words.upper(), 1).lower())
            choices.append(options)
        else:
            if "_" in core and not inside:
                token = token.replace(core, "{" + core + "}", 1)
            choices.append([" ".join(token.replace("_", " ").split()).lower()])
        depth += opens - closes
    if depth != 0 or sum(t.count("(") for t in tokens) != sum(t.count(")") for t in tokens):
        return [], "unbalanced braces or parentheses"
    synset_cell = "|".join(dict.fromkeys(used))
    return [(" ".join(combo), synset_cell) for combo in itertools.product(*choices)], None


def read_synset_line(line: str, synset: str, synsets: dict[str, list[str]]) -> tuple[str, str | None]:
    """Add a line of the synset section to ``synsets``: an ``&NAME`` header opens a synset, a
    ``+MEMBER`` line adds to the open one. Returns the open synset and the reason the line was
    not converted, or None."""
    if line.startswith("&"):
        synset = line.split()[0]
        synsets.setdefault(synset, [])
    elif line.startswith("+") and synset:
        member = line[1:].split()
        if len(member) != 1:
            return synset, "synset member with several words"
        synsets[synset].append(member[0])
    else:
        return synset, "line outside a synset"
    return synset, None


def parse_block_header(line: str) -> tuple[str, tuple[str, str]] | None:
    """``--- NAME [code] ---`` -> the block's name and (code, reverse code); None if malformed."""
    parts = line.split()
    found = BRACKET.search(line)
    code = parse_event_code(found.group(1)) if found else ("---", "")
    if len(parts) < 2 or code is None:
        return None
    return phrase(parts[1]), code


def pattern_rows(
    line: str, number: int, block: str, synsets: dict[str, list[str]]
) -> list[tuple[str, ...]] | str:
    """The rows of a ``- pattern [code]`` line of ``block``, or the reason it is not converted."""
    body = line[1:].strip()
    codes = BRACKET.findall(body)
    if not block:
        return "pattern outside a verb block"
    if len(codes) != 1 or not body.endswith("]"):
        return "pattern without one final [code]"
    code = parse_event_code(codes[0])
    if code is None:
        return "pattern code not a CAMEO code (e.g. '!' flag)"
    tokens = body[: body.rfind("[")].split()
    if tokens.count("*") != 1 or sum("*" in t for t in tokens) != 1:
        return "pattern without exactly one separate '*'"
    variants, reason = expand_pattern(tokens, synsets)
    if reason:
        return reason
    return [(code[0], block, pattern, names, str(number), "", block, code[1]) for pattern, names in variants]


def verb_row(line: str, number: int, block: str, block_code: tuple[str, str]) -> tuple[str, ...] | str:
    """The row of a verb line (``VERB [code] {forms}``) of ``block``, or the reason it is not converted."""
    if not block:
        return "verb outside a verb block"
    line = line.split(";", 1)[0].strip()  # a few verb lines end with a TABARI ';' comment
    code = block_code
    found = BRACKET.search(line)
    rest = line
    if found:
        parsed = parse_event_code(found.group(1))
        if parsed is None or line[found.end():].strip():
            return "verb with malformed code"
        code, rest = parsed, line[: found.start()]
    forms: list[str] = []
    if "{" in rest:
        head, _, tail = rest.partition("{")
        if "}" not in tail or tail.split("}", 1)[1].strip():
            return "verb with malformed {forms}"
        forms = [verb_phrase(f) for f in tail.split("}", 1)[0].split()]
        rest = head
    words = rest.split()
    if len(words) != 1 or not VERB_WORD.match(words[0]):
        return "verb line that is not one verb"
    if "_" in words[0] and "+" not in words[0]:
        return "multi-word verb without '+' head marker"
    return (code[0], verb_phrase(words[0]), "", "", str(number), "|".join(forms), block, code[1])


def block_line_rows(
    line: str, number: int, block: str, block_code: tuple[str, str], synsets: dict[str, list[str]]
) -> list[tuple[str, ...]] | str:
    """The rows of a line inside a verb block (a pattern, a verb or a ``~`` transformation), or
    the reason it is not converted."""
    if line.startswith("~"):
        return "verb transformation (~ line, not supported)"
    if line.startswith("-"):
        return pattern_rows(line, number, block, synsets)
    row = verb_row(line, number, block, block_code)
    return row if isinstance(row, str) else [row]


def convert_verbs(text: str, file: str = VERB_FILE) -> Result:
    """Rows of verbs.tsv from the text of CAMEO.2.0.txt."""
    result = Result()
    synsets: dict[str, list[str]] = {}
    in_synsets = True
    synset = ""
    block = ""
    block_code: tuple[str, str] = ("---", "")
    rows: list[tuple[str, ...]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("####### VERB PATTERNS"):
            in_synsets = False
            continue
        line = strip_comment(raw)
        if not line:
            continue
        if in_synsets:
            synset, reason = read_synset_line(line, synset, synsets)
            if reason:
                result.skip(file, reason)
            continue
        if line.startswith("---"):
            header = parse_block_header(line)
            if header is None:
                result.skip(file, "malformed verb block header")
                block = ""
                continue
            block, block_code = header
            continue
        produced = block_line_rows(line, number, block, block_code, synsets)
        if isinstance(produced, str):
            result.skip(file, produced)
        else:
            rows.extend(produced)
    result.rows, result.duplicates = merge_verb_rows(rows)
    return result


def merge_verb_rows(rows: Iterable[tuple[str, ...]]) -> tuple[list[tuple[str, ...]], int]:
    """Drop repeated verb rows (all columns but ``line`` and ``forms`` equal), keeping the
    first row's line and the union of the irregular forms (``BRING`` then ``BRING {...}``)."""
    index: dict[tuple[str, ...], int] = {}
    out: list[tuple[str, ...]] = []
    dropped = 0
    for row in rows:
        key = row[:4] + row[6:]
        if key not in index:
            index[key] = len(out)
            out.append(row)
            continue
        dropped += 1
        first = out[index[key]]
        forms = "|".join(dict.fromkeys(f for f in (first[5] + "|" + row[5]).split("|") if f))
        out[index[key]] = first[:5] + (forms,) + first[6:]
    return out, dropped


# ---------------------------------------------------------------- actors


def parse_date(text: str) -> dt.date | None:
    """YYMMDD (00-30 -> 20YY, 31-99 -> 19YY, as PETRARCH2) or YYYYMMDD; None if invalid."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_restriction(text: str) -> tuple[str, str, str] | str:
    """``USAGOV 090120-170120`` -> (code, start, end) in ISO; a reason string if unparsable."""
    parts = text.split()
    if not parts:
        return "empty [code]"
    code = parts[0]
    if not ACTOR_CODE.match(code):
        return "actor code with unsupported characters"
    when = "".join(parts[1:])
    if not when:
        return code, "", ""
    if when[0] in "<>":
        day = parse_date(when[1:])
        if day is None:
            return "unparsable date"
        return (code, day.isoformat(), "") if when[0] == ">" else (code, "", day.isoformat())
    if "-" not in when:
        return "date without '<', '>' or a range"
    first, _, last = when.partition("-")
    start, end = parse_date(first), parse_date(last)
    if start is None or end is None:
        return "unparsable date"
    if end <= start:
        return "date range that ends before it starts"
    return code, start.isoformat(), end.isoformat()


ACRONYM = re.compile(r"^(.*\S)\s*\(([a-z]{2,10})\)$")
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "de", "la", "du", "des"})


def name_variants(name: str) -> list[str]:
    """An actor phrase as text names it: "irish republican army (ira)" is written "irish republican
    army" or "ira" (an acronym of three letters or more that spells the initials); other
    parenthesised notes ("georgia (country)") are kept as they are and never match a text."""
    m = ACRONYM.match(name)
    if not m:
        return [name]
    outer, inner = m.groups()
    initials = "".join(w[0] for w in outer.replace("-", " ").split() if w not in ACRONYM_SKIP)
    if inner != initials:
        return [name]
    return [outer, inner] if len(inner) >= 3 else [outer]


def convert_actors(text: str, label: str, file: str | None = None) -> Result:
    """Rows of actors.tsv from the text of one Phoenix.*.actors.txt file."""
    file = file or ACTOR_FILES.get(label, label)
    result = Result()
    rows: list[tuple[str, ...]] = []
    names: list[tuple[str, int]] = []
    restrictions: list[tuple[str, str, str]] = []

    def flush() -> None:
        if names and not restrictions:
            for _ in names:
                result.skip(file, "actor phrase without any code")
        for name, number in names:
            for variant in name_variants(name):
                for code, start, end in restrictions:
                    rows.append((variant, code, start, end, label, str(number)))
        names.clear()
        restrictions.clear()

    def add_restrictions(cells: list[str]) -> None:
        for cell in cells:
            parsed = parse_restriction(cell)
            if isinstance(parsed, str):
                result.skip(file, parsed)
            else:
                restrictions.append(parsed)

    for number, raw in enumerate(text.splitlines(), start=1):
        line = strip_comment(raw)
        if not line:
            continue
        if line.startswith("["):
            if not names:
                result.skip(file, "date restriction without an actor")
                continue
            add_restrictions(BRACKET.findall(line))
            continue
        if line.startswith("+"):
            if not names:
                result.skip(file, "synonym without an actor")
                continue
            name = phrase(line[1:].split("[", 1)[0])
            if not name:
                result.skip(file, "empty actor phrase")
                continue
            names.append((name, number))
            add_restrictions(BRACKET.findall(line))
            continue
        flush()
        name = phrase(line.split("[", 1)[0])
        if not name:
            result.skip(file, "empty actor phrase")
            continue
        names.append((name, number))
        add_restrictions(BRACKET.findall(line))
    flush()
    result.rows, result.duplicates = dedupe(rows, 5)
    return result


# ---------------------------------------------------------------- agents


def regular_plural(name: str) -> str:
    """PETRARCH2's regular plural of the last word: +s, y -> ies, s -> ses; unlike PETRARCH2,
    a vowel before the y keeps it (envoy -> envoys, not envoies)."""
    if name.endswith("y") and name[-2:-1] not in ("a", "e", "i", "o", "u"):
        return name[:-1] + "ies"
    if name.endswith("s"):
        return name + "es"
    return name + "s"


def convert_agents(text: str, file: str = AGENT_FILE) -> Result:
    """Rows of agents.tsv from the text of Phoenix.agents.txt."""
    result = Result()
    markers: dict[str, list[str]] = {}
    rows: list[tuple[str, ...]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = strip_comment(raw)
        if not line:
            continue
        if "!" in line and "=" in line:
            found = MARKER.search(line)
            if not found or "=" not in line[found.end():]:
                result.skip(file, "malformed substitution marker definition")
                continue
            values = line[found.end():].split("=", 1)[1].split(",")
            markers[found.group(1)] = [v.strip() for v in values if v.strip()]
            continue
        if "[" not in line:
            result.skip(file, "agent without [code]")
            continue
        text_part, _, code_part = line.partition("[")
        if "]" not in code_part or code_part.split("]", 1)[1].strip():
            result.skip(file, "agent with malformed [code]")
            continue
        found_code = AGENT_CODE.match(code_part.split("]", 1)[0].strip())
        if not found_code or bool(found_code.group(1)) == bool(found_code.group(3)):
            result.skip(file, "agent code without one leading or trailing '~'")
            continue
        code = found_code.group(2)
        attach = "suffix" if found_code.group(1) else "prefix"
        names: list[tuple[str, str]] = []
        if "!" in text_part:
            marker = MARKER.search(text_part)
            if not marker:
                result.skip(file, "malformed substitution marker")
                continue
            if marker.group(1) not in markers:
                result.skip(file, "undefined substitution marker")
                continue
            for value in markers[marker.group(1)]:
                names.append((phrase(text_part[: marker.start()] + value + text_part[marker.end():]), ""))
        elif "{" in text_part:
            head, _, tail = text_part.partition("{")
            if "}" not in tail or tail.split("}", 1)[1].strip():
                result.skip(file, "agent with malformed {plural}")
                continue
            names.append((phrase(head), phrase(tail.split("}", 1)[0])))
        else:
            name = phrase(text_part)
            names.append((name, regular_plural(name) if name else ""))
        for name, plural in names:
            if not name:
                result.skip(file, "empty agent phrase")
                continue
            rows.append((name, code, attach, plural, str(number)))
    result.rows, result.duplicates = dedupe(rows, 4)
    return result


# ---------------------------------------------------------------- input and output


def read_raw_dir(directory: Path) -> dict[str, str]:
    """The five raw files, read from a directory."""
    return {name: (directory / name).read_text(encoding="utf-8") for name in ALL_FILES}


def read_git(git_dir: Path, rev: str) -> tuple[dict[str, str], str]:
    """The five raw files and the full commit id, read from a petrarch2 git directory."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
        )
        return done.stdout.decode("utf-8")

    commit = git("rev-parse", rev).strip()
    return {name: git("show", f"{commit}:{REPO_DIR}/{name}") for name in ALL_FILES}, commit


def write_tsv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write a TSV file; cells never hold tabs or line breaks, so nothing is quoted."""
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in itertools.chain([columns], rows):
            if any(ch in cell for cell in row for ch in "\t\r\n"):
                raise ValueError(f"tab or line break in a cell: {row!r}")
            fh.write("\t".join(row) + "\n")


@dataclass
class Conversion:
    verbs: Result
    actors: Result
    agents: Result

    def counts(self) -> dict[str, int]:
        verb_rows = self.verbs.rows
        return {
            "verb rows": len(verb_rows),
            "verbs (bare verb rows)": sum(1 for r in verb_rows if not r[2]),
            "distinct verb lemmas": len({r[1] for r in verb_rows if not r[2]}),
            "verb blocks": len({r[6] for r in verb_rows}),
            "patterns (rows, after synset expansion)": sum(1 for r in verb_rows if r[2]),
            "source pattern lines converted": len({r[4] for r in verb_rows if r[2]}),
            "actor rows": len(self.actors.rows),
            "distinct actor names": len({r[0] for r in self.actors.rows}),
            "agent rows": len(self.agents.rows),
            "distinct agent names": len({r[0] for r in self.agents.rows}),
        }


def convert(texts: dict[str, str]) -> Conversion:
    actors = Result()
    for label, name in ACTOR_FILES.items():
        part = convert_actors(texts[name], label, name)
        actors.rows.extend(part.rows)
        actors.skipped.update(part.skipped)
        actors.duplicates += part.duplicates
    return Conversion(convert_verbs(texts[VERB_FILE]), actors, convert_agents(texts[AGENT_FILE]))


def report(conv: Conversion, source: str) -> str:
    lines = ["# PETRARCH2 dictionaries: conversion report", "",
             f"Source: {source}. Written by `scripts/convert_dictionaries.py`; see `streams/data/SOURCES.md`.",
             "", "## Converted", "", "| what | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in conv.counts().items()]
    lines += ["", "## Exact duplicates dropped", "", "| file | rows |", "|---|---|",
              f"| verbs.tsv | {conv.verbs.duplicates} |", f"| actors.tsv | {conv.actors.duplicates} |",
              f"| agents.tsv | {conv.agents.duplicates} |",
              "", "## Not converted", "", "| file | reason | entries |", "|---|---|---|"]
    skipped = conv.verbs.skipped + conv.actors.skipped + conv.agents.skipped
    for (file, reason), n in sorted(skipped.items()):
        lines.append(f"| {file} | {reason} | {n} |")
    lines += [f"| all | total | {sum(skipped.values())} |", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--raw", type=Path, help="directory holding the five raw dictionary files")
    group.add_argument("--from-git", type=Path, metavar="GITDIR", help="petrarch2 git directory")
    parser.add_argument("--rev", default="HEAD", help="revision to read with --from-git (default HEAD)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"output directory (default {OUT_DIR})")
    args = parser.parse_args(argv)
    if args.from_git:
        texts, commit = read_git(args.from_git, args.rev)
        source = f"openeventdata/petrarch2 commit {commit}, `{REPO_DIR}/`"
    else:
        texts = read_raw_dir(args.raw)
        source = f"raw files in `{args.raw.name}/` (`{REPO_DIR}/` of openeventdata/petrarch2)"
    conv = convert(texts)
    args.out.mkdir(parents=True, exist_ok=True)
    write_tsv(args.out / "verbs.tsv", VERB_COLUMNS, conv.verbs.rows)
    write_tsv(args.out / "actors.tsv", ACTOR_COLUMNS, conv.actors.rows)
    write_tsv(args.out / "agents.tsv", AGENT_COLUMNS, conv.agents.rows)
    text = report(conv, source)
    (args.out / "REPORT.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
