"""Scenario journeys in a real browser: a learner passes the easy MOR scenario,
a learner fails one and reads the feedback, and the floor coach replays an
attempt. axe checks every new page."""

import re

import pytest
from playwright.sync_api import expect

from sandbox.demo import catalogue_demo_load
from sandbox.scenarios.demo import scenarios_load
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, FloorFactory, employee


@pytest.fixture
def scenarios(site):
    catalogue_demo_load()
    return {s.slug: s for s in scenarios_load()}


def _sign_in_english(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, user.email, PASSWORD)
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def _start(page, live_server, title):
    page.goto(live_server.url + "/oefenen/")
    page.get_by_role("link", name="Practice scenarios with assessment").click()
    page.get_by_role("link", name=title).click()
    page.get_by_role("button", name="Start the scenario").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def _action(page, name):
    page.get_by_role("link", name=name, exact=True).click()


def test_learner_passes_the_mor_scenario(live_server, scenarios, page, axe_check):
    learner = employee(user__first_name="Sanne").user
    _sign_in_english(page, live_server, learner)
    page.goto(live_server.url + "/oefenen/scenarios/")
    axe_check(page)
    _start(page, live_server, "Melding openbare ruimte: kapotte lantaarnpaal")
    expect(page.get_by_role("heading", name="Lantaarnpaal kapot")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Go to the work queue").click()
    page.get_by_role("link", name="Register a case").click()
    page.get_by_label("Case type").select_option(
        label="Melding openbare ruimte afhandelen"
    )
    page.get_by_role("radio", name="Telephone").check()
    page.get_by_label("Date received").fill("2026-03-02")
    page.get_by_label("Short description").fill("Lantaarnpaal Lindelaan 14 kapot")
    page.get_by_label("Initials").fill("J.")
    page.get_by_label("Surname prefix").fill("de")
    page.get_by_label("Surname", exact=True).fill("Vries")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile(r"ZAAK-"))

    _action(page, "Assign a case handler")
    page.get_by_label("Surname").fill("Jansen")
    page.get_by_role("button", name="Assign a case handler").click()

    _action(page, "Record the object (location)")
    page.get_by_label("Kind of object").select_option(label="Public space")
    page.get_by_label("Street or public space").fill("Lindelaan")
    page.get_by_label("House number").fill("14")
    page.get_by_role("button", name="Record the object (location)").click()
    expect(page.get_by_text("The object was recorded.")).to_be_visible()

    for status, text in (
        ("In behandeling", "De buitendienst gaat kijken."),
        ("Ingepland", "Reparatie ingepland."),
    ):
        _action(page, "Set status")
        page.get_by_label("New status").select_option(label=status)
        page.get_by_label("Explanation").fill(text)
        page.get_by_role("button", name="Set status").click()

    page.get_by_role("link", name="Advance the clock").click()
    page.get_by_label("Number of working days").fill("2")
    page.get_by_role("button", name=re.compile("Advance|Move")).click()

    page.get_by_role("link", name=re.compile(r"ZAAK-")).first.click()
    _action(page, "Set the result")
    page.get_by_label("Result").select_option(label="Opgelost")
    page.get_by_role("button", name="Set the result").click()
    _action(page, "Close the case")
    page.get_by_label("Explanation").fill("Lamp en armatuur vervangen.")
    page.get_by_role("button", name="Close the case").click()

    page.locator("[data-attempt-panel]").get_by_role("link", name="Hand in").click()
    axe_check(page)
    page.get_by_role("button", name="Hand in").click()
    expect(page.locator("[data-result]")).to_contain_text("Passed")
    expect(page.locator("[data-result]")).to_contain_text("100%")
    axe_check(page)


def test_learner_fails_and_sees_feedback(live_server, scenarios, page, axe_check):
    learner = employee(user__first_name="Bram").user
    _sign_in_english(page, live_server, learner)
    _start(page, live_server, "Klacht over bejegening aan de balie")
    page.get_by_role("link", name="Go to the work queue").click()
    page.get_by_role("link", name="Register a case").click()
    page.get_by_label("Case type").select_option(
        label="Melding openbare ruimte afhandelen"
    )
    page.get_by_role("radio", name="Letter").check()
    page.get_by_label("Short description").fill("Klacht mw. Jansen BSN 999990032")
    page.get_by_role("button", name="Register").click()
    page.locator("[data-attempt-panel]").get_by_role("link", name="Hand in").click()
    page.get_by_role("button", name="Hand in").click()

    expect(page.locator("[data-result]")).to_contain_text("Not passed yet")
    improve = page.get_by_role("region", name="To improve").or_(
        page.locator("section[aria-labelledby=to-improve]")
    )
    expect(improve).to_contain_text("Een klacht over een gedraging van een medewerker")
    expect(improve).to_contain_text("De startdatum is de ontvangstdatum")
    expect(improve).to_contain_text("Neem dat nummer niet over")
    axe_check(page)
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("attempt 2")


def test_coach_replays_an_attempt(live_server, scenarios, page, axe_check, settings):
    from lms.accounts.roles import Role
    from sandbox.scenarios.services import attempt_finish, attempt_start
    from tests.sandbox.scenario_support import play_mor

    settings.LMS_MFA_REQUIRED_FOR_STAFF = False
    floor = FloorFactory()
    learner = employee(floor=floor, user__first_name="Fleur").user
    coach = employee(roles=[Role.COACH], coached_floors=[floor]).user
    attempt = attempt_start(
        scenario=scenarios["mor-melding-eenvoudig"], learner=learner
    )
    play_mor(attempt, learner)
    attempt_finish(attempt=attempt, actor=learner)

    _sign_in_english(page, live_server, coach)
    page.goto(f"{live_server.url}/oefenen/pogingen/{attempt.uuid}/terugkijken/?stap=1")
    expect(page.get_by_role("heading", name="Step 1 of", exact=False)).to_be_visible()
    expect(page.get_by_text("Read-only: nothing can be changed")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Next step").click()
    expect(page.get_by_role("heading", name="Step 2 of", exact=False)).to_be_visible()
    page.get_by_role("link", name=re.compile("Result: 100%")).click()
    expect(page.locator("[data-result]")).to_contain_text("Passed")
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)
    axe_check(page)
