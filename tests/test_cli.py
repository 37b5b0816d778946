"""The `geoevents` command: help everywhere, offline extraction, publish/tail, and the demo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from streams import jsonio, schemas
from streams.inputs import SAMPLES
from streams.settings import Settings
from tests.helpers import wait_settled

COMMANDS = ["broker", "worker", "publish", "tail", "top", "stories", "extract", "evaluate", "evaluate-stories", "demo"]


def geoevents(*args: str, env: dict[str, str] | None = None, timeout: float = 300, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "streams", *args], capture_output=True, timeout=timeout,
                          env=env or dict(os.environ), input=stdin)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command: str) -> None:
    result = geoevents(command, "--help")
    assert result.returncode == 0
    assert b"Usage" in result.stdout


def test_cli_extract_offline_writes_schema_valid_events(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = geoevents("extract", str(SAMPLES), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    events = [jsonio.loads(line) for line in out.read_text().splitlines()]
    assert len(events) > 8
    for ev in events:
        assert schemas.errors("event", ev) == []
    assert {ev["article_id"] for ev in events} >= {jsonio.loads(line)["id"] for line in SAMPLES.read_text().splitlines()[:3]}
    # stdin works too, and bad lines are reported, not fatal
    bad = SAMPLES.parent / "bad.jsonl"
    result = geoevents("extract", "-", stdin=bad.read_bytes() + SAMPLES.read_bytes().splitlines(True)[0])
    assert result.returncode == 0
    assert b"6 rejected" in result.stderr
    assert len(result.stdout.splitlines()) > 0


def test_cli_extract_missing_file_is_a_clear_error() -> None:
    result = geoevents("extract", "/nonexistent/articles.jsonl")
    assert result.returncode == 2
    assert b"no such file" in result.stderr


def test_cli_top_without_worker_is_a_clear_error() -> None:
    result = geoevents("top", "--url", "http://127.0.0.1:9")
    assert result.returncode == 2
    assert b"no worker answers" in result.stderr


@pytest.mark.integration
def test_cli_publish_tail_and_top_against_a_worker(start_worker, stack_env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker()
    txt = tmp_path / "kim-visit.txt"
    txt.write_text("North Korean leader Kim Jong Un plans to meet Russian President Vladimir Putin in Vladivostok.")
    result = geoevents("publish", str(SAMPLES), str(txt), env=stack_env)
    assert result.returncode == 0, result.stderr.decode()
    n = sum(1 for line in SAMPLES.read_text().splitlines() if line.strip()) + 1  # the samples and the .txt
    assert f"sent {n}, failed 0".encode() in result.stderr
    wait_settled([worker], n)
    result = geoevents("tail", "--from-beginning", "--json", "--limit", "500", "--timeout", "5", env=stack_env)
    lines = [jsonio.loads(x) for x in result.stdout.splitlines()]
    assert any(ev["article_id"] == "kim-visit" for ev in lines)
    conflict = geoevents("tail", "--from-beginning", "--json", "--quad", "4", "--timeout", "4", env=stack_env)
    quad4 = [jsonio.loads(x) for x in conflict.stdout.splitlines()]
    assert quad4 and all(ev["quad_class"] == 4 for ev in quad4)
    assert len(quad4) == sum(1 for ev in lines if ev["quad_class"] == 4)
    rus = geoevents("tail", "--from-beginning", "--json", "--country", "RUS", "--min-goldstein", "0", "--timeout", "4",
                    env=stack_env)
    for ev in (jsonio.loads(x) for x in rus.stdout.splitlines()):
        assert "RUS" in {ev["source"]["country"], (ev["target"] or {}).get("country")} and ev["goldstein"] >= 0
    top = geoevents("top", "--json", "--n", "3", "--url", worker.url, env=stack_env)
    body = jsonio.loads(top.stdout)
    assert len(body["actors"]) == 3 and body["actors"][0]["mentions"] >= body["actors"][1]["mentions"]
    # the commands above read the test's own topics, which the environment names (not the defaults)
    settings = Settings.from_mapping(stack_env)
    assert settings.topic_events == stack_env["GEOEVENTS_TOPIC_EVENTS"] != Settings.from_mapping({}).topic_events


@pytest.mark.integration
@pytest.mark.slow
def test_demo_json_on_its_own_broker(tmp_path: Path) -> None:
    """`geoevents demo --json` starts Kafka and a worker itself and prints exactly one JSON object."""
    kim = tmp_path / "kim.jsonl"
    kim.write_text(SAMPLES.read_text().splitlines()[0] + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOEVENTS_")}
    result = geoevents("demo", str(kim), "--json", env=env, timeout=400)
    assert result.returncode == 0, result.stderr.decode()[-6000:]
    body = jsonio.loads(result.stdout)
    assert set(body) == {"events", "top_actors"}
    for ev in body["events"]:
        assert schemas.errors("event", ev) == []
    assert {a["code"] for a in body["top_actors"][:3]} == {"RUS", "PRK", "USA"}
    assert any(ev["source"]["code"] == "PRKGOV" and (ev["target"] or {}).get("code") == "RUSGOV"
               and ev["cameo"]["code"] == "036" and ev["hypothetical"] for ev in body["events"])
