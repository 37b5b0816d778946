"""`geoevents demo`: the main job end to end on the embedded broker, then everything is stopped.

Starts the local Kafka unless GEOEVENTS_BROKER names one, starts a worker process, publishes
the bundled samples (or PATH), prints events as they arrive and the top actors.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from rich.console import Console

from streams import jsonio
from streams.broker import LocalKafka, die_with_parent_preexec, port_open
from streams.errors import BrokerError
from streams.inputs import SAMPLES
from streams.settings import get_settings


def free_port(preferred: int = 0) -> int:
    """`preferred` when nothing listens there, else (or for 0) a port the system picks."""
    if preferred and not port_open("127.0.0.1", preferred):
        return preferred
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_json(url: str, timeout: float = 5.0) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return jsonio.loads(resp.read())


class WorkerProcess:
    """A `geoevents worker` subprocess with its own web port."""

    def __init__(self, env: dict[str, str], log_path: Path, web_port: int, die_with_parent: bool = False) -> None:
        self.url = f"http://127.0.0.1:{web_port}"
        env = {**env, "GEOEVENTS_WEB_PORT": str(web_port)}
        self.log = open(log_path, "ab")
        # a session of its own (pgid = pid): stop() can kill the worker with its parsing process
        self.proc = subprocess.Popen([sys.executable, "-m", "streams", "worker", "-l", "warn"], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
                                     preexec_fn=die_with_parent_preexec if die_with_parent else None)

    def health(self) -> dict[str, Any] | None:
        try:
            body: dict[str, Any] = http_json(f"{self.url}/api/health", timeout=2)
            return body
        except OSError:
            return None

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the worker exited with code {self.proc.returncode}")
            h = self.health()
            if h and h["status"] == "ok" and h["assigned"] and not h["rebalancing"]:
                return
            time.sleep(0.5)
        raise TimeoutError("the worker did not become ready in time")

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM (the worker stops its parsing process itself); after `timeout`, or on a second
        Ctrl-C, SIGKILL to the worker's whole process group, its parsing process included."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except (subprocess.TimeoutExpired, KeyboardInterrupt):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(10)
        self.log.close()


def run_demo(path: Path | None, as_json: bool = False, timeout: float = 300.0) -> int:
    out = Console(stderr=as_json, highlight=False, soft_wrap=True)
    articles_path = path or SAMPLES
    if not articles_path.exists():
        out.print(f"[red]error:[/red] no such file: {articles_path}")
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="geoevents-demo-"))
    saved_env = dict(os.environ)
    kafka: LocalKafka | None = None
    worker: WorkerProcess | None = None
    try:
        if not os.environ.get("GEOEVENTS_BROKER"):
            port = free_port(9092)
            kafka = LocalKafka(tmp / "broker", port=port, controller_port=free_port(9093 if port == 9092 else 0),
                               libs=get_settings().kafka_libs, die_with_parent=True)
            out.print(f"starting Kafka on 127.0.0.1:{port} ...")
            kafka.start()
            os.environ["GEOEVENTS_BROKER"] = f"kafka://127.0.0.1:{port}"
        else:
            run = uuid.uuid4().hex[:8]
            os.environ["GEOEVENTS_APP_ID"] = f"geoevents-demo-{run}"
            for name, default in (("ARTICLES", "articles"), ("EVENTS", "events"), ("MENTIONS", "actor-mentions"),
                                  ("REJECTED", "articles-rejected")):
                os.environ[f"GEOEVENTS_TOPIC_{name}"] = f"{default}-demo-{run}"
        os.environ["GEOEVENTS_DATA_DIR"] = str(tmp)
        settings = get_settings()
        web_port = free_port(settings.web_port)
        out.print(f"starting a worker (HTTP on 127.0.0.1:{web_port}) ...")
        worker = WorkerProcess(dict(os.environ), tmp / "worker.log", web_port, die_with_parent=True)
        worker.wait_ready(timeout)
        result = asyncio.run(_publish_and_watch(settings, worker, articles_path, out, as_json, timeout))
        if as_json:
            print(jsonio.dumps_line({"events": result["events"], "top_actors": result["top_actors"]}))
        else:
            from streams.cli import print_top

            print_top(result["top_actors"], "top actors (all time)")
            out.print(f"{len(result['events'])} events from {result['published']} articles "
                      f"({result['rejected']} rejected)")
        return 0
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM/SIGHUP (see cli.stop_like_ctrl_c)
        out.print("interrupted: stopping the worker and Kafka ...")
        return 130
    except (BrokerError, RuntimeError, TimeoutError) as exc:
        out.print(f"[red]error:[/red] {exc}")
        log = tmp / "worker.log"
        if log.exists():
            out.print(log.read_text(errors="replace")[-3000:], markup=False)
        return 1
    finally:
        if worker:
            worker.stop()
        if kafka:
            kafka.stop()
        os.environ.clear()
        os.environ.update(saved_env)
        shutil.rmtree(tmp, ignore_errors=True)


async def _publish_and_watch(settings: Any, worker: WorkerProcess, path: Path, out: Console, as_json: bool,
                             timeout: float) -> dict[str, Any]:
    from streams.clients import consumer
    from streams.publish import publish_records
    from streams.tail import event_line

    cons = consumer(settings, settings.topic_events, from_beginning=True)
    await cons.start()
    events: list[dict[str, Any]] = []
    try:
        sent, failed = await publish_records(settings, [str(path)], settings.topic_articles, quiet=as_json)
        deadline = time.monotonic() + timeout
        stable_since = None
        while time.monotonic() < deadline:
            batch = await cons.getmany(timeout_ms=300)
            for records in batch.values():
                for rec in records:
                    ev = jsonio.loads(rec.value)
                    events.append(ev)
                    if not as_json:
                        out.print(event_line(ev), markup=False)
            h = worker.health() or {"counters": {}}
            c = h["counters"]
            done = c.get("articles_extracted", 0) + c.get("articles_rejected", 0) >= sent
            counted = c.get("mentions_counted", 0) >= c.get("mentions_out", 0)
            if done and counted and len(events) >= c.get("events_out", 0):
                stable_since = stable_since or time.monotonic()
                if time.monotonic() - stable_since > 1.0:
                    break
            else:
                stable_since = None
        else:
            raise TimeoutError("the worker did not process every article in time")
        top = http_json(f"{worker.url}/api/actors/top?window=all&n=10")
        return {"events": events, "top_actors": top["actors"], "published": sent,
                "rejected": int((worker.health() or {"counters": {}})["counters"].get("articles_rejected", 0))}
    finally:
        await cons.stop()
