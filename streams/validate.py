"""First stage of the flow: raw bytes from `articles` -> a normalised article dict, or RejectedInput.

Pure and free of Kafka. Decisions (documented in the README, "Bad input"):
- larger than the size limit, not UTF-8, not JSON, not an object, nested deeper than MAX_DEPTH,
  wrong field types, missing/empty id or text, unparseable published_at -> rejected with that reason;
- HTML is stripped to text; HTML that leaves no text is rejected (html_only);
- control characters (other than tab and newlines) in the text are replaced by spaces, and terminal
  escape sequences (ANSI/ECMA-48: colours, cursor moves, window titles) removed; in the id they are rejected;
- a text with no letter left after that (only escape sequences, punctuation, digits, symbols or
  whitespace) is rejected (no_letters); any script's letters count (Latin, Cyrillic, Arabic, CJK, ...);
- a declared or detected language outside GEOEVENTS_LANGUAGES is rejected (unsupported_language).
"""

from __future__ import annotations

import hashlib
import html
import re
from datetime import UTC, datetime
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from jsonschema import Draft202012Validator

from streams import jsonio
from streams.errors import RejectedInput
from streams.schemas import load_schema

MAX_DEPTH = 16
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# ECMA-48 escape sequences: CSI (ESC [ or the 8-bit CSI, parameters, intermediates, a final byte),
# OSC/DCS/SOS/PM/APC strings ended by BEL or ST, and the short escapes (ESC, intermediates, a final byte);
# an unterminated string loses only its introducer, not the text after it
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# C1 control characters (U+0080-U+009F) that are left once the escape sequences are gone
_C1 = re.compile(r"[\x80-\x9f]")
# a letter of any script: a word character that is neither a digit nor the underscore
_LETTER = re.compile(r"[^\W\d_]")
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")


@lru_cache(maxsize=1)
def _article_validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema("article"))


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of a decoded JSON value, stopping once past `limit`."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "head", "noscript"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def readable(text: str) -> str:
    """The text without terminal escape sequences, with other control characters as spaces."""
    if "\x1b" in text or _C1.search(text):
        text = _C1.sub(" ", _ESCAPE.sub("", text))
    return _CONTROL.sub(" ", text)


def looks_like_html(text: str) -> bool:
    tags = _TAG.findall(text[:20000])
    return len(tags) >= 2


def strip_html(text: str) -> str:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    out = html.unescape("".join(parser.parts))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", out)]
    return "\n\n".join(p for p in paragraphs if p)


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace folded: a republished article hashes the same."""
    # str.split() splits on the characters \s matches, in a third of the time of re.sub
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode()).hexdigest()[:32]


def parse_published_at(value: str) -> str:
    """ISO-8601 -> normalised UTC 'YYYY-MM-DDTHH:MM:SSZ'; raises ValueError."""
    raw = value.strip()
    if len(raw) < 10:
        raise ValueError(value)
    dt = datetime.fromisoformat(raw.replace("z", "Z"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _decode_object(raw: bytes | None, max_bytes: int) -> dict[str, Any]:
    """The message as a JSON object within the size and depth limits, or RejectedInput."""
    if raw is None:
        raise RejectedInput("missing_field", "message has no value")
    if len(raw) > max_bytes:
        raise RejectedInput("too_large", f"message is {len(raw)} bytes, limit is {max_bytes}")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedInput("not_utf8", f"invalid UTF-8 at byte {exc.start}") from None
    try:
        doc = jsonio.loads(decoded)
    except jsonio.JSONDecodeError as exc:
        raise RejectedInput("invalid_json", str(exc)[:200]) from None
    if not isinstance(doc, dict):
        raise RejectedInput("not_an_object", f"expected a JSON object, got {type(doc).__name__}")
    if _depth(doc, MAX_DEPTH) > MAX_DEPTH:
        raise RejectedInput("too_deep", f"JSON nested deeper than {MAX_DEPTH} levels")
    return doc


def _check_fields(doc: dict[str, Any]) -> str:
    """The article id once the required fields are present and the document matches the schema."""
    article_id = doc.get("id") if isinstance(doc.get("id"), str) else None
    for name in ("id", "text"):
        if name not in doc or doc[name] is None:
            raise RejectedInput("missing_field", f"'{name}' is required", article_id)
    errors = sorted(_article_validator().iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        field = ".".join(str(p) for p in err.path) or "(root)"
        if err.validator == "type":
            raise RejectedInput("wrong_type", f"'{field}': {err.message}", article_id)
        if err.validator in ("minLength", "pattern"):
            raise RejectedInput("empty_field", f"'{field}' is empty", article_id)
        raise RejectedInput("wrong_type", f"'{field}': {err.message}"[:300], article_id)
    assert article_id is not None
    if _CONTROL.search(article_id):
        raise RejectedInput("control_characters", "'id' contains control characters", None)
    return article_id


def _article_text(text: str, article_id: str) -> str:
    """The text with HTML stripped and control characters and escape sequences removed; it must have letters."""
    if looks_like_html(text):
        text = strip_html(text)
        if not text.strip() or len(text.split()) < 3:
            raise RejectedInput("html_only", "the text is HTML markup with no article text", article_id)
    if not text.strip():
        raise RejectedInput("empty_field", "'text' is empty", article_id)
    text = readable(text)
    if not _LETTER.search(text):
        raise RejectedInput("no_letters", "the text has no letters once control characters and terminal escape "
                            "sequences are removed (only punctuation, digits, symbols or whitespace)", article_id)
    return text


def _published_at(doc: dict[str, Any], article_id: str) -> str | None:
    """The normalised published_at, None when absent or empty."""
    if not doc.get("published_at"):
        return None
    try:
        return parse_published_at(doc["published_at"])
    except ValueError:
        raise RejectedInput(
            "bad_published_at", f"'published_at' is not ISO-8601: {doc['published_at'][:60]!r}", article_id
        ) from None


def _language(
    doc: dict[str, Any], text: str, languages: tuple[str, ...], detect_language: bool, article_id: str
) -> str | None:
    """The declared language, or the detected one when none is declared; either must be accepted."""
    language = (doc.get("language") or "").strip().lower() or None
    if language and languages and language.split("-")[0] not in languages:
        raise RejectedInput("unsupported_language", f"language '{language}' is not accepted", article_id)
    if detect_language and languages and not language:
        from streams.language import detect

        found = detect(text)
        if found and found not in languages:
            raise RejectedInput("unsupported_language", f"detected language '{found}' is not accepted", article_id)
        language = found or None
    return language


def validate_article(
    raw: bytes | None,
    *,
    max_bytes: int = 1_000_000,
    languages: tuple[str, ...] = ("en",),
    detect_language: bool = True,
) -> dict[str, Any]:
    """Return the normalised article or raise RejectedInput with a machine-readable reason."""
    doc = _decode_object(raw, max_bytes)
    article_id = _check_fields(doc)
    text = _article_text(doc["text"], article_id)
    published_at = _published_at(doc, article_id)
    language = _language(doc, text, languages, detect_language, article_id)
    return {
        "id": article_id,
        "text": text,
        "title": doc.get("title"),
        "url": doc.get("url"),
        "source": doc.get("source"),
        "published_at": published_at,
        "language": language,
        "content_hash": content_hash(text),
    }
