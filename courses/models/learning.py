"""What a learner did in a module: enrolments, lesson visits, answers, reflections
and practice results.

These rows are the platform's projection of the learner's xAPI statements (issue 4
item 5): every row can be rebuilt from a statement, and services write both in one
transaction (see the ``_record`` call sites in :mod:`courses.services`). Progress is
never stored as a number; it is computed from these rows against the *current*
module, so editing a module does not leave stale progress behind.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.roles import Role, user_has_role
from lms.organisation.models import EmployeeProfile


def _coached_by(user) -> Q:
    """Learners on the floors ``user`` coaches (ICT experts only)."""
    if not user_has_role(user, Role.COACH):
        return Q(pk__in=[])
    return Q(enrolment__user__profile__floor__coaches__user=user)


class EnrolmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EnrolmentQuerySet":
        """A learner's own; otherwise whoever may see the learner's employee profile
        (their floor's ICT expert, their manager, HR) sees their progress."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        visible_profiles = EmployeeProfile.objects.visible_to(user).values("user_id")
        return self.filter(Q(user=user) | Q(user_id__in=visible_profiles))


class LearnerWorkQuerySet(models.QuerySet):
    """Answers and reflections are personal: the learner and the ICT expert who
    coaches their floor see them, nobody else (not HR, not the manager)."""

    def visible_to(self, user) -> "LearnerWorkQuerySet":
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(Q(enrolment__user=user) | _coached_by(user)).distinct()


class Enrolment(models.Model):
    """One attempt of one learner at one module; a retake is a new enrolment.

    ``registration`` is the xAPI registration of every statement made within it.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        FAILED = "failed", _("Not passed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="course_enrolments",
        verbose_name=_("learner"),
    )
    # Deleting a module deletes its enrolments; the statements stay in the LRS.
    # Editors unpublish modules rather than delete them.
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("module"),
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    registration = models.UUIDField(
        _("xAPI registration"), default=uuid.uuid4, unique=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # Where "Continue where you left off" goes.
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last lesson"),
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The knowledge-check score when the module was completed or failed.
    score_percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["user", "module", "attempt"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "attempt"],
                name="courses_enrolment_unique_attempt",
            ),
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=Q(status="in_progress"),
                name="courses_enrolment_one_open_per_module",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.module_id} #{self.attempt}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class LessonVisit(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_visits"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="visits"
    )
    first_visited_at = models.DateTimeField(default=timezone.now)
    last_visited_at = models.DateTimeField(default=timezone.now)
    visit_count = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("lesson visit")
        verbose_name_plural = _("lesson visits")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="courses_visit_unique_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: lesson {self.lesson_id}"


class QuestionAnswer(models.Model):
    """One attempt at one knowledge-check question.

    ``question_id`` is the question block's stable UUID; ``fingerprint`` identifies
    the answer key the response was marked against, so that a later change to the
    question can be recognised (docs/courses.md). Feedback is not stored: it is
    derived from ``response`` and the question's current wording.
    """

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.UUIDField(_("question"), db_index=True)
    question_type = models.CharField(_("question type"), max_length=30)
    fingerprint = models.CharField(max_length=32)
    # Where the question was when answered; a question can move between lessons.
    lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    response = models.JSONField(_("response"))
    score_fraction = models.DecimalField(
        _("score (fraction)"), max_digits=5, decimal_places=4
    )
    points_possible = models.PositiveSmallIntegerField(_("points possible"))
    correct = models.BooleanField(_("correct"))
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    objects = LearnerWorkQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["enrolment", "question_id", "attempt"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "question_id", "attempt"],
                name="courses_answer_unique_attempt",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.question_id} #{self.attempt}"


class Reflection(models.Model):
    """A learner's answer to a reflection question. ``text`` has been through
    :func:`lms.core.sanitize.strip_html`: it holds no tags and its entities are
    escaped, so templates render it with ``|safe`` (and ``|linebreaksbr``)."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="reflections"
    )
    question_id = models.UUIDField(_("reflection question"), db_index=True)
    lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The question as the learner saw it, so a coach reads the answer in context
    # even after the question has been reworded.
    prompt = models.TextField(_("question"))
    text = models.TextField(_("reflection"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = LearnerWorkQuerySet.as_manager()

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "question_id"],
                name="courses_reflection_unique_question",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.question_id}"


class AssignmentResult(models.Model):
    """The outcome of a practice assignment, reported by the sandbox."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="assignment_results"
    )
    assignment_id = models.UUIDField(_("practice assignment"), db_index=True)
    scenario_id = models.CharField(_("sandbox scenario"), max_length=64)
    passed = models.BooleanField(_("passed"))
    # The sandbox attempt's own xAPI registration.
    sandbox_registration = models.UUIDField(null=True, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = LearnerWorkQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice result")
        verbose_name_plural = _("practice results")

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.scenario_id} ({self.passed})"
