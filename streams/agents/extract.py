"""Hop 3, `articles.unique` -> `events`, `events.<quad>`, `events.by-article`, `events.by-story`, `actor-mentions`.

Articles are taken in batches (stream.take_events) and parsed in a separate process
(GEOEVENTS_NLP_PROCESSES), so the event loop, heartbeats and the web server never wait on spaCy.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from streams import jsonio, metrics
from streams.agents.batching import acting_for, delivered, recovered
from streams.agents.outbox import Outbox, batch_outbox, forward
from streams.agents.readback import IdOf, delivered_ids, key_id, mention_id, record_id
from streams.agents.rejects import reject
from streams.app import app, settings, settle_heap
from streams.extraction.records import encode_batch, warm_up
from streams.tables import EVENT_TIME_HEADER, extracted
from streams.topics import (
    articles_unique,
    events,
    events_by_article,
    events_by_quad,
    events_by_story,
    mentions,
)

log = logging.getLogger(__name__)
_executor: Executor | None = None


def executor() -> Executor:
    global _executor
    if _executor is None:
        if settings.nlp_processes > 0:
            _executor = ProcessPoolExecutor(
                max_workers=settings.nlp_processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=warm_up,
                initargs=(settings.model,),
            )
        else:
            _executor = ThreadPoolExecutor(max_workers=1, initializer=warm_up, initargs=(settings.model,))
    return _executor


_ready = False


def parser_ready() -> bool:
    return _ready


@app.task
async def start_parser() -> None:
    """Start the parsing process at worker start, so the first batch does not pay for loading the model."""
    global _ready
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(executor(), warm_up, settings.model)
    _ready = True
    settle_heap()  # the worker has started: what is alive now lives as long as it does


def event_time(iso: str) -> float:
    """Event time (epoch seconds) of an article: its published_at, never later than now."""
    ts = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    return min(ts, time.time())


def is_done(mark: Any) -> bool:
    """An `extracted` mark of an article whose records were all delivered."""
    return isinstance(mark, dict) and "off" in mark


# article id -> finished when the batch holding it is done (several agent instances run at once)
_in_flight: dict[str, asyncio.Future[None]] = {}


@app.agent(articles_unique, concurrency=settings.extract_concurrency)
async def extract(stream: Any) -> None:
    """Marks make the outputs exactly-once per id (see streams/agents/readback.py):
    `{"sending": t}` is delivered before an article's first record is sent, `{"off": offset}`
    after its last record is delivered. A done article is skipped; an interrupted one is resumed
    by sending only the records that are not in Kafka yet.

    `GEOEVENTS_EXTRACT_CONCURRENCY` instances (default 2) run at once, so one batch is parsed
    while the previous one is sent; an article id is handled by one instance at a time. Their
    acknowledgements arrive out of order; the commit moves only over offsets acknowledged in order
    (`commit_only_what_was_processed` in streams/app.py, docs/reliability.md)."""
    loop = asyncio.get_running_loop()
    async for batch in stream.take_events(settings.batch_size, within=settings.batch_within):
        await recovered()
        ids = [ev.key.decode() if ev.key else "" for ev in batch]
        while busy := [_in_flight[i] for i in ids if i in _in_flight]:
            await asyncio.gather(*busy)
        todo, marks, seen = [], [], set()
        for aid, ev in zip(ids, batch, strict=True):
            mark = extracted.get(aid)
            if aid not in seen and not is_done(mark):  # the same article twice: forwarded again upstream
                seen.add(aid)
                todo.append(ev)
                marks.append(mark)
        if not todo:
            continue
        done = loop.create_future()
        for aid in seen:
            _in_flight[aid] = done
        try:
            await extract_and_send(stream, todo, marks)
        finally:
            for aid in seen:
                del _in_flight[aid]
            done.set_result(None)


async def extract_and_send(stream: Any, todo: list[Any], marks: list[Any]) -> None:
    loop = asyncio.get_running_loop()
    articles = [jsonio.loads(ev.value) for ev in todo]
    now_ms = int(time.time() * 1000)
    interrupted = [m["sending"] for m in marks if isinstance(m, dict) and "sending" in m]
    for ev, article, mark in zip(todo, articles, marks, strict=True):
        # keep the earliest start: an earlier attempt may have sent records since then
        start = mark["sending"] if isinstance(mark, dict) and "sending" in mark else now_ms
        with acting_for(stream, ev):
            extracted[article["id"]] = {"sending": min(start, now_ms)}
    started = time.perf_counter()
    parsing = loop.run_in_executor(executor(), encode_batch, articles, settings.model)
    await delivered()  # the sending marks reach Kafka while the batch is parsed
    present = await already_sent(min(interrupted)) if interrupted else None
    results = await parsing
    metrics.EXTRACTION_SECONDS.observe(time.perf_counter() - started)
    metrics.BATCH_SIZE.observe(len(todo))

    pending: list[Any] = []
    # outputs go straight to Faust's (idempotent) producer, a record batch per partition, and
    # `delivered()` waits for them; under exactly_once (no outbox) they go through Topic.send,
    # which puts them in the transaction of the source partition
    outbox = await batch_outbox(app, list(output_topics()))
    for ev, article, result in zip(todo, articles, results, strict=True):
        if "error" in result:
            await reject(ev, ev.value, "extraction_failed", result["error"], article["id"])
            continue
        pending += await emit(article, result, present, outbox)
        metrics.ARTICLES_EXTRACTED.inc()
    if outbox is not None:
        pending += await outbox.send()
    await asyncio.gather(*pending)
    for ev, article in zip(todo, articles, strict=True):
        with acting_for(stream, ev):
            extracted[article["id"]] = {"off": ev.message.offset}
    await delivered()


def output_topics() -> dict[str, IdOf]:
    out: dict[str, IdOf] = {events.get_topic_name(): key_id, mentions.get_topic_name(): mention_id,
                            events_by_article.get_topic_name(): key_id, events_by_story.get_topic_name(): record_id}
    out.update({t.get_topic_name(): key_id for t in events_by_quad.values()})
    return out


async def already_sent(since_ms: int) -> dict[str, set[str]]:
    """Ids already on each output topic, for resuming articles interrupted at `since_ms`."""
    present = await delivered_ids(settings, output_topics(), since_ms - int(settings.resume_lookback * 1000))
    log.warning("resuming interrupted extractions: %s records of them were already delivered",
             sum(len(v) for v in present.values()))
    metrics.RESUMED_BATCHES.inc()
    return present


async def emit(article: dict[str, Any], result: dict[str, Any],
               present: dict[str, set[str]] | None = None, outbox: Outbox | None = None) -> list[Any]:
    """Send an article's events and mentions (those not in `present`; records as built by
    streams/extraction/records.py): into `outbox` when given, else through Topic.send, whose
    delivery futures are returned."""
    headers = {EVENT_TIME_HEADER: str(event_time(article["published_at"])).encode()}
    pending = []

    async def send(topic: Any, rid: str, key: bytes, value: bytes, headers: Any = None) -> bool:
        name = topic.get_topic_name()
        if present is not None and rid in present.get(name, ()):
            return False
        if (fut := await forward(outbox, topic, key, value, headers=headers)) is not None:
            pending.append(fut)
        return True

    for ev in result["events"]:
        key = ev.event_id.encode()
        if await send(events, ev.event_id, key, ev.value):
            metrics.EVENTS_OUT.labels(root=ev.root).inc()
        await send(events_by_quad[ev.quad_class], ev.event_id, key, ev.value)
    if result.get("article_events"):
        await send(events_by_article, article["id"], article["id"].encode(), result["article_events"])
    for story in result.get("stories", ()):
        await send(events_by_story, story.record_id, story.story_id.encode(), story.value, headers=headers)
    for m in result["mentions"]:
        if await send(mentions, m.mention_id, m.actor.encode(), m.value, headers=headers):
            metrics.MENTIONS_OUT.inc(m.mentions)
    return pending
