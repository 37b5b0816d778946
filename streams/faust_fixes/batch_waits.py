"""Cheap waits in `Stream.take_events`: one timer instead of three tasks, and no timer at all
while a stream is idle.

`Stream.take_events` (site-packages/faust/streams.py:456) waits for its buffer to fill with
`self.wait_for_stopped(buffer_full, timeout=within)` (streams.py:529), in a loop that hands over
what the buffer holds each time the timer runs out. Two costs are removed here, without changing
when a batch is handed over:

- mode-streaming 0.7.1 implements that wait (`Service.wait_for_stopped` -> `wait_first`,
  site-packages/mode/services.py:725 and :758) by starting three tasks (the event, the stream's
  stopped and crashed flags), waiting for the first, then cancelling the other two: about 140 us
  each time the timer runs out. Here the wait is on the event alone, under `asyncio.timeout`.
- An idle stream's timer still ran out every `within` (ingest and dedup 50 times a second) just
  to find the buffer empty. Here a processor added before take_events' own marks that a value
  arrived; with nothing arrived, the wait first waits for a value, with no timer, and then for
  the rest of the `within` tick the loop was in, so the batch is handed over when it would have
  been.

When the stream stops, `on_stop` sets the event being waited on, so take_events still hands over
what it has buffered at once, as before; a crash is seen when the wait ends. An idle worker went
from 3.0% to 0.5% of a core (docs/benchmark.md). A limitation, not a bug.

Upstream: no faust-streaming issue found for this.

Extension point: a `Stream` subclass (the `Stream=` setting).
"""

from __future__ import annotations

import asyncio
from typing import Any

EXTENDS = "Stream"


async def _wait_on(stream: Any, flag: asyncio.Event, timeout: float | None = None) -> None:
    """Wait for `flag`, at most `timeout` s; `on_stop` sets the flag being waited on."""
    stream._batch_wait = flag
    try:
        async with asyncio.timeout(timeout):
            await flag.wait()
    except TimeoutError:
        pass
    finally:
        stream._batch_wait = None


class CheapBatchWaits:
    """Mixin for faust.streams.Stream."""

    _batch_arrived: asyncio.Event | None = None
    _batch_wait: asyncio.Event | None = None
    should_stop: bool

    def take_events(self, max_: int, within: Any) -> Any:
        if self._batch_arrived is None:
            arrived = asyncio.Event()

            def mark(value: Any) -> Any:
                arrived.set()
                return value

            self._batch_arrived = arrived
            self.add_processor(mark)  # type: ignore[attr-defined]  # runs before take_events' own
        return super().take_events(max_, within)  # type: ignore[misc]

    async def wait_for_stopped(self, *coros: Any, timeout: Any = None) -> bool:
        if len(coros) != 1 or not isinstance(coros[0], asyncio.Event) or not timeout:
            return bool(await super().wait_for_stopped(*coros, timeout=timeout))  # type: ignore[misc]
        event, within = coros[0], float(timeout)
        arrived = self._batch_arrived
        try:
            if arrived is not None and not (arrived.is_set() or event.is_set() or self.should_stop):
                loop = asyncio.get_running_loop()
                started = loop.time()
                await _wait_on(self, arrived)
                # the ticks that found nothing have passed; wait out the one the value came in
                within -= (loop.time() - started) % within
            if not (event.is_set() or self.should_stop):
                await _wait_on(self, event, within)
        finally:
            if arrived is not None:
                arrived.clear()  # what came so far is in the buffer take_events hands over now
        return bool(self.should_stop)

    async def on_stop(self) -> None:
        if self._batch_wait is not None:
            self._batch_wait.set()
        await super().on_stop()  # type: ignore[misc]


MIXIN = CheapBatchWaits
