"""Fault scenarios against the real Kafka broker: `make reliability` (writes reliability.json).

Every scenario publishes articles to a fresh app (own app id, topics, broker when it needs one),
injects a fault while the worker is busy, waits until the pipeline settles and compares with the
reference: the offline extraction of the same normalised articles (`extract_batch`, event ids are
deterministic). Checked per scenario: the set of event_ids on `events` (read_committed) equals the
expected set with no duplicate, the all-time actor table (GET /api/actors/top?window=all&n=500)
equals the expected mention counts, and `articles-rejected` holds exactly the expected rejections
(topic-partition-offset and reason). Stories are exact when the stories API (GET
/api/stories/top?window=all) and the latest record of each key on the compacted `events.stories`
both equal the stories folded offline (streams/stories.py `group`) from the events on `events` and
the articles' publishers: every event counted once in its story, whatever the fault.
Exit status 1 if anything was lost, duplicated or wrongly rejected, or a table or story is not exact.

    python scripts/reliability.py [--articles 200] [--kills 4] [--fuzz 3000] [--outage 30] [--only kill,...]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streams import jsonio  # noqa: E402
from streams.broker import LocalKafka  # noqa: E402
from streams.diagnostics import acknowledged_holes  # noqa: E402
from streams.errors import RejectedInput  # noqa: E402
from streams.inputs import SAMPLES  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.testing import Workers, http_json, isolated_env, read_records, start_broker  # noqa: E402

SECRET_PASSWORD = "s3cr3t-Reliability-pw"
STORY_DAYS = 36500


# ---------------------------------------------------------------- environment and processes




def worker_env(bootstrap: str, tmp: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = isolated_env(bootstrap, tmp / "state", "rel")
    # the samples' stories are kept whatever their age, so every run checks them
    env["GEOEVENTS_STORY_DAYS"] = str(STORY_DAYS)
    env.update(extra or {})
    return env


# ---------------------------------------------------------------- inputs and the reference


def sample_docs() -> list[dict[str, Any]]:
    return [jsonio.loads(line) for line in SAMPLES.read_text().splitlines() if line.strip()]


def make_articles(n: int, run: str | None = None) -> list[bytes]:
    """n distinct valid articles (the samples with a unique id and a unique closing line)."""
    run = run or uuid.uuid4().hex[:6]
    docs = sample_docs()
    out = []
    for i in range(n):
        doc = dict(docs[i % len(docs)])
        doc["id"] = f"{run}-{i:05d}-{doc['id']}"
        doc["text"] = f"{doc['text']}\n\nArchive reference {run} {i}."
        out.append(jsonio.dumps(doc))
    return out


@dataclass
class Expected:
    event_ids: set[str] = field(default_factory=set)
    actors: Counter[str] = field(default_factory=Counter)
    # index of the payload in the published list -> reason
    rejected: dict[int, str] = field(default_factory=dict)
    valid: int = 0
    # article id -> the normalised article (its publisher makes the story's sources)
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)


def expected_for(payloads: list[bytes], max_bytes: int = 1_000_000, languages: tuple[str, ...] = ("en",),
                 batch: int = 16) -> Expected:
    """What the pipeline must produce: validation and extraction offline, on the normalised articles."""
    from streams.extraction.pipeline import extract_batch
    from streams.validate import validate_article

    exp = Expected()
    articles: list[tuple[int, dict[str, Any]]] = []
    ids: set[str] = set()
    hashes: set[str] = set()
    for i, raw in enumerate(payloads):
        try:
            article = validate_article(raw, max_bytes=max_bytes, languages=languages)
        except RejectedInput as exc:
            exp.rejected[i] = exc.reason
            continue
        if article["id"] in ids:
            raise ValueError(f"payload {i}: id {article['id']!r} repeats; the expected result would depend on order")
        if article["content_hash"] in hashes:
            raise ValueError(f"payload {i}: text repeats; the expected result would depend on order")
        ids.add(article["id"])
        hashes.add(article["content_hash"])
        exp.articles[article["id"]] = article
        if article["published_at"] is None:
            article["published_at"] = "2024-01-01T00:00:00Z"  # the worker uses the record time: no effect on ids
        articles.append((i, article))
    exp.valid = len(articles)
    for start in range(0, len(articles), batch):
        chunk = articles[start:start + batch]
        for (i, _), result in zip(chunk, extract_batch([a for _, a in chunk]), strict=True):
            if "error" in result:
                exp.rejected[i] = "extraction_failed"
                continue
            exp.event_ids.update(ev["event_id"] for ev in result["events"])
            exp.actors.update(m["actor"] for m in result["mentions"])
    return exp


# ---------------------------------------------------------------- Kafka clients


def publish(settings: Settings, payloads: list[bytes], keys: list[bytes | None] | None = None) -> list[tuple[int, int]]:
    """Send every payload (acks=all); return (partition, offset) of each."""
    from streams.clients import producer

    async def _send() -> list[tuple[int, int]]:
        prod = producer(settings, request_timeout_ms=60000)
        await prod.start()
        try:
            futs = []
            for i, value in enumerate(payloads):
                key = keys[i] if keys else None
                if key is None:
                    key = _id_key(value)
                futs.append(await prod.send(settings.topic_articles, value=value, key=key))
            metas = [await f for f in futs]
            return [(m.partition, m.offset) for m in metas]
        finally:
            await prod.stop()

    return asyncio.run(_send())


def _id_key(value: bytes) -> bytes | None:
    try:
        doc = jsonio.loads(value)
    except Exception:  # noqa: BLE001 - not JSON: no key
        return None
    if isinstance(doc, dict) and isinstance(doc.get("id"), str) and doc["id"]:
        return doc["id"].encode("utf-8", errors="replace")
    return None


def expected_stories(exp: Expected, events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The stories of the events on `events` (each event once) and their articles' publishers."""
    from streams.stories import comparable, group

    by_article: dict[str, dict[str, dict[str, Any]]] = {}
    for ev in events:
        by_article.setdefault(ev["article_id"], {})[ev["event_id"]] = ev
    pairs = [(exp.articles[aid], list(evs.values())) for aid, evs in by_article.items() if aid in exp.articles]
    return {sid: comparable(rec) for sid, rec in group(pairs, time.time(), horizon=STORY_DAYS * 86400.0).items()}


def story_views(settings: Settings, workers: Workers) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The stories as the API answers (None when no worker answers) and as `events.stories` holds them."""
    from streams.stories import comparable

    api = None
    for w in workers.alive():
        try:
            body = http_json(f"{w.url}/api/stories/top?window=all&n=500", timeout=20)
            api = {s["story_id"]: comparable(s) for s in body["stories"]}
            break
        except Exception:  # noqa: BLE001 - rebalancing or starting: try the next one
            continue
    latest: dict[str, Any] = {}
    for key, value in read_records(settings, settings.flow_topics.stories, idle=1.0):
        sid = key.decode() if key else ""
        if value is None:
            latest.pop(sid, None)  # a tombstone: the story was dropped
        else:
            latest[sid] = comparable(jsonio.loads(value))
    return api, latest


def stories_match(expected: dict[str, Any], api: dict[str, Any] | None, topic: dict[str, Any]) -> bool:
    from streams.stories import rank

    top = {sid: expected[sid] for sid in sorted(expected, key=lambda s: rank(expected[s]))[:500]}
    return api == top and topic == expected


def actor_table(workers: Workers) -> dict[str, int] | None:
    for w in workers.alive():
        try:
            body = http_json(f"{w.url}/api/actors/top?window=all&n=500", timeout=20)
            return {a["code"]: int(a["mentions"]) for a in body["actors"]}
        except Exception:  # noqa: BLE001 - rebalancing or starting: try the next one
            continue
    return None


# ---------------------------------------------------------------- observing and judging


@dataclass
class Row:
    scenario: str
    articles_sent: int
    events_expected: int
    events_seen: int = 0
    duplicates: int = 0
    lost: int = 0
    unexpected_events: int = 0
    tables_exact: bool = False
    stories: int = 0
    stories_exact: bool = False
    rejected_expected: int = 0
    rejected_seen: int = 0
    rejected_as_expected: bool = False
    notes: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return (self.duplicates == 0 and self.lost == 0 and self.unexpected_events == 0 and self.tables_exact
                and self.stories_exact and self.rejected_as_expected)


def observe(settings: Settings, workers: Workers, exp: Expected, positions: list[tuple[int, int]],
            scenario: str, sent: int, timeout: float, started: float, notes: str = "") -> Row:
    """Wait until events and tables match the expectation (or the timeout), then judge."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        events = read_records(settings, settings.topic_events, idle=1.0)
        ids = {k.decode() for k, _ in events if k}
        table = actor_table(workers)
        if ids >= exp.event_ids and table == dict(exp.actors):
            want = expected_stories(exp, [jsonio.loads(v) for _, v in events])
            if stories_match(want, *story_views(settings, workers)):
                break
        time.sleep(2.0)
    time.sleep(3.0)  # anything late (a duplicate) would show up now
    records = read_records(settings, settings.topic_events, idle=2.0)
    keys = [k.decode() if k else "" for k, _ in records]
    values = [jsonio.loads(v) for _, v in records]
    seen = Counter(keys)
    table = actor_table(workers)
    rejected = [jsonio.loads(v) for _, v in read_records(settings, settings.topic_rejected, idle=1.0)]
    got_rej = Counter((r["topic"], r["partition"], r["offset"], r["reason"]) for r in rejected)
    want_rej = Counter((settings.topic_articles, *positions[i], reason) for i, reason in exp.rejected.items())
    bad_keys = sum(1 for k, v in zip(keys, values, strict=True) if k != v.get("event_id"))
    want_stories = expected_stories(exp, values)
    api_stories, topic_stories = story_views(settings, workers)
    row = Row(
        scenario=scenario, articles_sent=sent, events_expected=len(exp.event_ids), events_seen=len(records),
        duplicates=sum(c - 1 for c in seen.values() if c > 1) + bad_keys,
        lost=len(exp.event_ids - set(seen)), unexpected_events=len(set(seen) - exp.event_ids),
        tables_exact=table == dict(exp.actors), stories=len(want_stories),
        stories_exact=stories_match(want_stories, api_stories, topic_stories), rejected_expected=sum(want_rej.values()),
        rejected_seen=len(rejected), rejected_as_expected=got_rej == want_rej, notes=notes,
        seconds=round(time.monotonic() - started, 1),
    )
    if not row.tables_exact:
        diff = {k: (exp.actors.get(k, 0), (table or {}).get(k, 0))
                for k in set(exp.actors) | set(table or {}) if exp.actors.get(k, 0) != (table or {}).get(k, 0)}
        row.notes += f" table diff (expected, seen): {dict(list(diff.items())[:8])}" if table is not None \
            else " no worker answered the table query"
    if not row.stories_exact:
        row.notes += f" stories: {story_diff(want_stories, api_stories, topic_stories)}"
    if not row.rejected_as_expected:
        row.notes += f" rejections missing: {list((want_rej - got_rej).items())[:5]}," \
                     f" unexpected: {list((got_rej - want_rej).items())[:5]}"
    row.notes = row.notes.strip()
    return row


def story_diff(expected: dict[str, Any], api: dict[str, Any] | None, topic: dict[str, Any]) -> str:
    """The first differences between the expected stories and what the API and the topic hold."""
    out = []
    for name, seen in (("api", api), ("topic", topic)):
        if seen is None:
            out.append(f"{name}: no answer")
            continue
        diff = [sid for sid in set(expected) | set(seen) if expected.get(sid) != seen.get(sid)]
        for sid in diff[:3]:
            want, got = expected.get(sid), seen.get(sid)
            counts = [(x or {}).get(k) for x in (want, got) for k in ("num_mentions", "num_articles", "num_sources")]
            out.append(f"{name} {sid} (expected, seen) {counts}")
        if len(diff) > 3:
            out.append(f"{name}: {len(diff)} stories differ")
    return "; ".join(out)


@contextlib.contextmanager
def scenario_dir() -> Iterator[Path]:
    """A scenario's directory (worker logs and state); kept with --keep or RELIABILITY_KEEP=1."""
    tmp = Path(tempfile.mkdtemp(prefix="geoevents-rel-"))
    try:
        yield tmp
    finally:
        if os.environ.get("RELIABILITY_KEEP") == "1":
            print(f"   kept {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def wait_progress(workers: Workers, at_least: int, timeout: float = 300.0) -> None:
    """Wait until the live workers extracted `at_least` articles (their counters restart at 0)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        total = 0
        for w in workers.alive():
            h = w.health() or {"counters": {}}
            total += int(h["counters"].get("articles_extracted", 0))
        if total >= at_least:
            return
        time.sleep(0.2)


# ---------------------------------------------------------------- scenarios


@dataclass
class Stage:
    """What every scenario sets up: its own topics and state, the payloads and their expectation."""

    tmp: Path
    env: dict[str, str]
    settings: Settings
    payloads: list[bytes]
    exp: Expected
    workers: Workers

    def observe(self, positions: list[tuple[int, int]], scenario: str, timeout: float, started: float,
                notes: str = "") -> Row:
        row = observe(self.settings, self.workers, self.exp, positions, scenario, len(self.payloads), timeout,
                      started, notes=notes)
        if self.env.get("GEOEVENTS_TRACE_OFFSETS") == "1":
            # messages a running worker skipped (streams/diagnostics.py); a killed worker's log can
            # end with holes of batches that were in flight
            for w in self.workers.alive():
                log = w.log_path
                holes = acknowledged_holes(log.read_text(errors="replace").splitlines())
                if holes:
                    row.notes += f" {log.stem} skipped offsets {holes}"
        return row


@contextlib.contextmanager
def stage(bootstrap: str, payloads: list[bytes], extra_env: dict[str, str] | None = None,
          max_bytes: int = 1_000_000) -> Iterator[Stage]:
    """A scenario's stage on `bootstrap`; its workers are stopped at the end."""
    with scenario_dir() as tmp:
        env = worker_env(bootstrap, tmp, extra_env)
        st = Stage(tmp, env, Settings.from_mapping(env), payloads, expected_for(payloads, max_bytes=max_bytes),
                   Workers(env, tmp))
        try:
            yield st
        finally:
            st.workers.stop_all()


def scenario_clean(bootstrap: str, n: int, timeout: float = 600.0) -> Row:
    with stage(bootstrap, make_articles(n)) as st:
        st.workers.start()
        t0 = time.monotonic()
        return st.observe(publish(st.settings, st.payloads), "clean run", timeout, t0)


def scenario_kill(bootstrap: str, n: int, kills: int, seed: int = 0, timeout: float = 900.0) -> Row:
    """SIGKILL the worker (and its parsing process) at random moments while it has work, restart it.

    The articles are published in kills + 1 chunks: each kill falls while a chunk is being
    extracted (after a random number of its articles and a random delay), never on an idle worker."""
    rng = random.Random(seed)
    with stage(bootstrap, make_articles(n)) as st:
        size = -(-n // (kills + 1))
        chunks = [st.payloads[i:i + size] for i in range(0, n, size)]
        w = st.workers.start()
        t0 = time.monotonic()
        pos: list[tuple[int, int]] = []
        moments = []
        for chunk in chunks[:kills]:
            pos += publish(st.settings, chunk)
            progress = rng.randint(1, max(1, len(chunk) // 2))
            wait_progress(st.workers, progress, timeout=240)
            delay = rng.uniform(0.0, 1.0)
            time.sleep(delay)
            moments.append(f"{progress} articles + {delay:.1f}s")
            st.workers.kill(w)
            w = st.workers.start()
        for chunk in chunks[kills:]:
            pos += publish(st.settings, chunk)
        return st.observe(pos, f"SIGKILL x{kills}", timeout, t0, notes=f"killed after {', '.join(moments)} of a chunk")


def scenario_rebalance(bootstrap: str, n: int, timeout: float = 900.0) -> Row:
    """A second worker joins mid-stream, then the first leaves (clean stop) while the second works."""
    with stage(bootstrap, make_articles(n)) as st:
        first = st.workers.start()
        t0 = time.monotonic()
        pos = publish(st.settings, st.payloads)
        wait_progress(st.workers, max(1, n // 5))
        st.workers.start(ready=False)   # join: rebalance while the first one is busy
        time.sleep(8.0)
        st.workers.stop(first)          # leave: rebalance again
        return st.observe(pos, "worker joins + leaves", timeout, t0)


def scenario_broker_restart(tmp_root: Path, n: int, outage: float, timeout: float = 900.0) -> Row:
    """Stop the broker for `outage` seconds mid-stream, start it again on the same data and ports."""
    kafka = start_broker(tmp_root / "broker-outage")
    try:
        with stage(kafka.bootstrap, make_articles(n)) as st:
            w = st.workers.start()
            t0 = time.monotonic()
            pos = publish(st.settings, st.payloads)
            wait_progress(st.workers, max(1, n // 5))
            kafka.stop()
            time.sleep(outage)
            # the same ports: the worker knows only this address
            kafka = LocalKafka(kafka.data_dir, port=kafka.port, controller_port=kafka.controller_port)
            kafka.start(timeout=120)
            survived = w.proc.poll() is None
            row = st.observe(pos, f"broker down {outage:.0f}s", timeout, t0,
                             notes="" if survived else "the worker exited during the outage")
            if not (survived and w.proc.poll() is None):
                row.tables_exact = False
                row.notes = (row.notes + " worker did not survive").strip()
            return row
    finally:
        kafka.stop()


def scenario_backpressure(bootstrap: str, n: int, timeout: float = 1800.0) -> tuple[Row, dict[str, float]]:
    """Publish n articles at once to a fresh worker; sample its RSS (worker + parser) until done."""
    import psutil

    with stage(bootstrap, make_articles(n)) as st:
        samples: list[float] = []
        stop = threading.Event()
        try:
            w = st.workers.start()
            proc = psutil.Process(w.proc.pid)

            def rss() -> float:
                total = proc.memory_info().rss
                for child in proc.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        total += child.memory_info().rss
                return total / 2**20

            baseline = rss()

            def sampler() -> None:
                while not stop.is_set():
                    with contextlib.suppress(psutil.Error):
                        samples.append(rss())
                    stop.wait(0.5)

            th = threading.Thread(target=sampler, daemon=True)
            th.start()
            t0 = time.monotonic()
            row = st.observe(publish(st.settings, st.payloads), f"burst of {n}", timeout, t0)
            stop.set()
            th.join(5)
            mem = {"baseline_mb": round(baseline, 1), "peak_mb": round(max(samples or [baseline]), 1),
                   "growth_mb": round(max(samples or [baseline]) - baseline, 1)}
            row.notes = (row.notes + f" RSS {mem['baseline_mb']} -> peak {mem['peak_mb']} MB").strip()
            return row, mem
        finally:
            stop.set()


def scenario_sasl(tmp_root: Path, n: int, timeout: float = 600.0) -> tuple[Row, bool]:
    """The pipeline against a SASL/PLAIN listener; returns the row and whether the log leaked the secret."""
    users = {"admin": SECRET_PASSWORD + "-admin", "geoevents": SECRET_PASSWORD}
    kafka = start_broker(tmp_root / "broker-sasl", sasl_users=users)
    try:
        sasl = {"GEOEVENTS_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "GEOEVENTS_SASL_MECHANISM": "PLAIN",
                "GEOEVENTS_SASL_USERNAME": "geoevents", "GEOEVENTS_SASL_PASSWORD": SECRET_PASSWORD,
                "GEOEVENTS_LOG_LEVEL": "info"}
        with stage(kafka.bootstrap, make_articles(n), sasl) as st:
            st.workers.start()
            t0 = time.monotonic()
            row = st.observe(publish(st.settings, st.payloads), "SASL/PLAIN", timeout, t0)
            st.workers.stop_all()
            leaked = SECRET_PASSWORD in st.workers.logs()
            if leaked:
                row.notes = (row.notes + " the password appears in the worker log").strip()
            return row, leaked
    finally:
        kafka.stop()


def scenario_fuzz(bootstrap: str, n_random: int, n_valid: int, seed: int = 0, timeout: float = 1200.0,
                  max_bytes: int = 20000) -> Row:
    """Random payloads (hypothesis strategies, see tests/test_fuzz.py) mixed with valid articles."""
    from tests.test_fuzz import generate_payloads

    payloads = generate_payloads(n_random, n_valid, seed=seed, max_bytes=max_bytes)
    return run_payloads(bootstrap, payloads, f"fuzz {n_random} + {n_valid} valid", timeout, max_bytes)


def run_payloads(bootstrap: str, payloads: list[bytes], name: str, timeout: float, max_bytes: int) -> Row:
    with stage(bootstrap, payloads, {"GEOEVENTS_MAX_ARTICLE_BYTES": str(max_bytes)}, max_bytes=max_bytes) as st:
        w = st.workers.start()
        t0 = time.monotonic()
        row = st.observe(publish(st.settings, payloads, keys=[None] * len(payloads)), name, timeout, t0)
        if w.proc.poll() is not None:
            row.tables_exact = False
            row.notes = (row.notes + " the worker stopped").strip()
        return row


# ---------------------------------------------------------------- main


COLUMNS = [("scenario", 24), ("articles_sent", 9), ("events_expected", 9), ("events_seen", 9), ("duplicates", 6),
           ("lost", 6), ("tables_exact", 7), ("stories", 8), ("stories_exact", 8), ("rejected_as_expected", 9),
           ("seconds", 8)]
HEADERS = ["scenario", "articles", "expected", "seen", "dups", "lost", "tables", "stories", "exact", "rejected ok",
           "seconds"]


def print_table(rows: list[Row], out: Callable[[str], None] = print) -> None:
    out("  ".join(h.ljust(w) for h, (_, w) in zip(HEADERS, COLUMNS, strict=True)))
    for r in rows:
        cells = []
        for name, width in COLUMNS:
            v = getattr(r, name)
            cells.append(("yes" if v else "NO") if isinstance(v, bool) else str(v))
            cells[-1] = cells[-1].ljust(width)
        out("  ".join(cells) + ("" if r.ok else "   <-- FAILED"))
        if r.notes:
            out(f"    {r.notes}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200, help="articles per scenario")
    ap.add_argument("--kills", type=int, default=4, help="SIGKILLs in the kill scenario")
    ap.add_argument("--outage", type=float, default=30.0, help="seconds the broker is down")
    ap.add_argument("--burst", type=int, default=3000, help="articles published at once (back-pressure)")
    ap.add_argument("--fuzz", type=int, default=3000, help="random payloads")
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--only", default="", help="comma-separated: clean,kill,rebalance,broker,burst,sasl,fuzz,cluster")
    ap.add_argument("--output", default="reliability.json")
    ap.add_argument("--keep", action="store_true", help="keep each scenario's directory (worker logs)")
    args = ap.parse_args(argv)
    if args.keep:
        os.environ["RELIABILITY_KEEP"] = "1"
    only = {s.strip() for s in args.only.split(",") if s.strip()}

    def want(name: str) -> bool:
        return not only or name in only

    rows: list[Row] = []
    extra: dict[str, Any] = {"seed": args.seed}
    root = Path(tempfile.mkdtemp(prefix="geoevents-reliability-"))
    kafka = start_broker(root / "broker")
    print(f"Kafka on {kafka.bootstrap}, seed {args.seed}", flush=True)

    def run(name: str, fn: Callable[[], Row]) -> None:
        print(f"-- {name} ...", flush=True)
        try:
            row = fn()
        except Exception as exc:  # noqa: BLE001 - a crashed scenario is a failed row
            row = Row(scenario=name, articles_sent=0, events_expected=0, notes=f"error: {exc!r}"[:400])
        rows.append(row)
        print_table([row])

    try:
        if want("clean"):
            run("clean run", lambda: scenario_clean(kafka.bootstrap, args.articles))
        if want("kill"):
            run("SIGKILL", lambda: scenario_kill(kafka.bootstrap, args.articles, args.kills, seed=args.seed))
        if want("rebalance"):
            run("rebalance", lambda: scenario_rebalance(kafka.bootstrap, args.articles))
        if want("broker"):
            run("broker restart", lambda: scenario_broker_restart(root, args.articles, args.outage))
        if want("burst"):
            def burst() -> Row:
                row, mem = scenario_backpressure(kafka.bootstrap, args.burst)
                extra["memory"] = mem
                return row
            run("back-pressure", burst)
        if want("sasl"):
            def sasl() -> Row:
                row, leaked = scenario_sasl(root, max(20, args.articles // 4))
                extra["sasl_secret_in_log"] = leaked
                if leaked:
                    row.tables_exact = False
                return row
            run("SASL", sasl)
        if want("fuzz"):
            run("fuzz", lambda: scenario_fuzz(kafka.bootstrap, args.fuzz, max(20, args.articles // 4), seed=args.seed))
        if want("cluster"):  # three brokers of its own, the one leading the most partitions SIGKILLed
            from scripts.cluster import reliability_row
            run("3 brokers", lambda: reliability_row(root, max(24, args.articles // 2), down=args.outage))
    finally:
        kafka.stop()
        shutil.rmtree(root, ignore_errors=True)

    print("\nreliability summary")
    print_table(rows)
    Path(args.output).write_text(json.dumps({"rows": [{**asdict(r), "ok": r.ok} for r in rows], **extra}, indent=2))
    print(f"wrote {args.output}")
    return 0 if rows and all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
