from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.coaching import selectors, services
from lms.lrs import vocabulary
from lms.lrs.services import statement_record
from tests.courses.factories import catalogue_page, module_page
from tests.factories import employee


def _fail(user, days_ago=1):
    statement_record(
        user=user,
        verb=vocabulary.FAILED,
        activity_id=vocabulary.activity_iri("scenario", "mor-melding-eenvoudig"),
        activity_type=vocabulary.SCENARIO_TYPE,
        result={"success": False},
        timestamp=timezone.now() - timedelta(days=days_ago),
    )


@pytest.fixture
def module(home_page):
    return module_page(catalogue_page(home_page))


def _assign(module, users, *, due_in_days, mandatory=True):
    from courses.models import Assignment

    assignment = Assignment.objects.create(
        module=module,
        due_date=timezone.localdate() + timedelta(days=due_in_days),
        mandatory=mandatory,
    )
    assignment.people.set(users)
    return assignment


def test_signals_of_who_needs_help(learner, colleague, coach, module):
    _assign(module, [learner], due_in_days=-2)
    _fail(learner)
    _fail(learner, days_ago=3)
    services.help_request_create(learner=learner, subject="Vraag", body="Help")
    # The colleague was last active three weeks ago with open work.
    _assign(module, [colleague], due_in_days=30)
    statement_record(
        user=colleague,
        verb=vocabulary.EXPERIENCED,
        activity_id=vocabulary.activity_iri("lesson", 1),
        timestamp=timezone.now() - timedelta(days=21),
    )

    rows = {row.user: row for row in selectors.coaching_dashboard(coach=coach)}
    assert set(rows[learner].signals) == {"failures", "overdue", "help"}
    assert rows[learner].failed_recently == 2
    assert rows[learner].items[0].modules_total == 1
    assert rows[colleague].signals == ["stalled"]
    assert rows[colleague].stalled_days == 21
    # Sorted by who needs attention most.
    assert [r.user for r in selectors.coaching_dashboard(coach=coach)] == [
        learner,
        colleague,
    ]
    only_help = selectors.coaching_dashboard(
        coach=coach, filters=selectors.DashboardFilters(signal="help")
    )
    assert [r.user for r in only_help] == [learner]
    by_name = selectors.coaching_dashboard(
        coach=coach, filters=selectors.DashboardFilters(query=colleague.last_name)
    )
    assert colleague in [r.user for r in by_name]


def test_dashboard_queries_do_not_grow_with_learners(client, coach, floor, module):
    def count_queries():
        client.force_login(coach)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("coaching:dashboard") + "?sort=progress")
        assert response.status_code == 200
        return len(queries)

    people = [employee(floor=floor).user for _ in range(2)]
    _assign(module, people, due_in_days=5)
    for user in people:
        _fail(user)
    count_queries()  # warm up: the session and caches of the first request
    few = count_queries()
    more = [employee(floor=floor).user for _ in range(6)]
    _assign(module, more, due_in_days=5)
    for user in more:
        _fail(user)
        services.help_request_create(learner=user, subject="Vraag", body="Help")
    assert count_queries() == few


def test_timeline_shows_the_learners_statements(client, learner, coach):
    statement_record(
        user=learner,
        verb=vocabulary.PASSED,
        activity_id=vocabulary.activity_iri("scenario", "woo-verzoek-verdaging"),
        activity_type=vocabulary.SCENARIO_TYPE,
        activity_name="Woo-verzoek verdagen",
        result={"success": True, "score": {"scaled": 0.9}},
    )
    client.force_login(coach)
    response = client.get(
        reverse("coaching:learner_timeline", kwargs={"user_id": learner.pk})
    )
    (entry,) = response.context["entries"]
    assert entry.object_name == "Woo-verzoek verdagen"
    assert entry.success is True and entry.score == 0.9
    assert "Woo-verzoek verdagen" in response.content.decode()


def test_learner_detail_page(client, learner, coach, module):
    _assign(module, [learner], due_in_days=3)
    client.force_login(coach)
    response = client.get(
        reverse("coaching:learner_detail", kwargs={"user_id": learner.pk})
    )
    assert response.status_code == 200
    assert response.context["row"].items[0].title == module.title
