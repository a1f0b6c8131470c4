"""Learning paths, and the training HR assigns with a due date.

A :class:`LearningPath` is an ordered list of modules, built by editors or HR as a
Wagtail snippet. An :class:`Assignment` gives a path or a single module to people,
a department or a job function. Who is assigned is resolved when asked
(:meth:`AssignmentQuerySet.for_user`), not copied at assignment time: a colleague
who joins the department later has the training too.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from lms.organisation.models import EmployeeProfile

VIEW_ASSIGNMENTS = "courses.view_assignment"


class LearningPath(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the path prepares for, shown to the learner."),
    )
    # For whom the path is meant: shown to editors and HR when they assign it.
    # Being in a target group does not assign the path; HR does (Assignment).
    target_functions = ParentalManyToManyField(
        "organisation.JobFunction",
        blank=True,
        related_name="learning_paths",
        verbose_name=_("target functions"),
    )
    target_departments = ParentalManyToManyField(
        "organisation.Department",
        blank=True,
        related_name="learning_paths",
        verbose_name=_("target departments"),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("target_functions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_departments", widget=forms.CheckboxSelectMultiple),
        InlinePanel("path_modules", heading=_("Modules, in order"), label=_("Module")),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def __str__(self) -> str:
        return self.title


class LearningPathModule(Orderable):
    path = ParentalKey(
        LearningPath, on_delete=models.CASCADE, related_name="path_modules"
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("module"),
    )

    panels = [PageChooserPanel("module", "courses.ModulePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("module of a learning path")
        verbose_name_plural = _("modules of a learning path")
        constraints = [
            models.UniqueConstraint(
                fields=["path", "module"], name="courses_path_module_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.path_id}: {self.module_id}"


class AssignmentQuerySet(models.QuerySet):
    def active(self) -> "AssignmentQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def for_user(self, user) -> "AssignmentQuerySet":
        """The assignments that reach ``user`` now: named personally, or through
        their current department or job function."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        profile = EmployeeProfile.objects.filter(user=user)
        T = Assignment.Target
        return self.filter(
            Q(
                target_type=T.PERSONS,
                pk__in=Assignment.people.through.objects.filter(user=user).values(
                    "assignment_id"
                ),
            )
            | Q(target_type=T.DEPARTMENT, department__in=profile.values("department"))
            | Q(target_type=T.FUNCTION, job_function__in=profile.values("job_function"))
        )

    def visible_to(self, user) -> "AssignmentQuerySet":
        """HR and administrators see every assignment; anyone else their own."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.has_perm(VIEW_ASSIGNMENTS):
            return self
        return self.for_user(user)


class Assignment(models.Model):
    """Training HR requires (or recommends) by a due date: a learning path or a
    single module, for people, a department or a job function."""

    class Target(models.TextChoices):
        PERSONS = "persons", _("People")
        DEPARTMENT = "department", _("A department")
        FUNCTION = "function", _("A job function")

    path = models.ForeignKey(
        LearningPath,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("learning path"),
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("module"),
    )
    target_type = models.CharField(
        _("assigned to"), max_length=20, choices=Target, default=Target.PERSONS
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="learning_assignments",
        verbose_name=_("people"),
    )
    department = models.ForeignKey(
        "organisation.Department",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learning_assignments",
        verbose_name=_("department"),
    )
    job_function = models.ForeignKey(
        "organisation.JobFunction",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learning_assignments",
        verbose_name=_("job function"),
    )
    due_date = models.DateField(_("due date"))
    mandatory = models.BooleanField(_("mandatory"), default=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    created_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    # Withdrawn rather than deleted: the reminders already sent keep their context.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("training assignment")
        verbose_name_plural = _("training assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(path__isnull=False, module__isnull=True)
                | Q(path__isnull=True, module__isnull=False),
                name="courses_assignment_path_or_module",
            ),
            models.CheckConstraint(
                condition=Q(target_type="persons", department__isnull=True)
                & Q(job_function__isnull=True)
                | Q(target_type="department", department__isnull=False)
                & Q(job_function__isnull=True)
                | Q(target_type="function", job_function__isnull=False)
                & Q(department__isnull=True),
                name="courses_assignment_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_title} ({self.target_label})"

    @property
    def content_title(self) -> str:
        return str(self.path.title if self.path_id else self.module.title)

    @property
    def target_label(self) -> str:
        if self.target_type == self.Target.DEPARTMENT:
            return str(self.department)
        if self.target_type == self.Target.FUNCTION:
            return str(self.job_function)
        return str(_("people"))


class ReminderSent(models.Model):
    """One reminder e-mailed to one person for one assignment: the log that makes
    ``send_learning_reminders`` safe to run as often as you like. The due date is
    part of the key, so moving the due date brings fresh reminders."""

    class Kind(models.TextChoices):
        WEEK = "7_days", _("A week before the due date")
        DAY = "1_day", _("A day before the due date")
        OVERDUE = "overdue", _("Overdue")

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="reminders"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    due_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user", "kind", "due_date"],
                name="courses_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id} → {self.user_id}: {self.kind}"
