"""Awarding from real recorded statements, evidence, levels, HR's actions, expiry."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from badges.models import AwardEvidence, BadgeAward, EmployeeCompetence
from badges.services import (
    BadgeAlreadyHeld,
    BadgeError,
    badge_award_manual,
    badge_award_revoke,
    badges_award_bulk,
    badges_evaluate,
    badges_expiry_process,
    competence_levels_refresh,
)
from lms.lrs import vocabulary
from lms.lrs.models import Statement
from lms.lrs.services import statement_record
from lms.notifications.models import Kind, Notification
from tests.badges import factories as f

pytestmark = pytest.mark.django_db

SCENARIO = "mor-melding-eenvoudig"


@pytest.fixture
def competence():
    return f.competence("zgw-intake")


@pytest.fixture
def badge(module, competence):
    return f.badge_class(
        f.module_passed(module, min_score=70),
        f.scenario_passed(SCENARIO, min_score=70),
        name="Zaak registreren",
        competence=competence,
        level=2,
    )


def record(callbacks, fn, *args, **kwargs):
    """Record as the platform does: listeners hear of it after the commit."""
    with callbacks(execute=True):
        return fn(*args, **kwargs)


def test_badge_appears_when_the_last_criterion_is_recorded(
    learner, module, badge, competence, django_capture_on_commit_callbacks
):
    cb = django_capture_on_commit_callbacks
    passed = record(cb, f.record_module, learner, module, score=0.8)
    assert not BadgeAward.objects.exists()
    scenario = record(cb, f.record_scenario, learner, SCENARIO, score=0.9)

    award = BadgeAward.objects.get()
    assert award.recipient == learner and award.badge_class == badge
    assert award.method == BadgeAward.Method.AUTOMATIC
    assert award.is_current and award.expires_at is None
    assert len(award.recipient_salt) == 32
    assert award.status_list_index == 0
    # Evidence: which statement met which criterion.
    evidence = {e.criterion.kind: e for e in award.evidence.all()}
    assert evidence["module_passed"].statement_id == passed.statement_id
    assert evidence["scenario_passed"].statement_id == scenario.statement_id
    assert all(e.description for e in evidence.values())
    # The xAPI statement of the Open Badges recipe.
    earned = Statement.objects.get(statement_id=award.statement_id)
    payload = earned.payload
    assert payload["verb"]["id"] == vocabulary.EARNED.id
    assert payload["object"]["definition"]["type"] == vocabulary.BADGE_TYPE.id
    assert payload["object"]["id"] == vocabulary.activity_iri("badge", badge.public_id)
    assert payload["actor"] == vocabulary.actor_for(learner)
    categories = [a["id"] for a in payload["context"]["contextActivities"]["category"]]
    assert vocabulary.OPEN_BADGES_RECIPE in categories
    assertion = payload["result"]["extensions"][
        vocabulary.OPEN_BADGES_ASSERTION_EXTENSION
    ]
    assert str(award.public_id) in assertion["@id"]
    # The learner is told, and the competence level follows.
    notification = Notification.objects.get(user=learner, kind=Kind.BADGE_AWARDED)
    assert "Zaak registreren" in notification.title
    level = EmployeeCompetence.objects.get(user=learner, competence=competence)
    assert (level.level, level.source) == (2, "badge")


def test_criteria_met_again_do_not_award_twice(
    learner, module, badge, django_capture_on_commit_callbacks
):
    cb = django_capture_on_commit_callbacks
    record(cb, f.record_module, learner, module, score=0.8)
    record(cb, f.record_scenario, learner, SCENARIO, score=0.9)
    record(cb, f.record_scenario, learner, SCENARIO, score=1)
    assert badges_evaluate(user=learner) == []
    assert BadgeAward.objects.count() == 1
    assert Notification.objects.filter(kind=Kind.BADGE_AWARDED).count() == 1


def test_badge_held_chain_follows_the_earned_statement(
    learner, module, badge, django_capture_on_commit_callbacks
):
    cb = django_capture_on_commit_callbacks
    follow_up = f.badge_class(f.badge_held(badge), name="Vervolg")
    record(cb, f.record_module, learner, module, score=0.8)
    record(cb, f.record_scenario, learner, SCENARIO, score=0.9)
    assert set(BadgeAward.objects.values_list("badge_class__name", flat=True)) == {
        "Zaak registreren",
        "Vervolg",
    }
    evidence = AwardEvidence.objects.get(award__badge_class=follow_up)
    assert (
        evidence.statement_id == BadgeAward.objects.get(badge_class=badge).statement_id
    )


def test_inactive_badges_are_not_evaluated(learner, module):
    badge = f.badge_class(f.module_passed(module), is_active=False)
    f.record_module(learner, module, score=1)
    assert badges_evaluate(user=learner) == []
    assert not badge.awards.exists()


def test_status_list_indexes_are_unique(learner, coach, module):
    badge = f.badge_class(f.module_passed(module))
    other = f.badge_class(f.module_passed(module))
    for user in (learner, coach):
        f.record_module(user, module, score=1)
        badges_evaluate(user=user)
    indexes = list(BadgeAward.objects.values_list("status_list_index", flat=True))
    assert sorted(indexes) == [0, 1, 2, 3]
    assert badge.awards.count() == other.awards.count() == 2


def test_validity_sets_expiry_and_recertification_makes_a_new_award(learner):
    f.badge_class(f.scenario_passed("klacht-afhandelen"), valid_for_days=365)
    f.record_scenario(learner, "klacht-afhandelen", score=1)
    (first,) = badges_evaluate(user=learner)
    assert first.expires_at - first.awarded_at == timedelta(days=365)
    # Not renewable while valid and far from expiry.
    f.record_scenario(learner, "klacht-afhandelen", score=1)
    assert badges_evaluate(user=learner) == []
    # Expired: the old evidence does not recertify by itself...
    BadgeAward.objects.filter(pk=first.pk).update(
        expires_at=timezone.now() - timedelta(days=1),
        awarded_at=timezone.now() - timedelta(days=366),
    )
    Statement.objects.update(stored=timezone.now() - timedelta(days=400))
    assert badges_evaluate(user=learner) == []
    # ...new evidence does, and the old award stops being current.
    f.record_scenario(learner, "klacht-afhandelen", score=1)
    (second,) = badges_evaluate(user=learner)
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    assert second.status_list_index != first.status_list_index


def test_revoked_badge_is_not_awarded_again_automatically(learner, hr, module):
    badge = f.badge_class(f.module_passed(module))
    f.record_module(learner, module, score=1)
    (award,) = badges_evaluate(user=learner)
    badge_award_revoke(actor=hr, award=award, reason="Onterecht toegekend.")
    f.record_module(learner, module, score=1)
    assert badges_evaluate(user=learner) == []
    assert badge.awards.count() == 1


def test_revoke_needs_a_reason_and_permission(learner, hr, coach, module):
    f.badge_class(f.module_passed(module))
    f.record_module(learner, module, score=1)
    (award,) = badges_evaluate(user=learner)
    with pytest.raises(BadgeError):
        badge_award_revoke(actor=hr, award=award, reason="  ")
    with pytest.raises(PermissionDenied):
        badge_award_revoke(actor=coach, award=award, reason="Nee.")


def test_revocation_notifies_and_lowers_the_level(
    learner, hr, coach, module, competence
):
    badge = f.badge_class(f.module_passed(module), competence=competence, level=3)
    f.sign_off(learner, coach, competence, 1)
    f.record_module(learner, module, score=1)
    (award,) = badges_evaluate(user=learner)
    assert EmployeeCompetence.objects.get(user=learner).level == 3
    badge_award_revoke(actor=hr, award=award, reason="Fraude bij de toets.")
    award.refresh_from_db()
    assert award.revoked_at and award.revoked_by == hr
    assert award.revocation_reason == "Fraude bij de toets."
    level = EmployeeCompetence.objects.get(user=learner)
    assert (level.level, level.source) == (1, "signoff")
    notification = Notification.objects.get(user=learner, kind=Kind.BADGE_REVOKED)
    assert "Fraude bij de toets." in notification.body
    assert badge.name in notification.title


def test_levels_are_the_maximum_of_badges_and_signoffs(learner, coach, competence):
    f.sign_off(learner, coach, competence, 2)
    withdrawn = f.sign_off(learner, coach, competence, 3)
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    assert competence_levels_refresh(user=learner) == 1
    level = EmployeeCompetence.objects.get(user=learner, competence=competence)
    assert (level.level, level.source, level.expires_at) == (2, "signoff", None)
    withdrawn.delete()
    EmployeeCompetence.objects.all().delete()
    CompetenceSignOff = type(withdrawn)
    CompetenceSignOff.objects.all().update(withdrawn_at=timezone.now())
    competence_levels_refresh(user=learner)
    assert not EmployeeCompetence.objects.exists()


def test_manual_award_with_narrative(learner, hr, module):
    badge = f.badge_class(f.module_passed(module))
    award = badge_award_manual(
        actor=hr,
        badge_class=badge,
        recipient=learner,
        narrative="Toonde het in de praktijk.",
    )
    assert award.method == BadgeAward.Method.MANUAL and award.awarded_by == hr
    assert award.evidence.get().description == "Toonde het in de praktijk."
    statement = Statement.objects.get(statement_id=award.statement_id)
    assert statement.payload["context"]["instructor"] == vocabulary.actor_for(hr)
    with pytest.raises(BadgeAlreadyHeld):
        badge_award_manual(
            actor=hr, badge_class=badge, recipient=learner, narrative="Nog een keer."
        )
    with pytest.raises(BadgeError):
        badge_award_manual(
            actor=hr, badge_class=f.badge_class(), recipient=learner, narrative=""
        )


def test_manual_award_refused_to_learners_and_coaches(learner, coach, module):
    badge = f.badge_class(f.module_passed(module))
    for actor in (learner, coach):
        with pytest.raises(PermissionDenied):
            badge_award_manual(
                actor=actor, badge_class=badge, recipient=learner, narrative="x"
            )


def test_manual_award_replaces_a_revoked_one(learner, hr):
    badge = f.badge_class()
    first = badge_award_manual(
        actor=hr, badge_class=badge, recipient=learner, narrative="a"
    )
    badge_award_revoke(actor=hr, award=first, reason="fout")
    second = badge_award_manual(
        actor=hr, badge_class=badge, recipient=learner, narrative="b"
    )
    first.refresh_from_db()
    assert not first.is_current and second.is_current


def test_bulk_award_is_all_or_nothing(learner, coach, hr):
    badge = f.badge_class()
    data = f"email\n{learner.email}\nonbekend@gemeente.test\n".encode()
    report = badges_award_bulk(
        actor=hr, badge_class=badge, data=data, narrative="Workshop"
    )
    assert not report.ok and report.errors[0][0] == 3
    assert not BadgeAward.objects.exists()

    data = f"{learner.email.upper()}\n{coach.email}\n".encode()
    report = badges_award_bulk(
        actor=hr, badge_class=badge, data=data, narrative="Workshop", dry_run=True
    )
    assert report.ok and len(report.awarded) == 2 and not BadgeAward.objects.exists()
    report = badges_award_bulk(
        actor=hr, badge_class=badge, data=data, narrative="Workshop"
    )
    assert report.ok and BadgeAward.objects.count() == 2
    report = badges_award_bulk(
        actor=hr, badge_class=badge, data=data, narrative="Workshop"
    )
    assert report.ok and len(report.skipped) == 2


def test_expiry_warns_once_and_lowers_levels(learner, competence):
    badge = f.badge_class(
        f.scenario_passed("klacht-afhandelen"),
        valid_for_days=365,
        competence=competence,
        level=2,
    )
    f.record_scenario(learner, "klacht-afhandelen", score=1)
    (award,) = badges_evaluate(user=learner)
    now = timezone.now()
    assert badges_expiry_process(now=now, warn_days=30).warned == 0
    soon = award.expires_at - timedelta(days=10)
    assert badges_expiry_process(now=soon, warn_days=30).warned == 1
    assert badges_expiry_process(now=soon, warn_days=30).warned == 0
    notification = Notification.objects.get(user=learner, kind=Kind.BADGE_EXPIRING)
    assert badge.name in notification.title
    assert EmployeeCompetence.objects.filter(user=learner).exists()
    later = award.expires_at + timedelta(seconds=1)
    assert badges_expiry_process(now=later, warn_days=30).refreshed == 1
    assert not EmployeeCompetence.objects.filter(user=learner).exists()


def test_expiry_command_runs(learner):
    call_command("badges_expiry", "--warn-days", "14")


def test_signoff_statement_refreshes_levels_and_awards(
    learner, coach, competence, django_capture_on_commit_callbacks
):
    """The coaching app records ACHIEVED with the sign-off; withdrawing it voids it."""
    badge = f.badge_class(f.signoff(competence, 2), competence=competence, level=1)
    signoff = f.sign_off(learner, coach, competence, 2)
    with django_capture_on_commit_callbacks(execute=True):
        achieved = statement_record(
            user=learner,
            verb=vocabulary.ACHIEVED,
            activity_id=vocabulary.activity_iri("competence", competence.code),
            activity_type=vocabulary.COMPETENCE_TYPE,
            instructor=coach,
        )
    award = badge.awards.get()
    assert award.evidence.get().signoff == signoff
    level = EmployeeCompetence.objects.get(user=learner)
    assert (level.level, level.source) == (2, "signoff")

    # Withdrawn: the level goes (the award, validly earned, stays until HR revokes).
    signoff.withdrawn_at = timezone.now()
    signoff.save()
    with django_capture_on_commit_callbacks(execute=True):
        from lms.lrs.storage import statements_store

        statements_store(
            statements=[
                {
                    "actor": vocabulary.platform_authority(),
                    "verb": vocabulary.VOIDED.as_dict(),
                    "object": {
                        "objectType": "StatementRef",
                        "id": str(achieved.statement_id),
                    },
                }
            ],
            authority=vocabulary.platform_authority(),
            version="1.0.3",
        )
    level = EmployeeCompetence.objects.get(user=learner)
    assert (level.level, level.source) == (1, "badge")


def test_badge_from_a_module_really_passed_in_courses(
    learner, module, django_capture_on_commit_callbacks
):
    """The whole way: the courses services record the module's completion and
    pass; the badge follows from those statements."""
    from courses.services import (
        enrolment_start,
        lesson_visit_record,
        question_answer_submit,
    )
    from tests.courses import factories as cf

    question = cf.true_false()
    lesson = cf.lesson_page(module, cf.text(), question)
    badge = f.badge_class(f.module_passed(module, min_score=70), name="Echt gehaald")
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_start(user=learner, module=module)
        lesson_visit_record(user=learner, lesson=lesson)
    assert not badge.awards.exists()
    with django_capture_on_commit_callbacks(execute=True):
        question_answer_submit(
            user=learner,
            lesson=lesson,
            question_id=question["id"],
            response={"choice": question["value"]["correct_answer"]},
        )
    award = badge.awards.get(recipient=learner)
    statement = Statement.objects.get(statement_id=award.evidence.get().statement_id)
    assert statement.verb_id == vocabulary.PASSED.id
    assert statement.object_activity_id == vocabulary.activity_iri("module", module.pk)
