# The two commands of the README:
#   make book   set up .venv, execute the chapters, build the HTML into _build/html
#   make test   everything that proves it works (lint, unit + property + doctests,
#               nbval on every chapter, the book build, browser tests)
# Other targets are listed by `make help`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HTML   := _build/html
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
NORMLIB   := $(sort $(wildcard normlib/*.py normlib/*/*.py))

.DEFAULT_GOAL := help
.PHONY: help venv book book-all lab test lint unit notebooks browser execute bench bench-book clean clean-venv

help:
	@echo "make book        set up .venv, execute chapters, build HTML into $(HTML)"
	@echo "make test        lint, unit/property/doctests, nbval (strict), book build, browser tests"
	@echo "make lab         open the chapters in JupyterLab (installs it into .venv on first use)"
	@echo "make execute     re-run every chapter and store its outputs (after editing one)"
	@echo "make book-all    rebuild every page (after a configuration change)"
	@echo "make bench       performance benchmarks (prints figures; not part of make test)"
	@echo "make bench-book  build-time and page-size budgets of the book"
	@echo "make clean       remove _build;  make clean-venv  also remove .venv"

# --- set-up ------------------------------------------------------------------
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

venv: $(STAMP)

# --- the book ----------------------------------------------------------------
# Jupyter Book's execution cache keys only on each notebook's own content, and
# Sphinx re-reads only changed sources, so a change to normlib would leave every
# chapter's old outputs in place: when any normlib source is newer than the last
# build, drop both the execution cache and Sphinx's saved environment, so that
# every chapter is read and executed again.
_build/.normlib-stamp: $(NORMLIB)
	rm -rf _build/.jupyter_cache _build/.doctrees
	mkdir -p _build && touch $@

book: $(STAMP) _build/.normlib-stamp
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

book-all: $(STAMP)
	rm -rf _build/.jupyter_cache
	$(BIN)/jupyter-book build . --all --warningiserror --nitpick --keep-going

# JupyterLab for learners who run the chapters; not needed to build or test the book.
lab: $(STAMP)
	test -x $(BIN)/jupyter-lab || $(BIN)/python -m pip install --quiet jupyterlab==4.6.6
	$(BIN)/jupyter-lab book/

# Re-execute the chapters and store their outputs in the notebooks (what nbval
# compares against). Run it after editing a chapter or normlib, then review the diff.
execute: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

# --- tests -------------------------------------------------------------------
test: lint unit notebooks book browser

lint: $(STAMP)
	$(BIN)/ruff check normlib tests scripts book benchmarks

unit: $(STAMP)
	$(BIN)/python -m pytest tests normlib --doctest-modules --ignore=tests/browser -q

notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-p no:cacheprovider $(NOTEBOOKS) -q

# axe-core (accessibility checks of every page) comes from npm, pinned in
# tests/browser/package-lock.json; `npm ci` installs exactly that.
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund
	touch $@

browser: $(STAMP) book $(AXE)
	$(BIN)/python -m pytest tests/browser -q

# --- benchmarks (figures, never pass/fail tests) ----------------------------
bench: $(STAMP)
	@if [ -d benchmarks ]; then for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done; \
	else echo "no benchmarks yet"; fi

bench-book: $(STAMP)
	@if [ -f benchmarks/book_budget.py ]; then $(BIN)/python benchmarks/book_budget.py; \
	else echo "no book budget script yet"; fi

clean:
	rm -rf _build

clean-venv: clean
	rm -rf $(VENV)
