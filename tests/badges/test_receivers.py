"""The statement_recorded receiver: cheap filtering, then one task per statement."""

import pytest

from badges import tasks
from badges.receivers import on_statement_recorded
from lms.lrs.models import LRSCredential, Statement
from tests.badges import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def enqueued(monkeypatch):
    calls = []

    class Recorder:
        def enqueue(self, *args):
            calls.append(args)

    monkeypatch.setattr(tasks, "badges_evaluate_task", Recorder())
    return calls


def test_a_statement_a_badge_needs_enqueues_its_evaluation(learner, enqueued):
    badge = f.badge_class(f.scenario_passed("klacht-afhandelen"))
    f.badge_class(f.scenario_passed("iets-anders"))
    statement = f.record_scenario(learner, "klacht-afhandelen", score=1)
    on_statement_recorded(statement=statement)
    assert enqueued == [(learner.pk, [badge.pk], False)]


def test_unrelated_foreign_and_inactive_statements_are_ignored(learner, enqueued):
    f.badge_class(f.scenario_passed("klacht-afhandelen"), is_active=False)
    on_statement_recorded(
        statement=f.record_scenario(learner, "klacht-afhandelen", score=1)
    )
    f.badge_class(f.scenario_passed("klacht-afhandelen"))
    # FAILED can meet no criterion.
    on_statement_recorded(
        statement=f.record_scenario(learner, "klacht-afhandelen", verb="FAILED")
    )
    # Stored through an LRS credential (third-party content): not the platform's.
    statement = f.record_scenario(learner, "klacht-afhandelen", score=1)
    credential = LRSCredential.objects.create(name="pakket", key="k", secret_hash="x")
    Statement.objects.filter(pk=statement.pk).update(credential=credential)
    statement.refresh_from_db()
    on_statement_recorded(statement=statement)
    assert enqueued == []
