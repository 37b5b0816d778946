"""Every topic, declared once. Values are JSON bytes (orjson), keys are UTF-8 strings.

| topic | key | value schema | written by |
|---|---|---|---|
| articles | article id | schemas/article.schema.json | publishers (`geoevents publish`, scrapers) |
| articles.by-hash (internal) | content hash | normalised article | ingest |
| articles.unique (internal) | article id (partition: least text so far, see dedup) | normalised article | dedup |
| events | event_id | schemas/event.schema.json | extract |
| events.<quad class> | event_id | schemas/event.schema.json | extract |
| events.by-article (internal) | article id | schemas/article-events.schema.json (what watch counts of one article's events) | extract |
| events.by-story (internal) | story_id | schemas/story-contribution.schema.json (an article's events of one story) | extract |
| events.stories (compacted) | story_id | schemas/story.schema.json (the latest state of each story; a tombstone when dropped) | stories |
| actor-mentions | country-level actor code | schemas/mention.schema.json | extract |
| articles-rejected | article id or topic-partition-offset | schemas/rejected.schema.json | every stage |
"""

from __future__ import annotations

from streams.app import app, settings
from streams.settings import Settings


def _topic(name: str, internal: bool, config: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """`internal`: a hop between the app's own agents, which Faust may create itself; the public
    topics (what others publish to or read) are created by ensure_topics before the worker starts."""
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        partitions=settings.partitions,
        replicas=settings.replication,
        internal=internal,
        allow_empty=True,
        config=config,
    )


_names = settings.flow_topics
articles = _topic(_names.articles, internal=False)
articles_by_hash = _topic(_names.articles_by_hash, internal=True)
articles_unique = _topic(_names.articles_unique, internal=True)
events = _topic(_names.events, internal=False)
events_by_quad = {q: _topic(name, internal=False) for q, name in _names.events_by_quad.items()}
events_by_article = _topic(_names.events_by_article, internal=True)
events_by_story = _topic(_names.events_by_story, internal=True)
stories = _topic(_names.stories, internal=False, config=settings.topic_config_of(_names.stories))
mentions = _topic(_names.mentions, internal=False)
rejected = _topic(_names.rejected, internal=False)


async def ensure_topics(config: Settings | None = None) -> list[str]:
    """Create every topic of the flow that does not exist yet (explicit partition counts; the
    replication factor and min.insync.replicas of GEOEVENTS_REPLICATION, see Settings.topic_config)."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError

    from streams.clients import security_kwargs

    cfg = config or settings
    names = cfg.flow_topics.names()
    admin = AIOKafkaAdminClient(bootstrap_servers=cfg.bootstrap_servers, **security_kwargs(cfg))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [n for n in names if n not in existing]
        if missing:
            try:
                await admin.create_topics([NewTopic(n, cfg.partitions, cfg.replication,
                                                    topic_configs=cfg.topic_config_of(n)) for n in missing])
            except TopicAlreadyExistsError:
                pass
        return missing
    finally:
        await admin.close()
