"""`geoevents publish`: send article records to Kafka with a progress bar."""

from __future__ import annotations

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from streams.clients import producer
from streams.inputs import raw_records
from streams.settings import Settings


async def publish_records(settings: Settings, paths: list[str], topic: str, quiet: bool = False) -> tuple[int, int]:
    """Send every record; return (sent, failed). Delivery is confirmed by the broker (acks=all)."""
    records = list(raw_records(paths))
    sent = failed = 0
    prod = producer(settings)
    await prod.start()
    try:
        with Progress(TextColumn("publishing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      disable=quiet, transient=False) as progress:
            task = progress.add_task("publish", total=len(records))
            futures = []
            for key, value in records:
                futures.append(await prod.send(topic, value=value, key=key))
            for fut in futures:
                try:
                    await fut
                    sent += 1
                except Exception:  # noqa: BLE001 - counted as failed and reported
                    failed += 1
                progress.advance(task)
    finally:
        await prod.stop()
    return sent, failed
