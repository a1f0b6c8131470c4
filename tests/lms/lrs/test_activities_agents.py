"""The Activities and Agents resources: xAPI 1.0.3 Part 3 §2.4-2.5; xAPI 2.0
§4.1.6.3-4.1.6.4. Each test names the requirement it checks."""

import hashlib
import uuid

import pytest

from lms.lrs.identity import agent_key
from lms.lrs.models import Activity, KnownAgent
from lms.lrs.services_credentials import lrs_launch_credential_issue
from lms.lrs.vocabulary import actor_for
from tests.lms.lrs.conftest import XAPIClient, make_credential
from tests.lms.lrs.documents_support import error_message, head, quoted_etag

ACTIVITIES = "/xapi/activities"
AGENTS = "/xapi/agents"
DEFINITION = {
    "type": "http://adlnet.gov/expapi/activities/meeting",
    "name": {"en-US": "example meeting", "fr-FR": "réunion"},
}


# --- Activities ----------------------------------------------------------------


def test_a_known_activity_is_returned_with_its_canonical_definition(xapi2):
    """1.0.3 Part 3 §2.5.s1 (conformance XAPI-00251, XAPI-00254): GET returns the
    complete Activity object the LRS holds."""
    activity_id = f"http://www.example.com/activities/{uuid.uuid4()}"
    Activity.objects.create(activity_id=activity_id, definition=DEFINITION)

    response = xapi2.get(ACTIVITIES, activityId=activity_id)

    assert response.status_code == 200
    assert response.json() == {
        "objectType": "Activity",
        "id": activity_id,
        "definition": DEFINITION,
    }
    assert quoted_etag(response)


def test_an_unknown_activity_is_still_an_activity_object(xapi, xapi2):
    """1.0.3 Part 3 §2.5.s2.b1 / 2.0 §4.1.6.4: without a canonical definition the LRS
    still returns an Activity object (id and objectType), as trusted LRSs do."""
    activity_id = f"http://www.example.com/never-seen/{uuid.uuid4()}"

    for client in (xapi, xapi2):
        response = client.get(ACTIVITIES, activityId=activity_id)
        assert response.status_code == 200
        assert response.json() == {"objectType": "Activity", "id": activity_id}


def test_head_of_an_activity_has_no_body(xapi):
    """1.0.3 Part 3 §1.1.s3.b1."""
    response = head(xapi, ACTIVITIES, activityId="http://www.example.com/a")

    assert (response.status_code, response.content) == (200, b"")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "activityId"),
        ({"activityId": "true"}, "activityId"),
        ({"activityId": "not an iri"}, "activityId"),
        ({"activityId": "http://example.com/a", "activityid": "x"}, "'activityid'"),
    ],
)
def test_a_missing_or_bad_activity_id_is_400(xapi, params, field):
    """1.0.3 Part 3 §2.5.s1.table1.row1 (conformance XAPI-00250) and §3.2.s3.b7-b8."""
    response = xapi.get(ACTIVITIES, **params)

    assert response.status_code == 400
    assert field in error_message(response)


def test_activities_are_read_only(xapi):
    """1.0.3 Part 3 §2.5: the Activities resource has only GET."""
    response = xapi.put(ACTIVITIES, {}, activityId="http://example.com/a")

    assert response.status_code == 405


# --- Agents --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ifi", "expected"),
    [
        ({"mbox": "mailto:xapi@adlnet.gov"}, {"mbox": ["mailto:xapi@adlnet.gov"]}),
        (
            {"mbox_sha1sum": hashlib.sha1(b"mailto:a@example.com").hexdigest()},  # noqa: S324
            {"mbox_sha1sum": [hashlib.sha1(b"mailto:a@example.com").hexdigest()]},  # noqa: S324
        ),
        (
            {"openid": "http://openid.example.org/12345"},
            {"openid": ["http://openid.example.org/12345"]},
        ),
        (
            {"account": {"homePage": "http://www.example.com", "name": "xapi"}},
            {"account": [{"homePage": "http://www.example.com", "name": "xapi"}]},
        ),
    ],
    ids=["mbox", "mbox_sha1sum", "openid", "account"],
)
def test_an_unknown_agent_gives_a_person_with_what_the_request_said(
    xapi, ifi, expected
):
    """1.0.3 Part 3 §2.4.s3.b3 and §2.4.s5-s6 (conformance XAPI-00236-00244): a Person
    object whose properties are arrays, holding what the requested Agent carried."""
    response = xapi.get(AGENTS, agent={"objectType": "Agent", "name": "xAPI", **ifi})

    assert response.status_code == 200
    assert response.json() == {"objectType": "Person", "name": ["xAPI"], **expected}
    assert quoted_etag(response)


def test_a_known_agent_adds_the_names_the_lrs_has_seen(xapi):
    """1.0.3 Part 3 §2.4.s2: combined information about the agent; each property once
    (§2.4.s6.b2), names not repeated."""
    agent = {"objectType": "Agent", "mbox": "mailto:anna@example.com"}
    KnownAgent.objects.create(
        agent_key=agent_key(agent),
        agent={**agent, "name": "Anna"},
        names=["Anna", "A. de Vries"],
    )

    response = xapi.get(AGENTS, agent={**agent, "name": "Anna"})

    assert response.json() == {
        "objectType": "Person",
        "name": ["Anna", "A. de Vries"],
        "mbox": ["mailto:anna@example.com"],
    }


def test_a_person_for_an_agent_without_a_name_has_no_name(xapi):
    """1.0.3 Part 3 §2.4.s5.table1.row2: name is optional."""
    response = xapi.get(AGENTS, agent={"mbox": "mailto:nameless@example.com"})

    assert response.json() == {
        "objectType": "Person",
        "mbox": ["mailto:nameless@example.com"],
    }


@pytest.mark.parametrize(
    "agent",
    [
        None,
        "not json",
        {"objectType": "Agent", "name": "Rick James"},
        {"objectType": "Group", "mbox": "mailto:team@example.com"},
    ],
    ids=["missing", "not-json", "no-ifi", "group"],
)
def test_an_agent_parameter_that_is_not_an_agent_is_400(xapi, agent):
    """1.0.3 Part 3 §2.4.s2 (conformance XAPI-00243, XAPI-00249): the agent parameter
    is an Agent with one identifier, "not a Person Object, nor a Group"."""
    params = {} if agent is None else {"agent": agent}

    response = xapi.get(AGENTS, **params)

    assert response.status_code == 400
    assert error_message(response).startswith("agent")


def test_head_of_agents_has_no_body(xapi):
    """1.0.3 Part 3 §1.1.s3.b1 (conformance 1.1 "HEAD agents with no body")."""
    response = head(xapi, AGENTS, agent={"mbox": "mailto:a@example.com"})

    assert (response.status_code, response.content) == (200, b"")


def test_a_launch_credential_may_only_ask_about_its_own_learner(learner):
    """Issue 3 §3 and 1.0.3 Part 3 §2.4.s3.b1-b2: combined agent information needs
    explicit permission; a learner's launch credential gets only its own."""
    launched = XAPIClient(
        *lrs_launch_credential_issue(user=learner, registration=uuid.uuid4())
    )

    own = launched.get(AGENTS, agent=actor_for(learner))
    other = launched.get(AGENTS, agent={"mbox": "mailto:someone@example.com"})

    assert own.status_code == 200
    assert other.status_code == 403


def test_agents_need_a_read_scope(db):
    """1.0.3 Part 3 §4.2.s2: statements/read, profile or all/read."""
    writer = XAPIClient(*make_credential(scopes=["statements/write"]))

    response = writer.get(AGENTS, agent={"mbox": "mailto:a@example.com"})

    assert response.status_code == 403
