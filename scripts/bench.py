"""Benchmark geoevents on one generated corpus: raw spaCy, offline extraction, Kafka end to end.

Phases (all on the same corpus, see docs/benchmark.md):
  1. raw      - `nlp.pipe` with the project's model in this process (articles/s, words/s); then in
                two processes at once, each on half the corpus (how far the parse alone scales here)
  2. extract  - `extract_batch` in batches of 16 in this process (what `geoevents extract` runs)
  3. e2e      - through a real Kafka broker with one worker, then with two workers (fresh app id and
                topics per run, GEOEVENTS_PARTITIONS=4), from the first publish until every article is
                extracted or rejected, every event is on `events` and every mention is counted
  4. latency  - publish -> first event of the article on `events` at half the one-worker capacity
                (on the one-worker stack of phase 3, with articles it has not seen)
  5. memory   - peak RSS of each worker process plus its children (the parsing process), every 0.5 s

Usage: .venv/bin/python scripts/bench.py [--articles 1000] [--tiny] [--output bench.json]
The broker is started here (free ports, temporary data dir) unless GEOEVENTS_BROKER is set.
Everything started here is stopped on exit, on errors and on Ctrl-C / SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import platform
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCRIPTS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = SCRIPTS_DIR.parent
for p in (str(PROJECT_DIR), str(SCRIPTS_DIR)):
    if p not in sys.path:
        sys.path.insert(0, p)

import psutil  # noqa: E402
from make_corpus import DEFAULT_OUTPUT, DEFAULT_SEED, generate, write_corpus  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from streams.errors import GeoeventsError  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.testing import Workers, counters, isolated_env, start_broker  # noqa: E402

console = Console(stderr=True, highlight=False)

TARGETS = {
    "e2e_vs_raw": 0.90,          # e2e 1 worker >= 90% of raw nlp.pipe
    "scaling_2workers": 1.7,     # 2 workers >= 1.7x one worker
    "latency_ms_p95": 500.0,     # at half the one-worker capacity
    "worker_rss_mb": 700.0,      # worker + parsing process
}


def log(msg: str) -> None:
    console.print(f"[dim]{time.strftime('%H:%M:%S')}[/dim] {msg}")


# ---------------------------------------------------------------------------------------------
# machine
# ---------------------------------------------------------------------------------------------

def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info(model: str) -> dict[str, Any]:
    import spacy

    try:
        from importlib.metadata import version

        model_version = version(model.replace("_", "-"))
    except Exception:  # noqa: BLE001
        model_version = "?"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "host": platform.node(),
        "cores": os.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "cpu_model": cpu_model(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model_name": model,
        "model_version": model_version,
    }


# ---------------------------------------------------------------------------------------------
# phases 1 and 2: in this process
# ---------------------------------------------------------------------------------------------

def phase_raw(articles: list[dict[str, Any]], model: str) -> dict[str, Any]:
    from streams.extraction.nlp import load_nlp

    nlp = load_nlp(model)
    texts = [a["text"] for a in articles]
    list(nlp.pipe(texts[:4], batch_size=16))  # warm up (lazy init of the pipes)
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    secs = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    return {"raw_seconds": secs, "raw_articles_per_s": len(texts) / secs, "raw_words_per_s": words / secs,
            "raw_tokens_per_s": tokens / secs, "corpus_words": words, "corpus_tokens": tokens}


def _raw_share(model: str, texts: list[str], barrier: Any, out: Any) -> None:
    """One process of `phase_raw_parallel`: load, warm up, wait for the others, parse its share."""
    from streams.extraction.nlp import load_nlp

    nlp = load_nlp(model)
    list(nlp.pipe(texts[:4], batch_size=16))
    barrier.wait()
    t0, c0 = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    out.put((time.perf_counter() - t0, time.process_time() - c0))


def phase_raw_parallel(articles: list[dict[str, Any]], model: str, processes: int = 2) -> dict[str, Any]:
    """Raw `nlp.pipe` in `processes` processes started together, each on every n-th article: the
    most any number of workers could reach on this machine if Kafka, Faust and the broker cost
    nothing. Throughput = corpus / the slower process's time."""
    ctx = multiprocessing.get_context("spawn")
    texts = [a["text"] for a in articles]
    barrier, out = ctx.Barrier(processes + 1), ctx.Queue()
    procs = [ctx.Process(target=_raw_share, args=(model, texts[i::processes], barrier, out), daemon=True)
             for i in range(processes)]
    for proc in procs:
        proc.start()
    try:
        barrier.wait(timeout=300)  # a process that fails to load breaks the barrier (a RuntimeError)
        times = [out.get(timeout=600 + 2 * len(texts)) for _ in procs]
    except queue.Empty as exc:
        raise RuntimeError("a parsing process of phase 1b gave no result") from exc
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
    wall = max(t for t, _cpu in times)
    return {"raw_processes": processes, "raw_parallel_seconds": wall,
            "raw_parallel_articles_per_s": len(texts) / wall,
            "raw_parallel_cpu_seconds": round(sum(c for _t, c in times), 2)}


def phase_extract(articles: list[dict[str, Any]], model: str, batch_size: int = 16) -> dict[str, Any]:
    from streams.extraction.pipeline import extract_batch, get_extractor
    from streams.validate import validate_article

    ex = get_extractor(model)
    ex.process({"id": "warm", "text": "Russia attacked Ukraine.", "published_at": "2026-01-01T00:00:00Z"})
    # validation runs in the worker's ingest agent, not in extract_batch: timed apart (diagnostic)
    t0 = time.perf_counter()
    valid = [validate_article(json.dumps(a).encode()) for a in articles]
    validate_secs = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_events = n_mentions = n_errors = 0
    done: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for i in range(0, len(valid), batch_size):
        for article, result in zip(valid[i:i + batch_size], extract_batch(valid[i:i + batch_size], model), strict=True):
            if "error" in result:
                n_errors += 1
                continue
            n_events += len(result["events"])
            n_mentions += len(result["mentions"])
            done.append((article, result["events"]))
    secs = time.perf_counter() - t1
    stories_secs = story_records_seconds(done)
    words = sum(len(a["text"].split()) for a in articles)
    return {"extract_seconds": secs, "extract_articles_per_s": len(articles) / secs,
            "extract_words_per_s": words / secs, "extract_events": n_events, "extract_mentions": n_mentions,
            "extract_errors": n_errors, "validate_ms_per_article": 1000 * validate_secs / len(articles),
            "story_records_ms_per_article": 1000 * stories_secs / len(articles)}


def story_records_seconds(done: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> float:
    """What the stories stage adds to the parsing process: the story records of every article, serialised."""
    from streams import jsonio
    from streams.stories import contributions

    now = time.time()
    t0 = time.perf_counter()
    for article, events in done:
        for c in contributions(article, events, now):
            jsonio.dumps(c)
    return time.perf_counter() - t0


# ---------------------------------------------------------------------------------------------
# processes: broker, workers, memory sampler
# ---------------------------------------------------------------------------------------------

class MemorySampler(threading.Thread):
    """Every `interval` s: RSS of each worker process plus all its descendants; keeps the peaks."""

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(daemon=True, name="rss-sampler")
        self.interval = interval
        self.workers: dict[str, int] = {}   # label -> pid
        self.peak: dict[str, dict[str, float]] = {}
        self.descendants: set[int] = set()  # every pid seen under a worker (to clean up leftovers)
        self._halt = threading.Event()
        self._lock = threading.Lock()
        self._kids: dict[int, list[psutil.Process]] = {}  # worker pid -> its descendants, last looked up
        self._samples = 0

    def _children(self, proc: psutil.Process) -> list[psutil.Process]:
        """The worker's descendants, looked up again every 10th sample or when one has gone: the
        lookup reads every process of the machine (about 1 ms), and the bench should not take CPU
        from the workers it measures."""
        kids = self._kids.get(proc.pid)
        if kids is None or self._samples % 10 == 0 or not all(k.is_running() for k in kids):
            kids = self._kids[proc.pid] = proc.children(recursive=True)
            self.descendants.update(k.pid for k in kids)
        return kids

    def watch(self, label: str, pid: int) -> None:
        with self._lock:
            self.workers[label] = pid

    def unwatch(self, label: str) -> None:
        with self._lock:
            self.workers.pop(label, None)

    def sample_once(self) -> None:
        with self._lock:
            items = list(self.workers.items())
        self._samples += 1
        for label, pid in items:
            try:
                proc = psutil.Process(pid)
                main = proc.memory_info().rss
                kids = 0
                for child in self._children(proc):
                    try:
                        kids += child.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                continue
            total = (main + kids) / 2**20
            cur = self.peak.setdefault(label, {"total_mb": 0.0, "worker_mb": 0.0, "children_mb": 0.0})
            if total > cur["total_mb"]:
                cur.update(total_mb=total, worker_mb=main / 2**20, children_mb=kids / 2**20)

    def run(self) -> None:
        while not self._halt.is_set():
            self.sample_once()
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()


class Stack:
    """Owns everything the benchmark starts (streams/testing.py); `close()` stops it all (idempotent)."""

    def __init__(self, tmp: Path, sampler: MemorySampler) -> None:
        self.tmp = tmp
        self.sampler = sampler
        self.kafka: Any = None
        self.groups: list[Workers] = []
        self.bootstrap = ""

    def start_broker(self) -> str:
        from streams.settings import get_settings

        external = os.environ.get("GEOEVENTS_BROKER")
        if external:
            log(f"using the broker at {external}")
            self.bootstrap = external
            return external
        log("starting Kafka ...")
        t0 = time.perf_counter()
        self.kafka = start_broker(self.tmp / "broker", libs=get_settings().kafka_libs)
        log(f"Kafka ready on {self.kafka.bootstrap} in {time.perf_counter() - t0:.1f}s")
        self.bootstrap = f"kafka://{self.kafka.bootstrap}"
        return self.bootstrap

    def run_env(self, label: str) -> dict[str, str]:
        """A run of its own: app id, topics (4 partitions) and state."""
        return isolated_env(self.bootstrap, self.tmp / f"{label}-state", f"geoevents-bench-{label}", partitions=4)

    def start_workers(self, env: dict[str, str], n: int, label: str, timeout: float) -> Workers:
        group = Workers(env, self.tmp, name=f"{label}-w")
        self.groups.append(group)
        t0 = time.perf_counter()
        started = group.start_many(n, ready=False)
        for w in started:
            self.sampler.watch(w.label, w.proc.pid)
        for w in started:
            w.wait_ready(max(1.0, timeout - (time.perf_counter() - t0)))
        wait_assignment(started, env["GEOEVENTS_TOPIC_ARTICLES"], 4, timeout)
        log(f"{n} worker(s) ready and assigned in {time.perf_counter() - t0:.1f}s: "
            + ", ".join(f"pid {w.proc.pid} {w.url}" for w in started))
        return group

    def stop_workers(self, group: Workers) -> None:
        labels = [w.label for w in group.procs]
        try:
            group.stop_all(timeout=30)
        except Exception:  # noqa: BLE001 - stop what can be stopped
            pass
        for label in labels:
            self.sampler.unwatch(label)
        if group in self.groups:
            self.groups.remove(group)
        self._reap_descendants()

    def _reap_descendants(self) -> None:
        """Kill parsing processes a stopped worker left behind (only pids seen under our workers)."""
        for pid in list(self.sampler.descendants):
            try:
                p = psutil.Process(pid)
                if p.status() != psutil.STATUS_ZOMBIE:
                    p.kill()
            except psutil.Error:
                pass
            self.sampler.descendants.discard(pid)

    def cpu_seconds(self, workers: list[Any]) -> dict[str, float]:
        """CPU time (user + system) so far of the workers' event loops, their parsing processes and
        the broker: where the machine's time goes during a run."""
        out = {"worker_event_loops": 0.0, "parsing_processes": 0.0, "broker": 0.0}

        def cpu(p: psutil.Process) -> float:
            t = p.cpu_times()
            return float(t.user + t.system)

        for w in workers:
            try:
                proc = psutil.Process(w.proc.pid)
                out["worker_event_loops"] += cpu(proc)
                for child in proc.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        out["parsing_processes"] += cpu(child)
            except psutil.Error:
                continue
        if self.kafka is not None and self.kafka.process is not None:
            with contextlib.suppress(psutil.Error):
                out["broker"] = cpu(psutil.Process(self.kafka.process.pid))
        return out

    def close(self) -> None:
        for group in list(self.groups):
            self.stop_workers(group)
        if self.kafka is not None:
            log("stopping Kafka ...")
            self.kafka.stop()
            self.kafka = None


def wait_assignment(workers: list[Any], topic: str, partitions: int, timeout: float, settle: float = 3.0) -> None:
    """Wait until the workers split every partition of `topic`, nobody rebalances, for `settle` s."""
    deadline = time.monotonic() + timeout
    stable_since = None
    last: Any = None
    while time.monotonic() < deadline:
        healths = [w.health() for w in workers]
        for w in workers:
            if w.proc.poll() is not None:
                raise RuntimeError(f"worker {w.label} exited with code {w.proc.returncode}")
        ok = all(h and h["status"] == "ok" and not h["rebalancing"] for h in healths)
        if ok:
            owned = [{a for a in h["assigned"] if a.rsplit(":", 1)[0] == topic} for h in healths]  # type: ignore[index]
            union = set().union(*owned)
            disjoint = sum(len(o) for o in owned) == len(union)
            ok = len(union) == partitions and disjoint and all(owned)
            last = owned
        if ok:
            stable_since = stable_since or time.monotonic()
            if time.monotonic() - stable_since >= settle:
                return
        else:
            stable_since = None
        time.sleep(0.5)
    raise TimeoutError(f"the workers did not settle on the partitions of {topic}: {last}")


def check_alive(workers: list[Any]) -> None:
    """Fail fast when a worker process has exited; quote the first crash reason from its log."""
    for w in workers:
        code = w.proc.poll()
        if code is None:
            continue
        reason = ""
        try:
            for line in Path(w.log.name).read_text(errors="replace").splitlines():
                if "Crashed reason=" in line or "CRITICAL" in line:
                    reason = line.strip()[:300]
                    break
        except OSError:
            pass
        raise RuntimeError(f"worker {w.label} (pid {w.proc.pid}) exited with code {code} during the run"
                           + (f"; first crash in its log: {reason}" if reason else "")
                           + f"; log: {w.log.name}")


def scrape(workers: list[Any]) -> dict[str, float]:
    """Sums of a few histogram series from every worker's /metrics (where the time went)."""
    import urllib.request

    want = ("geoevents_extraction_seconds_sum", "geoevents_extraction_seconds_count",
            "geoevents_batch_articles_sum", "geoevents_batch_articles_count", "geoevents_story_seconds_total")
    out = dict.fromkeys(want, 0.0)
    for w in workers:
        try:
            with urllib.request.urlopen(f"{w.url}/metrics", timeout=5) as resp:
                text = resp.read().decode()
        except OSError:
            continue
        for line in text.splitlines():
            name, _, value = line.partition(" ")
            if name in out:
                out[name] += float(value)
    return out


# ---------------------------------------------------------------------------------------------
# phase 3: throughput through Kafka
# ---------------------------------------------------------------------------------------------


async def _events_consumer(settings: Any, isolation: str = "read_committed") -> Any:
    """A group-less consumer of the whole `events` topic, started and assigned."""
    from aiokafka import AIOKafkaConsumer

    from streams.clients import security_kwargs

    cons = AIOKafkaConsumer(settings.topic_events, bootstrap_servers=settings.bootstrap_servers, group_id=None,
                            auto_offset_reset="earliest", enable_auto_commit=False, isolation_level=isolation,
                            **security_kwargs(settings))
    await cons.start()
    deadline = time.monotonic() + 30
    while not cons.assignment() and time.monotonic() < deadline:
        await cons.getmany(timeout_ms=200)
    return cons


class EventCount:
    """How many events are on `events`. Under at_least_once, the sum of the partitions' end offsets,
    read at every poll without fetching a record, so the bench process does not compete with the
    workers for CPU by reading every event. Under exactly_once the end offsets also count aborted
    records and transaction markers, so every committed event is read (read_committed)."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.by_offsets = settings.guarantee != "exactly_once"
        self.cons: Any = None
        self.tps: list[Any] = []
        self.seen = 0
        self.last_event: float | None = None

    async def start(self) -> None:
        if not self.by_offsets:
            self.cons = await _events_consumer(self.settings)
            return
        from aiokafka import AIOKafkaConsumer, TopicPartition

        from streams.clients import security_kwargs

        self.cons = AIOKafkaConsumer(bootstrap_servers=self.settings.bootstrap_servers, group_id=None,
                                     enable_auto_commit=False, **security_kwargs(self.settings))
        await self.cons.start()
        self.tps = [TopicPartition(self.settings.topic_events, p) for p in range(self.settings.partitions)]
        self.cons.assign(self.tps)
        self.cons.pause(*self.tps)

    async def _read(self, timeout_ms: int) -> None:
        batch = await self.cons.getmany(timeout_ms=timeout_ms)
        for records in batch.values():
            self.seen += len(records)
            self.last_event = time.perf_counter()

    async def idle(self) -> None:
        """Between polls: read what arrives (exactly_once), or just wait."""
        if self.by_offsets:
            await asyncio.sleep(0.05)
        else:
            await self._read(100)

    async def refresh(self) -> None:
        """At a poll: the end offsets (at_least_once), or what is there to read."""
        if not self.by_offsets:
            await self._read(0)
            return
        seen = sum((await self.cons.end_offsets(self.tps)).values())
        if seen > self.seen:
            self.seen, self.last_event = seen, time.perf_counter()

    async def stop(self) -> None:
        if self.cons is not None:
            await self.cons.stop()


def poll_interval(handled: float, total: int, elapsed: float) -> float:
    """Seconds to the next look at the counters: a quarter of the time the articles left should
    take at the rate so far, between 0.05 and 1 s. Polls cost the bench and the workers CPU that
    the run measures, and the end of the run is known only to the poll that sees it, so they are
    rare at the start and close together at the end (0.05 s once every article is handled)."""
    if handled >= total:
        return 0.05
    if handled <= 0:
        return 0.5
    left = (total - handled) * elapsed / handled
    return min(1.0, max(0.05, left / 4))


async def throughput_run(settings: Any, workers: list[Any], lines: list[bytes], ids: list[str],
                         timeout: float) -> dict[str, Any]:
    from streams.clients import producer

    events = EventCount(settings)
    await events.start()
    prod = producer(settings)
    await prod.start()
    try:
        t0 = time.perf_counter()
        futures = [await prod.send(settings.topic_articles, value=v, key=k.encode()) for k, v in zip(ids, lines, strict=True)]
        await asyncio.gather(*futures)
        t_published = time.perf_counter()
        deadline = time.monotonic() + timeout
        next_poll = 0.0
        done_at = None
        c: dict[str, float] = {}
        last_progress: tuple[float, ...] = ()
        progress_at = time.perf_counter()
        stall_after = 150.0  # > the 60 s transaction timeout, so a fenced producer gets one chance to recover
        while time.monotonic() < deadline:
            now = time.perf_counter()
            if now < next_poll:
                await events.idle()
                continue
            await events.refresh()
            check_alive(workers)
            c = await asyncio.to_thread(counters, workers)
            handled = c.get("articles_extracted", 0) + c.get("articles_rejected", 0)
            next_poll = now + poll_interval(handled, len(lines), now - t0)
            counted = c.get("mentions_counted", 0) >= c.get("mentions_out", 0)
            if handled >= len(lines) and counted:
                done_at = done_at or now
                if events.seen >= c.get("events_out", 0):
                    break
                # events lost to an aborted transaction are re-sent, so the topic can hold fewer
                # committed events than the counter says: accept after 5 s without a new one
                if events.last_event is not None and now - max(events.last_event, done_at) > 5:
                    break
            else:
                done_at = None
            progress = (c.get("articles_extracted", 0), c.get("articles_rejected", 0), c.get("mentions_counted", 0),
                        events.seen)
            if progress != last_progress:
                last_progress, progress_at = progress, now
            elif now - progress_at > stall_after:
                raise TimeoutError(f"no progress for {stall_after:.0f}s (stalled worker?): counters {c}, "
                                   f"{events.seen} events seen; see the worker log")
        else:
            raise TimeoutError(f"the run did not finish within {timeout:.0f}s: counters {c}, "
                               f"{events.seen} events seen")
        t_end = max(done_at or 0.0, events.last_event or 0.0)
        secs = t_end - t0
        return {"seconds": secs, "articles_per_s": len(lines) / secs, "publish_seconds": t_published - t0,
                "events": events.seen, "events_counted_by": "end offsets" if events.by_offsets else "reading",
                "counters": c}
    finally:
        await prod.stop()
        await events.stop()


def machine_cpu() -> dict[str, float]:
    """Busy and idle CPU seconds of the whole machine (all cores), this process's CPU seconds, now."""
    t = psutil.cpu_times()
    own = psutil.Process().cpu_times()
    return {"busy": t.user + t.nice + t.system + getattr(t, "irq", 0.0) + getattr(t, "softirq", 0.0),
            "idle": t.idle + getattr(t, "iowait", 0.0), "bench": own.user + own.system, "wall": time.perf_counter()}


def machine_use(before: dict[str, float], after: dict[str, float], cpu: dict[str, float],
                articles: int) -> dict[str, Any]:
    """How busy the machine was during a run, and its CPU per article split by who spent it
    (`other`: the kernel's share not charged to a process, and everything else running)."""
    d = {k: after[k] - before[k] for k in before}
    per = {k: 1000 * v / articles for k, v in cpu.items()}
    per["bench_process"] = 1000 * d["bench"] / articles
    per["other"] = 1000 * d["busy"] / articles - sum(per.values())
    return {"busy_seconds": round(d["busy"], 1), "idle_seconds": round(d["idle"], 1),
            "cores_busy": round(d["busy"] / d["wall"], 2),
            "cpu_ms_per_article": {k: round(v, 1) for k, v in per.items()},
            "total_cpu_ms_per_article": round(1000 * d["busy"] / articles, 1)}


def phase_e2e(stack: Stack, articles: list[dict[str, Any]], n_workers: int, label: str,
              ready_timeout: float, after: Any = None) -> dict[str, Any]:
    """One throughput run on fresh topics; `after(settings, workers, result)` runs before the workers stop."""
    env = stack.run_env(label)
    settings = Settings.from_mapping(env)
    log(f"e2e with {n_workers} worker(s): app id {settings.app_id}")
    group = stack.start_workers(env, n_workers, label, ready_timeout)
    workers = list(group.procs)
    lines = [json.dumps(a, ensure_ascii=False).encode() for a in articles]
    ids = [str(a["id"]) for a in articles]
    try:
        timeout = max(300.0, 3.0 * len(lines))
        cpu_before, machine_before = stack.cpu_seconds(workers), machine_cpu()
        res = asyncio.run(throughput_run(settings, workers, lines, ids, timeout))
        cpu_after, machine_after = stack.cpu_seconds(workers), machine_cpu()
        res["cpu_seconds"] = {k: round(cpu_after.get(k, 0.0) - v, 1) for k, v in cpu_before.items()}
        res["machine_cpu"] = machine_use(machine_before, machine_after, res["cpu_seconds"], len(lines))
        res["metrics"] = scrape(workers)
        log(f"  {len(lines)} articles in {res['seconds']:.1f}s = {res['articles_per_s']:.2f} articles/s "
            f"({res['events']} events, counters {res['counters']})")
        if after is not None:
            res["after"] = after(settings, workers, res)
        return res
    finally:
        stack.stop_workers(group)


# ---------------------------------------------------------------------------------------------
# phase 4: latency at a steady rate
# ---------------------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-q * len(s) // 100)) - 1))
    return s[k]


async def latency_run(settings: Any, workers: list[Any], articles: list[dict[str, Any]], rate: float,
                      timeout: float) -> dict[str, Any]:
    from streams.clients import producer

    cons = await _events_consumer(settings)                              # what downstream readers see
    raw_cons = await _events_consumer(settings, "read_uncommitted")      # diagnostic: before the commit
    prod = producer(settings)
    await prod.start()
    wanted = {str(a["id"]) for a in articles}
    sent: dict[str, float] = {}
    first: dict[str, float] = {}
    first_raw: dict[str, float] = {}

    async def drain(c: Any, into: dict[str, float]) -> None:
        while True:
            batch = await c.getmany(timeout_ms=100)
            now = time.perf_counter()
            for records in batch.values():
                for rec in records:
                    aid = json.loads(rec.value).get("article_id")
                    if aid in wanted and aid not in into:
                        into[aid] = now

    readers = [asyncio.create_task(drain(cons, first)), asyncio.create_task(drain(raw_cons, first_raw))]
    base = await asyncio.to_thread(counters, workers)
    try:
        futures = []
        t0 = time.perf_counter()
        for k, a in enumerate(articles):
            delay = t0 + k / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if k % 10 == 0:
                check_alive(workers)
            aid = str(a["id"])
            sent[aid] = time.perf_counter()
            futures.append(await prod.send(settings.topic_articles, value=json.dumps(a).encode(), key=aid.encode()))
        await asyncio.gather(*futures)
        publish_secs = time.perf_counter() - t0
        deadline = time.monotonic() + timeout
        settled_at = None
        incomplete = ""
        c: dict[str, float] = {}
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            check_alive(workers)
            c = await asyncio.to_thread(counters, workers)
            handled = (c.get("articles_extracted", 0) + c.get("articles_rejected", 0)
                       - base.get("articles_extracted", 0) - base.get("articles_rejected", 0))
            if handled >= len(articles) and c.get("mentions_counted", 0) >= c.get("mentions_out", 0):
                settled_at = settled_at or time.monotonic()
                if time.monotonic() - settled_at > 3.0:   # let the last transaction commit
                    break
        else:
            # keep what was measured rather than lose the whole benchmark; flagged in the JSON
            incomplete = f"did not settle in {timeout:.0f}s: counters {c} (before: {base})"
            log(f"[yellow]warning:[/yellow] latency run {incomplete}")
    finally:
        for t in readers:
            t.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
        await prod.stop()
        await cons.stop()
        await raw_cons.stop()
    lat = [1000 * (first[i] - sent[i]) for i in first]
    lat_raw = [1000 * (first_raw[i] - sent[i]) for i in first_raw]
    return {
        "rate_per_s": rate, "articles": len(articles), "articles_with_events": len(lat),
        "publish_seconds": publish_secs,
        "latency_ms_p50": percentile(lat, 50), "latency_ms_p95": percentile(lat, 95),
        "latency_ms_p99": percentile(lat, 99), "latency_ms_max": max(lat) if lat else float("nan"),
        "uncommitted_latency_ms_p50": percentile(lat_raw, 50), "uncommitted_latency_ms_p95": percentile(lat_raw, 95),
        "uncommitted_latency_ms_p99": percentile(lat_raw, 99),
        "incomplete": incomplete,
    }


# ---------------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------------

def report(r: dict[str, Any]) -> None:
    def f(v: Any, nd: int = 1) -> str:
        return "-" if v is None else f"{v:,.{nd}f}"

    def verdict(ok: bool | None) -> str:
        return "" if ok is None else ("[green]met[/green]" if ok else "[red]missed[/red]")

    raw = r["raw_articles_per_s"]
    e1 = r["e2e_articles_per_s_1worker"]
    e2 = r["e2e_articles_per_s_2workers"]
    t = Table(title=f"geoevents benchmark - {r['corpus']['articles']} articles, "
                    f"{r['corpus']['words']:,} words, {r['machine']['cores']} cores ({r['machine']['cpu_model']})")
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_column("target", justify="right")
    t.add_column("", justify="left")
    t.add_row("raw nlp.pipe articles/s", f(raw, 2), "", "")
    t.add_row("raw nlp.pipe words/s", f(r["raw_words_per_s"], 0), "", "")
    t.add_row("extract_batch articles/s (offline)", f(r["extract_articles_per_s"], 2),
              "", f"{r['extract_articles_per_s'] / raw:.0%} of raw")
    t.add_row("validation ms/article (offline)", f(r["validate_ms_per_article"], 2), "", "")
    t.add_row("e2e articles/s, 1 worker", f(e1, 2), f">= {TARGETS['e2e_vs_raw'] * raw:.2f} (90% raw)",
              verdict(e1 >= TARGETS["e2e_vs_raw"] * raw) + f" {e1 / raw:.0%} of raw")
    t.add_row("e2e articles/s, 2 workers", f(e2, 2), f">= {TARGETS['scaling_2workers'] * e1:.2f} (1.7x)",
              verdict(e2 >= TARGETS["scaling_2workers"] * e1) + f" {e2 / e1:.2f}x")
    lat = r["latency"]
    t.add_row(f"latency p50 ms @ {lat['rate_per_s']:.2f}/s", f(r["latency_ms_p50"], 0), "", "")
    t.add_row("latency p95 ms", f(r["latency_ms_p95"], 0), f"<= {TARGETS['latency_ms_p95']:.0f}",
              verdict(r["latency_ms_p95"] <= TARGETS["latency_ms_p95"]))
    t.add_row("latency p99 ms", f(r["latency_ms_p99"], 0), "", "")
    t.add_row("  p50/p95 before commit (read_uncommitted)",
              f"{f(lat['uncommitted_latency_ms_p50'], 0)} / {f(lat['uncommitted_latency_ms_p95'], 0)}", "", "")
    t.add_row("peak worker RSS MB (worker + parser)", f(r["worker_rss_mb"], 0),
              f"<= {TARGETS['worker_rss_mb']:.0f}", verdict(r["worker_rss_mb"] <= TARGETS["worker_rss_mb"]))
    t.add_row("raw nlp.pipe articles/s, 2 processes at once", f(r["raw_parallel_articles_per_s"], 2), "",
              f"{r['raw_parallel_scaling']:.2f}x one process")
    for label, key in (("1 worker", "e2e_1worker"), ("2 workers", "e2e_2workers")):
        m = r[key]["machine_cpu"]
        per = m["cpu_ms_per_article"]
        t.add_row(f"CPU ms/article, {label}: parsing / event loops / broker / rest",
                  f"{per['parsing_processes']:.0f} / {per['worker_event_loops']:.0f} / {per['broker']:.0f} / "
                  f"{per['bench_process'] + per['other']:.0f}",
                  "", f"{m['cores_busy']:.2f} cores busy, wall {r[key]['seconds']:.0f} s")
    share = r["stories_stage_share"]
    t.add_row("stories stage: CPU ms/article (agent + records) / share of e2e", f"{r['stories_stage_ms_per_article']:.2f}",
              "<= 5% of e2e", verdict(share <= 0.05) + f" {share:.1%} of {1000 / e1:.0f} ms per article")
    t.add_row("2-worker ceiling (cores / cores busy with 1 worker)", f"{r['scaling_ceiling_2workers']:.2f}x", "",
              "at the CPU per article of the 1-worker run")
    Console(highlight=False, width=None if sys.stdout.isatty() else 120).print(t)


# ---------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="geoevents benchmark (see docs/benchmark.md)")
    ap.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    ap.add_argument("--tiny", action="store_true", help="small run for the test suite: short latency phase")
    ap.add_argument("--output", type=Path, default=PROJECT_DIR / "bench.json")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_OUTPUT, help="where the corpus is written")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--latency-seconds", type=float, default=None, help="length of the latency phase (30; 6 with --tiny)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (worker and broker logs)")
    ap.add_argument("--ready-timeout", type=float, default=240.0, help="seconds to wait for workers to be ready")
    args = ap.parse_args(argv)
    if args.articles < 1:
        ap.error("--articles must be positive")
    lat_secs = args.latency_seconds or (6.0 if args.tiny else 30.0)

    def on_term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_term)
    os.environ.pop("GEOEVENTS_WEB_PORT", None)
    from streams.settings import get_settings

    model = get_settings().model
    log(f"writing a corpus of {args.articles} articles (seed {args.seed}) to {args.corpus}")
    corpus = write_corpus(args.corpus, args.articles, args.seed)
    words = [len(str(a["text"]).split()) for a in corpus]
    result: dict[str, Any] = {
        "machine": machine_info(model),
        "corpus": {"path": str(args.corpus), "seed": args.seed, "articles": len(corpus), "words": sum(words),
                   "words_min": min(words), "words_max": max(words), "words_mean": sum(words) / len(words)},
        "corpus_articles": len(corpus),
        "tiny": args.tiny,
        "settings": {k: v for k, v in get_settings().public().items()
                     if k in ("guarantee", "batch_size", "batch_within", "nlp_processes", "store", "model")},
        "targets": TARGETS,
    }
    result["settings"]["partitions"] = 4

    tmp = Path(tempfile.mkdtemp(prefix="geoevents-bench-"))
    sampler = MemorySampler(0.5)
    stack = Stack(tmp, sampler)
    try:
        log("phase 1: raw nlp.pipe")
        result.update(phase_raw(corpus, model))
        log(f"  {result['raw_articles_per_s']:.2f} articles/s, {result['raw_words_per_s']:,.0f} words/s")
        log("phase 1b: raw nlp.pipe in 2 processes at once")
        result.update(phase_raw_parallel(corpus, model, 2))
        result["raw_parallel_scaling"] = result["raw_parallel_articles_per_s"] / result["raw_articles_per_s"]
        log(f"  {result['raw_parallel_articles_per_s']:.2f} articles/s ({result['raw_parallel_scaling']:.2f}x one process)")
        log("phase 2: extract_batch (offline)")
        result.update(phase_extract(corpus, model))
        log(f"  {result['extract_articles_per_s']:.2f} articles/s")

        sampler.start()
        stack.start_broker()

        # latency articles: the continuation of the same generator, never seen by the worker
        n_lat_max = max(10, int(lat_secs * max(result["raw_articles_per_s"], 1.0)) + 1)
        lat_pool = generate(len(corpus) + n_lat_max, args.seed)[len(corpus):]
        for a in lat_pool:
            a["id"] = f"{a['id']}-lat"

        def latency_phase(settings: Any, workers: list[Any], e2e: dict[str, Any]) -> dict[str, Any]:
            rate = max(0.2, 0.5 * e2e["articles_per_s"])
            n = max(5, min(len(lat_pool), round(rate * lat_secs)))
            log(f"phase 4: latency at {rate:.2f} articles/s (half the 1-worker rate), {n} articles (~{n / rate:.0f}s)")
            res = asyncio.run(latency_run(settings, workers, lat_pool[:n], rate, timeout=120 + 3 * n))
            log(f"  p50 {res['latency_ms_p50']:.0f} ms, p95 {res['latency_ms_p95']:.0f} ms, "
                f"p99 {res['latency_ms_p99']:.0f} ms ({res['articles_with_events']} articles with events)")
            return res

        log("phase 3a: end to end, 1 worker (then phase 4 on the same worker)")
        one = phase_e2e(stack, corpus, 1, "one", args.ready_timeout, after=latency_phase)
        latency = one.pop("after")
        rss_one = dict(sampler.peak)
        log("phase 3b: end to end, 2 workers")
        two = phase_e2e(stack, corpus, 2, "two", args.ready_timeout)
        sampler.sample_once()
        peaks = {k: {kk: round(vv, 1) for kk, vv in v.items()} for k, v in sampler.peak.items()}
        result.update({
            "e2e_articles_per_s_1worker": one["articles_per_s"],
            "e2e_articles_per_s_2workers": two["articles_per_s"],
            "e2e_1worker": one,
            "e2e_2workers": two,
            "e2e_vs_raw": one["articles_per_s"] / result["raw_articles_per_s"],
            "scaling_2workers": two["articles_per_s"] / one["articles_per_s"],
            # two workers can use at most every core; with the CPU per article of the one-worker run:
            "scaling_ceiling_2workers": min(2.0, result["machine"]["cores"] / one["machine_cpu"]["cores_busy"]),
            "latency_ms_p50": latency["latency_ms_p50"],
            "latency_ms_p95": latency["latency_ms_p95"],
            "latency_ms_p99": latency["latency_ms_p99"],
            "latency": latency,
            "worker_rss_mb": max(v["total_mb"] for v in sampler.peak.values()),
            "worker_rss_mb_1worker_run": max((v["total_mb"] for v in rss_one.values()), default=0.0),
            "worker_rss": peaks,
        })
        # the stories stage: its agent's time in the worker (metric) and its records in the parsing
        # process (timed offline), per article, against the wall time per article of one worker
        agent_ms = 1000 * one["metrics"]["geoevents_story_seconds_total"] / len(corpus)
        stage_ms = agent_ms + result["story_records_ms_per_article"]
        result["stories_stage_ms_per_article"] = stage_ms
        result["stories_agent_ms_per_article"] = agent_ms
        result["stories_stage_share"] = stage_ms / (1000 / one["articles_per_s"])
        for n_workers, res in ((1, one), (2, two)):
            m = res["metrics"]
            # CPU of the parsing processes over the wall time of the run, per parsing process
            res["parser_busy_fraction"] = res["cpu_seconds"]["parsing_processes"] / res["seconds"] / n_workers
            if m["geoevents_batch_articles_count"]:
                res["mean_batch_articles"] = m["geoevents_batch_articles_sum"] / m["geoevents_batch_articles_count"]
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, indent=2, default=str) + "\n")
        report(result)
        log(f"wrote {args.output}")
        return 0
    except KeyboardInterrupt:
        log("[red]interrupted[/red]: stopping everything")
        return 130
    except (RuntimeError, TimeoutError, GeoeventsError) as exc:
        log(f"[red]benchmark failed:[/red] {exc}")
        if not args.keep:
            log("(run with --keep to keep the worker and broker logs)")
        return 1
    finally:
        sampler.stop()
        stack.close()
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
