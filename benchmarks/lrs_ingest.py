#!/usr/bin/env python
# A command-line benchmark: it prints its figures, makes test data with `random` and
# starts the server and manage.py with fixed arguments.
# ruff: noqa: T201, S311, S603
"""LRS benchmark: statement ingest over HTTP, then filtered GETs on a large store.

    .venv/bin/python benchmarks/lrs_ingest.py                       # SQLite (fresh file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zaakwijs \\
        .venv/bin/python benchmarks/lrs_ingest.py                   # PostgreSQL

1. Creates a fresh database (SQLite: a new file in a temporary folder; PostgreSQL: a
   new database ``<name>_bench`` next to the one DATABASE_URL names, dropped again at
   the end), migrates it and creates an LRS credential.
2. Starts the platform with gunicorn and production settings on 127.0.0.1.
3. Client processes (not the server's) POST batches of 100 valid statements to
   ``/xapi/statements`` for ``--seconds`` and the statements/second are printed.
4. Fills the store up to ``--total`` statements (default 200,000) through the storage
   service in-process (the same code path as the HTTP resource, minus HTTP), then
   times filtered GETs over HTTP: agent + verb, activity + since, registration; p50
   and p95 are printed.

It is a benchmark, not a test: nothing here runs in the test suite.
"""

import argparse
import json
import multiprocessing
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BATCH = 100
HOME_PAGE = "https://leren.gemeente.example"
VERBS = [
    "http://adlnet.gov/expapi/verbs/launched",
    "http://adlnet.gov/expapi/verbs/initialized",
    "http://adlnet.gov/expapi/verbs/experienced",
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
    "http://adlnet.gov/expapi/verbs/attempted",
    "http://adlnet.gov/expapi/verbs/interacted",
]
KINDS = {
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "sandbox-action": "http://adlnet.gov/expapi/activities/interaction",
}


# --- Data: the same pools for HTTP ingest, bulk fill and the queries ------------------
class Pools:
    """Learners, activities and registrations shaped like a municipality's use."""

    def __init__(self, seed: int = 7, learners: int = 2000, activities: int = 2000):
        rng = random.Random(seed)
        self.agents = [
            {
                "objectType": "Agent",
                "account": {
                    "homePage": HOME_PAGE,
                    "name": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                },
            }
            for _ in range(learners)
        ]
        kinds = list(KINDS)
        self.activities = [
            (f"{HOME_PAGE}/xapi/activities/{kinds[n % 3]}/{n}", KINDS[kinds[n % 3]])
            for n in range(activities)
        ]
        self.modules = [f"{HOME_PAGE}/xapi/activities/module/{n}" for n in range(60)]
        # One registration per enrolment: a few per learner.
        self.registrations = [
            (agent_index, str(uuid.UUID(int=rng.getrandbits(128), version=4)))
            for agent_index in range(learners)
            for _ in range(3)
        ]

    def statement(self, rng: random.Random, when: datetime) -> dict:
        agent_index, registration = rng.choice(self.registrations)
        activity, activity_type = rng.choice(self.activities)
        verb = rng.choice(VERBS)
        statement = {
            "id": str(uuid.uuid4()),
            "actor": self.agents[agent_index],
            "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[1]}},
            "object": {
                "objectType": "Activity",
                "id": activity,
                "definition": {"type": activity_type},
            },
            "context": {
                "registration": registration,
                "platform": "Zaakwijs",
                "contextActivities": {
                    "parent": [
                        {"objectType": "Activity", "id": rng.choice(self.modules)}
                    ]
                },
            },
            "timestamp": when.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }
        if verb.endswith(("answered", "passed", "failed")):
            scaled = round(rng.random(), 2)
            statement["result"] = {
                "success": scaled >= 0.5,
                "score": {"scaled": scaled},
            }
        return statement


# --- The database -------------------------------------------------------------------
def fresh_database(keep: bool) -> tuple[str, str, callable]:
    """A new, empty database: its DATABASE_URL, a description and a clean-up."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        folder = tempfile.mkdtemp(prefix="zaakwijs-bench-")
        path = Path(folder) / "bench.sqlite3"

        def drop() -> None:
            if not keep:
                shutil.rmtree(folder, ignore_errors=True)

        return f"sqlite:///{path}", f"SQLite, fresh file {path}", drop

    import psycopg

    parts = urlsplit(base)
    name = f"{parts.path.lstrip('/') or 'zaakwijs'}_bench"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(parts._replace(path=f"/{name}"))

    def drop() -> None:
        if keep:
            return
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url, f"PostgreSQL, fresh database {name}", drop


def server_environment(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        # Workers keep their database connection, as a production deployment does.
        DATABASE_CONN_MAX_AGE="600",
        LOG_LEVEL="WARNING",
        LMS_BASE_URL=HOME_PAGE,
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    gunicorn = Path(PYTHON).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "lms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group, stopped as one at the end
    )
    return server


def wait_until_ready(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn did not start")
        try:
            requests.get(f"http://127.0.0.1:{port}/xapi/about", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer within 120 s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        # The master stops its workers gracefully.
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


# --- Ingest (client processes) ---------------------------------------------------------
def client(args: tuple) -> dict:
    url, key, secret, seconds, seed, start_at = args
    rng = random.Random(seed)
    pools = Pools()
    session = requests.Session()
    session.auth = (key, secret)
    session.headers.update(
        {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
    )
    # Start together, after every client has built its pools.
    time.sleep(max(0.0, start_at - time.time()))
    stored = errors = 0
    first_error = ""
    began = time.time()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = datetime.now(UTC)
        body = json.dumps([pools.statement(rng, now) for _ in range(BATCH)])
        response = session.post(url, data=body, timeout=60)
        if response.status_code == 200:
            stored += len(response.json())
        else:
            errors += 1
            first_error = first_error or f"{response.status_code} {response.text[:300]}"
    return {
        "stored": stored,
        "errors": errors,
        "first_error": first_error,
        "began": began,
        "ended": time.time(),
    }


def ingest(url: str, key: str, secret: str, seconds: float, clients: int) -> dict:
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 3
    with context.Pool(clients) as pool:
        results = pool.map(
            client,
            [(url, key, secret, seconds, 1000 + n, start_at) for n in range(clients)],
        )
    # From the first client's first request to the last client's last answer.
    elapsed = max(r["ended"] for r in results) - min(r["began"] for r in results)
    stored = sum(r["stored"] for r in results)
    return {
        "stored": stored,
        "errors": sum(r["errors"] for r in results),
        "first_error": next(
            (r["first_error"] for r in results if r["first_error"]), ""
        ),
        "seconds": elapsed,
        "rate": stored / elapsed if elapsed else 0.0,
    }


# --- Bulk fill (in-process, through the storage service) -------------------------------
def bulk_fill(database_url: str, total: int, env: dict[str, str]) -> tuple[int, float]:
    os.environ.update(
        {
            k: env[k]
            for k in ("DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS")
        }
    )
    os.environ.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DJANGO_SECURE_SSL_REDIRECT="false",
        LMS_BASE_URL=HOME_PAGE,
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from lms.lrs.models import Statement
    from lms.lrs.storage import statements_store
    from lms.lrs.vocabulary import platform_authority

    pools = Pools()
    rng = random.Random(99)
    have = Statement.objects.count()
    added = 0
    began = time.monotonic()
    # Spread the statements over the past 90 days, as a store that has been in use.
    now = datetime.now(UTC)
    while have + added < total:
        size = min(1000, total - have - added)
        statements = [
            pools.statement(rng, now - timedelta(seconds=rng.randrange(90 * 86400)))
            for _ in range(size)
        ]
        statements_store(
            statements=statements, authority=platform_authority(), version="1.0.3"
        )
        added += size
        if added % 20000 < size:
            print(f"  ... {have + added:,} statements stored", flush=True)
    from django.db import connection

    if connection.vendor == "postgresql":
        # What autovacuum does within a minute or so of a bulk load: without
        # statistics the planner would not know the new rows (a store that grew to
        # this size over weeks has been analysed many times).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return added, time.monotonic() - began


# --- Queries --------------------------------------------------------------------------
def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def time_queries(base: str, key: str, secret: str, count: int) -> dict[str, dict]:
    pools = Pools()
    rng = random.Random(5)
    session = requests.Session()
    session.auth = (key, secret)
    session.headers["X-Experience-API-Version"] = "1.0.3"
    since = (datetime.now(UTC) - timedelta(days=30)).isoformat()
    queries = {
        "agent + verb": lambda: {
            "agent": json.dumps(rng.choice(pools.agents)),
            "verb": rng.choice(VERBS),
        },
        "activity + since": lambda: {
            "activity": rng.choice(pools.activities)[0],
            "since": since,
        },
        "registration": lambda: {"registration": rng.choice(pools.registrations)[1]},
    }
    results = {}
    for name, make in queries.items():
        timings, found = [], []
        for n in range(count + 5):
            url = f"{base}?{urlencode(make())}"
            began = time.perf_counter()
            response = session.get(url, timeout=60)
            elapsed = (time.perf_counter() - began) * 1000
            if response.status_code != 200:
                sys.exit(f"GET {url}: {response.status_code} {response.text[:300]}")
            if n >= 5:  # the first few warm the workers' caches and connections
                timings.append(elapsed)
                found.append(len(response.json()["statements"]))
        results[name] = {
            "p50": percentile(timings, 0.50),
            "p95": percentile(timings, 0.95),
            "mean_found": statistics.mean(found),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30, help="ingest duration")
    parser.add_argument("--clients", type=int, default=4, help="client processes")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1),
        help="gunicorn workers",
    )
    parser.add_argument(
        "--total", type=int, default=200_000, help="statements for GETs"
    )
    parser.add_argument("--queries", type=int, default=200, help="GETs per filter")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    database_url, description, drop = fresh_database(args.keep)
    env = server_environment(database_url)
    server = None
    try:
        print(f"database: {description}", flush=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        key, secret = (
            manage(env, "create_lrs_credential", "benchmark", "--scope", "all")
            .strip()
            .splitlines()[-1]
            .split(" ")
        )
        port = free_port()
        server = start_server(env, port, args.workers)
        wait_until_ready(server, port)
        # Each worker loads the application on its first request: warm them all.
        for _ in range(4 * args.workers):
            requests.get(f"http://127.0.0.1:{port}/xapi/about", timeout=60)
        statements_url = f"http://127.0.0.1:{port}/xapi/statements"
        print(
            f"server: gunicorn, {args.workers} workers, production settings, "
            f"{os.cpu_count()} CPUs",
            flush=True,
        )

        result = ingest(statements_url, key, secret, args.seconds, args.clients)
        print(
            f"ingest: {args.clients} client processes x batches of {BATCH} for "
            f"{result['seconds']:.1f} s: {result['stored']:,} statements stored, "
            f"{result['rate']:,.0f} statements/s"
            + (
                f" ({result['errors']} failed requests, e.g. {result['first_error']})"
                if result["errors"]
                else ""
            ),
            flush=True,
        )

        added, took = bulk_fill(database_url, args.total, env)
        if added:
            print(
                f"bulk fill: {added:,} statements through the storage service in "
                f"{took:.0f} s ({added / took:,.0f}/s, one process)",
                flush=True,
            )
        from lms.lrs.models import Statement

        print(f"stored: {Statement.objects.count():,} statements", flush=True)
        from django.db import connections

        connections.close_all()

        for name, figures in time_queries(
            statements_url, key, secret, args.queries
        ).items():
            print(
                f"GET {name}: p50 {figures['p50']:.1f} ms, p95 {figures['p95']:.1f} ms "
                f"({args.queries} requests, {figures['mean_found']:.1f} statements "
                "per answer on average)",
                flush=True,
            )
    finally:
        if server is not None:
            stop_server(server)
        drop()


if __name__ == "__main__":
    main()
