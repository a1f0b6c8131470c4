"""The learner's pages: "Mijn badges" and the competence profile (English pinned)."""

import pytest
from django.urls import reverse

from badges.models import FunctionRequirement
from badges.selectors import badge_progress_for, competence_profile_for
from badges.services import badge_award_manual, badge_award_revoke, badges_evaluate
from tests.badges import factories as f

pytestmark = pytest.mark.django_db


def test_pages_need_a_sign_in(client):
    for name in ("badges:my_badges", "badges:competence_profile"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "login" in response.url


def test_my_badges_shows_earned_and_progress(learner_client, learner, hr, module):
    earned = f.badge_class(
        f.scenario_passed("klacht-afhandelen"), name="Klachtenkenner"
    )
    f.record_scenario(learner, "klacht-afhandelen", score=1)
    badges_evaluate(user=learner)
    revoked = f.badge_class(name="Ingetrokken badge")
    award = badge_award_manual(
        actor=hr, badge_class=revoked, recipient=learner, narrative="x"
    )
    badge_award_revoke(actor=hr, award=award, reason="Vergissing")
    target = f.badge_class(
        f.module_passed(module, min_score=70),
        f.scenario_passed("mor-melding-eenvoudig", min_score=70),
        name="Zaak registreren",
    )
    f.record_module(learner, module, score=0.6)
    f.record_module(learner, module, verb="PASSED", score=0.6)
    f.record_scenario(learner, "mor-melding-eenvoudig", score=0.9)

    response = learner_client.get(reverse("badges:my_badges"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Klachtenkenner" in html and "Valid" in html
    assert "Ingetrokken badge" in html and "Revoked" in html and "Vergissing" in html
    assert target.name in html
    assert "1 of 2 done" in html
    assert "your best so far: 60%" in html
    assert module.url in html  # a link to do what is missing
    assert 'aria-current="page"' in html
    assert earned.name in html


def test_progress_selector_marks_met_and_missing(learner, module):
    badge = f.badge_class(
        f.module_passed(module, min_score=70),
        f.scenario_passed("mor-melding-eenvoudig"),
        rule="any",
    )
    overview = badge_progress_for(learner)
    (progress,) = overview.in_progress
    assert progress.badge_class == badge
    assert progress.needed == 1 and progress.met_count == 0
    assert [c.met for c in progress.criteria] == [False, False]
    assert progress.criteria[1].link == "/oefenen/scenarios/mor-melding-eenvoudig/"


def test_learner_sees_only_own_badges(client, learner, coach, hr):
    badge = f.badge_class(name="Alleen van de coach")
    badge_award_manual(actor=hr, badge_class=badge, recipient=coach, narrative="x")
    client.force_login(learner)
    html = client.get(reverse("badges:my_badges")).content.decode()
    assert "You have not earned a badge yet" in html
    assert badge_progress_for(learner).earned == []


def test_competence_profile_shows_levels_against_function(
    learner_client, learner, coach
):
    intake = f.competence("zgw-intake", name="Intakegegevens vastleggen")
    status = f.competence("zgw-status", name="Statussen op volgorde zetten")
    extra = f.competence("zgw-archief", name="Archiveren")
    from lms.organisation.models import EmployeeProfile

    function = EmployeeProfile.objects.get(user=learner).job_function
    FunctionRequirement.objects.create(
        job_function=function, competence=intake, level=2
    )
    FunctionRequirement.objects.create(
        job_function=function, competence=status, level=2
    )
    f.sign_off(learner, coach, intake, 2)
    f.sign_off(learner, coach, extra, 1)
    from badges.services import competence_levels_refresh

    competence_levels_refresh(user=learner)
    profile = competence_profile_for(learner)
    rows = {row.competence.code: row for row in profile.rows}
    assert rows["zgw-intake"].meets and not rows["zgw-intake"].has_gap
    assert rows["zgw-status"].has_gap and rows["zgw-status"].level == 0
    assert [r.competence.code for r in profile.gaps] == ["zgw-status"]
    assert [r.competence.code for r in profile.other_rows] == ["zgw-archief"]

    response = learner_client.get(reverse("badges:competence_profile"))
    html = response.content.decode()
    assert response.status_code == 200
    assert function.name in html
    assert "1 competence is below the level your function asks." in html
    assert "Gap" in html and "signed off by a coach" in html
    assert "Archiveren" in html


def test_competence_profile_without_function(learner_client, learner):
    from lms.organisation.models import EmployeeProfile

    EmployeeProfile.objects.filter(user=learner).update(job_function=None)
    response = learner_client.get(reverse("badges:competence_profile"))
    assert "No function is recorded for you" in response.content.decode()


def test_nav_has_my_badges(learner_client, home_page):
    html = learner_client.get("/").content.decode()
    assert reverse("badges:my_badges") in html


def test_profile_points_to_badges_that_close_a_gap(learner_client, learner):
    from lms.organisation.models import EmployeeProfile

    status = f.competence("zgw-status", name="Statussen op volgorde zetten")
    function = EmployeeProfile.objects.get(user=learner).job_function
    FunctionRequirement.objects.create(
        job_function=function, competence=status, level=2
    )
    helpful = f.badge_class(
        f.scenario_passed("klacht-afhandelen"),
        name="Status zetten",
        competence=status,
        level=2,
    )
    f.badge_class(f.scenario_passed("x"), name="Te laag", competence=status, level=1)
    (row,) = competence_profile_for(learner).gaps
    assert row.helpful == [helpful]
    html = learner_client.get(reverse("badges:competence_profile")).content.decode()
    assert f"#badge-{helpful.slug}" in html
    html = learner_client.get(reverse("badges:my_badges")).content.decode()
    assert f'id="badge-{helpful.slug}"' in html
