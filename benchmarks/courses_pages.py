#!/usr/bin/env python
# A command-line benchmark: it prints its figures and makes test data with `random`.
# ruff: noqa: T201, S311
"""Course pages benchmark: server time and SQL queries of the learner pages.

    .venv/bin/python benchmarks/courses_pages.py                    # SQLite (fresh file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zaakwijs \\
        .venv/bin/python benchmarks/courses_pages.py                # PostgreSQL

1. Creates a fresh database (SQLite: a new file in a temporary folder; PostgreSQL: a
   new database ``<name>_coursebench`` next to the one DATABASE_URL names, dropped
   again at the end), migrates it and loads the demo data (``load_demo_data``: five
   modules, two learning paths, assignments).
2. Adds ``--learners`` (default 1,000) learners spread over the demo departments and
   functions, with enrolments in the demo modules, lesson visits and answers (wrong
   ones and retries too), some modules completed: bulk inserts of the projection
   rows, so it takes seconds, not an hour of page requests.
3. Renders the catalogue, a module page, a lesson page and "Mijn leren" ``--requests``
   times each (default 200, after 5 warm-up requests) with Django's test client, in
   process, as one of those learners; prints p50 and p95 of the time per request and
   the number of SQL queries of one request.

It is a benchmark, not a test: nothing here runs in the test suite. The test suite
pins the query counts (tests/courses/test_query_counts.py); this prints the times.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def fresh_database(keep: bool):
    """A new, empty database: its DATABASE_URL, a description and a clean-up."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        folder = tempfile.mkdtemp(prefix="zaakwijs-coursebench-")
        path = Path(folder) / "bench.sqlite3"

        def drop() -> None:
            if not keep:
                shutil.rmtree(folder, ignore_errors=True)

        return f"sqlite:///{path}", f"SQLite, fresh file {path}", drop

    import psycopg

    parts = urlsplit(base)
    name = f"{parts.path.lstrip('/') or 'zaakwijs'}_coursebench"
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

    url = urlunsplit(parts._replace(path=f"/{name}"))
    return url, f"PostgreSQL, fresh database {name}", drop


def setup(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_data", stdout=devnull)


def _right(question) -> dict:
    from courses.demo import _right_response

    return _right_response(question)


def _wrong(question) -> dict:
    if question.kind == "ordering":
        return {"order": [s.key for s in reversed(question.steps)]}
    if question.kind == "matching":
        keys = [p.key for p in question.pairs]
        return {"matches": dict(zip(keys, keys[1:] + keys[:1], strict=True))}
    wrong = [o.key for o in question.options if not o.correct]
    if question.kind == "multiple_choice":
        return {"choices": wrong[:1]}
    return {"choice": wrong[0]}


def learners_fill(count: int, seed: int = 4) -> list:
    """``count`` learners with progress in the demo modules, in bulk."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from courses.models import (
        CourseCatalogPage,
        Enrolment,
        LessonVisit,
        ModulePage,
        QuestionAnswer,
    )
    from courses.selectors import module_outline
    from lms.organisation.models import (
        Department,
        EmployeeProfile,
        Floor,
        JobFunction,
    )

    rng = random.Random(seed)
    user_model = get_user_model()
    departments = list(Department.objects.all())
    functions = list(JobFunction.objects.all())
    floors = list(Floor.objects.all())
    catalogue = CourseCatalogPage.objects.get()
    outlines = [
        module_outline(module=m)
        for m in ModulePage.objects.live().child_of(catalogue).order_by("path")
    ]
    password = make_password("zaakwijs-bench")
    now = timezone.now()

    with transaction.atomic():
        user_model.objects.bulk_create(
            [
                user_model(
                    email=f"leerling{n:05}@bench.test",
                    first_name="Leerling",
                    last_name=f"{n:05}",
                    password=password,
                )
                for n in range(count)
            ],
            batch_size=500,
        )
        users = list(
            user_model.objects.filter(email__endswith="@bench.test").order_by("pk")
        )
        profile_fields = {f.name for f in EmployeeProfile._meta.get_fields()}
        profiles = []
        for user in users:
            fields = {
                "user": user,
                "department": rng.choice(departments),
                "job_function": rng.choice(functions),
            }
            if "floor" in profile_fields and floors:
                fields["floor"] = rng.choice(floors)
            profiles.append(EmployeeProfile(**fields))
        EmployeeProfile.objects.bulk_create(profiles, batch_size=500)

        plans = []
        for user in users:
            for outline in rng.sample(outlines, rng.randint(1, len(outlines))):
                lessons = outline.lessons
                seen = lessons[: rng.randint(1, len(lessons))]
                complete = len(seen) == len(lessons) and rng.random() < 0.6
                started = now - timedelta(days=rng.randint(1, 60))
                enrolment = Enrolment(
                    user=user,
                    module=outline.module,
                    status="completed" if complete else "in_progress",
                    started_at=started,
                    last_activity_at=started + timedelta(hours=1),
                    last_lesson=seen[-1].page,
                    finished_at=started + timedelta(hours=2) if complete else None,
                    score_percent=Decimal("90.0") if complete else None,
                )
                plans.append((enrolment, seen, complete))
        enrolments = [enrolment for enrolment, _seen, _complete in plans]
        Enrolment.objects.bulk_create(enrolments, batch_size=1000)
        # Databases that do not return keys from a bulk insert: read them back.
        pk_of = dict(
            Enrolment.objects.filter(user__in=users).values_list("registration", "pk")
        )
        visits, answers = [], []
        for enrolment, seen, complete in plans:
            enrolment.pk = pk_of[enrolment.registration]
            for entry in seen:
                visits.append(
                    LessonVisit(
                        enrolment=enrolment,
                        lesson=entry.page,
                        first_visited_at=enrolment.started_at,
                        last_visited_at=enrolment.started_at,
                    )
                )
                for question in entry.items.questions:
                    attempt = 1
                    if not complete and rng.random() < 0.3:
                        answers.append(
                            _answer(enrolment, entry, question, _wrong(question), 1)
                        )
                        attempt = 2
                    answers.append(
                        _answer(enrolment, entry, question, _right(question), attempt)
                    )
        LessonVisit.objects.bulk_create(visits, batch_size=2000)
        QuestionAnswer.objects.bulk_create(answers, batch_size=2000)
    print(
        f"  {len(users):,} learners, {len(enrolments):,} enrolments, "
        f"{len(visits):,} lesson visits, {len(answers):,} answers"
    )
    return users


def _answer(enrolment, entry, question, response, attempt):
    from courses.models import QuestionAnswer

    marking = question.mark(response)
    return QuestionAnswer(
        enrolment=enrolment,
        question_id=question.id,
        question_type=question.kind,
        fingerprint=question.fingerprint,
        lesson=entry.page,
        attempt=attempt,
        response=response,
        score_fraction=marking.fraction,
        points_possible=question.points,
        correct=marking.correct,
        answered_at=enrolment.started_at,
    )


def count_queries(client, url: str) -> int:
    """The SQL queries of one request, on whichever connection they run: the
    cursor classes are wrapped for the duration."""
    from django.db.backends import utils

    count = 0
    originals = {}
    # The debug wrapper calls these through super(): each query counts once.
    for cls in (utils.CursorWrapper,):
        for name in ("execute", "executemany"):
            original = cls.__dict__[name]
            originals[(cls, name)] = original

            def counting(self, *args, _original=original, **kwargs):
                nonlocal count
                count += 1
                return _original(self, *args, **kwargs)

            setattr(cls, name, counting)
    try:
        client.get(url)
    finally:
        for (cls, name), original in originals.items():
            setattr(cls, name, original)
    return count


def measure(client, url: str, requests: int) -> dict:
    for _ in range(5):
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
    queries = count_queries(client, url)
    times = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[min(len(times) - 1, int(len(times) * 0.95))],
        "queries": queries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--keep", action="store_true", help="Keep the database afterwards."
    )
    args = parser.parse_args()

    database_url, description, drop = fresh_database(args.keep)
    print(f"database: {description}")
    try:
        began = time.monotonic()
        setup(database_url)
        print(f"  migrated and demo data loaded in {time.monotonic() - began:.0f} s")
        began = time.monotonic()
        users = learners_fill(args.learners)
        print(f"  learners' progress made in {time.monotonic() - began:.1f} s")

        from django.contrib.auth import get_user_model
        from django.test import Client

        from courses.models import CourseCatalogPage, LessonPage, ModulePage

        catalogue = CourseCatalogPage.objects.get()
        module = ModulePage.objects.get(slug="een-zaak-registreren-en-afhandelen")
        lesson = LessonPage.objects.live().child_of(module).order_by("path")[1]
        pages = {
            "catalogue": catalogue.url,
            "module": module.url,
            "lesson": lesson.url,
            "mijn leren": catalogue.my_learning_url(),
        }
        learners = {
            "demo learner (3 assigned items)": get_user_model().objects.get(
                email="medewerker@zaakwijs.test"
            ),
            "bench learner": users[len(users) // 2],
        }
        print(f"{args.requests} requests per page, in process (Django test client)\n")
        print("| learner | page | p50 | p95 | queries |\n|---|---|---|---|---|")
        for who, user in learners.items():
            client = Client()
            client.force_login(user)
            for name, url in pages.items():
                figures = measure(client, url, args.requests)
                print(
                    f"| {who} | {name} | {figures['p50']:.1f} ms | "
                    f"{figures['p95']:.1f} ms | {figures['queries']} |",
                    flush=True,
                )
    finally:
        drop()


if __name__ == "__main__":
    main()
