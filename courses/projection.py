"""Rebuild the learners' progress in modules from the LRS statements alone.

The rows in :mod:`courses.models.learning` are a projection of the statements the
services record (issue 4 item 5). This module derives them again from the
statements: ``manage.py courses_rebuild_progress``. What it reads:

============================== ==========================================================
statement                      row
============================== ==========================================================
launched (module)              ``Enrolment`` (user from the actor's pseudonym, the module,
                               the attempt extension, started at)
experienced (lesson)           ``LessonVisit`` (first, last, count); the latest is where
                               "continue where you left off" goes
answered (question, scored)    ``QuestionAnswer`` (question id, the extensions attempt,
                               question-type, question-fingerprint and lesson; the
                               response parsed from result.response; score, success)
passed/failed (assessment)     ``AssignmentResult`` (practice assignment, the extensions
                               scenario and sandbox-registration)
completed, passed/failed       ``Enrolment.status``, ``finished_at``, ``score_percent``
(module)
============================== ==========================================================

Only the platform's own statements count (stored by its recording service, with its
authority): content reporting through the xAPI endpoint cannot write progress. A
voided statement no longer counts. Reflections are the exception: their text stays
out of the LRS on purpose (docs/courses.md), so they are kept as they are, tied to
their enrolment by its registration.
"""

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from courses.models import (
    AssignmentResult,
    Enrolment,
    LessonPage,
    LessonVisit,
    ModulePage,
    QuestionAnswer,
    Reflection,
)
from courses.questions import response_from_xapi
from lms.lrs import vocabulary
from lms.lrs.identity import agent_key
from lms.lrs.models import Statement

_FRACTION = Decimal("0.0001")
_PERCENT = Decimal("0.1")
_KINDS = ("module", "lesson", "question", "assessment")
_VERBS = {
    verb.id: name
    for name, verb in (
        ("launched", vocabulary.LAUNCHED),
        ("initialized", vocabulary.INITIALIZED),
        ("experienced", vocabulary.EXPERIENCED),
        ("answered", vocabulary.ANSWERED),
        ("completed", vocabulary.COMPLETED),
        ("passed", vocabulary.PASSED),
        ("failed", vocabulary.FAILED),
    )
}


def _activity_pattern() -> re.Pattern:
    base = re.escape(f"{settings.LMS_BASE_URL}/xapi/activities/")
    return re.compile(rf"^{base}({'|'.join(_KINDS)})/([^/]+)$")


def _extension(statement: dict, name: str) -> Any:
    extensions = (statement.get("context") or {}).get("extensions") or {}
    return extensions.get(vocabulary.extension_iri(name))


@dataclass
class _Attempt:
    """What the statements of one registration say."""

    registration: uuid.UUID
    user_id: int
    module_id: int | None = None
    attempt: int | None = None
    started_at: Any = None
    last_activity_at: Any = None
    last_lesson_id: int | None = None
    status: str = Enrolment.Status.IN_PROGRESS
    finished_at: Any = None
    score_percent: Decimal | None = None
    visits: dict[int, LessonVisit] = field(default_factory=dict)
    answers: list[QuestionAnswer] = field(default_factory=list)
    results: list[AssignmentResult] = field(default_factory=list)

    def touch(self, timestamp) -> None:
        if self.last_activity_at is None or timestamp > self.last_activity_at:
            self.last_activity_at = timestamp


@dataclass
class RebuildReport:
    statements: int = 0
    enrolments: int = 0
    visits: int = 0
    answers: int = 0
    results: int = 0
    reflections_kept: int = 0
    reflections_lost: int = 0
    skipped: int = 0  # registrations whose learner or module no longer exists


def _course_statements():
    authority = agent_key(vocabulary.platform_authority())
    prefix = f"{settings.LMS_BASE_URL}/xapi/activities/"
    return (
        Statement.objects.not_voided()
        .filter(
            credential__isnull=True,
            authority_key=authority,
            registration__isnull=False,
            verb_id__in=list(_VERBS),
            object_activity_id__startswith=prefix,
        )
        .order_by("timestamp", "seq")
        .values_list("payload", "registration", "timestamp")
    )


def _read(report: RebuildReport) -> dict[uuid.UUID, _Attempt]:
    pattern = _activity_pattern()
    users = dict(
        get_user_model().objects.values_list("pseudonym", "pk")
    )  # pseudonym (UUID) -> pk
    users = {str(k): v for k, v in users.items()}
    attempts: dict[uuid.UUID, _Attempt] = {}
    rows = []
    for payload, registration, timestamp in _course_statements().iterator(
        chunk_size=2000
    ):
        match = pattern.match(payload["object"]["id"])
        if match is None:
            continue
        account = (payload.get("actor") or {}).get("account") or {}
        user_id = users.get(str(account.get("name")))
        if user_id is None:
            continue
        report.statements += 1
        rows.append((payload, registration, timestamp, match[1], match[2], user_id))

    for payload, registration, timestamp, kind, stable_id, user_id in rows:
        verb = _VERBS[payload["verb"]["id"]]
        attempt = attempts.setdefault(
            registration, _Attempt(registration=registration, user_id=user_id)
        )
        result = payload.get("result") or {}
        if kind == "module":
            attempt.module_id = int(stable_id)
            if verb in ("launched", "initialized"):
                if attempt.started_at is None:
                    attempt.started_at = timestamp
                    attempt.touch(timestamp)
                number = _extension(payload, "attempt")
                if number is not None:
                    attempt.attempt = int(number)
            elif verb in ("completed", "passed", "failed"):
                if attempt.finished_at is None:
                    attempt.finished_at = timestamp
                    attempt.status = (
                        Enrolment.Status.FAILED
                        if verb == "failed"
                        else Enrolment.Status.COMPLETED
                    )
                    scaled = (result.get("score") or {}).get("scaled")
                    if scaled is not None:
                        attempt.score_percent = (Decimal(str(scaled)) * 100).quantize(
                            _PERCENT
                        )
        elif kind == "lesson" and verb == "experienced":
            lesson_id = int(stable_id)
            visit = attempt.visits.get(lesson_id)
            if visit is None:
                attempt.visits[lesson_id] = LessonVisit(
                    lesson_id=lesson_id,
                    first_visited_at=timestamp,
                    last_visited_at=timestamp,
                    visit_count=1,
                )
            else:
                visit.last_visited_at = timestamp
                visit.visit_count += 1
            attempt.last_lesson_id = lesson_id
            attempt.touch(timestamp)
        elif kind == "question" and verb == "answered" and "score" in result:
            score = result["score"]
            question_type = _extension(payload, "question-type")
            attempt.answers.append(
                QuestionAnswer(
                    question_id=uuid.UUID(stable_id),
                    question_type=question_type,
                    fingerprint=_extension(payload, "question-fingerprint") or "",
                    lesson_id=_extension(payload, "lesson"),
                    attempt=int(_extension(payload, "attempt")),
                    response=response_from_xapi(
                        question_type, result.get("response", "")
                    ),
                    score_fraction=Decimal(str(score.get("scaled", 0))).quantize(
                        _FRACTION
                    ),
                    points_possible=int(score.get("max", 0)),
                    correct=bool(result.get("success")),
                    answered_at=timestamp,
                )
            )
            attempt.touch(timestamp)
        elif kind == "assessment" and verb in ("passed", "failed"):
            sandbox_registration = _extension(payload, "sandbox-registration")
            attempt.results.append(
                AssignmentResult(
                    assignment_id=uuid.UUID(stable_id),
                    scenario_id=_extension(payload, "scenario") or "",
                    passed=verb == "passed",
                    sandbox_registration=sandbox_registration,
                    recorded_at=timestamp,
                )
            )
    return attempts


def _number_attempts(attempts: list[_Attempt]) -> None:
    """Statements recorded before the attempt extension existed: the attempts of a
    learner at a module are numbered in the order they started."""
    seen: dict[tuple[int, int], int] = defaultdict(int)
    for attempt in sorted(attempts, key=lambda a: a.started_at):
        key = (attempt.user_id, attempt.module_id)
        if attempt.attempt is None:
            attempt.attempt = seen[key] + 1
        seen[key] = max(seen[key], attempt.attempt)


@transaction.atomic
def progress_projection_rebuild() -> RebuildReport:
    """Replace every enrolment, lesson visit, answer and practice result with what
    the statements say. Enrolments keep their primary key where their
    registration existed before; reflections stay with their enrolment."""
    report = RebuildReport()
    attempts = _read(report)
    module_ids = set(ModulePage.objects.values_list("pk", flat=True))
    lesson_ids = set(LessonPage.objects.values_list("pk", flat=True))
    usable = []
    for attempt in attempts.values():
        if attempt.module_id not in module_ids or attempt.started_at is None:
            report.skipped += 1
            continue
        usable.append(attempt)
    _number_attempts(usable)

    previous = dict(Enrolment.objects.values_list("registration", "pk"))
    kept_reflections = list(
        Reflection.objects.values(
            "enrolment__registration",
            "question_id",
            "lesson_id",
            "prompt",
            "text",
            "created_at",
            "updated_at",
        )
    )
    Enrolment.objects.all().delete()

    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                pk=previous.get(a.registration),
                registration=a.registration,
                user_id=a.user_id,
                module_id=a.module_id,
                attempt=a.attempt,
                status=a.status,
                started_at=a.started_at,
                last_activity_at=a.last_activity_at or a.started_at,
                last_lesson_id=a.last_lesson_id
                if a.last_lesson_id in lesson_ids
                else None,
                finished_at=a.finished_at,
                score_percent=a.score_percent,
            )
            for a in usable
        ]
    )
    # bulk_create does not return keys on every database: read them back.
    pk_of = dict(Enrolment.objects.values_list("registration", "pk"))
    visits, answers, results = [], [], []
    for attempt in usable:
        enrolment_id = pk_of[attempt.registration]
        for visit in attempt.visits.values():
            if visit.lesson_id in lesson_ids:
                visit.enrolment_id = enrolment_id
                visits.append(visit)
        for answer in attempt.answers:
            answer.enrolment_id = enrolment_id
            if answer.lesson_id not in lesson_ids:
                answer.lesson_id = None
            answers.append(answer)
        for result in attempt.results:
            result.enrolment_id = enrolment_id
            results.append(result)
    LessonVisit.objects.bulk_create(visits, batch_size=1000)
    QuestionAnswer.objects.bulk_create(answers, batch_size=1000)
    AssignmentResult.objects.bulk_create(results, batch_size=1000)

    reflections = []
    for row in kept_reflections:
        enrolment_id = pk_of.get(row.pop("enrolment__registration"))
        if enrolment_id is None:
            report.reflections_lost += 1
            continue
        reflections.append(Reflection(enrolment_id=enrolment_id, **row))
    Reflection.objects.bulk_create(reflections, batch_size=1000)

    report.enrolments = len(enrolments)
    report.visits = len(visits)
    report.answers = len(answers)
    report.results = len(results)
    report.reflections_kept = len(reflections)
    return report
