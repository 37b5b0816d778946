"""The PETRARCH2 dictionary converter (scripts/convert_dictionaries.py) and its loader."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from scripts import convert_dictionaries as conv
from streams.extraction import dictionaries as dicts

VERBS = """\
# a comment line
&FOOD
+BREAD
+RICE_CAKE

####### VERB PATTERNS #######

---  VISIT   [042:043]  ---
VISIT
TOUR {TOURS TOURED TOURING}  # jw 11/13/91
+CALL_ON {+CALLS_ON +CALLED_ON +CALLING_ON} [040]
VISIT {VISITS VISITED VISITING}
- * (WITH &FOOD)                      [073]   # VISIT
- $ * +                               [042]
- * AIR_STRIKE                        [:190]
- * (TO/FOR AID)                      [070]
- * &UNKNOWN                          [070]
~ a (a b VISIT) SAY = a b 010
"""

ACTORS = """\
# Freedonia
FREEDONIA_  [FRD]
+FREEDONIAN_

RUFUS_T._FIREFLY_  # Duck Soup
+PRESIDENT_FIREFLY
\t[FRDELI 330101-331122]
\t[FRDGOV 331122-20010101]
\t[FRDELI]
TRENTINO_\t[SYLGOV >990101] [---]
CHICOLINI_
\t[FRDCRM <330101]
\t[FRDCRM 330101]
\t[FRDCRM 331301-340101]
NOBODY_
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
ENVOY [~GOV] # ns 6/26/01
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
AID_AGENCY [NGO~]
PARTY [~PTY]
WITNESS [~CVL]
REBEL
BAD_CODE [~X}
"""


def test_convert_verbs_sample():
    result = conv.convert_verbs(VERBS, "v.txt")
    assert result.rows == [
        ("042", "visit", "", "", "9", "visits|visited|visiting", "visit", "043"),
        ("042", "tour", "", "", "10", "tours|toured|touring", "visit", "043"),
        ("040", "call on", "", "", "11", "calls on|called on|calling on", "visit", ""),
        ("073", "visit", "* (with bread)", "&FOOD", "13", "", "visit", ""),
        ("073", "visit", "* (with {rice cake})", "&FOOD", "13", "", "visit", ""),
        ("042", "visit", "$ * +", "", "14", "", "visit", ""),
        ("---", "visit", "* {air strike}", "", "15", "", "visit", "190"),
    ]
    assert result.duplicates == 1
    assert dict(result.skipped) == {
        ("v.txt", "pattern word with '/' alternatives"): 1,
        ("v.txt", "undefined synset"): 1,
        ("v.txt", "verb transformation (~ line, not supported)"): 1,
    }


def test_convert_actors_sample():
    result = conv.convert_actors(ACTORS, "countries", "a.txt")
    assert result.rows == [
        ("freedonia", "FRD", "", "", "countries", "2"),
        ("freedonian", "FRD", "", "", "countries", "3"),
        ("rufus t. firefly", "FRDELI", "1933-01-01", "1933-11-22", "countries", "5"),
        ("rufus t. firefly", "FRDGOV", "1933-11-22", "2001-01-01", "countries", "5"),
        ("rufus t. firefly", "FRDELI", "", "", "countries", "5"),
        ("president firefly", "FRDELI", "1933-01-01", "1933-11-22", "countries", "6"),
        ("president firefly", "FRDGOV", "1933-11-22", "2001-01-01", "countries", "6"),
        ("president firefly", "FRDELI", "", "", "countries", "6"),
        ("trentino", "SYLGOV", "1999-01-01", "", "countries", "10"),
        ("trentino", "---", "", "", "countries", "10"),
        ("chicolini", "FRDCRM", "", "1933-01-01", "countries", "11"),
    ]
    assert dict(result.skipped) == {
        ("a.txt", "date without '<', '>' or a range"): 1,
        ("a.txt", "unparsable date"): 1,
        ("a.txt", "actor phrase without any code"): 1,
    }


@pytest.mark.parametrize(("name", "variants"), [
    ("freedonian liberation army (fla)", ["freedonian liberation army", "fla"]),  # the acronym spells the initials
    ("army of the south (as)", ["army of the south"]),  # a two-letter acronym is too ambiguous to match
    ("georgia (country)", ["georgia (country)"]),  # a note, not an acronym: kept as written
    ("freedonia", ["freedonia"]),
])
def test_actor_names_with_an_acronym_in_brackets(name: str, variants: list[str]):
    assert conv.name_variants(name) == variants


def test_two_digit_years_as_petrarch():
    assert conv.parse_date("300101") == dt.date(2030, 1, 1)
    assert conv.parse_date("310101") == dt.date(1931, 1, 1)
    assert conv.parse_date("19451231") == dt.date(1945, 12, 31)
    assert conv.parse_date("20100931") is None
    assert conv.parse_date("9008223") is None


def test_convert_agents_sample():
    result = conv.convert_agents(AGENTS, "g.txt")
    assert result.rows == [
        ("envoy", "GOV", "suffix", "envoys", "2"),
        ("police", "COP", "suffix", "", "3"),
        ("attorney general", "GOVATG", "suffix", "attorneys general", "4"),
        ("congressman", "LEG", "suffix", "", "5"),
        ("congresswoman", "LEG", "suffix", "", "5"),
        ("aid agency", "NGO", "prefix", "aid agencies", "6"),
        ("party", "PTY", "suffix", "parties", "7"),
        ("witness", "CVL", "suffix", "witnesses", "8"),
    ]
    assert dict(result.skipped) == {
        ("g.txt", "agent without [code]"): 1,
        ("g.txt", "agent with malformed [code]"): 1,
    }


def test_convert_writes_files(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    texts = {conv.VERB_FILE: VERBS, conv.AGENT_FILE: AGENTS}
    texts.update({name: ACTORS for name in conv.ACTOR_FILES.values()})
    for name, text in texts.items():
        (raw / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert conv.main(["--raw", str(raw), "--out", str(out)]) == 0
    assert len(dicts.load_verbs(str(out))) == 7
    assert len(dicts.load_actors(str(out))) == 33
    assert {e.file for e in dicts.load_actors(str(out))} == {"countries", "international", "milnonstate"}
    assert [e.name for e in dicts.load_agents(str(out))][:2] == ["envoy", "police"]
    assert "| all | total | 14 |" in (out / "REPORT.md").read_text(encoding="utf-8")


def report_counts() -> dict[str, int]:
    text = (dicts.DICTIONARIES_DIR / "REPORT.md").read_text(encoding="utf-8")
    converted = text.split("## Converted", 1)[1].split("##", 1)[0]
    return {m[1]: int(m[2]) for m in re.finditer(r"^\| ([^|]+?) \| (\d+) \|$", converted, re.M)}


def test_committed_files_match_report():
    verbs, actors, agents = dicts.load_verbs(), dicts.load_actors(), dicts.load_agents()
    counts = report_counts()
    assert counts["verb rows"] == len(verbs)
    assert counts["verbs (bare verb rows)"] == sum(1 for v in verbs if not v.pattern)
    assert counts["patterns (rows, after synset expansion)"] == sum(1 for v in verbs if v.pattern)
    assert counts["actor rows"] == len(actors)
    assert counts["distinct actor names"] == len(dicts.actor_index())
    assert counts["agent rows"] == len(agents)
    assert counts["patterns (rows, after synset expansion)"] > 40000 and counts["distinct actor names"] > 30000
    assert all(v.code == "---" or v.code.isdigit() for v in verbs)
    assert all("*" in v.pattern for v in verbs if v.pattern)
    assert all(a.start is None or a.end is None or a.start < a.end for a in actors)
    assert {a.attach for a in agents} == {"suffix", "prefix"}


def test_committed_files_load_once_per_process():
    # the dictionaries are read once per process, then served from the cache
    for loader in (dicts.load_verbs, dicts.load_actors, dicts.load_agents, dicts.actor_index):
        loader.cache_clear()
        first = loader()
        assert first and loader() is first


def test_one_extractor_per_model_however_it_is_named(extractor):
    from streams.extraction.nlp import DEFAULT_MODEL
    from streams.extraction.pipeline import get_extractor

    assert get_extractor(DEFAULT_MODEL) is extractor is get_extractor(model=DEFAULT_MODEL)


def test_an_extractor_keeps_its_matchers_not_the_rows():
    # once compiled into the matchers, the parsed rows (about 50 MB) are dropped; the extractor still
    # resolves a name only the open dictionary knows, and a loader reads the file again when asked
    from streams.extraction.nlp import DEFAULT_MODEL
    from streams.extraction.pipeline import Extractor

    assert dicts.load_actors() and dicts.load_verbs()
    fresh = Extractor(DEFAULT_MODEL)
    assert dicts.load_actors.cache_info().currsize == 0 and dicts.load_verbs.cache_info().currsize == 0
    doc = fresh.parse(["Omar Zakhilwal arrived on Tuesday."])[0]  # a minister of actors.tsv only
    assert [m.code for m in fresh.actors.process(doc, "2010-06-01") if m.kind != "place"] == ["AFGGOV"]
    assert dicts.load_actors() and dicts.load_actors.cache_info().currsize == 1


@pytest.mark.parametrize("name", ["george w. bush", "George_W._Bush"])
def test_actor_codes_at_boundary(name: str):
    entries = dicts.actor_index()["george w. bush"]
    pairs = [(a, b) for a in entries for b in entries
             if a.end is not None and a.end == b.start and a.code != b.code]
    assert pairs, entries
    before, after = pairs[0]
    boundary = after.start
    assert boundary is not None
    day_before = boundary - dt.timedelta(days=1)
    undated = [e.code for e in entries if not e.dated]
    assert dicts.actor_codes_at(name, day_before)[0] == before.code
    assert dicts.actor_codes_at(name, boundary)[0] == after.code
    assert dicts.actor_codes_at(name, boundary)[-1] in undated
    assert dicts.actor_codes_at("no such actor anywhere", boundary) == []


def test_past_tense_and_third_person_forms():
    from streams.extraction.nlp import past_tense, third_person
    assert [third_person(v) for v in ("sink", "veto", "deny", "issue", "push")] == ["sinks", "vetoes", "denies", "issues", "pushes"]
    assert past_tense("strike", ("strikes", "struck", "striking")) == "struck"
    assert [past_tense(v) for v in ("issue", "deny", "veto", "play")] == ["issued", "denied", "vetoed", "played"]
    # irregular verbs whose past is the plain form, and doubled final consonants
    assert [past_tense(v) for v in ("cut", "hit", "ban", "stop", "expel")] == ["cut", "hit", "banned", "stopped", "expelled"]
