"""Editors build modules and lessons in the Wagtail admin."""

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from courses.models import LessonPage, ModulePage, QuestionAnswer
from courses.questions import lesson_items
from lms.accounts.roles import Role
from lms.home.demo import home_demo_load
from tests.courses import factories as f
from tests.courses.admin_forms import lesson_form, module_form, single_choice_form
from tests.factories import JobFunctionFactory, employee


@pytest.mark.django_db
@override_settings(LMS_MFA_REQUIRED_FOR_STAFF=False)
class TestEditorsBuildModules(WagtailPageTestCase):
    def setUp(self):
        self.catalogue = f.catalogue_page(home_demo_load())
        self.editor = employee(roles=[Role.EDITOR]).user
        self.client.force_login(self.editor)

    def test_an_editor_creates_and_publishes_a_module(self):
        kcc = JobFunctionFactory(name="Medewerker KCC")
        basics = f.module_page(self.catalogue, title="Wat is zaakgericht werken?")
        termijnen = f.competence("zgw-termijnen", "Termijnen bewaken")

        self.assertCanCreate(
            self.catalogue,
            ModulePage,
            module_form(
                target_functions=[kcc.pk],
                prerequisites=[basics.pk],
                competences=[termijnen.pk],
            ),
        )

        module = ModulePage.objects.get(slug="termijnen")
        assert module.live
        assert module.mandatory and module.pass_mark == 80 and module.max_attempts == 2
        assert module.objectives == [
            "Je kunt een zaak opschorten.",
            "Je kunt een termijn verlengen.",
        ]
        assert list(module.target_functions.all()) == [kcc]
        assert [m.specific for m in module.prerequisites.all()] == [basics]
        assert list(module.competences.all()) == [termijnen]

    def test_a_cover_image_without_alternative_text_is_refused(self):
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["courses", "modulepage", self.catalogue.pk],
            ),
            {**module_form(cover_image=f.image().pk), "action-publish": "publish"},
        )

        assert response.status_code == 200
        assert "cover_image_alt" in response.context["form"].errors
        assert not ModulePage.objects.filter(slug="termijnen").exists()

    def test_an_editor_creates_a_lesson_with_a_knowledge_check_that_learners_answer(
        self,
    ):
        module = f.module_page(self.catalogue)

        self.assertCanCreate(module, LessonPage, lesson_form())

        lesson = LessonPage.objects.child_of(module).get()
        question = lesson_items(lesson.body.raw_data).questions[0]
        assert question.prompt == "Wie bepaalt de behandeltermijn?"
        assert question.points == 2
        assert all(option.key for option in question.options)
        # The learner answers the question the editor built.
        learner = employee().user
        self.client.force_login(learner)
        right = next(o.key for o in question.options if o.correct)
        self.client.post(f"{lesson.url}answer/{question.id}/", {"answer": right})
        assert QuestionAnswer.objects.get(enrolment__user=learner).correct

    def test_a_question_without_a_right_answer_is_refused(self):
        module = f.module_page(self.catalogue)
        wrong_only = single_choice_form(
            "Wie bepaalt de termijn?",
            [("De inwoner", False, ""), ("De wethouder", False, "")],
        )

        response = self.client.post(
            reverse(
                "wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk]
            ),
            {
                **lesson_form(blocks=[("single_choice", wrong_only)], slug="les"),
                "action-publish": "publish",
            },
        )

        assert response.status_code == 200
        assert response.context["form"].errors["body"]
        assert not LessonPage.objects.exists()

    def test_a_lesson_cannot_be_added_to_the_catalogue(self):
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["courses", "lessonpage", self.catalogue.pk],
            ),
            {**lesson_form(slug="los"), "action-publish": "publish"},
        )

        assert response.status_code == 302  # back to the dashboard, refused
        assert not LessonPage.objects.exists()

    def test_editing_keeps_question_and_option_ids(self):
        module = f.module_page(self.catalogue)
        raw = f.single_choice()
        lesson = f.lesson_page(module, raw)
        before = lesson_items(lesson.body.raw_data).questions[0]
        # What the edit form posts back: the stream and list item ids, new wording.
        options = raw["value"]["options"]
        form = lesson_form(
            title=lesson.title,
            slug=lesson.slug,
            blocks=[
                (
                    "single_choice",
                    {
                        **single_choice_form(
                            "Nieuwe formulering?",
                            [
                                (o["value"]["text"], o["value"]["correct"], "")
                                for o in options
                            ],
                        ),
                    },
                )
            ],
        )
        form["body-0-id"] = raw["id"]
        for index, option in enumerate(options):
            form[f"body-0-value-options-{index}-id"] = option["id"]

        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
            {**form, "action-publish": "publish"},
        )

        assert response.status_code == 302
        after = lesson_items(
            LessonPage.objects.get(pk=lesson.pk).body.raw_data
        ).questions[0]
        assert after.prompt == "Nieuwe formulering?"
        assert after.id == before.id
        assert after.fingerprint == before.fingerprint

    def test_a_copied_lesson_gets_new_question_ids(self):
        module = f.module_page(self.catalogue)
        question = f.single_choice()
        lesson = f.lesson_page(module, f.text(), question, f.reflection())

        response = self.client.post(
            reverse("wagtailadmin_pages:copy", args=[lesson.pk]),
            {
                "new_title": "Kopie",
                "new_slug": "kopie",
                "new_parent_page": module.pk,
                "publish_copies": "on",
            },
        )

        assert response.status_code == 302
        copy = LessonPage.objects.get(slug="kopie")
        original_items = lesson_items(lesson.body.raw_data)
        copied_items = lesson_items(copy.body.raw_data)
        assert copy.live
        assert copied_items.questions[0].id != question["id"]
        assert copied_items.reflections[0].id != original_items.reflections[0].id
        assert copied_items.questions[0].prompt == original_items.questions[0].prompt
        # The draft an editor opens next carries the new ids too.
        draft = copy.get_latest_revision_as_object()
        assert (
            lesson_items(draft.body.raw_data).questions[0].id
            == copied_items.questions[0].id
        )
