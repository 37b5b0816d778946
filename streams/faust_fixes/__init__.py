"""Fixes to faust-streaming 0.15.3 (with aiokafka 0.14.0 and mode-streaming 0.7.1), one module
per fix; docs/faust-fixes.md has the table of fixes, the Faust lines each works around and the
test that fails without it.

They go in through Faust's own extension points, in two steps (streams/app.py's `create_app`
takes both):

    app = faust.App(app_id, ..., **faust_fixes.app_settings())
    faust_fixes.apply(app)

`app_settings()` gives subclasses of Faust's `Stream`, `Table`, `TableManager` and `Monitor` for
the settings of those names; `apply(app)` gives the app a transport whose `Consumer`, consumer
thread and `Producer` are subclasses of the aiokafka driver's (Faust has no setting for the
transport class, so it is set through the app's `transport` and `producer_transport` setters),
and checks that the app got the settings. Nothing in Faust's own classes is replaced, so an app
without the fixes (or with all but some: `without=`) behaves as Faust does. Each fix module names
the component it extends (`EXTENDS`) and holds the mixin (`MIXIN`) that goes in front of Faust's
class.

Before anything, `apply` checks that the installed faust-streaming, aiokafka and mode-streaming
are the versions the fixes were tested with (versions.py); GEOEVENTS_ALLOW_UNTESTED_FAUST=1
turns the refusal into a warning.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from typing import Any

import faust
from faust import transport as faust_transport
from faust.sensors import Monitor
from faust.tables import TableManager
from faust.tables.recovery import Recovery
from faust.transport.drivers import aiokafka as aiokafka_driver

from streams.faust_fixes import (
    batch_waits,
    changelog_batches,
    commit_offsets,
    fetch_snapshot,
    idempotent_producer,
    quiet_monitor,
    resume_after_seek,
    seek_uncommitted,
)
from streams.faust_fixes.versions import ALLOW_UNTESTED, TESTED, UntestedVersionError, check_versions

__all__ = ["ALLOW_UNTESTED", "FIXES", "TESTED", "UntestedVersionError", "app_settings", "applied", "apply",
           "check_versions"]

FIXES: dict[str, types.ModuleType] = {
    module.__name__.rsplit(".", 1)[1]: module
    for module in (commit_offsets, seek_uncommitted, fetch_snapshot, resume_after_seek,
                   idempotent_producer, batch_waits, changelog_batches, quiet_monitor)
}

_APPLIED = "_geoevents_faust_fixes"  # the app attribute holding the names of the fixes left out


def applied(app: Any) -> frozenset[str] | None:
    """The names of the fixes installed on `app`, or None when `apply` was not called on it."""
    without = getattr(app, _APPLIED, None)
    return None if without is None else frozenset(FIXES) - without


def app_settings(*, without: Iterable[str] = ()) -> dict[str, Any]:
    """The class settings of the fixes (all but those named in `without`), for `faust.App(...)`:
    `Stream`, `Table`, `TableManager` and `Monitor`, each a subclass of Faust's default."""
    mixins = _mixins(without)
    settings: dict[str, Any] = {}
    for name, default in (("Stream", faust.Stream), ("Table", faust.Table), ("Monitor", Monitor)):
        if name in mixins:
            settings[name] = _compose(default, mixins[name])
    if "Recovery" in mixins:
        recovery = _compose(Recovery, mixins["Recovery"])
        settings["TableManager"] = _compose(TableManager, [_OwnRecovery], {"Recovery": recovery})
    return settings


def apply(app: Any, *, without: Iterable[str] = ()) -> None:
    """Install the fixes that are not settings on `app`, created with `app_settings(without=...)`,
    and check that it was. Idempotent: a second call with the same `without` does nothing."""
    check_versions()
    mixins = _mixins(without)
    left_out = frozenset(without)
    done = getattr(app, _APPLIED, None)
    if done is not None:
        if done != left_out:
            raise RuntimeError(f"the Faust fixes were already applied to this app without {sorted(done)}")
        return
    _refuse_when_built(app)
    conf = app.conf
    for setting, component in (("Stream", "Stream"), ("Table", "Table"), ("Monitor", "Monitor"),
                               ("TableManager", "Recovery")):
        cls = getattr(conf, setting)
        if setting == "TableManager":
            cls = getattr(cls, "Recovery", Recovery)
        missing = [m.__name__ for m in mixins.get(component, []) if not issubclass(cls, m)]
        if missing:
            raise RuntimeError(f"the app's {setting} setting lacks {', '.join(missing)}: create the app with "
                               "faust.App(..., **faust_fixes.app_settings())")
    if mixins.keys() & {"Consumer", "ConsumerThread", "Producer"}:
        app.transport = _transport(conf.broker_consumer, mixins)(conf.broker_consumer, app)
        app.producer_transport = _transport(conf.broker_producer, mixins)(conf.broker_producer, app)
    setattr(app, _APPLIED, left_out)


def _mixins(without: Iterable[str]) -> dict[str, list[type]]:
    """The mixins of the fixes not named in `without`, by the Faust component they extend."""
    left_out = frozenset(without)
    if unknown := left_out - FIXES.keys():
        raise ValueError(f"unknown Faust fixes {sorted(unknown)}; known: {sorted(FIXES)}")
    mixins: dict[str, list[type]] = {}
    for name, module in FIXES.items():
        if name not in left_out:
            mixins.setdefault(module.EXTENDS, []).append(module.MIXIN)
    return mixins


def _compose(base: type, mixins: list[type], namespace: dict[str, Any] | None = None) -> type:
    """A subclass of `base` with `mixins` in front of it (the first mixin first)."""
    def body(ns: dict[str, Any]) -> None:
        ns.update(namespace or {})
        ns["__module__"] = __name__
        ns["__doc__"] = f"{base.__module__}.{base.__qualname__} with " + ", ".join(m.__name__ for m in mixins)

    return types.new_class(base.__name__, (*mixins, base), {}, body)


def _transport(urls: list[Any], mixins: dict[str, list[type]]) -> type:
    base = faust_transport.by_url(urls[0])
    if not issubclass(base, aiokafka_driver.Transport):
        raise RuntimeError(f"the Faust fixes are for the aiokafka transport (kafka://), not {urls[0]}")
    consumer_ns: dict[str, Any] = {}
    if "ConsumerThread" in mixins:
        thread = _compose(aiokafka_driver.AIOKafkaConsumerThread, mixins["ConsumerThread"])

        def _new_consumer_thread(self: Any) -> Any:  # the driver's factory (aiokafka.py:237)
            return thread(self, loop=self.loop, beacon=self.beacon)

        consumer_ns["_new_consumer_thread"] = _new_consumer_thread
    consumer = _compose(base.Consumer, mixins.get("Consumer", []), consumer_ns)
    producer = _compose(base.Producer, mixins.get("Producer", []))
    return _compose(base, [], {"Consumer": consumer, "Producer": producer})


class _OwnRecovery:
    """TableManager mixin: the recovery service is built from the class's `Recovery` (Faust's
    `TableManager.recovery`, site-packages/faust/tables/manager.py:119, names faust's own class)."""

    Recovery: type
    _recovery: Any

    @property
    def recovery(self) -> Any:
        if self._recovery is None:
            self._recovery = self.Recovery(self.app, self,  # type: ignore[attr-defined]
                                           beacon=self.beacon, loop=self.loop)  # type: ignore[attr-defined]
        return self._recovery


def _refuse_when_built(app: Any) -> None:
    """The fixes change classes the app builds its parts from: none may be built yet."""
    built = [name for name, attr in (("transport", "_transport"), ("producer transport", "_producer_transport"),
                                     ("consumer", "_consumer"), ("producer", "_producer"), ("monitor", "_monitor"))
             if getattr(app, attr, None) is not None]
    if "tables" in vars(app):
        built.append("table manager")
    if built:
        raise RuntimeError(f"apply the Faust fixes right after faust.App(...): the app's {', '.join(built)} "
                           "already exist")
