"""Exactly once under concurrency: workers that find the criteria met at the same
moment award the badge once (the partial unique constraint decides), and awards made
at the same moment get distinct status list indexes."""

import threading

import pytest
from django.db import connection

from badges import services
from badges.models import BadgeAward
from lms.notifications.models import Kind, Notification
from tests.badges import factories as f
from tests.factories import employee

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent database connections with row locks: PostgreSQL "
        "only (SQLite serialises every writer, so there is no race to test)",
    ),
]

WORKERS = 6


def run_together(targets, monkeypatch):
    """Run the callables in threads, each with its own database connection, and
    hold every one of them just before it inserts its award until all are there."""
    barrier = threading.Barrier(len(targets), timeout=30)
    local = threading.local()
    original = services._next_status_index

    def synchronised_index():
        if not getattr(local, "waited", False):
            local.waited = True
            barrier.wait()
        return original()

    monkeypatch.setattr(services, "_next_status_index", synchronised_index)
    results, errors = [None] * len(targets), []

    def work(i, target):
        try:
            results[i] = target()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=work, args=(i, t)) for i, t in enumerate(targets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return results


def test_one_award_when_workers_race(monkeypatch):
    learner = employee().user
    # Recorded before the badge exists: the statement's own evaluation (the
    # receiver, run at once in tests) finds nothing to award.
    f.record_scenario(learner, "mor-melding-eenvoudig", score=0.9)
    badge = f.badge_class(f.scenario_passed("mor-melding-eenvoudig", min_score=70))

    results = run_together(
        [lambda: services.badges_evaluate(user=learner)] * WORKERS, monkeypatch
    )

    assert sum(len(r) for r in results) == 1
    assert BadgeAward.objects.filter(badge_class=badge, recipient=learner).count() == 1
    assert (
        Notification.objects.filter(user=learner, kind=Kind.BADGE_AWARDED).count() == 1
    )
    award = BadgeAward.objects.get()
    assert award.evidence.count() == 1


def test_parallel_awards_get_distinct_status_list_indexes(monkeypatch):
    learners = [employee().user for _ in range(WORKERS)]
    for learner in learners:
        f.record_scenario(learner, "klacht-afhandelen", score=1)
    badge = f.badge_class(f.scenario_passed("klacht-afhandelen"))

    results = run_together(
        [
            (lambda user=learner: services.badges_evaluate(user=user))
            for learner in learners
        ],
        monkeypatch,
    )

    assert all(len(r) == 1 for r in results)
    indexes = list(badge.awards.values_list("status_list_index", flat=True))
    assert len(indexes) == WORKERS == len(set(indexes))
