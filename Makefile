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

# Python keeps compiled modules and pytest its rewritten test modules (Python's default, which
# an environment may turn off with PYTHONDONTWRITEBYTECODE): each worker and each render
# process of the suite would otherwise compile them again (collection 9.8 s → 3.9 s a worker).
test: setup-decks
	$(PY) -m ruff check .
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest -q -n auto $(ARGS)

bench: setup
	$(PY) bench/gdcore_bench.py
	$(PY) bench/render_bench.py

clean:
	rm -rf build
