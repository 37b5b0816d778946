"""The recent-events reader (streams/web/recent.py) against the real Kafka broker."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams import jsonio
from streams.clients import producer
from streams.settings import Settings
from streams.testing import free_port
from streams.web.recent import RecentEvents

pytestmark = [pytest.mark.integration]


async def _produce(settings: Any, topic: str, records: list[tuple[int, bytes]]) -> None:
    prod = producer(settings)
    await prod.start()
    try:
        for partition, value in records:
            await prod.send_and_wait(topic, value, partition=partition)
    finally:
        await prod.stop()


def _event(p: int, n: int) -> bytes:
    """An `events` value with what the API filters and sorts by, numbered (p, n)."""
    return jsonio.dumps({"event_id": f"{p}-{n}", "published_at": "2026-11-28T10:00:00Z", "cameo": {"root": "04"},
                         "quad_class": 1, "source": {"code": "RUSGOV"}, "p": p, "n": n})


def _numbers(events: list[dict[str, Any]]) -> list[tuple[int, int]]:
    return [(e["p"], e["n"]) for e in events]


async def _create(settings: Any, topic: str, partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, partitions, 1)])
    finally:
        await admin.close()


def test_recent_events_keeps_the_tail_of_every_partition_and_reads_only_what_is_new(stack_env) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_mapping(stack_env)
    topic = f"{settings.topic_events}.recent-test"

    async def scenario() -> None:
        reader = RecentEvents(settings, topic, keep=3)
        try:
            assert await reader.latest() == []  # no topic yet: nothing, and no error
            await _create(settings, topic, 2)
            assert await reader.latest() == []  # an empty topic

            await _produce(settings, topic, [(0, _event(0, n)) for n in range(5)] + [(1, _event(1, n)) for n in range(2)])
            assert _numbers(await reader.latest()) == [(0, 2), (0, 3), (0, 4), (1, 0), (1, 1)]
            cons = reader._consumer
            assert cons is not None and cons.paused() == cons.assignment()  # nothing is fetched between queries

            # what is not an event is not kept (the API filters and sorts by its fields)
            await _produce(settings, topic, [(0, _event(0, 5)), (1, b"{not json"), (1, b"[1, 2]"),
                                             (1, jsonio.dumps({"event_id": "x"})), (1, _event(1, 2))])
            assert _numbers(await reader.latest()) == [(0, 3), (0, 4), (0, 5), (1, 0), (1, 1), (1, 2)]
            assert reader._next == {0: 6, 1: 6}
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
            assert _numbers(await fresh.latest()) == [(0, 4), (0, 5), (1, 2)]  # offset 4 of p1 is not an event
        finally:
            await fresh.close()

    asyncio.run(scenario())


def test_recent_events_answers_empty_when_the_broker_cannot_be_reached(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_mapping({"GEOEVENTS_BROKER": f"kafka://127.0.0.1:{free_port(29990)}"})

    async def scenario() -> list[dict[str, Any]]:
        reader = RecentEvents(settings, "events", keep=5, read_timeout=1.0)
        try:
            return await reader.latest()
        finally:
            await reader.close()

    assert asyncio.run(scenario()) == []


def test_recent_events_forgets_a_partition_whose_topic_was_recreated(stack_env) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_mapping(stack_env)
    topic = f"{settings.topic_events}.recreated"

    async def scenario() -> None:
        await _create(settings, topic, 1)
        await _produce(settings, topic, [(0, _event(0, n)) for n in range(4)])
        reader = RecentEvents(settings, topic, keep=10)
        try:
            assert _numbers(await reader.latest()) == [(0, 0), (0, 1), (0, 2), (0, 3)]
            admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
            await admin.start()
            try:
                await admin.delete_topics([topic])
                for _ in range(100):  # the deletion completes in the background
                    if topic not in await admin.list_topics():
                        break
                    await asyncio.sleep(0.1)
            finally:
                await admin.close()
            await _create(settings, topic, 1)
            await _produce(settings, topic, [(0, _event(0, 7))])
            # the new topic's end (1) is below the offset read up to (4): its one event, not the old ones
            assert _numbers(await reader.latest()) == [(0, 7)]
        finally:
            await reader.close()

    asyncio.run(scenario())
