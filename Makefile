# Sanxiang — `make demo` serves the demo; `make test` runs the suite. Both set up everything on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SANXIANG := $(VENV)/bin/sanxiang
STAMP := $(VENV)/.installed
DEBIAN_PACKAGES := fonts-noto-cjk gettext ffmpeg libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
E2E_DEBIAN_PACKAGES := chromium
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: demo test check bench e2e install system-packages e2e-system-packages messages clean

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(VENV)/bin/python pyproject.toml requirements.lock
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) system-packages

# Debian packages the project needs (CJK fonts for documents, gettext for the catalogue, Pango and HarfBuzz's
# subsetter for WeasyPrint's PDF printing of documents).
system-packages:
	@bash tools/ensure_debian_packages.sh $(DEBIAN_PACKAGES)

e2e-system-packages:
	@bash tools/ensure_debian_packages.sh $(E2E_DEBIAN_PACKAGES)

demo: install
	$(SANXIANG) compilemessages --ignore '.venv/*' -v 0
	$(SANXIANG) migrate --no-input -v 0
	$(SANXIANG) collectstatic --no-input -v 0
	$(SANXIANG) demo
	$(SANXIANG) records checkpoint
	$(SANXIANG) runserver 127.0.0.1:8000

test: install
	$(SANXIANG) compilemessages --ignore '.venv/*' -v 0
	$(VENV)/bin/pytest -q -n 2

e2e: install e2e-system-packages
	$(SANXIANG) compilemessages --ignore '.venv/*' -v 0
	$(VENV)/bin/pytest -q -m e2e -p no:xdist

check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(SANXIANG) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) tools/check_catalogue.py

bench: install
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

messages: install
	cd sanxiang && ../$(SANXIANG) makemessages -l zh_Hans --no-obsolete --ignore 'static/*' && ../$(SANXIANG) makemessages -d djangojs -l zh_Hans --no-obsolete --ignore 'static/vendor/*'

clean:
	rm -rf $(VENV) var
