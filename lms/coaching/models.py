"""Floor coaching: where to find an ICT expert, help requests with their
conversation, proposed visits, and the log of every look a coach takes at a
colleague's record.

Sign-offs of practical competence are ``badges.CompetenceSignOff`` rows; the
coaching services write them (see :mod:`lms.coaching.services`).
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from lms.accounts.roles import COACH_FLOOR


def coached_floor_ids(user, *, today=None) -> set[int]:
    """The floors ``user`` coaches now: their own, and those of the colleagues they
    stand in for today."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if not user.has_perm(COACH_FLOOR):
        return set()
    use_cache = today is None
    cached = getattr(user, "_coaching_floor_ids", None)
    if cached is not None and use_cache:
        return cached
    today = today or timezone.localdate()
    from lms.organisation.models import Floor

    own = Floor.objects.filter(coaches__user=user).values_list("pk", flat=True)
    covering = Floor.objects.filter(
        coaches__user__coach_absences__stand_in=user,
        coaches__user__coach_absences__starts_on__lte=today,
        coaches__user__coach_absences__ends_on__gte=today,
    ).values_list("pk", flat=True)
    floors = set(own) | set(covering)
    if use_cache:
        user._coaching_floor_ids = floors
    return floors


class CoachProfile(models.Model):
    """Where colleagues find an ICT expert, and when."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coach_profile",
        verbose_name=_("ICT expert"),
    )
    location = models.CharField(
        _("where to find me"),
        max_length=200,
        blank=True,
        help_text=_('For example "Desk 2.14, next to the coffee machine".'),
    )
    availability = models.CharField(
        _("when I am available"),
        max_length=200,
        blank=True,
        help_text=_('For example "Mon, Tue and Thu 9:00–16:00".'),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("user"),
        FieldPanel("location"),
        FieldPanel("availability"),
        FieldPanel("phone"),
    ]

    class Meta:
        verbose_name = _("ICT expert availability")
        verbose_name_plural = _("ICT expert availability")

    def __str__(self) -> str:
        return str(self.user.get_full_name() or self.user.email)


class CoachAbsenceQuerySet(models.QuerySet):
    def current(self, today=None) -> "CoachAbsenceQuerySet":
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today, ends_on__gte=today)


class CoachAbsence(models.Model):
    """An ICT expert is away; a stand-in takes their floors for the period."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coach_absences",
        verbose_name=_("ICT expert"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until (inclusive)"))
    stand_in = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coach_stand_ins",
        verbose_name=_("stand-in"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = CoachAbsenceQuerySet.as_manager()

    panels = [
        FieldPanel("coach"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("stand_in"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("absence and stand-in")
        verbose_name_plural = _("absences and stand-ins")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="coaching_absence_period",
            ),
            models.CheckConstraint(
                condition=~Q(stand_in=models.F("coach")),
                name="coaching_absence_other_stand_in",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.coach} {self.starts_on}–{self.ends_on}"


class HelpRequestQuerySet(models.QuerySet):
    def visible_to(self, user) -> "HelpRequestQuerySet":
        """A colleague sees their own requests; an ICT expert also those of the
        floors they coach (or stand in for). HR and administrators see the figures
        (``selectors.help_metrics``), not the conversations."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        condition = Q(learner=user)
        floors = coached_floor_ids(user)
        if floors:
            condition |= Q(floor__in=floors)
        return self.filter(condition)

    def open(self) -> "HelpRequestQuerySet":
        return self.exclude(status=HelpRequest.Status.RESOLVED)


class HelpRequest(models.Model):
    """A colleague asks the ICT experts of their floor for help."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        RESOLVED = "resolved", _("Resolved")

    class ContextKind(models.TextChoices):
        LESSON = "lesson", _("Lesson")
        QUESTION = "question", _("Knowledge check question")
        MODULE = "module", _("Module")
        SANDBOX = "sandbox", _("Practice environment")
        SCENARIO = "scenario", _("Practice scenario")
        OTHER = "other", _("Other page")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="help_requests",
        verbose_name=_("asked by"),
    )
    # The floor when the question was asked: it stays with that floor's coaches.
    floor = models.ForeignKey(
        "organisation.Floor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_requests",
        verbose_name=_("floor"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.OPEN
    )
    # Context, captured when the request is made.
    context_kind = models.CharField(
        _("asked from"), max_length=20, choices=ContextKind, default=ContextKind.OTHER
    )
    context_label = models.CharField(_("page"), max_length=300, blank=True)
    page_url = models.CharField(_("page address"), max_length=500, blank=True)
    # Stable ids of what the learner was doing, e.g. {"lesson": 12, "question":
    # "q-…"} or {"scenario": "mor-melding-eenvoudig", "workspace": "<uuid>",
    # "zaak": "ZAAK-…"}.
    context_ref = models.JSONField(_("context"), default=dict, blank=True)
    # The learner's last xAPI statements, summarised when the request was made.
    recent_actions = models.JSONField(_("recent actions"), default=list, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_requests_handled",
        verbose_name=_("handled by"),
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    first_response_at = models.DateTimeField(_("first response"), null=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        permissions = [
            (
                "view_help_metrics",
                _("Can see the response times of help requests per floor"),
            )
        ]
        indexes = [
            models.Index(fields=["floor", "status"]),
            models.Index(fields=["learner", "status"]),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_resolved(self) -> bool:
        return self.status == self.Status.RESOLVED


class HelpMessage(models.Model):
    """One message in the conversation of a help request."""

    request = models.ForeignKey(
        HelpRequest,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("help request"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("author"),
    )
    # Sanitised HTML (lms.core.sanitize), safe to render.
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.request_id} {self.author_id} {self.created_at:%Y-%m-%d %H:%M}"


def _attachment_path(instance, filename: str) -> str:
    # Unguessable folder; the original name is kept for the download only.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"coaching/{uuid.uuid4().hex}{suffix}"


class HelpAttachment(models.Model):
    """A file sent with a message; served only through the permission-checked view."""

    message = models.ForeignKey(
        HelpMessage, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=_attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class VisitProposal(models.Model):
    """The ICT expert proposes to drop by; the colleague accepts or declines."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="visits"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    starts_at = models.DateTimeField(_("time"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PROPOSED
    )
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("proposed visit")
        verbose_name_plural = _("proposed visits")

    def __str__(self) -> str:
        return f"{self.request_id} {self.starts_at:%Y-%m-%d %H:%M} {self.status}"


class CoachAccessLogQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CoachAccessLogQuerySet":
        """HR and administrators read the whole log; nobody else any of it."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.has_perm("coaching.view_coachaccesslog"):
            return self
        return self.none()


class CoachAccessLog(models.Model):
    """Who looked at whose personal record, what and when (never edited)."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("viewed by"),
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("colleague"),
    )
    what = models.CharField(_("what"), max_length=50)
    object_id = models.CharField(_("which"), max_length=100, blank=True)
    viewed_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = CoachAccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-viewed_at", "-pk"]
        verbose_name = _("access to a colleague's record")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["learner", "viewed_at"])]

    def __str__(self) -> str:
        return f"{self.viewer_id} → {self.learner_id} {self.what} {self.viewed_at}"
