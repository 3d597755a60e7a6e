# trelloql developer commands. `make serve` and `make test` set everything up from a fresh clone.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: setup serve test lint format lock clean planner-fuzz

setup: $(STAMP) graphiql-assets

$(STAMP): requirements/dev.lock pyproject.toml
	@scripts/check-build-tools $(PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

serve: $(STAMP) graphiql-assets
	$(BIN)/trelloql serve

test: $(STAMP) lint graphiql-assets
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lock: $(STAMP)
	UV=$(BIN)/uv scripts/lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

include hardening.mk
include graphiql.mk
include deploy.mk
include bench.mk

# The planner's equivalence test at scale (planned vs naive answers on generated queries).
planner-fuzz: $(STAMP)
	TRELLOQL_EQUIVALENCE_QUERIES=1000 $(BIN)/python -m pytest -q tests/planner/test_equivalence.py
