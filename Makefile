PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
# Test processes (pytest-xdist); each test file runs whole in one of them.
TEST_WORKERS ?= auto
PORT ?= 8000

.PHONY: run test quality security serve bench lint messages superuser clean

# (Re)install when the virtualenv is missing or pyproject.toml is newer than it.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The task worker (staff e-mail) runs beside the server and stops with it.
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py db_worker --queue-name='*' --verbosity 0 & \
	  trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=nejat.settings.test
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# Every page type in every edition, served as in production behind nginx: the Nu HTML
# Checker and axe-core find nothing, Lighthouse scores 100 (performance 95). Tools from
# npm, pinned; the Lighthouse reports land in quality-report/ (README: Page quality).
QUALITY_TOOLS := .quality/node_modules/.installed
$(QUALITY_TOOLS):
	npm install --prefix .quality --no-save --no-audit --no-fund -E vnu-jar@26.9.27 axe-core@4.14.1 @lhci/cli@0.14.0
	touch $@

quality: $(STAMP) $(QUALITY_TOOLS)
	$(BIN)/pytest -m quality tests/quality

# Code (bandit: medium severity or worse fails) and dependencies (pip-audit, which needs
# pypi.org's per-release data: where that is out of reach this says so, audits nothing).
security: $(STAMP)
	$(BIN)/bandit -q -r nejat articles media_library publications -x '*/migrations/*' --severity-level medium
	@if $(BIN)/python -c "import urllib.request as r; import importlib.metadata as m; r.urlopen('https://pypi.org/pypi/django/%s/json' % m.version('django'), timeout=10)" 2>/dev/null; then \
	  $(BIN)/pip-audit --strict --progress-spinner off; \
	else echo "make security: pypi.org is out of reach, dependencies NOT audited; run it where it is."; fi

# Production-like serving: needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
serve: $(STAMP)
	DJANGO_SETTINGS_MODULE=nejat.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=nejat.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=nejat.settings.production $(BIN)/gunicorn -c gunicorn.conf.py nejat.wsgi

# Page speed under load, cached and uncached, beside a bare-Django ceiling (README: Benchmarks).
# wrk is a Debian package; installing it needs root.
bench: $(STAMP)
	@command -v wrk >/dev/null || { \
	  test "$$(id -u)" = 0 || { echo "make bench: wrk is missing: sudo apt-get install -y wrk"; exit 1; }; \
	  apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; }
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Refresh the translation catalogues after changing interface strings (needs gettext).
messages: $(STAMP)
	$(BIN)/python manage.py makemessages --all --no-location --ignore='.venv/*' --ignore='staticfiles/*'
	$(BIN)/python manage.py compilemessages --ignore='.venv/*'

superuser: $(STAMP)
	$(BIN)/python manage.py createsuperuser

clean:
	rm -rf $(VENV) .venv-bench staticfiles
