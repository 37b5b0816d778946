"""`scripts/bench.py --tiny` end to end: its own broker on free ports, workers, a complete bench.json."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from streams.settings import PROJECT_DIR

SCRIPTS = PROJECT_DIR / "scripts"

KEYS = [
    "stories_stage_ms_per_article",
    "stories_agent_ms_per_article",
    "story_records_ms_per_article",
    "raw_articles_per_s",
    "raw_words_per_s",
    "extract_articles_per_s",
    "e2e_articles_per_s_1worker",
    "e2e_articles_per_s_2workers",
    "latency_ms_p50",
    "latency_ms_p95",
    "latency_ms_p99",
    "worker_rss_mb",
    "corpus_articles",
    "raw_parallel_articles_per_s",
    "scaling_ceiling_2workers",
]


def _make_corpus():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(SCRIPTS))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    return make_corpus


def test_corpus_is_deterministic_and_varied() -> None:
    mc = _make_corpus()
    a, b = mc.generate(60, seed=3), mc.generate(60, seed=3)
    assert a == b
    assert mc.generate(60, seed=4) != a
    words = [len(d["text"].split()) for d in a]
    assert min(words) >= 150 and max(words) <= 700
    assert len({d["id"] for d in a}) == len({d["text"] for d in a}) == 60
    assert len({d["title"].split()[0] for d in a}) > 10  # many different actors lead


def test_the_bench_polls_rarely_at_the_start_and_often_at_the_end() -> None:
    from scripts.bench import poll_interval

    assert poll_interval(0, 1000, 0.3) == 0.5  # nothing handled yet: no rate to go by
    assert poll_interval(100, 1000, 4.0) == 1.0  # 36 s left
    assert poll_interval(900, 1000, 36.0) == 1.0  # 4 s left: a quarter of it
    assert math.isclose(poll_interval(980, 1000, 39.2), 0.2)  # 0.8 s left
    assert poll_interval(999, 1000, 40.0) == 0.05
    assert poll_interval(1000, 1000, 40.0) == 0.05  # waiting for the counts and the events


@pytest.mark.integration
@pytest.mark.slow
def test_bench_tiny_writes_every_number(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = {k: v for k, v in os.environ.items() if k not in ("GEOEVENTS_BROKER", "GEOEVENTS_WEB_PORT")}
    cmd = [sys.executable, str(PROJECT_DIR / "scripts" / "bench.py"), "--tiny", "--articles", "24",
           "--output", str(out), "--corpus", str(tmp_path / "corpus.jsonl")]
    proc = subprocess.run(cmd, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=420)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    result = json.loads(out.read_text())
    for key in KEYS:
        value = result.get(key)
        assert isinstance(value, int | float) and math.isfinite(value) and value > 0, (key, value)
    assert result["corpus_articles"] == 24
    machine = result["machine"]
    for key in ("cores", "cpu_model", "date", "python", "model_name"):
        assert machine.get(key), key
    for run in ("e2e_1worker", "e2e_2workers"):
        use = result[run]["machine_cpu"]
        per = use["cpu_ms_per_article"]
        assert use["cores_busy"] > 0 and per["parsing_processes"] > 0 and per["worker_event_loops"] > 0, use
        # the processes' own CPU (psutil) fits in the machine's busy time (/proc/stat): what is left
        # for "other" is never more negative than the clock-tick rounding of a few processes and the
        # moments between the reads, an amount of seconds per run (0.25 s), not per article
        assert per["other"] * result["corpus_articles"] / 1000 > -0.25, use
    assert result["raw_processes"] == 2 and result["raw_parallel_cpu_seconds"] > 0
    counters = result["e2e_1worker"]["counters"]
    assert counters["articles_extracted"] + counters["articles_rejected"] == 24
    assert counters["mentions_counted"] == counters["mentions_out"]
    # the corpus written is the deterministic one for the default seed
    lines = (tmp_path / "corpus.jsonl").read_text().splitlines()
    mc = _make_corpus()
    assert [json.loads(line) for line in lines] == mc.generate(24, mc.DEFAULT_SEED)
