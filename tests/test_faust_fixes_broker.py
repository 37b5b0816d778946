"""The Faust fixes that only show on the real broker: the idempotent producer (idempotent_producer),
table writes in Kafka before `delivered()` returns (changelog_batches), and aiokafka's reading of
an empty partition set (fetch_snapshot). Each test fails when its fix is left out:
GEOEVENTS_TEST_WITHOUT_FIX=idempotent_producer (a comma-separated list of streams/faust_fixes/
modules) makes the apps here without it."""

from __future__ import annotations

import asyncio
import os
import uuid
from pathlib import Path
from typing import Any

import faust
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams import jsonio
from streams.app import create_app
from streams.faust_fixes import changelog_batches
from streams.settings import Settings

pytestmark = pytest.mark.integration
WITHOUT = frozenset(filter(None, os.environ.get("GEOEVENTS_TEST_WITHOUT_FIX", "").split(",")))


def _app(kafka: str, tmp_path: Path, name: str) -> faust.App:
    """An app as the worker makes it (every Faust fix but those in GEOEVENTS_TEST_WITHOUT_FIX)."""
    tag = uuid.uuid4().hex[:8]
    settings = Settings(broker=f"kafka://{kafka}", app_id=f"{name}-{tag}", partitions=2, data_dir=tmp_path)
    return create_app(settings, without_fixes=WITHOUT)


async def _read(bootstrap: str, topic: str, expected: int) -> list[tuple[int, Any, Any]]:
    cons = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                            enable_auto_commit=False)
    await cons.start()
    out: list[tuple[int, Any, Any]] = []
    try:
        async with asyncio.timeout(30):
            while len(out) < expected:
                for records in (await cons.getmany(timeout_ms=500)).values():
                    out += [(r.partition, jsonio.loads(r.key), r.value and jsonio.loads(r.value)) for r in records]
    finally:
        await cons.stop()
    return out


async def test_the_producer_is_idempotent_under_at_least_once(kafka: str, tmp_path: Path) -> None:
    """A produce request retried after a broker restart is then dropped by the broker instead of
    being written twice: the producer asks for acks from all replicas and the broker gave it a
    producer id, which its record batches carry."""
    app = _app(kafka, tmp_path, "idempotent")
    assert app.conf.processing_guarantee.value == "at_least_once"
    await app.producer.start()
    try:
        aio = app.producer._producer
        assert aio._txn_manager is not None, "Faust started its producer without enable_idempotence"
        assert aio._sender._acks == -1  # acks=all
        async with asyncio.timeout(30):
            await aio._sender._maybe_wait_for_pid()
        assert aio._txn_manager.producer_id >= 0
    finally:
        await app.producer.stop()


async def test_delivered_returns_only_when_the_table_writes_are_in_kafka(kafka: str, tmp_path: Path) -> None:
    """The table's changelog topic does not exist yet, so no write can reach Kafka until it is
    created: `delivered()` must wait that long (Faust's producer buffer flush returned at once)."""
    app = _app(kafka, tmp_path, "delivered")
    table = app.Table("counts", default=None, partitions=1)  # raw keys and values, as the worker's
    await app.producer.start()
    try:
        for i in range(5):
            table.send_changelog(0, jsonio.dumps(f"k{i}"), jsonio.dumps({"n": i}))
        delivering = asyncio.ensure_future(changelog_batches.delivered(app))
        await asyncio.sleep(1.0)
        assert not delivering.done(), "delivered() returned before the table writes could be written"
        await table.changelog_topic.maybe_declare()
        await asyncio.wait_for(delivering, 30)
        records = await _read(kafka, table.changelog_topic.get_topic_name(), 5)
    finally:
        await app.producer.stop()
    assert [(key, value) for _, key, value in records] == [(f"k{i}", {"n": i}) for i in range(5)]


async def test_a_fetch_with_no_active_partition_returns_no_records(kafka: str, tmp_path: Path) -> None:
    """aiokafka reads an empty partition set as "every partition": with all partitions paused,
    Faust's fetch returned their records (which Faust then dropped)."""
    topic = f"fetch-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=kafka)
    await producer.start()
    try:
        for partition in (0, 1):
            await producer.send_and_wait(topic, b"value", key=b"key", partition=partition)
    finally:
        await producer.stop()

    app = _app(kafka, tmp_path, "fetch")
    thread = app.consumer._new_consumer_thread()
    consumer = AIOKafkaConsumer(bootstrap_servers=kafka, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        p0, p1 = TopicPartition(topic, 0), TopicPartition(topic, 1)
        consumer.assign([p0, p1])
        await asyncio.sleep(1.0)  # aiokafka fetches both partitions in the background
        paused = await thread._fetch_records(consumer, set(), timeout=2.0)
        assert paused == {}, "records of paused partitions fetched"
        active = await thread._fetch_records(consumer, {p0}, timeout=5.0)
        assert list(active) == [p0]
    finally:
        await consumer.stop()
