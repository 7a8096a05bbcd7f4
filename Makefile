# The two commands a newcomer needs: `make test` and `make book`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# One BLAS thread per process: tests and chapters run side by side (pytest workers, sphinx -j),
# and two busy processes with two BLAS threads each on two cores run many times slower.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1

.PHONY: test book pdf clean po serve check-book bench exercises reset-exercise grade-class

# One stamp per set of extras: re-install only when pyproject.toml changes.
$(VENV)/.stamp-%: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[$*]"
	@touch $@

test: $(VENV)/.stamp-test
	$(BIN)/python -m pytest -q tests
	$(BIN)/python book/check_translations.py
	@echo "test: to grade your exercises, 'source $(BIN)/activate' then 'pytest exercises'"

# Learners: .venv with only what grading needs (the test extra, no book tooling), then how to grade.
exercises: $(VENV)/.stamp-test
	@echo "exercises: ready. Run 'source $(BIN)/activate', then 'pytest exercises' (one chapter:"
	@echo "  'pytest exercises/test_ch02_derivatives.py'; in Catalan: add '--lang ca')."

# Back to the untouched stub of one file (your work in it is lost): make reset-exercise EXERCISE=ch02_derivatives
reset-exercise:
	@test -n "$(EXERCISE)" || { echo "reset-exercise: say which, e.g. EXERCISE=ch02_derivatives"; exit 2; }
	git checkout -- exercises/$(EXERCISE:.py=).py
	@echo "reset-exercise: exercises/$(EXERCISE:.py=).py is the stub again"

# Teachers: SUBMISSIONS=folder (one subfolder per student) -> gradebook.csv + gradebook_feedback/.
SUBMISSIONS ?= submissions
GRADE_LANG  ?= en
grade-class: $(VENV)/.stamp-test
	$(BIN)/python -m exercises.grade_class $(SUBMISSIONS) --out gradebook.csv --lang $(GRADE_LANG)

# The book: one Sphinx build per language from the same sources (book/conf.py reads
# MINIGRAD_BOOK_LANG); each keeps its own doctrees so that rebuilds only redo what changed.
BOOK_LANGS  := en ca
BOOK_PORT   ?= 8000
BOOK_JOBS   ?= auto
# -j: chapters are read, and executed when not cached, in parallel (one process per core).
SPHINXBUILD := $(BIN)/sphinx-build -W --keep-going -n -q -j $(BOOK_JOBS)

book: $(VENV)/.stamp-book
	@for lang in $(BOOK_LANGS); do \
	  echo "book: building the '$$lang' edition"; \
	  MINIGRAD_BOOK_LANG=$$lang $(SPHINXBUILD) -b html -d book/_build/doctrees/$$lang \
	    book book/_build/html/$$lang || exit 1; \
	done
	@cp book/root-index.html book/_build/html/index.html
	@echo "book: open book/_build/html/index.html, or run 'make serve' for http://localhost:$(BOOK_PORT)/"

# The whole book as one PDF per language, linked from each edition's front page: a single-page
# build of the edition (sharing its doctrees, so nothing is read again), printed by Chromium
# (book/print_book.py) into book/_build/html/<lang>/minigrad-<lang>.pdf. Minutes; not run by CI.
pdf: book $(VENV)/.stamp-browser
	@for lang in $(BOOK_LANGS); do \
	  echo "pdf: printing the '$$lang' edition"; \
	  MINIGRAD_BOOK_LANG=$$lang $(SPHINXBUILD) -b singlehtml -d book/_build/doctrees/$$lang \
	    book book/_build/singlehtml/$$lang || exit 1; \
	  $(BIN)/python book/print_book.py book/_build/singlehtml/$$lang \
	    book/_build/html/$$lang/minigrad-$$lang.pdf || exit 1; \
	done

# After editing the English sources: refresh book/locales/ca/LC_MESSAGES/*.po, then translate
# the entries it lists as untranslated or fuzzy.
po: $(VENV)/.stamp-book
	MINIGRAD_BOOK_LANG=en $(BIN)/sphinx-build -q -b gettext -d book/_build/doctrees/gettext \
	  book book/_build/gettext
	@# sphinx.po is written by hand (book/README.md): its template holds only the 3 strings of our
	@# templates, and merging it would drop the others (--no-obsolete) and rewrap the comments.
	rm -f book/_build/gettext/sphinx.pot
	$(BIN)/sphinx-intl update -p book/_build/gettext -d book/locales -l ca --no-obsolete
	@# Babel flags every msgid holding '{word}' (LaTeX: \text{step}) as python-brace-format, and
	@# then `msgfmt -c` rejects a msgstr that localises the word; the book has no brace formats.
	find book/locales -name '*.po' -exec sed -i -e '/^#, python-brace-format$$/d' \
	  -e 's/^#, python-brace-format, /#, /' -e 's/, python-brace-format//' {} +
	@$(BIN)/python book/check_translations.py || echo "po: translate the entries above, then run 'make book'"

serve: book
	$(BIN)/python -m http.server $(BOOK_PORT) --bind 127.0.0.1 --directory book/_build/html

# Checks of the built site (run by CI after `make book`): no external URLs, and a real browser.
check-book: $(VENV)/.stamp-browser
	$(BIN)/python -m pytest -q book/tests

# minigrad against PyTorch, micrograd and hand-written numpy (benchmarks/README.md), 1 thread.
# Peers not installed are skipped: `.venv/bin/pip install torch==2.13.0 micrograd` to include them.
# BENCH_ARGS="--threads 2", "--book" (also time `make book`), or benchmark names, e.g. "cnn mlp".
BENCH_ARGS ?=
bench: $(VENV)/.stamp-dev
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info book/_build book/.jupyter_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
