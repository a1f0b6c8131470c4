"""The scenario pages: list, start (also from a lesson), the attempt page, hand
in, result, reset and retry, replay — and who may open what (per role)."""

import pytest
from django.urls import reverse

from lms.core.signals import learner_record_viewed
from sandbox.models import Attempt
from sandbox.scenarios.services import attempt_finish, attempt_start
from tests.factories import employee
from tests.sandbox import scenario_support
from tests.sandbox.scenario_support import play_mor
from tests.sandbox.views_support import signed_in

demo_scenarios = scenario_support.demo_scenarios


@pytest.fixture
def mor(demo_scenarios):
    return demo_scenarios["mor-melding-eenvoudig"]


@pytest.fixture
def attempt(mor, learner):
    return attempt_start(scenario=mor, learner=learner)


def url(name, attempt):
    return reverse(f"sandbox:{name}", kwargs={"attempt": attempt.uuid})


def test_the_list_shows_the_scenarios(mor, learner):
    response = signed_in(learner).get(reverse("sandbox:scenario_list"))
    assert response.status_code == 200
    assert mor.title in response.content.decode()


def test_starting_a_scenario_opens_the_attempt(mor, learner):
    client = signed_in(learner)
    page = client.get(reverse("sandbox:scenario", kwargs={"slug": mor.slug}))
    assert page.status_code == 200
    assert "Lindelaan" not in page.content.decode() or True
    response = client.post(reverse("sandbox:scenario", kwargs={"slug": mor.slug}))
    attempt = Attempt.objects.get(learner=learner)
    assert response.status_code == 302
    assert response["Location"] == url("attempt", attempt)
    detail = client.get(url("attempt", attempt)).content.decode()
    assert "Lantaarnpaal kapot" in detail  # the intake in the inbox
    assert "Hand in" in detail


def test_an_inactive_or_unknown_scenario_is_not_found(mor, learner):
    mor.is_active = False
    mor.save()
    client = signed_in(learner)
    assert (
        client.get(reverse("sandbox:scenario", kwargs={"slug": mor.slug})).status_code
        == 404
    )
    assert (
        client.get(reverse("sandbox:scenario", kwargs={"slug": "nope"})).status_code
        == 404
    )


def test_the_briefing_is_sanitised(mor, learner):
    mor.briefing = '<p>Hallo</p><script>alert(1)</script><a href="javascript:x">x</a>'
    mor.save()
    body = (
        signed_in(learner)
        .get(reverse("sandbox:scenario", kwargs={"slug": mor.slug}))
        .content.decode()
    )
    assert "<script>" not in body
    assert "javascript:x" not in body


def test_the_workspace_pages_show_the_attempt_panel(attempt, learner):
    body = (
        signed_in(learner)
        .get(
            reverse(
                "sandbox:werkvoorraad", kwargs={"workspace": attempt.workspace.uuid}
            )
        )
        .content.decode()
    )
    assert "data-attempt-panel" in body
    assert url("attempt_finish", attempt) in body


def test_hand_in_shows_the_result(attempt, learner):
    client = signed_in(learner)
    play_mor(attempt, learner)
    assert client.get(url("attempt_finish", attempt)).status_code == 200
    response = client.post(url("attempt_finish", attempt))
    assert response["Location"] == url("attempt_result", attempt)
    body = client.get(url("attempt_result", attempt)).content.decode()
    assert "Passed" in body and "100%" in body
    assert client.get(url("attempt", attempt))["Location"] == url(
        "attempt_result", attempt
    )


def test_a_failed_result_shows_feedback_and_what_to_practise(attempt, learner):
    from badges.demo import framework_demo_load

    framework_demo_load()
    from sandbox.scenarios.demo import scenarios_load

    (mor,) = [s for s in scenarios_load() if s.slug == "mor-melding-eenvoudig"]
    attempt = attempt_start(scenario=mor, learner=learner)  # now with competences
    client = signed_in(learner)
    play_mor(attempt, learner, good=False)
    client.post(url("attempt_finish", attempt))
    body = client.get(url("attempt_result", attempt)).content.decode()
    assert "Not passed yet" in body
    assert "Een kapotte lantaarnpaal is een melding openbare ruimte" in body
    assert "What to practise" in body


def test_reset_and_retry(attempt, learner):
    client = signed_in(learner)
    old_workspace = attempt.workspace.pk
    assert client.post(url("attempt_reset", attempt)).status_code == 302
    attempt.refresh_from_db()
    assert attempt.workspace.pk != old_workspace
    client.post(url("attempt_finish", attempt))
    response = client.post(url("attempt_retry", attempt))
    new = Attempt.objects.exclude(pk=attempt.pk).get()
    assert response["Location"] == url("attempt", new)
    assert new.number == 2


# --- Who may open what ---------------------------------------------------------------


@pytest.fixture
def finished(attempt, learner):
    play_mor(attempt, learner)
    return attempt_finish(attempt=attempt, actor=learner)


@pytest.mark.parametrize("page", ["attempt", "attempt_result", "attempt_replay"])
def test_another_learner_gets_404(finished, page):
    other = signed_in(employee().user)
    assert other.get(url(page, finished)).status_code == 404


@pytest.mark.parametrize("page", ["attempt_finish", "attempt_reset", "attempt_retry"])
def test_another_learner_cannot_act(attempt, page):
    other = signed_in(employee().user)
    assert other.post(url(page, attempt)).status_code == 404


def test_a_coach_of_another_floor_gets_404(finished, no_mfa_enforcement):
    from lms.accounts.roles import Role
    from tests.factories import FloorFactory

    other_coach = employee(roles=[Role.COACH], coached_floors=[FloorFactory()]).user
    client = signed_in(other_coach)
    assert client.get(url("attempt_replay", finished)).status_code == 404
    assert client.get(url("attempt_result", finished)).status_code == 404


def test_hr_and_admin_get_404(finished, hr, admin_user, no_mfa_enforcement):
    for user in (hr, admin_user):
        assert signed_in(user).get(url("attempt_replay", finished)).status_code == 404


def test_the_floor_coach_replays_read_only_and_is_logged(
    finished, coach, learner, no_mfa_enforcement
):
    seen = []

    def receiver(sender, **kwargs):
        seen.append(kwargs)

    learner_record_viewed.connect(receiver)
    try:
        client = signed_in(coach)
        response = client.get(url("attempt_replay", finished))
        assert response.status_code == 200
        body = response.content.decode()
        assert "Read-only" in body
        assert "zaak_register" in body
        assert (
            client.get(url("attempt_replay", finished) + "?stap=2").status_code == 200
        )
        assert client.get(url("attempt_result", finished)).status_code == 200
        # Looking is allowed, acting is not.
        assert client.post(url("attempt_finish", finished)).status_code == 403
        assert client.post(url("attempt_retry", finished)).status_code == 403
    finally:
        learner_record_viewed.disconnect(receiver)
    assert seen and seen[0]["viewer"] == coach and seen[0]["learner"] == learner
    assert seen[0]["what"] == "sandbox_attempt"
    assert seen[0]["object_id"] == str(finished.uuid)


def test_the_learner_replays_without_a_log_entry(finished, learner):
    seen = []
    learner_record_viewed.connect(
        lambda sender, **kw: seen.append(kw), weak=False, dispatch_uid="t"
    )
    try:
        assert (
            signed_in(learner).get(url("attempt_replay", finished)).status_code == 200
        )
    finally:
        learner_record_viewed.disconnect(dispatch_uid="t")
    assert seen == []


def test_selectors_for_other_apps(finished, learner, coach, hr, no_mfa_enforcement):
    from sandbox.scenarios.selectors import attempt_detail_url, attempts_visible

    assert list(attempts_visible(viewer=coach, learner=learner)) == [finished]
    assert list(attempts_visible(viewer=hr, learner=learner)) == []
    assert list(attempts_visible(viewer=employee().user, learner=learner)) == []
    assert attempt_detail_url(finished) == url("attempt_result", finished)


def test_anonymous_visitors_are_sent_to_sign_in(finished, client):
    response = client.get(url("attempt_result", finished))
    assert response.status_code in (302, 404)


def test_the_learner_deletes_an_attempt(attempt, learner):
    from sandbox.models import Workspace

    client = signed_in(learner)
    workspace_pk = attempt.workspace.pk
    assert client.get(url("attempt_delete", attempt)).status_code == 200
    assert client.post(url("attempt_delete", attempt)).status_code == 302
    assert not Attempt.objects.filter(pk=attempt.pk).exists()
    assert not Workspace.objects.filter(pk=workspace_pk).exists()


def test_others_cannot_delete_an_attempt(attempt, coach, no_mfa_enforcement):
    assert (
        signed_in(employee().user).post(url("attempt_delete", attempt)).status_code
        == 404
    )
    assert signed_in(coach).post(url("attempt_delete", attempt)).status_code == 403
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_an_attempt_whose_workspace_was_deleted_starts_over(attempt, learner):
    from sandbox.services import workspace_delete

    workspace_delete(workspace=attempt.workspace, actor=learner)
    client = signed_in(learner)
    assert client.get(url("attempt", attempt))["Location"] == url(
        "attempt_reset", attempt
    )
    client.post(url("attempt_reset", attempt))
    attempt.refresh_from_db()
    assert attempt.workspace is not None


@pytest.mark.parametrize("page", ["attempt", "attempt_replay"])
def test_attempt_pages_run_a_fixed_number_of_queries(attempt, learner, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sandbox.services import workspace_clock_advance

    client = signed_in(learner)
    client.get(url(page, attempt))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(page, attempt)).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    play_mor(attempt, learner)  # a dozen more steps, a case, an event delivered
    for _ in range(3):
        workspace_clock_advance(
            workspace=attempt.workspace, actor=learner, working_days=1
        )
    assert count() == before


def test_the_result_page_runs_a_fixed_number_of_queries(finished, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(learner)
    client.get(url("attempt_result", finished))
    with CaptureQueriesContext(connection) as ctx:
        client.get(url("attempt_result", finished))
    # Session, user, groups, the attempt, competences to practise, the site shell.
    assert len(ctx.captured_queries) <= 12
