"""Stream partitions are resumed only after they were sought to their committed offsets.

When table recovery ends, faust-streaming 0.15.3 resumes the stream partitions *before* it seeks
them to their committed offsets (`Recovery.on_recovery_completed`,
site-packages/faust/tables/recovery.py:649 resumes, :655 seeks; `Recovery._resume_streams`,
:316 and :321), while message flow is already on (recovery turned it on to read the
changelogs). Messages fetched in between are delivered, the seek rewinds, and the fetch loop then
records its own read offset over the rewound one, so every re-fetched message up to it is dropped
as "already read" (seen: a partition committed at 44 received 44, then 60; 45-59 were skipped).
Found by the SIGKILL reliability scenario (docs/reliability.md, "Messages skipped after a
restart", cause 1).

Here the partitions those two methods resume are held back and resumed when the method returns,
after its seek. (Faust runs the seek in a task of its own, `Recovery._wait` -> mode's
`Service.wait_first`, so the end of the method is the first point known to be after it.)

Upstream: faust-streaming/faust#216 "Recovery without tables resumes from kafka before seeking to
committed offsets" (closed by #217, which reordered `_resume_streams`; in 0.15.3 both methods
again resume the partitions before the seek).

Extension point: a `TableManager` subclass (the `TableManager=` setting) whose recovery service
is a subclass of faust's `Recovery` with this mixin. Inside the two methods the consumer's
`resume_partitions` is replaced on the consumer *instance* for the duration of the call: the
resumes happen deep inside Faust's own method bodies, so holding them back at the consumer is the
only way short of copying the two methods.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

EXTENDS = "Recovery"


@contextmanager
def resumes_held(consumer: Any) -> Iterator[list[Any]]:
    """Hold back `consumer.resume_partitions` calls inside the block; resume them at its end."""
    held: list[Any] = []
    consumer.resume_partitions = held.extend
    try:
        yield held
    finally:
        del consumer.resume_partitions
        if held:
            consumer.resume_partitions(set(held))


class ResumeAfterSeek:
    """Mixin for faust.tables.recovery.Recovery."""

    app: Any

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        with resumes_held(self.app.consumer):
            await super().on_recovery_completed(generation_id)  # type: ignore[misc]

    async def _resume_streams(self, generation_id: int = 0) -> None:
        with resumes_held(self.app.consumer):
            await super()._resume_streams(generation_id)  # type: ignore[misc]


MIXIN = ResumeAfterSeek
