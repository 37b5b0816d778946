"""The fixes streams/app.py applies to faust-streaming's consumer, checked on the patched methods
themselves (the SIGKILL tests in test_reliability.py check the whole behaviour on the broker)."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from faust.transport.consumer import Consumer
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.types import TP

import streams.app  # noqa: F401 - applies the fixes

P0, P1 = TP("articles.unique", 0), TP("articles.unique", 1)


def _offsets(acked: list[int], committed: int | None) -> Any:
    """A stand-in holding only the bookkeeping `Consumer._new_offset` reads."""
    return SimpleNamespace(_acked={P0: list(acked)}, _acked_index={P0: set(acked)},
                           _committed_offset=defaultdict(lambda: None, {P0: committed}))


def test_commit_moves_only_over_acknowledged_offsets_in_order() -> None:
    assert Consumer._new_offset(_offsets([5, 6, 7, 9], committed=5), P0) == 8
    assert Consumer._new_offset(_offsets([6, 7], committed=5), P0) is None  # 5 still being processed
    assert Consumer._new_offset(_offsets([], committed=5), P0) is None


async def test_a_jump_in_fetched_offsets_records_no_gap() -> None:
    state = SimpleNamespace(_gap=defaultdict(list))
    await Consumer._add_gap(state, P0, 3, 9)
    assert not state._gap[P0]


class _Fetcher:
    def __init__(self) -> None:
        self.asked: list[Any] = []

    async def fetched_records(self, partitions: Any, timeout: float = 0, max_records: int | None = None) -> Any:
        self.asked.append(partitions)
        return {tp: ["record"] for tp in (P0, P1) if tp in partitions}


def _thread_and_consumer() -> tuple[Any, Any, _Fetcher]:
    fetcher = _Fetcher()
    subscriptions = SimpleNamespace(fetch_context=lambda: _Nothing())
    fetcher._subscriptions = subscriptions  # type: ignore[attr-defined]
    consumer = SimpleNamespace(_fetcher=fetcher, _closed=False)
    fetcher._closed = False  # type: ignore[attr-defined]
    thread = SimpleNamespace(consumer=SimpleNamespace(flow_active=True))
    return thread, consumer, fetcher


class _Nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


async def test_fetch_with_no_active_partition_returns_nothing() -> None:
    """aiokafka reads an empty partition set as "every partition"."""
    thread, consumer, fetcher = _thread_and_consumer()
    assert await AIOKafkaConsumerThread._fetch_records(thread, consumer, set(), timeout=0.0) == {}
    assert fetcher.asked == []


async def test_fetch_gets_a_snapshot_of_the_active_partitions() -> None:
    thread, consumer, fetcher = _thread_and_consumer()
    active = {P0}
    records = await AIOKafkaConsumerThread._fetch_records(thread, consumer, active, timeout=0.0)
    active.clear()  # paused after the call: what was asked for does not change
    assert records == {P0: ["record"]}
    assert fetcher.asked == [frozenset({P0})]


def test_offset_trace_logs_acknowledgements_and_finds_holes() -> None:
    """GEOEVENTS_TRACE_OFFSETS=1 (a separate process: the trace patches Faust for good)."""
    import os
    import subprocess
    import sys

    code = (
        "from types import SimpleNamespace\n"
        "from collections import defaultdict\n"
        "import streams.app\n"
        "from faust.transport.consumer import Consumer\n"
        "from faust.types import TP\n"
        "c = SimpleNamespace(_committed_offset=defaultdict(lambda: 3))\n"
        "for off in (3, 4, 6):\n"
        "    msg = SimpleNamespace(acked=True, tp=TP('articles.unique', 1), offset=off)\n"
        "    Consumer.ack(c, msg)\n"
    )
    env = {**os.environ, "GEOEVENTS_TRACE_OFFSETS": "1"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert sum("offsets ack articles.unique:1:" in line for line in lines) == 3, result.stderr
    from streams.diagnostics import acknowledged_holes

    assert acknowledged_holes(lines) == {"articles.unique:1": [5]}


def test_the_app_monitor_skips_per_message_bookkeeping_and_keeps_the_rest() -> None:
    monitor = streams.app.app.monitor
    assert isinstance(monitor, streams.app.QuietMonitor)
    message = SimpleNamespace(time_in=None)
    monitor.on_message_in(P0, 3, message)
    monitor.on_send_initiated(None, "events", None, 3, 100)
    assert monitor.messages_received_total == 0 and monitor.messages_sent == 0 and message.time_in is None
    # what Faust itself relies on still works: end offsets for lag, commits
    monitor.track_tp_end_offset(P1, 42)
    assert monitor.tp_end_offsets[P1] == 42


async def test_batch_waits_start_no_extra_task_and_end_on_the_event_or_the_timeout() -> None:
    import asyncio
    import time

    from faust.streams import Stream

    stream = SimpleNamespace(should_stop=False)
    full = asyncio.Event()
    before = len(asyncio.all_tasks())
    waiting = asyncio.ensure_future(Stream.wait_for_stopped(stream, full, timeout=5.0))
    await asyncio.sleep(0.05)
    assert len(asyncio.all_tasks()) == before + 1  # the wait itself; mode's wait started three more
    t0 = time.monotonic()
    full.set()
    assert await waiting is False
    assert time.monotonic() - t0 < 1.0  # woken by the event, not by the 5 s timeout

    full.clear()
    t0 = time.monotonic()
    assert await Stream.wait_for_stopped(stream, full, timeout=0.05) is False
    assert 0.04 < time.monotonic() - t0 < 1.0
    stream.should_stop = True
    assert await Stream.wait_for_stopped(stream, full, timeout=0.05) is True


async def test_stopping_a_stream_ends_its_batch_wait_at_once() -> None:
    """take_events hands over its buffer when the stream stops, without waiting for its timer."""
    import asyncio
    import time

    from faust.streams import Stream

    stream = SimpleNamespace(should_stop=False, _active_agens=[], _passive=True,
                             _passive_started=asyncio.Event(), combined=[])
    full = asyncio.Event()
    waiting = asyncio.ensure_future(Stream.wait_for_stopped(stream, full, timeout=5.0))
    await asyncio.sleep(0.05)
    t0 = time.monotonic()
    await Stream.on_stop(stream)
    await waiting
    assert time.monotonic() - t0 < 1.0 and stream._passive is False


async def test_an_idle_batch_wait_sleeps_until_a_value_arrives_then_ends_on_its_tick() -> None:
    """With nothing in the buffer, the wait has no timer (take_events' loop used to wake every
    `within` to find the buffer empty); once a value arrives, the batch is handed over at the end
    of the `within` tick it came in, when the timer loop would have handed it over."""
    import asyncio
    import time

    from faust.streams import Stream

    arrived, full = asyncio.Event(), asyncio.Event()
    stream = SimpleNamespace(should_stop=False, _batch_arrived=arrived)
    started = time.monotonic()
    waiting = asyncio.ensure_future(Stream.wait_for_stopped(stream, full, timeout=1.0))
    await asyncio.sleep(1.3)
    assert not waiting.done()  # a timer would have ended the wait after 1 s
    arrived.set()  # a value came in 1.3 s after the wait began: its tick ends at 2 s
    assert await waiting is False
    ended = time.monotonic() - started
    assert 1.6 < ended < 2.6, ended
    assert not arrived.is_set()  # what came is in the batch handed over now

    # a value already there: the plain timed wait, as in take_events' loop
    arrived.set()
    t0 = time.monotonic()
    assert await Stream.wait_for_stopped(stream, full, timeout=0.05) is False
    assert 0.04 < time.monotonic() - t0 < 1.0


async def test_stopping_an_idle_stream_ends_its_wait_for_a_value() -> None:
    import asyncio

    from faust.streams import Stream

    stream = SimpleNamespace(should_stop=False, _batch_arrived=asyncio.Event(), _active_agens=[], _passive=False,
                             _passive_started=asyncio.Event(), combined=[])
    waiting = asyncio.ensure_future(Stream.wait_for_stopped(stream, asyncio.Event(), timeout=5.0))
    await asyncio.sleep(0.05)
    stream.should_stop = True
    await Stream.on_stop(stream)
    assert await asyncio.wait_for(waiting, 1.0) is True


def test_take_events_marks_arriving_values_with_one_processor_first() -> None:
    from faust.streams import Stream

    processors: list[Any] = []
    stream = SimpleNamespace(add_processor=processors.append, _active_agens=set())
    Stream.take_events(stream, 10, 0.05)
    Stream.take_events(stream, 10, 0.05)  # again on the same stream: still one marker
    assert len(processors) == 1 and not stream._batch_arrived.is_set()
    assert processors[0]("value") == "value" and stream._batch_arrived.is_set()


def test_settle_heap_moves_the_live_objects_out_of_the_collectors_reach() -> None:
    import gc

    from streams.app import settle_heap

    kept = [{"n": [i]} for i in range(5000)]  # containers the collector tracks
    gc.unfreeze()
    try:
        settle_heap()
        assert gc.get_freeze_count() >= len(kept)
        tracked = {id(o) for o in gc.get_objects()}
        assert not any(id(o) in tracked for o in kept)  # full collections no longer walk them
        fresh = {"made": ["after"]}
        assert any(o is fresh for o in gc.get_objects())
    finally:
        gc.unfreeze()
