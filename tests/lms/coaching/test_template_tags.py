from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from lms.coaching import selectors
from lms.coaching.templatetags.coaching import _detect
from tests.courses.factories import catalogue_page, lesson_page, module_page


@pytest.fixture
def lesson(home_page):
    return lesson_page(module_page(catalogue_page(home_page)))


def _render(user, context, source="{% load coaching %}{% help_url %}"):
    request = RequestFactory().get("/pagina/")
    request.user = user
    # The tag's output is escaped for an attribute; a browser unescapes it.
    return unescape(Template(source).render(Context({"request": request, **context})))


def test_a_lesson_page_hands_over_its_id_and_title(learner, coach, lesson):
    url = _render(learner, {"page": lesson})
    query = parse_qs(urlparse(url).query)
    assert query["kind"] == ["lesson"]
    assert query["lesson"] == [str(lesson.pk)]
    assert query["label"] == [lesson.title]
    assert query["next"] == ["/pagina/"]
    assert selectors.context_links({"lesson": lesson.pk}) == {"lesson": lesson.url}


def test_a_scenario_attempt_hands_over_scenario_attempt_and_case():
    class Scenario:
        slug = "mor-melding-eenvoudig"
        title = "Melding openbare ruimte"

    class Attempt:
        uuid = "9a4f"
        pk = 3
        scenario = Scenario()

    class Workspace:
        name = "Poging 1"
        uuid = "77aa"
        attempt = Attempt()

    class Zaak:
        identificatie = "ZAAK-2026-0001"

    found = _detect({"workspace": Workspace(), "zaak": Zaak()})
    assert found == {
        "kind": "scenario",
        "label": "Melding openbare ruimte · ZAAK-2026-0001",
        "workspace": "77aa",
        "scenario": "mor-melding-eenvoudig",
        "attempt": "9a4f",
        "zaak": "ZAAK-2026-0001",
    }


def test_explicit_arguments_win_and_no_box_without_a_coach(learner, lesson):
    html = _render(
        learner,
        {"page": lesson},
        '{% load coaching %}{% help_button kind="question" question="q-1" %}',
    )
    assert html.strip() == ""  # no ICT expert on the floor: nothing to show
    url = _render(
        learner,
        {"page": lesson},
        '{% load coaching %}{% help_url kind="question" question="q-1" %}',
    )
    query = parse_qs(urlparse(url).query)
    assert query["kind"] == ["question"] and query["question"] == ["q-1"]


def test_compact_help_line_and_no_box_on_someone_elses_work(learner, coach, colleague):
    class Workspace:
        name = "Vrij oefenen"
        uuid = "77aa"
        owner_id = learner.pk

    source = "{% load coaching %}{% help_button compact=True %}"
    html = _render(learner, {"workspace": Workspace()}, source)
    assert "Stuck?" in html and "kind=sandbox" in html
    assert coach.get_full_name() in html
    assert "<aside" not in html
    # A coach (or anyone else) looking at this workspace gets no help box.
    assert _render(colleague, {"workspace": Workspace()}, source).strip() == ""
