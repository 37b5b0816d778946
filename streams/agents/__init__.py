"""One thin agent per hop: ingest -> dedup -> extract -> count. Importing this registers them."""

from streams.agents import count, dedup, extract, ingest  # noqa: F401
