# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
BUILD := safeguarding_qa/static/build
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers: one per CPU keeps the suite (and CI) well inside its time budget.
TEST_WORKERS ?= auto

.PHONY: run test setup install assets migrate demo lint format check-deploy test-fast browser-deps clean bench

run: setup migrate demo ## Set everything up and serve the demo partnership on http://127.0.0.1:8000
	@echo "Serving on http://$(HOST):$(PORT) (Ctrl+C to stop)"
	@# The task worker (imports, reports, reminders) runs beside the server and stops with it.
	$(MANAGE) db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

test: setup lint ## Set everything up, check quality gates, then run the whole test suite
	$(BIN)/pytest -n $(TEST_WORKERS)

bench: setup ## Page latency against the floor page at 1x and 100x data, a load test, budgets
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

test-fast: setup ## The test suite without the quality gates or browser tests
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not browser"

setup: install assets

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: $(BUILD)/app.css

$(BUILD)/app.css: node_modules/.installed frontend/app.scss frontend/init.mjs frontend/build.mjs
	node frontend/build.mjs

migrate: install
	$(MANAGE) migrate --no-input

demo: install
	$(MANAGE) seed_demo

lint: install ## ruff, formatting, types, migrations in step with models, deployment checks
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy safeguarding_qa config tests
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production \
	  SECRET_KEY=check-deploy-only-$$(printf '%060d' 0) \
	  IDENTIFIER_ENCRYPTION_KEYS=Y2hlY2stZGVwbG95LW9ubHktbm90LWEtcmVhbC1rZXk= \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

browser-deps: ## Debian's Chromium for the browser tests (needs root)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium fonts-liberation2)

clean:
	rm -rf $(VENV) node_modules $(BUILD) staticfiles
