# Sharing: `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Where links in mail, the feed and the sitemap point: the address `make run` serves.
SITE_URL ?= http://$(HOST):$(PORT)

.DEFAULT_GOAL := help
.PHONY: help run production test test-postgres lint format migrate demo messages translations audit clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

# The translations: each app's locale/<language>/LC_MESSAGES/django.po, compiled
# to the .mo files Django reads (not kept in git). Needs GNU gettext (msgfmt).
messages: $(VENV)/.installed ## Compile the translations (.po to .mo; needs gettext)
	$(BIN)/python manage.py compilemessages --ignore=$(VENV) --verbosity 0

translations: $(VENV)/.installed ## Collect new strings to translate into each app's .po files
	$(BIN)/python manage.py makemessages --all --add-location=file $(MAKEMESSAGES_IGNORE)

MAKEMESSAGES_IGNORE := --ignore=$(VENV) --ignore=tests --ignore=benchmarks --ignore=screening \
	--ignore=static_collected --ignore=media --ignore=private_media --ignore=test-artifacts

migrate: $(VENV)/.installed messages ## Apply database migrations
	$(BIN)/python manage.py migrate --no-input

demo: migrate ## Create the page tree, demo stories and the admin user
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo

run: demo ## Set everything up and serve the site on http://127.0.0.1:8000
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (user 'admin'; password printed above"
	@echo "         on the first run, or the one in DJANGO_ADMIN_PASSWORD)"
	@echo ""
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack on this machine, for checking: the Procfile's web, worker
# and clock processes under honcho, with local defaults that the environment
# overrides (README, "Running in production"). Needs PostgreSQL and Redis.
production: $(VENV)/.installed-dev messages ## Serve the production stack locally (Procfile: web, worker, clock)
	@export DJANGO_SETTINGS_MODULE=sharing.settings.production \
	    SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	    DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sharing}" \
	    CACHE_URL="$${CACHE_URL:-redis://127.0.0.1:6379/1}" \
	    ALLOWED_HOSTS="$${ALLOWED_HOSTS:-localhost,127.0.0.1}" \
	    SITE_URL="$${SITE_URL:-http://localhost:$(PORT)}" \
	    SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-False}" \
	    PATH="$(abspath $(BIN)):$$PATH" \
	  && set -e \
	  && python manage.py migrate --no-input \
	  && python manage.py collectstatic --no-input --verbosity 0 \
	  && echo "" && echo "  Site: http://localhost:$(PORT)/   Health: http://localhost:$(PORT)/health/" && echo "" \
	  && exec honcho --env /dev/null start --port $(PORT)

test: $(VENV)/.installed-dev messages ## Run the test suite (SQLite; browser tests skip without Chromium)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.installed-dev messages ## Run the test suite against PostgreSQL (DATABASE_URL)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sharing} $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## Check code, templates and the import contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	$(BIN)/lint-imports

format: $(VENV)/.installed-dev ## Format code and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

benchmarks/audit/node_modules/.package-lock.json: benchmarks/audit/package-lock.json
	npm ci --prefix benchmarks/audit --no-audit --no-fund --ignore-scripts

# The W3C Nu validator over every public page and Lighthouse on the home page, a
# story and the share form, against the production-served site (PostgreSQL at
# DATABASE_URL's server, Redis, Java and Debian's chromium): benchmarks/audit.py.
audit: $(VENV)/.installed-dev benchmarks/audit/node_modules/.package-lock.json ## Validate the public pages (vnu) and score them (Lighthouse)
	$(BIN)/python benchmarks/audit.py

clean: ## Remove the virtualenv, caches and the SQLite database
	rm -rf $(VENV) .pytest_cache .ruff_cache db.sqlite3
	find . -path ./$(VENV) -prune -o -name '*.mo' -path '*/locale/*' -print -delete
