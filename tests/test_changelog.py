"""Table writes reach their changelog topic through the record batches of
streams/faust_fixes/changelog_batches.py,
on the real broker: the records Faust would write (its key and value encoding, the partition of the
source event), in the order the table was written, with the persisted offsets the rocksdb store
keeps; and a write made outside an agent's batch is handed over by itself."""

from __future__ import annotations

import asyncio
import os
import uuid
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from aiokafka import AIOKafkaConsumer

from streams import jsonio
from streams.app import create_app
from streams.faust_fixes.changelog_batches import CHANGELOG, CHANGELOG_LINGER
from streams.settings import Settings

pytestmark = pytest.mark.integration
# GEOEVENTS_TEST_WITHOUT_FIX=changelog_batches: the app without the fix (the test then fails)
WITHOUT = frozenset(filter(None, os.environ.get("GEOEVENTS_TEST_WITHOUT_FIX", "").split(",")))


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


def test_table_writes_reach_the_changelog_in_order_with_persisted_offsets(kafka: str, tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:8]
    settings = Settings(broker=f"kafka://{kafka}", app_id=f"changelog-{tag}", partitions=2, data_dir=tmp_path)
    app = create_app(settings, without_fixes=WITHOUT)
    table = app.Table("counts", default=None, partitions=2)
    enc = jsonio.dumps  # the worker's tables hold raw bytes
    persisted: dict[int, int] = {}

    async def run() -> list[tuple[int, Any, Any]]:
        await app.producer.start()
        try:
            await table.changelog_topic.maybe_declare()
            with mock.patch.object(table.data, "set_persisted_offset",
                                   lambda tp, offset: persisted.__setitem__(tp.partition, offset)):
                for i in range(40):
                    sent = table.send_changelog(i % 2, enc(f"k{i % 6}"), enc({"n": i}))
                    assert sent.message.partition == i % 2
                table.send_changelog(1, enc("k1"), None)  # a deletion
                handed = await CHANGELOG.hand_over()
                assert len(handed) == 2  # one record batch per changelog partition
                await asyncio.gather(*handed)
                assert await CHANGELOG.hand_over() == []  # nothing left
                # a write outside any batch (as the expiry of a window makes) goes by itself
                table.send_changelog(0, enc("late"), enc({"n": -1}))
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
