"""streams/faust_fixes: how the fixes are installed (through Faust's settings and transport, once,
on a tested faust-streaming/aiokafka/mode-streaming only) and the fixes to streams and the monitor.
The consumer fixes are in test_consumer_fixes.py, the producer and changelog fixes (on the broker)
in test_faust_fixes_broker.py.

Each fix's test fails when the fix is left out: GEOEVENTS_TEST_WITHOUT_FIX=batch_waits (a
comma-separated list of streams/faust_fixes/ modules) makes the apps here without it."""

from __future__ import annotations

import asyncio
import logging
import os
import time
import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import faust
import pytest
from faust.types import TP

from streams import faust_fixes
from streams.app import create_app
from streams.faust_fixes import versions
from streams.settings import PROJECT_DIR, Settings

P0, P1 = TP("articles.unique", 0), TP("articles.unique", 1)
WITHOUT = frozenset(filter(None, os.environ.get("GEOEVENTS_TEST_WITHOUT_FIX", "").split(",")))


def _settings(tmp_path: Path) -> Settings:
    return Settings(broker="kafka://127.0.0.1:1", app_id="faust-fixes", data_dir=tmp_path)


@pytest.fixture()
def app(tmp_path: Path) -> faust.App:
    """An app as the worker makes it (every Faust fix but those in GEOEVENTS_TEST_WITHOUT_FIX)."""
    return create_app(_settings(tmp_path), without_fixes=WITHOUT)


# the version guard

def test_the_tested_versions_are_the_pins_in_pyproject() -> None:
    pins = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text())["project"]["dependencies"]
    for name, version in versions.TESTED.items():
        assert f"{name}=={version}" in pins


def test_the_installed_versions_are_the_tested_ones() -> None:
    faust_fixes.check_versions()


@pytest.fixture()
def faust_0_16(monkeypatch: pytest.MonkeyPatch) -> None:
    """faust-streaming 0.16.0 installed, aiokafka missing, mode-streaming as tested."""
    installed = {"faust-streaming": "0.16.0", "aiokafka": None, "mode-streaming": "0.7.1"}
    monkeypatch.setattr(versions, "installed_version", installed.__getitem__)
    monkeypatch.delenv(faust_fixes.ALLOW_UNTESTED, raising=False)


@pytest.mark.usefixtures("faust_0_16")
def test_an_untested_faust_refuses_to_start_naming_both_versions(tmp_path: Path) -> None:
    with pytest.raises(faust_fixes.UntestedVersionError) as refused:
        create_app(_settings(tmp_path))
    message = str(refused.value)
    assert "found faust-streaming 0.16.0, aiokafka (not installed)" in message
    assert "tested with faust-streaming 0.15.3, aiokafka 0.14.0, mode-streaming 0.7.1" in message
    assert "GEOEVENTS_ALLOW_UNTESTED_FAUST=1" in message
    assert "mode-streaming 0.7.1," not in message.split("found", 1)[1]  # only what differs is named


@pytest.mark.usefixtures("faust_0_16")
def test_the_environment_variable_lets_an_untested_faust_start_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(faust_fixes.ALLOW_UNTESTED, "1")
    with caplog.at_level(logging.WARNING, logger=versions.__name__):
        app = create_app(_settings(tmp_path))
    assert faust_fixes.applied(app) == frozenset(faust_fixes.FIXES)
    assert "faust-streaming 0.16.0" in caplog.text and "started anyway" in caplog.text
    monkeypatch.setenv(faust_fixes.ALLOW_UNTESTED, "yes")  # only 1 allows it
    with pytest.raises(faust_fixes.UntestedVersionError):
        faust_fixes.check_versions()


# how the fixes are installed

def test_create_app_installs_every_fix_through_the_settings_and_the_transport(tmp_path: Path) -> None:
    app = create_app(_settings(tmp_path))
    assert faust_fixes.applied(app) == frozenset(faust_fixes.FIXES)
    assert issubclass(app.conf.Stream, faust_fixes.batch_waits.MIXIN)
    assert issubclass(app.conf.Table, faust_fixes.changelog_batches.MIXIN)
    assert isinstance(app.monitor, faust_fixes.quiet_monitor.MIXIN)
    assert isinstance(app.tables.recovery, faust_fixes.resume_after_seek.MIXIN)
    assert isinstance(app.consumer, faust_fixes.commit_offsets.MIXIN)
    assert isinstance(app.consumer, faust_fixes.seek_uncommitted.MIXIN)
    assert isinstance(app.consumer._new_consumer_thread(), faust_fixes.fetch_snapshot.MIXIN)
    assert isinstance(app.producer, faust_fixes.idempotent_producer.MIXIN)


def test_applying_again_changes_nothing(tmp_path: Path) -> None:
    app = create_app(_settings(tmp_path), without_fixes={"quiet_monitor"})
    transport, producer_transport = app.transport, app.producer_transport
    faust_fixes.apply(app, without={"quiet_monitor"})
    assert app.transport is transport and app.producer_transport is producer_transport
    with pytest.raises(RuntimeError, match="already applied"):
        faust_fixes.apply(app)
    with pytest.raises(ValueError, match="unknown Faust fixes"):
        faust_fixes.app_settings(without={"no_such_fix"})


def test_an_app_without_the_settings_or_already_built_is_refused() -> None:
    plain = faust.App("plain", broker="kafka://127.0.0.1:1", autodiscover=False)
    with pytest.raises(RuntimeError, match=r"lacks CheapBatchWaits.*faust_fixes.app_settings"):
        faust_fixes.apply(plain)
    built = faust.App("built", broker="kafka://127.0.0.1:1", autodiscover=False, **faust_fixes.app_settings())
    assert built.producer is not None
    with pytest.raises(RuntimeError, match="right after faust.App"):
        faust_fixes.apply(built)


def test_importing_the_project_changes_no_faust_class() -> None:
    import mode
    from faust.tables.base import Collection
    from faust.tables.recovery import Recovery
    from faust.transport.consumer import Consumer
    from faust.transport.drivers import aiokafka as driver

    import streams.agents  # noqa: F401 - the worker's modules, app included

    assert faust.Stream.wait_for_stopped is mode.Service.wait_for_stopped
    for method in (Consumer._new_offset, Consumer._add_gap, Consumer.perform_seek,
                   driver.AIOKafkaConsumerThread._fetch_records, driver.Producer._settings_extra,
                   Recovery._resume_streams, Recovery.on_recovery_completed, Collection.send_changelog,
                   faust.Stream.take_events, faust.Stream.on_stop):
        assert method.__module__.startswith("faust."), method


# batch_waits

async def test_a_batch_wait_starts_no_extra_task_and_ends_on_the_event_or_the_timeout(app: faust.App) -> None:
    stream = app.stream(app.channel())
    full = asyncio.Event()
    before = len(asyncio.all_tasks())
    waiting = asyncio.ensure_future(stream.wait_for_stopped(full, timeout=5.0))
    await asyncio.sleep(0.05)
    assert len(asyncio.all_tasks()) == before + 1  # the wait itself; mode's wait starts three more
    t0 = time.monotonic()
    full.set()
    assert await waiting is False
    assert time.monotonic() - t0 < 1.0  # woken by the event, not by the 5 s timeout

    full.clear()
    t0 = time.monotonic()
    assert await stream.wait_for_stopped(full, timeout=0.05) is False
    assert 0.04 < time.monotonic() - t0 < 1.0


async def test_stopping_a_stream_ends_its_batch_wait_at_once(app: faust.App) -> None:
    """take_events hands over its buffer when the stream stops, without waiting for its timer."""
    stream = app.stream(app.channel())
    waiting = asyncio.ensure_future(stream.wait_for_stopped(asyncio.Event(), timeout=5.0))
    await asyncio.sleep(0.05)
    t0 = time.monotonic()
    await stream.stop()
    assert await asyncio.wait_for(waiting, 1.0) is True
    assert time.monotonic() - t0 < 1.0


async def test_an_idle_batch_wait_sleeps_until_a_value_arrives_then_ends_on_its_tick(app: faust.App) -> None:
    """With nothing in the buffer, the wait has no timer (take_events' loop used to wake every
    `within` to find the buffer empty); once a value arrives, the batch is handed over at the end
    of the `within` tick it came in, when the timer loop would have handed it over."""
    stream = app.stream(app.channel())
    stream.take_events(10, 1.0)  # installs the marker of arriving values
    full = asyncio.Event()
    started = time.monotonic()
    waiting = asyncio.ensure_future(stream.wait_for_stopped(full, timeout=1.0))
    await asyncio.sleep(1.3)
    assert not waiting.done(), "a timer ended the idle wait after 1 s"
    arrived = _arrival_marker(stream)
    arrived("value")  # a value came in 1.3 s after the wait began: its tick ends at 2 s
    assert await waiting is False
    ended = time.monotonic() - started
    assert 1.6 < ended < 2.6, ended

    # a value already there: the plain timed wait, as in take_events' loop
    arrived("value")
    t0 = time.monotonic()
    assert await stream.wait_for_stopped(full, timeout=0.05) is False
    assert 0.04 < time.monotonic() - t0 < 1.0


async def test_stopping_an_idle_stream_ends_its_wait_for_a_value(app: faust.App) -> None:
    stream = app.stream(app.channel())
    stream.take_events(10, 1.0)
    waiting = asyncio.ensure_future(stream.wait_for_stopped(asyncio.Event(), timeout=5.0))
    await asyncio.sleep(0.05)
    await stream.stop()
    assert await asyncio.wait_for(waiting, 1.0) is True


async def test_take_events_marks_arriving_values_with_one_processor(app: faust.App) -> None:
    stream = app.stream(app.channel())
    stream.take_events(10, 0.05)
    stream.take_events(10, 0.05)  # again on the same stream: still one marker
    assert len(stream._processors) == 1
    assert _arrival_marker(stream)("value") == "value"


def _arrival_marker(stream: Any) -> Any:
    assert stream._processors, "take_events added no processor before iteration"
    return stream._processors[0]


# quiet_monitor

def test_the_monitor_skips_per_message_bookkeeping_and_keeps_the_rest(app: faust.App) -> None:
    monitor = app.monitor
    message = SimpleNamespace(time_in=None, tp=P0, offset=3)
    monitor.on_message_in(P0, 3, message)
    monitor.on_send_initiated(None, "events", None, 3, 100)
    assert (monitor.messages_received_total, monitor.messages_sent, message.time_in) == (0, 0, None)
    # what Faust itself relies on still works: end offsets for lag, commits
    monitor.track_tp_end_offset(P1, 42)
    assert monitor.tp_end_offsets[P1] == 42


def test_the_app_and_the_fixes_import_no_agent_module() -> None:
    """streams/agents/batching.py imports streams.app, never the other way round (no import circle,
    imports inside functions included)."""
    import ast

    sources = [PROJECT_DIR / "streams" / "app.py", *sorted((PROJECT_DIR / "streams" / "faust_fixes").glob("*.py"))]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not [n for n in names if n.startswith("streams.agents")], (path.name, names)
