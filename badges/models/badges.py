import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .framework import LEVEL_VALIDATORS, Competence


class BadgeClass(ClusterableModel):
    """What a badge attests and how it is earned (an OB 2.0 BadgeClass, an OB 3.0
    Achievement)."""

    class Rule(models.TextChoices):
        ALL = "all", _("all criteria")
        ANY = "any", _("any criterion")
        N_OF = "n_of", _("at least N criteria")

    # Public, stable: part of the hosted URLs and the credential's achievement id.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    # Uploaded image; when empty the image is generated from the name and level.
    image = models.ImageField(_("image"), upload_to="badges/", blank=True)
    criteria_text = models.TextField(
        _("criteria"), help_text=_("In words, for the learner and for verifiers.")
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="badge_classes",
        verbose_name=_("competence attested"),
    )
    level = models.PositiveSmallIntegerField(
        _("level attested"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    rule = models.CharField(
        _("combine criteria"), max_length=5, choices=Rule.choices, default=Rule.ALL
    )
    required_count = models.PositiveSmallIntegerField(
        _("N (for 'at least N')"), null=True, blank=True
    )
    valid_for_days = models.PositiveIntegerField(
        _("valid for (days)"),
        null=True,
        blank=True,
        help_text=_("Empty: does not expire. Otherwise recertification is needed."),
    )
    is_active = models.BooleanField(
        _("awarded automatically"),
        default=True,
        help_text=_("Inactive badges are no longer evaluated; awards stay valid."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        constraints = [
            models.CheckConstraint(
                condition=Q(competence__isnull=True, level__isnull=True)
                | Q(competence__isnull=False, level__isnull=False),
                name="badge_class_competence_with_level",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class BadgeCriterion(models.Model):
    """One machine-checkable condition. Which fields apply depends on ``kind``."""

    class Kind(models.TextChoices):
        MODULE_COMPLETED = "module_completed", _("module completed")
        MODULE_PASSED = "module_passed", _("module passed with a minimum score")
        SCENARIO_PASSED = "scenario_passed", _("practice scenario passed")
        SIGNOFF = "signoff", _("coach sign-off of a competence")
        BADGE_HELD = "badge_held", _("another badge held")

    badge_class = ParentalKey(
        BadgeClass,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("badge"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    module = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("module"),
    )
    # Scenarios are referred to by their stable slug (e.g. "mor-melding-eenvoudig").
    scenario_slug = models.SlugField(_("scenario"), max_length=80, blank=True)
    min_score = models.DecimalField(
        _("minimum score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competence"),
    )
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    required_badge = models.ForeignKey(
        BadgeClass,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("required badge"),
    )
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["badge_class", "sort_order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.badge_class}: {self.get_kind_display()}"


class BadgeAwardQuerySet(models.QuerySet):
    def current(self) -> "BadgeAwardQuerySet":
        return self.filter(is_current=True)

    def valid(self, at=None) -> "BadgeAwardQuerySet":
        at = at or timezone.now()
        return self.filter(is_current=True, revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=at)
        )


class BadgeAward(models.Model):
    """A badge held by a person (an OB 2.0 Assertion, an OB 3.0 credential)."""

    class Method(models.TextChoices):
        AUTOMATIC = "automatic", _("criteria met")
        MANUAL = "manual", _("awarded by HR")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge_class = models.ForeignKey(
        BadgeClass,
        on_delete=models.PROTECT,
        related_name="awards",
        verbose_name=_("badge"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="badge_awards",
        verbose_name=_("recipient"),
    )
    # Only one current award per badge and person (the database decides when two
    # workers race). A recertified badge is a new award; the old one stops being
    # current but stays verifiable.
    is_current = models.BooleanField(default=True)
    method = models.CharField(max_length=10, choices=Method.choices)
    awarded_at = models.DateTimeField(_("awarded at"), default=timezone.now)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("awarded by"),
    )
    narrative = models.TextField(_("narrative"), blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    expiry_notified_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    # OB 2.0 hashed recipient identity.
    recipient_salt = models.CharField(max_length=64)
    # Position in the Bitstring Status List (OB 3.0 revocation).
    status_list_index = models.PositiveIntegerField(unique=True)
    statement_id = models.UUIDField(_("xAPI statement"), null=True, blank=True)

    objects = BadgeAwardQuerySet.as_manager()

    class Meta:
        ordering = ["-awarded_at"]
        verbose_name = _("badge award")
        verbose_name_plural = _("badge awards")
        constraints = [
            models.UniqueConstraint(
                fields=["badge_class", "recipient"],
                condition=Q(is_current=True),
                name="badge_award_one_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.badge_class} → {self.recipient}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, at=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (at or timezone.now())


class AwardEvidence(models.Model):
    """Which record met which criterion."""

    award = models.ForeignKey(
        BadgeAward, on_delete=models.CASCADE, related_name="evidence"
    )
    criterion = models.ForeignKey(
        BadgeCriterion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    statement_id = models.UUIDField(null=True, blank=True)
    signoff = models.ForeignKey(
        "badges.CompetenceSignOff",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["award", "pk"]

    def __str__(self) -> str:
        return self.description or str(self.statement_id or self.signoff_id)
