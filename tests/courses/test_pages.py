"""Page-tree rules, module validation and rendering every block type."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.blocks import LessonBodyBlock
from courses.models import CourseCatalogPage, LessonPage, LessonVisit, ModulePage
from lms.accounts.roles import Role
from lms.home.demo import home_demo_load
from lms.home.models import HomePage
from tests.courses import factories as f
from tests.courses.admin_forms import lesson_form
from tests.factories import employee


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def test_the_catalogue_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(CourseCatalogPage, {HomePage})
        self.assertCanCreateAt(HomePage, CourseCatalogPage)
        self.assertCanNotCreateAt(Page, CourseCatalogPage)
        self.assertCanNotCreateAt(CourseCatalogPage, CourseCatalogPage)

    def test_modules_live_in_the_catalogue(self):
        self.assertAllowedParentPageTypes(ModulePage, {CourseCatalogPage})
        self.assertAllowedSubpageTypes(CourseCatalogPage, {ModulePage})
        self.assertCanNotCreateAt(HomePage, ModulePage)
        self.assertCanNotCreateAt(ModulePage, ModulePage)

    def test_lessons_live_under_a_module_and_have_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanCreateAt(ModulePage, LessonPage)
        self.assertCanNotCreateAt(HomePage, LessonPage)
        self.assertCanNotCreateAt(CourseCatalogPage, LessonPage)
        self.assertCanNotCreateAt(LessonPage, LessonPage)

    def test_there_is_only_one_catalogue(self):
        home = home_demo_load()
        assert CourseCatalogPage.can_create_at(home)
        f.catalogue_page(home)
        assert not CourseCatalogPage.can_create_at(home)

    def test_a_lesson_with_every_block_type_renders(self):
        home = home_demo_load()
        module = f.module_page(f.catalogue_page(home))
        picture = f.image()
        video = f.document("uitleg.mp4", b"\x00\x00\x00\x18ftypmp42")
        captions = f.document("uitleg.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo")
        body = [
            f.text("<h2>Wat is een zaak?</h2><p>Een zaak heeft een begin.</p>"),
            f.image_block(picture, alt="Schema van de levensloop van een zaak"),
            f.video_file(video, captions),
            f.video_embed(f.cached_embed()),
            f.callout("warning"),
            f.practice_example(),
            f.download(f.document()),
            f.single_choice(),
            f.multiple_choice(),
            f.true_false(),
            f.ordering(),
            f.matching(),
            f.reflection(),
            f.practice_assignment(),
        ]
        assert {b["type"] for b in body} == set(LessonBodyBlock.base_blocks)
        lesson = f.lesson_page(module, *body)
        learner = employee().user

        self.client.force_login(learner)
        response = self.client.get(lesson.url)
        self.assertPageIsRenderable(lesson, user=learner)

        content = response.content.decode()
        for expected in [
            "<h2>Wat is een zaak?</h2>",
            'alt="Schema van de levensloop van een zaak"',
            '<track kind="captions"',
            "uitleg.vtt",
            '<iframe title="Zaakgericht werken"',
            "In deze video registreren we een zaak.",
            "Leg elke zaak direct vast.",
            "Medewerker KCC",
            "Werkinstructie",
            "Wat bepaalt de behandeltermijn van een zaak?",
            'type="checkbox"',
            "Een opschorting verlengt de uiterlijke einddatum.",
            "Zet de stappen van een zaak in de goede volgorde.",
            "Koppel de begrippen aan hun betekenis.",
            "Wat ga jij morgen anders doen?",
            "Registreer de aanvraag voor een kapvergunning.",
        ]:
            assert expected in content, expected

    def test_previewing_a_lesson_records_nothing(self):
        home = home_demo_load()
        lesson = f.lesson_page(f.module_page(f.catalogue_page(home)), f.single_choice())
        editor = employee(roles=[Role.EDITOR]).user

        # The StreamField editor is drawn by JavaScript, so the form data is given.
        with self.settings(LMS_MFA_REQUIRED_FOR_STAFF=False):
            self.assertPageIsPreviewable(
                lesson, user=editor, post_data=lesson_form(slug=lesson.slug)
            )

        assert not LessonVisit.objects.exists()


@pytest.fixture
def module_for_clean(catalogue):
    return f.module_page(catalogue)


def test_a_cover_image_needs_alternative_text(module_for_clean):
    module_for_clean.cover_image = f.image()
    module_for_clean.cover_image_alt = " "
    with pytest.raises(ValidationError) as error:
        module_for_clean.clean()
    assert "cover_image_alt" in error.value.message_dict

    module_for_clean.cover_image_alt = "Twee collega's bij een zaakdossier"
    module_for_clean.clean()


def test_a_module_cannot_require_itself(module_for_clean):
    module_for_clean.prerequisites.set([module_for_clean])
    with pytest.raises(ValidationError) as error:
        module_for_clean.clean()
    assert "prerequisites" in error.value.message_dict


def test_prerequisites_cannot_go_round_in_a_circle(catalogue):
    first = f.module_page(catalogue)
    second = f.module_page(catalogue, prerequisites=[first])
    third = f.module_page(catalogue, prerequisites=[second])

    first.prerequisites.set([third])
    with pytest.raises(ValidationError, match="wait for each other"):
        first.clean()
    first.prerequisites.set([])
    first.clean()


def _clean(block_type: str, raw: dict):
    block = LessonBodyBlock.base_blocks[block_type]
    return block.clean(block.to_python(raw["value"]))


@pytest.mark.parametrize(
    ("raw", "correct_flags", "message"),
    [
        (f.single_choice(), [True, True, False], "exactly one"),
        (f.single_choice(), [False, False, False], "exactly one"),
        (f.multiple_choice(), [False, False, False], "at least one"),
    ],
)
def test_choice_questions_need_right_answers(db, raw, correct_flags, message):
    for item, flag in zip(raw["value"]["options"], correct_flags, strict=True):
        item["value"]["correct"] = flag
    with pytest.raises(StructBlockValidationError) as error:
        _clean(raw["type"], raw)
    assert message in str(error.value.non_block_errors.as_data()[0].message)


def test_matching_terms_must_differ(db):
    raw = f.matching(pairs=(("Zaak", "A"), ("zaak", "B")))
    with pytest.raises(StructBlockValidationError):
        _clean("matching", raw)


def test_an_image_needs_alternative_text(db):
    raw = f.image_block(f.image(), alt="")
    with pytest.raises(StructBlockValidationError) as error:
        _clean("image", raw)
    assert "alt_text" in error.value.block_errors


def test_a_video_is_a_file_or_an_embed_with_captions_for_a_file(db):
    video = f.document("film.mp4")
    captions = f.document("film.vtt", b"WEBVTT")
    not_captions = f.document("film.srt", b"1")

    raw = f.video_file(video, captions)
    _clean("video", raw)

    raw["value"]["captions"] = None
    with pytest.raises(StructBlockValidationError) as error:
        _clean("video", raw)
    assert "captions" in error.value.block_errors

    raw["value"]["captions"] = not_captions.pk
    with pytest.raises(StructBlockValidationError) as error:
        _clean("video", raw)
    assert "captions" in error.value.block_errors

    raw["value"].update(video_file=None, captions=None, embed_url=None)
    with pytest.raises(StructBlockValidationError):
        _clean("video", raw)


def test_a_practice_assignment_names_a_scenario_identifier(db):
    raw = f.practice_assignment(scenario_id="kap vergunning!")
    with pytest.raises(StructBlockValidationError) as error:
        _clean("practice_assignment", raw)
    assert "scenario_id" in error.value.block_errors
