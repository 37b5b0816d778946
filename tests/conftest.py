"""Shared fixtures: the real Kafka broker for the session, worker processes (streams/testing.py),
the loaded extractor."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from streams.broker import port_open
from streams.testing import WorkerProcess, Workers, free_port, isolated_env, start_broker

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from streams.extraction.pipeline import get_extractor

    return get_extractor()


@pytest.fixture(scope="session")
def nlp(extractor):  # type: ignore[no-untyped-def]
    return extractor.nlp


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap address of a real Kafka: GEOEVENTS_TEST_BROKER, or a local broker started here."""
    external = os.environ.get("GEOEVENTS_TEST_BROKER")
    if external:
        host, _, port = external.rpartition(":")
        if not port_open(host, int(port)):
            pytest.fail(f"GEOEVENTS_TEST_BROKER={external} does not answer")
        yield external
        return
    try:
        broker = start_broker(tmp_path_factory.mktemp("kafka"), port=19092, controller_port=19093, timeout=90)
    except Exception as exc:  # noqa: BLE001
        if IN_CI:
            pytest.fail(f"the Kafka broker could not start in CI: {exc}")
        pytest.skip(f"no Kafka broker: {exc}")
    yield broker.bootstrap
    broker.stop()


def make_env(kafka: str, tmp_path: Path) -> dict[str, str]:
    """Environment for a worker with its own app id and topics on the shared broker."""
    return isolated_env(kafka, tmp_path / "state", "test")


@pytest.fixture()
def stack_env(kafka: str, tmp_path: Path) -> dict[str, str]:
    return make_env(kafka, tmp_path)


@pytest.fixture(scope="module")
def shared_worker(kafka: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    """One worker for a whole test module (for tests that only query it)."""
    tmp = tmp_path_factory.mktemp("shared-worker")
    w = WorkerProcess(make_env(kafka, tmp), tmp / "worker.log", free_port(16166))
    try:
        w.wait_ready(120)
        yield w
    finally:
        w.stop()


StartWorker = Callable[..., WorkerProcess]


@pytest.fixture()
def start_worker(stack_env: dict[str, str], tmp_path: Path) -> Iterator[StartWorker]:
    """`start_worker(extra=None, ready=True)`: one more worker process on the test's topics; all
    are stopped at the end of the test."""
    with Workers(stack_env, tmp_path, first_port=16066) as workers:

        def _start(extra: dict[str, str] | None = None, ready: bool = True) -> WorkerProcess:
            return workers.start(ready=ready, timeout=120, extra=extra)

        yield _start
