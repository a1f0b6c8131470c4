"""A colleague asks for help from a sandbox case; the floor's ICT expert sees it
with its context, answers, replays the attempt and signs off the competence."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from badges.models import CompetenceSignOff
from lms.accounts.roles import Role
from lms.coaching.models import CoachAccessLog, HelpRequest
from lms.lrs import vocabulary
from lms.lrs.models import Statement
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, FloorFactory, employee


@pytest.fixture
def scenario_attempt(site):
    from badges.demo import framework_demo_load
    from sandbox.demo import scenarios_demo_load
    from sandbox.models import Scenario
    from sandbox.scenarios.services import attempt_start

    framework_demo_load()
    scenarios_demo_load()
    floor = FloorFactory()
    learner = employee(floor=floor, user__first_name="Sanne").user
    coach = employee(
        roles=[Role.COACH], coached_floors=[floor], user__first_name="Iris"
    ).user
    attempt = attempt_start(
        scenario=Scenario.objects.get(slug="mor-melding-eenvoudig"), learner=learner
    )
    return learner, coach, attempt


def _english(page, live_server):
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}]
    )


def test_help_from_a_sandbox_case_answer_replay_and_sign_off(
    live_server, scenario_attempt, browser, page, axe_check, settings
):
    settings.LMS_MFA_REQUIRED_FOR_STAFF = False
    learner, coach, attempt = scenario_attempt

    # The colleague is working on the practice case and asks for help from there.
    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, learner.email, PASSWORD)
    _english(page, live_server)
    page.goto(live_server.url + f"/oefenen/{attempt.workspace.uuid}/werkvoorraad/")
    # The line under the workspace bar carries the scenario and attempt along.
    help_line = page.locator(".zw-help-inline")
    expect(help_line).to_contain_text("Iris")
    help_line.get_by_role("link", name="Ask for help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for help")
    expect(page.get_by_text("Iris")).to_be_visible()
    axe_check(page)
    page.get_by_label("What do you need help with?").fill("Wie is de initiator?")
    page.get_by_label("Your question").fill("De melder belde namens de buurt.")
    page.get_by_role("button", name="Send question").click()
    expect(page.get_by_text("Your question has been sent")).to_be_visible()
    help_request = HelpRequest.objects.get()
    assert help_request.page_url.startswith(f"/oefenen/{attempt.workspace.uuid}/")
    assert help_request.context_kind == "scenario"
    assert help_request.context_ref["scenario"] == "mor-melding-eenvoudig"
    assert help_request.context_ref["attempt"] == str(attempt.uuid)

    # The floor's ICT expert sees it on the dashboard, with its context.
    coach_context = browser.new_context(locale="en-GB")
    coach_page = coach_context.new_page()
    coach_page.set_default_timeout(10_000)
    coach_page.goto(live_server.url + "/accounts/login/")
    sign_in(coach_page, coach.email, PASSWORD)
    _english(coach_page, live_server)
    coach_page.goto(live_server.url + "/coaching/dashboard/")
    expect(coach_page.get_by_role("heading", level=1)).to_have_text(
        "Coaching dashboard"
    )
    expect(coach_page.get_by_text("1 unread")).to_be_attached()
    axe_check(coach_page)
    coach_page.get_by_role("link", name="Wie is de initiator?").click()
    expect(coach_page.get_by_text("De melder belde namens de buurt.")).to_be_visible()
    context_box = coach_page.get_by_role("region", name="Context")
    expect(context_box.get_by_role("link").first).to_be_visible()
    axe_check(coach_page)
    coach_page.get_by_label("Your reply").fill(
        "Registreer de melder zelf als initiator."
    )
    coach_page.get_by_role("button", name="Send reply").click()
    expect(coach_page.get_by_text("Your reply has been sent.")).to_be_visible()

    # The coach replays the attempt read-only, straight from the request's context.
    coach_page.get_by_role("link", name="Replay this practice attempt").click()
    expect(coach_page.get_by_text("Read-only: nothing can be changed")).to_be_visible()
    # ...where the coach is not offered a help box of their own.
    expect(coach_page.locator(".zw-help-inline")).to_have_count(0)
    assert CoachAccessLog.objects.filter(
        viewer=coach, learner=learner, what="sandbox_attempt"
    ).exists()
    coach_page.go_back()
    coach_page.get_by_role("link", name="Colleague's progress and timeline").click()
    expect(coach_page.get_by_role("link", name=re.compile("^Replay"))).to_be_visible()
    assert CoachAccessLog.objects.filter(
        viewer=coach, learner=learner, what="learner_detail"
    ).exists()

    # The colleague sees the reply.
    page.goto(live_server.url + "/meldingen/")
    # (Notification titles are in the platform's language, Dutch.)
    expect(
        page.get_by_role("heading", name=re.compile("Wie is de initiator"))
    ).to_be_visible()
    page.get_by_role("button", name=re.compile("^Open")).first.click()
    expect(page.get_by_text("Registreer de melder zelf als initiator.")).to_be_visible()
    page.get_by_role("button", name="Mark as resolved").click()
    expect(page.get_by_text("Status changed to “Resolved”.")).to_be_visible()

    # Later the coach sees the real work and signs off the competence.
    coach_page.goto(live_server.url + f"/coaching/collega/{learner.pk}/")
    coach_page.get_by_role("link", name="Sign off a competence").first.click()
    expect(coach_page.get_by_label("Colleague")).to_have_value(str(learner.pk))
    coach_page.get_by_label("Competence and level").select_option("zgw-intake:2")
    coach_page.get_by_label("What did you see?").fill("Zelfstandig geregistreerd.")
    axe_check(coach_page)
    coach_page.get_by_role("button", name="Record sign-off").click()
    expect(coach_page.get_by_text(re.compile("^Sign-off recorded"))).to_be_visible()
    signoff = CompetenceSignOff.objects.get()
    assert (signoff.learner, signoff.coach, signoff.level) == (learner, coach, 2)
    statement = Statement.objects.get(statement_id=signoff.statement_id)
    assert statement.payload["context"]["instructor"] == vocabulary.actor_for(coach)
    coach_context.close()


def test_coaching_pages_are_accessible(live_server, site, page, axe_check, settings):
    from datetime import timedelta

    from django.utils import timezone

    from lms.coaching import services

    settings.LMS_MFA_REQUIRED_FOR_STAFF = False
    floor = FloorFactory()
    learner = employee(floor=floor).user
    coach = employee(roles=[Role.COACH], coached_floors=[floor]).user
    stand_in = employee(roles=[Role.COACH]).user
    hr = employee(roles=[Role.HR]).user
    services.coach_profile_set(
        user=coach, location="Werkplek 1.07", availability="ma-do"
    )
    help_request = services.help_request_create(
        learner=learner, subject="Termijn", body="<p>Hoe <em>verleng</em> ik?</p>"
    )
    services.help_visit_propose(
        help_request=help_request,
        coach=coach,
        starts_at=timezone.now() + timedelta(days=1),
        note="Ik kom langs",
    )
    services.coach_absence_add(
        coach=coach,
        starts_on=timezone.localdate() + timedelta(days=7),
        ends_on=timezone.localdate() + timedelta(days=9),
        stand_in=stand_in,
    )

    def visit(user, paths):
        page.context.clear_cookies()
        page.goto(live_server.url + "/accounts/login/")
        sign_in(page, user.email, PASSWORD)
        _english(page, live_server)
        for path in paths:
            page.goto(live_server.url + path)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            axe_check(page)

    visit(
        learner,
        [
            "/",
            "/coaching/hulpvragen/",
            f"/coaching/hulpvragen/{help_request.pk}/",
            "/coaching/mijn-aftekeningen/",
            "/meldingen/",
            "/meldingen/voorkeuren/",
        ],
    )
    visit(
        coach,
        [
            "/coaching/hulpvragen/",
            f"/coaching/collega/{learner.pk}/tijdlijn/",
            "/coaching/beschikbaarheid/",
            "/coaching/cijfers/",
        ],
    )
    visit(hr, ["/coaching/toegangslog/", "/coaching/cijfers/"])
