"""Every topic, declared once. Values are JSON bytes (orjson), keys are UTF-8 strings.

| topic | key | value schema | written by |
|---|---|---|---|
| articles | article id | schemas/article.schema.json | publishers (`geoevents publish`, scrapers) |
| articles.by-hash (internal) | content hash | normalised article | ingest |
| articles.unique (internal) | article id (partition: least text so far, see dedup) | normalised article | dedup |
| events | event_id | schemas/event.schema.json | extract |
| events.<quad class> | event_id | schemas/event.schema.json | extract |
| events.by-article (internal) | article id | schemas/article-events.schema.json (what watch counts of one article's events) | extract |
| actor-mentions | country-level actor code | schemas/mention.schema.json | extract |
| articles-rejected | article id or topic-partition-offset | schemas/rejected.schema.json | every stage |
"""

from __future__ import annotations

from streams.app import app, settings
from streams.settings import Settings

QUAD_TOPIC_SUFFIX = {
    1: "verbal-cooperation",
    2: "material-cooperation",
    3: "verbal-conflict",
    4: "material-conflict",
}


def _topic(name: str, internal: bool = False):  # type: ignore[no-untyped-def]
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        partitions=settings.partitions,
        replicas=settings.replication,
        internal=internal,
        allow_empty=True,
    )


articles = _topic(settings.topic_articles, internal=True)
articles_by_hash = _topic(f"{settings.topic_articles}.by-hash", internal=True)
articles_unique = _topic(f"{settings.topic_articles}.unique", internal=True)
events = _topic(settings.topic_events, internal=True)
events_by_quad = {q: _topic(f"{settings.topic_events}.{suffix}", internal=True) for q, suffix in QUAD_TOPIC_SUFFIX.items()}
events_by_article = _topic(f"{settings.topic_events}.by-article", internal=True)
mentions = _topic(settings.topic_mentions, internal=True)
rejected = _topic(settings.topic_rejected, internal=True)

ALL_TOPICS = [articles, articles_by_hash, articles_unique, events, *events_by_quad.values(), events_by_article, mentions,
              rejected]


async def ensure_topics(config: Settings | None = None) -> list[str]:
    """Create every topic of the flow that does not exist yet (explicit partition counts; the
    replication factor and min.insync.replicas of GEOEVENTS_REPLICATION, see Settings.topic_config)."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError

    from streams.clients import security_kwargs

    cfg = config or settings
    names = topic_names(cfg)
    admin = AIOKafkaAdminClient(bootstrap_servers=cfg.bootstrap_servers, **security_kwargs(cfg))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [n for n in names if n not in existing]
        if missing:
            try:
                await admin.create_topics([NewTopic(n, cfg.partitions, cfg.replication, topic_configs=cfg.topic_config)
                                           for n in missing])
            except TopicAlreadyExistsError:
                pass
        return missing
    finally:
        await admin.close()


def topic_names(cfg: Settings) -> list[str]:
    return [
        cfg.topic_articles, f"{cfg.topic_articles}.by-hash", f"{cfg.topic_articles}.unique", cfg.topic_events,
        *(f"{cfg.topic_events}.{s}" for s in QUAD_TOPIC_SUFFIX.values()), f"{cfg.topic_events}.by-article",
        cfg.topic_mentions, cfg.topic_rejected,
    ]
