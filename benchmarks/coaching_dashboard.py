#!/usr/bin/env python
# A command-line benchmark: it prints its figures.
# ruff: noqa: T201
"""Coaching dashboard benchmark: an ICT expert's dashboard on volume data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zw_reports_bench \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py generate_volume_data   # once
    DATABASE_URL=... .venv/bin/python benchmarks/coaching_dashboard.py [--requests 20]

Runs in-process through Django's test client, signed in as a benchmark ICT expert
who coaches the floor with the most employees of the volume data (the reports
benchmark's data: thousands of employees, a million statements). Prints p50 and p95
of the dashboard (sorted by attention, and filtered to one signal), a colleague's
overview and the timeline, with the number of queries of each page: the dashboard's
must not grow with the number of colleagues.

It is a benchmark, not a test: nothing here runs in the test suite.
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
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from lms.accounts.roles import Role  # noqa: E402
from lms.accounts.services import user_roles_set  # noqa: E402
from lms.lrs.models import Statement  # noqa: E402
from lms.organisation.models import EmployeeProfile, Floor  # noqa: E402

BENCH_COACH = "bench-coach@coaching-bench.test"


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _time_page(client: Client, url: str, requests: int) -> tuple:
    client.get(url)  # warm-up
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # A wrapper, not CaptureQueriesContext: the request's start resets the query log.
    with connection.execute_wrapper(count):
        response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"{url}: HTTP {response.status_code}")
    durations = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations), _percentile(durations, 0.95), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    floor = Floor.objects.annotate(n=Count("employees")).order_by("-n").first()
    if floor is None or floor.n < 20:
        sys.exit("No volume data: run `manage.py generate_volume_data` first.")
    coach, _created = get_user_model().objects.get_or_create(
        email=BENCH_COACH, defaults={"first_name": "Bench", "last_name": "Coach"}
    )
    user_roles_set(user=coach, roles={Role.COACH})
    profile, _created = EmployeeProfile.objects.get_or_create(user=coach)
    profile.coached_floors.set([floor])
    learner = (
        EmployeeProfile.objects.filter(floor=floor).exclude(user=coach).first().user
    )
    print(
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']}); "
        f"floor {floor.code}: {floor.n:,} colleagues; "
        f"{Statement.objects.count():,} statements"
    )
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(coach)
    dashboard = reverse("coaching:dashboard")
    cases = [
        ("dashboard, by attention", dashboard),
        ("dashboard, signal: stalled", dashboard + "?signal=stalled&sort=name"),
        (
            "colleague overview",
            reverse("coaching:learner_detail", kwargs={"user_id": learner.pk}),
        ),
        (
            "timeline (50 statements)",
            reverse("coaching:learner_timeline", kwargs={"user_id": learner.pk}),
        ),
    ]
    print(f"{'page':34} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for label, url in cases:
        p50, p95, queries = _time_page(client, url, args.requests)
        print(f"{label:34} {p50:8.1f} {p95:8.1f} {queries:8}")


if __name__ == "__main__":
    main()
