# One task runner: the README and .ci/run call these targets.
# `make run` and `make test` set up a fresh machine first (scripts/setup.sh skips what is there).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup wasm run serve test check fmt clippy test-rust test-wasm test-page bench bench-browser bench-instructions idempotence screenshot

setup:
	bash scripts/setup.sh

# The page's wasm and JS glue, for the browser without a bundler.
wasm:
	wasm-pack build --target web --release --out-dir www/pkg --out-name notice_lens
	rm -f www/pkg/.gitignore www/pkg/package.json www/pkg/README.md

run: setup wasm serve

serve:
	node scripts/serve.mjs --port $(PORT)

test: setup check test-rust test-wasm test-page

check: fmt clippy

fmt:
	cargo fmt --all --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

test-rust:
	cargo test

# wasm-bindgen-test in headless Chromium (flags in webdriver.json).
test-wasm:
	wasm-pack test --headless --chrome -- --test wasm

test-page: wasm
	node --test tests/page/

# The README's picture, taken by the page test.
screenshot: wasm
	SCREENSHOT=docs/screenshot.png node --test --test-name-pattern=screenshot tests/page/

bench:
	cargo bench --bench analyze

bench-browser: wasm
	node tests/page/bench.mjs

# Instructions counted by callgrind at 1 MB and 10 MB: repeatable where seconds are not.
bench-instructions:
	bash scripts/bench-instructions.sh

# Every clean fixture damaged 60 ways: restored, and deduplicated once for all (about 30 s).
idempotence:
	cargo run --release --example idempotence
