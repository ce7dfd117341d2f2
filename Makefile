# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-long lint bench bench-quick clean

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
	$(BIN)/workbench

test: $(TEST_STAMP)
	$(BIN)/ruff check workbench tests benchmarks
	$(BIN)/python -m pytest -q -m "not long"

test-long: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -m long

lint: $(TEST_STAMP)
	$(BIN)/ruff check workbench tests benchmarks

bench: $(TEST_STAMP)
	$(BIN)/python -m benchmarks

bench-quick: $(TEST_STAMP)
	$(BIN)/python -m benchmarks --quick

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
