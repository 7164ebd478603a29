# Comptoir — developer entry points. `make dev` and `make test` work on a
# fresh machine with only node and npm: everything else is installed here.
SHELL := /bin/bash
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
# npm scripts and every command below run on the project's Node 24 (npm package `node`).
export PATH := $(ROOT)/node_modules/.bin:$(PATH)
NODE := $(ROOT)/node_modules/.bin/node
INSTALLED := node_modules/.comptoir-installed
ACE := cd api && $(NODE) ace

# Targets that only look at or stop what runs need no installation: before `make install` (a
# fresh clone) nothing of ours can run, so they say so instead of failing on a missing node.
NOTHING_INSTALLED = test -x $(NODE) || { echo "Nothing is installed yet (no $(NODE)), so nothing of Comptoir runs: make dev or make start installs and starts it."; exit 0; }

DAYS ?= 90
LINES ?=

.PHONY: help install system-deps dev start stop restart status test typecheck lint build \
        demo-data stock-verify backup restore db-migrate db-seed db-start db-stop clean bench lb lb-stop lb-status

# Target names in colour only on a terminal (not in a pipe or a file) and when NO_COLOR is unset or
# empty (no-color.org), from the environment or the command line (make help NO_COLOR=1).
help: ## List the targets
	@if [ -t 1 ] && [ -z "$(NO_COLOR)" ] && [ "$$TERM" != dumb ]; then on=$$'\033[36m' off=$$'\033[0m'; else on='' off=''; fi; \
	grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk -v on="$$on" -v off="$$off" 'BEGIN {FS = ":.*?## "}; {printf "  %s%-14s%s %s\n", on, $$1, off, $$2}'

# A fresh checkout gets exactly the lockfile (npm ci); an existing tree is
# updated in place (npm install), never wiped while something runs from it.
$(INSTALLED): package.json package-lock.json api/package.json web/package.json
	@if [ -d node_modules ]; then echo "[install] npm install"; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund; \
	else echo "[install] npm ci"; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; fi
	@touch $@

install: $(INSTALLED) ## Install npm dependencies (Node 24 included)

system-deps: ## Install the Debian packages the project needs (redis-server, nginx, prometheus, docker-compose, gettext-base, chromium)
	@bash scripts/system-deps.sh

dev: install ## Run API (3333) and web (3000) with reload on the embedded PostgreSQL; Ctrl-C stops all
	@$(NODE) scripts/stack.mjs dev

start: install ## Start production builds in the background and wait until healthy
	@$(NODE) scripts/stack.mjs start

stop: ## Stop what `make start` started, and the embedded PostgreSQL
	@$(NOTHING_INSTALLED) && $(NODE) scripts/stack.mjs stop

restart: stop start ## Stop, then start

status: ## Show what runs
	@$(NOTHING_INSTALLED) && $(NODE) scripts/stack.mjs status

lb: install ## Load-balanced topology: nginx :8080 over 3 API instances, web, Redis, Prometheus (.data/lb)
	@$(NODE) scripts/lb.mjs start

lb-stop: ## Stop everything `make lb` started
	@$(NOTHING_INSTALLED) && $(NODE) scripts/lb.mjs stop

lb-status: ## Show each process of `make lb` (pid, port, health)
	@$(NOTHING_INSTALLED) && $(NODE) scripts/lb.mjs status

test: install system-deps ## Typecheck, lint and run every test suite (own PostgreSQL and Redis)
	@$(NODE) scripts/test.mjs

typecheck: install ## TypeScript checks of api and web
	@npx --no-install tsc --noEmit -p api/tsconfig.json && npx --no-install tsc --noEmit -p web/tsconfig.json

lint: install ## ESLint on api, web, scripts, ops and nginx
	@npx --no-install eslint --max-warnings=0 api web scripts ops nginx

build: install ## Production builds of api and web
	@cd api && $(NODE) ace build && cd ../web && npm run build

db-start: install ## Start the embedded PostgreSQL ($COMPTOIR_DATA_DIR/pg, default .data/pg; PG_PORT, default 55432)
	@$(NODE) scripts/stack.mjs db-start

db-stop: ## Stop the embedded PostgreSQL (the one of COMPTOIR_DATA_DIR, as db-start)
	@$(NOTHING_INSTALLED) && $(NODE) scripts/stack.mjs db-stop

db-migrate: db-start ## Run pending migrations on the development database
	@$(NODE) scripts/ace.mjs migration:run

db-seed: db-start ## Seed reference data and development accounts (idempotent)
	@$(NODE) scripts/ace.mjs db:seed

demo-data: db-migrate ## Sales history ending yesterday: DAYS=90, LINES= (sale lines in all, e.g. 1000000), END_DATE=YYYY-MM-DD (day after the last), SEED=42, DRY_RUN=1; days that have sales are refused
	@$(NODE) scripts/ace.mjs db:seed
	@$(NODE) scripts/ace.mjs demo:generate --days $(DAYS) $(if $(LINES),--lines $(LINES),) $(if $(END_DATE),--end-date $(END_DATE),) $(if $(SEED),--seed $(SEED),) $(if $(DRY_RUN),--dry-run,)
	@$(NODE) scripts/ace.mjs stock:verify

backup: install ## Back the database up to a file: one snapshot while sales go on (OUT=file or directory; default $COMPTOIR_DATA_DIR/backups, else .data/backups; never replaces a file)
	@$(NODE) scripts/backup.mjs create $(if $(OUT),--out "$(OUT)",)

restore: install ## Restore FILE=path into an empty database (REPLACE=1: replaces its data, all or nothing); stop the API first
	@$(NODE) scripts/backup.mjs restore --file "$(FILE)" $(if $(REPLACE),--replace,)

stock-verify: db-migrate ## Check ledger == stock levels and rollups == sales (make lb's database: DATABASE_URL=…; PostgreSQL is left running)
	@$(NODE) scripts/ace.mjs stock:verify

clean: stop ## `make stop` (servers and embedded PostgreSQL), then remove builds (keeps .data/)
	rm -rf api/build web/build api/.served web/.served

SCENARIO ?= read-mix
bench: install ## Load-test a running stack: SCENARIO=read-mix|checkout|pos-day|reports|stress|users-300|failover|cache-effect|web|web-users|web-floor [TARGET=, default the API on :3333, the web app on :3000 for web scenarios] [CONNECTIONS=] [DURATION=] [OUT=dir, default docs/benchmarks]
	@$(NODE) scripts/bench.mjs --scenario $(SCENARIO) $(if $(TARGET),--target $(TARGET),) $(if $(CONNECTIONS),--connections $(CONNECTIONS),) $(if $(DURATION),--duration $(DURATION),) $(if $(OUT),--out $(OUT),)
