"""Short versions of the fault scenarios of scripts/reliability.py, against the real broker.

Each publishes articles, injects the fault while the worker is busy, and compares the `events`
topic (read_committed: set of event_ids, count, no duplicate) and the all-time actor table with
the offline extraction of the same articles, and the stories (API and compacted topic) with the
stories folded offline from those events. `make reliability` runs the long versions.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts import reliability as rel
from streams.testing import Workers, isolated_env, start_broker

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _assert_exact(row: rel.Row) -> None:
    assert row.duplicates == 0, row
    assert row.lost == 0, row
    assert row.unexpected_events == 0, row
    assert row.events_seen == row.events_expected > 0, row
    assert row.tables_exact, row.notes
    assert row.stories > 0 and row.stories_exact, row.notes
    assert row.rejected_as_expected, row.notes


def test_sigkill_mid_stream_and_restart_loses_and_duplicates_nothing(kafka: str) -> None:
    row = rel.scenario_kill(kafka, 40, kills=2, seed=int.from_bytes(os.urandom(2), "big"), timeout=600)
    _assert_exact(row)


@pytest.mark.fault
def test_many_sigkills_lose_and_duplicate_nothing(kafka: str) -> None:
    """The long version (`make reliability-tests`, not in `make test`): more articles, more kills."""
    row = rel.scenario_kill(kafka, 200, kills=6, seed=int.from_bytes(os.urandom(2), "big"), timeout=900)
    _assert_exact(row)


def test_second_worker_joins_then_first_leaves(kafka: str) -> None:
    row = rel.scenario_rebalance(kafka, 40, timeout=600)
    _assert_exact(row)


def test_worker_survives_broker_restart(tmp_path: Path) -> None:
    row = rel.scenario_broker_restart(tmp_path, 30, outage=10.0, timeout=600)
    _assert_exact(row)
    assert "did not survive" not in row.notes and "exited" not in row.notes


def test_burst_is_processed_with_bounded_memory(kafka: str) -> None:
    row, mem = rel.scenario_backpressure(kafka, 300, timeout=900)
    _assert_exact(row)
    # the stream buffers are bounded (stream_buffer_maxsize): the backlog waits in Kafka, not in memory
    assert mem["growth_mb"] < 400, mem


def test_sasl_plain_pipeline_and_no_secret_in_log(tmp_path: Path) -> None:
    row, leaked = rel.scenario_sasl(tmp_path, 12, timeout=600)
    _assert_exact(row)
    assert not leaked


def test_sasl_wrong_password_fails_fast(tmp_path: Path) -> None:
    """A worker with a wrong password stops with an error instead of spinning, and does not print it."""
    users = {"admin": "admin-pw", "geoevents": "right-pw"}
    kafka = start_broker(tmp_path / "broker", sasl_users=users)
    try:
        env = isolated_env(kafka.bootstrap, tmp_path / "state", "rel")
        env.update({
            "GEOEVENTS_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "GEOEVENTS_SASL_MECHANISM": "PLAIN",
            "GEOEVENTS_SASL_USERNAME": "geoevents", "GEOEVENTS_SASL_PASSWORD": "wrong-pw-123456",
        })
        with Workers(env, tmp_path) as workers:
            code = workers.start(ready=False).proc.wait(120)
        assert code != 0
        assert "wrong-pw-123456" not in workers.logs()
    finally:
        kafka.stop()
