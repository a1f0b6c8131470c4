"""The Agent Profile resource: xAPI 1.0.3 Part 3 §2.2, §2.6 and §3.1; xAPI 2.0
§4.1.6.5 and §4.1.4. Each test names the requirement it checks."""

import uuid

import pytest

from lms.lrs.models import AgentProfileDocument
from lms.lrs.services_credentials import lrs_launch_credential_issue
from lms.lrs.vocabulary import actor_for
from tests.lms.lrs.conftest import XAPIClient
from tests.lms.lrs.documents_support import (
    AGENT_PROFILE,
    an_agent,
    error_message,
    head,
    quoted_etag,
    sha1,
)

CREATE = {"If-None-Match": "*"}


def profile_params(**overrides) -> dict:
    params = {"agent": an_agent(), "profileId": f"profile-{uuid.uuid4()}"}
    params.update(overrides)
    return {name: value for name, value in params.items() if value is not None}


@pytest.fixture(params=["xapi", "xapi2"])
def client(request):
    return request.getfixturevalue(request.param)


def test_put_get_and_delete_one_profile(client):
    """1.0.3 Part 3 §2.6.s3 (conformance XAPI-00269-00274): PUT 204, GET 200 with the
    document and a quoted SHA-1 ETag, DELETE 204, then GET 404."""
    params = profile_params()

    put = client.put(AGENT_PROFILE, {"theme": "dark"}, headers=CREATE, **params)
    got = client.get(AGENT_PROFILE, **params)
    deleted = client.delete(AGENT_PROFILE, headers={"If-Match": got["ETag"]}, **params)

    assert (put.status_code, got.status_code, deleted.status_code) == (204, 200, 204)
    assert got.json() == {"theme": "dark"}
    assert quoted_etag(got) == f'"{sha1(got.content)}"'
    assert client.get(AGENT_PROFILE, **params).status_code == 404


def test_put_without_precondition_new_is_400_existing_is_409(xapi):
    """1.0.3 Part 3 §3.1.s3.b1 (conformance XAPI-00273) and §3.1.s4.b13-b15."""
    params = profile_params()

    new = xapi.put(AGENT_PROFILE, {"a": 1}, **params)
    xapi.post(AGENT_PROFILE, {"a": 1}, **params)
    existing = xapi.put(AGENT_PROFILE, {"b": 2}, **params)

    assert new.status_code == 400
    assert existing.status_code == 409
    assert xapi.get(AGENT_PROFILE, **params).json() == {"a": 1}


def test_post_merges_json_objects(client):
    """1.0.3 Part 3 §2.2.s7 (conformance XAPI-00279, XAPI-00280)."""
    params = profile_params()
    client.post(AGENT_PROFILE, {"car": "Honda"}, **params)

    response = client.post(AGENT_PROFILE, {"type": "Civic"}, **params)

    assert response.status_code == 204
    assert client.get(AGENT_PROFILE, **params).json() == {
        "car": "Honda",
        "type": "Civic",
    }


def test_post_onto_a_non_json_document_is_400(client):
    """1.0.3 Part 3 §2.2.s8.b1 (conformance XAPI-00278, XAPI-00281)."""
    params = profile_params()
    client.put(
        AGENT_PROFILE,
        b"\x00\x01binary",
        content_type="application/octet-stream",
        headers=CREATE,
        **params,
    )

    response = client.post(AGENT_PROFILE, {"a": 1}, **params)

    assert response.status_code == 400
    assert client.get(AGENT_PROFILE, **params).content == b"\x00\x01binary"


def test_the_profile_belongs_to_the_agents_identifier(xapi):
    """1.0.3 Data §2.4.2.1: one IFI is one agent, whatever name comes with it."""
    account = {"homePage": "http://www.example.com", "name": "rick"}
    params = profile_params(agent=an_agent("Rick", account=account))
    xapi.put(AGENT_PROFILE, {"a": 1}, headers=CREATE, **params)

    response = xapi.get(
        AGENT_PROFILE, **dict(params, agent=an_agent("Rick James", account=account))
    )

    assert response.json() == {"a": 1}


def test_get_without_profile_id_lists_ids_since(client):
    """1.0.3 Part 3 §2.6.s4 (conformance XAPI-00268, XAPI-00270, XAPI-00275)."""
    agent = an_agent()
    client.post(AGENT_PROFILE, {}, agent=agent, profileId="old")
    old = AgentProfileDocument.objects.get(profile_id="old")
    client.post(AGENT_PROFILE, {}, agent=agent, profileId="new")
    client.post(AGENT_PROFILE, {}, agent=an_agent(), profileId="someone-else")

    everything = client.get(AGENT_PROFILE, agent=agent)
    recent = client.get(AGENT_PROFILE, agent=agent, since=old.updated.isoformat())

    assert sorted(everything.json()) == ["new", "old"]
    assert recent.json() == ["new"]


def test_head_gives_the_headers_only(xapi):
    """1.0.3 Part 3 §1.1.s3.b1."""
    params = profile_params()
    xapi.post(AGENT_PROFILE, {"a": 1}, **params)

    response = head(xapi, AGENT_PROFILE, **params)

    assert (response.status_code, response.content) == (200, b"")


def test_a_group_is_not_an_agent_here(xapi):
    """1.0.3 Part 3 §2.6.s3 note: the agent parameter is an Agent object, not a Group."""
    group = {"objectType": "Group", "mbox": "mailto:team@example.com"}

    response = xapi.post(AGENT_PROFILE, {"a": 1}, **profile_params(agent=group))

    assert response.status_code == 400
    assert "Group" in error_message(response)


@pytest.mark.parametrize("method", ["get", "put", "post", "delete"])
@pytest.mark.parametrize("agent", [None, "true", '{"objectType": "Agent"}'])
def test_a_missing_or_invalid_agent_is_400(xapi, method, agent):
    """1.0.3 Part 3 §2.6.s3.table1.row1 (conformance XAPI-00255-00264)."""
    params = profile_params(agent=agent)
    args = (
        (AGENT_PROFILE,) if method in ("get", "delete") else (AGENT_PROFILE, {"a": 1})
    )

    response = getattr(xapi, method)(*args, headers=CREATE, **params)

    assert response.status_code == 400
    assert error_message(response).startswith("agent")


@pytest.mark.parametrize("method", ["put", "post", "delete"])
def test_a_missing_profile_id_is_400(xapi, method):
    """1.0.3 Part 3 §2.6.s3.table1.row2 (conformance XAPI-00265-00267)."""
    params = profile_params(profileId=None)
    args = (AGENT_PROFILE,) if method == "delete" else (AGENT_PROFILE, {"a": 1})

    response = getattr(xapi, method)(*args, headers=CREATE, **params)

    assert response.status_code == 400
    assert error_message(response).startswith("profileId:")


def test_a_launch_credential_reaches_only_its_learners_profile(learner):
    """Issue 3 §3: a learner's launch credential may only touch that learner's documents."""
    launched = XAPIClient(
        *lrs_launch_credential_issue(user=learner, registration=uuid.uuid4())
    )
    own = profile_params(agent=actor_for(learner))
    someone_else = profile_params()

    assert (
        launched.put(AGENT_PROFILE, {"a": 1}, headers=CREATE, **own).status_code == 204
    )
    assert launched.get(AGENT_PROFILE, **own).json() == {"a": 1}
    assert launched.get(AGENT_PROFILE, **someone_else).status_code == 403
    assert launched.post(AGENT_PROFILE, {"a": 1}, **someone_else).status_code == 403
