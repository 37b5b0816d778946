"""An extraction interrupted after some of its records reached Kafka is resumed without duplicates.

The state a SIGKILL can leave behind is built by hand on the real broker: the article's `extracted`
mark says "sending" (in the table's changelog topic, where the killed worker would have written it)
and half of its events and mentions are already on the output topics. A fresh worker then gets the
article: it must read the outputs back and send only the missing records.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from collections import Counter
from typing import Any

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.partitioner import DefaultPartitioner

from scripts import reliability as rel
from streams import jsonio
from streams.clients import producer, security_kwargs
from streams.extraction.pipeline import extract_batch
from streams.extraction.records import mention_records
from streams.settings import Settings
from streams.tables import EVENT_TIME_HEADER
from streams.testing import http_json, read_topic
from streams.topics import ensure_topics
from streams.validate import validate_article
from tests.helpers import wait_settled

pytestmark = pytest.mark.integration


async def _leave_interrupted(cfg: Settings, article_id: str, content_hash: str, events: list[dict[str, Any]],
                             mentions: list[dict[str, Any]], published: float) -> None:
    await ensure_topics(cfg)
    changelog = f"{cfg.app_id}-extracted-changelog"
    admin = AIOKafkaAdminClient(bootstrap_servers=cfg.bootstrap_servers, **security_kwargs(cfg))
    await admin.start()
    try:
        await admin.create_topics([NewTopic(changelog, cfg.partitions, cfg.replication,
                                            topic_configs={"cleanup.policy": "compact"})])
    finally:
        await admin.close()
    prod = producer(cfg)
    await prod.start()
    try:
        partitions = list(range(cfg.partitions))
        # the mark is on the partition of articles.unique the article goes to: for the first
        # article of a fresh worker, the number of its articles.by-hash partition (streams/agents/dedup.py)
        partition = DefaultPartitioner()(content_hash.encode(), partitions, partitions)
        await prod.send_and_wait(changelog, key=jsonio.dumps(article_id),
                                 value=jsonio.dumps({"sending": int(time.time() * 1000) - 2000}), partition=partition)
        for ev in events:
            await prod.send_and_wait(cfg.topic_events, key=ev["event_id"].encode(), value=jsonio.dumps(ev))
            quad = cfg.flow_topics.events_by_quad[ev['quad_class']]
            await prod.send_and_wait(quad, key=ev["event_id"].encode(), value=jsonio.dumps(ev))
        for m in mentions:
            await prod.send_and_wait(cfg.topic_mentions, key=m["actor"].encode(), value=jsonio.dumps(m),
                                     headers=[(EVENT_TIME_HEADER, str(published).encode())])
    finally:
        await prod.stop()


def test_interrupted_extraction_resumes_without_duplicates(stack_env: dict[str, str], start_worker: Any) -> None:
    cfg = Settings.from_mapping(stack_env)
    payload = rel.make_articles(1)[0]
    article = validate_article(payload)
    result = extract_batch([article])[0]
    events, mentions = result["events"], result["mentions"]
    assert len(events) >= 2, "the sample must give several events"
    records = mention_records(article["id"], mentions)
    assert len(records) >= 2, "the sample must mention several actors"
    sent_events, sent_mentions = events[: len(events) // 2], records[::2]
    asyncio.run(_leave_interrupted(cfg, article["id"], article["content_hash"], sent_events, sent_mentions, time.time()))

    worker = start_worker()
    rel.publish(cfg, [payload])
    wait_settled([worker], 1, timeout=180)

    expected_events = sorted(ev["event_id"] for ev in events)
    on_events = sorted(key for key, _ in read_topic(cfg, cfg.topic_events))
    assert on_events == expected_events  # every event once: the half already there was not sent again
    on_quads = Counter(key for topic in cfg.flow_topics.events_by_quad.values()
                       for key, _ in read_topic(cfg, topic))
    assert on_quads == Counter(expected_events)
    on_mentions = Counter(value["mention_id"] for _, value in read_topic(cfg, cfg.topic_mentions))
    assert on_mentions == Counter(r["mention_id"] for r in records)

    # the seeded mentions are counted too, so the counters settle early: wait for the table itself
    want = dict(Counter(m["actor"] for m in mentions))
    deadline = time.monotonic() + 60
    while True:
        top = http_json(f"{worker.url}/api/actors/top?window=all&n=500", timeout=20)
        table = {a["code"]: a["mentions"] for a in top["actors"]}
        if table == want or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert table == want
    with urllib.request.urlopen(f"{worker.url}/metrics", timeout=10) as resp:
        metrics_text = resp.read().decode()
    assert "geoevents_resumed_batches_total 1.0" in metrics_text
