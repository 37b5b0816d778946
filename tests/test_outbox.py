"""The outbox hands records to a real Faust producer as record batches, on the real broker: every
record reaches the partition its key hashes to (where `send` would put it), in order, with its
headers, and a partition's records that do not fit in one batch go in several."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict

import faust
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.partitioner import DefaultPartitioner

from streams.agents.outbox import Outbox

pytestmark = pytest.mark.integration

PARTITIONS = 3


async def _read_all(bootstrap: str, topic: str, expected: int) -> list[tuple[int, bytes, bytes, list]]:
    cons = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                            enable_auto_commit=False)
    await cons.start()
    out: list[tuple[int, bytes, bytes, list]] = []
    try:
        async with asyncio.timeout(30):
            while len(out) < expected:
                for records in (await cons.getmany(timeout_ms=500)).values():
                    out += [(r.partition, r.key, r.value, list(r.headers)) for r in records]
    finally:
        await cons.stop()
    return out


async def _started_producer(kafka: str, tag: str, topics: list[str], partitions: int, max_batch: int) -> faust.App:
    """Create `topics` and start the producer of a Faust app whose batches hold `max_batch` bytes."""
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(t, partitions, 1) for t in topics])
    finally:
        await admin.close()
    app = faust.App(f"outbox-{tag}", broker=f"kafka://{kafka}", producer_max_batch_size=max_batch,
                    autodiscover=False)
    await app.producer.start()
    return app


def test_outbox_puts_every_record_on_its_key_partition_in_order(kafka: str) -> None:
    tag = uuid.uuid4().hex[:8]
    topics = [f"outbox-a-{tag}", f"outbox-b-{tag}"]

    async def run() -> dict[str, list[tuple[int, bytes, bytes, list]]]:
        app = await _started_producer(kafka, tag, topics, PARTITIONS, 4096)  # some partitions need 2+ batches
        try:
            box = Outbox(app.producer)
            await box.ready(topics)
            for i in range(300):
                topic = topics[i % 2]
                headers = {"n": str(i).encode()} if i % 3 == 0 else None
                box.add(topic, f"key-{i % 37}".encode(), f"value-{i:04d}-".encode() * 20, headers)
            assert box.records == 300
            await asyncio.gather(*await box.send())
            assert await box.send() == []  # handed over: nothing is sent twice
        finally:
            await app.producer.stop()
        return {t: await _read_all(kafka, t, 150) for t in topics}

    read = asyncio.run(run())
    every = list(range(PARTITIONS))
    for n, topic in enumerate(topics):
        records = read[topic]
        assert len(records) == 150
        by_partition: dict[int, list[int]] = defaultdict(list)
        for partition, key, value, headers in records:
            assert partition == DefaultPartitioner()(key, every, every), key
            i = int(value[6:10])
            assert i % 2 == n and key == f"key-{i % 37}".encode()
            assert headers == ([("n", str(i).encode())] if i % 3 == 0 else [])
            by_partition[partition].append(i)
        for numbers in by_partition.values():
            assert numbers == sorted(numbers)  # in the order they were added
        assert sum(len(v) for v in by_partition.values()) == 150 and len(by_partition) == PARTITIONS


def test_outbox_sends_a_record_larger_than_a_batch_in_a_batch_of_its_own(kafka: str) -> None:
    tag = uuid.uuid4().hex[:8]
    topic = f"outbox-big-{tag}"

    async def run() -> list[tuple[int, bytes, bytes, list]]:
        app = await _started_producer(kafka, tag, [topic], 1, 1024)
        try:
            box = Outbox(app.producer)
            await box.ready([topic])
            for value in (b"small-1", b"x" * 5000, b"small-2"):
                box.add(topic, b"k", value)
            futures = await box.send()
            assert len(futures) == 3  # the large record could not join the first batch, nor the last it
            await asyncio.gather(*futures)
        finally:
            await app.producer.stop()
        return await _read_all(kafka, topic, 3)

    assert [value for _p, _k, value, _h in asyncio.run(run())] == [b"small-1", b"x" * 5000, b"small-2"]
