# Gloss: the two commands a user needs are `make serve` and `make test`.
# Every target installs what it needs itself (scripts/setup.sh skips what is present).
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup serve build budget test lint test-rust licenses test-e2e eval bench bench-smoke models train-smoke

help:
	@echo "make serve  - build the site and serve it on a local address"
	@echo "make test   - run every test (lint, unit, golden, property, CLI, licences, browser end-to-end)"
	@echo "make eval   - accuracy on ../shared/eval (when present)"
	@echo "make bench  - benchmarks against compromise and spaCy (writes bench/RESULTS.md)"
	@echo "make models - retrain the tagger and parser from ../shared/train (crates/core/data/models)"

# Toolchain and browser installs (idempotent).
setup:
	bash scripts/setup.sh

# The static site in dist/ (the app, the JS API in dist/js/, the worker).
build: setup
	bash scripts/build-site.sh

# Build, then serve dist/ on 127.0.0.1:8080 (or the next free port).
serve: build
	bash scripts/serve.sh

# Browser end-to-end tests (chromium via playwright-core).
test-e2e: build
	cd tests && node --test e2e/

# First-load bytes of dist/ (raw and gzip -9) against the 350 KB budget, and the
# Explain → rendered time the browser tests measured; fails only if over budget.
budget:
	bash scripts/budget.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	cargo test --workspace --release

licenses:
	bash scripts/check-licenses.sh

eval:
	bash scripts/eval.sh

# Full training of the tagger and parser (crates/train, docs in
# crates/core/data/models/README.md); needs ../shared/train.
models:
	@[ -d ../shared/train/ud ] || { echo "make models: needs ../shared/train/ud (see crates/core/data/models/README.md)" >&2; exit 1; }
	cargo run --release -p gloss-train -- models --data ../shared/train/ud --out crates/core/data/models

# Quick training run on a tiny treebank of the tests' own sentences (determinism, tooling).
train-smoke:
	bash scripts/train-smoke.sh

test: setup lint test-rust train-smoke licenses test-e2e bench-smoke budget
	@echo "all tests passed"

# Benchmarks (bench/, docs/benchmarks.md): full run writes bench/RESULTS.md and bench/throughput.svg.
bench:
	bash bench/bench.sh

# Quick benchmark check for CI: tiny inputs, one run, fails only on a broken script.
bench-smoke:
	bash bench/bench.sh --smoke
