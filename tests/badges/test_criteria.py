"""Criteria are evaluated from the record: LRS statements, sign-offs, awards held."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from badges.criteria import LearnerRecord, badge_evaluate, score_percent
from badges.models import BadgeAward, BadgeClass
from badges.services import badges_evaluate
from lms.lrs import vocabulary
from lms.lrs.models import Statement
from tests.badges import factories as f

pytestmark = pytest.mark.django_db


def evaluate(user, badge):
    return badge_evaluate(badge, LearnerRecord(user, badge_classes=[badge]))


def test_score_percent_from_scaled_and_raw():
    assert score_percent({"score": {"scaled": 0.855}}) == Decimal("85.50")
    assert score_percent({"score": {"raw": 7, "min": 0, "max": 10}}) == Decimal("70.00")
    assert score_percent({"score": {"raw": 7}}) is None
    assert score_percent(None) is None


def test_module_completed(learner, module):
    badge = f.badge_class(f.module_completed(module))
    assert not evaluate(learner, badge).is_met
    # Passing without the COMPLETED statement does not complete the module.
    f.record_module(learner, module, verb="PASSED", score=0.9)
    assert not evaluate(learner, badge).is_met
    statement = f.record_module(learner, module, verb="COMPLETED", score=0.9)
    evaluation = evaluate(learner, badge)
    assert evaluation.is_met
    assert evaluation.results[0].statement_id == statement.statement_id


def test_module_passed_with_minimum_score(learner, module):
    badge = f.badge_class(f.module_passed(module, min_score=70))
    f.record_module(learner, module, verb="PASSED", score=0.65)
    result = evaluate(learner, badge).results[0]
    assert not result.met
    assert result.best_score == Decimal("65.00")
    f.record_module(learner, module, verb="FAILED", score=0.95)  # failed: never counts
    assert not evaluate(learner, badge).is_met
    best = f.record_module(learner, module, verb="PASSED", score=0.7)
    result = evaluate(learner, badge).results[0]
    assert result.met
    assert result.statement_id == best.statement_id
    assert "70" in result.evidence


def test_module_passed_without_minimum_needs_no_score(learner, module):
    badge = f.badge_class(f.module_passed(module))
    f.record_module(learner, module, verb="PASSED")
    assert evaluate(learner, badge).is_met


def test_another_modules_statements_do_not_count(learner, module, other_module):
    badge = f.badge_class(f.module_passed(module))
    f.record_module(learner, other_module, verb="PASSED", score=1)
    assert not evaluate(learner, badge).is_met


def test_someone_elses_statements_do_not_count(learner, module, coach):
    badge = f.badge_class(f.module_passed(module))
    f.record_module(coach, module, verb="PASSED", score=1)
    assert not evaluate(learner, badge).is_met


def test_scenario_passed_by_slug_and_score(learner):
    badge = f.badge_class(f.scenario_passed("mor-melding-eenvoudig", min_score=70))
    f.record_scenario(learner, "woo-verzoek-verdaging", score=1)
    assert not evaluate(learner, badge).is_met
    f.record_scenario(learner, "mor-melding-eenvoudig", verb="FAILED", score=0.5)
    f.record_scenario(learner, "mor-melding-eenvoudig", score=0.69)
    assert not evaluate(learner, badge).is_met
    f.record_scenario(learner, "mor-melding-eenvoudig", score=0.8)
    assert evaluate(learner, badge).is_met


def test_scenario_completed_with_success_counts_as_passed(learner):
    badge = f.badge_class(f.scenario_passed("klacht-afhandelen", min_score=60))
    f.record_scenario(learner, "klacht-afhandelen", verb="COMPLETED", score=0.75)
    assert evaluate(learner, badge).is_met


def test_voided_and_third_party_statements_do_not_count(learner):
    badge = f.badge_class(f.scenario_passed("klacht-afhandelen"))
    statement = f.record_scenario(learner, "klacht-afhandelen", score=1)
    Statement.objects.filter(pk=statement.pk).update(voided=True)
    assert not evaluate(learner, badge).is_met
    # A statement stored through an LRS credential (third-party content) is not the
    # platform's own record.
    from lms.lrs.models import LRSCredential

    credential = LRSCredential.objects.create(name="pakket", key="k", secret_hash="x")
    statement = f.record_scenario(learner, "klacht-afhandelen", score=1)
    Statement.objects.filter(pk=statement.pk).update(credential=credential)
    assert not evaluate(learner, badge).is_met


def test_signoff_at_level(learner, coach):
    competence = f.competence()
    badge = f.badge_class(f.signoff(competence, 2))
    f.sign_off(learner, coach, competence, 1)
    assert not evaluate(learner, badge).is_met
    signoff = f.sign_off(learner, coach, competence, 3)
    result = evaluate(learner, badge).results[0]
    assert result.met and result.signoff == signoff
    signoff.withdrawn_at = timezone.now()
    signoff.save()
    assert not evaluate(learner, badge).is_met


def test_badge_held_only_while_valid(learner, module):
    first = f.badge_class(f.module_passed(module), valid_for_days=10)
    second = f.badge_class(f.badge_held(first))
    assert not evaluate(learner, second).is_met
    f.record_module(learner, module, score=1)
    (award,) = badges_evaluate(user=learner, badge_classes=[first])
    assert evaluate(learner, second).is_met
    BadgeAward.objects.filter(pk=award.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    assert not evaluate(learner, second).is_met


@pytest.mark.parametrize(
    ("rule", "required_count", "met", "expected"),
    [
        (BadgeClass.Rule.ALL, None, 2, False),
        (BadgeClass.Rule.ALL, None, 3, True),
        (BadgeClass.Rule.ANY, None, 0, False),
        (BadgeClass.Rule.ANY, None, 1, True),
        (BadgeClass.Rule.N_OF, 2, 1, False),
        (BadgeClass.Rule.N_OF, 2, 2, True),
    ],
)
def test_rules(learner, rule, required_count, met, expected):
    slugs = ["a-scenario", "b-scenario", "c-scenario"]
    badge = f.badge_class(
        *[f.scenario_passed(slug) for slug in slugs],
        rule=rule,
        required_count=required_count,
    )
    for slug in slugs[:met]:
        f.record_scenario(learner, slug, score=1)
    evaluation = evaluate(learner, badge)
    assert evaluation.met_count == met
    assert evaluation.is_met is expected


def test_badge_without_criteria_is_never_met(learner):
    badge = f.badge_class()
    assert not evaluate(learner, badge).is_met


def test_recertification_needs_evidence_after_the_old_award(learner):
    badge = f.badge_class(f.scenario_passed("klacht-afhandelen"))
    f.record_scenario(learner, "klacht-afhandelen", score=1)
    record = LearnerRecord(learner, badge_classes=[badge])
    assert badge_evaluate(badge, record).is_met
    later = timezone.now() + timedelta(seconds=1)
    assert not badge_evaluate(badge, record, since=later).is_met


def test_earned_verb_is_the_open_badges_one():
    assert (
        vocabulary.EARNED.id == "http://specification.openbadges.org/xapi/verbs/earned"
    )
