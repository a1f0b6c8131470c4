"""Practice scenarios (authored by editors as Wagtail snippets) and attempts.

An :class:`Attempt` is one learner's go at a scenario: its own workspace seeded
with the scenario's starting state, its own xAPI registration, and — once handed
in — the assessment. The scenario's definition is copied into the attempt when it
starts, so editing a scenario never changes the assessment of earlier attempts.
"""

from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin
from wagtail.search import index

from lms.accounts.roles import Role, user_has_role
from sandbox.models.catalogue import ZaakType
from sandbox.models.workspace import Workspace
from sandbox.scenarios import blocks


class Scenario(PreviewableMixin, index.Indexed, models.Model):
    class Level(models.IntegerChoices):
        BASIS = 1, _("Basic")
        ZELFSTANDIG = 2, _("Independent")
        EXPERT = 3, _("Expert")

    # The scenario's xAPI activity id and the key lessons and badges refer to.
    slug = models.SlugField(
        _("slug"),
        max_length=64,
        unique=True,
        help_text=_(
            "Stable identifier used by lessons, badges and learning records; "
            "cannot change once learners have started the scenario."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.BASIS
    )
    is_active = models.BooleanField(
        _("offered to learners"),
        default=True,
        help_text=_("Untick to hide the scenario from learners while you work on it."),
    )
    briefing = RichTextField(
        _("briefing"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("The situation and the learner's role, as they will read it."),
    )
    zaaktype = models.ForeignKey(
        ZaakType,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("case type"),
        help_text=_("The case type the scenario is about (for checks and the list)."),
    )
    clock_start = models.DateField(
        _("sandbox clock starts on"),
        help_text=_("The attempt starts at 09:00 on this day (sandbox time)."),
    )
    start_state = StreamField(
        blocks.StartStateBlock(),
        blank=True,
        verbose_name=_("starting state"),
    )
    tasks = StreamField(
        [("task", blocks.TaskBlock())], blank=True, verbose_name=_("tasks")
    )
    events = StreamField(
        [("event", blocks.EventBlock())], blank=True, verbose_name=_("events")
    )
    checks = StreamField(blocks.ChecksBlock(), verbose_name=_("checks"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        help_text=_("The share of the points needed to pass."),
    )
    competences = models.ManyToManyField(
        "badges.Competence",
        blank=True,
        related_name="+",
        verbose_name=_("competences"),
    )
    study = StreamField(
        [("link", blocks.StudyLinkBlock())],
        blank=True,
        verbose_name=_("what to study"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("summary"),
                FieldPanel("level"),
                FieldPanel("is_active"),
                FieldPanel("competences"),
            ],
            heading=_("Scenario"),
        ),
        FieldPanel("briefing"),
        MultiFieldPanel(
            [FieldPanel("zaaktype"), FieldPanel("clock_start")],
            heading=_("Case system"),
        ),
        FieldPanel("start_state"),
        FieldPanel("tasks"),
        FieldPanel("events"),
        FieldPanel("checks"),
        FieldPanel("pass_mark"),
        FieldPanel("study"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["level", "title"]
        verbose_name = _("practice scenario")
        verbose_name_plural = _("practice scenarios")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.pass_mark > 100:
            raise ValidationError({"pass_mark": _("At most 100%.")})
        if self.pk:
            old = Scenario.objects.filter(pk=self.pk).values_list("slug", flat=True)
            if (
                old
                and old[0] != self.slug
                and Attempt.objects.filter(scenario_id=self.pk).exists()
            ):
                raise ValidationError(
                    {
                        "slug": _(
                            "Learners have started this scenario, so its slug "
                            "can no longer change."
                        )
                    }
                )
        if self.zaaktype_id:
            from sandbox.scenarios.authoring import definition_problems

            problems = definition_problems(self)
            if problems:
                raise ValidationError(problems)

    # --- Preview (Wagtail) -----------------------------------------------------
    def get_preview_template(self, request, mode_name):
        return "sandbox/scenarios/scenario_preview.html"

    def get_preview_context(self, request, mode_name):
        from sandbox.scenarios.authoring import scenario_definition

        context = super().get_preview_context(request, mode_name)
        context["scenario"] = self
        context["definition"] = scenario_definition(self)
        context["is_preview"] = True
        return context


class AttemptQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AttemptQuerySet":
        """The learner's own attempts and, read-only, those of the colleagues on a
        floor ``user`` coaches. HR, managers and administrators see none: practice
        work belongs to the learner and their coach (as ``Workspace.visible_to``)."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        condition = Q(learner=user)
        if user_has_role(user, Role.COACH):
            condition |= Q(learner__profile__floor__coaches__user=user)
        return self.filter(condition).distinct()

    def in_progress(self) -> "AttemptQuerySet":
        return self.filter(status=Attempt.Status.IN_PROGRESS)

    def finished(self) -> "AttemptQuerySet":
        return self.filter(status=Attempt.Status.FINISHED)


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        FINISHED = "finished", _("Handed in")

    uuid = models.UUIDField(unique=True, default=uuid4, editable=False)
    scenario = models.ForeignKey(
        Scenario,
        on_delete=models.PROTECT,
        related_name="attempts",
        verbose_name=_("scenario"),
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="scenario_attempts",
        verbose_name=_("learner"),
    )
    number = models.PositiveIntegerField(_("attempt"), default=1)
    # Reset replaces the workspace; deleting the attempt deletes the workspace.
    workspace = models.OneToOneField(
        Workspace,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attempt",
        verbose_name=_("workspace"),
    )
    # The xAPI registration of every statement made in this attempt.
    registration = models.UUIDField(
        _("xAPI registration"), default=uuid4, unique=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("handed in at"), null=True, blank=True)
    definition = models.JSONField(_("scenario as started"), default=dict)
    # Key of each seeded case -> its identificatie in this workspace.
    seeded = models.JSONField(default=dict, blank=True)
    events_delivered = models.PositiveIntegerField(default=0)
    score = models.FloatField(_("score"), null=True, blank=True)  # 0..1
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    results = models.JSONField(_("check results"), default=list, blank=True)
    # Started from a lesson's practice assignment: reported back to courses.
    course_registration = models.UUIDField(null=True, blank=True)
    assignment_id = models.UUIDField(null=True, blank=True)
    return_url = models.CharField(max_length=500, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("scenario attempt")
        verbose_name_plural = _("scenario attempts")

    def __str__(self) -> str:
        return f"{self.scenario} #{self.number} ({self.learner})"

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.FINISHED

    @property
    def score_percent(self) -> int | None:
        return None if self.score is None else round(self.score * 100)
