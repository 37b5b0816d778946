"""Prometheus metrics of one worker process (served at GET /metrics)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry()

ARTICLES_IN = Counter("geoevents_articles_in", "Messages read from the articles topic", registry=REGISTRY)
ARTICLES_EXTRACTED = Counter("geoevents_articles_extracted", "Articles that went through extraction", registry=REGISTRY)
ARTICLES_REJECTED = Counter("geoevents_articles_rejected", "Messages sent to the rejected topic", ["reason"],
                            registry=REGISTRY)
EVENTS_OUT = Counter("geoevents_events_out", "Events written to the events topic", ["root"], registry=REGISTRY)
MENTIONS_OUT = Counter("geoevents_mentions_out", "Actor mentions written to actor-mentions", registry=REGISTRY)
STORY_SECONDS = Counter("geoevents_story_seconds", "Seconds the stories agent spent folding and serialising "
                        "(without waiting for Kafka)", registry=REGISTRY)
STORY_UPDATES = Counter("geoevents_story_updates", "Story states written (one per story and batch)",
                        registry=REGISTRY)
MENTIONS_COUNTED = Counter("geoevents_mentions_counted", "Actor mentions counted into the tables", registry=REGISTRY)
RESUMED_BATCHES = Counter("geoevents_resumed_batches",
                          "Extraction batches that resumed an interrupted extraction (outputs read back)",
                          registry=REGISTRY)
EXTRACTION_SECONDS = Histogram(
    "geoevents_extraction_seconds", "Wall time to extract one batch of articles (parse + coding)",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0), registry=REGISTRY)
BATCH_SIZE = Histogram("geoevents_batch_articles", "Articles per extraction batch",
                       buckets=(1, 2, 4, 8, 16, 32, 64), registry=REGISTRY)
CONSUMER_LAG = Gauge("geoevents_consumer_lag", "Messages behind the end of each assigned partition",
                     ["topic", "partition"], registry=REGISTRY)
TABLE_KEYS = Gauge("geoevents_table_keys", "Keys held locally per table", ["table"], registry=REGISTRY)
