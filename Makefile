# geoevents: `make demo` shows the whole job on a local Kafka; `make test` runs the test suite.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KAFKA_STAMP := kafka/libs/.resolved

.PHONY: help install kafka chromium demo test lint unit bench bench-tiny reliability reliability-tests soak evaluate clean

help:
	@echo "make demo         start Kafka + a worker, publish the samples, print events and top actors"
	@echo "make test         lint + the whole test suite against a real Kafka broker"
	@echo "make bench        throughput / latency / memory benchmark (writes bench.json)"
	@echo "make reliability  fault scenarios against the real broker (writes reliability.json)"
	@echo "make soak         many articles with a dedup window of seconds: table keys, RSS, restart time (writes soak-out/)"
	@echo "make evaluate     score the extractor on the dev and blind gold sets (and draw docs/reliability-diagram.png)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(STAMP)

$(KAFKA_STAMP): kafka/pom.xml
	@command -v mvn >/dev/null || { echo "Maven is needed to fetch the Kafka jars (apt-get install maven)"; exit 1; }
	rm -rf kafka/libs
	mvn -q -B -f kafka/pom.xml dependency:copy-dependencies -DoutputDirectory=libs -DincludeScope=runtime
	touch $@

kafka: $(KAFKA_STAMP)

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@chromium --version

demo: install kafka
	$(BIN)/geoevents demo

lint: install
	$(BIN)/ruff check streams tests scripts
	$(BIN)/mypy
	$(BIN)/python scripts/check_imports.py

test: install kafka chromium lint
	$(BIN)/pytest -q -ra -m "not fault" $(PYTEST_ARGS)

reliability-tests: install kafka
	$(BIN)/pytest -q -ra -m fault $(PYTEST_ARGS)

unit: install
	$(BIN)/pytest -q -m "not integration and not browser" $(PYTEST_ARGS)

evaluate: install
	$(BIN)/geoevents evaluate tests/gold/dev.jsonl tests/gold/dev-news.jsonl tests/gold/dev-wire.jsonl tests/gold/blind.jsonl --plot docs/reliability-diagram.png

bench: install kafka
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

bench-tiny: install kafka
	$(BIN)/python scripts/bench.py --articles 24 --tiny

reliability: install kafka
	$(BIN)/python scripts/reliability.py $(RELIABILITY_ARGS)

soak: install kafka
	$(BIN)/python scripts/soak.py $(SOAK_ARGS)

clean:
	rm -rf .geoevents .pytest_cache .mypy_cache .ruff_cache bench.json reliability.json soak-out
