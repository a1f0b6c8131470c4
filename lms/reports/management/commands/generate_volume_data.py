"""Volume data for the report benchmarks: employees, a competence framework with
function requirements, current levels, and xAPI statements.

    manage.py generate_volume_data                      # 5,000 / 40 / 1,000,000
    manage.py generate_volume_data --employees 50 --competences 5 --statements 500
    manage.py generate_volume_data --delete             # remove it all again

Everything is written in bulk straight into the tables (statements with
``lms.lrs.bulk.bulk_insert``: COPY on PostgreSQL), in batches each committed on its
own, so a million statements take minutes, not hours. The statements are valid xAPI
as the LRS would store them, with their agent and activity index rows, but they go
around ``statement_record`` (no validation, no signals, no forwarding): this is
test data for a benchmark database, never for a real one. Everything it makes is
recognisable (e-mail domain ``volume.zaakwijs.test``, codes starting with ``vol-``,
the statements' authority "Zaakwijs volume data"), which is what ``--delete`` removes.
"""

from __future__ import annotations

import random
import time
import uuid
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from badges.models import (
    Competence,
    EmployeeCompetence,
    FunctionRequirement,
    ProficiencyLevel,
)
from lms.accounts.roles import Role
from lms.lrs import vocabulary
from lms.lrs.bulk import bulk_insert, primary_keys_allocate
from lms.lrs.identity import agent_key
from lms.lrs.models import Statement, StatementActivity, StatementAgent
from lms.lrs.timestamps import timestamp_format
from lms.organisation.models import (
    Building,
    Department,
    EmployeeProfile,
    Floor,
    JobFunction,
)
from lms.reports.models import ExportLog

User = get_user_model()

EMAIL_DOMAIN = "volume.zaakwijs.test"
CODE_PREFIX = "vol-"
AUTHORITY_NAME = "Zaakwijs volume data"
FIRST_NAMES = [
    "Anna", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanna", "Ilse",
    "Jeroen", "Karim", "Lotte", "Mohamed", "Noor", "Olaf", "Priya", "Ruben", "Sanne",
    "Tim", "Ufuk", "Vera", "Wouter", "Yara", "Zeynep",
]  # fmt: skip
LAST_NAMES = [
    "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Yilmaz", "El Amrani", "Kaya", "Nguyen",
]  # fmt: skip
VERBS = [
    vocabulary.EXPERIENCED,
    vocabulary.ANSWERED,
    vocabulary.COMPLETED,
    vocabulary.PASSED,
    vocabulary.FAILED,
    vocabulary.INITIALIZED,
    vocabulary.TERMINATED,
]

_STATEMENT_FIELDS = (
    "seq",
    "statement_id",
    "payload",
    "version",
    "stored",
    "timestamp",
    "actor_key",
    "verb_id",
    "object_activity_id",
    "registration",
    "authority_key",
    "voided",
)


def authority() -> dict:
    return {
        "objectType": "Agent",
        "name": AUTHORITY_NAME,
        "account": {"homePage": settings.LMS_BASE_URL, "name": "volume-data"},
    }


class Command(BaseCommand):
    help = "Generate volume data (employees, competences, levels, xAPI statements)."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=5000)
        parser.add_argument("--competences", type=int, default=40)
        parser.add_argument("--departments", type=int, default=20)
        parser.add_argument("--functions", type=int, default=25)
        parser.add_argument("--statements", type=int, default=1_000_000)
        parser.add_argument("--batch", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument(
            "--delete", action="store_true", help="Remove the volume data instead."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["delete"]:
            self._delete()
            self.stdout.write(f"Deleted in {time.monotonic() - started:.1f} s.")
            return
        if User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists():
            raise CommandError(
                "Volume data exists already; remove it first with --delete."
            )
        rng = random.Random(options["seed"])  # noqa: S311 - test data, reproducible
        with transaction.atomic():
            organisation = self._organisation(rng, options)
            competences = self._framework(rng, options, organisation["functions"])
            users = self._employees(rng, options, organisation)
            levels = self._levels(rng, users, competences)
        self.stdout.write(
            f"{len(users)} employees, {len(competences)} competences, "
            f"{FunctionRequirement.objects.filter(competence__in=competences).count()} "
            f"function requirements, {levels} competence levels "
            f"({time.monotonic() - started:.1f} s)."
        )
        self._statements(rng, options, users)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s.")
        )

    # --- Organisation and framework ---------------------------------------------------

    def _organisation(self, rng, options) -> dict:
        departments = Department.objects.bulk_create(
            Department(name=f"Volume afdeling {n:02d}")
            for n in range(1, options["departments"] + 1)
        )
        building = Building.objects.create(name="Volume stadskantoor")
        floors = Floor.objects.bulk_create(
            Floor(building=building, number=n, code=f"VOL-{n}") for n in range(1, 11)
        )
        functions = JobFunction.objects.bulk_create(
            JobFunction(name=f"Volume functie {n:02d}")
            for n in range(1, options["functions"] + 1)
        )
        return {"departments": departments, "floors": floors, "functions": functions}

    def _framework(self, rng, options, functions) -> list[Competence]:
        competences = Competence.objects.bulk_create(
            Competence(
                code=f"{CODE_PREFIX}{n:02d}",
                name=f"Volumecompetentie {n:02d}",
                sort_order=1000 + n,
            )
            for n in range(1, options["competences"] + 1)
        )
        ProficiencyLevel.objects.bulk_create(
            ProficiencyLevel(competence=c, level=level, name=name)
            for c in competences
            for level, name in ((1, "Basis"), (2, "Zelfstandig"), (3, "Expert"))
        )
        requirements = []
        for function in functions:
            count = min(len(competences), rng.randint(8, 15))
            for competence in rng.sample(competences, count):
                requirements.append(
                    FunctionRequirement(
                        job_function=function,
                        competence=competence,
                        level=rng.choice((1, 2, 2, 3)),
                    )
                )
        FunctionRequirement.objects.bulk_create(requirements)
        return competences

    def _employees(self, rng, options, organisation) -> list:
        total = options["employees"]
        users = User.objects.bulk_create(
            [
                User(
                    email=f"volume-{n:05d}@{EMAIL_DOMAIN}",
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=f"{rng.choice(LAST_NAMES)} {n:05d}",
                    # Unusable: these accounts never sign in.
                    password=UNUSABLE_PASSWORD_PREFIX,
                    pseudonym=uuid.UUID(int=rng.getrandbits(128), version=4),
                )
                for n in range(1, total + 1)
            ],
            batch_size=1000,
        )
        # In each department, one in twenty is a manager, of the next nineteen.
        departments = organisation["departments"]
        managers_of: dict = {}
        seen: dict = defaultdict(int)
        profiles = []
        for n, user in enumerate(users):
            department = departments[n % len(departments)]
            manager = None
            if seen[department.pk] % 20 == 0:
                managers_of[department.pk] = user
            else:
                manager = managers_of[department.pk]
            seen[department.pk] += 1
            profiles.append(
                EmployeeProfile(
                    user=user,
                    department=department,
                    floor=rng.choice(organisation["floors"]),
                    job_function=rng.choice(organisation["functions"]),
                    manager=manager,
                )
            )
        EmployeeProfile.objects.bulk_create(profiles, batch_size=1000)
        learners, _ = Group.objects.get_or_create(name=Role.LEARNER.value)
        membership = User.groups.through
        membership.objects.bulk_create(
            [membership(user_id=u.pk, group_id=learners.pk) for u in users],
            batch_size=2000,
        )
        return users

    def _levels(self, rng, users, competences) -> int:
        now = timezone.now()
        requirements: dict = {}
        for function_id, competence_id in FunctionRequirement.objects.filter(
            competence__in=competences
        ).values_list("job_function_id", "competence_id"):
            requirements.setdefault(function_id, []).append(competence_id)
        functions = dict(
            EmployeeProfile.objects.filter(user__in=users).values_list(
                "user_id", "job_function_id"
            )
        )
        all_ids = [c.pk for c in competences]
        rows = []
        for user in users:
            wanted = set(requirements.get(functions[user.pk], []))
            wanted |= set(rng.sample(all_ids, min(3, len(all_ids))))
            for competence_id in wanted:
                if rng.random() > 0.8:
                    continue  # a gap
                expires = None
                roll = rng.random()
                if roll < 0.1:
                    expires = now - timedelta(days=rng.randint(1, 200))
                elif roll < 0.4:
                    expires = now + timedelta(days=rng.randint(1, 500))
                rows.append(
                    EmployeeCompetence(
                        user_id=user.pk,
                        competence_id=competence_id,
                        level=rng.choice((1, 2, 2, 3, 3)),
                        source=rng.choice(("badge", "signoff")),
                        achieved_at=now - timedelta(days=rng.randint(1, 700)),
                        expires_at=expires,
                    )
                )
        EmployeeCompetence.objects.bulk_create(rows, batch_size=5000)
        return len(rows)

    # --- Statements ----------------------------------------------------------------------

    def _statements(self, rng, options, users) -> None:
        total, batch = options["statements"], options["batch"]
        if total <= 0:
            return
        base = settings.LMS_BASE_URL
        actors = [
            {
                "objectType": "Agent",
                "account": {"homePage": base, "name": str(user.pseudonym)},
            }
            for user in users
        ]
        actor_keys = [agent_key(actor) for actor in actors]
        authority_agent = authority()
        authority_key = agent_key(authority_agent)
        activities = [
            (
                vocabulary.activity_iri("module", 900000 + n),
                {"nl-NL": f"Volumemodule {n}", "en-US": f"Volume module {n}"},
            )
            for n in range(1, 201)
        ]
        # Stored over the past year in increasing order, with time-ordered ids, as a
        # real store grows: the indexes on stored/timestamp and statement_id are
        # appended to rather than written at random places (several times faster).
        first = timezone.now() - timedelta(days=365)
        step = timedelta(days=365) / total
        written = 0
        started = time.monotonic()
        while written < total:
            size = min(batch, total - written)
            statements, agents, objects = [], [], []
            seqs = primary_keys_allocate(Statement, size)
            for i in range(size):
                person = rng.randrange(len(users))
                verb = rng.choice(VERBS)
                activity_id, name = activities[rng.randrange(len(activities))]
                moment = first + step * (written + i)
                stamp = timestamp_format(moment)
                statement_id = uuid.UUID(
                    int=((written + i) << 80) | rng.getrandbits(80), version=4
                )
                payload = {
                    "id": str(statement_id),
                    "actor": actors[person],
                    "verb": verb.as_dict(),
                    "object": {
                        "objectType": "Activity",
                        "id": activity_id,
                        "definition": {
                            "type": vocabulary.MODULE_TYPE.id,
                            "name": name,
                        },
                    },
                    "timestamp": stamp,
                    "stored": stamp,
                    "authority": authority_agent,
                    "version": "1.0.0",
                }
                if verb in (vocabulary.PASSED, vocabulary.FAILED):
                    payload["result"] = {
                        "success": verb is vocabulary.PASSED,
                        "score": {"scaled": round(rng.random(), 2)},
                    }
                seq = seqs[i] if seqs else None
                statements.append(
                    (
                        seq,
                        statement_id,
                        payload,
                        "1.0.0",
                        moment,
                        moment,
                        actor_keys[person],
                        verb.id,
                        activity_id,
                        None,
                        authority_key,
                        False,
                    )
                )
                agents.append((seq, actor_keys[person]))
                objects.append((seq, activity_id))
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # Test data: no need to wait for the disk at every commit.
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL synchronous_commit TO OFF")
                if seqs is None:
                    created = Statement.objects.bulk_create(
                        [
                            Statement(
                                **dict(zip(_STATEMENT_FIELDS[1:], row[1:], strict=True))
                            )
                            for row in statements
                        ],
                        batch_size=1000,
                    )
                    keys = [s.seq for s in created]
                    agents = [(k, a) for k, (_s, a) in zip(keys, agents, strict=True)]
                    objects = [(k, o) for k, (_s, o) in zip(keys, objects, strict=True)]
                else:
                    bulk_insert(Statement, _STATEMENT_FIELDS, statements)
                bulk_insert(
                    StatementAgent,
                    ("statement_id", "agent_key", "relation", "related_only"),
                    [(s, key, "actor", False) for s, key in agents],
                )
                bulk_insert(
                    StatementActivity,
                    ("statement_id", "activity_id", "related_only"),
                    [(s, activity, False) for s, activity in objects],
                )
            written += size
            rate = written / max(time.monotonic() - started, 0.001)
            self.stdout.write(f"  {written:,} statements ({rate:,.0f}/s)")

    # --- Removing it again --------------------------------------------------------------

    def _delete(self) -> None:
        key = agent_key(authority())
        with transaction.atomic():
            # Plain SQL: the ORM would first collect a million rows for cascading.
            quote = connection.ops.quote_name
            statements = quote(Statement._meta.db_table)
            with connection.cursor() as cursor:
                for model in (StatementAgent, StatementActivity):
                    cursor.execute(
                        f"DELETE FROM {quote(model._meta.db_table)} WHERE statement_id "  # noqa: S608
                        f"IN (SELECT seq FROM {statements} WHERE authority_key = %s)",
                        [key],
                    )
                cursor.execute(
                    f"DELETE FROM {statements} WHERE authority_key = %s",  # noqa: S608
                    [key],
                )
                self.stdout.write(f"{cursor.rowcount:,} statements")
            users = User.objects.filter(email__endswith="@" + EMAIL_DOMAIN)
            # The benchmark's HR account exports; its log goes with it.
            ExportLog.objects.filter(user__in=users).delete()
            EmployeeCompetence.objects.filter(user__in=users).delete()
            EmployeeProfile.objects.filter(user__in=users).delete()
            count, _ = users.delete()
            self.stdout.write(f"{count:,} user rows")
            competences = Competence.objects.filter(code__startswith=CODE_PREFIX)
            EmployeeCompetence.objects.filter(competence__in=competences).delete()
            competences.delete()
            Floor.objects.filter(code__startswith="VOL-").delete()
            Building.objects.filter(name="Volume stadskantoor").delete()
            Department.objects.filter(name__startswith="Volume afdeling").delete()
            JobFunction.objects.filter(name__startswith="Volume functie").delete()
