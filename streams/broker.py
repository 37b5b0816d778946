"""The embedded default broker: a single-node Apache Kafka 4.x in KRaft mode, from Maven Central jars.

The same class runs one node of a local multi-node cluster (scripts/cluster.py, docs/cluster.md):
give every node its `node_id`, the same `voters` (the static controller quorum) and `cluster_id`,
and `replication` for the internal topics and the topics' defaults.

`kafka/pom.xml` lists the broker's artifacts; `make kafka` (or the first `geoevents broker`)
resolves them with `mvn dependency:copy-dependencies` into `kafka/libs/`. With KAFKA_HOME set,
that distribution's `libs/` is used instead.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from streams.errors import BrokerError
from streams.settings import PROJECT_DIR, min_insync_replicas

KAFKA_DIR = PROJECT_DIR / "kafka"

LOG4J2 = """Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
"""


def libs_dir(explicit: str = "") -> Path:
    """Where the broker's jars are: GEOEVENTS_KAFKA_LIBS, $KAFKA_HOME/libs, or kafka/libs."""
    if explicit:
        return Path(explicit)
    if os.environ.get("KAFKA_HOME"):
        return Path(os.environ["KAFKA_HOME"]) / "libs"
    return KAFKA_DIR / "libs"


def resolve_jars(libs: Path) -> Path:
    """Make sure the jars are there, resolving them with Maven when they are not."""
    if libs.is_dir() and any(libs.glob("kafka_2.13-*.jar")):
        return libs
    if libs != KAFKA_DIR / "libs":
        raise BrokerError(f"no Kafka jars in {libs}")
    if not shutil.which("mvn"):
        raise BrokerError("the Kafka jars are missing and Maven is not installed: run `make kafka`")
    cmd = ["mvn", "-q", "-B", "-f", str(KAFKA_DIR / "pom.xml"), "dependency:copy-dependencies",
           f"-DoutputDirectory={libs}", "-DincludeScope=runtime"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 or not any(libs.glob("kafka_2.13-*.jar")):
        raise BrokerError(f"resolving the Kafka jars failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return libs


def die_with_parent_preexec() -> None:
    """In the child before exec: ask Linux for SIGTERM when the parent dies (PR_SET_PDEATHSIG)."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's signal handlers still stop it
        pass


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def quorum_voters(host: str, controller_ports: list[int]) -> str:
    """`controller.quorum.voters` of nodes 1..n on `host`, node i's controller on controller_ports[i-1]."""
    return ",".join(f"{i}@{host}:{port}" for i, port in enumerate(controller_ports, start=1))


def new_cluster_id() -> str:
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")


@dataclass
class LocalKafka:
    """A KRaft broker+controller in one JVM, data under `data_dir`: a single-node cluster by
    default; one node of a cluster with a static controller quorum when `voters` is given."""

    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 9092
    controller_port: int = 9093
    libs: str = ""
    heap: str = "768m"
    # a small machine shares its cores with the workers: one GC thread, and the quick JIT tier only
    jvm_options: tuple[str, ...] = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
    sasl_users: dict[str, str] | None = None
    extra: dict[str, str] = field(default_factory=dict)
    # Linux: the JVM gets SIGTERM when the process that started it dies, even by SIGKILL (for the
    # `geoevents broker` and `demo` commands; the JVM runs in a session of its own, so a Ctrl-C in
    # the terminal reaches only its parent, which then stops it in order)
    die_with_parent: bool = False
    # a node of a multi-node cluster: its id, `controller.quorum.voters` ("1@host:port,2@...",
    # see quorum_voters), the cluster id shared by every node, and the replication factor of the
    # internal topics and of topics created without one (min.insync.replicas 2 from 3 replicas)
    node_id: int = 1
    voters: str = ""
    cluster_id: str = ""
    replication: int = 1
    process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def properties(self) -> dict[str, str]:
        log_dir = (self.data_dir / "kraft").resolve()
        props = {
            "process.roles": "broker,controller",
            "node.id": str(self.node_id),
            "controller.quorum.bootstrap.servers": f"{self.host}:{self.controller_port}",
            "controller.listener.names": "CONTROLLER",
            "log.dirs": str(log_dir),
            "num.partitions": "4",
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "8",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "transaction.state.log.num.partitions": "8",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "group.initial.rebalance.delay.ms": "0",
            "auto.create.topics.enable": "false",
            # the controller writes a no-op metadata record this often so that a quorum's members
            # can tell it is alive; every 0.5 s (the default) cost the idle one-node broker a third
            # of its CPU (2.4% -> 1.6% of a core with 10 s)
            "metadata.max.idle.interval.ms": "10000",
        }
        if self.voters:
            del props["controller.quorum.bootstrap.servers"]
            props["controller.quorum.voters"] = self.voters
        if self.replication > 1:
            rf, isr = str(self.replication), str(min_insync_replicas(self.replication))
            props.update({
                "default.replication.factor": rf,
                "min.insync.replicas": isr,
                "offsets.topic.replication.factor": rf,
                "transaction.state.log.replication.factor": rf,
                "transaction.state.log.min.isr": isr,
                "share.coordinator.state.topic.replication.factor": rf,
                "share.coordinator.state.topic.min.isr": isr,
                "unclean.leader.election.enable": "false",
            })
        if self.sasl_users:
            users = " ".join(f'user_{u}="{p}"' for u, p in self.sasl_users.items())
            admin_user, admin_pw = next(iter(self.sasl_users.items()))
            props.update({
                "listeners": f"SASL_PLAINTEXT://{self.host}:{self.port},CONTROLLER://{self.host}:{self.controller_port}",
                "advertised.listeners": f"SASL_PLAINTEXT://{self.host}:{self.port}",
                "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "inter.broker.listener.name": "SASL_PLAINTEXT",
                "sasl.enabled.mechanisms": "PLAIN",
                "sasl.mechanism.inter.broker.protocol": "PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config":
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    f'username="{admin_user}" password="{admin_pw}" {users};',
            })
        else:
            props.update({
                "listeners": f"PLAINTEXT://{self.host}:{self.port},CONTROLLER://{self.host}:{self.controller_port}",
                "advertised.listeners": f"PLAINTEXT://{self.host}:{self.port}",
                "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            })
        props.update(self.extra)
        return props

    def _java(self, libs: Path, *args: str) -> list[str]:
        java = shutil.which("java")
        if not java:
            raise BrokerError("java is not installed (OpenJDK 17 or newer is needed)")
        return [java, f"-Xmx{self.heap}", f"-Xms{self.heap}", *self.jvm_options,
                f"-Dlog4j2.configurationFile={self.data_dir.resolve() / 'log4j2.yaml'}",
                "-cp", f"{libs}/*", *args]

    def prepare(self) -> Path:
        """Write the config and format the storage once; return the config path."""
        libs = resolve_jars(libs_dir(self.libs))
        self.data_dir.mkdir(parents=True, exist_ok=True)
        config = self.data_dir / "server.properties"
        config.write_text("".join(f"{k}={v}\n" for k, v in self.properties().items()))
        (self.data_dir / "log4j2.yaml").write_text(LOG4J2)
        if not (self.data_dir / "kraft" / "meta.properties").exists():
            # `--cluster-id=<id>` in one argument: a base64 id may start with "-"
            cid = self.cluster_id or new_cluster_id()
            # a static quorum (controller.quorum.voters) is formatted without --standalone
            quorum = [] if self.voters else ["--standalone"]
            cmd = self._java(libs, "kafka.tools.StorageTool", "format", *quorum, f"--cluster-id={cid}",
                             "-c", str(config))
            result = subprocess.run(cmd, capture_output=True, text=True)
            if result.returncode != 0:
                raise BrokerError(f"formatting the Kafka storage failed:\n{result.stdout}{result.stderr}")
        return config

    def start(self, timeout: float = 60.0, log_path: Path | None = None) -> None:
        self.launch(log_path)
        self.wait_ready(timeout)

    def launch(self, log_path: Path | None = None) -> None:
        """Start the JVM without waiting (the nodes of a cluster start together: a quorum needs a
        majority of its voters before any of them is ready)."""
        if port_open(self.host, self.port):
            raise BrokerError(f"port {self.port} is already in use: a broker is running there already?")
        config = self.prepare()
        libs = libs_dir(self.libs)
        log = open(log_path or self.data_dir / "broker.log", "ab")
        self.process = subprocess.Popen(self._java(libs, "kafka.Kafka", str(config)),
                                        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                        preexec_fn=die_with_parent_preexec if self.die_with_parent else None)
        log.close()  # the child has its own copy

    def wait_ready(self, timeout: float = 60.0) -> None:
        assert self.process is not None, "launch() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = (self.data_dir / "broker.log").read_text(errors="replace")[-3000:]
                raise BrokerError(f"Kafka exited with code {self.process.returncode}:\n{tail}")
            if port_open(self.host, self.port) and self.ready():
                return
            time.sleep(0.2)
        self.stop()
        raise BrokerError(f"Kafka did not open port {self.port} within {timeout:.0f}s")

    def ready(self) -> bool:
        """True once the broker is registered and unfenced: it can create a topic."""
        if self.sasl_users:
            return True
        import asyncio

        async def probe() -> bool:
            from aiokafka.admin import AIOKafkaAdminClient, NewTopic
            from aiokafka.errors import KafkaError, TopicAlreadyExistsError

            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=3000)
            try:
                await admin.start()
                try:
                    await admin.create_topics([NewTopic("__geoevents_ready", 1, 1)])
                except TopicAlreadyExistsError:
                    pass
                return True
            except (KafkaError, OSError):
                return False
            finally:
                await admin.close()

        try:
            return asyncio.run(probe())
        except Exception:  # noqa: BLE001 - not ready yet
            return False

    def stop(self, timeout: float = 30.0) -> None:
        proc = self.process
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except (subprocess.TimeoutExpired, KeyboardInterrupt):  # a second Ctrl-C or SIGTERM: kill it now
            proc.kill()
            proc.wait(10)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def __enter__(self) -> LocalKafka:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
