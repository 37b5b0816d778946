"""The recent-events reader (streams/web/recent.py) against the real Kafka broker."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams import jsonio
from streams.clients import producer
from streams.demo import free_port
from streams.web.recent import RecentEvents
from tests.conftest import settings_for

pytestmark = [pytest.mark.integration]


async def _produce(settings: Any, topic: str, records: list[tuple[int, bytes]]) -> None:
    prod = producer(settings)
    await prod.start()
    try:
        for partition, value in records:
            await prod.send_and_wait(topic, value, partition=partition)
    finally:
        await prod.stop()


def _numbers(events: list[dict[str, Any]]) -> list[tuple[int, int]]:
    return [(e["p"], e["n"]) for e in events]


def test_recent_events_keeps_the_tail_of_every_partition_and_reads_only_what_is_new(stack_env) -> None:  # type: ignore[no-untyped-def]
    settings = settings_for(stack_env)
    topic = f"{settings.topic_events}.recent-test"

    async def scenario() -> None:
        reader = RecentEvents(settings, topic, keep=3)
        try:
            assert await reader.latest() == []  # no topic yet: nothing, and no error
            admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
            await admin.start()
            try:
                await admin.create_topics([NewTopic(topic, 2, 1)])
            finally:
                await admin.close()
            assert await reader.latest() == []  # an empty topic

            await _produce(settings, topic, [(0, jsonio.dumps({"p": 0, "n": n})) for n in range(5)]
                           + [(1, jsonio.dumps({"p": 1, "n": n})) for n in range(2)])
            assert _numbers(await reader.latest()) == [(0, 2), (0, 3), (0, 4), (1, 0), (1, 1)]
            cons = reader._consumer
            assert cons is not None and cons.paused() == cons.assignment()  # nothing is fetched between queries

            await _produce(settings, topic, [(0, jsonio.dumps({"p": 0, "n": 5})), (1, b"{not json"),
                                             (1, jsonio.dumps({"p": 1, "n": 2}))])
            assert _numbers(await reader.latest()) == [(0, 3), (0, 4), (0, 5), (1, 0), (1, 1), (1, 2)]
            assert reader._next == {0: 6, 1: 4}
            # nothing new: the same answer without reading
            assert _numbers(await reader.latest()) == [(0, 3), (0, 4), (0, 5), (1, 0), (1, 1), (1, 2)]
            # the broker cannot be reached: the events read before are served
            await reader.close()
            reader.settings = dataclasses.replace(settings, broker=f"kafka://127.0.0.1:{free_port(29990)}")
            reader._metadata_at = 0.0
            assert _numbers(await reader.latest()) == [(0, 3), (0, 4), (0, 5), (1, 0), (1, 1), (1, 2)]
        finally:
            await reader.close()
        # a new reader starts from the last `keep` of each partition
        fresh = RecentEvents(settings, topic, keep=2)
        try:
            assert _numbers(await fresh.latest()) == [(0, 4), (0, 5), (1, 2)]  # offset 2 of p1 is not JSON
        finally:
            await fresh.close()

    asyncio.run(scenario())


def test_recent_events_answers_empty_when_the_broker_cannot_be_reached(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = settings_for({"GEOEVENTS_BROKER": f"kafka://127.0.0.1:{free_port(29990)}"})

    async def scenario() -> list[dict[str, Any]]:
        reader = RecentEvents(settings, "events", keep=5, read_timeout=1.0)
        try:
            return await reader.latest()
        finally:
            await reader.close()

    assert asyncio.run(scenario()) == []
