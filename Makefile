# Vouch: `make serve` builds and serves the app at http://127.0.0.1:8080; `make test` runs every
# check and test layer. Both install whatever is missing first (tools/setup.sh).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: setup serve build test test-native test-browser test-e2e lint bench screenshot fuzz size

setup:
	@bash tools/setup.sh

serve: setup
	trunk serve --release

build: setup
	trunk build --release

test: setup
	@bash tools/test.sh

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings

test-native:
	cargo test

test-browser: setup
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
		cargo test --target wasm32-unknown-unknown --test browser

test-e2e: build
	node tests/e2e/run.mjs

# Performance is measured here, never asserted in a timed test.
bench: build
	cargo run --release --example bench_search
	cargo run --release --example bench_import
	cargo run --release --example bench_load
	node tests/bench/browser.mjs
	node tests/bench/import.mjs
	node tests/bench/shell.mjs
	node tests/bench/sync.mjs
	node tests/bench/lighthouse.mjs

# What a first visit downloads and what takes the room in the wasm (installs twiggy if missing).
size: setup
	@bash tools/size.sh

# The README's picture of the ask wizard's review step (docs/wizard-review.png).
screenshot: build
	node tools/screenshot.mjs

# The importers' never-panic property tests, at length (the normal test run does 2,000 cases).
fuzz:
	PROPTEST_CASES=100000 cargo test --release --lib import::fuzz
