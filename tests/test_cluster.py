"""A three-broker KRaft cluster on loopback, the broker leading the most partitions SIGKILLed while
articles flow (scripts/cluster.py, docs/cluster.md): nothing lost, nothing twice, tables exact, every
topic of the app with 3 replicas and min.insync.replicas=2. The scenario starts its own brokers (no
`kafka` fixture) and fails, never skips, when they cannot start; the settings tests need no broker."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import cluster


def test_cluster_node_properties_and_single_node_default(tmp_path: Path) -> None:
    from streams.broker import LocalKafka, quorum_voters

    single = LocalKafka(tmp_path / "one").properties()
    assert single["node.id"] == "1" and "controller.quorum.voters" not in single
    assert single["offsets.topic.replication.factor"] == "1" and "min.insync.replicas" not in single
    voters = quorum_voters("127.0.0.1", [30001, 30002, 30003])
    node = LocalKafka(tmp_path / "two", port=30012, controller_port=30002, node_id=2, voters=voters,
                      replication=3).properties()
    assert node["node.id"] == "2"
    assert node["controller.quorum.voters"] == "1@127.0.0.1:30001,2@127.0.0.1:30002,3@127.0.0.1:30003"
    assert "controller.quorum.bootstrap.servers" not in node
    assert node["listeners"] == "PLAINTEXT://127.0.0.1:30012,CONTROLLER://127.0.0.1:30002"
    assert node["min.insync.replicas"] == node["transaction.state.log.min.isr"] == "2"
    assert node["default.replication.factor"] == node["offsets.topic.replication.factor"] == "3"


def test_app_topics_get_min_insync_replicas_from_three_replicas() -> None:
    from streams.settings import Settings

    assert Settings.from_mapping({}).topic_config == {}
    assert Settings.from_mapping({"GEOEVENTS_REPLICATION": "2"}).topic_config == {}
    assert Settings.from_mapping({"GEOEVENTS_REPLICATION": "3"}).topic_config == {"min.insync.replicas": "2"}


def _assert_exact(result: cluster.ClusterResult) -> None:
    assert result.row.lost == 0, result.row
    assert result.row.duplicates == 0, result.row
    assert result.row.unexpected_events == 0, result.row
    assert result.row.events_seen == result.row.events_expected > 0, result.row
    assert result.row.tables_exact, result.row.notes
    assert result.row.rejected_as_expected, result.row.notes
    assert not result.topics_bad and result.topics_checked > 10, result.topics_bad
    assert result.workers_alive == 2, result.row.notes
    assert result.isr_restored_seconds < 180, result


@pytest.mark.integration
@pytest.mark.slow  # the short version in `make test`: 12 articles, the leader down 10 s (about 100 s)
def test_leader_broker_sigkill_short(tmp_path: Path) -> None:
    _assert_exact(cluster.scenario_cluster(tmp_path, 12, down=10.0, publish_seconds=12.0, timeout=480))


@pytest.mark.integration
@pytest.mark.slow
@pytest.mark.fault  # about 140 s on two shared cores (three JVMs, two workers): `make reliability-tests`
def test_leader_broker_sigkill_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    _assert_exact(cluster.scenario_cluster(tmp_path, 24, down=20.0, publish_seconds=30.0, timeout=600))
