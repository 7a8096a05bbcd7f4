# The two commands a newcomer needs: `make test` and `make book`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: test book clean

# One stamp per set of extras: re-install only when pyproject.toml changes.
$(VENV)/.stamp-%: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[$*]"
	@touch $@

test: $(VENV)/.stamp-test
	$(BIN)/python -m pytest -q tests

book: $(VENV)/.stamp-book
	@echo "book: placeholder until the book infrastructure lands"

clean:
	rm -rf $(VENV) build *.egg-info book/_build book/.jupyter_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
