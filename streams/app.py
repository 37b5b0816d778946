"""The Faust app: one per worker process. Topics, tables and agents register on it when imported."""

from __future__ import annotations

import asyncio
import gc
import ssl
from typing import Any

import faust
from faust.sensors import Monitor

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


def commit_only_what_was_processed() -> None:
    """Two fixes to faust-streaming 0.15.3's offset commits, which could commit offsets that no
    agent processed, and so lose messages after a crash (found by the SIGKILL scenario):

    * when the offsets fetched for a partition jump (after a seek or a rebalance), Faust records the
      skipped offsets as a "gap" and commits through it as if they were processed; the project's
      topics have neither compaction nor transaction markers, so their offsets never have holes
      and a jump only means messages still to come: no gap is recorded;
    * the check that holds a commit back while the next offset is not acknowledged is one off
      (`min(acked) - committed > 1`, where `committed` is already the next offset to read).
    A commit now only moves over offsets that were acknowledged, in order."""
    from faust.transport.consumer import Consumer
    from faust.utils.functional import consecutive_numbers

    async def _add_gap(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
        return None

    def _new_offset(self: Any, tp: Any) -> int | None:
        acked = self._acked[tp]
        if not acked:
            return None
        acked.sort()
        committed = self._committed_offset[tp]
        if committed is not None and acked[0] > committed:
            return None  # the next offset to commit is still being processed
        batch = next(consecutive_numbers(acked))
        acked[: len(batch)] = []
        self._acked_index[tp].difference_update(batch)
        return int(batch[-1]) + 1

    Consumer._add_gap = _add_gap  # type: ignore[method-assign]
    Consumer._new_offset = _new_offset  # type: ignore[method-assign]


def seek_before_resuming_streams() -> None:
    """Three fixes to how faust-streaming 0.15.3 (with aiokafka 0.12) positions its stream
    partitions, each of which made a worker skip messages after a restart (found by the SIGKILL
    scenario, evidence in docs/reliability.md). A skipped message was then either committed over
    (lost) or held the commit back for good (stuck):

    * when table recovery ends, Faust resumes the stream partitions *before* it seeks them to
      their committed offsets, while message flow is already on: messages fetched in between are
      delivered, the seek rewinds, and the fetch loop then records its own read offset over the
      rewound one, so every re-fetched message up to it is dropped as "already read" (seen: 16
      articles per partition skipped). The partitions now stay paused until the seek is done;
    * Faust passes its live set of active partitions to the fetch, which runs in the consumer
      thread; when the set empties meanwhile (all partitions paused at the end of a recovery),
      aiokafka reads the empty set as "every partition" and returns records of paused
      partitions, which Faust then drops while the fetch position moves past them. The fetch now
      gets a snapshot of the set and fetches nothing when it is empty;
    * a partition with no committed offset was not sought at all (aiokafka only seeks to a
      committed offset), so its position stayed past such dropped records, and it had no lower
      bound for commits. It is now sought to its earliest offset (`auto_offset_reset=earliest`),
      which also becomes its commit bound."""
    from faust.tables.recovery import Recovery
    from faust.transport.consumer import Consumer
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    original_seek = Consumer.perform_seek

    async def perform_seek(self: Any) -> None:
        await original_seek(self)
        if self.app.conf.consumer_auto_offset_reset != "earliest":
            return
        unknown = [tp for tp in self.assignment()
                   if self._committed_offset[tp] is None and self.app.topics.acks_enabled_for(tp.topic)]
        if unknown:
            earliest = await self.earliest_offsets(*unknown)
            for tp in unknown:
                if earliest.get(tp) is not None:
                    await self.seek(tp, earliest[tp])
                    self._committed_offset[tp] = earliest[tp]

    Consumer.perform_seek = perform_seek  # type: ignore[method-assign]

    original_fetch = AIOKafkaConsumerThread._fetch_records

    async def _fetch_records(self: Any, consumer: Any, active_partitions: Any, timeout: float | None = None,
                             max_records: int | None = None) -> Any:
        if active_partitions is not None:
            active_partitions = frozenset(active_partitions)
            if not active_partitions:
                await asyncio.sleep(min(timeout or 0.0, 0.1))
                return {}
        return await original_fetch(self, consumer, active_partitions, timeout=timeout, max_records=max_records)

    AIOKafkaConsumerThread._fetch_records = _fetch_records  # type: ignore[method-assign]

    def resume_after_seek(original: Any) -> Any:
        async def wrapper(self: Any, generation_id: int = 0) -> None:
            consumer = self.app.consumer
            task = asyncio.current_task()
            held: list[Any] = []
            state = {"holding": True}

            def release() -> None:
                if state["holding"]:
                    state["holding"] = False
                    del consumer.resume_partitions
                    del consumer.perform_seek
                    if held:
                        consumer.resume_partitions(set(held))

            async def seek_then_resume() -> None:
                await type(consumer).perform_seek(consumer)
                if asyncio.current_task() is task:  # not another caller's plain seek
                    release()

            consumer.resume_partitions = held.extend
            consumer.perform_seek = seek_then_resume
            try:
                await original(self, generation_id)
            finally:
                release()

        return wrapper

    for name in ("on_recovery_completed", "_resume_streams"):
        setattr(Recovery, name, resume_after_seek(getattr(Recovery, name)))


def idempotent_producer() -> None:
    """faust-streaming 0.15.3 makes its producer idempotent only under exactly_once. Without it, a
    produce request retried after a broker restart can be written twice (seen: a batch of
    `actor-mentions` records twice, so 40 mentions counted twice). acks=all and idempotence
    always: Kafka then drops the retried copy."""
    from faust.transport.drivers.aiokafka import Producer

    def _settings_extra(self: Any) -> Any:
        return {"acks": "all", "enable_idempotence": True}

    Producer._settings_extra = _settings_extra  # type: ignore[method-assign]


def cheap_batch_waits() -> None:
    """`Stream.take_events` waits for its buffer to fill with `wait_for_stopped(buffer_full,
    timeout=within)`, in a loop that hands over what the buffer holds each time the timer runs
    out. Two costs are removed here, without changing when a batch is handed over:

    - mode implements that wait by starting three tasks (the event, the stream's stopped and
      crashed flags), waiting for the first, then cancelling the other two: about 140 µs each time
      the timer runs out. Here the wait is on the event alone, under `asyncio.timeout`.
    - An idle stream's timer still ran out every `within` (ingest and dedup 50 times a second)
      just to find the buffer empty. Here a processor added before take_events' own marks that a
      value arrived; with nothing arrived, the wait first waits for a value, with no timer, and
      then for the rest of the `within` tick the loop was in, so the batch is handed over when it
      would have been.

    When the stream stops, `on_stop` sets the event being waited on, so take_events still hands
    over what it has buffered at once, as before; a crash is seen when the wait ends."""
    from faust.streams import Stream

    original_take, original_wait, original_on_stop = Stream.take_events, Stream.wait_for_stopped, Stream.on_stop

    def take_events(self: Any, max_: int, within: Any) -> Any:
        if getattr(self, "_batch_arrived", None) is None:
            arrived = asyncio.Event()

            def mark(value: Any) -> Any:
                arrived.set()
                return value

            self._batch_arrived = arrived
            self.add_processor(mark)  # runs before the processor take_events adds to fill its buffer
        return original_take(self, max_, within)

    async def wait_on(stream: Any, flag: asyncio.Event, timeout: float | None = None) -> None:
        """Wait for `flag`, at most `timeout` s; `on_stop` sets the flag being waited on."""
        stream._batch_wait = flag
        try:
            async with asyncio.timeout(timeout):
                await flag.wait()
        except TimeoutError:
            pass
        finally:
            stream._batch_wait = None

    async def wait_for_stopped(self: Any, *coros: Any, timeout: Any = None) -> bool:
        if len(coros) != 1 or not isinstance(coros[0], asyncio.Event) or not timeout:
            return bool(await original_wait(self, *coros, timeout=timeout))
        event, within = coros[0], float(timeout)
        arrived: asyncio.Event | None = getattr(self, "_batch_arrived", None)
        try:
            if arrived is not None and not (arrived.is_set() or event.is_set() or self.should_stop):
                loop = asyncio.get_running_loop()
                started = loop.time()
                await wait_on(self, arrived)
                # the ticks that found nothing have passed; wait out the one the value came in
                within -= (loop.time() - started) % within
            if not (event.is_set() or self.should_stop):
                await wait_on(self, event, within)
        finally:
            if arrived is not None:
                arrived.clear()  # what came so far is in the buffer take_events hands over now
        return bool(self.should_stop)

    async def on_stop(self: Any) -> None:
        waiting = getattr(self, "_batch_wait", None)
        if waiting is not None:
            waiting.set()
        await original_on_stop(self)

    Stream.take_events = take_events  # type: ignore[method-assign]
    Stream.wait_for_stopped = wait_for_stopped  # type: ignore[method-assign]
    Stream.on_stop = on_stop  # type: ignore[method-assign]


class QuietMonitor(Monitor):
    """Faust's default sensor without its per-message bookkeeping (counters, timings and deques
    updated for every message in and out, every stream event, every send and every table read
    and write). Nothing in geoevents reads those statistics: its metrics are in streams/metrics.py.
    The rest (end offsets, commits, rebalances) is Faust's own."""

    def on_message_in(self, tp: Any, offset: int, message: Any) -> None:
        return None

    def on_stream_event_in(self, tp: Any, offset: int, stream: Any, event: Any) -> None:
        return None

    def on_stream_event_out(self, tp: Any, offset: int, stream: Any, event: Any, state: Any = None) -> None:
        return None

    def on_message_out(self, tp: Any, offset: int, message: Any) -> None:
        return None

    def on_table_get(self, table: Any, key: Any) -> None:
        return None

    def on_table_set(self, table: Any, key: Any, value: Any) -> None:
        return None

    def on_send_initiated(self, producer: Any, topic: str, message: Any, keysize: int, valsize: int) -> None:
        return None

    def on_send_completed(self, producer: Any, state: Any, metadata: Any) -> None:
        return None


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
        producer_linger=0.02,
        # per partition; Faust's 16 KiB fills with ~12 events, and every full batch is a produce
        # request of its own (256 KiB: about a third less broker CPU, docs/benchmark.md)
        producer_max_batch_size=256 * 1024,
        stream_wait_empty=True,
        broker_session_timeout=15.0,
        broker_heartbeat_interval=3.0,
        stream_buffer_maxsize=128,
        # a standby copy of another worker's tables consumes every changelog write of that worker
        table_standby_replicas=settings.standby_replicas,
        autodiscover=False,
        Monitor=QuietMonitor,
    )


def batched_changelogs() -> None:
    """Table writes go into record batches per changelog partition (CHANGELOG in
    streams/agents/batching.py), handed over by `delivered()`, instead of one by one through
    Faust's producer buffer. That buffer cost a queue hand-off, a task and an `asyncio.wait_for`
    per record (about 18 per article), and its flush gives up after 0.1 s without a record sent,
    returning with records still queued. Records, keys and partitions are those Faust would
    send; under exactly_once (transactions) Faust's own path is kept."""
    from types import SimpleNamespace

    from faust.tables.base import Collection

    original = Collection.send_changelog

    def send_changelog(self: Any, partition: int | None, key: Any, value: Any,
                       key_serializer: Any = None, value_serializer: Any = None) -> Any:
        from streams.agents.batching import CHANGELOG  # imported here: the agents import this module
        from streams.agents.outbox import direct_sends

        if partition is None or not direct_sends(self.app):
            return original(self, partition, key, value, key_serializer, value_serializer)

        topic = self.changelog_topic
        raw_key, key_headers = topic.prepare_key(key, key_serializer or self.key_serializer)
        raw_value, value_headers = topic.prepare_value(value, value_serializer or self.value_serializer)
        if key_headers or value_headers:
            return original(self, partition, key, value, key_serializer, value_serializer)
        CHANGELOG.add(self, partition, raw_key, raw_value)
        return SimpleNamespace(message=SimpleNamespace(partition=partition))  # what on_key_set reads

    Collection.send_changelog = send_changelog  # type: ignore[method-assign]


def settle_heap() -> None:
    """Collect garbage, then move every object alive now out of the garbage collector's reach
    (gc.freeze): modules, Faust's app, the data files. A started worker holds about 150,000
    such objects, and every full collection walked all of them (about 150 ms each time); the
    collections after this walk only what was made since."""
    gc.collect()
    gc.freeze()


def quiet_client_logs() -> None:
    """aiokafka and Faust build debug records on hot paths; keep their loggers at WARNING."""
    import logging

    for name in ("aiokafka", "faust", "mode"):
        logging.getLogger(name).setLevel(logging.WARNING)


commit_only_what_was_processed()
seek_before_resuming_streams()
idempotent_producer()
cheap_batch_waits()
batched_changelogs()
settings = get_settings()
if settings.trace_offsets:
    from streams.diagnostics import trace_offsets

    trace_offsets()
app = create_app(settings)
