"""One thin agent per hop: ingest -> dedup -> extract -> count (+ watch, + stories). Importing this registers them."""

from streams.agents import count, dedup, extract, ingest, stories, watch  # noqa: F401
