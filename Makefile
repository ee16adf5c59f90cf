PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test serve lint messages superuser clean

# (Re)install when the virtualenv is missing or pyproject.toml is newer than it.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=nejat.settings.test
	$(BIN)/pytest

# Production-like serving: needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
serve: $(STAMP)
	DJANGO_SETTINGS_MODULE=nejat.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=nejat.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=nejat.settings.production $(BIN)/gunicorn -c gunicorn.conf.py nejat.wsgi

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
	rm -rf $(VENV) staticfiles
