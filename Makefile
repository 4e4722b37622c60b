# Two commands for a new user: `make scan` (scan REPO, this repository by default) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
REPO ?= .
ARGS ?=

.PHONY: setup scan test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

scan: setup
	$(BIN)/shoal scan $(REPO) $(ARGS)

test: setup
	$(BIN)/python -m pytest -q $(ARGS)

bench: setup
	$(BIN)/python tests/benchmarks/bench.py $(ARGS)

clean:
	rm -rf .shoal .bench
