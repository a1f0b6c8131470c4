#!/usr/bin/env python
# A command-line benchmark: it prints its figures.
# ruff: noqa: T201
"""Sandbox scenario benchmark: starting an attempt, a full scripted attempt of the
easy scenario (mor-melding-eenvoudig) and assessing it.

    .venv/bin/python benchmarks/sandbox_attempt.py                  # SQLite (fresh file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zaakwijs \\
        .venv/bin/python benchmarks/sandbox_attempt.py              # PostgreSQL

Creates a fresh database (SQLite: a new file in a temporary folder; PostgreSQL: a
new database ``<name>_sandboxbench``, dropped at the end), migrates it, loads
the demo catalogue, competence framework and scenarios, and then runs ``--runs``
attempts (default 50, after 3 warm-up runs) of one learner, in process, through the
services the practice UI calls: ``attempt_start`` (workspace seeded, statements
recorded), the scripted handling of the melding (register, roles, object, statuses,
clock, result, close: every action an xAPI statement), and ``attempt_finish`` (all
checks assessed, result statements, the lesson report). Prints p50 and p95 of each
phase and the SQL queries of one start and one assessment.

It is a benchmark, not a test: nothing here runs in the test suite.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fresh_database(keep: bool):
    """A new, empty database: its DATABASE_URL, a description and a clean-up."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        folder = tempfile.mkdtemp(prefix="zaakwijs-sandboxbench-")
        path = Path(folder) / "bench.sqlite3"

        def drop() -> None:
            if not keep:
                shutil.rmtree(folder, ignore_errors=True)

        return f"sqlite:///{path}", f"SQLite, fresh file {path}", drop

    import psycopg

    parts = urlsplit(base)
    name = f"{parts.path.lstrip('/') or 'zaakwijs'}_sandboxbench"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        if keep:
            return
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), f"PostgreSQL, {name}", drop


def setup(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from badges.demo import framework_demo_load
    from sandbox.demo import catalogue_demo_load
    from sandbox.scenarios.demo import scenarios_load

    framework_demo_load()
    catalogue_demo_load()
    scenarios_load()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    url, description, drop = fresh_database(args.keep)
    try:
        setup(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from sandbox.models import Scenario
        from sandbox.scenarios.services import attempt_finish, attempt_start
        from tests.factories import employee
        from tests.sandbox.scenario_support import play_mor

        scenario = Scenario.objects.get(slug="mor-melding-eenvoudig")
        learner = employee().user
        timings: dict[str, list[float]] = {"start": [], "play": [], "assess": []}
        queries = {}
        for run in range(args.runs + 3):
            began = time.perf_counter()
            with CaptureQueriesContext(connection) as start_queries:
                attempt = attempt_start(scenario=scenario, learner=learner)
            started = time.perf_counter()
            play_mor(attempt, learner)
            played = time.perf_counter()
            with CaptureQueriesContext(connection) as assess_queries:
                attempt = attempt_finish(attempt=attempt, actor=learner)
            assessed = time.perf_counter()
            if not attempt.passed:
                raise SystemExit(f"the scripted attempt failed: {attempt.results}")
            if run < 3:
                continue
            timings["start"].append(started - began)
            timings["play"].append(played - started)
            timings["assess"].append(assessed - played)
            queries = {
                "start": len(start_queries.captured_queries),
                "assess": len(assess_queries.captured_queries),
            }
        print(f"Sandbox attempt benchmark — {description}, {args.runs} runs")
        for phase, label in (
            ("start", "start an attempt (seed workspace)"),
            ("play", "scripted MOR handling (13 actions)"),
            ("assess", "hand in and assess (9 checks)"),
        ):
            values = [v * 1000 for v in timings[phase]]
            extra = f", {queries[phase]} queries" if phase in queries else ""
            print(
                f"  {label:40} p50 {statistics.median(values):7.1f} ms"
                f"   p95 {percentile(values, 0.95):7.1f} ms{extra}"
            )
        total = [sum(t) * 1000 for t in zip(*timings.values(), strict=True)]
        print(
            f"  {'full scripted attempt':40} p50 {statistics.median(total):7.1f} ms"
            f"   p95 {percentile(total, 0.95):7.1f} ms"
        )
    finally:
        drop()


if __name__ == "__main__":
    main()
