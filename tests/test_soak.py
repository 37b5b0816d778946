"""The short soak (`scripts/soak.py --short`, about 60-90 s) on a real broker: with a dedup window of
5 s, every table stays under its bound, the worker's RSS stays flat, and a restart after 2N
articles replays and recovers no more than one after N (state follows the live keys, not the
articles seen). The script starts its own broker and worker with the CLI; `make soak` runs the long
version. Never skipped: in CI a broker that cannot start is a failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_short_soak_keeps_state_bounded_and_recovery_proportional_to_live_keys(tmp_path: Path) -> None:
    out = tmp_path / "soak-out"
    proc = subprocess.run([sys.executable, str(PROJECT_DIR / "scripts" / "soak.py"), "--short", "--out", str(out)],
                          cwd=PROJECT_DIR, capture_output=True, text=True, timeout=420)
    tail = (proc.stdout + proc.stderr)[-4000:]
    assert proc.returncode in (0, 1), f"the soak did not run to the end (exit {proc.returncode}):\n{tail}"
    report = json.loads((out / "soak.json").read_text())
    assert (out / "soak.png").stat().st_size > 1000
    checks = report["checks"]
    articles = report["settings"]["articles"]

    # every table under its bound after the first window (docs/operations.md), and the dedup
    # tables really were swept: they hold far fewer keys than articles were sent
    bounds = checks["table_bounds"]
    assert bounds["passed"], f"{bounds['violations']}\n{tail}"
    assert set(bounds["tables"]) >= {"article-ids", "content-hashes", "extracted", "mentions-all", "dyads",
                                     "places", "mentions-15m", "mentions-hourly", "events-per-minute", "stories"}
    for table in ("article-ids", "content-hashes", "extracted"):
        assert 0 < bounds["tables"][table]["max_keys"] < articles * 0.6, (table, bounds["tables"][table])
    last = report["samples"][-1]["tables"]
    assert max(last[t] for t in ("article-ids", "content-hashes")) < articles * 0.6, last

    # RSS flat within 10% after warm-up, and the second worker no bigger than the first (+10%)
    rss = checks["rss_flat"]
    assert rss["passed"], f"{rss}\n{tail}"
    assert rss["last_vs_first_worker"]["growth"] <= 0.10, rss

    # recovery after 2N articles: about what it was after N (all articles seen would give 2x)
    recovery = checks["recovery"]
    assert recovery["passed"], f"{recovery}\n{tail}"
    assert recovery["articles"] == [articles // 2, articles]
    assert recovery["records_ratio"] <= 1.5, recovery
    assert all(r["replay_records"] > 0 for r in report["restarts"]), report["restarts"]
    # what the restarted worker holds once recovered is what the changelogs hold live
    for r in report["restarts"]:
        dedup_live = sum(r["replay"][f"soak-{_run(report)}-{t}-changelog"]["live"]
                         for t in ("article-ids", "content-hashes", "extracted"))
        dedup_recovered = sum(r["keys_after_recovery"].get(t, 0) for t in ("article-ids", "content-hashes", "extracted"))
        assert dedup_recovered <= dedup_live, r
    # garbage text among the articles is rejected with its reason, and nothing is left after SIGTERM
    garbage = checks["garbage_rejected"]
    assert garbage["passed"] and garbage["sent"] >= 2, garbage
    assert checks["clean_stop"]["passed"], checks["clean_stop"]
    assert report["passed"] and proc.returncode == 0, tail


def _run(report: dict) -> str:  # type: ignore[type-arg]
    """The run id in the changelog topic names (soak-<run>-<table>-changelog)."""
    name = next(iter(report["restarts"][0]["replay"]))
    return str(name.split("-")[1])
