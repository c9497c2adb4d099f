# The two commands of the README: `make render` and `make test`.
PY := .venv/bin/python
ARGS ?=

.PHONY: setup setup-decks render test lint bench clean

setup:
	@scripts/bootstrap.sh

# The suite also checks the lecture decks in a browser: Chromium and reveal.js too.
setup-decks:
	@scripts/bootstrap.sh --decks

render: setup
	$(PY) render.py $(ARGS)

test: setup-decks
	$(PY) -m ruff check .
	$(PY) -m pytest -q -n auto $(ARGS)

bench: setup
	$(PY) bench/gdcore_bench.py
	$(PY) bench/render_bench.py

clean:
	rm -rf build
