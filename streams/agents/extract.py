"""Hop 3, `articles.unique` -> `events`, `events.<quad>`, `actor-mentions`.

Articles are taken in batches (stream.take_events) and parsed in a separate process
(GEOEVENTS_NLP_PROCESSES), so the event loop, heartbeats and the web server never wait on spaCy.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from streams import jsonio, metrics
from streams.agents.batching import acting_for, delivered
from streams.agents.rejects import reject
from streams.app import app, settings
from streams.extraction.pipeline import extract_batch, warm_up
from streams.tables import EVENT_TIME_HEADER, extracted
from streams.topics import articles_unique, events, events_by_quad, mentions
from streams.validate import now_iso

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


def event_time(iso: str) -> float:
    """Event time (epoch seconds) of an article: its published_at, never later than now."""
    ts = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    return min(ts, time.time())


@app.agent(articles_unique)
async def extract(stream: Any) -> None:
    loop = asyncio.get_running_loop()
    async for batch in stream.take_events(settings.batch_size, within=settings.batch_within):
        # an article whose extraction was fully delivered before is a redelivery: skip it
        todo = [ev for ev in batch if extracted.get(ev.key.decode() if ev.key else "") is None]
        articles = [jsonio.loads(ev.value) for ev in todo]
        if not articles:
            continue
        started = time.perf_counter()
        results = await loop.run_in_executor(executor(), extract_batch, articles, settings.model)
        metrics.EXTRACTION_SECONDS.observe(time.perf_counter() - started)
        metrics.BATCH_SIZE.observe(len(todo))
        pending: list[Any] = []
        for ev, article, result in zip(todo, articles, results, strict=True):
            if "error" in result:
                await reject(ev, ev.value, "extraction_failed", result["error"], article["id"])
                continue
            pending += await emit(article, result)
            metrics.ARTICLES_EXTRACTED.inc()
        # every record of the batch is delivered before its articles are marked extracted
        await asyncio.gather(*pending)
        for ev, article in zip(todo, articles, strict=True):
            with acting_for(stream, ev):
                extracted[article["id"]] = ev.message.offset
        await delivered()


async def emit(article: dict[str, Any], result: dict[str, Any]) -> list[Any]:
    """Send an article's events and mentions; return the delivery futures."""
    headers = {EVENT_TIME_HEADER: str(event_time(article["published_at"])).encode()}
    extracted_at = now_iso()
    pending = []
    for record in result["events"]:
        record["extracted_at"] = extracted_at
        key = record["event_id"].encode()
        value = jsonio.dumps(record)
        pending.append(await events.send(key=key, value=value))
        pending.append(await events_by_quad[record["quad_class"]].send(key=key, value=value))
        metrics.EVENTS_OUT.labels(root=record["cameo"]["root"]).inc()
    for mention in result["mentions"]:
        pending.append(await mentions.send(key=mention["actor"].encode(), value=jsonio.dumps(mention),
                                           headers=headers))
        metrics.MENTIONS_OUT.inc()
    return pending
