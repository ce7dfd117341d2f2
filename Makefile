# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-long lint bench bench-quick clean taskwarrior

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# An editable install is not byte-compiled by pip; compile it here so that start-up does not
# pay for it where bytecode is not written at run time (PYTHONDONTWRITEBYTECODE).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q workbench > /dev/null
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q workbench > /dev/null
	touch $(STAMP) $@

run: $(STAMP)
	$(BIN)/python -m compileall -q workbench > /dev/null
	$(BIN)/workbench

# Taskwarrior, for the import/export round-trip tests: installed with apt-get when it is
# missing and we are root; its tests skip (saying why) when it cannot be. Never fails.
taskwarrior:
	@command -v task >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing taskwarrior for the round-trip tests..."; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq taskwarrior; } >/dev/null 2>&1 \
	      || echo "Could not install taskwarrior; its round-trip tests will be skipped."; \
	  else \
	    echo "taskwarrior is not installed; its round-trip tests will be skipped."; \
	  fi; \
	}

test: $(TEST_STAMP) taskwarrior
	$(BIN)/ruff check workbench tests benchmarks
	$(BIN)/python -m pytest -q -m "not long"

test-long: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -m long

lint: $(TEST_STAMP)
	$(BIN)/ruff check workbench tests benchmarks

# The harness compiles what changed since the install before it measures anything.
bench: $(TEST_STAMP)
	$(BIN)/python -m benchmarks

bench-quick: $(TEST_STAMP)
	$(BIN)/python -m benchmarks --quick

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
