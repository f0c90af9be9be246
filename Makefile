# `make run` starts the bot, `make test` runs the checks, `make sandbox` tries the bot without
# a token; all build .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CONFIG ?= config.toml

.PHONY: run sandbox test test-fast lint bench clean lock

# The exact versions (and their hashes) come from the lock file; the project itself is then
# installed editable on top, without letting pip resolve anything again.
$(STAMP): pyproject.toml requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# After a change to the dependencies in pyproject.toml: recompile both lock files.
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
	--no-emit-find-links
lock:
	$(PYTHON) -m venv $(VENV)-tools
	$(VENV)-tools/bin/pip install --quiet pip-tools
	$(VENV)-tools/bin/pip-compile $(LOCK_FLAGS) -o requirements.lock pyproject.toml
	$(VENV)-tools/bin/pip-compile $(LOCK_FLAGS) --extra dev --extra bench \
		-o requirements-dev.lock pyproject.toml

run: $(STAMP)
	$(PY) -m bot --config $(CONFIG)

# The bot in this terminal, against a stand-in for Telegram: no token, no network.
sandbox: $(STAMP)
	$(PY) -m bot sandbox

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint
	$(PY) -m pytest

# The same without the tests marked slow (subprocesses: chaos, crashes, packaging, the CLI).
test-fast: lint
	$(PY) -m pytest -m "not slow"

# `make bench` writes BENCHMARKS.md (about 15 minutes); `make bench BENCH_ARGS=--quick` is a
# smoke run of the same code with small sizes.
BENCH_ARGS ?=
bench: $(STAMP)
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(VENV)-tools .mypy_cache .pytest_cache .ruff_cache
