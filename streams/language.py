"""Language detection for incoming articles (lingua, offline models shipped in the wheel)."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_LANGS = [
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE,
    Language.ITALIAN, Language.DUTCH, Language.RUSSIAN, Language.UKRAINIAN, Language.ARABIC,
    Language.PERSIAN, Language.TURKISH, Language.CHINESE, Language.JAPANESE, Language.KOREAN,
    Language.HINDI, Language.POLISH, Language.INDONESIAN, Language.SWEDISH, Language.HEBREW,
]


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # every language's model is loaded when the detector is built (about 30 MB, 0.1 s), not by the
    # first article of each script, which would wait for them
    return (LanguageDetectorBuilder.from_languages(*_LANGS).with_low_accuracy_mode()
            .with_preloaded_language_models().build())


def warm_up() -> None:
    """Build the detector and load its models now (a worker does this when it starts)."""
    _detector()


def detect(text: str, sample: int = 300) -> str | None:
    """ISO 639-1 code of the language of the text's first `sample` characters (about 50 words:
    the cost grows with the length, and more text does not change the answer for news prose), or
    None when the text is too short to tell."""
    snippet = text[:sample]
    if len(snippet.split()) < 5:
        return None
    lang = _detector().detect_language_of(snippet)
    return lang.iso_code_639_1.name.lower() if lang else None
