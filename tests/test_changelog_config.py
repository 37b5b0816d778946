"""Every table's changelog closes a segment every hour, so Kafka can compact it (docs/soak.md)."""

from __future__ import annotations


def test_every_table_changelog_closes_hourly_segments() -> None:
    from streams import tables
    from streams.app import app

    assert tables.CHANGELOG_CONFIG == {"segment.ms": "3600000"}
    assert app.tables, "no table declared"
    for table in app.tables.values():
        assert table.extra_topic_configs.get("segment.ms") == "3600000", table.name
        assert table.changelog_topic.config.get("segment.ms") == "3600000", table.name
