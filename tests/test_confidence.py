"""The calibrated confidence: the model's features, the fit, and that the blind set is never fitted on."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from calibrate import examples, fit  # noqa: E402

from streams.extraction.confidence import features, load_weights  # noqa: E402


def test_the_fit_recovers_the_weights_of_a_known_logistic_model() -> None:
    rng = numpy.random.default_rng(7)
    x = numpy.column_stack([numpy.ones(4000), rng.normal(size=4000), rng.integers(0, 2, size=4000)])
    true = numpy.array([0.5, -1.5, 2.0])
    y = (rng.random(4000) < 1 / (1 + numpy.exp(-(x @ true)))).astype(float)
    assert numpy.allclose(fit(x, y, l2=0.0), true, atol=0.25)


def test_the_blind_set_is_never_fitted_on() -> None:
    with pytest.raises(SystemExit, match="blind"):
        examples([Path("tests/gold/blind.jsonl")])


def test_every_feature_has_a_shipped_weight(extractor) -> None:
    doc = extractor.parse(["Norway expelled two Russian diplomats."])[0]
    coded = extractor.coder.process(doc, extractor.actors.process(doc, "2026-01-01"))
    assert coded and set(features(coded[0])) == set(load_weights())


def test_confidence_ranks_a_named_dyad_above_an_event_without_target(extractor) -> None:
    def conf(text: str) -> float:
        return extractor.process({"id": "c", "text": text, "published_at": "2026-01-01T00:00:00Z"})["events"][0]["confidence"]
    strong = conf("Norway expelled two Russian diplomats.")
    assert 0.0 < conf("Kenya condemned the attack.") < strong < 1.0  # no target: rarely right on real news


def test_asserted_events_under_the_emit_floor_are_not_emitted(extractor) -> None:
    from streams.extraction.confidence import EMIT_FLOOR, confidence, emitted
    text = ("China fired three missiles into target zones off Taiwan, opening a week of military exercises that "
            "Taipei denounced as blatant intimidation.")
    doc = extractor.parse([text])[0]
    coded = extractor.coder.process(doc, extractor.actors.process(doc, "1996-03-08"))
    low = [ev for ev in coded if confidence(ev) < EMIT_FLOOR and not ev.negated and not ev.hypothetical]
    assert low and not any(emitted(ev, confidence(ev)) for ev in low)  # the exercises that name no one
    out = extractor.process({"id": "c", "text": text, "published_at": "1996-03-08T00:00:00Z"})["events"]
    assert out and all(e["confidence"] >= EMIT_FLOOR for e in out)


def test_negated_and_hypothetical_events_are_emitted_whatever_their_confidence() -> None:
    from types import SimpleNamespace

    from streams.extraction.confidence import EMIT_FLOOR, emitted
    low = EMIT_FLOOR - 0.1
    assert not emitted(SimpleNamespace(negated=False, hypothetical=False), low)  # type: ignore[arg-type]
    assert emitted(SimpleNamespace(negated=True, hypothetical=False), low)  # type: ignore[arg-type]
    assert emitted(SimpleNamespace(negated=False, hypothetical=True), low)  # type: ignore[arg-type]
    assert emitted(SimpleNamespace(negated=False, hypothetical=False), EMIT_FLOOR)  # type: ignore[arg-type]
