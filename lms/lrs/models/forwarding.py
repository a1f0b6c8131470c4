"""Forwarding every statement to external LRSs, at least once and in storage order.

Each endpoint keeps a cursor (the last ``Statement.seq`` it has accepted); a task
sends the next batch after the cursor and moves it on. Statement ids make a repeated
delivery harmless at the receiving LRS.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ForwardingEndpoint(models.Model):
    class Version(models.TextChoices):
        V1_0_3 = "1.0.3", "xAPI 1.0.3"
        V2_0_0 = "2.0.0", "xAPI 2.0"

    name = models.CharField(_("name"), max_length=150)
    url = models.URLField(_("statements endpoint base URL"), max_length=500)
    username = models.CharField(_("username / key"), max_length=255, blank=True)
    password = models.CharField(_("password / secret"), max_length=255, blank=True)
    xapi_version = models.CharField(
        _("xAPI version"), max_length=8, choices=Version.choices, default=Version.V1_0_3
    )
    # Optional filter, e.g. {"verbs": [...], "activity_prefixes": [...]}; see
    # lms.lrs.forwarding.statement_filter_q for its meaning.
    statement_filter = models.JSONField(_("filter"), default=dict, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    batch_size = models.PositiveIntegerField(_("batch size"), default=100)

    cursor = models.BigIntegerField(default=0, editable=False)
    # Set when a drain task has been asked for and not yet started: statements
    # recorded meanwhile need no task of their own (coalescing).
    drain_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    # One drain at a time per endpoint, or batches could overtake each other. A lease
    # rather than a row lock: no transaction stays open while the remote answers.
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    lease_token = models.CharField(max_length=32, blank=True, editable=False)
    next_attempt_at = models.DateTimeField(null=True, blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("forwarding endpoint")
        verbose_name_plural = _("forwarding endpoints")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from lms.lrs.forwarding import statement_filter_errors

        errors = statement_filter_errors(self.statement_filter)
        if errors:
            raise ValidationError({"statement_filter": errors})


class ForwardingRejection(models.Model):
    """A statement the remote LRS refused with a 4xx: shown to admins, never retried."""

    endpoint = models.ForeignKey(
        ForwardingEndpoint,
        on_delete=models.CASCADE,
        related_name="rejections",
        verbose_name=_("endpoint"),
    )
    statement = models.ForeignKey(
        "lrs.Statement",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("statement"),
    )
    status_code = models.PositiveSmallIntegerField(_("status code"))
    message = models.TextField(_("message from the remote LRS"))
    created_at = models.DateTimeField(_("refused at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("refused statement")
        verbose_name_plural = _("refused statements")

    def __str__(self) -> str:
        return f"{self.endpoint}: {self.status_code}"
