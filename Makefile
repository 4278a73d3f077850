# Shanyrak: `make run` to try it, `make test` to check it. Both set up everything they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib,sys;print(hashlib.sha1(open('pyproject.toml','rb').read()).hexdigest()[:12])" 2>/dev/null)
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` is the development server: DEBUG on, SQLite unless DATABASE_URL says otherwise.
DEV := DEBUG=$${DEBUG:-1}

.PHONY: run setup install test test-fast lint messages bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

setup: install
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py compile_translations
	$(DEV) $(PY) manage.py seed_demo

# The development server, with the background-jobs worker beside it: the worker starts first and is stopped when
# the server stops (Ctrl-C).
run: setup
	@echo "Shanyrak is at http://$(HOST):$(PORT)/ (admin /admin/, portal /portal/, API docs /api/docs/)"
	@echo "Background jobs run in a worker beside it (manage.py db_worker)."
	@$(DEV) $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install
	DJANGO_SETTINGS_MODULE=config.test_settings $(PY) manage.py compile_translations
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

# Everything but the browser tests and the slow ones (the whole demo data, subprocesses): for the edit-test loop.
test-fast: install
	DJANGO_SETTINGS_MODULE=config.test_settings $(PY) manage.py compile_translations
	$(PY) -m pytest -n 2 -m "not browser and not slow" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.test_settings $(PY) manage.py makemigrations --check --dry-run

messages: install
	$(DEV) $(PY) manage.py makemessages -l kk -l ru -l en --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench
	$(DEV) $(PY) manage.py compile_translations

bench: setup
	$(DEV) $(PY) bench/run.py $(BENCH)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
