# Zaakwijs: `make run` starts the demo, `make test` runs the whole test suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
LOCK := requirements.lock
# Re-install whenever the lock changes.
STAMP := $(VENV)/.installed-$(shell sha256sum $(LOCK) | cut -c1-16)
# Open Badges tooling (badges/credentials): the JSON-LD contexts the platform signs
# with and the independent verifier (npm, tools/ob-verify), and 1EdTech's OB 2.0
# validator, whose old pinned dependencies get a virtualenv of their own.
OBVERIFY := tools/ob-verify
OBVERIFY_STAMP := $(OBVERIFY)/node_modules/.installed
OBVALIDATOR := var/obvalidator-venv
OBVALIDATOR_STAMP := $(OBVALIDATOR)/.installed

.PHONY: run test install messages lint format lock e2e obvalidator

$(STAMP): $(LOCK)
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install gettext (apt-get install gettext)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) $(OBVERIFY_STAMP) $(OBVALIDATOR_STAMP)

$(OBVERIFY_STAMP): $(OBVERIFY)/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: install Node.js (apt-get install nodejs npm)"; exit 1; }
	cd $(OBVERIFY) && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

$(OBVALIDATOR_STAMP): $(OBVERIFY)/obvalidator-requirements.txt
	rm -rf $(OBVALIDATOR)
	$(PYTHON) -m venv $(OBVALIDATOR)
	$(OBVALIDATOR)/bin/pip install --quiet --disable-pip-version-check --no-deps -r $<
	touch $@

obvalidator: $(OBVALIDATOR_STAMP)

messages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0

run: messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	@# The task worker (forwarding to external LRSs) and its sweep run beside the server.
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	$(PY) manage.py forwarding_sweep --loop & sweep=$$!; \
	trap 'kill $$worker $$sweep 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages
	$(PY) -m pytest $(PYTEST_ARGS)

e2e: messages
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh the lock after changing dependencies in pyproject.toml.
lock: install
	$(VENV)/bin/pip-compile --quiet --extra dev --generate-hashes --strip-extras \
		--allow-unsafe -o $(LOCK) pyproject.toml

# Update the .po files after changing translatable text.
makemessages: install
	$(PY) manage.py makemessages -l nl -l en --ignore=.venv --ignore=var --ignore=tests --no-obsolete
