"""The catalogue, module and lesson pages that editors build in Wagtail.

Pages own presentation. Everything a learner does on them (start, visit, answer,
reflect) goes through :mod:`courses.services`; what they show comes from
:mod:`courses.selectors`. Those modules import the models, so the pages import
them inside methods.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonBodyBlock

COVER_IMAGE_FILTER = "fill-640x360"


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip()]


class CourseCatalogPage(RoutablePageMixin, Page):
    """The one catalogue: every module lives directly under it. Its route
    ``mijn-leren/`` is the learner's "Mijn leren" dashboard."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    # Learning paths are snippets (courses.models.paths), not pages.
    subpage_types = ["courses.ModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.forms import CatalogueFilterForm
        from courses.selectors import catalogue_modules

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        filters = form.filters() if form.is_valid() else form.empty_filters()
        context.update(
            filter_form=form,
            filters_active=filters.active,
            cards=catalogue_modules(catalogue=self, user=request.user, filters=filters),
            my_learning_url=self.my_learning_url(request),
        )
        return context

    def my_learning_url(self, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage("my_learning")

    @path("mijn-leren/", name="my_learning")
    def my_learning_route(self, request):
        """The learner's own dashboard: only ever request.user's training."""
        from courses.selectors import my_learning

        return TemplateResponse(
            request,
            "courses/my_learning.html",
            {
                "page": self,
                "self": self,
                "request": request,
                "breadcrumb": [self],
                "learning": my_learning(user=request.user),
            },
        )


class ModulePage(RoutablePageMixin, Page):
    """A training module: what it teaches, for whom, and how it is completed."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences, shown in the catalogue."),
    )
    learning_objectives = models.TextField(
        _("learning objectives"),
        blank=True,
        help_text=_(
            'One per line, e.g. "You can register a zaak with the right zaaktype."'
        ),
    )
    target_functions = ParentalManyToManyField(
        "organisation.JobFunction",
        blank=True,
        related_name="modules",
        verbose_name=_("target functions"),
        help_text=_("Leave empty when the module is for everyone."),
    )
    estimated_duration = models.PositiveSmallIntegerField(
        _("estimated duration (minutes)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    competences = ParentalManyToManyField(
        "badges.Competence",
        blank=True,
        related_name="modules",
        verbose_name=_("competences addressed"),
        help_text=_("The competences of the framework this module helps build."),
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisites"),
        help_text=_(
            "Modules to complete first. Learners see them; they are advice, not a lock."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    cover_image_alt = models.CharField(
        _("cover image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with a cover image: what it shows."),
    )
    mandatory = models.BooleanField(
        _("mandatory"),
        default=False,
        help_text=_("Mandatory training for the target functions (or for everyone)."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "The share of the knowledge-check points needed to complete the module."
        ),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts per knowledge check"),
        default=3,
        validators=[MaxValueValidator(20)],
        help_text=_(
            "How often a learner may answer each question until it is right; 0 is no "
            "limit. A question can set its own number."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_alt")],
            heading=_("Cover image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_functions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("mandatory"),
                FieldPanel("estimated_duration"),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
                FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Audience"),
        ),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("max_attempts")],
            heading=_("Completion and retries"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.RelatedFields(
            "competences", [index.SearchField("name"), index.SearchField("code")]
        ),
        index.FilterField("mandatory"),
        index.FilterField("estimated_duration"),
    ]
    parent_page_types = ["courses.CourseCatalogPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def objectives(self) -> list[str]:
        return _lines(self.learning_objectives)

    def clean(self):
        super().clean()
        errors = {}
        if self.cover_image_id and not self.cover_image_alt.strip():
            errors["cover_image_alt"] = _("Describe the cover image.")
        prerequisite_ids = {module.pk for module in self.prerequisites.all()}
        if self.pk and self.pk in prerequisite_ids:
            errors["prerequisites"] = _("A module cannot be its own prerequisite.")
        elif self.pk and self._requires_itself_via(prerequisite_ids):
            errors["prerequisites"] = _(
                "These prerequisites would make the modules wait for each other."
            )
        if errors:
            raise ValidationError(errors)

    def _requires_itself_via(self, prerequisite_ids: set[int]) -> bool:
        through = ModulePage.prerequisites.through
        seen, frontier = set(), set(prerequisite_ids)
        while frontier:
            if self.pk in frontier:
                return True
            seen |= frontier
            frontier = (
                set(
                    through.objects.filter(from_modulepage_id__in=frontier).values_list(
                        "to_modulepage_id", flat=True
                    )
                )
                - seen
            )
        return False

    # --- learner routes --------------------------------------------------------

    def get_context(self, request, *args, progress=None, **kwargs):
        from courses.selectors import module_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            module_page_context(user=request.user, module=self, progress=progress)
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        request.is_preview = getattr(request, "is_preview", False)
        return self.render(request, progress=self._current_progress(request))

    @path("start/", name="start")
    def start_route(self, request):
        from courses.selectors import module_progress
        from courses.services import enrolment_start

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        enrolment_start(user=request.user, module=self)
        progress = module_progress(user=request.user, module=self)
        if progress.resume_lesson is None:
            messages.info(request, gettext("This module has no lessons yet."))
            return HttpResponseRedirect(self.get_url(request))
        return HttpResponseRedirect(progress.resume_lesson.get_url(request))

    @path("retake/", name="retake")
    def retake_route(self, request):
        from courses.services import EnrolmentNotRetakeable, enrolment_retake

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            enrolment_retake(user=request.user, module=self)
        except EnrolmentNotRetakeable as refused:
            messages.info(request, refused.message)
            return HttpResponseRedirect(self.get_url(request))
        return self.start_route(request)

    @path("result/", name="result")
    def result_route(self, request):
        from courses.selectors import module_result_context

        progress = self._current_progress(request)
        return self.render(
            request,
            template="courses/module_result.html",
            progress=progress,
            context_overrides=module_result_context(
                user=request.user, module=self, progress=progress
            ),
        )

    def _current_progress(self, request):
        """The learner's progress, recording completion first when an edit (a
        lesson removed, a question dropped) completed the module without the
        learner doing anything."""
        from courses.selectors import module_progress
        from courses.services import module_completion_evaluate

        progress = module_progress(user=request.user, module=self)
        if progress.status_outdated and not getattr(request, "is_preview", False):
            progress = module_completion_evaluate(enrolment=progress.enrolment)
        return progress


class LessonPage(RoutablePageMixin, Page):
    """One lesson of a module: text, media, knowledge checks, reflection, practice."""

    body = StreamField(LessonBodyBlock(), verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def module_path(self) -> str:
        return self.path[: -self.steplen]

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lesson_page_context(
                user=request.user,
                lesson=self,
                preview=getattr(request, "is_preview", False),
                answer_error=kwargs.get("answer_error"),
            )
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        from courses.services import lesson_visit_record

        if not getattr(request, "is_preview", False):
            lesson_visit_record(user=request.user, lesson=self)
        return super().index_route(request, *args, **kwargs)

    @path("answer/<uuid:question_id>/", name="answer")
    def answer_route(self, request, question_id):
        from courses.questions import AnswerInvalid, lesson_items
        from courses.services import QuestionClosed, question_answer_submit

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        lesson_url = self.get_url(request)
        question = lesson_items(self.body.raw_data).question(question_id)
        if question is None:
            messages.warning(
                request,
                gettext(
                    "This question has just been changed. Please look at it again."
                ),
            )
            return HttpResponseRedirect(lesson_url)
        try:
            response = question.response_from_form(request.POST)
            question_answer_submit(
                user=request.user,
                lesson=self,
                question_id=question.id,
                response=response,
            )
        except AnswerInvalid as error:
            # Shown again in place, with the error where the feedback goes.
            return self.render(request, answer_error=(question.id, error.message))
        except QuestionClosed as closed:
            messages.info(request, closed.message)
        return HttpResponseRedirect(f"{lesson_url}#feedback-{question.id}")

    @path("reflection/<uuid:block_id>/", name="reflection")
    def reflection_route(self, request, block_id):
        from courses.forms import ReflectionForm
        from courses.services import reflection_save

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        lesson_url = self.get_url(request)
        form = ReflectionForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["text"]))
            return HttpResponseRedirect(f"{lesson_url}#reflection-{block_id}")
        try:
            reflection_save(
                user=request.user,
                lesson=self,
                block_id=block_id,
                text=form.cleaned_data["text"],
            )
        except LookupError:
            messages.warning(
                request,
                gettext(
                    "This question has just been changed. Please look at it again."
                ),
            )
            return HttpResponseRedirect(lesson_url)
        except ValueError:
            messages.error(request, gettext("Write your reflection before saving it."))
            return HttpResponseRedirect(f"{lesson_url}#reflection-{block_id}")
        messages.success(request, gettext("Your reflection has been saved."))
        return HttpResponseRedirect(f"{lesson_url}#reflection-{block_id}")
