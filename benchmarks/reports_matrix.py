#!/usr/bin/env python
# A command-line benchmark: it prints its figures.
# ruff: noqa: T201
"""HR reports benchmark: the competence matrix page and the exports, on volume data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zw_reports_bench \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py generate_volume_data   # once: 5,000 / 40 / 1M
    DATABASE_URL=... .venv/bin/python benchmarks/reports_matrix.py [--requests 30]

Runs in-process through Django's test client (the whole request: middleware, view,
queries, template; no HTTP socket, no server processes), signed in as an HR adviser
(and, for the team view, as one of the volume data's managers). Prints per page p50
and p95 response times and the number of queries, then, for the full matrix export
(every employee, every competence: level, required level, status), time to first
byte, total time, size and rows per second, for CSV and XLSX.

It is a benchmark, not a test: nothing here runs in the test suite. It refuses to
run without volume data (``generate_volume_data``) in the database.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
os.environ.setdefault("LMS_MFA_REQUIRED_FOR_STAFF", "false")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from lms.accounts.roles import Role  # noqa: E402
from lms.accounts.services import user_roles_set  # noqa: E402
from lms.lrs.models import Statement  # noqa: E402
from lms.organisation.models import Department, EmployeeProfile  # noqa: E402
from lms.reports.management.commands.generate_volume_data import (  # noqa: E402
    EMAIL_DOMAIN,
)

BENCH_HR = f"bench-hr@{EMAIL_DOMAIN}"


def _hr_user():
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        email=BENCH_HR, defaults={"first_name": "Bench", "last_name": "HR"}
    )
    user_roles_set(user=user, roles={Role.HR})
    return user


def _check(response, url: str) -> None:
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


def _time_page(client: Client, url: str, params: dict, requests: int) -> tuple:
    client.get(url, params)  # warm-up (template loading, caches)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    # Read now: the next request empties the connection's query log.
    queries = len(captured)
    _check(response, url)
    durations = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, params)
        durations.append((time.perf_counter() - started) * 1000)
        _check(response, url)
    return (
        statistics.median(durations),
        _percentile(durations, 0.95),
        queries,
        len(response.content),
    )


def _time_export(client: Client, table: str, fmt: str, params: dict) -> tuple:
    url = reverse("reports:export", kwargs={"table": table, "format": fmt})
    reset_queries()
    started = time.perf_counter()
    response = client.get(url, params)
    _check(response, url)
    first = None
    size = 0
    for chunk in response.streaming_content:
        if first is None:
            first = time.perf_counter() - started
        size += len(chunk)
    total = time.perf_counter() - started
    return first or total, total, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--skip-exports", action="store_true")
    args = parser.parse_args()

    volume = EmployeeProfile.objects.filter(user__email__endswith="@" + EMAIL_DOMAIN)
    employees = volume.count()
    if not employees:
        sys.exit("No volume data: run `manage.py generate_volume_data` first.")
    print(
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']}); "
        f"{EmployeeProfile.objects.count():,} employees, "
        f"{Statement.objects.count():,} statements"
    )
    hr = _hr_user()
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(hr)
    department = Department.objects.filter(name__startswith="Volume afdeling").first()
    manager = (
        EmployeeProfile.objects.filter(
            manager__isnull=False, user__in=volume.values("user")
        )
        .values_list("manager", flat=True)
        .first()
    )
    matrix = reverse("reports:matrix")
    person = reverse("reports:person", kwargs={"pk": volume.order_by("pk").first().pk})
    cases = [
        ("matrix, first page, unfiltered", matrix, {}),
        ("matrix, first page, one department", matrix, {"department": department.pk}),
        ("matrix, first page, only people with a gap", matrix, {"status": "gap"}),
        ("matrix, page 50", matrix, {"page": 50}),
        ("person overview", person, {}),
        ("compliance, first page", reverse("reports:compliance"), {}),
    ]
    print(f"\n{'page':<48} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KB':>7}")
    for label, url, params in cases:
        p50, p95, queries, size = _time_page(client, url, params, args.requests)
        print(f"{label:<48} {p50:8.1f} {p95:8.1f} {queries:8d} {size / 1024:7.0f}")

    team_client = Client()
    team_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    from django.contrib.auth import get_user_model

    team_client.force_login(get_user_model().objects.get(pk=manager))
    p50, p95, queries, size = _time_page(team_client, matrix, {}, args.requests)
    label = "matrix, a manager's team"
    print(f"{label:<48} {p50:8.1f} {p95:8.1f} {queries:8d} {size / 1024:7.0f}")

    if args.skip_exports:
        return
    print(f"\n{'export':<48} {'TTFB ms':>8} {'total s':>8} {'MB':>7} {'rows/s':>8}")
    for table, fmt, params, rows in (
        ("matrix", "csv", {}, employees + 1),
        ("matrix", "xlsx", {}, employees + 1),
        ("matrix", "csv", {"department": department.pk}, None),
        ("departments", "csv", {}, None),
    ):
        first, total, size = _time_export(client, table, fmt, params)
        label = f"{table}.{fmt}" + (" (one department)" if params else "")
        rate = f"{rows / total:8,.0f}" if rows else f"{'':>8}"
        print(f"{label:<48} {first * 1000:8.0f} {total:8.1f} {size / 1e6:7.1f} {rate}")


if __name__ == "__main__":
    main()
