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
from streams.agents.rejects import reject
from streams.app import app, commit_gate, settings, source
from streams.extraction.pipeline import extract_batch, warm_up
from streams.tables import EVENT_TIME_HEADER
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
        articles = [jsonio.loads(ev.value) for ev in batch]
        started = time.perf_counter()
        results = await loop.run_in_executor(executor(), extract_batch, articles, settings.model)
        metrics.EXTRACTION_SECONDS.observe(time.perf_counter() - started)
        metrics.BATCH_SIZE.observe(len(batch))
        # no commit between the first record of the batch and its acks; each record goes into
        # the transaction of its article's partition (exactly_once, see streams/app.py)
        async with commit_gate.processing():
            for ev, article, result in zip(batch, articles, results, strict=True):
                async with source(ev):
                    if "error" in result:
                        await reject(ev, ev.value, "extraction_failed", result["error"], article["id"])
                        continue
                    await emit(article, result)
                metrics.ARTICLES_EXTRACTED.inc()


async def emit(article: dict[str, Any], result: dict[str, Any]) -> None:
    headers = {EVENT_TIME_HEADER: str(event_time(article["published_at"])).encode()}
    extracted_at = now_iso()
    for record in result["events"]:
        record["extracted_at"] = extracted_at
        key = record["event_id"].encode()
        value = jsonio.dumps(record)
        await events.send(key=key, value=value)
        await events_by_quad[record["quad_class"]].send(key=key, value=value)
        metrics.EVENTS_OUT.labels(root=record["cameo"]["root"]).inc()
    for mention in result["mentions"]:
        await mentions.send(key=mention["actor"].encode(), value=jsonio.dumps(mention), headers=headers)
        metrics.MENTIONS_OUT.inc()
