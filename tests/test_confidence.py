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
