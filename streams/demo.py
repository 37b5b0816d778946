"""`geoevents demo`: the main job end to end on the embedded broker, then everything is stopped.

Starts the local Kafka unless GEOEVENTS_BROKER names one, starts a worker process, publishes
the bundled samples (or PATH), prints events as they arrive and the top actors.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from rich.console import Console

from streams import jsonio
from streams.broker import LocalKafka
from streams.errors import BrokerError
from streams.inputs import SAMPLES
from streams.render import print_stories, print_top
from streams.settings import Settings, topic_env
from streams.testing import WorkerProcess, free_port, http_json


def run_demo(path: Path | None, as_json: bool = False, timeout: float = 300.0) -> int:
    out = Console(stderr=as_json, highlight=False, soft_wrap=True)
    articles_path = path or SAMPLES
    if not articles_path.exists():
        out.print(f"[red]error:[/red] no such file: {articles_path}")
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="geoevents-demo-"))
    env = dict(os.environ)  # the worker's environment; this process keeps its own
    kafka: LocalKafka | None = None
    worker: WorkerProcess | None = None
    try:
        if not env.get("GEOEVENTS_BROKER"):
            taken: set[int] = set()
            port = free_port(9092, taken)
            kafka = LocalKafka(tmp / "broker", port=port, controller_port=free_port(9093, taken),
                               libs=Settings.from_mapping(env).kafka_libs, die_with_parent=True)
            out.print(f"starting Kafka on 127.0.0.1:{port} ...")
            kafka.start()
            env["GEOEVENTS_BROKER"] = f"kafka://127.0.0.1:{port}"
        else:  # a broker of its own: an app id and topics of its own
            run = uuid.uuid4().hex[:8]
            env["GEOEVENTS_APP_ID"] = f"geoevents-demo-{run}"
            env.update(topic_env(f"demo-{run}"))
        env["GEOEVENTS_DATA_DIR"] = str(tmp)
        # the bundled samples are dated: their stories are kept whatever their age, unless set
        env.setdefault("GEOEVENTS_STORY_DAYS", "36500")
        settings = Settings.from_mapping(env)
        web_port = free_port(settings.web_port)
        out.print(f"starting a worker (HTTP on 127.0.0.1:{web_port}) ...")
        worker = WorkerProcess(env, tmp / "worker.log", web_port, die_with_parent=True)
        worker.wait_ready(timeout)
        result = asyncio.run(_publish_and_watch(settings, worker, articles_path, out, as_json, timeout))
        if as_json:
            print(jsonio.dumps_line({"events": result["events"], "top_actors": result["top_actors"]}))
        else:
            print_top(result["top_actors"], "top actors (all time)")
            stories = http_json(f"{worker.url}/api/stories/top?n=5")["stories"]
            print_stories(stories, "top stories (one event, many articles)")
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
        shutil.rmtree(tmp, ignore_errors=True)


async def _publish_and_watch(settings: Settings, worker: WorkerProcess, path: Path, out: Console, as_json: bool,
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
