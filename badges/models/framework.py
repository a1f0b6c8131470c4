from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

# Levels are small integers so "at least level 2" is a comparison; each
# competence names its own levels (ProficiencyLevel).
LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Competence(ClusterableModel):
    """A competence of the framework; its levels (with their behavioural indicators)
    and the functions that require it are edited on the same admin page."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Short stable code, used in imports and badge alignments."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=100, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ProficiencyLevel(ClusterableModel):
    competence = ParentalKey(
        Competence,
        on_delete=models.CASCADE,
        related_name="levels",
        verbose_name=_("competence"),
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["competence", "level"]
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        constraints = [
            models.UniqueConstraint(
                fields=["competence", "level"], name="proficiency_level_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competence.code} {self.level}: {self.name}"


class BehaviouralIndicator(models.Model):
    """What an observer sees someone do at this level."""

    level = ParentalKey(
        ProficiencyLevel,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("level"),
    )
    text = models.TextField(_("indicator"))
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["level", "sort_order", "pk"]
        verbose_name = _("behavioural indicator")
        verbose_name_plural = _("behavioural indicators")

    def __str__(self) -> str:
        return self.text


class FunctionRequirement(models.Model):
    """The level a job function requires of a competence."""

    job_function = models.ForeignKey(
        "organisation.JobFunction",
        on_delete=models.CASCADE,
        related_name="competence_requirements",
        verbose_name=_("job function"),
    )
    competence = ParentalKey(
        Competence,
        on_delete=models.CASCADE,
        related_name="requirements",
        verbose_name=_("competence"),
    )
    level = models.PositiveSmallIntegerField(
        _("required level"), validators=LEVEL_VALIDATORS
    )

    class Meta:
        ordering = ["job_function", "competence"]
        verbose_name = _("function requirement")
        verbose_name_plural = _("function requirements")
        constraints = [
            models.UniqueConstraint(
                fields=["job_function", "competence"],
                name="function_requirement_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.job_function}: {self.competence.code} ≥ {self.level}"


class CompetenceSignOff(models.Model):
    """An ICT expert saw a colleague do the real work at this level.

    Written by the coaching services (which also record the xAPI statement, with
    the coach as instructor); counts for badge criteria and the competence profile.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="competence_signoffs",
        verbose_name=_("learner"),
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="competence_signoffs_given",
        verbose_name=_("coach"),
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        related_name="signoffs",
        verbose_name=_("competence"),
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    note = models.TextField(_("note"), blank=True)
    observed_on = models.DateField(_("observed on"), default=timezone.localdate)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    statement_id = models.UUIDField(_("xAPI statement"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("competence sign-off")
        verbose_name_plural = _("competence sign-offs")
        indexes = [models.Index(fields=["learner", "competence"])]

    def __str__(self) -> str:
        return f"{self.learner} {self.competence.code} {self.level}"


class EmployeeCompetence(models.Model):
    """Projection: a person's current level of a competence, from valid awards
    and sign-offs. Rebuilt by ``badges.services.competence_levels_refresh``; never
    edited by hand."""

    class Source(models.TextChoices):
        BADGE = "badge", _("badge")
        SIGNOFF = "signoff", _("coach sign-off")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="competence_levels",
    )
    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="employee_levels"
    )
    level = models.PositiveSmallIntegerField(validators=LEVEL_VALIDATORS)
    source = models.CharField(max_length=10, choices=Source.choices)
    achieved_at = models.DateTimeField()
    # The earliest expiry among what holds the level up; null = does not expire.
    expires_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("employee competence level")
        verbose_name_plural = _("employee competence levels")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "competence"], name="employee_competence_unique"
            )
        ]
        indexes = [models.Index(fields=["competence", "level"])]

    def __str__(self) -> str:
        return f"{self.user} {self.competence.code} {self.level}"
