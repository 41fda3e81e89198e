# rasdesk developer commands. Run `make` for this list. The real logic is in scripts/.
#   make demo    set up, then open the app on a throwaway demo profile
#   make test    set up, then every check CI runs (.ci/run runs exactly this)
# `setup` installs missing Debian packages (needs root or sudo), .venv and .venv-core.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help setup test demo lint bench bundle wheel clean distclean

help:
	@echo "make setup      install Debian packages (root or sudo), .venv and .venv-core; safe to repeat"
	@echo "make test       setup, then every check CI runs (scripts/test.sh)"
	@echo "make demo       setup, then open the app on a demo profile (scripts/demo.sh)"
	@echo "make lint       setup, then ruff check, ruff format --check, mypy, lint-imports"
	@echo "make bench      setup, then run each benchmarks/*.py with .venv/bin/python"
	@echo "make bundle     setup, then the Linux one-folder bundle dist/rasdesk and its .tar.gz"
	@echo "make wheel      setup, then the wheel in dist/ (resources and translations inside)"
	@echo "make clean      remove caches and build output (keeps the venvs)"
	@echo "make distclean  clean, and remove .venv and .venv-core too"

setup:
	@bash scripts/setup.sh

test: setup
	@bash scripts/test.sh

# The app on a throwaway demo profile; with no display, the demo budget in the terminal.
demo: setup
	@bash scripts/demo.sh

lint: setup
	@bash scripts/test.sh lint

# Benchmarks are run on demand, never as timed tests. Each gets a throwaway RASDESK_HOME.
bench: setup
	@shopt -s nullglob; files=(benchmarks/*.py); \
	if (( $${#files[@]} == 0 )); then echo "bench: no benchmarks/*.py yet"; exit 0; fi; \
	for f in "$${files[@]}"; do \
		echo "==> $$f"; \
		home=$$(mktemp -d "$${TMPDIR:-/tmp}/rasdesk-bench.XXXXXX"); \
		RASDESK_HOME=$$home QT_QPA_PLATFORM=offscreen .venv/bin/python "$$f" || { rm -rf "$$home"; exit 1; }; \
		rm -rf "$$home"; \
	done

# The PyInstaller bundle (packaging/build.sh; docs/packaging.md). CI builds it from a clean
# copy and smoke-tests it in scripts/test.sh (packaging/smoke-test.sh).
bundle: setup
	@bash packaging/build.sh --archive

wheel: setup
	.venv/bin/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
	find . -path ./.venv -prune -o -path ./.venv-core -prune -o -path ./.git -prune -o \
		\( -name __pycache__ -o -name '*.egg-info' \) -type d -print0 | xargs -0 -r rm -rf

distclean: clean
	rm -rf .venv .venv-core
