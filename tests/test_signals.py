"""SIGTERM and SIGINT stop `geoevents broker`, `geoevents worker` and `geoevents demo` with every
process they started: the Kafka JVM (in a session of its own), the worker's parsing process, the
demo's broker and worker. Service managers (systemd, Docker, Kubernetes) stop with SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from streams.broker import port_open
from streams.testing import WorkerProcess, free_port, free_ports
from tests.conftest import make_env


def start(args: list[str], env: dict[str, str], log: Path, sigint_ignored: bool = False) -> subprocess.Popen[bytes]:
    """Run a geoevents command; `sigint_ignored` starts it as a shell script starts a background job
    (`geoevents broker &`), with SIGINT ignored."""
    def ignore_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    return subprocess.Popen([sys.executable, "-m", "streams", *args], env=env, stdout=log.open("ab"),
                            stderr=subprocess.STDOUT, preexec_fn=ignore_sigint if sigint_ignored else None)


def descendants(pid: int) -> set[psutil.Process]:
    try:
        return set(psutil.Process(pid).children(recursive=True))
    except psutil.NoSuchProcess:
        return set()


def alive(procs: set[psutil.Process]) -> list[str]:
    """The processes of `procs` still running (a zombie counts as gone)."""
    left = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                left.append(f"{p.pid} {' '.join(p.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            pass
    return left


def wait_for(predicate, timeout: float, what: str, proc: subprocess.Popen[bytes], log: Path) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc.poll() is not None:
            pytest.fail(f"exited with {proc.returncode} before {what}:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)
    proc.kill()
    pytest.fail(f"no {what} within {timeout:.0f}s:\n{log.read_text(errors='replace')[-3000:]}")


def stop_and_check(proc: subprocess.Popen[bytes], children: set[psutil.Process], sig: int, log: Path,
                   ports: tuple[int, ...] = ()) -> None:
    """Send `sig`; the process must exit, leave none of `children` running and free `ports`."""
    proc.send_signal(sig)
    try:
        proc.wait(40)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"still running 40 s after signal {sig}:\n{log.read_text(errors='replace')[-3000:]}")
    deadline = time.monotonic() + 5
    while alive(children) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = alive(children)
    for p in children:  # leave nothing behind even when the test fails
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    assert left == [], f"left running after signal {sig}: {left}"
    for port in ports:
        assert not port_open("127.0.0.1", port), f"port {port} is still open"


def is_java(p: psutil.Process) -> bool:
    try:
        return "kafka.Kafka" in p.cmdline()
    except psutil.NoSuchProcess:
        return False


@pytest.mark.integration
@pytest.mark.parametrize(("sig", "sigint_ignored"), [(signal.SIGTERM, True), (signal.SIGINT, False)],
                         ids=["SIGTERM-as-a-background-job", "SIGINT"])
def test_broker_command_stops_its_kafka_on_signal(sig: int, sigint_ignored: bool, tmp_path: Path) -> None:
    port, controller = free_ports(2)
    log = tmp_path / "broker.out"
    proc = start(["broker", "--data-dir", str(tmp_path / "data"), "--port", str(port),
                  "--controller-port", str(controller)], dict(os.environ), log, sigint_ignored)
    try:
        wait_for(lambda: b"Kafka is up" in log.read_bytes(), 90, "'Kafka is up'", proc, log)
        children = descendants(proc.pid)
        assert any(is_java(p) for p in children), "no Kafka JVM among the children"
        stop_and_check(proc, children, sig, log, ports=(port, controller))
    finally:
        if proc.poll() is None:
            proc.kill()
    # and the same data dir and ports start again (what failed with "port already in use")
    again = start(["broker", "--data-dir", str(tmp_path / "data"), "--port", str(port),
                   "--controller-port", str(controller)], dict(os.environ), log)
    try:
        wait_for(lambda: log.read_bytes().count(b"Kafka is up") == 2, 90, "a second 'Kafka is up'", again, log)
        stop_and_check(again, descendants(again.pid), signal.SIGTERM, log, ports=(port, controller))
    finally:
        if again.poll() is None:
            again.kill()


@pytest.mark.integration
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_worker_command_stops_its_parsing_process_on_signal(sig: int, kafka: str, tmp_path: Path) -> None:
    web_port = free_port()
    w = WorkerProcess(make_env(kafka, tmp_path), tmp_path / "worker.log", web_port)
    try:
        w.wait_ready(120)
        wait_for(lambda: len(descendants(w.proc.pid)) >= 1, 60, "a parsing process", w.proc,
                 tmp_path / "worker.log")
        children = descendants(w.proc.pid)
        stop_and_check(w.proc, children, sig, tmp_path / "worker.log", ports=(web_port,))
    finally:
        w.stop()


@pytest.mark.integration
@pytest.mark.slow
def test_demo_command_stops_broker_and_worker_on_sigterm(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOEVENTS_")}
    log = tmp_path / "demo.out"
    proc = start(["demo", "--timeout", "120"], env, log)
    seen: set[psutil.Process] = set()
    stop = threading.Event()

    def watch() -> None:  # remember every descendant: orphans are no longer children after the exit
        while not stop.is_set():
            seen.update(descendants(proc.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        # the worker is up once it has a parsing process: the JVM, the worker and its parser
        wait_for(lambda: sum(1 for p in descendants(proc.pid) if not is_java(p)) >= 2, 120,
                 "a worker with its parsing process", proc, log)
        assert any(is_java(p) for p in seen)
        stop.set()
        watcher.join()
        seen.update(descendants(proc.pid))
        stop_and_check(proc, seen, signal.SIGTERM, log)
    finally:
        stop.set()
        if proc.poll() is None:
            proc.kill()


@pytest.mark.integration
def test_broker_command_killed_takes_its_kafka_along(tmp_path: Path) -> None:
    """SIGKILL leaves no handler to run: the JVM asked Linux for SIGTERM when its parent dies."""
    port, controller = free_ports(2)
    log = tmp_path / "broker.out"
    proc = start(["broker", "--data-dir", str(tmp_path / "data"), "--port", str(port),
                  "--controller-port", str(controller)], dict(os.environ), log)
    try:
        wait_for(lambda: b"Kafka is up" in log.read_bytes(), 90, "'Kafka is up'", proc, log)
        stop_and_check(proc, descendants(proc.pid), signal.SIGKILL, log, ports=(port, controller))
    finally:
        if proc.poll() is None:
            proc.kill()
