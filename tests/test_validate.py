"""Unit tests of the first stage: raw bytes -> article, or a rejection with a reason."""

from __future__ import annotations

import pytest

from streams import jsonio
from streams.errors import RejectedInput
from streams.validate import content_hash, parse_published_at, strip_html, validate_article

TEXT = "Russian and Chinese diplomats met in Beijing on Monday to discuss trade and security in the region."


def ok(**fields: object) -> bytes:
    return jsonio.dumps({"id": "a1", "text": TEXT, **fields})


def reason_of(raw: bytes, **kw: object) -> str:
    with pytest.raises(RejectedInput) as info:
        validate_article(raw, **kw)  # type: ignore[arg-type]
    return info.value.reason


def test_validate_accepts_and_normalises_a_valid_article() -> None:
    art = validate_article(ok(published_at="2026-11-20T10:00:00+02:00", title="t"))
    assert art["id"] == "a1"
    assert art["published_at"] == "2026-11-20T08:00:00Z"
    assert art["language"] == "en"
    assert art["content_hash"] == content_hash(TEXT)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\xff\xfe not utf8", "not_utf8"),
        (b"{not json", "invalid_json"),
        (b"[1, 2, 3]", "not_an_object"),
        (b'"just a string"', "not_an_object"),
        (jsonio.dumps({"id": "x"}), "missing_field"),
        (jsonio.dumps({"text": TEXT}), "missing_field"),
        (jsonio.dumps({"id": "", "text": TEXT}), "empty_field"),
        (jsonio.dumps({"id": "x", "text": "   "}), "empty_field"),
        (jsonio.dumps({"id": 5, "text": TEXT}), "wrong_type"),
        (jsonio.dumps({"id": "x", "text": ["a"]}), "wrong_type"),
        (jsonio.dumps({"id": "x", "text": TEXT, "published_at": "yesterday"}), "bad_published_at"),
        (jsonio.dumps({"id": "x", "text": TEXT, "published_at": 12}), "wrong_type"),
        (jsonio.dumps({"id": "x", "text": "<html><body><div></div><p></p></body></html>"}), "html_only"),
        (jsonio.dumps({"id": "x\x00y", "text": TEXT}), "control_characters"),
        (jsonio.dumps({"id": "x", "text": TEXT, "language": "fr"}), "unsupported_language"),
        (jsonio.dumps({"id": "x", "text": "Le président russe a rencontré hier son homologue chinois à Pékin pour discuter du commerce."}), "unsupported_language"),
        (b'{"id": "x", "text": "t t t t t", "extra": ' + b"[" * 40 + b"1" + b"]" * 40 + b"}", "too_deep"),
    ],
)
def test_validate_rejects_bad_input_with_its_reason(raw: bytes, reason: str) -> None:
    assert reason_of(raw) == reason


def test_validate_rejects_text_over_the_size_limit() -> None:
    assert reason_of(ok(), max_bytes=50) == "too_large"


def test_validate_strips_html_and_control_characters() -> None:
    html = "<html><body><p>Russian troops <b>shelled</b> the town.</p><script>x()</script><p>Ukraine protested.</p></body></html>"
    art = validate_article(jsonio.dumps({"id": "h", "text": html, "language": "en"}))
    assert art["text"] == "Russian troops shelled the town.\n\nUkraine protested."
    art = validate_article(jsonio.dumps({"id": "c", "text": TEXT.replace(" ", "\x07", 1)}))
    assert "\x07" not in art["text"]


def test_validate_content_hash_ignores_case_and_whitespace() -> None:
    assert content_hash("Russia  attacked\nUkraine") == content_hash("russia attacked ukraine")
    assert content_hash("Russia attacked Ukraine") != content_hash("Ukraine attacked Russia")
    # any Unicode whitespace run is one space, and the hash is the one stored tables already hold
    import hashlib

    expected = hashlib.sha256(b"russia attacked ukraine").hexdigest()[:32]
    assert content_hash(" Russia\u00a0\u2003attacked\t\r\nUKRAINE\u3000") == expected


def test_validate_published_at_assumes_utc_when_naive() -> None:
    assert parse_published_at("2026-01-02T03:04:05") == "2026-01-02T03:04:05Z"
    assert parse_published_at("2026-01-02") == "2026-01-02T00:00:00Z"
    with pytest.raises(ValueError):
        parse_published_at("02/01/2026")


def test_validate_strip_html_keeps_paragraphs() -> None:
    assert strip_html("<p>One &amp; two.</p><p>Three.</p>") == "One & two.\n\nThree."


# written for these tests: one news-like paragraph per language, each well over the 300 characters detection reads
PARAGRAPHS = {
    "en": "The foreign minister said on Tuesday that the government would send a delegation to Geneva to resume "
          "talks on the ceasefire, which stalled last month after attacks on aid convoys in the north of the "
          "country. Diplomats hope for an agreement before the end of the year, and the talks should last a week.",
    "fr": "Le ministre des affaires étrangères a annoncé mardi que le gouvernement enverrait une délégation à "
          "Genève pour reprendre les négociations sur le cessez-le-feu, interrompues le mois dernier après des "
          "attaques contre des convois humanitaires dans le nord du pays. Les diplomates espèrent un accord avant la fin de l'année.",
    "es": "El presidente del gobierno viajó el lunes a Bruselas para reunirse con los líderes europeos y pedir "
          "más ayuda para las regiones afectadas por las inundaciones, que han dejado miles de desplazados en las "
          "últimas semanas. La oposición exigió explicaciones en el parlamento sobre la coordinación de la respuesta.",
    "de": "Die Regierung hat am Mittwoch neue Sanktionen gegen mehrere Unternehmen beschlossen, die nach Angaben "
          "des Außenministeriums an der Lieferung von Waffen beteiligt waren. Man werde die Lage weiter beobachten "
          "und mit den Partnern über weitere Schritte beraten, hieß es. Eine Entscheidung wird im Frühjahr erwartet.",
    "pt": "O governo anunciou nesta terça-feira um acordo com os países vizinhos para combater o desmatamento na "
          "região amazônica, com a criação de uma força-tarefa conjunta e de um fundo de financiamento. "
          "Ambientalistas pediram metas mais ambiciosas para os próximos anos e mais fiscalização nas fronteiras do norte.",
    "nl": "De minister van buitenlandse zaken heeft dinsdag gesproken met haar Belgische collega over de "
          "veiligheid in de grensregio en de samenwerking tussen de politiediensten van beide landen. Volgens een "
          "woordvoerder wordt volgend jaar een gezamenlijke oefening gehouden en wisselen beide landen meer informatie uit.",
}


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_detect_tells_the_language_from_the_start_of_the_text(language: str) -> None:
    from streams.language import detect

    text = PARAGRAPHS[language]
    assert len(text) > 300
    assert detect(text) == language
    assert detect(text, sample=len(text)) == language  # the whole text says the same


def test_validate_rejects_a_detected_language_outside_the_accepted_ones() -> None:
    assert reason_of(jsonio.dumps({"id": "x", "text": PARAGRAPHS["de"]})) == "unsupported_language"
    article = validate_article(jsonio.dumps({"id": "x", "text": PARAGRAPHS["de"]}), languages=("en", "de"))
    assert article["language"] == "de"


def test_language_warm_up_builds_the_detector_once() -> None:
    from streams import language

    language._detector.cache_clear()
    language.warm_up()
    assert language._detector.cache_info().currsize == 1
    language.warm_up()
    assert language._detector.cache_info().hits >= 1


@pytest.mark.parametrize(
    "text",
    [
        "\x1b[31m",                              # only a colour escape
        "\x1b[2J\x1b[H\x1b[0m",                  # clear screen, cursor home, reset
        "\x1b]0;title\x07",                      # a window title (OSC ... BEL)
        "\x1b(B\x1b[?25l",                       # charset designation, hide the cursor
        "\x9b31m \x85",                          # 8-bit CSI and a C1 control
        "... !!! ??? --- ***",                   # punctuation
        "2026-11-28 12:00:00 +0100 42 3.14",     # digits
        "\x00\x01\x02\x7f\x1f",                  # control characters
        "\u00a0\u2003 7 \u3000\t\n",              # Unicode spaces and a digit (spaces alone: empty_field)
        "$ € ¥ © ® ™ → ★ ☺ 🙂 +-*/=<> %%",
        "_____ ___ __",
    ],
)
def test_validate_rejects_text_without_letters(text: str) -> None:
    with pytest.raises(RejectedInput) as info:
        validate_article(jsonio.dumps({"id": "junk", "text": text}))
    assert info.value.reason == "no_letters"
    assert "no letters" in info.value.detail
    assert info.value.article_id == "junk"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Iran talks resume", "Iran talks resume"),                                  # a short headline
        ("\x1b[1mBREAKING\x1b[0m: Russia and China sign a trade deal", "BREAKING: Russia and China sign a trade deal"),
        ("UN: 5", "UN: 5"),                                                         # one letter is enough
        ("Путин встретился с Ким Чен Ыном во Владивостоке", "Путин встретился с Ким Чен Ыном во Владивостоке"),
        ("普京在符拉迪沃斯托克会见金正恩", "普京在符拉迪沃斯托克会见金正恩"),
        ("التقى بوتين كيم جونغ أون في فلاديفوستوك", "التقى بوتين كيم جونغ أون في فلاديفوستوك"),
        ("\x1b]0;unterminated title then text", "0;unterminated title then text"),  # only the introducer goes
    ],
)
def test_validate_keeps_short_and_non_latin_texts_with_letters(text: str, kept: str) -> None:
    article = validate_article(jsonio.dumps({"id": "ok", "text": text}), languages=())
    assert article["text"] == kept


def test_validate_accepts_a_short_english_headline_with_the_default_languages() -> None:
    assert validate_article(jsonio.dumps({"id": "h", "text": "Kim meets Putin"}))["text"] == "Kim meets Putin"


def test_no_letters_is_a_reason_of_the_rejected_schema() -> None:
    from streams.schemas import load_schema

    assert "no_letters" in load_schema("rejected")["properties"]["reason"]["enum"]
