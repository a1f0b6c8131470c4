"""The Dutch demo modules loaded by ``manage.py load_demo_data``.

The demo is loaded once per class (``setUpTestData``); every test runs in its
own transaction on top of it, so tests that change pages do not affect others.
"""

import os

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.blocks import LessonBodyBlock
from courses.demo import courses_demo_load
from courses.demo_content import MODULES
from courses.models import (
    Assignment,
    CourseCatalogPage,
    Enrolment,
    LearningPath,
    LessonPage,
    ModulePage,
    QuestionAnswer,
)
from courses.questions import lesson_items
from courses.selectors import my_learning
from lms.accounts.roles import Role
from lms.home.demo import home_demo_load
from lms.organisation.demo import FUNCTIONS
from tests.factories import employee

QUESTION_TYPES = {
    "single_choice",
    "multiple_choice",
    "true_false",
    "ordering",
    "matching",
}


def _lessons(module: ModulePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(module).live())


def _block_types(lesson: LessonPage) -> set[str]:
    return {raw["type"] for raw in lesson.body.raw_data}


def _modules(catalogue) -> dict[str, ModulePage]:
    return {m.slug: m for m in ModulePage.objects.child_of(catalogue).live()}


@pytest.mark.django_db
class TestDemoContent(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_demo_load()
        cls.catalogue = courses_demo_load()

    # --- what is loaded ----------------------------------------------------------

    def test_the_catalogue_leren_lives_under_the_home_page(self):
        assert self.catalogue.title == "Leren"
        assert self.catalogue.get_parent().pk == self.home.pk
        assert self.catalogue.live and self.catalogue.live_revision is not None

    def test_at_least_five_modules_of_at_least_three_published_lessons(self):
        modules = list(_modules(self.catalogue).values())
        titles = {module.title for module in modules}
        assert len(modules) >= 5
        assert {
            "Wat is zaakgericht werken?",
            "Een zaak registreren en afhandelen",
            "Termijnen: opschorten en verlengen",
            "Documenten, vertrouwelijkheid en archiveren",
        } <= titles
        assert any(title.startswith("Bottom-up veranderen") for title in titles)
        for module in modules:
            lessons = _lessons(module)
            assert len(lessons) >= 3, module.title
            for page in [module, *lessons]:
                assert page.live_revision is not None, page.title
                assert not page.has_unpublished_changes, page.title

    def test_every_lesson_mixes_text_tips_examples_and_a_knowledge_check(self):
        for lesson in LessonPage.objects.live():
            types = _block_types(lesson)
            assert {"rich_text", "callout", "practice_example"} <= types, lesson.title
            assert types & QUESTION_TYPES, lesson.title

    def test_every_module_has_every_question_type_with_feedback_and_points(self):
        for module in _modules(self.catalogue).values():
            questions = [
                question
                for lesson in _lessons(module)
                for question in lesson_items(lesson.body.raw_data).questions
            ]
            assert {q.kind for q in questions} == QUESTION_TYPES, module.title
            for question in questions:
                assert question.points > 0, question.prompt
                lines = question.options or question.steps or question.pairs
                assert len(lines) >= 2, question.prompt
                assert all(line.feedback for line in lines), question.prompt

    def test_reflections_and_the_practice_assignments(self):
        reflections, scenarios, required = 0, {}, {}
        for lesson in LessonPage.objects.live():
            items = lesson_items(lesson.body.raw_data)
            reflections += len(items.reflections)
            if items.assignments:
                module_slug = lesson.get_parent().slug
                scenarios.setdefault(module_slug, []).extend(
                    a.scenario_id for a in items.assignments
                )
                for a in items.assignments:
                    required[a.scenario_id] = a.required
        assert reflections >= 5
        # The scenarios the sandbox seeds (sandbox/scenarios/demo.py), by slug.
        assert scenarios == {
            "een-zaak-registreren-en-afhandelen": [
                "mor-melding-eenvoudig",
                "klacht-afhandelen",
            ],
            "termijnen-opschorten-en-verlengen": [
                "omgevingsvergunning-aanvullen",
                "woo-verzoek-verdaging",
            ],
            "documenten-vertrouwelijkheid-en-archiveren": ["wmo-aanvraag-privacy"],
        }
        assert required == {
            "mor-melding-eenvoudig": True,
            "woo-verzoek-verdaging": True,
            "wmo-aanvraag-privacy": True,
            "klacht-afhandelen": False,
            "omgevingsvergunning-aanvullen": False,
        }

    def test_every_demo_lesson_body_passes_the_editors_validation(self):
        # An editor must be able to open and publish a demo lesson unchanged.
        block = LessonBodyBlock()
        for lesson in LessonPage.objects.live():
            block.clean(lesson.body)

    def test_modules_have_audience_duration_objectives_and_completion_rules(self):
        modules = _modules(self.catalogue)
        for module in modules.values():
            module.full_clean()
            assert module.estimated_duration > 0
            assert len(module.objectives) >= 3, module.title
            assert 0 < module.pass_mark <= 100
        registration = modules["een-zaak-registreren-en-afhandelen"]
        assert registration.mandatory
        assert {"Medewerker Publiekszaken", "Vergunningverlener"} <= set(
            registration.target_functions.values_list("name", flat=True)
        )
        assert list(registration.prerequisites.all()) == [
            modules["wat-is-zaakgericht-werken"]
        ]
        assert not modules["wat-is-zaakgericht-werken"].target_functions.exists()

    # --- loading again -------------------------------------------------------------

    def _snapshot(self):
        return {
            page.url_path: [raw["id"] for raw in page.specific.body.raw_data]
            if isinstance(page.specific, LessonPage)
            else None
            for page in Page.objects.descendant_of(self.catalogue, inclusive=True)
        }

    def test_running_again_duplicates_nothing_and_keeps_every_id(self):
        before = self._snapshot()
        revisions = {p.pk: p.revisions.count() for p in Page.objects.all()}

        assert courses_demo_load().pk == self.catalogue.pk

        assert self._snapshot() == before
        assert CourseCatalogPage.objects.count() == 1
        # Nothing changed, so nothing was published again.
        assert {p.pk: p.revisions.count() for p in Page.objects.all()} == revisions

    def test_changed_demo_content_refreshes_a_page_the_loader_wrote(self):
        lesson = LessonPage.objects.live().first()
        original = list(lesson.body.raw_data)
        lesson.title = "Oude titel"
        lesson.body = original[:1]
        lesson.save_revision().publish()  # no user: as an older loader would have

        courses_demo_load()

        lesson.refresh_from_db()
        assert lesson.title != "Oude titel"
        assert list(lesson.body.raw_data) == original  # same block and item ids

    def test_a_page_an_editor_changed_is_left_alone(self):
        editor = employee(roles=[Role.EDITOR]).user
        lesson = LessonPage.objects.live().first()
        lesson.title = "Door de redactie aangepast"
        lesson.save_revision(user=editor).publish(user=editor)
        module = lesson.get_parent().specific
        module.save_revision(user=editor)  # a draft, not published

        courses_demo_load()

        lesson.refresh_from_db()
        module.refresh_from_db()
        assert lesson.title == "Door de redactie aangepast"
        assert module.has_unpublished_changes

    # --- learners ------------------------------------------------------------------

    def test_every_demo_page_renders_for_a_learner(self):
        learner = employee().user
        self.assertPageIsRenderable(self.catalogue, user=learner)
        lessons = 0
        for module in _modules(self.catalogue).values():
            self.assertPageIsRenderable(module, user=learner)
            for lesson in _lessons(module):
                self.assertPageIsRenderable(lesson, user=learner)
                lessons += 1
        assert lessons >= 15

    def test_a_learner_answers_a_demo_question_correctly(self):
        lesson = LessonPage.objects.get(slug="van-afdeling-naar-zaak")
        question = next(
            q
            for q in lesson_items(lesson.body.raw_data).questions
            if q.kind == "single_choice"
        )
        right = next(option for option in question.options if option.correct)
        self.client.force_login(employee().user)

        response = self.client.post(
            f"{lesson.url}answer/{question.id}/", {"answer": right.key}
        )

        assert response.status_code == 302
        assert response["Location"] == f"{lesson.url}#feedback-{question.id}"
        answer = QuestionAnswer.objects.get(question_id=question.id)
        assert answer.correct and answer.score_fraction == 1
        assert right.feedback in self.client.get(lesson.url).content.decode()


def test_target_functions_are_the_demo_organisations_functions():
    for spec in MODULES:
        assert set(spec.target_functions) <= set(FUNCTIONS), spec.slug


@pytest.mark.django_db
def test_the_demo_data_command_loads_the_modules():
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_data", stdout=devnull)

    catalogue = CourseCatalogPage.objects.get()
    assert ModulePage.objects.child_of(catalogue).live().count() == len(MODULES)
    kcc = ModulePage.objects.get(slug="een-zaak-registreren-en-afhandelen")
    # The organisation's own job functions, not look-alikes made by the loader.
    assert kcc.target_functions.filter(employees__isnull=False).exists()
    # Competences from the framework, by code.
    assert set(kcc.competences.values_list("code", flat=True)) == {
        "zgw-zaaktype",
        "zgw-initiator",
        "zgw-intake",
        "zgw-status",
        "zgw-resultaat",
    }
    assert all(m.competences.exists() for m in ModulePage.objects.all())

    # Two learning paths for their functions, in order.
    paths = {p.title: p for p in LearningPath.objects.all()}
    assert [m.module.slug for m in paths["KCC-medewerker"].path_modules.all()] == [
        "wat-is-zaakgericht-werken",
        "een-zaak-registreren-en-afhandelen",
        "documenten-vertrouwelijkheid-en-archiveren",
    ]
    assert list(
        paths["Vergunningverlener"].target_functions.values_list("name", flat=True)
    ) == ["Vergunningverlener"]
    assert list(
        paths["KCC-medewerker"].target_functions.values_list("name", flat=True)
    ) == ["Medewerker Publiekszaken"]

    # "Mijn leren" of the demo learner: in progress and due soon, overdue, assigned.
    learner = get_user_model().objects.get(email="medewerker@zaakwijs.test")
    learning = my_learning(user=learner)
    assert [(i.title, i.status) for i in learning.overdue] == [
        ("KCC-medewerker", "overdue")
    ]
    assert [(i.title, i.days_left) for i in learning.in_progress] == [
        ("Vergunningverlener", 5)
    ]
    assert [i.title for i in learning.assigned] == [
        ModulePage.objects.get(slug="bottom-up-veranderen").title
    ]
    path = learning.in_progress[0]
    assert path.modules_completed == 1
    assert path.next_step.module.slug == "een-zaak-registreren-en-afhandelen"

    # Loading again adds nothing and changes no due date.
    counts = (
        Assignment.objects.count(),
        LearningPath.objects.count(),
        Enrolment.objects.count(),
    )
    due = list(Assignment.objects.values_list("due_date", flat=True))
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_data", stdout=devnull)
    assert (
        Assignment.objects.count(),
        LearningPath.objects.count(),
        Enrolment.objects.count(),
    ) == counts
    assert list(Assignment.objects.values_list("due_date", flat=True)) == due
