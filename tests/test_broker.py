"""The embedded broker's own setup steps (streams/broker.py), with the real Kafka jars."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path

import pytest

from streams.broker import LocalKafka


def test_storage_format_accepts_a_cluster_id_starting_with_a_dash(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """One random cluster id in 64 starts with "-"; the storage tool must not read it as an option."""
    dash_first = uuid.UUID(bytes=base64.urlsafe_b64decode("-" + "A" * 21 + "=="))
    monkeypatch.setattr(uuid, "uuid4", lambda: dash_first)
    broker = LocalKafka(tmp_path, port=29391, controller_port=29392)
    broker.prepare()
    meta = (tmp_path / "kraft" / "meta.properties").read_text()
    assert "cluster.id=-AAAAAAAAAAAAAAAAAAAAA" in meta
