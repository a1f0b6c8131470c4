"""The Activity Profile resource: xAPI 1.0.3 Part 3 §2.2, §2.7 and §3.1; xAPI 2.0
§4.1.6.6 and §4.1.4. Each test names the requirement it checks."""

import uuid

import pytest

from lms.lrs.models import ActivityProfileDocument
from lms.lrs.services_credentials import lrs_launch_credential_issue
from tests.lms.lrs.conftest import XAPIClient, make_credential
from tests.lms.lrs.documents_support import (
    ACTIVITY_PROFILE,
    error_message,
    head,
    quoted_etag,
    sha1,
)

CREATE = {"If-None-Match": "*"}


def profile_params(**overrides) -> dict:
    params = {
        "activityId": f"http://www.example.com/activities/{uuid.uuid4()}",
        "profileId": f"profile-{uuid.uuid4()}",
    }
    params.update(overrides)
    return {name: value for name, value in params.items() if value is not None}


@pytest.fixture(params=["xapi", "xapi2"])
def client(request):
    """Both versions: the profile rules are the same in 1.0.3 and 2.0."""
    return request.getfixturevalue(request.param)


def test_put_with_if_none_match_creates_and_get_returns_it(client):
    """1.0.3 Part 3 §2.7.s3 (conformance XAPI-00287): PUT stores the document (204);
    GET with profileId returns it (200) with a quoted SHA-1 ETag (§3.1.s4.b1-b4)."""
    params = profile_params()

    put = client.put(ACTIVITY_PROFILE, {"a": 1}, headers=CREATE, **params)
    got = client.get(ACTIVITY_PROFILE, **params)

    assert put.status_code == 204
    assert got.status_code == 200
    assert got.json() == {"a": 1}
    assert quoted_etag(got) == f'"{sha1(got.content)}"'
    assert got["Last-Modified"].endswith("GMT")


def test_put_of_a_new_document_without_a_precondition_is_400(xapi):
    """1.0.3 Part 3 §3.1.s3.b1 (conformance 2.7 "fails without ETag header"): a PUT
    to the Activity Profile resource must carry If-Match or If-None-Match."""
    params = profile_params()

    response = xapi.put(ACTIVITY_PROFILE, {"a": 1}, **params)

    assert response.status_code == 400
    assert "If-None-Match" in error_message(response)
    assert xapi.get(ACTIVITY_PROFILE, **params).status_code == 404


def test_put_without_a_precondition_over_an_existing_document_is_409(client):
    """1.0.3 Part 3 §3.1.s4.b13-b15 and 2.0 §4.1.4: 409 Conflict, a message saying
    to check the document and send If-Match with its ETag, and no change."""
    params = profile_params()
    client.post(ACTIVITY_PROFILE, {"a": 1}, **params)

    response = client.put(ACTIVITY_PROFILE, {"b": 2}, **params)

    assert response.status_code == 409
    message = error_message(response)
    assert "If-Match" in message and "ETag" in message
    assert client.get(ACTIVITY_PROFILE, **params).json() == {"a": 1}


def test_put_with_the_current_etag_replaces_the_document(client):
    """1.0.3 Part 3 §3.1.s4.b5: If-Match with the current ETag lets the PUT through."""
    params = profile_params()
    client.put(ACTIVITY_PROFILE, {"a": 1}, headers=CREATE, **params)
    etag = client.get(ACTIVITY_PROFILE, **params)["ETag"]

    response = client.put(
        ACTIVITY_PROFILE, {"b": 2}, headers={"If-Match": etag}, **params
    )

    assert response.status_code == 204
    assert client.get(ACTIVITY_PROFILE, **params).json() == {"b": 2}


def test_put_with_an_old_etag_is_412_and_changes_nothing(client):
    """1.0.3 Part 3 §3.1.s4.b5, b9-b10: a stale If-Match fails with 412."""
    params = profile_params()
    client.put(ACTIVITY_PROFILE, {"a": 1}, headers=CREATE, **params)
    stale = client.get(ACTIVITY_PROFILE, **params)["ETag"]
    client.post(ACTIVITY_PROFILE, {"b": 2}, headers={"If-Match": stale}, **params)

    response = client.put(
        ACTIVITY_PROFILE, {"c": 3}, headers={"If-Match": stale}, **params
    )

    assert response.status_code == 412
    assert client.get(ACTIVITY_PROFILE, **params).json() == {"a": 1, "b": 2}


def test_if_none_match_star_over_an_existing_document_is_412(client):
    """1.0.3 Part 3 §3.1.s4.b6, b9 (conformance 3.1 "rejects if a document already exists")."""
    params = profile_params()
    client.put(ACTIVITY_PROFILE, {"a": 1}, headers=CREATE, **params)

    response = client.put(ACTIVITY_PROFILE, {"b": 2}, headers=CREATE, **params)

    assert response.status_code == 412


def test_an_unquoted_etag_is_understood(xapi):
    """RFC 7232 §2.3 wants the ETag quoted; clients that send the bare SHA-1 (as some
    xAPI libraries do) mean the same document, so the LRS accepts it."""
    params = profile_params()
    xapi.put(ACTIVITY_PROFILE, {"a": 1}, headers=CREATE, **params)
    bare = xapi.get(ACTIVITY_PROFILE, **params)["ETag"].strip('"')

    response = xapi.put(
        ACTIVITY_PROFILE, {"b": 2}, headers={"If-Match": bare}, **params
    )

    assert response.status_code == 204


def test_post_merges_json_and_refuses_other_content(client):
    """1.0.3 Part 3 §2.2.s7-s8 (conformance XAPI-00308, XAPI-00309, XAPI-00313)."""
    params = profile_params()
    client.post(ACTIVITY_PROFILE, {"x": "foo", "y": "bar"}, **params)

    merged = client.post(ACTIVITY_PROFILE, {"x": "bash", "z": "faz"}, **params)
    refused = client.post(ACTIVITY_PROFILE, "abc", content_type="text/plain", **params)

    assert merged.status_code == 204
    assert refused.status_code == 400
    assert client.get(ACTIVITY_PROFILE, **params).json() == {
        "x": "bash",
        "y": "bar",
        "z": "faz",
    }


def test_post_of_invalid_json_is_400(client):
    """1.0.3 Part 3 §2.7 (conformance XAPI-00314): application/json that is not JSON."""
    response = client.post(ACTIVITY_PROFILE, '{"a": 1}[', **profile_params())

    assert response.status_code == 400


def test_post_with_if_match_merges_only_onto_the_expected_version(client):
    """1.0.3 Part 3 §3.1.s4.b7, b11 and 2.0 §4.1.4: a POST's If-Match is honoured."""
    params = profile_params()
    client.post(ACTIVITY_PROFILE, {"a": 1}, **params)
    etag = client.get(ACTIVITY_PROFILE, **params)["ETag"]

    wrong = client.post(
        ACTIVITY_PROFILE, {"b": 2}, headers={"If-Match": '"1234"'}, **params
    )
    right = client.post(
        ACTIVITY_PROFILE, {"b": 2}, headers={"If-Match": etag}, **params
    )

    assert (wrong.status_code, right.status_code) == (412, 204)


def test_get_without_profile_id_lists_ids_and_since_filters_them(client):
    """1.0.3 Part 3 §2.7.s4 (conformance XAPI-00289, XAPI-00294, XAPI-00303)."""
    activity_id = f"http://www.example.com/activities/{uuid.uuid4()}"
    client.post(ACTIVITY_PROFILE, {}, activityId=activity_id, profileId="old")
    old = ActivityProfileDocument.objects.get(activity_id=activity_id, profile_id="old")
    client.post(ACTIVITY_PROFILE, {}, activityId=activity_id, profileId="new")

    everything = client.get(ACTIVITY_PROFILE, activityId=activity_id)
    recent = client.get(
        ACTIVITY_PROFILE, activityId=activity_id, since=old.updated.isoformat()
    )
    bad_since = client.get(ACTIVITY_PROFILE, activityId=activity_id, since="yesterday")

    assert sorted(everything.json()) == ["new", "old"]
    assert recent.json() == ["new"]
    assert bad_since.status_code == 400
    assert error_message(bad_since).startswith("since:")


def test_delete_with_the_etag_removes_the_document(client):
    """1.0.3 Part 3 §2.7.s3 and §3.1.s4.b7: DELETE (with a matching If-Match) gives
    204 and the document is gone; a wrong If-Match is 412."""
    params = profile_params()
    client.post(ACTIVITY_PROFILE, {"a": 1}, **params)
    etag = client.get(ACTIVITY_PROFILE, **params)["ETag"]

    wrong = client.delete(ACTIVITY_PROFILE, headers={"If-Match": '"1234"'}, **params)
    right = client.delete(ACTIVITY_PROFILE, headers={"If-Match": etag}, **params)

    assert (wrong.status_code, right.status_code) == (412, 204)
    assert client.get(ACTIVITY_PROFILE, **params).status_code == 404


def test_head_gives_the_headers_only(xapi):
    """1.0.3 Part 3 §1.1.s3.b1."""
    params = profile_params()
    xapi.post(ACTIVITY_PROFILE, {"a": 1}, **params)

    response = head(xapi, ACTIVITY_PROFILE, **params)

    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"]


@pytest.mark.parametrize(
    ("method", "missing"),
    [
        ("put", "activityId"),
        ("post", "activityId"),
        ("get", "activityId"),
        ("delete", "activityId"),
        ("put", "profileId"),
        ("post", "profileId"),
        ("delete", "profileId"),
    ],
)
def test_a_missing_parameter_is_400(xapi, method, missing):
    """1.0.3 Part 3 §2.7.s3.table1 (conformance XAPI-00296-00302)."""
    params = profile_params(**{missing: None})
    args = (
        (ACTIVITY_PROFILE,)
        if method in ("get", "delete")
        else (ACTIVITY_PROFILE, {"a": 1})
    )

    response = getattr(xapi, method)(*args, headers=CREATE, **params)

    assert response.status_code == 400
    assert error_message(response).startswith(f"{missing}:")


@pytest.mark.parametrize(
    "params", [{"activityId": "true"}, {"agent": "{}"}, {"stateId": "x"}]
)
def test_a_bad_or_foreign_parameter_is_400(xapi, params):
    """1.0.3 Part 3 §2.7.s3.table1.row1 and §3.2.s3.b7: activityId must be an IRI, and
    parameters of other resources are not recognised here."""
    response = xapi.put(
        ACTIVITY_PROFILE, {"a": 1}, headers=CREATE, **profile_params(**params)
    )

    assert response.status_code == 400


def test_a_launch_credential_may_read_activity_profiles_but_not_change_them(
    learner, xapi
):
    """Issue 3 §3: a learner's launch credential is limited to that learner; an
    activity profile is shared by all learners of the activity."""
    params = profile_params()
    xapi.put(ACTIVITY_PROFILE, {"a": 1}, headers=CREATE, **params)
    launched = XAPIClient(
        *lrs_launch_credential_issue(user=learner, registration=uuid.uuid4())
    )

    assert launched.get(ACTIVITY_PROFILE, **params).json() == {"a": 1}
    assert launched.post(ACTIVITY_PROFILE, {"b": 2}, **params).status_code == 403
    assert launched.delete(ACTIVITY_PROFILE, **params).status_code == 403


def test_the_profile_scope_is_needed(db):
    """1.0.3 Part 3 §4.2.s2: "profile" reads and writes profiles; "state" does not."""
    state_only = XAPIClient(*make_credential(scopes=["state"]))

    response = state_only.get(ACTIVITY_PROFILE, **profile_params())

    assert response.status_code == 403
