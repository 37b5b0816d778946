"""Soak: many articles through one worker with a dedup window of seconds; state must stay bounded.

Starts a broker (`geoevents broker`) and one worker (`geoevents worker`) as subprocesses on free
ports, with GEOEVENTS_DEDUP_SECONDS set to --window-seconds, and publishes --articles distinct
articles at --rate per second: the bundled samples (streams/samples/articles.jsonl), each copy
with a unique id, a unique closing sentence and the current time as published_at. Every
--interval seconds it records each table's key count (the worker's /api/stats), the RSS of the
worker with its parsing process (psutil) and each changelog topic's size (end minus start
offsets, and bytes in the broker's log folder).

After half of the articles, and again after all of them, the worker is stopped (SIGTERM) and
started again; each time the script counts what a restart replays (every record of every
changelog, read to the end) and measures how long the new worker takes to recover its tables
(from the first answer of its HTTP API that shows it rebalancing to the first that shows it
assigned and done).

One message in 50 is garbage (escape sequences, digits and punctuation, no letter); at the end the
script stops the worker and the broker with SIGTERM and looks for any process left behind.

It passes when
  - after the first window, every table's key count stays under its bound (docs/operations.md):
    the dedup tables hold at most the articles of the last window plus one sweep interval (and 2 s
    of margin), the others at most their closed code lists;
  - the RSS of each worker stays flat: after a warm-up, its largest sample is within 10% of its
    smallest, and the second worker's last sample within 10% of the first worker's last;
  - the second restart (after 2N articles) replays no more than 1.5x the records of the first
    (after N) and recovers in no more than 1.5x the time (or within 2 s of it): proportional to
    the live keys, which are the same at both points, not to the articles seen (2x);
  - every garbage message is on the rejected topic with the reason no_letters;
  - no broker JVM or worker process is left 60 s after the first SIGTERM.

Compaction: a restart reads each changelog from its start; Kafka compacts only closed segments
(`segment.ms`, 7 days by default) and keeps tombstones `delete.retention.ms` (1 day) after a
cleaning. With the window compressed from days to seconds, those time settings are compressed by
the same factor (--compaction scaled, the default): segment.ms = window / 4 (7 of 30 days),
delete.retention.ms = window / 30 (1 of 30 days), and the broker's cleaner looks for work every
second instead of 15 s. `--compaction default` leaves Kafka's settings, so nothing is compacted
during the run and every restart replays all it ever wrote.

Writes soak.json (settings, samples, restarts, checks) and soak.png into --out, prints the
figures, exits 1 when a check fails (2 when the run itself failed).

Usage: .venv/bin/python scripts/soak.py [--articles 4000] [--window-seconds 60] [--rate 8] [--out soak-out]
       .venv/bin/python scripts/soak.py --short        # about 60-90 s
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from streams.stories import key_text, story_key  # noqa: E402
from streams.testing import free_port as testing_free_port  # noqa: E402

GEOEVENTS = Path(sys.executable).parent / "geoevents"
SAMPLES = PROJECT_DIR / "streams" / "samples" / "articles.jsonl"
DATA = PROJECT_DIR / "streams" / "data"

DEDUP_TABLES = ("article-ids", "content-hashes", "extracted")
STOP_GRACE_S = 60.0  # worker and broker must be gone this long after the first SIGTERM
GARBAGE_EVERY = 50  # one message in 50 is garbage text, which the worker must reject (reason no_letters)
GARBAGE_TEXT = "\x1b[2J\x1b[H\x1b[31m 1234 !!! \x07\x1b[0m"
RSS_TOLERANCE = 0.10
RECOVERY_RATIO = 1.5
RECOVERY_SLACK_S = 2.0  # joining the group and the assignment take 0.5-3.5 s here, whatever the state
BOUND_MARGIN_S = 2.0
IN_FLIGHT = 32 * 2  # GEOEVENTS_BATCH_SIZE x GEOEVENTS_EXTRACT_CONCURRENCY: marked "sending", not yet counted


def log(msg: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {msg}", flush=True)


_TAKEN: set[int] = set()


def free_port() -> int:
    """A port below the ephemeral range that no other port of this run was given (streams.testing)."""
    return testing_free_port(taken=_TAKEN)


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def sweep_interval(window: float) -> float:
    """As streams/tables.py: a twentieth of the window, between 1 s and 10 minutes."""
    return min(max(window / 20.0, 1.0), 600.0)


# ------------------------------------------------------------------------------------- articles

def templates() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def article(templ: list[dict[str, Any]], i: int, run: str) -> dict[str, Any]:
    """The i-th article: a sample with its own id, its own closing sentence (so its own content
    hash) and the current time as published_at (so the windowed tables see live news)."""
    a = dict(templ[i % len(templ)])
    a["id"] = f"soak-{run}-{i:07d}"
    a["text"] = a["text"].rstrip() + f"\n\nThis report is filed in the archive as item {run}-{i:07d}."
    a["published_at"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    a.pop("url", None)
    return a


def static_bounds(templ: list[dict[str, Any]], partitions: int, tmp: Path) -> dict[str, int]:
    """Bounds of the tables whose keys come from closed code lists (docs/operations.md). The dyads
    bound is partitions x the actor pairs the samples produce (offline extraction, the worker's
    code); they do not depend on how many articles are sent."""
    codes = _rows("countries.tsv") + _rows("organizations.tsv")
    countries = _rows("countries.tsv")
    path = tmp / "templates.jsonl"
    path.write_text("".join(json.dumps(article(templ, i, "bounds")) + "\n" for i in range(len(templ))))
    out = subprocess.run([str(GEOEVENTS), "extract", str(path)], capture_output=True, text=True, check=True,
                         env={**os.environ, "GEOEVENTS_LOG_LEVEL": "warn"})
    pairs = set()
    stories = set()  # the story keys of the samples' events without their day
    for line in out.stdout.splitlines():
        if line.strip():
            ev = json.loads(line)
            if ev.get("target"):
                pairs.add((ev["source"]["code"], ev["target"]["code"]))
            key = story_key(ev, time.time())
            if key is not None:
                stories.add(key_text({**key, "day": ""}))
    return {
        "mentions-all": codes,
        "mentions-15m": codes * 9,
        "mentions-hourly": codes * 193,
        "dyads": partitions * len(pairs),
        "places": partitions * countries,
        "events-per-minute": partitions * 121,
        # a story lives for the story horizon (the soak's window) after its last event: at most the
        # samples' story keys on each of two UTC days (a run may cross midnight)
        "stories": 2 * len(stories),
    }


def _rows(name: str) -> int:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines()[1:] if ln.strip()]
    return len(lines)


# ---------------------------------------------------------------------------------- processes

class Broker:
    """`geoevents broker` on free ports, in a session of its own."""

    def __init__(self, data_dir: Path, log_path: Path) -> None:
        self.data_dir = data_dir
        self.port, self.controller_port = free_port(), free_port()
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen(
            [str(GEOEVENTS), "broker", "--data-dir", str(data_dir), "--port", str(self.port),
             "--controller-port", str(self.controller_port)],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the broker exited with code {self.proc.returncode}")
            if port_open(self.port):
                return
            time.sleep(0.3)
        raise TimeoutError("the broker did not start in time")

    def topic_bytes(self, topic: str) -> int:
        total = 0
        for part in self.data_dir.rglob(f"{topic}-*"):
            if part.is_dir() and part.name.rpartition("-")[0] == topic:
                total += sum(f.stat().st_size for f in part.glob("*.log"))
        return total

    def stop(self) -> None:
        """SIGTERM: a controlled shutdown; its data is thrown away, so after 10 s a second SIGTERM
        (`geoevents broker` then kills the JVM at once)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGTERM)
                stop_process(self.proc, 15)
        self.log.close()


class Worker:
    """`geoevents worker` in a session of its own (pgid = pid), with its parsing process."""

    def __init__(self, env: dict[str, str], log_path: Path, web_port: int) -> None:
        self.url = f"http://127.0.0.1:{web_port}"
        self.log = open(log_path, "ab")
        self.started = time.time()
        self.proc = subprocess.Popen([str(GEOEVENTS), "worker", "-l", "warn", "--web-port", str(web_port)],
                                     env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def get(self, path: str, timeout: float = 2.0) -> Any:
        import urllib.request

        try:
            with urllib.request.urlopen(f"{self.url}{path}", timeout=timeout) as resp:
                return json.loads(resp.read())
        except (OSError, ValueError):
            return None

    def rss(self) -> int:
        """RSS of the worker and every process below it (the parsing process, the resource tracker)."""
        try:
            proc = psutil.Process(self.proc.pid)
            total = proc.memory_info().rss
            for child in proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
            return total
        except psutil.Error:
            return 0

    def check_alive(self) -> None:
        if self.proc.poll() is not None:
            raise RuntimeError(f"the worker exited with code {self.proc.returncode} (see worker logs)")

    def stop(self) -> None:
        stop_process(self.proc, 30)
        self.log.close()


def left_behind(tmp: Path) -> list[str]:
    """Processes still running whose command line names the soak's temporary folder (a broker JVM or a
    worker that did not stop on SIGTERM); zombies are gone already."""
    out = []
    for proc in psutil.process_iter(["pid", "cmdline", "status"]):
        with contextlib.suppress(psutil.Error):
            if proc.info["status"] == psutil.STATUS_ZOMBIE:
                continue
            if any(str(tmp) in part for part in proc.info["cmdline"] or []):
                out.append(f"{proc.info['pid']} {' '.join(proc.info['cmdline'])[:120]}")
    return out


def stop_process(proc: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM (the commands stop their own children); after `timeout`, SIGKILL to the process group."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


# ------------------------------------------------------------------------------------- kafka

async def configure_compaction(bootstrap: str, topics: list[str], window: float) -> dict[str, str]:
    """Kafka's time-based compaction settings compressed like the window (see the module doc)."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    scaled = {"segment.ms": str(max(int(window * 1000 / 4), 500)),
              "delete.retention.ms": str(max(int(window * 1000 / 30), 100))}
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        # AlterConfigs replaces a resource's whole set of dynamic settings: keep what Faust set
        described = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, t) for t in topics])
        current: dict[str, dict[str, str]] = {}
        for response in described:
            for _err, _msg, _type, name, entries in response.resources:
                current[name] = {e[0]: e[1] for e in entries if e[1] is not None and _is_topic_override(e)}
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, t, {**current.get(t, {}), **scaled})
                                   for t in topics])
        await admin.alter_configs([ConfigResource(ConfigResourceType.BROKER, "1", {"log.cleaner.backoff.ms": "1000"})])
    finally:
        await admin.close()
    return scaled


def _is_topic_override(entry: Any) -> bool:
    """A describe_configs entry set on the topic itself (config source TOPIC_CONFIG = 1)."""
    # v0 entries: (name, value, read_only, is_default, is_sensitive); v1+: (name, value, read_only, source, ...)
    if isinstance(entry[3], bool):
        return not entry[3]
    return bool(entry[3] == 1)


async def rejected_reasons(bootstrap: str) -> dict[str, int]:
    """Records on the rejected topic, counted by reason."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    counts: dict[str, int] = {}
    try:
        parts = [TopicPartition("articles-rejected", p) for p in (consumer.partitions_for_topic("articles-rejected")
                                                                 or await _partitions(consumer, "articles-rejected"))]
        if not parts:
            return counts
        consumer.assign(parts)
        await consumer.seek_to_beginning(*parts)
        end = await consumer.end_offsets(parts)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            positions = [await consumer.position(tp) for tp in parts]
            if all(pos >= end[tp] for pos, tp in zip(positions, parts, strict=True)):
                break
            batch = await consumer.getmany(timeout_ms=1000)
            for records in batch.values():
                for rec in records:
                    reason = json.loads(rec.value).get("reason", "?")
                    counts[reason] = counts.get(reason, 0) + 1
    finally:
        await consumer.stop()
    return counts


async def _partitions(consumer: Any, topic: str) -> set[int]:
    await consumer._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public refresh
    return consumer.partitions_for_topic(topic) or set()


async def changelog_offsets(consumer: Any, topics: list[str], partitions: int) -> dict[str, int]:
    """Per topic: the sum over partitions of end offset minus start offset. `consumer` is assigned
    the partitions (paused: it fetches nothing), so that it keeps their metadata."""
    from aiokafka import TopicPartition

    tps = [TopicPartition(t, p) for t in topics for p in range(partitions)]
    if not tps:
        return {}
    if set(consumer.assignment()) != set(tps):
        consumer.assign(tps)
        consumer.pause(*tps)
    start = await consumer.beginning_offsets(tps)
    end = await consumer.end_offsets(tps)
    out = dict.fromkeys(topics, 0)
    for tp in tps:
        out[tp.topic] += end[tp] - start[tp]
    return out


async def replay_count(bootstrap: str, topics: list[str], partitions: int) -> dict[str, dict[str, int]]:
    """What a restart reads: every record of each changelog (records) and the keys whose last
    record is not a tombstone (live)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    cons = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest",
                            max_partition_fetch_bytes=4 * 1024 * 1024)
    await cons.start()
    try:
        tps = [TopicPartition(t, p) for t in topics for p in range(partitions)]
        cons.assign(tps)
        await cons.seek_to_beginning(*tps)
        end = await cons.end_offsets(tps)
        records = dict.fromkeys(topics, 0)
        last: dict[str, dict[tuple[int, bytes], bool]] = {t: {} for t in topics}
        todo = {tp for tp in tps if end[tp] > 0}
        for tp in tps:
            if end[tp] == 0:
                cons.pause(tp)
        deadline = time.monotonic() + 300
        while todo and time.monotonic() < deadline:
            batch = await cons.getmany(timeout_ms=500, max_records=5000)
            for tp, recs in batch.items():
                for rec in recs:
                    records[tp.topic] += 1
                    last[tp.topic][(tp.partition, rec.key)] = rec.value is not None
            for tp in list(todo):
                if await cons.position(tp) >= end[tp]:
                    todo.discard(tp)
                    cons.pause(tp)
        if todo:
            raise TimeoutError(f"could not read the changelogs to the end: {sorted(map(str, todo))}")
        return {t: {"records": records[t], "live": sum(last[t].values())} for t in topics}
    finally:
        await cons.stop()


# -------------------------------------------------------------------------------------- run

class Soak:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = Path(args.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix="geoevents-soak-"))
        self.run = uuid.uuid4().hex[:6]
        self.templ = templates()
        self.t0 = time.time()
        self.samples: list[dict[str, Any]] = []
        self.restarts: list[dict[str, Any]] = []
        self.segments: list[dict[str, Any]] = []  # one per worker: start/end time (relative), pid
        self.sent = 0
        self.garbage = 0
        self.rejected: dict[str, int] = {}
        self.stopped_s: float | None = None
        self.left_behind: list[str] = ["not measured"]
        self.sent_times: list[float] = []
        self.broker: Broker | None = None
        self.worker: Worker | None = None
        self.counter_base: dict[str, float] = {}
        self.last_counters: dict[str, float] = {}
        self.tables: list[str] = []
        self.compaction: dict[str, str] = {}

    def rel(self, t: float | None = None) -> float:
        return round((time.time() if t is None else t) - self.t0, 2)

    def env(self, web_port: int) -> dict[str, str]:
        assert self.broker
        env = dict(os.environ)
        env.update({
            "GEOEVENTS_BROKER": f"kafka://{self.broker.bootstrap}",
            "GEOEVENTS_APP_ID": f"soak-{self.run}",
            "GEOEVENTS_DATA_DIR": str(self.tmp / "state"),
            "GEOEVENTS_DEDUP_SECONDS": str(self.args.window_seconds),
            "GEOEVENTS_STORY_SECONDS": str(self.args.window_seconds),
            "GEOEVENTS_PARTITIONS": str(self.args.partitions),
            "GEOEVENTS_WEB_PORT": str(web_port),
            "GEOEVENTS_LOG_LEVEL": "warn",
            "GEOEVENTS_TOPIC_ARTICLES": "articles", "GEOEVENTS_TOPIC_EVENTS": "events",
            "GEOEVENTS_TOPIC_MENTIONS": "actor-mentions", "GEOEVENTS_TOPIC_REJECTED": "articles-rejected",
        })
        return env

    @property
    def changelogs(self) -> list[str]:
        return [f"soak-{self.run}-{t}-changelog" for t in self.tables]

    # -- worker lifecycle
    def start_worker(self, until_ready: bool = True) -> dict[str, Any]:
        """Start a worker; poll its health every 50 ms and time the recovery of its tables (and
        wait until it is ready to parse, unless `until_ready` is False)."""
        n = len(self.segments)
        w = Worker(self.env(free_port()), self.tmp / f"worker-{n}.log", free_port())
        self.segments.append({"worker": n, "pid": w.proc.pid, "start": self.rel(w.started), "ready": None,
                              "end": None})
        self.worker = w
        spawned = time.monotonic()
        first_answer = rebalancing_seen = recovered = ready = None
        deadline = spawned + 180
        while time.monotonic() < deadline:
            w.check_alive()
            h = w.get("/api/health", timeout=1.0)
            now = time.monotonic()
            if h is not None:
                first_answer = first_answer or now
                if h.get("rebalancing") and rebalancing_seen is None:
                    rebalancing_seen = now
                if recovered is None and h.get("assigned") and not h.get("rebalancing"):
                    recovered = now
                    if not until_ready:
                        break
                if h.get("status") == "ok" and h.get("assigned") and not h.get("rebalancing"):
                    ready = now
                    break
            time.sleep(0.05)
        if recovered is None or (until_ready and ready is None):
            raise TimeoutError("the worker did not become ready in 180 s")
        stats = w.get("/api/stats") or {}
        self.tables = sorted(stats.get("tables", {})) or self.tables
        start = rebalancing_seen or first_answer or spawned
        self.segments[-1]["ready"] = self.rel()
        return {"recovery_s": round(recovered - start, 3), "ready_s": round(ready - spawned, 3) if ready else None,
                "http_s": round((first_answer or spawned) - spawned, 3),
                "keys_after_recovery": stats.get("tables", {})}

    def stop_worker(self) -> None:
        if self.worker:
            w, self.worker = self.worker, None  # the sampler leaves it alone from now on
            w.stop()
            # the next worker's counters start at 0: carry this one's over
            self.counter_base = {k: self.counter_base.get(k, 0.0) + self.last_counters.get(k, 0.0)
                                 for k in set(self.counter_base) | set(self.last_counters)}
            self.last_counters = {}
            if self.segments and self.segments[-1]["end"] is None:
                self.segments[-1]["end"] = self.rel()

    # -- sampling
    async def sample(self, consumer: Any) -> dict[str, Any] | None:
        w = self.worker
        if w is None:
            return None
        stats = await asyncio.to_thread(w.get, "/api/stats")
        if not stats or w is not self.worker:
            return None
        counters = stats["counters"]
        self.last_counters = counters
        cum = {k: self.counter_base.get(k, 0.0) + v for k, v in counters.items()}
        assert self.broker
        s = {
            "t": self.rel(), "worker": len(self.segments) - 1, "sent": self.sent,
            "tables": stats["tables"], "rss_mb": round(w.rss() / 2**20, 1), "counters": cum,
            "changelog_records": await changelog_offsets(consumer, self.changelogs, self.args.partitions),
            "changelog_bytes": {t: self.broker.topic_bytes(t) for t in self.changelogs},
        }
        self.samples.append(s)
        return s

    def print_sample(self, s: dict[str, Any]) -> None:
        tables = " ".join(f"{k}={v}" for k, v in s["tables"].items())
        records = sum(s["changelog_records"].values())
        size = sum(s["changelog_bytes"].values()) / 2**20
        log(f"t={s['t']:6.1f}s sent={s['sent']:5d} extracted={int(s['counters'].get('articles_extracted', 0)):5d} "
            f"rss={s['rss_mb']:.0f}MB changelogs={records} records {size:.1f}MB | {tables}")

    async def sampler(self, consumer: Any, stop: asyncio.Event) -> None:
        last_print = 0.0
        while not stop.is_set():
            with contextlib.suppress(Exception):
                s = await self.sample(consumer)
                if s and time.monotonic() - last_print >= self.args.print_every:
                    self.print_sample(s)
                    last_print = time.monotonic()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), self.args.interval)

    # -- publishing
    async def publish(self, producer: Any, count: int) -> None:
        topic = "articles"
        start = time.monotonic()
        first = self.sent
        pending = []
        for k in range(count):
            due = start + k / self.args.rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            a = article(self.templ, first + k, self.run)
            if (first + k) % GARBAGE_EVERY == GARBAGE_EVERY - 1:
                # garbage among the articles: no letters once escape sequences are removed
                a = {"id": f"soak-{self.run}-garbage-{first + k:07d}", "text": GARBAGE_TEXT}
                self.garbage += 1
            pending.append(await producer.send(topic, key=a["id"].encode(), value=json.dumps(a).encode()))
            self.sent += 1
            self.sent_times.append(time.time())
            if len(pending) >= 200:
                await asyncio.gather(*pending)
                pending = []
        await asyncio.gather(*pending)

    async def drained(self, timeout: float = 300) -> None:
        """Until the worker has handled every article sent so far and counted every mention."""
        deadline = time.monotonic() + timeout
        progress, since = -1.0, time.monotonic()
        while time.monotonic() < deadline:
            assert self.worker
            self.worker.check_alive()
            c = self.samples[-1]["counters"] if self.samples else {}
            handled = c.get("articles_extracted", 0) + c.get("articles_rejected", 0)
            if handled >= self.sent and c.get("mentions_counted", 0) >= c.get("mentions_out", 0):
                return
            if handled != progress:
                progress, since = handled, time.monotonic()
            elif time.monotonic() - since > 90:
                raise TimeoutError(f"no progress for 90 s: {handled:.0f} of {self.sent} articles handled")
            await asyncio.sleep(0.5)
        raise TimeoutError(f"the worker did not catch up in {timeout} s")

    async def restart(self, consumer: Any, label: str, last: bool = False) -> None:
        await self.drained()
        await asyncio.sleep(1.0)  # a last sample, and the sweep's tombstones reach the broker
        stopped = time.time()
        await asyncio.to_thread(self.stop_worker)
        assert self.broker
        replay = await replay_count(self.broker.bootstrap, self.changelogs, self.args.partitions)
        rec = await asyncio.to_thread(self.start_worker, not last)
        rec.update({"label": label, "articles_before": self.sent, "stopped_at": self.rel(stopped),
                    "ready_at": self.rel(), "replay": replay,
                    "replay_records": sum(r["records"] for r in replay.values()),
                    "replay_live": sum(r["live"] for r in replay.values())})
        self.restarts.append(rec)
        log(f"restart after {self.sent} articles: replayed {rec['replay_records']} changelog records "
            f"({rec['replay_live']} live keys), tables recovered in {rec['recovery_s']:.2f} s"
            + (f", ready in {rec['ready_s']:.1f} s" if rec["ready_s"] else ""))

    async def main_phase(self) -> None:
        from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

        assert self.broker
        producer = AIOKafkaProducer(bootstrap_servers=self.broker.bootstrap, acks="all", linger_ms=5)
        consumer = AIOKafkaConsumer(bootstrap_servers=self.broker.bootstrap, enable_auto_commit=False)
        await producer.start()
        await consumer.start()
        stop = asyncio.Event()
        task = asyncio.create_task(self.sampler(consumer, stop))
        try:
            if self.args.compaction == "scaled":
                self.compaction = await configure_compaction(self.broker.bootstrap, self.changelogs,
                                                             self.args.window_seconds)
                log(f"changelog topics: {self.compaction}; broker log.cleaner.backoff.ms=1000")
            half = self.args.articles // 2
            log(f"publishing {half} articles at {self.args.rate}/s")
            await self.publish(producer, half)
            await self.restart(consumer, "N")
            log(f"publishing {self.args.articles - half} articles at {self.args.rate}/s")
            await self.publish(producer, self.args.articles - half)
            await self.restart(consumer, "2N", last=True)
            self.rejected = await rejected_reasons(self.broker.bootstrap)
        finally:
            stop.set()
            await task
            await producer.stop()
            await consumer.stop()

    def execute(self) -> int:
        a = self.args
        log(f"articles={a.articles} window={a.window_seconds}s rate={a.rate}/s out={self.out} tmp={self.tmp}")
        try:
            self.broker = Broker(self.tmp / "broker", self.out / "broker.log")
            bounds = static_bounds(self.templ, a.partitions, self.tmp)  # spaCy loads while Kafka starts
            self.broker.wait_ready()
            log(f"broker on {self.broker.bootstrap}")
            first = self.start_worker()
            log(f"worker ready in {first['ready_s']:.1f} s; tables: {', '.join(self.tables)}")
            asyncio.run(self.main_phase())
        finally:
            t = time.monotonic()
            self.stop_worker()
            worker_s = time.monotonic() - t
            if self.broker:
                self.broker.stop()
            log(f"SIGTERM: the worker stopped in {worker_s:.1f} s, the broker in {time.monotonic() - t - worker_s:.1f} s")
            self.left_behind = left_behind(self.tmp)
            while self.left_behind and time.monotonic() - t < STOP_GRACE_S:
                time.sleep(0.5)  # a JVM that was told to stop may take a moment to exit
                self.left_behind = left_behind(self.tmp)
            self.stopped_s = round(time.monotonic() - t, 1)
            log(f"worker and broker stopped with SIGTERM in {self.stopped_s} s; processes left: {self.left_behind or 'none'}")
            for i in range(len(self.segments)):
                with contextlib.suppress(OSError):
                    shutil.copy(self.tmp / f"worker-{i}.log", self.out / f"worker-{i}.log")
            shutil.rmtree(self.tmp, ignore_errors=True)
        checks = evaluate(self, bounds)
        report = {
            "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "settings": {"articles": a.articles, "window_seconds": a.window_seconds, "rate": a.rate,
                         "partitions": a.partitions, "interval": a.interval, "short": a.short,
                         "sweep_interval": sweep_interval(a.window_seconds), "compaction": a.compaction,
                         "compaction_settings": self.compaction},
            "bounds": bounds, "segments": self.segments, "restarts": self.restarts,
            "checks": checks, "passed": all(c["passed"] for c in checks.values()),
            "duration_s": self.rel(), "samples": self.samples,
        }
        (self.out / "soak.json").write_text(json.dumps(report, indent=1))
        plot(report, self.out / "soak.png")
        print_summary(report)
        return 0 if report["passed"] else 1


# ----------------------------------------------------------------------------------- checks

def trailing(samples: list[dict[str, Any]], i: int, counter: str, span: float) -> float:
    """Increase of a (cumulative) counter over the `span` seconds before sample i (from the last
    sample at or before t - span: a little more than the span, so a bound, not an estimate)."""
    t = samples[i]["t"]
    before = 0.0
    for s in samples[:i + 1]:
        if s["t"] <= t - span:
            before = s["counters"].get(counter, 0.0)
    return samples[i]["counters"].get(counter, 0.0) - before


def evaluate(soak: Soak, bounds: dict[str, int]) -> dict[str, dict[str, Any]]:
    a = soak.args
    samples = soak.samples
    window = a.window_seconds
    sweep = sweep_interval(window)
    span = window + sweep + BOUND_MARGIN_S + a.interval
    first_article = soak.rel(soak.sent_times[0]) if soak.sent_times else 0.0
    after = first_article + window + sweep
    # after a restart the recovered entries wait for the new worker's first sweep
    quiet = [(r["stopped_at"], r["ready_at"] + sweep + BOUND_MARGIN_S) for r in soak.restarts]
    checks: dict[str, dict[str, Any]] = {}

    worst: dict[str, dict[str, Any]] = {}
    violations: list[str] = []
    for i, s in enumerate(samples):
        if s["t"] < after or any(lo <= s["t"] <= hi for lo, hi in quiet):
            continue
        for table, keys in s["tables"].items():
            if table in DEDUP_TABLES:
                if table == "extracted":  # marked when its batch starts, counted when it is sent
                    bound = trailing(samples, i, "articles_extracted", span) + IN_FLIGHT
                else:
                    bound = trailing(samples, i, "articles_in", span)
            elif table in bounds:
                bound = bounds[table]
            else:
                continue
            w = worst.setdefault(table, {"max_keys": 0, "bound_at_max": bound, "max_ratio": 0.0})
            ratio = keys / bound if bound else (0.0 if keys == 0 else float("inf"))
            if keys > w["max_keys"]:
                w["max_keys"], w["bound_at_max"] = keys, bound
            w["max_ratio"] = max(w["max_ratio"], round(ratio, 3))
            if keys > bound:
                violations.append(f"t={s['t']} {table}: {keys} keys > bound {bound:.0f}")
    checks["table_bounds"] = {"passed": not violations and bool(worst), "after_s": round(after, 1),
                              "tables": worst, "violations": violations[:20]}

    rss: dict[str, Any] = {}
    ok = True
    finals = []
    for seg in soak.segments:
        series = [s for s in samples if s["worker"] == seg["worker"] and s["rss_mb"] > 0]
        if len(series) < 4:
            continue
        t_start = seg["ready"] if seg["ready"] is not None else series[0]["t"]
        t_end = series[-1]["t"]
        warm = t_start + max(window + sweep, 0.3 * (t_end - t_start))
        steady = [s["rss_mb"] for s in series if s["t"] >= warm]
        if len(steady) < 3:
            continue
        lo, hi = min(steady), max(steady)
        flat = hi <= lo * (1 + RSS_TOLERANCE)
        ok = ok and flat
        finals.append(statistics.median(steady[-3:]))
        rss[f"worker-{seg['worker']}"] = {"warm_up_until_s": round(warm, 1), "min_mb": lo, "max_mb": hi,
                                          "growth": round(hi / lo - 1, 4), "passed": flat}
    if len(finals) >= 2:
        across = finals[-1] <= finals[0] * (1 + RSS_TOLERANCE)
        rss["last_vs_first_worker"] = {"first_mb": finals[0], "last_mb": finals[-1],
                                       "growth": round(finals[-1] / finals[0] - 1, 4), "passed": across}
        ok = ok and across
    checks["rss_flat"] = {"passed": ok and len(finals) >= 2, **rss}

    if len(soak.restarts) >= 2:
        r1, r2 = soak.restarts[0], soak.restarts[1]
        records_ratio = r2["replay_records"] / max(r1["replay_records"], 1)
        time_ratio = r2["recovery_s"] / max(r1["recovery_s"], 1e-3)
        time_ok = time_ratio <= RECOVERY_RATIO or r2["recovery_s"] - r1["recovery_s"] <= RECOVERY_SLACK_S
        checks["recovery"] = {
            "passed": records_ratio <= RECOVERY_RATIO and time_ok,
            "articles": [r1["articles_before"], r2["articles_before"]],
            "replay_records": [r1["replay_records"], r2["replay_records"]],
            "live_keys": [r1["replay_live"], r2["replay_live"]],
            "recovery_s": [r1["recovery_s"], r2["recovery_s"]],
            "records_ratio": round(records_ratio, 3), "time_ratio": round(time_ratio, 3),
            "limit": f"ratio <= {RECOVERY_RATIO} (time: or within {RECOVERY_SLACK_S} s); all articles would give "
                     f"{r2['articles_before'] / max(r1['articles_before'], 1):.1f}",
        }
    else:
        checks["recovery"] = {"passed": False, "error": "fewer than two restarts"}
    checks["garbage_rejected"] = {"passed": soak.garbage > 0 and soak.rejected.get("no_letters", 0) == soak.garbage,
                                  "sent": soak.garbage, "rejected_by_reason": soak.rejected}
    checks["clean_stop"] = {"passed": not soak.left_behind, "stop_s": soak.stopped_s, "left_behind": soak.left_behind}
    return checks


# ----------------------------------------------------------------------------------- output

def plot(report: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    samples = report["samples"]
    if not samples:
        return
    t = [s["t"] for s in samples]
    fig, axes = plt.subplots(3, 1, figsize=(7, 7.5), sharex=True)
    tables = sorted({k for s in samples for k in s["tables"]})
    for name in tables:
        axes[0].plot(t, [s["tables"].get(name, 0) for s in samples], label=name, lw=1.2)
    axes[0].set_yscale("symlog")
    axes[0].set_ylabel("table keys")
    axes[0].legend(fontsize=6, ncol=3, loc="upper left")
    for seg in report["segments"]:
        pts = [(s["t"], s["rss_mb"]) for s in samples if s["worker"] == seg["worker"]]
        if pts:
            axes[1].plot(*zip(*pts, strict=True), lw=1.2, label=f"worker {seg['worker']}")
    axes[1].set_ylabel("RSS MB (worker + parser)")
    axes[1].legend(fontsize=6)
    axes[2].plot(t, [sum(s["changelog_records"].values()) for s in samples], label="records (end - start offsets)")
    ax2 = axes[2].twinx()
    ax2.plot(t, [sum(s["changelog_bytes"].values()) / 2**20 for s in samples], color="tab:red", lw=1, label="MB on disk")
    ax2.set_ylabel("MB on disk", color="tab:red")
    axes[2].set_ylabel("changelog records")
    axes[2].set_xlabel("seconds")
    axes[2].legend(fontsize=6, loc="upper left")
    for ax in axes:
        for r in report["restarts"]:
            ax.axvspan(r["stopped_at"], r["ready_at"], color="0.85", lw=0)
    s = report["settings"]
    fig.suptitle(f"soak: {s['articles']} articles, window {s['window_seconds']} s, {s['rate']}/s "
                 f"({'passed' if report['passed'] else 'FAILED'}); grey: restarts", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)


def print_summary(report: dict[str, Any]) -> None:
    c = report["checks"]
    print()
    print(f"soak {report['date']}: {report['settings']['articles']} articles, window "
          f"{report['settings']['window_seconds']} s, {report['settings']['rate']}/s, {report['duration_s']:.0f} s")
    tb = c["table_bounds"]
    print(f"{'table':<20}{'max keys':>10}{'bound then':>12}{'max keys/bound':>16}")
    for name, w in sorted(tb.get("tables", {}).items()):
        print(f"{name:<20}{w['max_keys']:>10}{w['bound_at_max']:>12.0f}{w['max_ratio']:>16.2f}")
    print(f"table bounds after {tb['after_s']} s: {'PASS' if tb['passed'] else 'FAIL'} {tb['violations'][:3]}")
    rss = c["rss_flat"]
    for k, v in rss.items():
        if isinstance(v, dict):
            if "min_mb" in v:
                print(f"RSS {k}: {v['min_mb']:.0f}-{v['max_mb']:.0f} MB after {v['warm_up_until_s']} s "
                      f"(+{100 * v['growth']:.1f}%)")
            else:
                print(f"RSS last vs first worker: {v['first_mb']:.0f} -> {v['last_mb']:.0f} MB "
                      f"({100 * v['growth']:+.1f}%)")
    print(f"RSS flat within {100 * RSS_TOLERANCE:.0f}%: {'PASS' if rss['passed'] else 'FAIL'}")
    r = c["recovery"]
    if "articles" in r:
        print(f"restart after {r['articles'][0]} / {r['articles'][1]} articles: replayed {r['replay_records'][0]} / "
              f"{r['replay_records'][1]} records ({r['live_keys'][0]} / {r['live_keys'][1]} live keys), "
              f"recovery {r['recovery_s'][0]:.2f} / {r['recovery_s'][1]:.2f} s; ratios {r['records_ratio']} "
              f"(records), {r['time_ratio']} (time); {r['limit']}")
    print(f"recovery proportional to live keys: {'PASS' if r['passed'] else 'FAIL'}")
    g = c["garbage_rejected"]
    print(f"garbage text: {g['sent']} sent, rejected by reason {g['rejected_by_reason']}: {'PASS' if g['passed'] else 'FAIL'}")
    st = c["clean_stop"]
    print(f"SIGTERM to worker and broker: all gone after {st['stop_s']} s, processes left {st['left_behind'] or 'none'}: "
          f"{'PASS' if st['passed'] else 'FAIL'}")
    print(f"soak {'PASSED' if report['passed'] else 'FAILED'}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=None, help="articles in all (default 4000; 120 with --short)")
    p.add_argument("--window-seconds", type=float, default=None, help="dedup window (default 60; 5 with --short)")
    p.add_argument("--rate", type=float, default=None, help="articles per second (default 8; 6 with --short)")
    p.add_argument("--out", default="soak-out", help="output folder (default soak-out)")
    p.add_argument("--short", action="store_true", help="the short version (about 60-90 s)")
    p.add_argument("--interval", type=float, default=None, help="seconds between samples (default 2; 1 with --short)")
    p.add_argument("--print-every", type=float, default=5.0, help="seconds between printed samples (default 5)")
    p.add_argument("--partitions", type=int, default=4, help="partitions of every topic (default 4)")
    p.add_argument("--compaction", choices=("scaled", "default"), default="scaled",
                   help="scaled: Kafka's compaction times compressed like the window (default); default: Kafka's own")
    args = p.parse_args(argv)
    if args.articles is None:
        args.articles = 120 if args.short else 4000
    if args.window_seconds is None:
        args.window_seconds = 5.0 if args.short else 60.0
    if args.rate is None:
        args.rate = 6.0 if args.short else 8.0
    if args.interval is None:
        args.interval = 1.0 if args.short else 2.0
    if args.articles < 4 or args.rate <= 0 or args.window_seconds <= 0:
        p.error("--articles must be at least 4, --rate and --window-seconds more than 0")
    return args


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (and SIGHUP) end the run like Ctrl-C, so the broker and the worker are stopped."""
    def _raise(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    old = {s: signal.signal(s, _raise) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with stop_on_sigterm():
        try:
            return Soak(args).execute()
        except (RuntimeError, TimeoutError, subprocess.CalledProcessError) as exc:
            log(f"error: {exc}")
            return 2
        except KeyboardInterrupt:
            log("interrupted")
            return 130


if __name__ == "__main__":
    sys.exit(main())
