"""The fixes to faust-streaming's consumer (streams/faust_fixes/: commit_offsets, seek_uncommitted,
fetch_snapshot, resume_after_seek), checked on an app made by `create_app`. Each test fails when
its fix is left out: GEOEVENTS_TEST_WITHOUT_FIX=commit_offsets (a comma-separated list of
streams/faust_fixes/ modules) makes the app without it. The SIGKILL tests in test_reliability.py
check the whole behaviour on the broker."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import faust
import pytest
from faust.types import TP

from streams.app import create_app
from streams.settings import Settings

P0, P1 = TP("articles.unique", 0), TP("articles.unique", 1)
WITHOUT = frozenset(filter(None, os.environ.get("GEOEVENTS_TEST_WITHOUT_FIX", "").split(",")))


@pytest.fixture()
def app(tmp_path: Path) -> faust.App:
    """An app as the worker makes it (every Faust fix but those in GEOEVENTS_TEST_WITHOUT_FIX)."""
    settings = Settings(broker="kafka://127.0.0.1:1", app_id="consumer-fixes", data_dir=tmp_path)
    return create_app(settings, without_fixes=WITHOUT)


def _acked(consumer: Any, tp: TP, offsets: list[int]) -> None:
    consumer._acked[tp] = list(offsets)
    consumer._acked_index[tp] = set(offsets)


# commit_offsets

def test_commit_waits_for_the_next_offset_to_be_acknowledged(app: faust.App) -> None:
    consumer = app.consumer
    consumer._committed_offset[P0] = 5
    _acked(consumer, P0, [6, 7])
    assert consumer._new_offset(P0) is None  # 5 is still being processed (Faust: 8)
    _acked(consumer, P0, [5, 6, 7, 9])
    assert consumer._new_offset(P0) == 8
    assert consumer._new_offset(P0) is None  # 8 not acknowledged yet; 9 waits
    _acked(consumer, P0, [])
    assert consumer._new_offset(P0) is None


async def test_a_jump_in_fetched_offsets_does_not_let_the_commit_skip_messages(app: faust.App) -> None:
    """The fetch jumped from offset 3 to 10 (a seek rewound the partition, 4-9 come again): the
    commit must not move over 4-9 when 10 is acknowledged."""
    consumer = app.consumer
    consumer._committed_offset[P0] = 3
    await consumer._add_gap(P0, 4, 9)  # what Faust's fetch loop does on the jump
    _acked(consumer, P0, [3, 10])
    assert consumer._new_offset(P0) == 4  # Faust: 11, through the gap
    assert not consumer._gap[P0]


# seek_uncommitted

async def test_a_partition_never_committed_is_sought_to_its_earliest_offset(app: faust.App) -> None:
    consumer = app.consumer
    sought: dict[TP, int] = {}

    async def seek(tp: TP, offset: int) -> None:
        sought[tp] = offset

    with mock.patch.object(consumer, "seek_to_committed", mock.AsyncMock(return_value={P0: 7})), \
            mock.patch.object(consumer, "assignment", lambda: {P0, P1}), \
            mock.patch.object(consumer, "earliest_offsets", mock.AsyncMock(return_value={P1: 2})), \
            mock.patch.object(consumer, "_seek", seek), \
            mock.patch.object(app.topics, "acks_enabled_for", lambda topic: True):
        await consumer.perform_seek()
    assert sought == {P1: 2}  # Faust: not sought at all
    assert consumer._committed_offset[P1] == 2  # the lower bound of its commits (Faust: none)
    assert consumer._committed_offset[P0] == 7


# fetch_snapshot

class _Fetcher:
    """aiokafka's Fetcher.fetched_records as far as it matters here: an empty set means every
    partition (aiokafka/consumer/fetcher.py, `if partitions and tp not in partitions`); the real
    one is in test_faust_fixes_broker.py."""

    def __init__(self) -> None:
        self.asked: list[Any] = []
        self._subscriptions = SimpleNamespace(fetch_context=lambda: _Nothing())
        self._closed = False

    async def fetched_records(self, partitions: Any, timeout: float = 0, max_records: int | None = None) -> Any:
        self.asked.append(partitions)
        return {tp: ["record"] for tp in (P0, P1) if not partitions or tp in partitions}


class _Nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _thread(app: faust.App) -> tuple[Any, Any, _Fetcher]:
    fetcher = _Fetcher()
    return app.consumer._new_consumer_thread(), SimpleNamespace(_fetcher=fetcher, _closed=False), fetcher


async def test_fetch_with_no_active_partition_returns_nothing(app: faust.App) -> None:
    thread, consumer, fetcher = _thread(app)
    assert await thread._fetch_records(consumer, set(), timeout=0.0) == {}
    assert fetcher.asked == []


async def test_fetch_gets_a_snapshot_of_the_active_partitions(app: faust.App) -> None:
    thread, consumer, fetcher = _thread(app)
    active = {P0}
    records = await thread._fetch_records(consumer, active, timeout=0.0)
    active.clear()  # paused after the call: what was asked for does not change
    assert records == {P0: ["record"]}
    assert fetcher.asked == [frozenset({P0})]


# resume_after_seek

class _Consumer:
    """What Recovery calls on the consumer when it resumes the streams, in the order it is called."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def assignment(self) -> set[TP]:
        return {P0, P1}

    def resume_partitions(self, tps: Any) -> None:
        self.calls.append(f"resume {sorted(tp.partition for tp in tps)}")

    async def perform_seek(self) -> None:
        self.calls.append("seek")
        await asyncio.sleep(0.05)
        self.calls.append("sought")

    def resume_flow(self) -> None:
        self.calls.append("flow")


@pytest.mark.parametrize("step", ["_resume_streams", "on_recovery_completed"])
async def test_stream_partitions_are_resumed_only_after_their_seek(app: faust.App, step: str) -> None:
    fetcher = app._fetcher
    consumer = _Consumer()
    app.consumer = consumer  # type: ignore[assignment]
    recovery = app.tables.recovery
    with mock.patch.object(fetcher, "maybe_start", mock.AsyncMock()):
        await getattr(recovery, step)(app.consumer_generation_id)
    calls = consumer.calls
    assert "resume [0, 1]" in calls and calls.index("resume [0, 1]") > calls.index("sought"), calls
    assert "resume_partitions" not in vars(consumer)  # nothing left on the consumer


def test_offset_trace_logs_acknowledgements_and_finds_holes() -> None:
    """GEOEVENTS_TRACE_OFFSETS=1 (a separate process: the trace patches Faust for good)."""
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
