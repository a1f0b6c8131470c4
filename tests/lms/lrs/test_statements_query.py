"""GET /statements: xAPI 1.0.3 Communication §2.1.3-§2.1.4 and Data §2.5 (2.0
§4.1.6.1)."""

import json
import uuid
from datetime import timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from lms.lrs.models import Scope, Statement
from lms.lrs.storage import statements_store
from lms.lrs.timestamps import timestamp_parse
from tests.factories import UserFactory
from tests.lms.lrs.conftest import XAPIClient, make_credential
from tests.lms.lrs.statement_factories import (
    activity,
    agent,
    new_id,
    statement,
    voiding,
)

URL = "/xapi/statements"


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [s["id"] for s in response.json()["statements"]]


def _post(xapi, *statements) -> list[str]:
    response = xapi.post(URL, list(statements))
    assert response.status_code == 200, response.content
    return response.json()


# --- Single statements ---------------------------------------------------------------


def test_get_by_statement_id_returns_that_statement(xapi):
    """Communication §2.1.3.s1 (XAPI-00156): 200 and the statement with that id."""
    (statement_id,) = _post(xapi, statement())
    response = xapi.get(URL, statementId=statement_id)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["id"] == statement_id


def test_get_unknown_statement_id_is_404(xapi):
    """Communication §2.1.3: a statement that is not there → 404 Not Found."""
    response = xapi.get(URL, statementId=new_id())
    assert response.status_code == 404


def test_get_by_statement_id_has_last_modified_equal_to_stored(xapi):
    """Communication §2.1.3.s2.b8 (2.0): Last-Modified matches stored (to the second)."""
    (statement_id,) = _post(xapi, statement())
    response = xapi.get(URL, statementId=statement_id)
    stored = timestamp_parse(response.json()["stored"])
    assert parsedate_to_datetime(response["Last-Modified"]) == stored.replace(
        microsecond=0
    )


@pytest.mark.parametrize(
    "param,value",
    [
        ("statementId", "wrong"),
        ("voidedStatementId", "wrong"),
        ("agent", "wrong"),
        ("agent", '{"name": "no identifier"}'),
        ("agent", json.dumps({"mbox": "mailto:a@b.c", "openid": "http://a.b/c"})),
        ("verb", "not.a.valid.iri.com/verb"),
        ("activity", "not.a.valid.iri.com/activity"),
        ("registration", "wrong"),
        ("since", "yesterday"),
        ("until", "2024-13-45T99:00:00Z"),
        ("limit", "-1"),
        ("limit", "ten"),
        ("format", "full"),
        ("attachments", "yes"),
        ("ascending", "1"),
        ("related_agents", "TRUE"),
        ("related_activities", "maybe"),
    ],
)
def test_invalid_parameter_values_are_400(xapi, param, value):
    """Data §2.2.s4.b4 (XAPI-00012): parameter values validate as the same values in
    statements do; booleans are JSON's true/false."""
    response = xapi.get(f"{URL}?{urlencode({param: value})}")
    assert response.status_code == 400
    assert param in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "param",
    ["LIMIT", "StatementId", "Verb", "since_when", "_"],
)
def test_unknown_or_miscased_parameters_are_400(xapi, param):
    """Communication §3.2.s3.b7-b8 (XAPI-00324, XAPI-00325): unknown parameters and
    known ones in another case are rejected."""
    response = xapi.get(f"{URL}?{param}=1")
    assert response.status_code == 400


def test_parameter_given_twice_is_400(xapi):
    response = xapi.get(f"{URL}?limit=1&limit=2")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "other",
    [
        {"agent": json.dumps({"mbox": "mailto:a@example.com"})},
        {"verb": "http://example.com/v"},
        {"activity": "http://example.com/a"},
        {"registration": str(uuid.uuid4())},
        {"related_activities": "true"},
        {"related_agents": "true"},
        {"since": "2012-06-01T19:09:13.245Z"},
        {"until": "2012-06-01T19:09:13.245Z"},
        {"limit": "1"},
        {"ascending": "true"},
        {"voidedStatementId": str(uuid.uuid4())},
    ],
)
def test_statement_id_with_other_parameters_is_400(xapi, other):
    """Communication §2.1.3.s2.b1-b2 (XAPI-00150, XAPI-00151): statementId or
    voidedStatementId go only with attachments and format."""
    (statement_id,) = _post(xapi, statement())
    response = xapi.get(f"{URL}?{urlencode({'statementId': statement_id, **other})}")
    assert response.status_code == 400


def test_statement_id_with_format_and_attachments_is_allowed(xapi):
    """Communication §2.1.3.s2.b2: attachments and format may accompany statementId."""
    (statement_id,) = _post(xapi, statement())
    response = xapi.get(
        URL, statementId=statement_id, format="ids", attachments="false"
    )
    assert response.status_code == 200
    assert response.json()["id"] == statement_id


# --- Headers -------------------------------------------------------------------------


def test_consistent_through_header_on_every_get_even_errors(xapi):
    """Communication §2.1.3.s2.b5 (XAPI-00153): X-Experience-API-Consistent-Through,
    an ISO 8601 timestamp, on all responses, whatever their status."""
    before = timezone.now() - timedelta(seconds=1)
    for response in (xapi.get(URL), xapi.get(f"{URL}?LIMIT=1")):
        value = response["X-Experience-API-Consistent-Through"]
        assert timestamp_parse(value) >= before
    assert xapi.get(f"{URL}?LIMIT=1").status_code == 400


def test_head_is_get_without_a_body(xapi):
    """Communication §1.1 (XAPI-00125): HEAD answers as GET without the body."""
    _post(xapi, statement())
    response = xapi.client.head(URL, headers=xapi.headers)
    assert response.status_code == 200
    assert response.content == b""
    assert response["X-Experience-API-Consistent-Through"]


# --- Statement results -------------------------------------------------------------


def test_empty_result_is_200_with_an_empty_array(xapi):
    """Communication §2.1.3.s2.b4 (XAPI-00149): no match → 200, statements = []."""
    response = xapi.get(URL, verb="http://adlnet.gov/expapi/non/existent")
    assert response.status_code == 200
    assert response.json() == {"statements": [], "more": ""}


def test_results_are_newest_first_and_ascending_reverses(xapi):
    """Communication §2.1.3.s1: reverse chronological order of stored by default;
    ascending=true gives ascending order (XAPI-00166)."""
    first = _post(xapi, statement())
    second = _post(xapi, statement())
    response = xapi.get(URL)
    assert _ids(response) == second + first
    newest = timestamp_parse(response.json()["statements"][0]["stored"])
    assert parsedate_to_datetime(response["Last-Modified"]) == newest.replace(
        microsecond=0
    )
    assert _ids(xapi.get(URL, ascending="true")) == first + second


def test_agent_filter_matches_actor_object_and_group_members(xapi):
    """Communication §2.1.3.s1.table1.row3: agent matches the actor or object, and
    Groups with the agent as a member; not instructors (that needs related_agents)."""
    ann = agent(mbox="mailto:ann@example.com")
    as_actor = _post(xapi, statement(actor=ann))
    as_object = _post(xapi, statement(object=ann))
    as_member = _post(
        xapi, statement(actor={"objectType": "Group", "member": [agent(), ann]})
    )
    as_instructor = _post(xapi, statement(context={"instructor": ann}))
    _post(xapi, statement())
    query = json.dumps({"mbox": "mailto:ann@example.com"})
    assert _ids(xapi.get(URL, agent=query)) == as_member + as_object + as_actor
    related = _ids(xapi.get(URL, agent=query, related_agents="true"))
    assert related == as_instructor + as_member + as_object + as_actor


def test_agent_filter_matches_an_identified_group(xapi):
    """Communication §2.1.3.s1.table1.row3: an identified Group by its IFI."""
    group = {
        "objectType": "Group",
        "name": "Team",
        "mbox": "mailto:team@example.com",
        "member": [agent()],
    }
    ids = _post(xapi, statement(actor=group))
    query = json.dumps({"objectType": "Group", "mbox": "mailto:team@example.com"})
    assert _ids(xapi.get(URL, agent=query)) == ids


def test_agent_filter_is_case_insensitive_on_the_mbox(xapi):
    ids = _post(xapi, statement(actor=agent(mbox="mailto:Ann@Example.com")))
    assert (
        _ids(xapi.get(URL, agent=json.dumps({"mbox": "mailto:ann@example.com"}))) == ids
    )


def test_related_agents_reaches_authority_team_and_substatements(xapi):
    """Communication §2.1.3.s1.table1.row8: related_agents adds Authority, Instructor,
    Team and those in a SubStatement."""
    bob = agent(mbox="mailto:bob@example.com")
    team = _post(
        xapi,
        statement(context={"team": {"objectType": "Group", "member": [bob]}}),
    )
    sub = _post(
        xapi,
        statement(
            object={
                "objectType": "SubStatement",
                "actor": bob,
                "verb": {"id": "http://example.com/v"},
                "object": activity(),
            }
        ),
    )
    query = json.dumps({"mbox": "mailto:bob@example.com"})
    assert _ids(xapi.get(URL, agent=query)) == []
    assert _ids(xapi.get(URL, agent=query, related_agents="true")) == sub + team
    # The credential's own authority.
    authority = json.dumps(xapi.credential.authority)
    assert len(_ids(xapi.get(URL, agent=authority, related_agents="true"))) == 2


def test_verb_filter(xapi):
    """Communication §2.1.3.s1.table1.row4 (XAPI-00164)."""
    ids = _post(xapi, statement(verb={"id": "http://example.com/verbs/x"}))
    _post(xapi, statement())
    assert _ids(xapi.get(URL, verb="http://example.com/verbs/x")) == ids


def test_activity_filter_and_related_activities(xapi):
    """Communication §2.1.3.s1.table1.row5, row7: activity matches the object;
    related_activities also context activities and SubStatement activities."""
    target = "http://example.com/activities/target"
    as_object = _post(xapi, statement(object=activity(target)))
    in_context = _post(
        xapi,
        statement(context={"contextActivities": {"grouping": [activity(target)]}}),
    )
    in_sub = _post(
        xapi,
        statement(
            object={
                "objectType": "SubStatement",
                "actor": agent(),
                "verb": {"id": "http://example.com/v"},
                "object": activity(target),
            }
        ),
    )
    assert _ids(xapi.get(URL, activity=target)) == as_object
    related = _ids(xapi.get(URL, activity=target, related_activities="true"))
    assert related == in_sub + in_context + as_object


def test_registration_filter(xapi):
    """Communication §2.1.3.s1.table1.row6."""
    registration = new_id()
    ids = _post(xapi, statement(context={"registration": registration}))
    _post(xapi, statement(context={"registration": new_id()}))
    assert _ids(xapi.get(URL, registration=registration.upper())) == ids


def test_since_is_exclusive_and_until_inclusive(xapi):
    """Communication §2.1.3.s1.table1.row9-10: since exclusive, until inclusive."""
    (first,) = _post(xapi, statement())
    stored = xapi.get(URL, statementId=first).json()["stored"]
    (second,) = _post(xapi, statement())
    Statement.objects.filter(statement_id=second).update(
        stored=timestamp_parse(stored) + timedelta(seconds=1)
    )
    assert _ids(xapi.get(URL, since=stored)) == [second]
    assert _ids(xapi.get(URL, until=stored)) == [first]


def test_filters_combine(xapi):
    ann = agent(mbox="mailto:ann@example.com")
    verb = {"id": "http://example.com/verbs/combined"}
    ids = _post(xapi, statement(actor=ann, verb=verb))
    _post(xapi, statement(actor=ann), statement(verb=verb))
    response = xapi.get(
        URL, agent=json.dumps({"mbox": "mailto:ann@example.com"}), verb=verb["id"]
    )
    assert _ids(response) == ids


# --- Paging ----------------------------------------------------------------------------


def test_limit_and_more_page_through_everything(xapi):
    """Data §2.5 (XAPI-00108, -00111, -00114): a limited result has a more IRL (a
    relative path) whose container follows the same rules; the last page has an
    empty more."""
    ids = _post(xapi, *[statement() for _ in range(5)])
    response = xapi.get(URL, limit=2)
    seen = _ids(response)
    more = response.json()["more"]
    while more:
        assert more.startswith("/xapi/statements?")
        response = xapi.get(more)
        seen += _ids(response)
        more = response.json()["more"]
    assert seen == list(reversed(ids))


def test_paging_is_stable_when_statements_arrive_meanwhile(xapi):
    """Data §2.5.s3.b4: a more IRL continues where the page ended."""
    ids = _post(xapi, *[statement() for _ in range(4)])
    first = xapi.get(URL, limit=2)
    _post(xapi, statement())
    assert _ids(xapi.get(first.json()["more"])) == [ids[1], ids[0]]


def test_more_keeps_the_filter(xapi):
    verb = {"id": "http://example.com/verbs/paged"}
    ids = _post(xapi, *[statement(verb=verb) for _ in range(3)], statement())
    response = xapi.get(URL, verb=verb["id"], limit=2, ascending="true")
    second = xapi.get(response.json()["more"])
    assert _ids(response) + _ids(second) == ids[:3]
    assert second.json()["more"] == ""


def test_limit_zero_means_the_server_maximum(xapi, settings):
    """Communication §2.1.3.s1.table1.row11: limit=0 returns the most allowed."""
    settings.LRS_STATEMENTS_PAGE_SIZE = 3
    _post(xapi, *[statement() for _ in range(4)])
    response = xapi.get(URL, limit=0)
    assert len(_ids(response)) == 3
    assert response.json()["more"]


def test_tampered_more_is_400(xapi):
    _post(xapi, statement(), statement())
    more = xapi.get(URL, limit=1).json()["more"]
    assert xapi.get(more[:-3] + "abc").status_code == 400
    assert xapi.get(more + "&limit=1").status_code == 400


# --- StatementRefs and voiding ---------------------------------------------------------


def test_statement_referring_to_a_match_is_returned(xapi):
    """Communication §2.1.3.s3: a statement whose StatementRef object targets a
    matching statement matches too, recursively; since/until/limit still apply to
    the referring statement."""
    verb = {"id": "http://example.com/verbs/passed"}
    (original,) = _post(xapi, statement(verb=verb))
    (confirming,) = _post(
        xapi,
        statement(
            verb={"id": "http://example.com/verbs/confirmed"},
            object={"objectType": "StatementRef", "id": original},
        ),
    )
    (chained,) = _post(
        xapi,
        statement(
            verb={"id": "http://example.com/verbs/noted"},
            object={"objectType": "StatementRef", "id": confirming},
        ),
    )
    _post(xapi, statement())
    assert _ids(xapi.get(URL, verb=verb["id"])) == [chained, confirming, original]
    assert _ids(xapi.get(URL, verb=verb["id"], limit=1)) == [chained]


def test_context_statement_ref_does_not_affect_filtering(xapi):
    """Communication §2.1.3.s3 note: a StatementRef in context does not count."""
    verb = {"id": "http://example.com/verbs/ctx"}
    (original,) = _post(xapi, statement(verb=verb))
    _post(
        xapi,
        statement(
            context={"statement": {"objectType": "StatementRef", "id": original}}
        ),
    )
    assert _ids(xapi.get(URL, verb=verb["id"])) == [original]


def test_voided_target_still_brings_its_referring_statements(xapi):
    """Communication §2.1.4.s1.b1-b2 (XAPI-00162): a voided statement is never in a
    result, but statements targeting it are, the voiding statement included."""
    verb = {"id": f"http://adlnet.gov/expapi/test/voided/target/{new_id()}"}
    (voided,) = _post(xapi, statement(verb=verb))
    (voiding_id,) = _post(xapi, voiding(voided))
    (reference,) = _post(
        xapi, statement(verb=verb, object={"objectType": "StatementRef", "id": voided})
    )
    assert _ids(xapi.get(URL, verb=verb["id"])) == [reference, voiding_id]
    assert _ids(xapi.get(URL, verb=verb["id"], limit=1)) == [reference]
    assert voided not in _ids(xapi.get(URL))


# --- Who sees what -----------------------------------------------------------------


def test_read_mine_sees_only_statements_it_stored(db):
    """Communication §4.1 scope statements/read/mine: only statements whose authority
    is the credential's own."""
    mine_credential, secret = make_credential(
        scopes=[Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE], name="mine"
    )
    other_credential, other_secret = make_credential(name="other")
    mine, other = (
        XAPIClient(mine_credential, secret),
        XAPIClient(other_credential, other_secret),
    )
    own = _post(mine, statement())
    (foreign,) = _post(other, statement())
    assert _ids(mine.get(URL)) == own
    assert mine.get(URL, statementId=foreign).status_code == 404
    assert len(_ids(other.get(URL))) == 2


def test_launch_credential_reads_only_its_learner(db):
    """Issue 3 §3: content launched for a learner reads that learner's statements in
    its registration only."""
    from lms.lrs.vocabulary import actor_for

    user = UserFactory()
    registration = uuid.uuid4()
    writer, secret = make_credential(name="writer")
    reader_credential, reader_secret = make_credential(
        scopes=[Scope.STATEMENTS_READ],
        user=user,
        registration=registration,
        name="launch",
    )
    writer_client = XAPIClient(writer, secret)
    (own,) = _post(
        writer_client,
        statement(actor=actor_for(user), context={"registration": str(registration)}),
    )
    _post(writer_client, statement(actor=actor_for(user)))  # another registration
    _post(writer_client, statement(context={"registration": str(registration)}))
    assert _ids(XAPIClient(reader_credential, reader_secret).get(URL)) == [own]


def test_platform_statements_are_queryable(xapi, db):
    """The recording service's path (credential=None) stores what GET returns."""
    authority = {
        "objectType": "Agent",
        "account": {"homePage": "http://x", "name": "p"},
    }
    (statement_id,) = statements_store(
        statements=[statement()], authority=authority, version="1.0.3"
    )
    assert _ids(xapi.get(URL)) == [statement_id]
    row = Statement.objects.get()
    assert row.credential is None and row.payload["authority"] == authority


def test_no_credentials_no_statements(db):
    """Communication §4: the resource needs authentication (401)."""
    response = Client().get(URL, headers={"X-Experience-API-Version": "1.0.3"})
    assert response.status_code == 401
