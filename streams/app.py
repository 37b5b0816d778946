"""The Faust app: one per worker process. Topics, tables and agents register on it when imported."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

import faust
from faust.transport.consumer import TransactionManager
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

from streams.settings import Settings, get_settings


def broker_credentials(settings: Settings) -> Any:
    """Kafka security from settings: SASL (PLAIN/SCRAM) and/or SSL, or None for PLAINTEXT."""
    protocol = settings.security_protocol.upper()
    if protocol == "PLAINTEXT":
        return None
    context = None
    if protocol in ("SSL", "SASL_SSL"):
        context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH, cafile=settings.ssl_cafile or None)
        if settings.ssl_certfile:
            context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
    if protocol == "SSL":
        return faust.SSLCredentials(context)
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=settings.sasl_password,
        mechanism=settings.sasl_mechanism,
        ssl_context=context,
    )


# --- exactly_once ------------------------------------------------------------------------------------
# Faust 0.15.3 puts a record into the transaction of its *destination* partition
# (TransactionManager.send) and commits each transaction with the offsets of the *source* partition
# of the same number, from a commit task that runs concurrently with the agents. With re-keying
# topics (articles -> articles.by-hash -> articles.unique) an output therefore lands in a
# transaction committed with other offsets, records to topics nobody consumes (articles-rejected,
# events.<quad>) bypass transactions entirely, and a commit can fall in the middle of a message's
# sends: a kill then duplicates or loses effects. Fixed here, Kafka Streams style:
# - every record sent while processing a message goes into the transaction of that message's
#   source partition (`source_tp`, else faust.current_event());
# - a commit waits until no agent is between its first send for a message and its ack
#   (`commit_gate`), drains the producer buffer (table changelogs) and only then commits the
#   offsets acked so far, together with everything sent for them, in one transaction per partition.

_source_tp: ContextVar[TP | None] = ContextVar("geoevents_source_tp", default=None)


class CommitGate:
    """Readers: agents processing one message (or batch); writer: the transactional commit."""

    def __init__(self) -> None:
        self._active = 0
        self._idle: asyncio.Event | None = None
        self._open: asyncio.Event | None = None

    def _events(self) -> tuple[asyncio.Event, asyncio.Event]:
        if self._idle is None or self._open is None:
            self._idle, self._open = asyncio.Event(), asyncio.Event()
            self._idle.set()
            self._open.set()
        return self._idle, self._open

    @asynccontextmanager
    async def processing(self, event: Any = None) -> AsyncIterator[None]:
        idle, open_ = self._events()
        while not open_.is_set():
            await open_.wait()
        self._active += 1
        idle.clear()
        token = _source_tp.set(event.message.tp) if event is not None else None
        try:
            yield
        finally:
            if token is not None:
                _source_tp.reset(token)
            self._active -= 1
            if self._active == 0:
                idle.set()

    @asynccontextmanager
    async def committing(self) -> AsyncIterator[None]:
        idle, open_ = self._events()
        open_.clear()
        try:
            await idle.wait()
            yield
        finally:
            open_.set()


commit_gate = CommitGate()


@asynccontextmanager
async def source(event: Any) -> AsyncIterator[None]:
    """Send what follows in the transaction of `event`'s partition (for batches of several partitions)."""
    token = _source_tp.set(event.message.tp)
    try:
        yield
    finally:
        _source_tp.reset(token)


class SourcePartitionTransactions(TransactionManager):
    def _tid(self, topic: str, partition: int) -> str:
        return f"{self.app.conf.id}-{self.app.assignor.group_for_topic(topic)}-{partition}"

    async def send(self, topic: str, key: bytes | None, value: bytes | None, partition: int | None,
                   timestamp: float | None, headers: Any, *, transactional_id: str | None = None) -> Any:
        src = _source_tp.get()
        if src is None:
            event = faust.current_event()
            src = event.message.tp if event is not None else None
        if src is None:  # table changelogs from the producer buffer: their partition is the source's
            return await super().send(topic, key, value, partition, timestamp, headers)
        p = self.consumer.key_partition(topic, key, partition)
        return await self.producer.send(topic, key, value, p, timestamp, headers,
                                        transactional_id=self._tid(src.topic, src.partition))

    async def commit(self, offsets: Mapping[TP, int], start_new_transaction: bool = True) -> bool:
        async with commit_gate.committing():
            await self.producer.flush()
            consumer: Any = self.consumer
            assignment = consumer.assignment()
            latest = dict(offsets)
            for tp, offset in consumer._filter_committable_offsets(consumer._filter_tps_with_pending_acks()).items():
                if tp in assignment and offset > latest.get(tp, -1):
                    latest[tp] = offset
            return await super().commit(latest, start_new_transaction=start_new_transaction)


faust_aiokafka.Transport.TransactionManager = SourcePartitionTransactions


def create_app(settings: Settings) -> faust.App:
    (settings.data_dir / "worker").mkdir(parents=True, exist_ok=True)
    brokers = [u.strip() if "://" in u else f"kafka://{u.strip()}" for u in settings.broker.split(";") if u.strip()]
    return faust.App(
        settings.app_id,
        broker=brokers,
        broker_credentials=broker_credentials(settings),
        store=settings.store,
        datadir=str(settings.data_dir / "worker"),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        topic_allow_declare=True,
        processing_guarantee=settings.guarantee,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        web_in_thread=False,
        canonical_url=settings.canonical_url,
        key_serializer="raw",
        value_serializer="raw",
        table_cleanup_interval=60.0,
        broker_commit_every=200,
        broker_commit_interval=1.0,
        producer_linger=0.005,
        stream_wait_empty=True,
        stream_buffer_maxsize=256,
        broker_session_timeout=20.0,
        autodiscover=False,
    )


settings = get_settings()
app = create_app(settings)
