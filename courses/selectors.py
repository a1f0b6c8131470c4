"""Reads shared by the course pages and services.

Progress is computed, never stored: :func:`progress_compute` weighs what a learner
did (visits, answers, practice results) against the module as it is *now* (its live
lessons and their questions). That is what keeps progress meaningful when editors
change a module (docs/courses.md).

Every page's reads are a fixed number of queries, whatever the number of modules,
lessons or learners (tests/courses/test_query_counts.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from badges.models import Competence
from courses.blocks import (
    ASSIGNMENT_BLOCK_TYPE,
    QUESTION_BLOCK_TYPES,
    REFLECTION_BLOCK_TYPE,
)
from courses.models import (
    Assignment,
    AssignmentResult,
    CourseCatalogPage,
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
from courses.models.pages import COVER_IMAGE_FILTER
from courses.questions import (
    LessonItems,
    Marking,
    PracticeAssignment,
    Question,
    lesson_items,
)
from lms.organisation.models import JobFunction
from lms.organisation.selectors import employee_profile_for

_PERCENT = Decimal("0.1")

# --- The module as it is now -------------------------------------------------


@dataclass
class LessonEntry:
    page: LessonPage
    number: int
    items: LessonItems


@dataclass
class ModuleOutline:
    module: ModulePage
    lessons: list[LessonEntry]

    @cached_property
    def questions(self) -> list[Question]:
        # A question id appears once; should a copied lesson repeat one, the first
        # occurrence counts (the same UUID is the same question).
        seen: set[str] = set()
        result = []
        for entry in self.lessons:
            for question in entry.items.questions:
                if question.id not in seen:
                    seen.add(question.id)
                    result.append(question)
        return result

    @cached_property
    def assignments(self) -> list[PracticeAssignment]:
        return [a for entry in self.lessons for a in entry.items.assignments]

    def entry_for(self, lesson_id: int) -> LessonEntry | None:
        return next((e for e in self.lessons if e.page.pk == lesson_id), None)

    def lesson_of_question(self, question_id: str) -> LessonEntry | None:
        return next(
            (
                e
                for e in self.lessons
                if any(q.id == question_id for q in e.items.questions)
            ),
            None,
        )


def module_outline(*, module: ModulePage) -> ModuleOutline:
    """The module's live lessons in tree order, with their interactive blocks.
    A lesson that was deleted, unpublished or moved away is simply not here."""
    lessons = LessonPage.objects.live().child_of(module).order_by("path")
    return ModuleOutline(
        module=module,
        lessons=[
            LessonEntry(
                page=lesson, number=number, items=lesson_items(lesson.body.raw_data)
            )
            for number, lesson in enumerate(lessons, start=1)
        ],
    )


def module_of_lesson(*, lesson: LessonPage) -> ModulePage:
    return ModulePage.objects.get(path=lesson.module_path())


# --- The learner's state -----------------------------------------------------


def enrolment_latest(*, user, module: ModulePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, module=module).order_by("-attempt").first()
    )


@dataclass
class QuestionState:
    question: Question
    # Attempts under the question's current answer key, oldest first.
    answers: list[QuestionAnswer]
    attempts_allowed: int | None  # None: no limit
    # Answered, but only under an answer key that has since changed.
    answered_earlier_version: bool = False

    @property
    def attempts_used(self) -> int:
        return len(self.answers)

    @property
    def attempts_left(self) -> int | None:
        if self.attempts_allowed is None:
            return None
        return max(self.attempts_allowed - self.attempts_used, 0)

    @property
    def latest(self) -> QuestionAnswer | None:
        return self.answers[-1] if self.answers else None

    @property
    def is_answered(self) -> bool:
        return bool(self.answers)

    @property
    def is_correct(self) -> bool:
        return any(a.correct for a in self.answers)

    @property
    def is_final(self) -> bool:
        return self.is_correct or self.attempts_left == 0

    @property
    def can_answer(self) -> bool:
        return not self.is_final

    @property
    def best_fraction(self) -> Decimal:
        # The best attempt counts: retrying can only help.
        return max((a.score_fraction for a in self.answers), default=Decimal(0))

    @property
    def points_scored(self) -> Decimal:
        return (self.best_fraction * self.question.points).quantize(Decimal("0.01"))

    @cached_property
    def marking(self) -> Marking | None:
        """Feedback on the latest attempt, in the question's current words."""
        return self.question.mark(self.latest.response) if self.latest else None


def attempts_allowed(question: Question, module: ModulePage) -> int | None:
    allowed = question.max_attempts or module.max_attempts
    return allowed or None


def question_state(
    question: Question, module: ModulePage, answers: list[QuestionAnswer]
) -> QuestionState:
    """``answers``: every answer of the enrolment to this question id."""
    current = [a for a in answers if a.fingerprint == question.fingerprint]
    return QuestionState(
        question=question,
        answers=sorted(current, key=lambda a: a.attempt),
        attempts_allowed=attempts_allowed(question, module),
        answered_earlier_version=bool(answers) and not current,
    )


@dataclass
class LessonProgress:
    entry: LessonEntry
    seen: bool

    @property
    def page(self) -> LessonPage:
        return self.entry.page


@dataclass
class ModuleProgress:
    outline: ModuleOutline
    enrolment: Enrolment | None
    lessons: list[LessonProgress]
    question_states: dict[str, QuestionState]
    answers_by_question: dict[str, list[QuestionAnswer]]
    assignments_passed: set[str]
    points_scored: Decimal = Decimal(0)
    points_possible: int = 0
    unanswered: list[QuestionState] = field(default_factory=list)
    assignments_open: list[PracticeAssignment] = field(default_factory=list)

    @property
    def module(self) -> ModulePage:
        return self.outline.module

    @property
    def lessons_total(self) -> int:
        return len(self.lessons)

    @property
    def lessons_seen(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.seen)

    @property
    def lessons_unseen(self) -> list[LessonProgress]:
        return [lesson for lesson in self.lessons if not lesson.seen]

    @property
    def percent_lessons_seen(self) -> int:
        if not self.lessons:
            return 0
        return round(100 * self.lessons_seen / self.lessons_total)

    @property
    def score_percent(self) -> Decimal | None:
        if not self.points_possible:
            return None
        percent = 100 * self.points_scored / self.points_possible
        return percent.quantize(_PERCENT, rounding=ROUND_HALF_UP)

    @property
    def meets_pass_mark(self) -> bool:
        score = self.score_percent
        return score is None or score >= self.module.pass_mark

    @property
    def has_questions(self) -> bool:
        return bool(self.question_states)

    @property
    def is_complete(self) -> bool:
        """Every lesson seen, every question answered with the score at or above
        the pass mark, every required practice assignment passed."""
        return (
            bool(self.lessons)
            and not self.lessons_unseen
            and not self.unanswered
            and self.meets_pass_mark
            and not self.assignments_open
        )

    @property
    def is_failed(self) -> bool:
        """Every question closed (right, or out of attempts) and the score below
        the pass mark: only a retake can help now."""
        return (
            self.has_questions
            and all(s.is_final for s in self.question_states.values())
            and not self.meets_pass_mark
        )

    @property
    def status(self) -> str | None:
        return self.enrolment.status if self.enrolment else None

    @property
    def status_outdated(self) -> bool:
        """The enrolment is open but the module is, by now, complete or failed."""
        return bool(
            self.enrolment
            and self.enrolment.is_open
            and (self.is_complete or self.is_failed)
        )

    @property
    def resume_lesson(self) -> LessonPage | None:
        """Where "Continue where you left off" goes: the last lesson visited, else
        the first not yet seen, else the first."""
        if not self.lessons:
            return None
        if self.enrolment and self.enrolment.last_lesson_id:
            entry = self.outline.entry_for(self.enrolment.last_lesson_id)
            if entry is not None:
                return entry.page
        unseen = self.lessons_unseen
        return (unseen[0] if unseen else self.lessons[0]).page


def progress_compute(
    *,
    outline: ModuleOutline,
    enrolment: Enrolment | None,
    visited_lesson_ids: set[int],
    answers: list[QuestionAnswer],
    passed_assignment_ids: set[str],
) -> ModuleProgress:
    by_question: dict[str, list[QuestionAnswer]] = defaultdict(list)
    for answer in answers:
        by_question[str(answer.question_id)].append(answer)
    states = {
        q.id: question_state(q, outline.module, by_question.get(q.id, []))
        for q in outline.questions
    }
    return ModuleProgress(
        outline=outline,
        enrolment=enrolment,
        lessons=[
            LessonProgress(entry=e, seen=e.page.pk in visited_lesson_ids)
            for e in outline.lessons
        ],
        question_states=states,
        answers_by_question=dict(by_question),
        assignments_passed=passed_assignment_ids,
        points_scored=sum((s.points_scored for s in states.values()), Decimal(0)),
        points_possible=sum(q.points for q in outline.questions),
        unanswered=[s for s in states.values() if not s.is_answered],
        assignments_open=[
            a
            for a in outline.assignments
            if a.required and a.id not in passed_assignment_ids
        ],
    )


def progress_for(
    *, outline: ModuleOutline, enrolment: Enrolment | None
) -> ModuleProgress:
    if enrolment is None:
        return progress_compute(
            outline=outline,
            enrolment=None,
            visited_lesson_ids=set(),
            answers=[],
            passed_assignment_ids=set(),
        )
    visited = set(
        LessonVisit.objects.filter(enrolment=enrolment).values_list(
            "lesson_id", flat=True
        )
    )
    answers = list(QuestionAnswer.objects.filter(enrolment=enrolment))
    passed = {
        str(assignment_id)
        for assignment_id in AssignmentResult.objects.filter(
            enrolment=enrolment, passed=True
        ).values_list("assignment_id", flat=True)
    }
    return progress_compute(
        outline=outline,
        enrolment=enrolment,
        visited_lesson_ids=visited,
        answers=answers,
        passed_assignment_ids=passed,
    )


def module_progress(*, user, module: ModulePage) -> ModuleProgress:
    return progress_for(
        outline=module_outline(module=module),
        enrolment=enrolment_latest(user=user, module=module),
    )


# --- Catalogue -----------------------------------------------------------------


DURATION_BUCKETS = {
    # key: (minimum, maximum) minutes, inclusive
    "short": (0, 15),
    "medium": (16, 45),
    "long": (46, None),
}


@dataclass(frozen=True)
class CatalogueFilters:
    query: str = ""
    function: JobFunction | None = None
    duration: str = ""
    mandatory: bool = False
    competence: Competence | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.query
            or self.function
            or self.duration
            or self.mandatory
            or self.competence
        )


def _competences_listed() -> QuerySet[Competence]:
    return Competence.objects.filter(is_active=True).order_by("sort_order", "code")


@dataclass
class ModuleCard:
    module: ModulePage
    functions: list[JobFunction]
    competences: list[Competence]
    enrolment: Enrolment | None
    lessons_total: int
    lessons_seen: int
    for_my_function: bool


def catalogue_modules(
    *, catalogue: CourseCatalogPage, user, filters: CatalogueFilters
) -> list[ModuleCard]:
    """The catalogue's live modules that match ``filters``, in tree order, with
    the learner's status. Search matches every word as part of the title,
    summary, objectives or competences: Dutch compounds (``zaak`` in
    ``zaaktype``) defeat full-text stemming."""
    modules = ModulePage.objects.live().child_of(catalogue)
    for term in filters.query.split()[:10]:
        modules = modules.filter(
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(learning_objectives__icontains=term)
            | Q(competences__name__icontains=term)
            | Q(competences__code__icontains=term)
        )
    if filters.function is not None:
        modules = modules.filter(target_functions=filters.function)
    if filters.duration in DURATION_BUCKETS:
        low, high = DURATION_BUCKETS[filters.duration]
        modules = modules.filter(estimated_duration__gte=low)
        if high is not None:
            modules = modules.filter(estimated_duration__lte=high)
    if filters.mandatory:
        modules = modules.filter(mandatory=True)
    if filters.competence is not None:
        modules = modules.filter(competences=filters.competence)
    if filters.query:
        # The competence terms join a to-many relation.
        modules = modules.distinct()
    modules = list(
        modules.order_by("path").prefetch_related(
            "target_functions",
            Prefetch("competences", queryset=_competences_listed()),
            Prefetch(
                "cover_image",
                queryset=get_image_model().objects.prefetch_renditions(
                    COVER_IMAGE_FILTER
                ),
            ),
        )
    )

    latest: dict[int, Enrolment] = {}
    for enrolment in Enrolment.objects.filter(
        user=user, module__in=[m.pk for m in modules]
    ).order_by("attempt"):
        latest[enrolment.module_id] = enrolment

    lesson_module: dict[int, int] = {}
    module_by_path = {m.path: m.pk for m in modules}
    lesson_rows = LessonPage.objects.live().filter(
        path__startswith=catalogue.path, depth=catalogue.depth + 2
    )
    for lesson_id, path in lesson_rows.values_list("pk", "path"):
        module_id = module_by_path.get(path[: -Page.steplen])
        if module_id is not None:
            lesson_module[lesson_id] = module_id
    lessons_total: dict[int, int] = defaultdict(int)
    for module_id in lesson_module.values():
        lessons_total[module_id] += 1

    lessons_seen: dict[int, int] = defaultdict(int)
    enrolment_module = {e.pk: e.module_id for e in latest.values()}
    visits = LessonVisit.objects.filter(enrolment__in=list(enrolment_module))
    for enrolment_id, lesson_id in visits.values_list("enrolment_id", "lesson_id"):
        if lesson_module.get(lesson_id) == enrolment_module[enrolment_id]:
            lessons_seen[enrolment_module[enrolment_id]] += 1

    profile = employee_profile_for(user=user)
    my_function_id = profile.job_function_id if profile else None
    cards = []
    for module in modules:
        functions = list(module.target_functions.all())
        cards.append(
            ModuleCard(
                module=module,
                functions=functions,
                competences=list(module.competences.all()),
                enrolment=latest.get(module.pk),
                lessons_total=lessons_total[module.pk],
                lessons_seen=lessons_seen[module.pk],
                for_my_function=any(f.pk == my_function_id for f in functions),
            )
        )
    return cards


# --- Page contexts ---------------------------------------------------------------


def _breadcrumb(*pages: Page) -> list[Page]:
    return [p for p in pages if p is not None]


def module_page_context(
    *, user, module: ModulePage, progress: ModuleProgress | None = None
) -> dict:
    progress = progress or module_progress(user=user, module=module)
    prerequisites = list(module.prerequisites.filter(live=True).order_by("path"))
    completed = set(
        Enrolment.objects.filter(
            user=user,
            module__in=[m.pk for m in prerequisites],
            status=Enrolment.Status.COMPLETED,
        ).values_list("module_id", flat=True)
    )
    catalogue = Page.objects.filter(path=module.path[: -module.steplen]).first()
    return {
        "progress": progress,
        "target_functions": list(module.target_functions.all()),
        # Through the page's own relation: a preview shows the draft's competences.
        "competences": list(
            module.competences.filter(is_active=True).order_by("sort_order", "code")
        ),
        "prerequisites": [(m, m.pk in completed) for m in prerequisites],
        "prerequisites_open": any(m.pk not in completed for m in prerequisites),
        "breadcrumb": _breadcrumb(catalogue),
    }


def modules_next(*, user, module: ModulePage, limit: int = 3) -> list[ModulePage]:
    """What to do after ``module``: the next module of the learner's assigned
    training (the most urgent first), then modules that build on it, then
    mandatory modules for the learner's function (or for everyone) not yet
    completed."""
    assigned: list[ModulePage] = []
    for item in my_learning(user=user).open_items:
        step = item.next_step
        if (
            step is not None
            and step.module.pk != module.pk
            and step.module.pk not in {m.pk for m in assigned}
        ):
            assigned.append(step.module)
    completed = set(
        Enrolment.objects.filter(
            user=user, status=Enrolment.Status.COMPLETED
        ).values_list("module_id", flat=True)
    ) | {module.pk}
    profile = employee_profile_for(user=user)
    for_me = Q(target_functions__isnull=True)
    if profile and profile.job_function_id:
        for_me |= Q(target_functions=profile.job_function_id)
    candidates = (
        ModulePage.objects.live()
        .exclude(pk__in=completed)
        .filter(Q(prerequisites=module) | (Q(mandatory=True) & for_me))
        .distinct()
        .order_by("path")
    )
    building_on = set(
        ModulePage.objects.live()
        .filter(prerequisites=module)
        .values_list("pk", flat=True)
    )
    ordered = sorted(candidates, key=lambda m: (m.pk not in building_on, m.path))
    assigned_ids = {m.pk for m in assigned}
    return [*assigned, *(m for m in ordered if m.pk not in assigned_ids)][:limit]


def module_result_context(
    *, user, module: ModulePage, progress: ModuleProgress | None = None
) -> dict:
    progress = progress or module_progress(user=user, module=module)
    return {
        "progress": progress,
        "next_modules": modules_next(user=user, module=module),
        "catalogue": Page.objects.filter(path=module.path[: -module.steplen]).first(),
    }


@dataclass
class QuestionView:
    question: Question
    state: QuestionState
    number: int
    form_enabled: bool
    error: str = ""
    action_url: str = ""
    seed: str = ""

    @property
    def dom_id(self) -> str:
        return f"question-{self.question.id}"

    @cached_property
    def previous(self) -> dict:
        """The latest response, to fill in the form again for a retry."""
        latest = self.state.latest
        return latest.response if latest else {}

    @cached_property
    def choices(self) -> list[dict]:
        chosen = set(self.previous.get("choices") or ()) | {self.previous.get("choice")}
        return [
            {"key": o.key, "text": o.text, "checked": o.key in chosen}
            for o in self.question.options
        ]

    @cached_property
    def steps(self) -> list[dict]:
        order = list(self.previous.get("order") or ())
        return [
            {
                "key": s.key,
                "text": s.text,
                "position": order.index(s.key) + 1 if s.key in order else None,
            }
            for s in self.question.presented_steps(self.seed)
        ]

    @property
    def positions(self) -> range:
        return range(1, len(self.question.steps) + 1)

    @cached_property
    def terms(self) -> list[dict]:
        matches = self.previous.get("matches") or {}
        return [
            {"key": p.key, "term": p.term, "selected": matches.get(p.key)}
            for p in self.question.pairs
        ]

    @cached_property
    def definitions(self) -> list[dict]:
        return [
            {"key": p.key, "definition": p.definition}
            for p in self.question.presented_definitions(self.seed)
        ]


@dataclass
class ReflectionView:
    id: str
    prompt: str
    guidance: str
    reflection: Reflection | None
    form_enabled: bool
    action_url: str


@dataclass
class AssignmentView:
    assignment: PracticeAssignment
    value: object  # the block's StructValue, for the rich-text instructions
    passed: bool
    launch_url: str | None


@dataclass
class BodyItem:
    block: object  # the StreamField child
    question: QuestionView | None = None
    reflection: ReflectionView | None = None
    assignment: AssignmentView | None = None


def _scenario_launch_url(
    *, scenario_id: str, enrolment: Enrolment | None, assignment_id: str = ""
) -> str | None:
    """The sandbox scenario's start page, with the enrolment's registration and
    the assignment id, so the finished attempt reports back through
    courses.services.assignment_result_record (and links back to the lesson).
    None when the sandbox offers no scenario with that slug."""
    from urllib.parse import urlencode

    from sandbox.scenarios.selectors import scenario_offered, scenario_start_url

    if scenario_offered(slug=scenario_id) is None:
        return None
    url = scenario_start_url(scenario_id)
    if enrolment is not None and assignment_id:
        url += "?" + urlencode(
            {"registration": str(enrolment.registration), "assignment": assignment_id}
        )
    return url


def lesson_page_context(
    *,
    user,
    lesson: LessonPage,
    preview: bool = False,
    answer_error: tuple[str, str] | None = None,
) -> dict:
    module = module_of_lesson(lesson=lesson)
    outline = module_outline(module=module)
    enrolment = enrolment_latest(user=user, module=module)
    progress = progress_for(outline=outline, enrolment=enrolment)
    # This page's own content: a preview shows the draft, not the live lesson.
    items = lesson_items(lesson.body.raw_data)
    reflections = {}
    if enrolment is not None and items.reflections:
        reflections = {
            str(r.question_id): r
            for r in Reflection.objects.filter(
                enrolment=enrolment, question_id__in=[r.id for r in items.reflections]
            )
        }
    can_write = not preview and (
        enrolment is None or enrolment.status != Enrolment.Status.FAILED
    )
    lesson_url = lesson.get_url() or ""
    seed = str(getattr(user, "pseudonym", user.pk))
    error_for, error_message = answer_error or (None, "")

    body = []
    question_number = 0
    for child in lesson.body:
        item = BodyItem(block=child)
        if child.block_type in QUESTION_BLOCK_TYPES:
            question = items.question(child.id)
            if question is None:
                continue
            question_number += 1
            state = question_state(
                question, module, progress.answers_by_question.get(question.id, [])
            )
            item.question = QuestionView(
                question=question,
                state=state,
                number=question_number,
                form_enabled=can_write and state.can_answer,
                error=error_message if error_for == question.id else "",
                action_url=lesson_url
                + lesson.reverse_subpage("answer", kwargs={"question_id": question.id}),
                seed=seed,
            )
        elif child.block_type == REFLECTION_BLOCK_TYPE:
            prompt = items.reflection(child.id)
            if prompt is None:
                continue
            item.reflection = ReflectionView(
                id=prompt.id,
                prompt=prompt.prompt,
                guidance=prompt.guidance,
                reflection=reflections.get(prompt.id),
                form_enabled=can_write,
                action_url=lesson_url
                + lesson.reverse_subpage("reflection", kwargs={"block_id": prompt.id}),
            )
        elif child.block_type == ASSIGNMENT_BLOCK_TYPE:
            assignment = next((a for a in items.assignments if a.id == child.id), None)
            if assignment is None:
                continue
            item.assignment = AssignmentView(
                assignment=assignment,
                value=child.value,
                passed=assignment.id in progress.assignments_passed,
                launch_url=_scenario_launch_url(
                    scenario_id=assignment.scenario_id,
                    enrolment=enrolment,
                    assignment_id=assignment.id,
                ),
            )
        body.append(item)

    entry = outline.entry_for(lesson.pk)
    index = outline.lessons.index(entry) if entry else None
    previous_lesson = next_lesson = None
    if index is not None:
        if index > 0:
            previous_lesson = outline.lessons[index - 1].page
        if index + 1 < len(outline.lessons):
            next_lesson = outline.lessons[index + 1].page
    catalogue = Page.objects.filter(path=module.path[: -module.steplen]).first()
    return {
        "module": module,
        "lesson_breadcrumb": _breadcrumb(catalogue, module),
        "progress": progress,
        "lesson_number": entry.number if entry else None,
        "body_items": body,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "result_url": (module.get_url() or "") + module.reverse_subpage("result"),
        "is_preview": preview,
        "enrolment_failed": enrolment is not None
        and enrolment.status == Enrolment.Status.FAILED,
    }


def catalogue_url() -> str | None:
    """The URL of the live course catalogue, for the site's main navigation."""
    from courses.models import CourseCatalogPage

    catalogue = CourseCatalogPage.objects.live().only("url_path").first()
    return catalogue.url if catalogue else None


# --- Learning paths, assignments and "Mijn leren" ----------------------------------


def assignments_for(*, user) -> QuerySet[Assignment]:
    """The training assigned to ``user`` now: to them by name, or to their current
    department or job function (so a newcomer in the department has it too)."""
    return (
        Assignment.objects.active()
        .for_user(user)
        .select_related("path", "module")
        .order_by("due_date", "pk")
    )


def assignment_learners(*, assignment: Assignment) -> QuerySet:
    """The active accounts an assignment reaches now."""
    users = get_user_model().objects.filter(is_active=True)
    if assignment.target_type == Assignment.Target.DEPARTMENT:
        return users.filter(profile__department=assignment.department_id)
    if assignment.target_type == Assignment.Target.FUNCTION:
        return users.filter(profile__job_function=assignment.job_function_id)
    return users.filter(learning_assignments=assignment)


class LearningStatus:
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    OVERDUE = "overdue"


@dataclass
class ModuleState:
    """One module as the learner stands in it, and the lesson to do next."""

    module: ModulePage
    enrolment: Enrolment | None
    lessons_total: int
    lessons_seen: int
    next_lesson: LessonPage | None

    @property
    def is_completed(self) -> bool:
        return bool(
            self.enrolment and self.enrolment.status == Enrolment.Status.COMPLETED
        )

    @property
    def is_failed(self) -> bool:
        return bool(self.enrolment and self.enrolment.status == Enrolment.Status.FAILED)


@dataclass
class LearningItem:
    """A learning path or a module on "Mijn leren": assigned (with the earliest due
    date of the assignments that give it) or started by the learner themselves."""

    modules: list[ModuleState]
    today: date
    path: LearningPath | None = None
    due_date: date | None = None
    mandatory: bool = False
    assigned: bool = False

    @property
    def is_path(self) -> bool:
        return self.path is not None

    @property
    def title(self) -> str:
        if self.path is not None:
            return self.path.title
        return self.modules[0].module.title if self.modules else ""

    @property
    def modules_completed(self) -> int:
        return sum(1 for m in self.modules if m.is_completed)

    @property
    def is_completed(self) -> bool:
        return bool(self.modules) and all(m.is_completed for m in self.modules)

    @property
    def is_started(self) -> bool:
        return any(m.enrolment is not None for m in self.modules)

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.due_date < self.today
            and not self.is_completed
        )

    @property
    def days_left(self) -> int | None:
        return None if self.due_date is None else (self.due_date - self.today).days

    @property
    def status(self) -> str:
        if self.is_completed:
            return LearningStatus.COMPLETED
        if self.is_overdue:
            return LearningStatus.OVERDUE
        if self.is_started:
            return LearningStatus.IN_PROGRESS
        return LearningStatus.ASSIGNED

    @property
    def next_step(self) -> ModuleState | None:
        """The first module (in the path's order) not yet completed."""
        return next((m for m in self.modules if not m.is_completed), None)

    @property
    def finished_at(self):
        dates = [m.enrolment.finished_at for m in self.modules if m.enrolment]
        return max((d for d in dates if d), default=None)


@dataclass
class MyLearning:
    items: list[LearningItem]

    def _with(self, status: str) -> list[LearningItem]:
        return [item for item in self.items if item.status == status]

    @property
    def overdue(self) -> list[LearningItem]:
        return self._with(LearningStatus.OVERDUE)

    @property
    def assigned(self) -> list[LearningItem]:
        return self._with(LearningStatus.ASSIGNED)

    @property
    def in_progress(self) -> list[LearningItem]:
        return self._with(LearningStatus.IN_PROGRESS)

    @property
    def completed(self) -> list[LearningItem]:
        done = self._with(LearningStatus.COMPLETED)
        return sorted(done, key=lambda i: i.finished_at or datetime.min, reverse=True)

    @property
    def open_items(self) -> list[LearningItem]:
        """What is still to do, the most urgent first."""
        return self.overdue + self.in_progress + self.assigned


def _next_lesson(
    lessons: list[LessonPage], seen: set[int], enrolment: Enrolment | None
) -> LessonPage | None:
    """The first lesson not yet seen; once all are seen (questions may still be
    open), where the learner left off."""
    if not lessons:
        return None
    unseen = next((lesson for lesson in lessons if lesson.pk not in seen), None)
    if unseen is not None:
        return unseen
    if enrolment and enrolment.last_lesson_id:
        last = next((x for x in lessons if x.pk == enrolment.last_lesson_id), None)
        if last is not None:
            return last
    return lessons[0]


def _module_states(*, user, modules: list[ModulePage]) -> dict[int, ModuleState]:
    """Three queries, whatever the number of modules and lessons."""
    if not modules:
        return {}
    latest: dict[int, Enrolment] = {}
    for enrolment in Enrolment.objects.filter(
        user=user, module__in=[m.pk for m in modules]
    ).order_by("attempt"):
        latest[enrolment.module_id] = enrolment

    under_modules = Q(pk__in=[])
    for module in modules:
        under_modules |= Q(path__startswith=module.path, depth=module.depth + 1)
    lessons_of: dict[int, list[LessonPage]] = defaultdict(list)
    module_by_path = {m.path: m.pk for m in modules}
    for lesson in (
        LessonPage.objects.live().filter(under_modules).defer("body").order_by("path")
    ):
        module_id = module_by_path.get(lesson.path[: -Page.steplen])
        if module_id is not None:
            lessons_of[module_id].append(lesson)

    seen: dict[int, set[int]] = defaultdict(set)
    if latest:
        enrolment_module = {e.pk: e.module_id for e in latest.values()}
        for enrolment_id, lesson_id in LessonVisit.objects.filter(
            enrolment__in=list(enrolment_module)
        ).values_list("enrolment_id", "lesson_id"):
            seen[enrolment_module[enrolment_id]].add(lesson_id)

    states = {}
    for module in modules:
        enrolment = latest.get(module.pk)
        lessons = lessons_of[module.pk]
        lesson_ids = {lesson.pk for lesson in lessons}
        finished = enrolment is not None and not enrolment.is_open
        states[module.pk] = ModuleState(
            module=module,
            enrolment=enrolment,
            lessons_total=len(lessons),
            lessons_seen=len(seen[module.pk] & lesson_ids),
            next_lesson=None
            if finished
            else _next_lesson(lessons, seen[module.pk], enrolment),
        )
    return states


def my_learning(*, user, today: date | None = None) -> MyLearning:
    """Everything on the learner's "Mijn leren": the paths and modules assigned to
    them and the modules they started themselves, with status and next step.
    A fixed number of queries, whatever the number of items, modules or lessons."""
    today = today or timezone.localdate()
    if not getattr(user, "is_authenticated", False):
        return MyLearning(items=[])
    assignments = list(assignments_for(user=user))

    # Several assignments can give the same path or module (personally and through
    # the department): one item, the earliest due date, mandatory if any says so.
    by_content: dict[tuple[str, int], list[Assignment]] = defaultdict(list)
    for assignment in assignments:
        if assignment.path_id:
            by_content[("path", assignment.path_id)].append(assignment)
        elif assignment.module.live:
            by_content[("module", assignment.module_id)].append(assignment)

    path_ids = [pk for kind, pk in by_content if kind == "path"]
    path_modules: dict[int, list[ModulePage]] = defaultdict(list)
    if path_ids:
        for row in (
            LearningPathModule.objects.filter(path__in=path_ids, module__live=True)
            .select_related("module")
            .order_by("path", "sort_order", "pk")
        ):
            path_modules[row.path_id].append(row.module)

    started = list(
        Enrolment.objects.filter(user=user, module__live=True)
        .exclude(module__in=[pk for kind, pk in by_content if kind == "module"])
        .select_related("module")
        .order_by("module_id", "-attempt")
        .distinct()
    )
    # A module the learner started that is part of an assigned path shows in the
    # path, not a second time on its own.
    in_paths = {m.pk for path_list in path_modules.values() for m in path_list}
    self_started: dict[int, ModulePage] = {}
    for enrolment in started:
        if enrolment.module_id not in in_paths:
            self_started.setdefault(enrolment.module_id, enrolment.module)

    modules: dict[int, ModulePage] = dict(self_started)
    for (kind, pk), given in by_content.items():
        if kind == "module":
            modules[pk] = given[0].module
    for path_list in path_modules.values():
        for module in path_list:
            modules.setdefault(module.pk, module)
    states = _module_states(user=user, modules=list(modules.values()))

    items = []
    for (kind, pk), given in by_content.items():
        due = min(a.due_date for a in given)
        mandatory = any(a.mandatory for a in given)
        if kind == "path":
            path = given[0].path
            item_modules = [states[m.pk] for m in path_modules[pk]]
        else:
            path, item_modules = None, [states[pk]]
        items.append(
            LearningItem(
                modules=item_modules,
                today=today,
                path=path,
                due_date=due,
                mandatory=mandatory,
                assigned=True,
            )
        )
    for module_id in self_started:
        items.append(LearningItem(modules=[states[module_id]], today=today))
    items.sort(
        key=lambda i: (
            i.due_date is None,
            i.due_date or today,
            not i.mandatory,
            i.title,
        )
    )
    return MyLearning(items=items)


@dataclass
class LearningSummary:
    """The compact "Mijn leren" for the home page."""

    url: str  # of "Mijn leren"; empty without a catalogue
    overdue: int
    assigned: int
    in_progress: int
    completed: int
    upcoming: list[LearningItem]

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.assigned or self.in_progress or self.completed)


def learning_summary_for(
    *, user, today: date | None = None, limit: int = 3, request=None
) -> LearningSummary:
    """For the home page card (courses/includes/my_learning_card.html)."""
    learning = my_learning(user=user, today=today)
    catalogue = CourseCatalogPage.objects.live().first()
    return LearningSummary(
        url=catalogue.my_learning_url(request) if catalogue else "",
        overdue=len(learning.overdue),
        assigned=len(learning.assigned),
        in_progress=len(learning.in_progress),
        completed=len(learning.completed),
        upcoming=learning.open_items[:limit],
    )


def my_learning_absolute_url() -> str:
    """The absolute address of "Mijn leren", for e-mails."""
    catalogue = CourseCatalogPage.objects.live().first()
    if catalogue is None:
        return settings.LMS_BASE_URL + "/"
    relative = catalogue.my_learning_url()
    return relative if "://" in relative else settings.LMS_BASE_URL + relative


# --- Reminders --------------------------------------------------------------------

REMINDER_WEEK_DAYS = 7
REMINDER_DAY_DAYS = 1


@dataclass(frozen=True)
class DueReminder:
    assignment: Assignment
    kind: str  # ReminderSent.Kind


def reminder_kind(*, due_date: date, today: date) -> str | None:
    """Which reminder a due date calls for today: a week before, a day before
    (or on the day), or once it has passed."""
    days_left = (due_date - today).days
    if days_left < 0:
        return ReminderSent.Kind.OVERDUE
    if days_left <= REMINDER_DAY_DAYS:
        return ReminderSent.Kind.DAY
    if days_left <= REMINDER_WEEK_DAYS:
        return ReminderSent.Kind.WEEK
    return None


def reminders_due(*, today: date) -> dict:
    """The reminders not yet sent, per learner: assigned training that is not
    completed and due within a week, within a day, or overdue."""
    assignments = list(
        Assignment.objects.active()
        .filter(due_date__lte=today + timedelta(days=REMINDER_WEEK_DAYS))
        .select_related("path", "module")
        .order_by("due_date", "pk")
    )
    if not assignments:
        return {}
    modules_of: dict[int, list[int]] = {}
    path_modules: dict[int, list[int]] = defaultdict(list)
    for path_id, module_id in LearningPathModule.objects.filter(
        path__in=[a.path_id for a in assignments if a.path_id], module__live=True
    ).values_list("path_id", "module_id"):
        path_modules[path_id].append(module_id)
    for assignment in assignments:
        modules_of[assignment.pk] = (
            path_modules[assignment.path_id]
            if assignment.path_id
            else [assignment.module_id]
        )
    learners = {a.pk: list(assignment_learners(assignment=a)) for a in assignments}
    user_ids = {u.pk for users in learners.values() for u in users}
    completed = set(
        Enrolment.objects.filter(
            user__in=user_ids, status=Enrolment.Status.COMPLETED
        ).values_list("user_id", "module_id")
    )
    already = set(
        ReminderSent.objects.filter(assignment__in=assignments).values_list(
            "assignment_id", "user_id", "kind", "due_date"
        )
    )

    due: dict = {}
    for assignment in assignments:
        kind = reminder_kind(due_date=assignment.due_date, today=today)
        module_ids = modules_of[assignment.pk]
        if kind is None or not module_ids:
            continue
        for user in learners[assignment.pk]:
            if (assignment.pk, user.pk, kind, assignment.due_date) in already:
                continue
            if all((user.pk, m) in completed for m in module_ids):
                continue
            due.setdefault(user, []).append(
                DueReminder(assignment=assignment, kind=kind)
            )
    return due
