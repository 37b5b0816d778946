"""docker-compose.yml is checked without a Docker engine: it validates against the Compose
Specification's JSON schema (schemas/compose/, see SOURCES.md there), and the worker service agrees
with the code: its environment names settings that streams/settings.py reads, its ports are the
settings' defaults, and its healthcheck, run here as Docker would run it, passes against a real
worker and fails without one."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

import streams.settings as settings_module
from streams.settings import PROJECT_DIR, Settings

COMPOSE = PROJECT_DIR / "docker-compose.yml"
SCHEMA = PROJECT_DIR / "schemas" / "compose" / "compose-spec.json"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return doc


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA.read_text())
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):  # the "NAME=value" form
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def settings_read() -> set[str]:
    """The GEOEVENTS_* names Settings() reads, recorded while it is built."""
    names: set[str] = set()
    real = settings_module._env

    def recording(name: str, default: str) -> str:
        names.add(f"GEOEVENTS_{name}")
        return real(name, default)

    settings_module._env = recording  # type: ignore[assignment]
    try:
        Settings()
    finally:
        settings_module._env = real
    return names


def test_compose_file_is_valid_against_the_compose_specification(compose: dict[str, Any],
                                                                 validator: Draft7Validator) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(compose)]
    assert errors == []
    assert {"kafka", "worker"} <= set(compose["services"])


@pytest.mark.parametrize(("path", "value"), [
    (("services", "worker", "enviroment"), {"GEOEVENTS_BROKER": "kafka://kafka:9092"}),  # a typo
    (("services", "worker", "ports"), "6066:6066"),                                    # not a list
    (("services", "worker", "healthcheck", "interval"), ["10s"]),
    (("services", "worker", "depends_on", "kafka", "condition"), "service_ready"),
])
def test_compose_schema_rejects_a_broken_file(compose: dict[str, Any], validator: Draft7Validator,
                                              path: tuple[str, ...], value: Any) -> None:
    """The check can fail: each of these edits makes the file invalid."""
    broken = copy.deepcopy(compose)
    node = broken
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert list(validator.iter_errors(broken)) != []


def test_compose_worker_environment_is_settings_the_code_reads(compose: dict[str, Any]) -> None:
    env = environment(compose["services"]["worker"])
    unknown = sorted(set(env) - settings_read())
    assert unknown == [], f"docker-compose.yml sets variables no setting reads: {unknown}"
    # and every value parses as its setting expects
    s = Settings.from_mapping(env)
    assert s.web_host == "0.0.0.0"  # reachable from the published port
    host_port = s.bootstrap_servers.split(",")[0]
    kafka_env = environment(compose["services"]["kafka"])
    assert f"//{host_port}" in kafka_env["KAFKA_ADVERTISED_LISTENERS"], "the worker's broker is not what kafka advertises"
    assert s.canonical_url.startswith("http://worker:")


def test_compose_worker_ports_are_the_settings_defaults(compose: dict[str, Any]) -> None:
    worker = compose["services"]["worker"]
    s = Settings.from_mapping(environment(worker))
    assert s.web_port == Settings.from_mapping({}).web_port  # GEOEVENTS_WEB_PORT is left to its default
    published = [str(p) for p in worker["ports"]]
    assert published == [f"127.0.0.1:{s.web_port}:{s.web_port}"]
    assert s.canonical_url.endswith(f":{s.web_port}")
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text()
    assert f"EXPOSE {s.web_port}" in dockerfile
    kafka_ports = [str(p) for p in compose["services"]["kafka"]["ports"]]
    assert kafka_ports == ["127.0.0.1:9092:9092"]
    default_broker = Settings.from_mapping({}).bootstrap_servers
    assert default_broker == "127.0.0.1:9092", "the published Kafka port is what a host process uses by default"


def test_dockerfile_copies_only_what_exists() -> None:
    for line in (PROJECT_DIR / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY "):
            for src in line.split()[1:-1]:
                assert (PROJECT_DIR / src).exists(), line


def healthcheck_command(compose: dict[str, Any]) -> list[str]:
    test = compose["services"]["worker"]["healthcheck"]["test"]
    assert isinstance(test, list) and test[0] == "CMD", "exec form: no shell in the image is needed"
    assert test[1] == "python"
    return [sys.executable, *test[2:]]


def test_compose_healthcheck_asks_an_endpoint_of_the_http_api(compose: dict[str, Any]) -> None:
    command = " ".join(healthcheck_command(compose))
    paths = re.findall(r"http://127\.0\.0\.1:\{port\}(/[\w/]*)", command)
    assert paths, command
    openapi = json.loads((PROJECT_DIR / "schemas" / "openapi.json").read_text())
    assert set(paths) <= set(openapi["paths"])
    assert "'6066'" in command  # the default port, when GEOEVENTS_WEB_PORT is not set
    api = (PROJECT_DIR / "streams" / "web" / "api.py").read_text()
    for path in paths:
        assert f'@app.page("{path}")' in api


@pytest.fixture()
def worker(start_worker: Any) -> Iterator[Any]:
    yield start_worker()


@pytest.mark.integration
def test_compose_healthcheck_passes_against_a_worker_and_fails_without(compose: dict[str, Any], worker: Any,
                                                                      tmp_path: Path) -> None:
    command = healthcheck_command(compose)
    port = worker.url.rsplit(":", 1)[1]
    ok = subprocess.run(command, env={"GEOEVENTS_WEB_PORT": port}, capture_output=True, timeout=30)
    assert ok.returncode == 0, ok.stderr.decode()
    worker.stop()
    down = subprocess.run(command, env={"GEOEVENTS_WEB_PORT": port}, capture_output=True, timeout=30)
    assert down.returncode != 0
