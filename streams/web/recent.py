"""The latest events, read from the tail of the `events` topic when the API asks for them.

The topic is the table: every worker can answer for every partition, nothing is written twice,
and nothing is held but the last `keep` events of each partition. Between two queries the
partitions are paused, so an idle reader fetches nothing; a query reads only the records added
since the previous one (or the last `keep` of a partition, when more were added). When the
broker does not answer within `read_timeout` (2 s, under the dashboard's 5 s), the events read
before are served, and the broker is not asked again for `RETRY_AFTER` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError
from mode import Service

from streams import jsonio
from streams.clients import consumer
from streams.settings import Settings

log = logging.getLogger(__name__)
METADATA_MAX_AGE = 30.0  # seconds between looks for new partitions of the topic
RETRY_AFTER = 10.0  # seconds without asking the broker after it did not answer in time
EVENT_FIELDS = ("event_id", "published_at", "cameo", "quad_class", "source")


def is_event(value: Any) -> bool:
    """What the API filters and sorts by is there (a value that is not an event is not kept)."""
    return isinstance(value, dict) and all(k in value for k in EVENT_FIELDS) \
        and isinstance(value["cameo"], dict) and isinstance(value["source"], dict)


class RecentEvents(Service):
    """The last `keep` records of every partition of `topic`, decoded, oldest first per partition."""

    def __init__(self, settings: Settings, topic: str, keep: int, read_timeout: float = 2.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.settings, self.topic, self.keep, self.read_timeout = settings, topic, keep, read_timeout
        self._consumer: AIOKafkaConsumer | None = None
        self._events: dict[int, deque[dict[str, Any]]] = {}
        self._next: dict[int, int] = {}  # partition -> next offset to read
        self._lock = asyncio.Lock()
        self._metadata_at = 0.0
        self._retry_at = 0.0

    async def latest(self) -> list[dict[str, Any]]:
        """Bring every partition up to its end (its last stable offset) and return the events kept.

        Within `read_timeout` in all, waiting for another query's read included."""
        try:
            async with asyncio.timeout(self.read_timeout), self._lock:
                if time.monotonic() >= self._retry_at:
                    cons = await self._assigned()
                    if cons is not None:
                        await self._catch_up(cons)
        except (TimeoutError, KafkaError) as exc:
            # the broker is down or slow: answer with what was read before
            self._retry_at = time.monotonic() + RETRY_AFTER
            log.warning("recent events: %s not read to its end within %.1f s (%s); the %d events kept are "
                        "served, the broker is asked again in %.0f s", self.topic, self.read_timeout,
                        type(exc).__name__, self.kept(), RETRY_AFTER)
        return [ev for part in sorted(self._events) for ev in self._events[part]]

    def kept(self) -> int:
        return sum(len(events) for events in self._events.values())

    async def _assigned(self) -> AIOKafkaConsumer | None:
        if self._consumer is None:
            # an offset out of range (retention deleted it meanwhile) resets to the end, not the start
            cons = consumer(self.settings, from_beginning=False)
            try:
                await cons.start()
            except BaseException:
                await cons.stop()
                raise
            self._consumer = cons
        now = time.monotonic()
        if not self._consumer.assignment() or now - self._metadata_at > METADATA_MAX_AGE:
            # the topic may be new or have more partitions (aiokafka's consumer keeps metadata only
            # for the topics it is subscribed to, so it is asked for the cluster's)
            cluster = await self._consumer._client.fetch_all_metadata()
            self._metadata_at = now
            parts = cluster.partitions_for_topic(self.topic)
            if not parts:
                return None
            tps = {TopicPartition(self.topic, p) for p in parts}
            if tps != self._consumer.assignment():
                self._consumer.assign(sorted(tps))
                self._consumer.pause(*tps)  # before the fetcher runs: nothing is fetched until asked
        return self._consumer

    async def _catch_up(self, cons: AIOKafkaConsumer) -> None:
        tps = sorted(cons.assignment())
        ends = await cons.end_offsets(tps)
        begins = await cons.beginning_offsets(tps)
        todo: dict[TopicPartition, int] = {}
        for tp in tps:
            if ends[tp] < self._next.get(tp.partition, 0):  # the topic was recreated or truncated
                self._next.pop(tp.partition)
                self._events.pop(tp.partition, None)
            start = max(self._next.get(tp.partition, 0), ends[tp] - self.keep, begins[tp])
            if start < ends[tp]:
                cons.seek(tp, start)
                todo[tp] = ends[tp]
        if not todo:
            return
        cons.resume(*todo)
        try:
            while todo:
                batch = await cons.getmany(*todo, timeout_ms=100)
                for tp, records in batch.items():
                    kept = self._events.setdefault(tp.partition, deque(maxlen=self.keep))
                    for rec in records:
                        self._next[tp.partition] = rec.offset + 1  # kept at once: a cancelled read keeps its place
                        try:
                            value = jsonio.loads(rec.value)
                        except jsonio.JSONDecodeError:
                            value = None
                        if is_event(value):
                            kept.append(value)
                        else:
                            log.warning("recent events: %s[%d]@%d is not an event", tp.topic, tp.partition, rec.offset)
                for tp in list(todo):
                    # past transaction markers and aborted records, which take offsets but give no record
                    position = await cons.position(tp)
                    self._next[tp.partition] = max(self._next.get(tp.partition, 0), position)
                    if position >= todo[tp]:
                        del todo[tp]
                        cons.pause(tp)
        finally:
            cons.pause(*cons.assignment())

    async def close(self) -> None:
        if self._consumer is not None:
            cons, self._consumer = self._consumer, None
            await cons.stop()

    async def on_stop(self) -> None:
        await self.close()
