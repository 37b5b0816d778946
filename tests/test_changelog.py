"""Table writes reach their changelog topic through the record batches of streams/agents/batching.py,
on the real broker: the records Faust would write (its key and value encoding, the partition of the
source event), in the order the table was written, with the persisted offsets the rocksdb store
keeps; and a write made outside an agent's batch is handed over by itself."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any
from unittest import mock

import faust
import pytest
from aiokafka import AIOKafkaConsumer

import streams.app  # noqa: F401 - installs batched_changelogs
from streams import jsonio
from streams.agents.batching import CHANGELOG, CHANGELOG_LINGER

pytestmark = pytest.mark.integration


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


def test_table_writes_reach_the_changelog_in_order_with_persisted_offsets(kafka: str) -> None:
    tag = uuid.uuid4().hex[:8]
    app = faust.App(f"changelog-{tag}", broker=f"kafka://{kafka}", autodiscover=False, topic_partitions=2)
    table = app.Table("counts", default=None, partitions=2)
    persisted: dict[int, int] = {}

    async def run() -> list[tuple[int, Any, Any]]:
        await app.producer.start()
        try:
            await table.changelog_topic.maybe_declare()
            with mock.patch.object(table.data, "set_persisted_offset",
                                   lambda tp, offset: persisted.__setitem__(tp.partition, offset)):
                for i in range(40):
                    sent = table.send_changelog(i % 2, f"k{i % 6}", {"n": i})
                    assert sent.message.partition == i % 2
                table.send_changelog(1, "k1", None, value_serializer="raw")  # a deletion
                await asyncio.gather(*await CHANGELOG.hand_over())
                assert await CHANGELOG.hand_over() == []  # nothing left
                # a write outside any batch (as the expiry of a window makes) goes by itself
                table.send_changelog(0, "late", {"n": -1})
                await asyncio.sleep(CHANGELOG_LINGER + 0.5)
                await app.producer.flush()
                assert persisted == {0: 20, 1: 20}
        finally:
            await app.producer.stop()
        return await _read(kafka, table.changelog_topic.get_topic_name(), 42)

    records = asyncio.run(run())
    p0 = [(key, value) for partition, key, value in records if partition == 0]
    p1 = [(key, value) for partition, key, value in records if partition == 1]
    assert p0 == [(f"k{i % 6}", {"n": i}) for i in range(0, 40, 2)] + [("late", {"n": -1})]
    assert p1 == [(f"k{i % 6}", {"n": i}) for i in range(1, 40, 2)] + [("k1", None)]
