# Gloss: the two commands a user needs are `make serve` and `make test`.
# Every target installs what it needs itself (scripts/setup.sh skips what is present).
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup setup-test serve build budget test lint test-rust licenses test-e2e eval bench bench-smoke models train-smoke setup-parallel test-spark bench-archive

help:
	@echo "make serve  - build the site and serve it on a local address"
	@echo "make test   - run every test (lint, unit, golden, property, CLI, licences, browser end-to-end)"
	@echo "make eval   - accuracy on ../shared/eval (when present)"
	@echo "make models - retrain the models from ../shared/train"
	@echo "make bench  - benchmarks against compromise and spaCy (writes bench/RESULTS.md)"
	@echo "make test-spark    - scripts/spark_batch.py on Spark local[2] against gloss batch (installs a JRE and pyspark)"
	@echo "make bench-archive - gloss batch, GNU parallel and Spark on 100 MB of JSONL (docs/cli.md)"

# What building and serving need (idempotent): wasm target, wasm-bindgen, wasm-opt.
setup:
	bash scripts/setup.sh

# Also what the tests need: Chromium and the test runner's npm packages.
setup-test:
	bash scripts/setup.sh --test

# The static site in dist/ (the page's module, the engine and its worker,
# the service worker, the JS API in dist/js/).
build: setup
	bash scripts/build-site.sh

# Build, then serve dist/ on 127.0.0.1:8080 (or the next free port).
serve: build
	bash scripts/serve.sh

# Browser end-to-end tests (chromium via playwright-core).
test-e2e: setup-test build
	cd tests && node --test e2e/

# The first load (150 KB) and the engine (1 MB), gzipped, against their
# budgets, and the Explain → rendered time the browser tests measured; fails
# only if over budget.
budget:
	bash scripts/budget.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --document-private-items

# GNU parallel for the CLI's parallel recipe test (crates/cli/tests/parallel.rs).
setup-parallel:
	bash scripts/setup-parallel.sh

test-rust: setup-parallel
	cargo test --workspace --release

licenses:
	bash scripts/check-licenses.sh

eval:
	bash scripts/eval.sh

# Retrain the models from ../shared/train into crates/core/data/models/ (deterministic:
# the same data give byte-identical files): the entity labeller of the `ner` component,
# the standalone BILOU recogniser, and the tagger and parser (`parse` component).
models:
	cargo build --release -q -p gloss-train
	time ./target/release/gloss-train ner
	time ./target/release/gloss-train bilou
	time ./target/release/gloss-train syntax

# A quick training run on a few documents of each corpus (when ../shared/train is
# there), so that the trainer cannot rot; the unit tests of crates/train train on
# sentences of their own either way.
train-smoke:
	bash scripts/train-smoke.sh

test: setup-test lint test-rust train-smoke licenses test-e2e bench-smoke budget
	@echo "all tests passed"

# Benchmarks (bench/, docs/benchmarks.md): full run writes bench/RESULTS.md and bench/throughput.svg.
bench:
	bash bench/bench.sh

# Quick benchmark check for CI: tiny inputs, one run, fails only on a broken script.
bench-smoke:
	bash bench/bench.sh --smoke

# Archive scale (docs/cli.md): not part of `make test`, the JRE + pyspark install is heavy.
test-spark:
	bash scripts/test-spark.sh

bench-archive: setup-parallel
	bash scripts/bench-archive.sh
