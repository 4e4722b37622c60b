# Two commands for a new user: `make scan` (scan REPO, this repository by default) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
REPO ?= .
ARGS ?=

.PHONY: setup sam-setup scan lint test bench bench-cache bench-diff bench-accuracy bench-secrets bench-scale bench-nfs cost clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# SAM CLI (sam validate/build/local invoke in the tests) in a venv of its own: its pins clash with ours.
SAM_VENV ?= .venv-sam
sam-setup: $(SAM_VENV)/.installed

$(SAM_VENV)/.installed: tests/e2e/sam-requirements.txt
	$(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install --quiet --upgrade pip
	$(SAM_VENV)/bin/pip install --quiet -r tests/e2e/sam-requirements.txt
	touch $@

scan: setup
	$(BIN)/shoal scan $(REPO) $(ARGS)

# ruff (bugs, dead code, style; [tool.ruff]) and mypy ([tool.mypy]: strict on the request, the stage
# records, analysis/ and rules/), both pinned in the dev extra. `make test` runs it first.
lint: setup
	$(BIN)/ruff check shared tests functions
	$(BIN)/mypy

test: setup sam-setup lint
	$(BIN)/python -m pytest -q $(ARGS)

bench: setup
	$(BIN)/python tests/benchmarks/bench.py $(ARGS)

# Repository cache: fresh checkout vs a second scan after a small commit (needs the Django corpus of `make bench`).
bench-cache: setup
	$(BIN)/python tests/benchmarks/cache_bench.py $(ARGS)

# Pull-request scans: 10 changed files of SymPy, diff scan vs full scan in one run (ARGS=--warm: one workspace).
bench-diff: setup
	$(BIN)/python tests/benchmarks/diff_bench.py $(ARGS)

# Labelled corpus (tests/corpus): per-category TP rate - FP rate, Shoal beside bandit on Python.
bench-accuracy: setup
	$(BIN)/python tests/benchmarks/accuracy.py $(ARGS)

# A generated 100,000-file repository (built once in .bench/scale): each step's time and peak memory
# against template.yaml's Lambda limits, and the files created in the workspace (ARGS="--files N").
bench-scale: setup
	$(BIN)/python tests/benchmarks/scale_bench.py $(ARGS)

# A Django scan with its workspace on a loopback NFS export delayed by tc netem, beside the ordinary
# disk; prints SKIP and why where the kernel, tc or root is missing (ARGS="--install --delay-ms 2");
# ARGS=--fuse mounts a FUSE stand-in that waits a round trip per NFS operation (kernels without NFS).
bench-nfs: setup
	$(BIN)/python tests/benchmarks/nfs_bench.py $(ARGS)

# What a finished scan would cost on AWS, and the stack's fixed monthly cost per network layout:
# make cost SCAN=<scan id> [WORKSPACE=<dir>] [ARGS="--architecture arm64 --json"]
WORKSPACE ?= $(or $(SHOAL_WORKSPACE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/shoal/workspace)
cost: setup
	@test -n "$(SCAN)" || { echo "make cost: give SCAN=<scan id> (ls $(WORKSPACE)/scans)" >&2; exit 2; }
	$(BIN)/python -m shoal.cost "$(WORKSPACE)" "$(SCAN)" $(ARGS)

# Secret detectors: recall on credentials generated from each format (named and bare) and decoys
# flagged, then the secrets pass's CPU time on Django and SymPy (needs the corpora of `make bench`),
# then --history against the head tree's secrets pass on a 524-commit repository (issue 21's 3x).
bench-secrets: setup
	$(BIN)/python tests/benchmarks/secrets_recall.py
	$(BIN)/python tests/benchmarks/secrets_bench.py --corpus django
	$(BIN)/python tests/benchmarks/secrets_bench.py --corpus sympy
	$(BIN)/python tests/benchmarks/history_bench.py --rounds 9

clean:
	rm -rf .shoal .bench
