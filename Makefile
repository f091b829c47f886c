# Samråd — the two commands a newcomer needs:
#   make run    build a release and serve http://127.0.0.1:3000 on SQLite
#   make test   every check and test (set TEST_DATABASE_URL for PostgreSQL)

SHELL := /bin/bash
# Builds live outside the clone so they stay warm across clones and CI runs.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/samrad/target
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DATABASE_URL ?= sqlite://data/samrad.db
BIND ?= 127.0.0.1:3000

.PHONY: run demo build-release bootstrap test fmt-check clippy test-rust e2e build-debug

run: bootstrap build-release
	DATABASE_URL='$(DATABASE_URL)' BIND='$(BIND)' SITE_ROOT=target/site LEPTOS_ENV=PROD \
		$(CARGO_TARGET_DIR)/release/samrad serve

# The demo story in a database of its own (./data/demo.db), then served.
demo: bootstrap build-release
	rm -f data/demo.db
	DATABASE_URL=sqlite://data/demo.db $(CARGO_TARGET_DIR)/release/samrad seed --scale demo
	DATABASE_URL=sqlite://data/demo.db BIND='$(BIND)' SITE_ROOT=target/site LEPTOS_ENV=PROD \
		$(CARGO_TARGET_DIR)/release/samrad serve

bootstrap:
	@scripts/bootstrap

build-release:
	cargo leptos build --release --precompress

build-debug:
	cargo leptos build

test: bootstrap fmt-check clippy test-rust e2e

fmt-check:
	cargo fmt --all -- --check

# ssr and hydrate are never on together.
clippy:
	cargo clippy -p samrad --all-targets -- -D warnings
	cargo clippy -p app --all-targets --features ssr -- -D warnings
	cargo clippy -p app --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings
	cargo clippy -p samrad-ceiling -- -D warnings

test-rust:
	cargo test -p samrad -p app --features app/ssr

e2e: build-debug
	cd end2end && SAMRAD_BIN=$(CARGO_TARGET_DIR)/debug/samrad npx playwright test
