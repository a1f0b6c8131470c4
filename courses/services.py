"""Everything a learner does in a module.

Each service changes the learner's state and records what happened as an xAPI
statement through :func:`_record`, in one transaction. Completion is re-evaluated
after every event that can change it.
"""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courses.blocks import (
    ASSIGNMENT_BLOCK_TYPE,
    QUESTION_BLOCK_TYPES,
    REFLECTION_BLOCK_TYPE,
)
from courses.models import (
    Assignment,
    AssignmentResult,
    Enrolment,
    LearningPath,
    LearningPathModule,
    LessonPage,
    LessonVisit,
    ModulePage,
    QuestionAnswer,
    Reflection,
    ReminderSent,
)
from courses.questions import AnswerInvalid, Marking, Question, lesson_items
from courses.selectors import (
    DueReminder,
    ModuleProgress,
    QuestionState,
    enrolment_latest,
    module_of_lesson,
    module_outline,
    my_learning_absolute_url,
    progress_for,
    question_state,
    reminders_due,
)
from lms.core.sanitize import strip_html
from lms.lrs import vocabulary
from lms.lrs.services import statement_record
from lms.organisation.models import Department, JobFunction

REFLECTION_MAX_LENGTH = 5000

__all__ = [
    "AnswerFeedback",
    "AssignmentInvalid",
    "assignment_create",
    "assignment_update",
    "assignment_withdraw",
    "learning_reminders_send",
    "lesson_copies_renew_ids",
    "AnswerInvalid",
    "EnrolmentNotRetakeable",
    "QuestionClosed",
    "assignment_result_record",
    "enrolment_retake",
    "enrolment_start",
    "lesson_visit_record",
    "module_completion_evaluate",
    "question_answer_submit",
    "reflection_save",
]


class CoursesError(Exception):
    message: str | Promise = ""

    def __init__(self, message: str | Promise | None = None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class QuestionClosed(CoursesError):
    """The question takes no more answers (right already, out of attempts, or the
    module attempt has been failed)."""


class EnrolmentNotRetakeable(CoursesError):
    message = _("You can retake a module after a failed attempt.")


# --- xAPI ----------------------------------------------------------------------


_ACTIVITY_TYPES = {
    "module": vocabulary.MODULE_TYPE,
    "lesson": vocabulary.LESSON_TYPE,
    "question": vocabulary.QUESTION_TYPE,
    # A practice assignment in a lesson: the sandbox scenario it points at is a
    # context activity ("other"), so the sandbox's own scenario statements stay
    # the only ones about the scenario itself.
    "assessment": vocabulary.ASSESSMENT_TYPE,
}


def _now():
    """Now, to the millisecond: statements keep milliseconds (xAPI Data 4.5), and
    the rows they project carry the same instant, so a rebuild from the
    statements gives the very same rows (``courses.projection``)."""
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _record(
    *,
    user,
    verb: str,
    activity_kind: str,
    activity_id: object,
    activity_name: object = None,
    enrolment: Enrolment,
    parent: tuple[str, object] | None = None,
    result: Mapping[str, Any] | None = None,
    extensions: Mapping[str, Any] | None = None,
    other: Iterable[tuple[str, object]] = (),
    timestamp=None,
) -> None:
    """Record a learner event in the LRS, inside the service's transaction, so the
    statement and the rows that project it commit together. ``activity_kind`` is
    module, lesson, question or assessment; ids are page ids and block UUIDs,
    never slugs. The module is the parent of everything in it, and the learning
    paths it belongs to are the grouping."""
    context: dict[str, Any] = {}
    if extensions:
        context["extensions"] = {
            vocabulary.extension_iri(key): value for key, value in extensions.items()
        }
    if other:
        context["contextActivities"] = {
            "other": [
                {"objectType": "Activity", "id": vocabulary.activity_iri(*activity)}
                for activity in other
            ]
        }
    module_id = activity_id if activity_kind == "module" else (parent or (None,))[-1]
    statement_record(
        user=user,
        verb=getattr(vocabulary, verb),
        activity_id=vocabulary.activity_iri(activity_kind, activity_id),
        activity_type=_ACTIVITY_TYPES[activity_kind],
        activity_name=activity_name,
        result=result,
        context=context or None,
        registration=enrolment.registration,
        parent_activity_ids=[vocabulary.activity_iri(*parent)] if parent else (),
        grouping_activity_ids=_paths_grouping(module_id),
        timestamp=timestamp,
    )


def _paths_grouping(module_id) -> list[str]:
    """The learning paths the module is part of: the statement's *grouping*
    context activities (a path is a course of modules in ADL's hierarchy)."""
    if module_id is None:
        return []
    path_ids = LearningPathModule.objects.filter(module_id=module_id).values_list(
        "path_id", flat=True
    )
    return [vocabulary.activity_iri("learning-path", pk) for pk in sorted(path_ids)]


def _module_activity(module: ModulePage) -> tuple[str, object]:
    return ("module", module.pk)


def _scenario_context(scenario_id: str) -> list[tuple[str, object]]:
    """The scenario as a context activity, when its identifier can be one (an
    editor may have typed anything before the scenario chooser existed)."""
    try:
        vocabulary.activity_iri("scenario", scenario_id)
    except ValueError:
        return []
    return [("scenario", scenario_id)]


# --- Enrolment -----------------------------------------------------------------


def _lock(enrolment: Enrolment) -> Enrolment:
    # Serialises concurrent answers of one learner (attempt numbers, completion).
    return Enrolment.objects.select_for_update().get(pk=enrolment.pk)


def _enrolment_create(*, user, module: ModulePage, attempt: int) -> Enrolment:
    now = _now()
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=user,
                module=module,
                attempt=attempt,
                started_at=now,
                last_activity_at=now,
            )
    except IntegrityError:
        # A second tab or a double click started the same attempt just now.
        return Enrolment.objects.get(user=user, module=module, attempt=attempt)
    for verb in ("LAUNCHED", "INITIALIZED"):
        _record(
            user=user,
            verb=verb,
            activity_kind="module",
            activity_id=module.pk,
            activity_name=module.title,
            enrolment=enrolment,
            # The attempt at the module (1, then 2 for a retake, ...).
            extensions={"attempt": attempt},
            timestamp=now,
        )
    return enrolment


@transaction.atomic
def enrolment_start(*, user, module: ModulePage) -> Enrolment:
    """The learner's current enrolment in ``module``, started if there is none.
    A completed or failed enrolment is returned as it is: a retake is explicit."""
    latest = enrolment_latest(user=user, module=module)
    if latest is not None:
        return latest
    return _enrolment_create(user=user, module=module, attempt=1)


@transaction.atomic
def enrolment_retake(*, user, module: ModulePage) -> Enrolment:
    """A fresh attempt (and xAPI registration) after a failed one."""
    latest = enrolment_latest(user=user, module=module)
    if latest is None:
        return _enrolment_create(user=user, module=module, attempt=1)
    if latest.status != Enrolment.Status.FAILED:
        raise EnrolmentNotRetakeable()
    return _enrolment_create(user=user, module=module, attempt=latest.attempt + 1)


# --- Lessons -------------------------------------------------------------------


@transaction.atomic
def lesson_visit_record(*, user, lesson: LessonPage) -> LessonVisit:
    """The learner came to ``lesson``: it counts as seen, and it is where they
    continue next time.

    Each arrival is an "experienced" statement (the first one, and every return
    from another lesson), which is what the projection is rebuilt from. Reloading
    the lesson the learner is already on changes nothing and records nothing."""
    module = module_of_lesson(lesson=lesson)
    enrolment = enrolment_start(user=user, module=module)
    now = _now()
    visit, created = LessonVisit.objects.get_or_create(
        enrolment=enrolment,
        lesson=lesson,
        defaults={"first_visited_at": now, "last_visited_at": now},
    )
    if not created and enrolment.last_lesson_id == lesson.pk:
        return visit
    if not created:
        LessonVisit.objects.filter(pk=visit.pk).update(
            last_visited_at=now, visit_count=F("visit_count") + 1
        )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson=lesson, last_activity_at=now
    )
    _record(
        user=user,
        verb="EXPERIENCED",
        activity_kind="lesson",
        activity_id=lesson.pk,
        activity_name=lesson.title,
        enrolment=enrolment,
        parent=_module_activity(module),
        timestamp=now,
    )
    if created and enrolment.is_open:
        module_completion_evaluate(enrolment=enrolment)
    return visit


# --- Knowledge checks ----------------------------------------------------------


@dataclass(frozen=True)
class AnswerFeedback:
    answer: QuestionAnswer
    state: QuestionState

    @property
    def marking(self) -> Marking:
        return self.state.marking

    @property
    def correct(self) -> bool:
        return self.answer.correct

    @property
    def points(self) -> Decimal:
        return (self.answer.score_fraction * self.answer.points_possible).quantize(
            Decimal("0.01")
        )

    @property
    def attempts_left(self) -> int | None:
        return self.state.attempts_left

    @property
    def solution(self) -> list[str] | None:
        """The right answer, once the question is closed and was not answered right."""
        if self.state.is_final and not self.state.is_correct:
            return self.state.question.solution()
        return None


@transaction.atomic
def question_answer_submit(
    *,
    user,
    lesson: LessonPage,
    question_id: uuid.UUID | str,
    response: Mapping[str, Any],
) -> AnswerFeedback:
    """Mark one attempt at a knowledge-check question and store it.

    ``response`` is in the question kind's canonical form (courses.questions).
    Raises :class:`LookupError` when the lesson has no such question,
    :class:`AnswerInvalid` for an unusable response and :class:`QuestionClosed`
    when no attempt is left.
    """
    question: Question | None = lesson_items(lesson.body.raw_data).question(question_id)
    if question is None:
        raise LookupError(f"lesson {lesson.pk} has no question {question_id}")
    response = question.validate(response)
    module = module_of_lesson(lesson=lesson)
    enrolment = _lock(enrolment_start(user=user, module=module))
    if enrolment.status == Enrolment.Status.FAILED:
        raise QuestionClosed(
            _(
                "This attempt at the module has ended. Retake the module to answer again."
            )
        )
    previous = list(enrolment.answers.filter(question_id=question.id))
    state = question_state(question, module, previous)
    if state.is_correct:
        raise QuestionClosed(_("You have already answered this question correctly."))
    if state.attempts_left == 0:
        raise QuestionClosed(_("You have used all your attempts at this question."))

    marking = question.mark(response)
    # Attempts are numbered across answer-key versions; only the current
    # version's count against the limit.
    attempt = max((a.attempt for a in previous), default=0) + 1
    now = _now()
    answer = QuestionAnswer.objects.create(
        enrolment=enrolment,
        question_id=question.id,
        question_type=question.kind,
        fingerprint=question.fingerprint,
        lesson=lesson,
        attempt=attempt,
        response=response,
        score_fraction=marking.fraction,
        points_possible=question.points,
        correct=marking.correct,
        answered_at=now,
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    _record(
        user=user,
        verb="ANSWERED",
        activity_kind="question",
        activity_id=question.id,
        activity_name=question.prompt,
        enrolment=enrolment,
        parent=_module_activity(module),
        result={
            "response": question.xapi_response(response),
            "success": marking.correct,
            "score": {
                "scaled": float(marking.fraction),
                "raw": float(marking.fraction * question.points),
                "min": 0,
                "max": question.points,
            },
        },
        # What a rebuild of the projection needs besides the result.
        extensions={
            "attempt": attempt,
            "question-fingerprint": question.fingerprint,
            "question-type": question.kind,
            "lesson": lesson.pk,
        },
        timestamp=now,
    )
    module_completion_evaluate(enrolment=enrolment)
    state = question_state(question, module, [*previous, answer])
    return AnswerFeedback(answer=answer, state=state)


# --- Reflection and practice -----------------------------------------------------


@transaction.atomic
def reflection_save(
    *, user, lesson: LessonPage, block_id: uuid.UUID | str, text: str
) -> Reflection:
    """Keep the learner's answer to a reflection question, as plain text.

    Raises :class:`LookupError` when the lesson has no such reflection question
    and :class:`ValueError` when nothing is left after cleaning.
    """
    prompt = lesson_items(lesson.body.raw_data).reflection(block_id)
    if prompt is None:
        raise LookupError(f"lesson {lesson.pk} has no reflection {block_id}")
    cleaned = strip_html(text or "").strip()[:REFLECTION_MAX_LENGTH]
    if not cleaned:
        raise ValueError("empty reflection")
    module = module_of_lesson(lesson=lesson)
    enrolment = enrolment_start(user=user, module=module)
    now = timezone.now()
    reflection, _created = Reflection.objects.update_or_create(
        enrolment=enrolment,
        question_id=prompt.id,
        defaults={
            "lesson": lesson,
            "prompt": prompt.prompt,
            "text": cleaned,
            "updated_at": now,
        },
        create_defaults={
            "lesson": lesson,
            "prompt": prompt.prompt,
            "text": cleaned,
            "created_at": now,
            "updated_at": now,
        },
    )
    # The text itself stays out of the statement: coaches read it here, and the
    # LRS may forward statements to other systems.
    _record(
        user=user,
        verb="ANSWERED",
        activity_kind="question",
        activity_id=prompt.id,
        activity_name=prompt.prompt,
        enrolment=enrolment,
        parent=_module_activity(module),
        result={"completion": True},
    )
    return reflection


@transaction.atomic
def assignment_result_record(
    *,
    registration: uuid.UUID | str,
    assignment_id: uuid.UUID | str,
    passed: bool,
    sandbox_registration: uuid.UUID | str | None = None,
) -> AssignmentResult:
    """The sandbox reports the outcome of a practice assignment started from a
    lesson (``registration`` is the enrolment's). Raises LookupError for an
    unknown enrolment or assignment."""
    enrolment = _lock(Enrolment.objects.get(registration=registration))
    outline = module_outline(module=enrolment.module)
    assignment = next(
        (a for a in outline.assignments if a.id == str(assignment_id)), None
    )
    if assignment is None:
        raise LookupError(f"module has no practice assignment {assignment_id}")
    now = _now()
    result = AssignmentResult.objects.create(
        enrolment=enrolment,
        assignment_id=assignment.id,
        scenario_id=assignment.scenario_id,
        passed=passed,
        sandbox_registration=sandbox_registration,
        recorded_at=now,
    )
    # The sandbox records its own statements about the scenario (in its own
    # registration); this one says the module's practice assignment was passed or
    # failed, in the enrolment's registration, with the scenario as context.
    extensions: dict[str, Any] = {"scenario": assignment.scenario_id}
    if sandbox_registration:
        extensions["sandbox-registration"] = str(sandbox_registration)
    _record(
        user=enrolment.user,
        verb="PASSED" if passed else "FAILED",
        activity_kind="assessment",
        activity_id=assignment.id,
        activity_name=assignment.title or assignment.scenario_id,
        enrolment=enrolment,
        parent=_module_activity(enrolment.module),
        result={"success": bool(passed), "completion": True},
        extensions=extensions,
        other=_scenario_context(assignment.scenario_id),
        timestamp=now,
    )
    module_completion_evaluate(enrolment=enrolment)
    return result


# --- Completion ------------------------------------------------------------------


@transaction.atomic
def module_completion_evaluate(*, enrolment: Enrolment) -> ModuleProgress:
    """Weigh the enrolment against the module as it is now; record completion
    (passed) or failure once. A finished enrolment stays finished, whatever
    editors change later."""
    enrolment = _lock(enrolment)
    module = enrolment.module
    progress = progress_for(outline=module_outline(module=module), enrolment=enrolment)
    if not enrolment.is_open:
        return progress
    if progress.is_complete:
        enrolment.status = Enrolment.Status.COMPLETED
    elif progress.is_failed:
        enrolment.status = Enrolment.Status.FAILED
    else:
        return progress
    enrolment.finished_at = _now()
    enrolment.score_percent = progress.score_percent
    enrolment.save(update_fields=["status", "finished_at", "score_percent"])
    progress.enrolment = enrolment
    result: dict[str, Any] = {}
    if progress.score_percent is not None:
        result["score"] = {"scaled": float(progress.score_percent / 100)}
    verbs = ["COMPLETED", "PASSED"] if progress.is_complete else ["FAILED"]
    for verb in verbs:
        _record(
            user=enrolment.user,
            verb=verb,
            activity_kind="module",
            activity_id=module.pk,
            activity_name=module.title,
            enrolment=enrolment,
            result={
                **result,
                "success": progress.is_complete,
                "completion": progress.is_complete,
            },
            timestamp=enrolment.finished_at,
        )
    return progress


# --- Editing ------------------------------------------------------------------------

_INTERACTIVE_BLOCK_TYPES = {
    *QUESTION_BLOCK_TYPES,
    REFLECTION_BLOCK_TYPE,
    ASSIGNMENT_BLOCK_TYPE,
}


@transaction.atomic
def lesson_copies_renew_ids(*, page, user=None) -> int:
    """Give the questions, reflections and assignments of copied lessons new ids.

    Answers are tied to block ids; a copied lesson is new content, and a copy
    placed in the same module would otherwise share its questions' answers with
    the original. ``page`` is the copy (a lesson, or a module copied with its
    lessons). Returns the number of lessons changed.
    """
    lessons = LessonPage.objects.descendant_of(page, inclusive=True).filter(
        alias_of__isnull=True
    )
    changed = 0
    for lesson in lessons:
        raw = list(lesson.body.raw_data)
        if not any(item.get("type") in _INTERACTIVE_BLOCK_TYPES for item in raw):
            continue
        lesson.body = [
            {**item, "id": str(uuid.uuid4())}
            if item.get("type") in _INTERACTIVE_BLOCK_TYPES
            else item
            for item in raw
        ]
        revision = lesson.save_revision(user=user, log_action=False, clean=False)
        if lesson.live:
            revision.publish(user=user, log_action=False)
        changed += 1
    return changed


# --- Assignments and reminders ----------------------------------------------------


class AssignmentInvalid(CoursesError):
    """The assignment does not say what, for whom or by when."""


@transaction.atomic
def assignment_create(
    *,
    actor,
    due_date: date,
    target_type: str,
    path: LearningPath | None = None,
    module: ModulePage | None = None,
    people: Iterable = (),
    department: Department | None = None,
    job_function: JobFunction | None = None,
    mandatory: bool = True,
) -> Assignment:
    """HR assigns a learning path or a module to people, a department or a job
    function. Who it reaches is resolved when asked (``assignments_for``)."""
    if actor is not None and not actor.has_perm("courses.add_assignment"):
        raise PermissionDenied
    people = list(people)
    if (path is None) == (module is None):
        raise AssignmentInvalid(_("Choose either a learning path or a module."))
    target = Assignment.Target(target_type)
    if target == Assignment.Target.PERSONS and not people:
        raise AssignmentInvalid(_("Choose at least one person."))
    if target == Assignment.Target.DEPARTMENT and department is None:
        raise AssignmentInvalid(_("Choose a department."))
    if target == Assignment.Target.FUNCTION and job_function is None:
        raise AssignmentInvalid(_("Choose a job function."))
    assignment = Assignment.objects.create(
        path=path,
        module=module,
        target_type=target,
        department=department if target == Assignment.Target.DEPARTMENT else None,
        job_function=job_function if target == Assignment.Target.FUNCTION else None,
        due_date=due_date,
        mandatory=mandatory,
        assigned_by=actor,
    )
    if target == Assignment.Target.PERSONS:
        assignment.people.set(people)
    return assignment


@transaction.atomic
def assignment_update(
    *, actor, assignment: Assignment, due_date: date, mandatory: bool
) -> Assignment:
    """Move the due date or change the mandatory flag. A new due date brings
    fresh reminders (the reminder log is kept per due date)."""
    if actor is not None and not actor.has_perm("courses.change_assignment"):
        raise PermissionDenied
    assignment.due_date = due_date
    assignment.mandatory = mandatory
    assignment.save(update_fields=["due_date", "mandatory"])
    return assignment


@transaction.atomic
def assignment_withdraw(*, actor, assignment: Assignment) -> Assignment:
    """Take an assignment back: learners no longer see it and get no reminders.
    Their progress in the modules stays theirs."""
    if actor is not None and not actor.has_perm("courses.delete_assignment"):
        raise PermissionDenied
    if assignment.withdrawn_at is None:
        assignment.withdrawn_at = timezone.now()
        assignment.withdrawn_by = actor
        assignment.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return assignment


def _reminder_mail(*, user, reminders: list[DueReminder]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        lines = []
        for reminder in reminders:
            due = date_format(reminder.assignment.due_date, "j F Y")
            if reminder.kind == ReminderSent.Kind.OVERDUE:
                line = gettext("%(title)s: was due on %(date)s.")
            else:
                line = gettext("%(title)s: due on %(date)s.")
            line = line % {"title": reminder.assignment.content_title, "date": due}
            if f"- {line}" not in lines:
                lines.append(f"- {line}")
        overdue = any(r.kind == ReminderSent.Kind.OVERDUE for r in reminders)
        subject = (
            gettext("Zaakwijs: training past its due date")
            if overdue
            else gettext("Zaakwijs: training due soon")
        )
        body = "\n".join(
            [
                gettext("Hello %(name)s,")
                % {"name": user.first_name or user.get_full_name() or user.email},
                "",
                gettext("This training assigned to you is not completed yet:"),
                "",
                *lines,
                "",
                gettext("See what to do next on My learning: %(url)s")
                % {"url": my_learning_absolute_url()},
            ]
        )
    send_mail(subject, body, None, [user.email])


def learning_reminders_send(*, today: date | None = None) -> int:
    """E-mail each learner about assigned training that is due within a week,
    due within a day, or overdue, and not completed. Each reminder goes once
    (``ReminderSent``), so this can run as often as you like. Returns the number
    of e-mails sent."""
    today = today or timezone.localdate()
    sent = 0
    for user, reminders in reminders_due(today=today).items():
        try:
            with transaction.atomic():
                for reminder in reminders:
                    ReminderSent.objects.create(
                        assignment=reminder.assignment,
                        user=user,
                        kind=reminder.kind,
                        due_date=reminder.assignment.due_date,
                    )
                # Sent inside the transaction: if mailing fails, the log rows go
                # too and the next run tries again.
                _reminder_mail(user=user, reminders=reminders)
        except IntegrityError:
            # Another run sent these just now.
            continue
        sent += 1
    return sent
