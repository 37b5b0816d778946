"""Faust's default sensor without its per-message bookkeeping.

faust-streaming 0.15.3's `Monitor` (site-packages/faust/sensors/monitor.py:92) updates counters,
timings and deques for every message in and out, every stream event, every send and every table
read and write (`on_message_in` :445, `on_stream_event_in` :455, `on_stream_event_out` :486,
`on_message_out` :510, `on_table_get` :518, `on_table_set` :522, `on_send_initiated` :546,
`on_send_completed` :559), and it cannot be switched off. Nothing in geoevents reads those
statistics (its metrics are in streams/metrics.py); dropping them took event-loop time from
7.7-8.0 to 7.2-7.3 ms per article with two workers (docs/benchmark.md). The rest (end offsets,
commits, rebalances) is Faust's own. A cost, not a bug.

Upstream: no faust-streaming issue found for this.

Extension point: a `Monitor` subclass (the `Monitor=` setting).
"""

from __future__ import annotations

from typing import Any

EXTENDS = "Monitor"


class QuietMonitor:
    """Mixin for faust.sensors.Monitor."""

    def on_message_in(self, tp: Any, offset: int, message: Any) -> None:
        return None

    def on_stream_event_in(self, tp: Any, offset: int, stream: Any, event: Any) -> None:
        return None

    def on_stream_event_out(self, tp: Any, offset: int, stream: Any, event: Any, state: Any = None) -> None:
        return None

    def on_message_out(self, tp: Any, offset: int, message: Any) -> None:
        return None

    def on_table_get(self, table: Any, key: Any) -> None:
        return None

    def on_table_set(self, table: Any, key: Any, value: Any) -> None:
        return None

    def on_send_initiated(self, producer: Any, topic: str, message: Any, keysize: int, valsize: int) -> None:
        return None

    def on_send_completed(self, producer: Any, state: Any, metadata: Any) -> None:
        return None


MIXIN = QuietMonitor
