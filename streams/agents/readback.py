"""Which outputs of an interrupted extraction are already in Kafka.

The extract agent writes an article's `extracted` mark twice: `{"sending": t}` (t in epoch ms),
delivered before the first of its records is sent, and `{"off": offset}` once every record was
delivered. A worker killed between the two leaves an article with only the sending mark; when the
article comes again (redelivery after the restart, or forwarded again by an upstream stage), some
of its records may be in Kafka and some not. Extraction is deterministic (same event_ids and
mention_ids), so the agent reads the output topics from `t - lookback` to their end, collects the
ids already there, and sends only the missing ones: every id reaches each output topic once.

Record timestamps are the producer's clock (CreateTime), so the look-back margin
(GEOEVENTS_RESUME_LOOKBACK, default 60 s) must exceed the clock skew between workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams import jsonio
from streams.clients import security_kwargs
from streams.errors import GeoeventsError
from streams.settings import Settings

IdOf = Callable[[bytes | None, bytes | None], str | None]


def key_id(key: bytes | None, value: bytes | None) -> str | None:
    """Topics keyed by the record's own id (events, events.<quad>)."""
    return key.decode() if key else None


def mention_id(key: bytes | None, value: bytes | None) -> str | None:
    """actor-mentions is keyed by actor code; the id is in the value."""
    if not value:
        return None
    try:
        return str(jsonio.loads(value)["mention_id"])
    except (ValueError, KeyError, TypeError):
        return None


def record_id(key: bytes | None, value: bytes | None) -> str | None:
    """events.by-story is keyed by story_id; the id (article id and story id) is in the value."""
    if not value:
        return None
    try:
        return str(jsonio.loads(value)["record_id"])
    except (ValueError, KeyError, TypeError):
        return None


async def delivered_ids(cfg: Settings, topics: Mapping[str, IdOf], since_ms: int,
                        timeout: float = 120.0) -> dict[str, set[str]]:
    """The ids on each topic in records with a timestamp >= `since_ms`, up to the current end."""
    found: dict[str, set[str]] = {name: set() for name in topics}
    admin = AIOKafkaAdminClient(bootstrap_servers=cfg.bootstrap_servers, **security_kwargs(cfg))
    await admin.start()
    try:
        described = await admin.describe_topics(list(topics))
    finally:
        await admin.close()
    tps = [TopicPartition(t["topic"], p["partition"]) for t in described if not t["error_code"]
           for p in t["partitions"]]
    if not tps:
        return found
    consumer = AIOKafkaConsumer(bootstrap_servers=cfg.bootstrap_servers, group_id=None,
                                enable_auto_commit=False, isolation_level="read_uncommitted",
                                **security_kwargs(cfg))
    await consumer.start()
    try:
        consumer.assign(tps)
        starts = await consumer.offsets_for_times({tp: since_ms for tp in tps})
        ends = await consumer.end_offsets(tps)
        todo: dict[TopicPartition, int] = {}
        for tp in tps:
            start = starts.get(tp)
            if start is not None and start.offset < ends[tp]:
                consumer.seek(tp, start.offset)
                todo[tp] = ends[tp]
        consumer.pause(*(tp for tp in tps if tp not in todo))
        deadline = time.monotonic() + timeout
        while todo:
            if time.monotonic() > deadline:
                raise GeoeventsError(f"reading back {sorted(str(tp) for tp in todo)} took over {timeout:.0f}s")
            batch = await consumer.getmany(*todo, timeout_ms=500)
            for tp, records in batch.items():
                id_of = topics[tp.topic]
                for record in records:
                    if record.offset < todo.get(tp, 0):
                        rid = id_of(record.key, record.value)
                        if rid is not None:
                            found[tp.topic].add(rid)
            for tp in list(todo):
                if await consumer.position(tp) >= todo[tp]:
                    del todo[tp]
                    consumer.pause(tp)
        return found
    finally:
        await consumer.stop()
