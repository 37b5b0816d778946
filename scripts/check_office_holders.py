#!/usr/bin/env python3
"""Validate streams/data/office_holders.tsv and print counts per office and per country.

Checks:
  - header and column count;
  - dates are YYYY-MM-DD, start < end, the term overlaps 1979-01-01 .. 2026-12-01;
  - codes are well formed: country (from countries.tsv) + CAMEO role (from
    cameo_actor_roles.tsv), optionally + a 3-letter group code (PSEREBHMS), or
    IGO/IMG + a 3-letter organisation code (IGOUNO, IMGALQ);
  - no two rows of the same name and code whose terms overlap, unless one of
    them says "concurrently" in its notes (a second office held at the same time);
  - never two overlapping rows of the same name, code and office (duplicates);
  - aliases: no alias equal to the name or repeated, no bare common first name
    or bare common surname (small list below).

Usage: python scripts/check_office_holders.py [path]   (exit status 1 on errors)
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "streams" / "data"
DEFAULT = DATA / "office_holders.tsv"

HEADER = ["name", "aliases", "code", "office", "start", "end", "notes"]
WINDOW_START = date(1979, 1, 1)
WINDOW_END = date(2026, 12, 1)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY_CODE_RE = re.compile(r"^([A-Z]{3})([A-Z]{3})([A-Z]{3})?$")
IGO_CODE_RE = re.compile(r"^(IGO|IMG)[A-Z]{3}$")

# A bare alias that is one of these is refused: common first names, and
# surnames shared by many people in the news (or by several rows here).
COMMON_BARE = {
    # first names
    "abdullah", "abdallah", "ahmed", "ahmad", "ali", "anthony", "ariel", "barack",
    "benazir", "benjamin", "bill", "boris", "cameron", "david", "donald",
    "ehud", "emmanuel", "fidel", "francois", "george", "gordon", "hamad",
    "hassan", "helmut", "hillary", "hussein", "imran", "indira", "jacob",
    "jacques", "james", "jimmy", "joe", "john", "julia", "justin", "kevin",
    "khalid", "malcolm", "margaret", "martin", "michael", "mike", "mohamed",
    "mohammad", "mohammed", "muhammad", "naftali", "nawaz", "nelson",
    "nicolas", "omar", "paul", "pierre", "rajiv", "raul", "ronald", "saddam",
    "salman", "scott", "sharon", "shimon", "stephen", "theresa", "tony",
    "vladimir", "yair", "yasser", "yitzhak", "abe",
    # common or shared surnames
    "aliyev", "baker", "begin", "borne", "brown", "bush", "castro", "chen",
    "clark", "clinton", "cook", "deng", "fox", "gandhi", "gates", "hague",
    "hariri", "harris", "herzog", "howard", "johnson", "jones", "kabila",
    "khan", "kim", "lee", "li", "liu", "lopez", "major", "may", "nguyen",
    "park", "powell", "reid", "rice", "sharif", "singh", "smith", "straw",
    "trudeau", "wang", "zhang", "zuma", "aoun", "bhutto", "kaczynski",
}


def load_codes(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as fh:
        next(fh)
        return {line.split("\t", 1)[0].strip() for line in fh if line.strip()}


def parse_date(text: str) -> date | None:
    if not DATE_RE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def fold(text: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


Row = tuple[int, dict[str, str], date, date | None]  # line number, fields, start, end


def check_code(where: str, code: str, countries: set[str], roles: set[str], errors: list[str]) -> None:
    """A country + role (+ group) code with known parts, or an IGO/IMG organisation code."""
    m = COUNTRY_CODE_RE.match(code)
    if IGO_CODE_RE.match(code):
        pass
    elif m:
        if m.group(1) not in countries:
            errors.append(f"{where}: {code}: unknown country {m.group(1)}")
        if m.group(2) not in roles:
            errors.append(f"{where}: {code}: unknown role {m.group(2)}")
    else:
        errors.append(f"{where}: malformed code {code!r}")


def check_term(where: str, row: dict[str, str], errors: list[str]) -> tuple[date, date | None] | None:
    """The row's (start, end), or None when a date cannot be read; checks order and window."""
    start = parse_date(row["start"])
    end = parse_date(row["end"]) if row["end"] else None
    if start is None:
        errors.append(f"{where}: bad start {row['start']!r}")
        return None
    if row["end"] and end is None:
        errors.append(f"{where}: bad end {row['end']!r}")
        return None
    if end is not None and not start < end:
        errors.append(f"{where}: start {start} not before end {end}")
    if start > WINDOW_END or (end is not None and end < WINDOW_START):
        errors.append(f"{where}: term {start}..{end} outside 1979-01-01..2026-12-01")
    return start, end


def check_aliases(where: str, row: dict[str, str], errors: list[str]) -> None:
    """No empty alias, none equal to the name or repeated, no bare common first name or surname."""
    aliases = [a for a in row["aliases"].split("|")] if row["aliases"] else []
    seen = set()
    for alias in aliases:
        if not alias:
            errors.append(f"{where}: empty alias")
        elif alias == row["name"]:
            errors.append(f"{where}: alias equals name: {alias}")
        elif alias in seen:
            errors.append(f"{where}: repeated alias {alias}")
        elif " " not in alias and fold(alias).replace("-", "") in COMMON_BARE:
            errors.append(f"{where}: alias is a bare common first name or surname: {alias}")
        seen.add(alias)


def check_row(
    lineno: int, fields: list[str], countries: set[str], roles: set[str], errors: list[str]
) -> Row | None:
    """One line of the file checked on its own; None when it cannot be used for the cross-row checks."""
    where = f"line {lineno}"
    if len(fields) != len(HEADER):
        errors.append(f"{where}: {len(fields)} columns, expected {len(HEADER)}")
        return None
    row = dict(zip(HEADER, fields, strict=True))
    for key, value in row.items():
        if value != value.strip():
            errors.append(f"{where}: {key} has surrounding spaces")
    if not row["name"] or not row["office"]:
        errors.append(f"{where}: empty name or office")
    check_code(where, row["code"], countries, roles, errors)
    term = check_term(where, row, errors)
    if term is None:
        return None
    check_aliases(where, row, errors)
    return (lineno, row, term[0], term[1])


def read_rows(path: Path, countries: set[str], roles: set[str], errors: list[str]) -> list[Row]:
    """The file's rows that pass the per-row checks; every problem found is added to `errors`."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != HEADER:
            errors.append(f"header is {header}, expected {HEADER}")
        for lineno, fields in enumerate(reader, start=2):
            item = check_row(lineno, fields, countries, roles, errors)
            if item is not None:
                rows.append(item)
    return rows


def check_overlaps(rows: list[Row], errors: list[str]) -> None:
    """Overlapping terms of the same name and code, unless in different offices held concurrently."""
    by_person = defaultdict(list)
    for item in rows:
        by_person[(item[1]["name"], item[1]["code"])].append(item)
    far = date(9999, 12, 31)
    for (name, code), items in by_person.items():
        items.sort(key=lambda it: it[2])
        for i, (ln_a, a, sa, ea) in enumerate(items):
            for ln_b, b, sb, eb in items[i + 1:]:
                if sb >= (ea or far):
                    continue  # no overlap ([start, end) intervals)
                same_office = a["office"] == b["office"]
                concurrent = "concurrently" in a["notes"] or "concurrently" in b["notes"]
                if same_office or not concurrent:
                    errors.append(
                        f"lines {ln_a}/{ln_b}: {name} ({code}) terms overlap: "
                        f"{a['office']} {sa}..{ea or ''} and {b['office']} {sb}..{eb or ''}"
                    )


def check_shared_aliases(rows: list[Row], errors: list[str]) -> None:
    """The same alias for two different names."""
    alias_owner = defaultdict(set)
    for _, row, _, _ in rows:
        for alias in filter(None, row["aliases"].split("|")):
            alias_owner[alias].add(row["name"])
    for alias, owners in sorted(alias_owner.items()):
        if len(owners) > 1 and alias not in {o for o in owners}:
            errors.append(f"alias {alias!r} shared by {sorted(owners)}")


def print_counts(path: Path, rows: list[Row]) -> None:
    """Rows and people, rows per office and per country or organisation, people in office now."""
    offices = Counter(row["office"] for _, row, _, _ in rows)
    countries_count = Counter(row["code"][:3] if not IGO_CODE_RE.match(row["code"]) else row["code"]
                              for _, row, _, _ in rows)
    print(f"{path}: {len(rows)} rows, {len({r['name'] for _, r, _, _ in rows})} people")
    print("\nrows per office:")
    for office, n in offices.most_common():
        print(f"  {n:5d}  {office}")
    print("\nrows per country / organisation:")
    for key, n in sorted(countries_count.items()):
        print(f"  {key:8s} {n:5d}")
    current = sum(1 for _, _, _, end in rows if end is None)
    print(f"\nin office on 2026-12-01 (empty end): {current}")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    countries = load_codes(DATA / "countries.tsv")
    roles = load_codes(DATA / "cameo_actor_roles.tsv")
    errors: list[str] = []
    rows = read_rows(path, countries, roles, errors)
    check_overlaps(rows, errors)
    check_shared_aliases(rows, errors)
    print_counts(path, rows)
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for err in errors:
            print("  " + err, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
