# The two commands of the README:
#   make book   set up .venv, execute the chapters, build the HTML into _build/html
#   make test   everything that proves it works (lint, unit + property + doctests,
#               nbval on every chapter, the book build, browser tests, the PDF and
#               the offline bundle where the machine has TeX and Chromium)
# Other targets are listed by `make help`.

PYTHON ?= python3
# The oldest Python the pins install on (numpy 2.4, scikit-learn 1.9); pyproject.toml's
# requires-python and the README say the same (tests/test_anywhere.py checks it).
PYTHON_FLOOR := 3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HTML   := _build/html
PDF    := _build/book.pdf
# The PDF is built in its own folder (its own Sphinx environment, so that switching between
# the HTML and the LaTeX build does not make either re-read every page) but from the HTML
# build's execution cache (scripts/pdf_config.py points it there): no chapter runs twice.
PDF_BUILD := _build/pdf
# The Korean edition's PDF, from the same execution cache and the Korean catalogs.
PDF_KO := _build/book.ko.pdf
PDF_BUILD_KO := _build/pdf-ko
DIST   := _build/dist
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
NORMLIB   := $(sort $(wildcard normlib/*.py normlib/*/*.py normlib/*/*.po))
# The Korean edition (issue 11): built from the same executed chapters through the
# catalogs in locales/ko/ into $(KO_BUILD), then copied to $(HTML)/ko/.
KO_BUILD  := _build/ko
GETTEXT_BUILD := _build/gettext
# The kernels that execute the chapters for the book render every figure in Korean
# too (normlib.plotting; the Korean edition shows those renderings).
FIGURE_LANGUAGES := ko
# make browser PAGE=03_regularization  runs the browser tests of one page only.
PAGE   ?=
# make lab PORT=8899 BROWSER=no  (JupyterLab's port; BROWSER=no opens no browser window)
PORT    ?= 8888
BROWSER ?= yes
LAB_DIR ?= lab

.DEFAULT_GOAL := help
.PHONY: help venv book book-all book-ko translations lab test lint lint-js unit notebooks browser pdf pdf-test dist dist-test \
	execute linkcheck bench bench-book clean clean-venv

# --- the Python floor: checked before anything is created ---------------------
# Targets that need no Python skip the check. With a complete .venv, its own Python is
# what runs; otherwise $(PYTHON) must be new enough, or make stops here with one line.
NO_PYTHON_GOALS := help clean clean-venv
ifneq ($(filter-out $(NO_PYTHON_GOALS),$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL))),)
  CHECKED_PYTHON := $(if $(wildcard $(STAMP)),$(BIN)/python,$(PYTHON))
  PYTHON_VERSION := $(shell $(CHECKED_PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
  ifeq ($(PYTHON_VERSION),)
    $(error Python $(PYTHON_FLOOR)+ is needed and `$(CHECKED_PYTHON)` does not run; install it, or run make PYTHON=/path/to/python3.11 (or newer))
  endif
  ifneq ($(shell printf '%s\n%s\n' $(PYTHON_FLOOR) $(PYTHON_VERSION) | sort -V | head -n1),$(PYTHON_FLOOR))
    $(error Python $(PYTHON_FLOOR)+ is needed and `$(CHECKED_PYTHON)` is Python $(PYTHON_VERSION); run make PYTHON=python3.11 (or newer), nothing was installed)
  endif
endif

help:
	@echo "make book        set up .venv, execute chapters, build HTML into $(HTML)"
	@echo "make test        lint, unit/property/doctests, nbval (strict), book build, browser tests,"
	@echo "                 PDF and offline bundle (skipped with one line without Chromium / TeX)"
	@echo "make lab         the chapters in JupyterLab (working copies in $(LAB_DIR)/; PORT=, BROWSER=no)"
	@echo "make execute     re-run every chapter and store its outputs (after editing one)"
	@echo "make notebooks NOTEBOOKS=book/03_regularization.ipynb   nbval on one chapter"
	@echo "make browser PAGE=03_regularization                      browser tests of one page"
	@echo "make pdf         the whole book as one PDF: $(PDF) (needs TeX: see .ci/run)"
	@echo "make dist        offline bundle: site + PDF + notebooks + normlib wheel in $(DIST)/"
	@echo "make book-all    rebuild every page (after a configuration change)"
	@echo "make translations  after editing English text: update the Korean catalogs (locales/ko)"
	@echo "make linkcheck   check the external links (needs the network; the weekly CI run)"
	@echo "make bench       performance benchmarks (prints figures; not part of make test)"
	@echo "make bench-book  build-time and page-size budgets of the book"
	@echo "make clean       remove _build;  make clean-venv  also remove .venv"

# --- set-up ------------------------------------------------------------------
# A .venv whose installation failed is removed, so that the next make starts afresh
# instead of reusing a half-installed environment.
$(STAMP): requirements.txt pyproject.toml
	@if [ -d $(VENV) ] && [ ! -f $(STAMP) ]; then \
		echo "removing the incomplete $(VENV) (left by an earlier failed install)"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt \
		|| { rm -rf $(VENV); echo "pip failed: removed the incomplete $(VENV)"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
		|| { rm -rf $(VENV); echo "pip failed: removed the incomplete $(VENV)"; exit 1; }
	touch $@

venv: $(STAMP)

# JavaScript tools from npm (package.json, exact versions in package-lock.json): ESLint for
# the explorables' script, axe-core for the accessibility tests.
NPM_STAMP := node_modules/.package-lock.json
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# --- the book ----------------------------------------------------------------
# Jupyter Book's execution cache keys only on each notebook's own content, and
# Sphinx re-reads only changed sources, so a change to normlib would leave every
# chapter's old outputs in place: when any normlib source is newer than the last
# build, drop both the execution cache and Sphinx's saved environment, so that
# every chapter is read and executed again.
_build/.normlib-stamp: $(NORMLIB)
	rm -rf _build/.jupyter_cache _build/.doctrees $(PDF_BUILD)/_build/.doctrees $(KO_BUILD)/_build/.doctrees \
		$(PDF_BUILD_KO)/_build/.doctrees
	mkdir -p _build && touch $@

# Both editions: English into $(HTML), then Korean into $(HTML)/ko from the same
# execution cache (the chapters execute once).
book: $(STAMP) _build/.normlib-stamp
	NORMLIB_FIGURE_LANGUAGES=$(FIGURE_LANGUAGES) $(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going
	@[ -f $(HTML)/ko/index.html ] || rm -f $(KO_STAMP)  # the site was removed: build it again
	@$(MAKE) --no-print-directory $(KO_STAMP)

# The Korean build writes into $(KO_BUILD)/_build/html, copied to $(HTML)/ko (not a link:
# MyST-NB puts its executed notebooks next to the resolved output folder, which would be
# inside the English site). It is skipped when nothing it reads changed: the pages, the
# catalogs, the extensions, normlib, and the execution cache (a new entry when a chapter
# re-ran).
KO_STAMP   := $(KO_BUILD)/.built
KO_SOURCES := $(shell find book locales -type f ! -name '*.mo' ! -path '*/__pycache__/*' 2>/dev/null) \
	_config.yml _toc.yml scripts/edition_config.py
$(KO_STAMP): $(STAMP) $(KO_SOURCES) $(NORMLIB) $(wildcard _build/.jupyter_cache/executed)
	$(MAKE) --no-print-directory book-ko
	@touch $@

book-ko: $(STAMP)
	$(BIN)/python scripts/edition_config.py ko _config.yml $(KO_BUILD)/_config_ko.yml
	@[ ! -L $(KO_BUILD)/_build/html ] || rm $(KO_BUILD)/_build/html  # left by an earlier layout
	NORMLIB_FIGURE_LANGUAGES=$(FIGURE_LANGUAGES) $(BIN)/jupyter-book build . --config $(KO_BUILD)/_config_ko.yml \
		--path-output $(KO_BUILD) --warningiserror --nitpick --keep-going
	rm -rf $(HTML)/ko && cp -a $(KO_BUILD)/_build/html $(HTML)/ko

book-all: $(STAMP)
	rm -rf _build/.jupyter_cache $(KO_BUILD)/_build/.doctrees
	NORMLIB_FIGURE_LANGUAGES=$(FIGURE_LANGUAGES) $(BIN)/jupyter-book build . --all --warningiserror --nitpick --keep-going
	$(MAKE) --no-print-directory book-ko

# After editing English text: extract the messages of every page (gettext, from the
# stored notebooks: nothing is executed) and of every figure (the strings each stored
# figure lists), and merge them into the Korean catalogs. Changed messages come back
# fuzzy, new ones empty: translate them, then `make test` checks nothing is left.
translations: $(STAMP)
	$(BIN)/python scripts/edition_config.py gettext _config.yml $(GETTEXT_BUILD)/_config_gettext.yml
	rm -rf $(GETTEXT_BUILD)/_build/gettext
	$(BIN)/jupyter-book build . --builder custom --custom-builder gettext \
		--config $(GETTEXT_BUILD)/_config_gettext.yml --path-output $(GETTEXT_BUILD) --warningiserror
	$(BIN)/sphinx-intl update -p $(GETTEXT_BUILD)/_build/gettext -l ko -d locales -w 0
	$(BIN)/python scripts/figure_catalog.py update
	$(BIN)/python scripts/check_translations.py || true

# JupyterLab for learners: MyST rendered (jupyterlab-myst), solutions folded, and the
# chapters opened as working copies in $(LAB_DIR)/ (git-ignored), so running and saving
# them never touches the tracked notebooks in book/. scripts/lab.py explains.
lab: $(STAMP)
	$(BIN)/python scripts/lab.py --dir $(LAB_DIR) --port $(PORT) $(if $(filter no,$(BROWSER)),--no-browser)

# Re-execute the chapters and store their outputs in the notebooks (what nbval
# compares against). Run it after editing a chapter or normlib, then review the diff.
execute: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

# --- tests -------------------------------------------------------------------
# A part that needs a tool the machine lacks (Chromium, TeX) prints one line and is
# skipped, except when CI is set: there a skipped part fails, so CI cannot pass
# without having run it (.ci/run installs both).
define skip_or_fail
if [ -n "$$CI" ]; then echo "FAILED: $(1) cannot run: $(2) (CI is set, so a skip is a failure)"; exit 1; \
else echo "SKIPPED: $(1): $(2)"; fi
endef
# (CHROMIUM= and XELATEX= name other binaries; the tests use them to play a bare machine.)
CHROMIUM ?= $(or $(shell command -v chromium 2>/dev/null),/usr/bin/chromium)
XELATEX  ?= xelatex
HAVE_CHROMIUM := test -x "$(CHROMIUM)"
CHROMIUM_HINT := no Chromium; install it with \`apt-get install chromium\` (as root; .ci/run does it)
HAVE_TEX := command -v $(XELATEX) >/dev/null 2>&1 && command -v latexmk >/dev/null 2>&1 \
	&& command -v xindy >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 \
	&& fc-list 2>/dev/null | grep -qi nanum
TEX_HINT := no TeX; install the packages that .ci/run lists (as root; .ci/run does it)

test: lint lint-js unit notebooks book browser pdf-test dist-test

lint: $(STAMP)
	$(BIN)/ruff check normlib tests scripts book benchmarks

lint-js: $(NPM_STAMP)
	npx --no-install eslint book/_explorables

# Two pytest-xdist workers (the machine's two cores); nbval keeps each chapter's cells
# together on one worker (--dist loadfile), in order.
unit: $(STAMP)
	$(BIN)/python -m pytest tests normlib --doctest-modules --ignore=tests/browser --ignore=tests/built -q -n 2

notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-p no:cacheprovider $(NOTEBOOKS) -q -n 2 --dist loadfile

# Two pytest-xdist workers, each with its own Chromium and local server: the pages are
# independent, and a page spends most of its time waiting on the browser.
browser: $(STAMP) $(NPM_STAMP) book
	@if $(HAVE_CHROMIUM); then \
		$(BIN)/python -m pytest tests/browser -q -n 2 $(if $(PAGE),-k "$(PAGE)"); \
	else $(call skip_or_fail,browser tests,$(CHROMIUM_HINT)); fi

# --- PDF and the offline bundle ----------------------------------------------
# The PDF reuses the HTML build's execution cache (same _build/.jupyter_cache), so with
# a built book no chapter is executed again. Its configuration is _config.yml plus the
# LaTeX settings of scripts/pdf_config.py, written to _build/ at build time.
# The two PDFs build side by side (-j2: LaTeX runs on one core each) from the execution
# cache that `make book` fills first, so that they never execute a chapter concurrently.
pdf: $(STAMP) _build/.normlib-stamp book
	@if $(HAVE_TEX); then $(MAKE) --no-print-directory -j2 $(PDF) $(PDF_KO); \
	else $(call skip_or_fail,PDF,$(TEX_HINT)); fi

$(PDF): $(STAMP) _config.yml _toc.yml $(NOTEBOOKS) $(wildcard book/*.md book/*.bib) scripts/pdf_config.py _build/.normlib-stamp
	$(BIN)/python scripts/pdf_config.py _config.yml $(PDF_BUILD)/_config_pdf.yml
	NORMLIB_FIGURE_LANGUAGES=$(FIGURE_LANGUAGES) $(BIN)/jupyter-book build . --builder pdflatex \
		--config $(PDF_BUILD)/_config_pdf.yml \
		--path-output $(PDF_BUILD) --keep-going
	cp $(PDF_BUILD)/_build/latex/book.pdf $@

$(PDF_KO): $(STAMP) _config.yml _toc.yml $(NOTEBOOKS) $(wildcard book/*.md book/*.bib) scripts/pdf_config.py \
		scripts/edition_config.py $(wildcard locales/ko/LC_MESSAGES/*.po locales/ko/LC_MESSAGES/book/*.po) _build/.normlib-stamp
	$(BIN)/python scripts/pdf_config.py _config.yml $(PDF_BUILD_KO)/_config_pdf.yml ko
	NORMLIB_FIGURE_LANGUAGES=$(FIGURE_LANGUAGES) $(BIN)/jupyter-book build . --builder pdflatex \
		--config $(PDF_BUILD_KO)/_config_pdf.yml --path-output $(PDF_BUILD_KO) --keep-going
	cp $(PDF_BUILD_KO)/_build/latex/book.pdf $@

pdf-test: pdf
	@if $(HAVE_TEX); then $(BIN)/python -m pytest tests/built/test_pdf.py tests/built/test_pdf_ko.py -q; fi

# The offline bundle: the site, the PDF (when TeX is there), the chapter notebooks and
# a normlib wheel, in one zip that opens from the unpacked folder without a server.
dist: $(STAMP) book pdf
	$(BIN)/python scripts/dist.py --out $(DIST) $(if $(wildcard $(PDF)),--pdf $(PDF)) \
		$(if $(wildcard $(PDF_KO)),--pdf-ko $(PDF_KO))

dist-test: dist
	$(BIN)/python -m pytest tests/built/test_site_links.py tests/built/test_editions.py -q
	@if $(HAVE_CHROMIUM); then $(BIN)/python -m pytest tests/built/test_dist.py -q; \
	else $(call skip_or_fail,offline bundle test,$(CHROMIUM_HINT)); fi

# The external links of the book and its references; needs the network, so it is not part
# of make test (.github/workflows/weekly.yml runs it).
linkcheck: $(STAMP)
	$(BIN)/jupyter-book build . --builder linkcheck

# --- benchmarks (figures, never pass/fail tests) ----------------------------
bench: $(STAMP)
	@if [ -d benchmarks ]; then for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done; \
	else echo "no benchmarks yet"; fi

# book_budget.py times a clean `make book` itself; the explorables' update times need
# the built site, which it leaves behind.
bench-book: $(STAMP)
	$(BIN)/python benchmarks/book_budget.py
	$(BIN)/python benchmarks/explorables_budget.py

clean:
	rm -rf _build

clean-venv: clean
	rm -rf $(VENV)
