"""``statements_store``, the service both the Statements resource and the platform's
recording service use: index projections, activity and agent records, the
``statement_recorded`` signal and the cost of a batch."""

import copy

import pytest

from lms.lrs.identity import agent_key
from lms.lrs.models import (
    Activity,
    KnownAgent,
    Statement,
    StatementActivity,
    StatementAgent,
)
from lms.lrs.signals import statement_recorded
from lms.lrs.storage import (
    StatementConflict,
    StatementRejected,
    definition_merge,
    statement_activities,
    statement_agents,
    statements_store,
)
from tests.lms.lrs.statement_factories import activity, agent, new_id, statement

AUTHORITY = {
    "objectType": "Agent",
    "name": "Zaakwijs",
    "account": {"homePage": "http://testserver", "name": "platform"},
}


def store(*statements, **kwargs):
    return statements_store(
        statements=list(statements), authority=AUTHORITY, version="1.0.3", **kwargs
    )


# --- The service -----------------------------------------------------------------------


def test_signal_is_sent_after_commit_once_per_new_statement(
    db, django_capture_on_commit_callbacks
):
    """Issue 3 §4: listeners hear of a statement only after its transaction commits."""
    received = []

    def listener(sender, statement, **kwargs):
        received.append(str(statement.statement_id))

    statement_recorded.connect(listener)
    try:
        known = statement(id=new_id())
        with django_capture_on_commit_callbacks(execute=True):
            store(known)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            ids = store(known, statement())
            assert received == [known["id"]]  # nothing before the commit
        for callback in callbacks:
            callback()
    finally:
        statement_recorded.disconnect(listener)
    assert received == [known["id"], ids[1]]  # the repeat is not stored again


def test_callers_statements_are_not_modified(db):
    data = statement(context={"contextActivities": {"parent": activity()}})
    before = copy.deepcopy(data)
    store(data)
    assert data == before


def test_empty_input_is_rejected(db):
    with pytest.raises(StatementRejected):
        store()


def test_conflict_raises(db):
    statement_id = new_id()
    store(statement(id=statement_id))
    with pytest.raises(StatementConflict):
        store(statement(id=statement_id, verb={"id": "http://example.com/other"}))


def test_a_batch_costs_the_same_number_of_queries_whatever_its_size(
    db, django_assert_max_num_queries
):
    """Issue 3 §8 (≥3,000 statements/s): no per-statement queries."""
    store(statement())  # first-time setup queries are not the point

    def batch(size):
        return [
            statement(
                actor=agent(),
                object=activity(name={"en-US": "x"}),
                context={
                    "registration": new_id(),
                    "instructor": agent(),
                    "contextActivities": {"parent": [activity()]},
                },
            )
            for _ in range(size)
        ]

    with django_assert_max_num_queries(20) as small:
        store(*batch(2))
    # Bulk inserts may be split by the database's limit on query parameters
    # (SQLite's 999), a few queries more, not one per statement.
    with django_assert_max_num_queries(len(small.captured_queries) + 6):
        store(*batch(100))


# --- Index projections -------------------------------------------------------------------


def test_agent_projection_flags_what_only_related_agents_matches():
    """Communication §2.1.3 table rows 3 and 8: actor, object and members of those
    Groups match ``agent``; authority, instructor, team and SubStatement agents only
    ``related_agents``."""
    actor, member, instructor, teammate, sub_actor = (agent() for _ in range(5))
    payload = statement(
        actor={
            "objectType": "Group",
            "mbox": "mailto:g@example.com",
            "member": [member],
        },
        object={
            "objectType": "SubStatement",
            "actor": sub_actor,
            "verb": {"id": "http://example.com/v"},
            "object": actor,
        },
        authority=AUTHORITY,
        context={
            "instructor": instructor,
            "team": {"objectType": "Group", "member": [teammate]},
        },
    )
    rows = {
        (key, relation): related for key, relation, related in statement_agents(payload)
    }
    assert rows[(agent_key({"mbox": "mailto:g@example.com"}), "actor")] is False
    assert rows[(agent_key(member), "member")] is False
    assert rows[(agent_key(sub_actor), "substatement")] is True
    assert rows[(agent_key(actor), "substatement")] is True
    assert rows[(agent_key(AUTHORITY), "authority")] is True
    assert rows[(agent_key(instructor), "instructor")] is True
    assert rows[(agent_key(teammate), "member")] is True


def test_activity_projection_flags_what_only_related_activities_matches():
    """Communication §2.1.3 table rows 5 and 7."""
    payload = statement(
        object=activity("http://example.com/object"),
        context={
            "contextActivities": {
                "parent": [activity("http://example.com/parent")],
                "other": activity("http://example.com/object"),
            }
        },
    )
    assert dict(statement_activities(payload)) == {
        "http://example.com/object": False,  # the object wins over context
        "http://example.com/parent": True,
    }


def test_index_rows_are_written(db):
    store(
        statement(
            actor=agent(mbox="mailto:ann@example.com"),
            object=activity("http://example.com/indexed"),
        )
    )
    row = Statement.objects.get()
    assert StatementAgent.objects.filter(
        statement=row,
        agent_key=agent_key({"mbox": "mailto:ann@example.com"}),
        relation="actor",
        related_only=False,
    ).exists()
    assert StatementActivity.objects.filter(
        statement=row, activity_id="http://example.com/indexed", related_only=False
    ).exists()


# --- Activities and agents -----------------------------------------------------------


def test_definition_merge_adds_languages_and_keeps_meaning():
    """Data §2.4.4.1.s4.b3-b5: small corrections (translations, texts, moreInfo) are
    taken; significant changes (interaction type, correct responses) are not."""
    canonical = {
        "name": {"en-US": "Quiz"},
        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        "interactionType": "choice",
        "correctResponsesPattern": ["a"],
        "choices": [{"id": "a", "description": {"en-US": "A"}}],
    }
    received = {
        "name": {"nl-NL": "Toets", "en-US": "The quiz"},
        "interactionType": "true-false",
        "correctResponsesPattern": ["b"],
        "choices": [
            {"id": "a", "description": {"nl-NL": "A (nl)"}},
            {"id": "z", "description": {"en-US": "new"}},
        ],
        "moreInfo": "http://example.com/info",
        "extensions": {"http://example.com/ext": 1},
    }
    merged = definition_merge(canonical, received)
    assert merged["name"] == {"en-US": "The quiz", "nl-NL": "Toets"}
    assert merged["interactionType"] == "choice"
    assert merged["correctResponsesPattern"] == ["a"]
    assert merged["choices"] == [
        {"id": "a", "description": {"en-US": "A", "nl-NL": "A (nl)"}}
    ]
    assert merged["moreInfo"] == "http://example.com/info"
    assert merged["extensions"] == {"http://example.com/ext": 1}


def test_activities_are_upserted_with_merged_definitions(db):
    activity_id = "http://example.com/activities/merged"
    store(statement(object=activity(activity_id, name={"en-US": "One"})))
    store(
        statement(
            object=activity("http://example.com/other"),
            context={
                "contextActivities": {
                    "parent": [activity(activity_id, name={"nl-NL": "Een"})]
                }
            },
        )
    )
    definition = Activity.objects.get(activity_id=activity_id).definition
    assert definition == {"name": {"en-US": "One", "nl-NL": "Een"}}
    assert Activity.objects.filter(activity_id="http://example.com/other").exists()


def test_a_repeated_statement_changes_no_definition(db):
    """Communication §2.1.2.s2.b4: a known id changes nothing, definitions included."""
    activity_id = "http://example.com/activities/unchanged"
    data = statement(id=new_id(), object=activity(activity_id, name={"en-US": "One"}))
    store(data)
    repeat = {**data, "object": activity(activity_id, name={"nl-NL": "Een"})}
    store(repeat)
    assert Activity.objects.get(activity_id=activity_id).definition == {
        "name": {"en-US": "One"}
    }


def test_known_agents_collect_names(db):
    store(statement(actor=agent(name="Ann", mbox="mailto:ann@example.com")))
    store(
        statement(
            actor={
                "objectType": "Group",
                "member": [agent(name="Ann B.", mbox="mailto:ann@example.com")],
            }
        )
    )
    known = KnownAgent.objects.get(
        agent_key=agent_key({"mbox": "mailto:ann@example.com"})
    )
    assert known.names == ["Ann", "Ann B."]
