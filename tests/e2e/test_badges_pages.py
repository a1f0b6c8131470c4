"""The learner's badge pages in a browser: readable, keyboard usable, axe-clean."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from badges.models import FunctionRequirement
from badges.services import badge_award_manual, badges_evaluate
from lms.accounts.roles import Role
from tests.badges import factories as f
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, employee


@pytest.fixture
def learner_with_badges(site):
    learner_profile = employee()
    learner = learner_profile.user
    hr = employee(roles=[Role.HR]).user
    intake = f.competence("zgw-intake", name="Intakegegevens vastleggen")
    status = f.competence("zgw-status", name="Statussen op volgorde zetten")
    FunctionRequirement.objects.create(
        job_function=learner_profile.job_function, competence=intake, level=2
    )
    FunctionRequirement.objects.create(
        job_function=learner_profile.job_function, competence=status, level=2
    )
    f.badge_class(
        f.scenario_passed("klacht-afhandelen"),
        name="Klacht afhandelen",
        competence=intake,
        level=2,
        valid_for_days=365,
    )
    f.record_scenario(learner, "klacht-afhandelen", score=0.9)
    badges_evaluate(user=learner)
    badge_award_manual(
        actor=hr,
        badge_class=f.badge_class(name="Meedenker"),
        recipient=learner,
        narrative="Hielp collega's op weg.",
    )
    f.badge_class(
        f.scenario_passed("mor-melding-eenvoudig", min_score=70),
        f.scenario_passed("woo-verzoek-verdaging", min_score=70),
        name="Zaak registreren",
        rule="n_of",
        required_count=1,
    )
    return learner


def test_my_badges_and_competences_are_accessible(
    live_server, learner_with_badges, page, axe_check
):
    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, learner_with_badges.email, PASSWORD)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}]
    )
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="My badges").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My badges")
    expect(page.get_by_role("heading", name="Klacht afhandelen")).to_be_visible()
    expect(page.get_by_role("heading", name="Zaak registreren")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="My competences").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My competences")
    expect(page.get_by_text("Gap", exact=True)).to_be_visible()
    axe_check(page)
