"""Offset tracing (GEOEVENTS_TRACE_OFFSETS=1): one log line per acknowledgement, commit, seek and
assignment of the worker's source partitions, to check after a fault run that every offset was
acknowledged in order (a hole in the acknowledged offsets of a partition is a skipped message).

Lines look like `offsets ack articles.unique:1:45 accepted=True committed=37`; the logger is
`geoevents.offsets` at WARNING, so it shows at the worker's default log level."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("geoevents.offsets")


def _tp(tp: Any) -> str:
    return f"{tp.topic}:{tp.partition}"


def trace_offsets() -> None:
    from faust.transport.consumer import Consumer
    from faust.transport.drivers.aiokafka import Consumer as KafkaConsumer

    def wrap_async(cls: Any, name: str, describe: Any) -> None:
        original = getattr(cls, name)

        async def traced(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = await original(self, *args, **kwargs)
            log.warning("offsets %s %s", name, describe(self, *args))
            return result

        setattr(cls, name, traced)

    original_ack = Consumer.ack

    def ack(self: Any, message: Any) -> bool:
        accepted = original_ack(self, message)
        log.warning("offsets ack %s:%s accepted=%s committed=%s", _tp(message.tp), message.offset, accepted,
                    self._committed_offset[message.tp])
        return accepted

    Consumer.ack = ack  # type: ignore[method-assign]
    wrap_async(KafkaConsumer, "_commit", lambda self, offsets: {_tp(tp): o for tp, o in offsets.items()})
    wrap_async(KafkaConsumer, "_seek", lambda self, tp, offset: f"{_tp(tp)} -> {offset}")
    wrap_async(Consumer, "perform_seek", lambda self: {_tp(tp): o for tp, o in self._committed_offset.items()})
    wrap_async(Consumer, "on_partitions_assigned",
               lambda self, assigned, *rest: sorted(_tp(tp) for tp in assigned))
    wrap_async(Consumer, "on_partitions_revoked", lambda self, revoked: sorted(_tp(tp) for tp in revoked))


def acknowledged_holes(lines: list[str]) -> dict[str, list[int]]:
    """Offsets missing between the first and last acknowledged offset of each partition, from the
    trace lines of one worker's log."""
    seen: dict[str, set[int]] = {}
    for line in lines:
        if "offsets ack " not in line:
            continue
        where = line.split("offsets ack ", 1)[1].split(" ", 1)[0]
        tp, _, offset = where.rpartition(":")
        seen.setdefault(tp, set()).add(int(offset))
    return {tp: sorted(set(range(min(offs), max(offs) + 1)) - offs) for tp, offs in seen.items()
            if len(offs) < max(offs) - min(offs) + 1}
