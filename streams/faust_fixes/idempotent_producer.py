"""The producer is idempotent (acks=all, enable_idempotence) in every processing mode.

faust-streaming 0.15.3 asks aiokafka for an idempotent producer only inside a transaction
(`Producer._settings_extra`, site-packages/faust/transport/drivers/aiokafka.py:1323, returns
`{"acks": "all", "enable_idempotence": True}` only when `app.in_transaction`), and Faust has no
setting for it. Under at_least_once, a produce request in flight when the broker stopped is
retried when it comes back and can be written twice (seen in the broker outage scenario: seven
`actor-mentions` records, 40 mentions, on the topic twice and counted twice; docs/reliability.md,
"Records written twice after a broker restart"). With idempotence the broker drops the retried
copy.

Upstream: no faust-streaming issue found for this.

Extension point: a mixin of the transport's Producer class.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EXTENDS = "Producer"


class AlwaysIdempotent:
    """Mixin for faust.transport.drivers.aiokafka.Producer."""

    def _settings_extra(self) -> Mapping[str, Any]:
        return {"acks": "all", "enable_idempotence": True}


MIXIN = AlwaysIdempotent
