"""Workspaces: one isolated practice case system per attempt, with its own clock."""

import uuid
from datetime import date, datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.roles import Role, user_has_role
from sandbox.validators import validate_rsin

# The fictitious municipality Zaakwijk. 123456782 passes the 11-proef and is a
# well-known test number, so no real organisation is impersonated.
DEMO_RSIN = "123456782"


class WorkspaceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "WorkspaceQuerySet":
        """The workspaces ``user`` may open: their own, and (read-only) those of
        the colleagues on a floor they coach. HR, managers and administrators see
        none: practice work belongs to the learner and their coach."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        condition = Q(owner=user)
        if user_has_role(user, Role.COACH):
            condition |= Q(owner__profile__floor__coaches__user=user)
        return self.filter(condition).distinct()

    def changeable_by(self, user) -> "WorkspaceQuerySet":
        """Only the owner acts in a workspace; a coach looks on."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(owner=user)


class Workspace(models.Model):
    """A learner's own practice zaaksysteem: zaken, documents, decisions, the
    action trace and a simulated clock, invisible to other learners."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sandbox_workspaces",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=200)
    # The organisation the practice cases are registered for (Zaak.bronorganisatie).
    bronorganisatie = models.CharField(
        _("source organisation (RSIN)"),
        max_length=9,
        default=DEMO_RSIN,
        validators=[validate_rsin],
    )
    # The sandbox clock stands still until the learner or the scenario moves it,
    # so a replay and an assessment give the same answer every time.
    clock = models.DateTimeField(_("sandbox time"))
    scopes = models.JSONField(
        _("authorisations"),
        default=list,
        blank=True,
        help_text=_("ZGW scopes the learner holds in this workspace."),
    )
    # Counters for identificaties and the action trace, per workspace.
    zaak_counter = models.PositiveIntegerField(default=0, editable=False)
    document_counter = models.PositiveIntegerField(default=0, editable=False)
    besluit_counter = models.PositiveIntegerField(default=0, editable=False)
    action_counter = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self) -> str:
        return self.name

    def sandbox_now(self) -> datetime:
        return self.clock

    def sandbox_today(self) -> date:
        return timezone.localdate(self.clock)

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])


class ActionLog(models.Model):
    """The ordered trace of everything done in a workspace, on the sandbox clock.

    Assessment reads it to judge order and timing (a verlenging before the term
    ran out, a status set after the documents were linked); refused attempts are
    kept too, with the rule that refused them.
    """

    class Outcome(models.TextChoices):
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused")

    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("workspace"),
    )
    sequence = models.PositiveIntegerField(_("sequence"))
    action = models.CharField(_("action"), max_length=50)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.DONE
    )
    rule = models.CharField(_("rule"), max_length=60, blank=True)
    # None when the scenario (not a person) acted, e.g. a citizen's reply arriving.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    zaak = models.ForeignKey(
        "sandbox.Zaak",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("case"),
    )
    payload = models.JSONField(_("details"), default=dict, encoder=DjangoJSONEncoder)
    sandbox_time = models.DateTimeField(_("sandbox time"))
    real_time = models.DateTimeField(_("real time"), default=timezone.now)

    class Meta:
        ordering = ["workspace", "sequence"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "sequence"], name="sandbox_actionlog_unique_seq"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sequence}. {self.action} ({self.outcome})"
