"""Generate the benchmark corpus: news-style articles from templates written for this project.

Nothing here is copied from a news outlet: the sentences are templates written for geoevents, the
actors come from the project's own dictionaries (streams/data/countries.tsv and people.tsv), and every
number, date and combination is drawn from a seeded random generator, so the same seed always gives
the same corpus (byte for byte).

Usage: .venv/bin/python scripts/make_corpus.py [--articles 1000] [--seed 7] [--output PATH]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "streams" / "data"
DEFAULT_OUTPUT = PROJECT_DIR / ".geoevents" / "bench" / "corpus.jsonl"
DEFAULT_SEED = 20261128


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    demonym: str
    capital: str


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    office: str
    country: str  # iso3, or "" for international organisations


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_countries() -> list[Country]:
    out = []
    for row in _rows("countries.tsv"):
        demonyms = [d for d in (row.get("demonyms") or "").split("|") if d]
        capitals = [c for c in (row.get("capitals") or "").split("|") if c]
        if not demonyms or not capitals:
            continue
        # the singular adjective form: the shortest demonym that does not end in a plural "s"
        adjective = min([d for d in demonyms if not d.endswith("s")] or demonyms, key=len)
        out.append(Country(row["iso3"], row["name"], adjective, capitals[0]))
    return out


def load_people(countries: dict[str, Country]) -> list[Person]:
    out = []
    for row in _rows("people.tsv"):
        name = row["name"].strip()
        if not name or not row.get("office"):
            continue
        aliases = [a for a in (row.get("aliases") or "").split("|") if a and " " not in a.strip()]
        surname = aliases[-1] if aliases else name.split()[-1]
        iso3 = row["code"][:3]
        out.append(Person(name, surname, row["office"].strip(), iso3 if iso3 in countries else ""))
    return out


# ---------------------------------------------------------------------------------------------
# Templates. {A}/{B} are actor phrases (a country, "the X government", a person with title),
# {a}/{b} a short second reference, {CAP_A}/{CAP_B} capitals, {DEM_A}/{DEM_B} adjectives.
# ---------------------------------------------------------------------------------------------

# lead sentences: (title template, sentence template); varied event verbs, past tense
LEADS: list[tuple[str, str]] = [
    ("{NA} accuses {NB} of violating ceasefire", "{A} accused {B} on {DAY} of violating the ceasefire along their shared border"),
    ("{NA} condemns {NB} over detention of aid workers", "{A} condemned {B} over the detention of {N} aid workers near the frontier"),
    ("{NA} imposes new sanctions on {NB}", "{A} imposed new sanctions on {B} on {DAY}, targeting {N} companies linked to its arms industry"),
    ("{NA} and {NB} sign trade agreement", "{A} signed a trade agreement with {B} on {DAY} after {N} rounds of talks"),
    ("{NA} leader meets {NB} counterpart", "{A} met {B} in {CAP_A} on {DAY} to discuss security cooperation and energy supplies"),
    ("{NA} expels {NB} diplomats", "{A} expelled {N} diplomats from {B} on {DAY}, accusing them of activities incompatible with their status"),
    ("{NA} threatens {NB} with retaliation", "{A} threatened {B} with retaliation on {DAY} if it went ahead with the planned military exercises"),
    ("{NA} praises {NB} for mediation", "{A} praised {B} on {DAY} for its role in mediating the release of {N} detainees"),
    ("{NA} criticises {NB} over election", "{A} criticised {B} on {DAY} over the conduct of last month's parliamentary election"),
    ("{NA} forces attack positions held by {NB}", "{A} attacked positions held by {B} on {DAY}, killing at least {N} people, according to local officials"),
    ("{NA} deploys troops near border with {NB}", "{A} deployed about {N00} troops near its border with {B} on {DAY}, satellite images showed"),
    ("{NA} pledges aid to {NB}", "{A} pledged {N} million dollars in humanitarian aid to {B} on {DAY} after severe flooding"),
    ("{NA} recalls ambassador from {NB}", "{A} recalled its ambassador from {B} on {DAY} in protest at remarks by senior officials"),
    ("{NA} urges {NB} to release prisoners", "{A} urged {B} on {DAY} to release {N} political prisoners held without charge"),
    ("{NA} rejects {NB} proposal for talks", "{A} rejected a proposal by {B} for new talks on {DAY}, calling it a delaying tactic"),
    ("{NA} hosts {NB} delegation", "{A} hosted a delegation from {B} on {DAY} for talks on water rights and river dams"),
    ("{NA} warns {NB} against missile tests", "{A} warned {B} on {DAY} against carrying out further missile tests"),
    ("{NA} arrests {NB} nationals over espionage", "{A} arrested {N} {DEM_B} nationals on {DAY} on suspicion of espionage"),
    ("{NA} agrees to resume talks with {NB}", "{A} agreed on {DAY} to resume negotiations with {B} on a long-delayed border settlement"),
    ("{NA} welcomes {NB} decision on prisoners", "{A} welcomed the decision by {B} on {DAY} to free {N} prisoners as a goodwill gesture"),
    ("{NA} demands apology from {NB}", "{A} demanded an apology from {B} on {DAY} after its coast guard seized a fishing vessel"),
    ("{NA} blames {NB} for pipeline blast", "{A} blamed {B} on {DAY} for an explosion that damaged a gas pipeline near {CAP_A}"),
    ("{NA} offers to mediate between {NB} and rebels", "{A} offered on {DAY} to mediate between {B} and armed groups in the east of the country"),
    ("{NA} suspends cooperation with {NB}", "{A} suspended military cooperation with {B} on {DAY}, citing a breach of earlier commitments"),
    ("{NA} seizes vessel bound for {NB}", "{A} seized a cargo vessel bound for {B} on {DAY}, saying it carried weapons components"),
    ("{NA} visits {NB} for first time in decade", "{A} visited {B} on {DAY}, the first such trip in more than a decade"),
    ("{NA} supports {NB} bid for council seat", "{A} backed the bid by {B} for a seat on the UN Security Council on {DAY}"),
    ("{NA} denounces {NB} over strikes on civilians", "{A} denounced {B} on {DAY} over air strikes that hit a market and a school"),
    ("{NA} signs defence pact with {NB}", "{A} signed a defence pact with {B} on {DAY} that includes joint naval patrols"),
    ("{NA} shells {NB} border villages", "{A} shelled villages along the border with {B} overnight into {DAY}, officials said"),
    ("{NA} lifts ban on {NB} imports", "{A} lifted a ban on imports from {B} on {DAY}, ending a dispute that lasted {N} months"),
    ("{NA} investigates {NB} firms over fraud", "{A} opened an investigation into {N} firms from {B} on {DAY} over suspected fraud"),
    ("{NA} refuses to extradite suspect to {NB}", "{A} refused on {DAY} to extradite a businessman wanted by {B} on corruption charges"),
    ("{NA} and {NB} exchange prisoners", "{A} exchanged {N} prisoners with {B} on {DAY} in a swap brokered by neighbouring states"),
]

# follow-up sentences with a second event; these keep the parser and the coder busy
FOLLOW: list[str] = [
    "{a} also accused {b} of supplying weapons to militias operating in the region.",
    "Officials in {CAP_B} rejected the accusations and called them baseless.",
    "{b} responded by summoning the {DEM_A} ambassador for an explanation.",
    "The foreign ministry in {CAP_A} said it would continue to press {b} for guarantees.",
    "{b} said it would review its commitments under the agreement.",
    "Last week {a} had threatened to close its airspace to flights from {b}.",
    "{b} has denied any involvement and called for an independent inquiry.",
    "Diplomats said {a} had promised to provide additional funds for reconstruction.",
    "{a} said it was ready to negotiate with {b} without preconditions.",
    "{b} criticised the move as a violation of international law.",
    "Both governments agreed to set up a joint commission to monitor the deal.",
    "{a} later praised {b} for its restraint during the talks.",
    "{b} warned that it would retaliate against any further incursions.",
    "{a} demanded that {b} withdraw its forces from the disputed area within {N} days.",
    "{b} announced that it would send a delegation to {CAP_A} next month.",
    "Police in {CAP_B} detained {N} protesters outside the {DEM_A} embassy.",
    "{a} invited {b} to a regional summit planned for the spring.",
    "Security forces in {CAP_A} arrested {N} people suspected of planning attacks.",
]

QUOTES: list[str] = [
    '"We will not accept threats to our sovereignty," {P} said in a statement released in {CAP_A}.',
    '"This is a step in the right direction, but much more needs to be done," {P} told reporters.',
    '"Our position has not changed and we expect our partners to respect their commitments," {P} said.',
    '"The door to dialogue remains open," {P} said during a news conference on {DAY}.',
    '"We are deeply concerned by the latest developments," {P} said, adding that the situation remained fragile.',
    '"There can be no lasting peace without accountability," {P} said in a televised address.',
]

BACKGROUND: list[str] = [
    "Relations between {CAP_A} and {CAP_B} have been strained since a dispute over fishing rights erupted {N} years ago, "
    "and several earlier rounds of negotiations ended without agreement.",
    "Trade between the two countries reached about {N} billion dollars last year, according to official figures, "
    "with energy, grain and machinery making up most of the total.",
    "The region has seen repeated clashes in recent months, and humanitarian groups say more than {N000} people have "
    "been displaced since the start of the year.",
    "Analysts said the decision reflected growing pressure on the government at home, where inflation and "
    "unemployment have both risen sharply over the past {N} months.",
    "The agreement must still be approved by parliament, where the governing coalition holds a narrow majority, "
    "and opposition parties have said they will challenge parts of it in court.",
    "International observers have urged both sides to show restraint and to respect the terms of the truce signed "
    "{N} years ago, which has been violated on several occasions.",
    "The {DEM_B} economy depends heavily on exports of minerals and farm produce, and officials have warned that "
    "a prolonged dispute could cost thousands of jobs.",
    "Diplomats in {CAP_B} said the talks had been prepared over several weeks and covered customs rules, "
    "visa requirements and the reopening of two border crossings.",
    "Local media reported long queues at petrol stations in {CAP_A} on {DAY}, as residents feared new shortages "
    "after the announcement.",
    "The two countries restored full diplomatic relations {N} years ago after a long break, but contacts at the "
    "highest level have remained rare.",
]

REACTION: list[str] = [
    "{C} called on both sides to avoid any steps that could raise tensions further.",
    "{C} said it was following the situation closely and was in contact with both governments.",
    "{C} welcomed the announcement and offered technical help with its implementation.",
    "{C} expressed concern about the humanitarian consequences of the escalation.",
    "{C} urged {a} and {b} to return to the negotiating table.",
]

CLOSERS: list[str] = [
    "Further talks are expected later this month.",
    "Neither side gave details about the next steps.",
    "The government said more information would be published in the coming days.",
    "Officials said a follow-up meeting would take place in {CAP_B} before the end of the year.",
    "Markets in the region were little changed after the announcement.",
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.countries = load_countries()
        by_iso = {c.iso3: c for c in self.countries}
        self.people = load_people(by_iso)
        self.by_iso = by_iso
        # countries that have named people get picked more often, as in real coverage
        self.prominent = sorted({p.country for p in self.people if p.country})

    def _country(self) -> Country:
        if self.rng.random() < 0.55 and self.prominent:
            return self.by_iso[self.rng.choice(self.prominent)]
        return self.rng.choice(self.countries)

    def _actor(self, c: Country) -> tuple[str, str, str]:
        """(full phrase, short reference, headline form) for a country-level actor."""
        people = [p for p in self.people if p.country == c.iso3]
        roll = self.rng.random()
        if people and roll < 0.35:
            p = self.rng.choice(people)
            return f"{c.demonym} {p.office} {p.name}", p.surname, c.name
        if roll < 0.6:
            return f"the {c.demonym} government", c.name, c.name
        if roll < 0.75:
            return f"the government of {c.name}", c.name, c.name
        return c.name, c.name, c.name

    def article(self, i: int, base_time: datetime) -> dict[str, object]:
        rng = self.rng
        a = self._country()
        b = self._country()
        while b.iso3 == a.iso3:
            b = self._country()
        A, a_short, NA = self._actor(a)
        B, b_short, NB = self._actor(b)
        orgs = [p for p in self.people if not p.country]
        C_person = rng.choice(orgs) if orgs and rng.random() < 0.5 else None
        C = f"{C_person.office} {C_person.name}" if C_person else rng.choice(
            ["The United Nations", "The European Union", "The African Union", "NATO", "The UN Security Council"])
        people_a = [p for p in self.people if p.country == a.iso3]
        speaker = rng.choice(people_a) if people_a else None
        P = (f"{speaker.office} {speaker.name}" if speaker
             else rng.choice(["a government spokesman", "the foreign minister", "a senior official"]))

        def fill(t: str) -> str:
            return t.format(
                A=A, B=B, a=a_short, b=b_short, NA=NA, NB=NB, C=C, P=P,
                CAP_A=a.capital, CAP_B=b.capital, DEM_A=a.demonym, DEM_B=b.demonym,
                DAY=rng.choice(DAYS), N=rng.randint(2, 48), N00=rng.randint(2, 90) * 100,
                N000=rng.randint(3, 250) * 1000,
            )

        title_t, lead_t = rng.choice(LEADS)
        lead = fill(lead_t)
        lead = lead[0].upper() + lead[1:]
        paragraphs = [f"{a.capital.upper()}, {a.name} — {lead}."]
        target = rng.randint(150, 600)
        pools = [FOLLOW, QUOTES, BACKGROUND, REACTION]
        weights = [4, 2, 3, 1]
        used: set[str] = set()
        words = len(paragraphs[0].split())
        while words < target:
            # a paragraph is one to three sentences drawn from the pools, no template twice
            sentences = []
            for _ in range(rng.randint(1, 3)):
                pool = rng.choices(pools, weights)[0]
                t = rng.choice(pool)
                if t in used and len(used) < 30:
                    continue
                used.add(t)
                s = fill(t)
                sentences.append(s[0].upper() + s[1:])
            if not sentences:
                continue
            paragraphs.append(" ".join(sentences))
            words += len(paragraphs[-1].split())
        paragraphs.append(fill(rng.choice(CLOSERS)))
        text = "\n\n".join(paragraphs)
        published = base_time + timedelta(minutes=37 * i + rng.randint(0, 30), seconds=rng.randint(0, 59))
        slug = hashlib.sha1(f"{self.seed}-{i}".encode()).hexdigest()[:8]
        doc: dict[str, object] = {
            "id": f"bench-{i:05d}-{slug}",
            "title": fill(title_t),
            "text": text,
            "source": "geoevents-bench",
            "url": f"https://example.invalid/bench/{i:05d}-{slug}",
            "published_at": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        if rng.random() < 0.75:  # a quarter leaves the language to detection, as real feeds do
            doc["language"] = "en"
        return doc


def generate(n: int, seed: int = DEFAULT_SEED) -> list[dict[str, object]]:
    gen = Generator(seed)
    base = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    i = 0
    while len(out) < n:
        doc = gen.article(len(out), base)
        i += 1
        key = " ".join(str(doc["text"]).split()).casefold()
        if key in seen:  # the pipeline would reject a duplicate text; draw again
            continue
        seen.add(key)
        out.append(doc)
    return out


def write_corpus(path: Path, n: int, seed: int = DEFAULT_SEED) -> list[dict[str, object]]:
    docs = generate(n, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)
    docs = write_corpus(args.output, args.articles, args.seed)
    words = [len(str(d["text"]).split()) for d in docs]
    print(f"{len(docs)} articles, {sum(words)} words (min {min(words)}, max {max(words)}) -> {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
