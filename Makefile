# The two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint docs bench bench-peer clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/python -m service.launch

# One pytest worker per CPU (pytest-xdist), each with its own database and Redis db (tests/conftest.py);
# whole files stay on one worker. PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
test: $(BIN)/.installed
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(MAKE) --no-print-directory docs

# The documentation site (mkdocs.yml, docs/): --strict fails on a broken link or a page missing from the nav.
docs: $(BIN)/.installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

bench: $(BIN)/.installed
	@for f in bench/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

# The reference peer's venv, for bench/bench_steps.py (which reads PEER_VENV too, and this default).
PEER_VENV ?= /tmp/peer-spiff
bench-peer:
	test -x $(PEER_VENV)/bin/python || $(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/pip install -q 'spiffworkflow==3.2.0' 'psycopg[binary]'

clean:
	rm -rf $(VENV) instance .pytest_cache site
