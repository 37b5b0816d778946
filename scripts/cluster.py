"""A three-broker Kafka cluster on loopback, one broker SIGKILLed while articles flow.

Starts three KRaft nodes (broker+controller each, a static 3-voter quorum, their own ports and
data dirs), two workers with GEOEVENTS_REPLICATION=3 (topics with 3 replicas and
min.insync.replicas=2; the producers use acks=all), publishes distinct articles at a steady pace
and, once the workers have extracted a quarter of them, SIGKILLs the broker that leads the most
partitions, waits, and starts it again on the same data. Then, as scripts/reliability.py does:
the event ids on `events` (read_committed) against the offline extraction of the same articles
(none lost, none twice), the all-time actor table of the workers' HTTP API against the expected
mention counts, and no rejection. It also checks every topic of the run (3 replicas,
min.insync.replicas=2) and reports the longest time without a new event on `events`.

    python scripts/cluster.py [--articles 120] [--short] [--down 30] [--output cluster.json] [--keep]

Exit status 1 when anything was lost, duplicated, counted wrongly, or a topic is under-replicated.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import reliability as rel  # noqa: E402
from streams.broker import LocalKafka, new_cluster_id, quorum_voters  # noqa: E402
from streams.settings import Settings, min_insync_replicas  # noqa: E402
from streams.testing import free_port  # noqa: E402

NODES = 3
TOPIC_CONFIG = 1  # DescribeConfigs config_source: set on the topic itself
REPLICATION = 3
HOST = "127.0.0.1"


# ---------------------------------------------------------------- the cluster


class Cluster:
    """Three KRaft nodes on loopback; node i listens on ports[i] and its controller on controller_ports[i]."""

    def __init__(self, root: Path, nodes: int = NODES, heap: str = "512m") -> None:
        # one set of taken ports for the whole cluster: ports picked one at a time are not held until the
        # nodes bind them, so two picks could return the same port (a node then fails to bind it)
        taken: set[int] = set()
        self.ports = [free_port(taken=taken) for _ in range(nodes)]
        self.controller_ports = [free_port(taken=taken) for _ in range(nodes)]
        voters = quorum_voters(HOST, self.controller_ports)
        cid = new_cluster_id()
        self.nodes = [LocalKafka(root / f"node-{i + 1}", host=HOST, port=self.ports[i],
                                 controller_port=self.controller_ports[i], heap=heap, node_id=i + 1,
                                 voters=voters, cluster_id=cid, replication=REPLICATION)
                      for i in range(nodes)]

    @property
    def bootstrap(self) -> str:
        return ",".join(n.bootstrap for n in self.nodes)

    @property
    def broker_url(self) -> str:
        """GEOEVENTS_BROKER: one kafka:// URL per broker, `;`-separated."""
        return ";".join(f"kafka://{n.bootstrap}" for n in self.nodes)

    def start(self, timeout: float = 180.0) -> None:
        for n in self.nodes:  # together: no node is ready before a majority of the quorum runs
            n.launch()
        for n in self.nodes:
            n.wait_ready(timeout)

    def node(self, node_id: int) -> LocalKafka:
        return self.nodes[node_id - 1]

    def kill(self, node_id: int) -> None:
        """SIGKILL the node's JVM (no clean shutdown, no leadership handed over)."""
        self.node(node_id).kill()

    def restart(self, node_id: int, timeout: float = 180.0) -> None:
        old = self.node(node_id)
        new = LocalKafka(old.data_dir, host=old.host, port=old.port, controller_port=old.controller_port,
                         heap=old.heap, node_id=old.node_id, voters=old.voters, cluster_id=old.cluster_id,
                         replication=old.replication)
        self.nodes[node_id - 1] = new
        new.start(timeout)

    def stop(self) -> None:
        for n in self.nodes:
            with contextlib.suppress(Exception):
                n.stop()


def _admin(bootstrap: str) -> Any:
    from aiokafka.admin import AIOKafkaAdminClient

    return AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)


def partitions(bootstrap: str) -> list[tuple[str, int, int, list[int], list[int]]]:
    """(topic, partition, leader, replicas, isr) of every partition in the cluster."""

    async def _describe() -> list[tuple[str, int, int, list[int], list[int]]]:
        admin = _admin(bootstrap)
        await admin.start()
        try:
            return [(t["topic"], p["partition"], p["leader"], list(p["replicas"]), list(p["isr"]))
                    for t in await admin.describe_topics() for p in t["partitions"]]
        finally:
            await admin.close()

    return asyncio.run(_describe())


def leader_counts(bootstrap: str) -> dict[int, int]:
    counts: dict[int, int] = {}
    for _, _, leader, _, _ in partitions(bootstrap):
        counts[leader] = counts.get(leader, 0) + 1
    return counts


def wait_full_isr(bootstrap: str, timeout: float = 180.0) -> float:
    """Seconds until every partition has all its replicas in sync again (or the timeout)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        with contextlib.suppress(Exception):
            if all(len(isr) == len(replicas) for _, _, _, replicas, isr in partitions(bootstrap)):
                return time.monotonic() - t0
        time.sleep(1.0)
    return float("inf")


def topic_check(bootstrap: str, names: list[str]) -> list[str]:
    """The topics of `names` without REPLICATION replicas or min.insync.replicas=2, with why."""
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    want_isr = str(min_insync_replicas(REPLICATION))

    async def _check() -> list[str]:
        admin = _admin(bootstrap)
        await admin.start()
        try:
            bad = []
            rf = {t["topic"]: {len(p["replicas"]) for p in t["partitions"]} for t in await admin.describe_topics(names)}
            responses = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, n) for n in names])
            # (value, source): source 1 is the topic's own config, set when the topic was created;
            # the brokers' default (source 4 or 5) is enough only for Kafka's own topics
            isr: dict[str, tuple[str, int]] = {}
            for resp in responses:
                for _code, _msg, _type, name, entries in resp.resources:
                    isr[name] = next(((e[1], e[3]) for e in entries if e[0] == "min.insync.replicas"), ("?", 0))
            for n in names:
                if rf.get(n) != {REPLICATION}:
                    bad.append(f"{n}: replicas {sorted(rf.get(n, set()))}")
                value, source = isr.get(n, ("?", 0))
                if value != want_isr or (source != TOPIC_CONFIG and not n.startswith("__")):
                    bad.append(f"{n}: min.insync.replicas={value} (config source {source})")
            return bad
        finally:
            await admin.close()

    return asyncio.run(_check())


# ---------------------------------------------------------------- load and progress


@dataclass
class Publisher:
    """Publishes the payloads in steady chunks from a thread of its own (acks=all, idempotent)."""

    settings: Settings
    payloads: list[bytes]
    seconds: float
    positions: list[tuple[int, int]] = field(default_factory=list)
    sent: int = 0
    retries: int = 0
    error: str = ""
    done: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        from streams.clients import producer

        async def _publish() -> None:
            chunks = max(1, min(len(self.payloads), int(self.seconds)))
            size = -(-len(self.payloads) // chunks)
            prod = producer(self.settings, request_timeout_ms=30000)
            await prod.start()
            try:
                for start in range(0, len(self.payloads), size):
                    t0 = time.monotonic()
                    for value in self.payloads[start:start + size]:
                        self.positions.append(await self._send(prod, value))
                        self.sent += 1
                    await asyncio.sleep(max(0.0, self.seconds / chunks - (time.monotonic() - t0)))
            finally:
                await prod.stop()

        try:
            asyncio.run(_publish())
        except Exception as exc:  # noqa: BLE001 - reported as a failure
            self.error = repr(exc)[:300]
        finally:
            self.done.set()

    async def _send(self, prod: Any, value: bytes) -> tuple[int, int]:
        """Send one article until the cluster acknowledges it. A retry after a failed send can
        write the article twice: the pipeline drops the copy (same id), as it must."""
        for attempt in range(20):
            try:
                meta = await (await prod.send(self.settings.topic_articles, value=value, key=rel._id_key(value)))
                return meta.partition, meta.offset
            except Exception:  # noqa: BLE001 - the broker went away: try again
                if attempt == 19:
                    raise
                self.retries += 1
                await asyncio.sleep(1.0)
        raise AssertionError("unreachable")


class EventWatch:
    """Reads `events` (read_committed) from a thread and notes when each new event id arrived."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.arrivals: list[float] = []  # monotonic time of each new distinct event id
        self.ids: set[str] = set()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._watch()), daemon=True)

    async def _watch(self) -> None:
        from streams.clients import consumer

        cons = consumer(self.settings, self.settings.topic_events, from_beginning=True)
        await cons.start()
        try:
            while not self.stop.is_set():
                with contextlib.suppress(Exception):
                    batch = await cons.getmany(timeout_ms=200)
                    now = time.monotonic()
                    for records in batch.values():
                        for rec in records:
                            key = rec.key.decode() if rec.key else ""
                            if key not in self.ids:
                                self.ids.add(key)
                                self.arrivals.append(now)
        finally:
            await cons.stop()

    def longest_gap(self, since: float, until: float) -> float:
        """Longest time in [since, until] without a new event id."""
        points = [since, *[t for t in self.arrivals if since < t < until], until]
        return max(b - a for a, b in zip(points, points[1:], strict=False))

    def first_after(self, moment: float) -> float | None:
        return next((t for t in self.arrivals if t > moment), None)


# ---------------------------------------------------------------- the scenario


@dataclass
class ClusterResult:
    row: rel.Row
    killed_node: int = 0
    leaders_before: dict[int, int] = field(default_factory=dict)
    down_seconds: float = 0.0
    restart_seconds: float = 0.0
    isr_restored_seconds: float = 0.0
    longest_without_progress: float = 0.0
    first_event_after_kill: float | None = None
    publish_retries: int = 0
    topics_checked: int = 0
    topics_bad: list[str] = field(default_factory=list)
    workers_alive: int = 0

    @property
    def ok(self) -> bool:
        return self.row.ok and not self.topics_bad and self.workers_alive == 2

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["row"] = {**asdict(self.row), "ok": self.row.ok}
        out["ok"] = self.ok
        return out


def scenario_cluster(root: Path, n: int, down: float = 30.0, publish_seconds: float = 60.0,
                     partitions_per_topic: int = 2, timeout: float = 900.0) -> ClusterResult:
    """The scenario on a fresh cluster under `root`; see the module docstring."""
    # the scenario's own clients (publisher, event watch, admin) log every refused connection to the killed broker
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    cluster = Cluster(root / "cluster")
    try:
        cluster.start()
        bootstrap = cluster.bootstrap
        extra = {"GEOEVENTS_REPLICATION": str(REPLICATION), "GEOEVENTS_PARTITIONS": str(partitions_per_topic)}
        with rel.stage(bootstrap, rel.make_articles(n), extra) as st:
            # every broker in the bootstrap list: the workers reach the cluster while any one runs
            st.env["GEOEVENTS_BROKER"] = cluster.broker_url
            st.settings = Settings.from_mapping(st.env)
            st.workers.env = st.env
            first = st.workers.start(ready=False)
            second = st.workers.start(ready=False)
            first.wait_ready(300)
            second.wait_ready(300)
            watch = EventWatch(st.settings)
            watch.thread.start()
            pub = Publisher(st.settings, st.payloads, publish_seconds)
            threading.Thread(target=pub.run, daemon=True).start()
            t0 = time.monotonic()
            rel.wait_progress(st.workers, max(1, n // 4), timeout=300)
            leaders = leader_counts(bootstrap)
            victim = max(sorted(leaders), key=lambda node: leaders[node])
            t_kill = time.monotonic()
            cluster.kill(victim)
            print(f"   SIGKILL node {victim} (leader of {leaders[victim]} of {sum(leaders.values())} partitions)"
                  f" after {t_kill - t0:.1f}s, {pub.sent}/{n} articles published", flush=True)
            time.sleep(down)
            t_restart = time.monotonic()
            cluster.restart(victim)
            restart_s = time.monotonic() - t_restart
            isr_s = wait_full_isr(bootstrap)
            print(f"   node {victim} back after {down:.0f}s down (ready in {restart_s:.1f}s,"
                  f" all replicas in sync {isr_s:.1f}s later)", flush=True)
            pub.done.wait(timeout)
            if pub.error:
                raise RuntimeError(f"publishing failed: {pub.error}")
            row = st.observe(pub.positions, "3 brokers, leader SIGKILL", timeout, t0,
                             notes=f"node {victim} killed, down {down:.0f}s")
            expected = len(st.exp.event_ids)
            t_end = watch.arrivals[expected - 1] if 0 < expected <= len(watch.arrivals) else time.monotonic()
            watch.stop.set()
            watch.thread.join(10)
            first_after = watch.first_after(t_kill)
            run = st.env["GEOEVENTS_APP_ID"].rsplit("-", 1)[1]  # in the name of every topic of the run
            names = sorted({t for t, *_ in partitions(bootstrap) if run in t or t == "__consumer_offsets"})
            result = ClusterResult(
                row=row, killed_node=victim, leaders_before=leaders, down_seconds=down,
                restart_seconds=round(restart_s, 1), isr_restored_seconds=round(isr_s, 1),
                longest_without_progress=round(watch.longest_gap(watch.arrivals[0] if watch.arrivals else t0, t_end), 1),
                first_event_after_kill=round(first_after - t_kill, 1) if first_after else None,
                publish_retries=pub.retries, topics_checked=len(names),
                topics_bad=topic_check(bootstrap, names), workers_alive=len(st.workers.alive()),
            )
            if result.workers_alive != 2:
                row.notes += f" only {result.workers_alive} of 2 workers alive at the end"
            return result
    finally:
        cluster.stop()


def reliability_row(root: Path, n: int, down: float = 30.0) -> rel.Row:
    """The scenario as a row of scripts/reliability.py: the time without progress in its notes; an
    under-replicated topic or a worker that died fails it (as a worker lost in its broker restart does)."""
    result = scenario_cluster(root, n, down=down)
    row = result.row
    row.notes = (f"{row.notes}, no new event for {result.longest_without_progress:.1f}s, "
                 f"{result.topics_checked} topics with 3 replicas").strip(", ")
    if not result.ok:
        row.tables_exact = False
        row.notes += "".join(f"; {bad}" for bad in result.topics_bad[:5])
    return row


COLUMNS = ["scenario", "articles", "events", "lost", "dups", "tables", "no progress", "topics", "seconds"]


def result_line(r: ClusterResult) -> str:
    return "  ".join([
        r.row.scenario.ljust(26), str(r.row.articles_sent).ljust(8), f"{r.row.events_seen}/{r.row.events_expected}".ljust(8),
        str(r.row.lost).ljust(4), str(r.row.duplicates).ljust(4), ("exact" if r.row.tables_exact else "WRONG").ljust(6),
        f"{r.longest_without_progress:.1f}s".ljust(11),
        (f"{r.topics_checked} ok" if not r.topics_bad else f"{len(r.topics_bad)} bad").ljust(7),
        f"{r.row.seconds:.0f}",
    ]) + ("" if r.ok else "   <-- FAILED")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--short", action="store_true", help="24 articles, 20 s down (the test's version)")
    ap.add_argument("--down", type=float, default=30.0,
                    help="seconds the killed broker stays down (more than broker.session.timeout.ms, 9 s, "
                         "so that the cluster moves its leaderships instead of waiting for it)")
    ap.add_argument("--publish-seconds", type=float, default=60.0, help="the articles are spread over this long")
    ap.add_argument("--partitions", type=int, default=2, help="partitions of every topic of the app")
    ap.add_argument("--output", default="cluster.json")
    ap.add_argument("--keep", action="store_true", help="keep the brokers' data and the worker logs")
    args = ap.parse_args(argv)
    if args.short:
        args.articles, args.down, args.publish_seconds = 24, 20.0, 30.0
    if args.keep:
        import os

        os.environ["RELIABILITY_KEEP"] = "1"
    root = Path(tempfile.mkdtemp(prefix="geoevents-cluster-"))
    started = datetime.now(UTC)
    try:
        result = scenario_cluster(root, args.articles, down=args.down, publish_seconds=args.publish_seconds,
                                  partitions_per_topic=args.partitions)
    finally:
        if args.keep:
            print(f"   kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print("\n" + "  ".join([COLUMNS[0].ljust(26), "articles", "events  ", "lost", "dups", "tables",
                            "no progress", "topics ", "seconds"]))
    print(result_line(result))
    if result.row.notes:
        print(f"    {result.row.notes}")
    for bad in result.topics_bad:
        print(f"    {bad}")
    out = {"date": started.strftime("%Y-%m-%d"), "command": " ".join(["python scripts/cluster.py", *(argv or sys.argv[1:])]),
           **result.as_dict()}
    Path(args.output).write_text(json.dumps(out, indent=2, default=str))
    print(f"wrote {args.output}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
