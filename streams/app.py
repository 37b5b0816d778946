"""The Faust app: one per worker process. Topics, tables and agents register on it when imported.

`create_app` installs the fixes to faust-streaming (streams/faust_fixes/, docs/faust-fixes.md) on
the app it creates; importing this module creates the worker's app."""

from __future__ import annotations

import gc
import ssl
from collections.abc import Iterable
from typing import Any

import faust

from streams import faust_fixes
from streams.settings import Settings, get_settings


def broker_credentials(settings: Settings) -> Any:
    """Kafka security from settings: SASL (PLAIN/SCRAM) and/or SSL, or None for PLAINTEXT."""
    protocol = settings.security_protocol.upper()
    if protocol == "PLAINTEXT":
        return None
    context = None
    if protocol in ("SSL", "SASL_SSL"):
        context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH, cafile=settings.ssl_cafile or None)
        if settings.ssl_certfile:
            context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
    if protocol == "SSL":
        return faust.SSLCredentials(context)
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=settings.sasl_password,
        mechanism=settings.sasl_mechanism,
        ssl_context=context,
    )


def topic_class(settings: Settings) -> type[faust.Topic]:
    """Faust's Topic, creating every topic Faust declares (table changelogs, the assignor's leader
    topic, the flow's topics) with `settings.topic_config`: min.insync.replicas=2 from 3 replicas."""
    defaults = settings.topic_config

    class Topic(faust.Topic):
        def __init__(self, *args: Any, config: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, config={**defaults, **(config or {})}, **kwargs)

    return Topic


def create_app(settings: Settings, *, without_fixes: Iterable[str] = ()) -> faust.App:
    """The worker's Faust app, with the Faust fixes installed (all but `without_fixes`, names of
    streams/faust_fixes/ modules: tests leave one out to show what it fixes). Raises
    faust_fixes.UntestedVersionError on a faust-streaming, aiokafka or mode-streaming version the
    fixes were not tested with (unless GEOEVENTS_ALLOW_UNTESTED_FAUST=1)."""
    faust_fixes.check_versions()  # before anything is built
    (settings.data_dir / "worker").mkdir(parents=True, exist_ok=True)
    # only with 3 replicas or more: the single-broker app keeps Faust's own Topic class
    topic_setting: dict[str, Any] = {"Topic": topic_class(settings)} if settings.topic_config else {}
    brokers = [u.strip() if "://" in u else f"kafka://{u.strip()}" for u in settings.broker.split(";") if u.strip()]
    app = faust.App(
        settings.app_id,
        broker=brokers,
        broker_credentials=broker_credentials(settings),
        store=settings.store,
        datadir=str(settings.data_dir / "worker"),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        topic_allow_declare=True,
        processing_guarantee=settings.guarantee,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        web_in_thread=False,
        canonical_url=settings.canonical_url,
        key_serializer="raw",
        value_serializer="raw",
        table_cleanup_interval=60.0,
        broker_commit_every=200,
        broker_commit_interval=1.0,
        producer_linger=0.02,
        # per partition; Faust's 16 KiB fills with ~12 events, and every full batch is a produce
        # request of its own (256 KiB: about a third less broker CPU, docs/benchmark.md)
        producer_max_batch_size=256 * 1024,
        stream_wait_empty=True,
        broker_session_timeout=15.0,
        broker_heartbeat_interval=3.0,
        stream_buffer_maxsize=128,
        # a standby copy of another worker's tables consumes every changelog write of that worker
        table_standby_replicas=settings.standby_replicas,
        autodiscover=False,
        **topic_setting,
        **faust_fixes.app_settings(without=without_fixes),
    )
    faust_fixes.apply(app, without=without_fixes)
    return app


def settle_heap() -> None:
    """Collect garbage, then move every object alive now out of the garbage collector's reach
    (gc.freeze): modules, Faust's app, the data files. A started worker holds about 150,000
    such objects, and every full collection walked all of them (about 150 ms each time); the
    collections after this walk only what was made since."""
    gc.collect()
    gc.freeze()


def quiet_client_logs() -> None:
    """aiokafka and Faust build debug records on hot paths; keep their loggers at WARNING."""
    import logging

    for name in ("aiokafka", "faust", "mode"):
        logging.getLogger(name).setLevel(logging.WARNING)


settings = get_settings()
if settings.trace_offsets:
    from streams.diagnostics import trace_offsets

    trace_offsets()
app = create_app(settings)
