"""Plain aiokafka clients for the CLI (publish, tail, demo), configured from the same settings."""

from __future__ import annotations

import ssl
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from streams.settings import Settings


def security_kwargs(settings: Settings) -> dict[str, Any]:
    protocol = settings.security_protocol.upper()
    kwargs: dict[str, Any] = {"security_protocol": protocol}
    if protocol in ("SSL", "SASL_SSL"):
        context = ssl.create_default_context(cafile=settings.ssl_cafile or None)
        if settings.ssl_certfile:
            context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
        kwargs["ssl_context"] = context
    if protocol.startswith("SASL"):
        kwargs.update(sasl_mechanism=settings.sasl_mechanism, sasl_plain_username=settings.sasl_username,
                      sasl_plain_password=settings.sasl_password)
    return kwargs


def producer(settings: Settings, **extra: Any) -> AIOKafkaProducer:
    return AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all",
                            enable_idempotence=True, linger_ms=5, max_request_size=4 * 1024 * 1024,
                            **security_kwargs(settings), **extra)


def consumer(settings: Settings, *topics: str, from_beginning: bool = True, group: str | None = None,
             **extra: Any) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(*topics, bootstrap_servers=settings.bootstrap_servers, group_id=group,
                            auto_offset_reset="earliest" if from_beginning else "latest",
                            enable_auto_commit=group is not None, isolation_level="read_committed",
                            **security_kwargs(settings), **extra)
