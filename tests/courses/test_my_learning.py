"""The learner's "Mijn leren" dashboard and its compact card for the home page."""

from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from courses.selectors import learning_summary_for
from courses.services import lesson_visit_record
from tests.courses import factories as f
from tests.factories import employee

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _url(catalogue) -> str:
    return f"{catalogue.url}mijn-leren/"


def _section(html: str, heading_id: str) -> str:
    """The HTML of one dashboard section."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_the_dashboard_sorts_training_into_overdue_in_progress_assigned_and_completed(
    catalogue, learner, learner_client
):
    overdue = f.module_page(catalogue, title="Termijnen bewaken")
    busy = f.module_page(catalogue, title="Een zaak registreren")
    todo = f.module_page(catalogue, title="Archiveren")
    done = f.module_page(catalogue, title="Wat is zaakgericht werken?")
    for module in (overdue, busy, todo, done):
        f.lesson_page(module, f.text(), title=f"Eerste les van {module.title}")
        f.lesson_page(module, f.text(), title=f"Tweede les van {module.title}")
    f.assign(due_date=TODAY - timedelta(days=2), module=overdue, people=[learner])
    f.assign(due_date=TODAY + timedelta(days=9), module=busy, people=[learner])
    f.assign(due_date=TODAY + timedelta(days=20), module=todo, people=[learner])
    f.assign(due_date=TODAY + timedelta(days=20), module=done, people=[learner])
    for lesson in done.get_children().specific():
        lesson_visit_record(user=learner, lesson=lesson)
    first_busy = busy.get_children().first().specific
    lesson_visit_record(user=learner, lesson=first_busy)

    response = learner_client.get(_url(catalogue))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Termijnen bewaken" in _section(html, "overdue-heading")
    assert "Was due on" in _section(html, "overdue-heading")
    in_progress = _section(html, "in-progress-heading")
    assert "Een zaak registreren" in in_progress
    # The next step is the first lesson not seen yet.
    assert "Next step: Tweede les van Een zaak registreren" in in_progress
    assigned = _section(html, "assigned-heading")
    assert "Archiveren" in assigned
    assert "Next step: Eerste les van Archiveren" in assigned
    assert "Wat is zaakgericht werken?" in _section(html, "completed-heading")


def test_a_learning_path_shows_its_modules_in_order_with_the_next_step(
    catalogue, learner, learner_client
):
    second = f.module_page(catalogue, title="Een zaak registreren")
    first = f.module_page(catalogue, title="Wat is zaakgericht werken?")
    f.lesson_page(first, f.text(), title="Wat is een zaak?")
    f.lesson_page(second, f.text(), title="Het zaaktype kiezen")
    path = f.learning_path(
        first, second, title="Leerpad KCC", description="Voor het KCC."
    )
    f.assign(due_date=TODAY + timedelta(days=14), path=path, people=[learner])
    lesson_visit_record(user=learner, lesson=first.get_children().first().specific)

    html = learner_client.get(_url(catalogue)).content.decode()

    section = _section(html, "in-progress-heading")
    assert "Leerpad KCC" in section and "Voor het KCC." in section
    assert section.index("Wat is zaakgericht werken?") < section.index(
        "Een zaak registreren"
    )
    assert "1 of 2 modules completed" in section
    assert "Next step: Het zaaktype kiezen (Een zaak registreren)" in section


def test_a_module_started_without_an_assignment_shows_in_progress(
    catalogue, learner, learner_client
):
    module = f.module_page(catalogue, title="Zelf gekozen")
    lesson = f.lesson_page(module, f.text())
    f.lesson_page(module, f.text())
    lesson_visit_record(user=learner, lesson=lesson)

    html = learner_client.get(_url(catalogue)).content.decode()

    assert "Zelf gekozen" in _section(html, "in-progress-heading")


def test_a_learner_sees_only_their_own_training(catalogue, learner, learner_client):
    colleague = employee().user
    mine = f.module_page(catalogue, title="Mijn module")
    theirs = f.module_page(catalogue, title="Module van een collega")
    f.assign(due_date=TODAY, module=mine, people=[learner])
    f.assign(due_date=TODAY, module=theirs, people=[colleague])
    lesson_visit_record(user=colleague, lesson=f.lesson_page(theirs, f.text()))

    html = learner_client.get(_url(catalogue)).content.decode()

    assert "Mijn module" in html
    assert "Module van een collega" not in html
    # No parameter lets anyone look at somebody else's dashboard.
    html = learner_client.get(_url(catalogue), {"user": colleague.pk}).content
    assert "Module van een collega" not in html.decode()


def test_the_dashboard_needs_a_sign_in(client, catalogue):
    response = client.get(_url(catalogue))

    assert response.status_code == 302
    assert "login" in response.url


def test_an_empty_dashboard_points_to_the_catalogue(catalogue, learner_client):
    html = learner_client.get(_url(catalogue)).content.decode()

    assert "You have no training assigned" in html


def test_the_catalogue_links_to_my_learning(catalogue, learner_client):
    html = learner_client.get(catalogue.url).content.decode()

    assert f'href="{_url(catalogue)}"' in html


@pytest.mark.parametrize("size", [1, 4])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    catalogue, client, django_assert_num_queries, size
):
    learner = employee().user
    for n in range(size):
        modules = [f.module_page(catalogue) for _ in range(size)]
        for module in modules:
            for _ in range(size):
                lesson = f.lesson_page(module, f.text())
                lesson_visit_record(user=learner, lesson=lesson)
            f.lesson_page(module, f.text())
        f.assign(
            due_date=TODAY + timedelta(days=n),
            path=f.learning_path(*modules),
            people=[learner],
        )
        f.assign(due_date=TODAY, module=modules[0], people=[learner])
        started = f.module_page(catalogue)
        lesson_visit_record(user=learner, lesson=f.lesson_page(started, f.text()))
    client.force_login(learner)
    client.get(_url(catalogue))

    # Session, user, roles, site and page routing; then the dashboard's own reads.
    # Includes the site navigation's own reads (base.html).
    with django_assert_num_queries(19):
        response = client.get(_url(catalogue))

    assert response.status_code == 200
    assert len(response.context["learning"].items) == 3 * size


def test_the_home_page_card_summarises_and_links_to_my_learning(catalogue, learner):
    module = f.module_page(catalogue, title="Termijnen bewaken")
    f.lesson_page(module, f.text(), title="De behandeltermijn")
    f.assign(due_date=TODAY - timedelta(days=1), module=module, people=[learner])

    summary = learning_summary_for(user=learner)
    request = RequestFactory().get("/")
    request.user = learner
    html = render_to_string(
        "courses/includes/my_learning_card.html", {"summary": summary}, request
    )

    assert summary.overdue == 1 and summary.assigned == 0
    assert "Termijnen bewaken" in html and "was due on" in html
    assert "Next step: De behandeltermijn" in html
    assert f'href="{_url(catalogue)}"' in html


def test_the_home_page_card_says_when_there_is_nothing_yet(catalogue, learner):
    summary = learning_summary_for(user=learner)

    html = render_to_string(
        "courses/includes/my_learning_card.html", {"summary": summary}
    )

    assert summary.is_empty
    assert "You have no training assigned yet" in html
