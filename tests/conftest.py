"""Shared fixtures: the real Kafka broker for the session, worker processes, the loaded extractor."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.broker import LocalKafka, port_open
from streams.demo import WorkerProcess, free_port
from streams.settings import isolated_env, settings_from

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
    port = free_port(19092)
    broker = LocalKafka(tmp_path_factory.mktemp("kafka"), port=port, controller_port=free_port(19093))
    try:
        broker.start(timeout=90)
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
    env = make_env(kafka, tmp)
    w = WorkerProcess(env, tmp / "worker.log", free_port(16166))
    w.env = env  # type: ignore[attr-defined]
    try:
        w.wait_ready(120)
        yield w
    finally:
        w.stop()


@pytest.fixture()
def start_worker(stack_env: dict[str, str], tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    """Start worker processes on the test's topics; all are stopped at the end of the test."""
    started: list[WorkerProcess] = []

    def _start(extra: dict[str, str] | None = None, ready: bool = True) -> WorkerProcess:
        port = free_port(16066 + len(started))
        env = {**stack_env, "GEOEVENTS_DATA_DIR": str(tmp_path / f"state-{len(started)}"), **(extra or {})}
        w = WorkerProcess(env, tmp_path / f"worker-{len(started)}.log", port)
        started.append(w)
        if ready:
            w.wait_ready(120)
        return w

    yield _start
    for w in started:
        w.stop()


settings_for = settings_from
