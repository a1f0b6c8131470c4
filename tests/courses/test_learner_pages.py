"""The catalogue, the module page, lesson navigation and the result page."""

import re

import pytest

from courses.models import Enrolment, LessonVisit
from courses.services import lesson_visit_record
from tests.courses import factories as f
from tests.factories import JobFunctionFactory, employee


def titles(content: str) -> list[str]:
    return re.findall(
        r'<h3 class="zw-module-card__title"><a [^>]*>([^<]+)</a>', content
    )


@pytest.fixture
def kcc():
    return JobFunctionFactory(name="Medewerker KCC")


@pytest.fixture
def shelf(catalogue, kcc):
    vergunningen = JobFunctionFactory(name="Vergunningverlener")
    return {
        "basis": f.module_page(
            catalogue,
            title="Wat is zaakgericht werken?",
            summary="De basis van werken met zaken.",
            estimated_duration=10,
            mandatory=True,
        ),
        "termijnen": f.module_page(
            catalogue,
            title="Termijnen: opschorten en verlengen",
            summary="Hoe de behandeltermijn loopt.",
            learning_objectives="Je kunt een zaak opschorten.",
            estimated_duration=30,
            functions=[vergunningen],
        ),
        "kcc": f.module_page(
            catalogue,
            title="Een zaak registreren",
            summary="Aan de balie en aan de telefoon.",
            competences=[f.competence("klantcontact", "Klantcontact")],
            estimated_duration=60,
            mandatory=True,
            functions=[kcc],
        ),
    }


def test_the_catalogue_lists_live_modules_in_tree_order(
    learner_client, catalogue, shelf
):
    shelf["termijnen"].unpublish()

    content = learner_client.get(catalogue.url).content.decode()

    assert titles(content) == ["Wat is zaakgericht werken?", "Een zaak registreren"]
    assert "2 modules" in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # "zaak" is found in "zaakgericht" and in the objectives of "Termijnen".
        (
            {"q": "zaak"},
            [
                "Wat is zaakgericht werken?",
                "Termijnen: opschorten en verlengen",
                "Een zaak registreren",
            ],
        ),
        ({"q": "zaakgericht"}, ["Wat is zaakgericht werken?"]),
        ({"q": "OPSCHORTEN"}, ["Termijnen: opschorten en verlengen"]),  # objectives
        ({"q": "klantcontact"}, ["Een zaak registreren"]),  # competences
        ({"q": "zaak telefoon"}, ["Een zaak registreren"]),  # every word
        ({"duration": "short"}, ["Wat is zaakgericht werken?"]),
        ({"duration": "medium"}, ["Termijnen: opschorten en verlengen"]),
        ({"duration": "long"}, ["Een zaak registreren"]),
        ({"mandatory": "on"}, ["Wat is zaakgericht werken?", "Een zaak registreren"]),
        ({"q": "xyzzy"}, []),
    ],
)
def test_catalogue_search_and_filters(
    learner_client, catalogue, shelf, query, expected
):
    content = learner_client.get(catalogue.url, query).content.decode()
    assert titles(content) == expected


def test_filtering_on_a_function(learner_client, catalogue, shelf, kcc):
    content = learner_client.get(catalogue.url, {"function": kcc.pk}).content.decode()
    assert titles(content) == ["Een zaak registreren"]
    assert "Clear filters" in content


def test_filtering_on_a_competence(learner_client, catalogue, shelf):
    termijnen = f.competence("zgw-termijnen", "Termijnen bewaken")
    shelf["termijnen"].competences.set([termijnen])
    shelf["termijnen"].save_revision().publish()

    content = learner_client.get(
        catalogue.url, {"competence": "zgw-termijnen"}
    ).content.decode()

    assert titles(content) == ["Termijnen: opschorten en verlengen"]
    assert "Competences: Termijnen bewaken" in content
    assert (
        '<option value="zgw-termijnen" selected>Termijnen bewaken</option>' in content
    )
    # Search finds a module by its competences' names and codes, once each.
    both = f.competence("zgw-termijn-2", "Termijnen verlengen")
    shelf["termijnen"].competences.set([termijnen, both])
    shelf["termijnen"].save_revision().publish()
    content = learner_client.get(catalogue.url, {"q": "termijnen"}).content.decode()
    assert titles(content) == ["Termijnen: opschorten en verlengen"]


def test_the_catalogue_shows_the_learners_status_and_function(
    client, catalogue, shelf, kcc
):
    learner = employee(job_function=kcc).user
    lesson = f.lesson_page(shelf["termijnen"], f.text())
    f.lesson_page(shelf["termijnen"], f.text())
    lesson_visit_record(user=learner, lesson=lesson)
    lesson_visit_record(user=learner, lesson=f.lesson_page(shelf["basis"], f.text()))
    client.force_login(learner)

    content = client.get(catalogue.url).content.decode()

    cards = dict(
        zip(
            titles(content),
            content.split('class="zw-module-card__title"')[1:],
            strict=True,
        )
    )
    assert "Completed" in cards["Wat is zaakgericht werken?"]
    assert (
        "In progress: 1 of 2 lessons seen"
        in cards["Termijnen: opschorten en verlengen"]
    )
    assert "Not started" in cards["Een zaak registreren"]
    assert "For your function" in cards["Een zaak registreren"]
    assert "For your function" not in cards["Termijnen: opschorten en verlengen"]
    assert "Mandatory" in cards["Een zaak registreren"]


def test_signing_in_is_required(client, catalogue, module):
    for url in (catalogue.url, module.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_start_enrols_and_opens_the_first_lesson(learner_client, learner, module):
    first = f.lesson_page(module, f.text())
    f.lesson_page(module, f.text())
    content = learner_client.get(module.url).content.decode()
    assert "You have not started this module yet." in content
    assert f'action="{module.url}start/"' in content

    response = learner_client.post(f"{module.url}start/")

    assert response["Location"] == first.url
    assert Enrolment.objects.filter(user=learner, module=module).count() == 1
    assert learner_client.get(f"{module.url}start/").status_code == 405


def test_continue_where_you_left_off(learner_client, learner, module):
    lessons = [f.lesson_page(module, f.text()) for _ in range(3)]
    learner_client.get(lessons[0].url)
    learner_client.get(lessons[1].url)

    content = learner_client.get(module.url).content.decode()

    assert "Continue where you left off" in content
    assert f'href="{lessons[1].url}">Continue where you left off' in content
    assert "2 of 3 seen" in content
    response = learner_client.post(f"{module.url}start/")
    assert response["Location"] == lessons[1].url


def test_a_lesson_has_an_outline_and_previous_and_next_links(learner_client, module):
    first, second, third = (f.lesson_page(module, f.text()) for _ in range(3))
    learner_client.get(first.url)

    content = learner_client.get(second.url).content.decode()

    assert "Lesson 2 of 3" in content
    assert f'<a href="{second.url}" aria-current="page">{second.title}</a>' in content
    assert re.search(
        rf'href="{first.url}">{first.title}</a>\s*<span class="zw-outline__mark">seen',
        content,
    )
    assert (
        f'<a href="{first.url}"><span class="zw-pager__label">Previous lesson'
        in content
    )
    assert f'<a href="{third.url}"><span class="zw-pager__label">Next lesson' in content

    content = learner_client.get(third.url).content.decode()
    assert (
        f'href="{module.url}result/"><span class="zw-pager__label">Last lesson done?'
        in content
    )


def test_every_arrival_at_a_lesson_is_counted_reloads_are_not(learner_client, module):
    lesson, other = f.lesson_page(module, f.text()), f.lesson_page(module, f.text())
    for _ in range(3):
        learner_client.get(lesson.url)
    assert LessonVisit.objects.get(lesson=lesson).visit_count == 1
    learner_client.get(other.url)
    learner_client.get(lesson.url)
    assert LessonVisit.objects.get(lesson=lesson).visit_count == 2


def test_the_result_page_lists_what_is_missing(learner_client, learner, module):
    q = f.single_choice()
    first = f.lesson_page(module, f.text())
    second = f.lesson_page(module, q)
    learner_client.get(first.url)

    content = learner_client.get(f"{module.url}result/").content.decode()

    assert "Not finished yet" in content
    assert f'<a href="{second.url}">{second.title}</a>' in content
    assert "answer the question" in content


def test_the_result_page_says_what_is_next(client, catalogue, kcc):
    learner = employee(job_function=kcc).user
    done = f.module_page(catalogue, title="Basis")
    follow_up = f.module_page(catalogue, title="Verdieping", prerequisites=[done])
    mandatory_for_me = f.module_page(
        catalogue, title="Verplicht KCC", mandatory=True, functions=[kcc]
    )
    f.module_page(
        catalogue,
        title="Verplicht anders",
        mandatory=True,
        functions=[JobFunctionFactory()],
    )
    f.module_page(catalogue, title="Vrijblijvend")
    lesson_visit_record(user=learner, lesson=f.lesson_page(done, f.text()))
    client.force_login(learner)

    content = client.get(f"{done.url}result/").content.decode()

    assert "Module completed" in content
    assert re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", content) == [
        follow_up.title,
        mandatory_for_me.title,
    ]
    assert f'href="{catalogue.url}"' in content


def test_the_module_page_shows_objectives_prerequisites_and_progress(
    learner_client, learner, catalogue
):
    basics = f.module_page(catalogue, title="Basis")
    module = f.module_page(
        catalogue,
        prerequisites=[basics],
        learning_objectives="Je kent het zaaktype.\n- Je kent de statussen.",
        competences=[
            f.competence(
                "zaakgericht", "Zaakgericht werken", description="Denkt in zaken."
            )
        ],
    )
    q = f.single_choice()
    lesson = f.lesson_page(module, q)
    learner_client.get(lesson.url)

    content = learner_client.get(module.url).content.decode()

    assert "<li>Je kent het zaaktype.</li>" in content
    assert "<li>Je kent de statussen.</li>" in content
    assert f'<a href="{basics.url}">Basis</a> – not completed yet' in content
    assert "<li><strong>Zaakgericht werken</strong> – Denkt in zaken.</li>" in content
    assert "Score 0%, pass mark 70%" in content
    assert "1 question still to answer" in content
