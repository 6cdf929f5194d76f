# The two commands of the README: `make demo` (the main job against the local ARM emulator) and
# `make test` (lint and the whole test suite). Both create the virtualenv they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed

.PHONY: demo test lint wheel bench clean

$(STAMP): requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .

test: lint
	$(BIN)/python -m pytest

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

wheel: $(STAMP)
	rm -rf dist build
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w dist .

bench: $(STAMP)
	$(BIN)/python benchmarks/cli.py
	$(BIN)/python benchmarks/emulator.py
	$(BIN)/python benchmarks/emulator_fleet.py
	$(BIN)/python benchmarks/check_manifests.py

clean:
	rm -rf $(VENV) dist build *.egg-info .demo .emulator
