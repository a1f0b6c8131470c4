#!/usr/bin/env bash
# Run ADL's LRS conformance test suite (xAPI 1.0.3 and 2.0.0) against this
# platform's LRS, started on a fresh database on 127.0.0.1, and print a summary.
#
#   scripts/lrs_conformance.sh [SUITE]
#
# SUITE is a git URL or a local clone of adlnet/lrs-conformance-test-suite
# (default: https://github.com/adlnet/lrs-conformance-test-suite.git). The suite
# is cloned and `npm install`ed outside the project, in $CONFORMANCE_DIR, and
# never committed: it is a developer's measuring tool, not part of `make test`
# or CI. Needs git, Node.js with npm, and the project's .venv (`make install`).
#
# Environment:
#   CONFORMANCE_DIR           work directory (default ${TMPDIR:-/tmp}/zaakwijs-lrs-conformance);
#                             the clone is reused on the next run, delete it to refresh
#   CONFORMANCE_DATABASE_URL  postgres://user@host:port/name to test on PostgreSQL: that
#                             database is DROPPED and created afresh. Default: a new
#                             SQLite file in the work directory.
#   CONFORMANCE_PORT          port for the server on 127.0.0.1 (default 8123)
#   CONFORMANCE_VERSIONS      versions to run (default "1.0.3 2.0.0")
#   CONFORMANCE_GREP          run only the tests whose title matches this pattern
#
# Exit status: 0 when every test of every version passed, 1 otherwise.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE_SOURCE="${1:-https://github.com/adlnet/lrs-conformance-test-suite.git}"
WORK_DIR="${CONFORMANCE_DIR:-${TMPDIR:-/tmp}/zaakwijs-lrs-conformance}"
PORT="${CONFORMANCE_PORT:-8123}"
VERSIONS="${CONFORMANCE_VERSIONS:-1.0.3 2.0.0}"
PY="$PROJECT_DIR/.venv/bin/python"
GUNICORN="$PROJECT_DIR/.venv/bin/gunicorn"
SUITE_DIR="$WORK_DIR/suite"
ENDPOINT="http://127.0.0.1:$PORT/xapi" # the suite appends "/statements" etc.: no trailing slash

for tool in git node npm curl; do
    command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 2; }
done
[ -x "$PY" ] && [ -x "$GUNICORN" ] || { echo "No .venv in $PROJECT_DIR: run make install" >&2; exit 2; }
case "$WORK_DIR/" in
    "$PROJECT_DIR"/*) echo "CONFORMANCE_DIR must be outside the project" >&2; exit 2 ;;
esac
mkdir -p "$WORK_DIR"

# --- The suite --------------------------------------------------------------
if [ -d "$SUITE_DIR/.git" ]; then
    echo "Using the suite already cloned in $SUITE_DIR ($(git -C "$SUITE_DIR" log -1 --format=%h))."
else
    echo "Cloning the suite from $SUITE_SOURCE into $SUITE_DIR ..."
    git clone --quiet "$SUITE_SOURCE" "$SUITE_DIR"
fi
if [ ! -d "$SUITE_DIR/node_modules" ]; then
    echo "npm install ..."
    (cd "$SUITE_DIR" && npm install --no-audit --no-fund --loglevel=error >"$WORK_DIR/npm-install.log" 2>&1) \
        || { cat "$WORK_DIR/npm-install.log" >&2; exit 2; }
fi

# --- A fresh database -------------------------------------------------------
if [ -n "${CONFORMANCE_DATABASE_URL:-}" ]; then
    DATABASE_URL="$CONFORMANCE_DATABASE_URL"
    echo "Recreating the PostgreSQL database of $DATABASE_URL ..."
    DATABASE_URL="$DATABASE_URL" "$PY" - <<'EOF'
import os
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

url = urlsplit(os.environ["DATABASE_URL"])
if url.scheme not in ("postgres", "postgresql") or not url.path.strip("/"):
    raise SystemExit("CONFORMANCE_DATABASE_URL must be postgres://user@host:port/name")
name = url.path.strip("/")
# Drop and create it from the maintenance database of the same server.
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as connection:
    connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
EOF
else
    rm -f "$WORK_DIR/lrs.sqlite3" "$WORK_DIR/lrs.sqlite3-wal" "$WORK_DIR/lrs.sqlite3-shm"
    DATABASE_URL="sqlite:///$WORK_DIR/lrs.sqlite3"
fi
export DATABASE_URL
export DJANGO_SETTINGS_MODULE=lms.settings.dev
export LMS_BASE_URL="http://127.0.0.1:$PORT"
export DJANGO_ALLOWED_HOSTS="127.0.0.1"
cd "$PROJECT_DIR"
"$PY" manage.py migrate --noinput -v 0

# The suite's command line (commander) takes a password that starts with "-" for
# an option, so draw credentials until the secret does not.
KEY="" SECRET=""
for attempt in 1 2 3 4 5 6 7 8; do
    read -r KEY SECRET < <("$PY" manage.py create_lrs_credential "conformance suite $attempt" --scope all | tail -n 1)
    case "$SECRET" in -*) ;; *) break ;; esac
done
case "$SECRET" in "" | -*) echo "Could not create a usable LRS credential." >&2; exit 2 ;; esac

# --- The server -------------------------------------------------------------
rm -f "$WORK_DIR/server.log" "$WORK_DIR/access.log"
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "Port $PORT is already in use; set CONFORMANCE_PORT." >&2
    exit 2
fi
"$GUNICORN" lms.wsgi --bind "127.0.0.1:$PORT" --workers 2 --preload \
    --access-logfile "$WORK_DIR/access.log" --error-logfile "$WORK_DIR/server.log" \
    >>"$WORK_DIR/server.log" 2>&1 &
SERVER_PID=$!
stop_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 60); do
    curl -sf -o /dev/null "$ENDPOINT/about" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK_DIR/server.log" >&2; exit 2; }
    sleep 0.5
done
curl -sf -o /dev/null "$ENDPOINT/about" || { echo "The server did not come up." >&2; exit 2; }
# The suite measures the clock difference to the LRS once, from the "stored" of its
# very first statement, and shifts every since/until by it; a first request that
# waits for a cold worker would skew that by seconds. So warm every worker first.
for _ in 1 2 3; do
    warming=()
    for _ in 1 2 3 4; do
        curl -s -o /dev/null -u "$KEY:$SECRET" -H "X-Experience-API-Version: 1.0.3" \
            "$ENDPOINT/statements?limit=1" &
        warming+=($!)
    done
    wait "${warming[@]}"
done
echo "LRS on $ENDPOINT, database $DATABASE_URL"

# --- The runs ---------------------------------------------------------------
status=0
for version in $VERSIONS; do
    echo
    echo "=== xAPI $version ==="
    args=(-e "$ENDPOINT" -a -u "$KEY" -p "$SECRET" -x "$version" -z)
    [ -n "${CONFORMANCE_GREP:-}" ] && args+=(-g "$CONFORMANCE_GREP")
    output="$WORK_DIR/run-$version.txt"
    # The runner exits with the number of failures; the summary below says it all.
    (cd "$SUITE_DIR" && node bin/console_runner.js "${args[@]}") >"$output" 2>&1 || true
    log="$(grep -o 'Full run log written to .*\.log' "$output" | sed 's/^Full run log written to //' || true)"
    if [ -z "$log" ] || [ ! -f "$log" ]; then
        echo "The suite did not finish; its output is in $output:" >&2
        tail -n 20 "$output" >&2
        status=1
        continue
    fi
    "$PY" - "$log" <<'EOF' || status=1
import json
import sys


def failures(node, path):
    """Failed leaf tests under node, with the suite titles that lead to them."""
    if not node:
        return
    here = path + [node["title"]] if node.get("title") else path
    tests = [t for t in node.get("tests") or [] if t]
    if node.get("status") == "failed" and not tests:
        yield here, (node.get("error") or "").strip().splitlines()[:1]
    for test in tests:
        yield from failures(test, here)


with open(sys.argv[1]) as handle:
    run = json.load(handle)
summary = run["summary"]
print(f"xAPI {summary['version']}: {summary['passed']} of {summary['total']} passed, "
      f"{summary['failed']} failed")
for path, error in failures(run.get("log"), []):
    print("  FAILED: " + " > ".join(path))
    for line in error:
        print("          " + line)
print(f"  full log (failures only): {sys.argv[1]}")
sys.exit(1 if summary["failed"] else 0)
EOF
done
echo
echo "Server logs: $WORK_DIR/server.log, $WORK_DIR/access.log"
exit "$status"
