"""One thin agent per hop: ingest -> dedup -> extract -> count (+ watch). Importing this registers them."""

from streams.agents import count, dedup, extract, ingest, watch  # noqa: F401
