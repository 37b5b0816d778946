"""The harness of the tests, scripts/bench.py, scripts/reliability.py and `geoevents demo`: free
ports, a local broker, worker processes (one or several) and a reader of whole topics.

    kafka = start_broker(tmp / "broker")
    env = isolated_env(kafka.bootstrap, tmp / "state", "try")   # own app id and topics
    workers = Workers(env, tmp)
    w = workers.start()                 # waits until the worker is assigned its partitions
    ...
    events = read_topic(Settings.from_mapping(env), Settings.from_mapping(env).topic_events)
    workers.stop_all(); kafka.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from streams import jsonio
from streams.broker import LocalKafka, die_with_parent_preexec, port_open
from streams.settings import Settings, topic_env

# ---------------------------------------------------------------- ports


def _bindable(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(preferred: int = 0, taken: set[int] | None = None) -> int:
    """`preferred` when nothing listens there, else a TCP port that can be bound now, between
    20000 and 32000: below the ephemeral range (32768-60999 on Linux), so an outgoing client
    connection cannot be holding it when a broker binds it (or binds it again after a restart).
    Ports in `taken` are skipped (and the one returned is added)."""
    taken = taken if taken is not None else set()
    if preferred and preferred not in taken and not port_open("127.0.0.1", preferred) and _bindable(preferred):
        taken.add(preferred)
        return preferred
    for _ in range(500):
        port = random.randint(20000, 32000)
        if port not in taken and _bindable(port):
            taken.add(port)
            return port
    raise RuntimeError("no free port between 20000 and 32000")


def free_ports(n: int) -> list[int]:
    """n different free ports."""
    taken: set[int] = set()
    return [free_port(taken=taken) for _ in range(n)]


# ---------------------------------------------------------------- broker


def start_broker(data_dir: Path, port: int = 0, controller_port: int = 0, timeout: float = 120.0,
                 **kwargs: Any) -> LocalKafka:
    """A single-node Kafka under `data_dir`, started and ready; on `port` and `controller_port`
    when they are free, else on free ports. `kwargs` go to LocalKafka (libs, sasl_users,
    die_with_parent, ...). Stop it with its stop()."""
    taken: set[int] = set()
    port = free_port(port, taken)
    kafka = LocalKafka(data_dir, port=port, controller_port=free_port(controller_port, taken), **kwargs)
    kafka.start(timeout=timeout)
    return kafka


def isolated_env(bootstrap: str, data_dir: Path, prefix: str, partitions: int = 2,
                 base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment (os.environ or `base`, then the changes) for workers of a run of their own on a
    shared broker: their own app id and topics, state under `data_dir`."""
    run = uuid.uuid4().hex[:8]
    env = dict(os.environ if base is None else base)
    env.update({
        "GEOEVENTS_BROKER": bootstrap if "://" in bootstrap else f"kafka://{bootstrap}",
        "GEOEVENTS_APP_ID": f"{prefix}-{run}",
        **topic_env(run),
        "GEOEVENTS_DATA_DIR": str(data_dir),
        "GEOEVENTS_PARTITIONS": str(partitions),
    })
    # stories are kept whatever their age (the samples and corpora are dated), unless set
    env.setdefault("GEOEVENTS_STORY_DAYS", "36500")
    # the web port and advertised URL are each worker's own (WorkerProcess sets the port)
    for name in ("GEOEVENTS_WEB_PORT", "GEOEVENTS_ADVERTISED_URL"):
        env.pop(name, None)
    return env


# ---------------------------------------------------------------- workers


def http_json(url: str, timeout: float = 5.0) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return jsonio.loads(resp.read())


class WorkerProcess:
    """A `geoevents worker` subprocess with its own web port, in a session of its own (its process
    group holds its parsing process too)."""

    def __init__(self, env: Mapping[str, str], log_path: Path, web_port: int = 0, die_with_parent: bool = False,
                 label: str = "") -> None:
        web_port = web_port or free_port()
        self.env = {**env, "GEOEVENTS_WEB_PORT": str(web_port)}
        self.url = f"http://127.0.0.1:{web_port}"
        self.label = label or log_path.stem
        self.log_path = log_path
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "streams", "worker", "-l", "warn"], env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
                                     preexec_fn=die_with_parent_preexec if die_with_parent else None)

    @property
    def settings(self) -> Settings:
        return Settings.from_mapping(self.env)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def health(self) -> dict[str, Any] | None:
        try:
            body: dict[str, Any] = http_json(f"{self.url}/api/health", timeout=2)
            return body
        except OSError:
            return None

    def wait_ready(self, timeout: float) -> None:
        """Until the worker answers, is assigned partitions and does not rebalance."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the worker exited with code {self.proc.returncode} (log: {self.log_path})")
            h = self.health()
            if h and h["status"] == "ok" and h["assigned"] and not h["rebalancing"]:
                return
            time.sleep(0.5)
        raise TimeoutError("the worker did not become ready in time")

    def terminate(self) -> None:
        """SIGTERM without waiting (stop() waits): several workers stop together."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM (the worker stops its parsing process itself); after `timeout`, or on a second
        Ctrl-C, SIGKILL. Then SIGKILL to what is left of its process group (a parsing process that
        outlived it)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except (subprocess.TimeoutExpired, KeyboardInterrupt):
                self._kill_group()
                self.proc.wait(10)
        self._kill_group()
        self.log.close()

    def kill(self) -> None:
        """SIGKILL the worker and its parsing process."""
        self._kill_group()
        self.proc.wait(30)
        self.log.close()

    def _kill_group(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)


def counters(workers: Iterable[WorkerProcess]) -> dict[str, float]:
    """The health counters of the workers that answer, summed."""
    total: dict[str, float] = {}
    for w in workers:
        for k, v in (w.health() or {"counters": {}})["counters"].items():
            total[k] = total.get(k, 0) + v
    return total


class Workers:
    """Worker processes on one environment; worker n gets its own web port, state dir
    (`tmp/<name><n>-state`) and log (`tmp/<name><n>.log`)."""

    def __init__(self, env: Mapping[str, str], tmp: Path, name: str = "worker-", first_port: int = 0) -> None:
        self.env = dict(env)
        self.tmp = tmp
        self.name = name
        self.first_port = first_port  # preferred web ports first_port, first_port + 1, ... (0: any)
        self.procs: list[WorkerProcess] = []
        self.started = 0

    def start(self, ready: bool = True, timeout: float = 240.0, extra: Mapping[str, str] | None = None) -> WorkerProcess:
        """One more worker (with `extra` variables); with `ready`, wait until it is assigned."""
        return self.start_many(1, ready, timeout, extra)[0]

    def start_many(self, n: int, ready: bool = True, timeout: float = 240.0,
                   extra: Mapping[str, str] | None = None) -> list[WorkerProcess]:
        """n more workers, started together; with `ready`, wait until each is assigned."""
        new = []
        taken = {int(w.url.rsplit(":", 1)[1]) for w in self.procs}
        for _ in range(n):
            i = self.started
            self.started += 1
            env = {**self.env, "GEOEVENTS_DATA_DIR": str(self.tmp / f"{self.name}{i}-state"), **(extra or {})}
            port = free_port(self.first_port + i if self.first_port else 0, taken)
            w = WorkerProcess(env, self.tmp / f"{self.name}{i}.log", port)
            self.procs.append(w)
            new.append(w)
        if ready:
            deadline = time.monotonic() + timeout
            for w in new:
                w.wait_ready(max(1.0, deadline - time.monotonic()))
        return new

    def kill(self, w: WorkerProcess) -> None:
        """SIGKILL the worker and its parsing process."""
        w.kill()
        self.procs.remove(w)

    def stop(self, w: WorkerProcess, timeout: float = 60) -> None:
        w.stop(timeout)
        self.procs.remove(w)

    def stop_all(self, timeout: float = 60) -> None:
        """Every worker at once: SIGTERM to all, then wait for each."""
        for w in self.procs:
            w.terminate()
        for w in list(self.procs):
            self.stop(w, timeout)

    def alive(self) -> list[WorkerProcess]:
        return [w for w in self.procs if w.alive()]

    def logs(self) -> str:
        return "".join(p.read_text(errors="replace") for p in sorted(self.tmp.glob(f"{self.name}*.log")))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()


# ---------------------------------------------------------------- topics


def read_records(settings: Settings, topic: str, idle: float = 2.0, timeout: float = 120.0) -> list[tuple[bytes | None, bytes]]:
    """Every committed record (key, value) of a topic from the beginning, until `idle` seconds
    pass without one (or `timeout`)."""
    from streams.clients import consumer

    async def _read() -> list[tuple[bytes | None, bytes]]:
        cons = consumer(settings, topic, from_beginning=True)
        await cons.start()
        out: list[tuple[bytes | None, bytes]] = []
        last = start = time.monotonic()
        try:
            while time.monotonic() - last < idle and time.monotonic() - start < timeout:
                batch = await cons.getmany(timeout_ms=300)
                for records in batch.values():
                    for rec in records:
                        out.append((rec.key, rec.value))
                        last = time.monotonic()
        finally:
            await cons.stop()
        return out

    return asyncio.run(_read())


def read_topic(settings: Settings, topic: str, idle: float = 2.0, timeout: float = 120.0) -> list[tuple[str | None, Any]]:
    """read_records with the keys as text and the values as JSON."""
    return [(key.decode() if key else None, jsonio.loads(value))
            for key, value in read_records(settings, topic, idle, timeout)]
