"""Editors author scenarios in the Wagtail admin: check parameters are validated
on save, catalogue names are checked against the case type, the slug is stable
once used, and the preview shows the learner's briefing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sandbox.scenarios.blocks import ChecksBlock
from sandbox.scenarios.services import attempt_start
from tests.sandbox import scenario_support
from tests.sandbox.views_support import signed_in

demo_scenarios = scenario_support.demo_scenarios


def test_block_validation_refuses_a_bad_bsn():
    from wagtail.blocks import StreamBlockValidationError

    block = ChecksBlock()
    value = block.to_python(
        [
            {
                "type": "initiator",
                "value": {"weight": 1, "feedback_fail": "x", "bsn": "123456789"},
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_block_validation_refuses_an_unknown_competence(db):
    from wagtail.blocks import StreamBlockValidationError

    block = ChecksBlock()
    value = block.to_python(
        [
            {
                "type": "behandelaar",
                "value": {"weight": 1, "feedback_fail": "x", "competence": "geen"},
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_unknown_catalogue_names_are_refused_on_save(demo_scenarios):
    scenario = demo_scenarios["mor-melding-eenvoudig"]
    scenario.checks = [
        (
            "document",
            {
                "weight": 1,
                "feedback_fail": "x",
                "informatieobjecttype": "Bestaat niet",
                "minimum": 1,
            },
        ),
        (
            "resultaat",
            {"weight": 1, "feedback_fail": "x", "resultaattypen": "Verleend"},
        ),
        (
            "status_order",
            {"weight": 1, "feedback_fail": "x", "statustypen": "Gemeld, Nergens"},
        ),
        ("related_zaak", {"weight": 1, "feedback_fail": "x", "seeded_key": "geen"}),
    ]
    with pytest.raises(ValidationError) as error:
        scenario.full_clean()
    text = " ".join(error.value.messages)
    for name in ("Bestaat niet", "Verleend", "Nergens", "geen"):
        assert name in text


def test_the_slug_is_stable_once_learners_started(demo_scenarios, learner):
    scenario = demo_scenarios["mor-melding-eenvoudig"]
    attempt_start(scenario=scenario, learner=learner)
    scenario.slug = "iets-anders"
    with pytest.raises(ValidationError) as error:
        scenario.full_clean()
    assert "slug" in error.value.message_dict


def test_editors_reach_the_scenarios_in_the_admin(
    demo_scenarios, editor, no_mfa_enforcement
):
    from lms.accounts.services import role_groups_sync

    role_groups_sync()
    client = signed_in(editor)
    index = client.get(reverse("wagtailsnippets_sandbox_scenario:list"))
    assert index.status_code == 200
    scenario = demo_scenarios["woo-verzoek-verdaging"]
    edit = client.get(
        reverse("wagtailsnippets_sandbox_scenario:edit", args=[scenario.pk])
    )
    assert edit.status_code == 200
    assert (
        client.get(reverse("wagtailsnippets_sandbox_scenario:add")).status_code == 200
    )


def test_learners_do_not_reach_the_admin(demo_scenarios, learner):
    response = signed_in(learner).get(reverse("wagtailsnippets_sandbox_scenario:list"))
    assert response.status_code in (302, 403)


def test_the_preview_shows_the_briefing(demo_scenarios):
    from django.test import RequestFactory

    scenario = demo_scenarios["klacht-afhandelen"]
    request = RequestFactory().get("/")
    context = scenario.get_preview_context(request, "")
    assert context["definition"]["checks"]
    assert scenario.get_preview_template(request, "").endswith("scenario_preview.html")


def test_the_preview_renders(demo_scenarios, editor):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    scenario = demo_scenarios["klacht-afhandelen"]
    request = RequestFactory().get("/")
    request.user = editor
    html = render_to_string(
        scenario.get_preview_template(request, ""),
        scenario.get_preview_context(request, ""),
        request=request,
    )
    assert "Klacht over bejegening aan de balie" in html
    assert "Start the scenario" not in html
