"""The State resource: xAPI 1.0.3 Part 3 §2.2-2.3 and §3.1, xAPI 2.0 §4.1.6.2 and
§4.1.4. Each test names the requirement it checks."""

import json
import threading
import uuid
from base64 import b64encode
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from django.conf import settings

from lms.lrs.models import StateDocument
from lms.lrs.services_credentials import lrs_launch_credential_issue
from lms.lrs.vocabulary import actor_for
from tests.lms.lrs.conftest import XAPIClient, make_credential
from tests.lms.lrs.documents_support import (
    ACTIVITY_ID,
    STATE,
    an_agent,
    error_message,
    head,
    quoted_etag,
    sha1,
    state_params,
)

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


# --- storing and reading one document ------------------------------------------


def test_put_then_get_returns_the_document_with_its_content_type(xapi):
    """1.0.3 Part 3 §2.3.s3: PUT stores the document (204); GET returns it (200);
    §1.5.b1: documents can have any content type, returned as stored."""
    params = state_params()
    body = "suspend-data: 3;7;9 — ü".encode()

    put = xapi.put(STATE, body, content_type="text/plain; charset=utf-8", **params)
    got = xapi.get(STATE, **params)

    assert put.status_code == 204
    assert got.status_code == 200
    assert got.content == body
    assert got["Content-Type"] == "text/plain; charset=utf-8"


def test_get_has_a_quoted_sha1_etag_and_last_modified(xapi):
    """1.0.3 Part 3 §3.1.s4.b1-b4: a GET carries an ETag, the quoted lowercase SHA-1
    hex digest of the contents; §2.2.s6.b1: and a Last-Modified header."""
    params = state_params()
    xapi.put(STATE, {"progress": 0.5}, **params)

    got = xapi.get(STATE, **params)

    assert quoted_etag(got) == f'"{sha1(got.content)}"'
    assert got["Last-Modified"].endswith("GMT")


def test_get_of_an_unknown_state_is_404(xapi):
    """1.0.3 Part 3 §3.2.s2.b4: 404 for a request targeting a document that is not there."""
    response = xapi.get(STATE, **state_params())

    assert response.status_code == 404


def test_head_answers_like_get_without_a_body(xapi):
    """1.0.3 Part 3 §1.1.s3.b1: HEAD is answered as GET, without the message body."""
    params = state_params()
    xapi.put(STATE, {"a": 1}, **params)

    response = head(xapi, STATE, **params)

    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"] == xapi.get(STATE, **params)["ETag"]


def test_get_with_a_matching_if_none_match_is_not_modified(xapi):
    """RFC 7232 §3.2 (cited by 1.0.3 Part 3 §3.1): a GET whose If-None-Match names
    the current ETag gets 304 without the document."""
    params = state_params()
    xapi.put(STATE, {"a": 1}, **params)
    etag = xapi.get(STATE, **params)["ETag"]

    response = xapi.get(STATE, headers={"If-None-Match": etag}, **params)

    assert response.status_code == 304
    assert response.content == b""


def test_documents_are_keyed_by_the_agents_identifier_not_its_name(xapi):
    """1.0.3 Data §2.4.2.1 and Part 3 §2.3: the agent is identified by its IFI, so the
    same mbox with another name (and mailto in another case) is the same agent."""
    params = state_params(agent=an_agent("Anna", mbox="mailto:anna@example.com"))
    xapi.put(STATE, {"a": 1}, **params)

    again = dict(params, agent=an_agent("A. de Vries", mbox="mailto:ANNA@example.com"))
    response = xapi.get(STATE, **again)

    assert response.status_code == 200
    assert response.json() == {"a": 1}


def test_an_identified_group_may_hold_state(xapi):
    """1.0.3 Part 3 §2.3.s3.table1.row2: state belongs to an agent; an identified
    Group is addressed by its IFI like an Agent."""
    group = {"objectType": "Group", "mbox": "mailto:team@example.com"}
    params = state_params(agent=group)

    assert xapi.put(STATE, {"a": 1}, **params).status_code == 204
    assert xapi.get(STATE, **params).json() == {"a": 1}


# --- JSON merge ----------------------------------------------------------------


def test_post_of_a_new_document_stores_it_as_a_put_would(xapi):
    """1.0.3 Part 3 §2.2.s7: a POST for a document not in the LRS is treated as a PUT."""
    params = state_params()

    response = xapi.post(STATE, {"car": "MKX"}, **params)

    assert response.status_code == 204
    assert xapi.get(STATE, **params).json() == {"car": "MKX"}


def test_post_merges_top_level_properties_and_replaces_nested_objects_whole(xapi):
    """1.0.3 Part 3 §2.2.s7.b1-b3 and §2.2.s8.b2: properties of the posted object
    replace those of the stored one, one level deep only; the merge answers 204."""
    params = state_params()
    xapi.post(
        STATE,
        {"x": "foo", "y": "bar", "car": {"make": "Ford", "model": "Escape"}},
        **params,
    )

    response = xapi.post(
        STATE, {"x": "bash", "z": "faz", "car": {"make": "Dodge"}}, **params
    )

    assert response.status_code == 204
    assert xapi.get(STATE, **params).json() == {
        "x": "bash",
        "y": "bar",
        "z": "faz",
        "car": {"make": "Dodge"},
    }


def test_merge_changes_the_etag_to_that_of_the_merged_content(xapi):
    """1.0.3 Part 3 §3.1.s4.b2: the ETag is the SHA-1 of the contents now stored."""
    params = state_params()
    xapi.post(STATE, {"a": 1}, **params)
    before = xapi.get(STATE, **params)["ETag"]

    xapi.post(STATE, {"b": 2}, **params)
    after = xapi.get(STATE, **params)

    assert after["ETag"] != before
    assert after["ETag"] == f'"{sha1(after.content)}"'


@pytest.mark.parametrize(
    ("stored", "stored_type", "posted", "posted_type", "rule"),
    [
        ({"a": 1}, "application/json", "abcdefg", "text/plain", "Content-Type"),
        (
            b"/ asdf / undefined",
            "application/octet-stream",
            {"b": 2},
            "application/json",
            "stored document",
        ),
        ({"a": 1}, "application/json", '{"b": 2', "application/json", "not valid JSON"),
        ({"a": 1}, "application/json", [1, 2], "application/json", "not a JSON object"),
        ([1, 2], "application/json", {"b": 2}, "application/json", "not a JSON object"),
    ],
    ids=[
        "posted-not-json",
        "stored-not-json",
        "posted-invalid-json",
        "posted-array",
        "stored-array",
    ],
)
def test_post_that_cannot_be_merged_is_400_and_changes_nothing(
    xapi, stored, stored_type, posted, posted_type, rule
):
    """1.0.3 Part 3 §2.2.s8.b1: if either document is not application/json or cannot
    be parsed as a JSON object, 400 Bad Request, and the stored document is unchanged."""
    params = state_params()
    assert (
        xapi.put(STATE, stored, content_type=stored_type, **params).status_code == 204
    )
    before = xapi.get(STATE, **params)

    response = xapi.post(STATE, posted, content_type=posted_type, **params)

    assert response.status_code == 400
    assert rule in error_message(response)
    after = xapi.get(STATE, **params)
    assert (after.content, after["ETag"]) == (before.content, before["ETag"])


def test_json_that_does_not_parse_is_refused_even_for_a_new_document(xapi):
    """1.0.3 Part 3 §3.2.s3.b6 (conformance XAPI-00235): content labelled
    application/json that is not JSON is a 400."""
    params = state_params()

    response = xapi.post(STATE, '{"a": 1', **params)

    assert response.status_code == 400
    assert xapi.get(STATE, **params).status_code == 404


# --- many documents ------------------------------------------------------------


def test_get_without_state_id_lists_the_ids_of_the_context(xapi):
    """1.0.3 Part 3 §2.3.s4: GET without stateId returns the array of state ids for
    the activity and agent; another agent's or activity's states are not listed."""
    agent = an_agent()
    for state_id in ("b", "a"):
        xapi.put(STATE, {"s": state_id}, **state_params(agent=agent, stateId=state_id))
    xapi.put(STATE, {}, **state_params(stateId="other-agent"))
    xapi.put(
        STATE,
        {},
        **state_params(agent=agent, activityId="http://example.com/other", stateId="x"),
    )

    response = xapi.get(STATE, activityId=ACTIVITY_ID, agent=agent)

    assert response.status_code == 200
    assert sorted(response.json()) == ["a", "b"]
    assert response["Last-Modified"].endswith("GMT")
    assert quoted_etag(response)


def test_since_limits_the_ids_to_documents_stored_after_it_exclusive(xapi):
    """1.0.3 Part 3 §2.3.s4.table1.row4: only ids of states stored since the
    timestamp (exclusive)."""
    agent = an_agent()
    xapi.put(STATE, {"a": 1}, **state_params(agent=agent, stateId="old"))
    old = StateDocument.objects.get(state_id="old")
    xapi.put(STATE, {"a": 1}, **state_params(agent=agent, stateId="new"))

    since = old.updated.isoformat()
    response = xapi.get(STATE, activityId=ACTIVITY_ID, agent=agent, since=since)

    assert response.json() == ["new"]


@pytest.mark.parametrize("since", ["not a timestamp", "true", "2024-13-01T00:00:00Z"])
def test_since_that_is_not_a_timestamp_is_400(xapi, since):
    """1.0.3 Part 3 §2.3.s4.table1.row4 (conformance XAPI-00204): since must be a Timestamp."""
    response = xapi.get(STATE, activityId=ACTIVITY_ID, agent=an_agent(), since=since)

    assert response.status_code == 400
    assert error_message(response).startswith("since:")


def test_since_with_a_put_is_an_unknown_parameter(xapi):
    """1.0.3 Part 3 §3.2.s3.b7: since belongs to the multiple-document GET only."""
    response = xapi.put(STATE, {}, since="2024-01-01T00:00:00Z", **state_params())

    assert response.status_code == 400


def test_registration_separates_states_and_a_list_without_it_covers_all(xapi):
    """1.0.3 Part 3 §2.3.s3-s4: the registration is part of a state's context; without
    one, the multiple-document GET covers every registration."""
    agent = an_agent()
    registration = str(uuid.uuid4())
    xapi.put(
        STATE,
        {"r": 1},
        **state_params(agent=agent, stateId="s", registration=registration),
    )
    xapi.put(STATE, {"r": 0}, **state_params(agent=agent, stateId="s"))
    xapi.put(
        STATE,
        {"r": 1},
        **state_params(agent=agent, stateId="t", registration=registration),
    )

    with_registration = xapi.get(
        STATE, **state_params(agent=agent, stateId="s", registration=registration)
    )
    without = xapi.get(STATE, **state_params(agent=agent, stateId="s"))
    all_ids = xapi.get(STATE, activityId=ACTIVITY_ID, agent=agent)
    registration_ids = xapi.get(
        STATE, activityId=ACTIVITY_ID, agent=agent, registration=registration
    )

    assert with_registration.json() == {"r": 1}
    assert without.json() == {"r": 0}
    assert sorted(all_ids.json()) == ["s", "t"]
    assert sorted(registration_ids.json()) == ["s", "t"]


def test_delete_of_one_state(xapi):
    """1.0.3 Part 3 §2.3.s3: DELETE with stateId removes that document (204)."""
    params = state_params()
    xapi.put(STATE, {"a": 1}, **params)

    response = xapi.delete(STATE, **params)

    assert response.status_code == 204
    assert xapi.get(STATE, **params).status_code == 404


def test_delete_without_state_id_removes_the_whole_context_only(xapi):
    """1.0.3 Part 3 §2.3.s5: DELETE without stateId deletes all state for the activity
    and agent [and registration], nothing else."""
    agent = an_agent()
    registration = str(uuid.uuid4())
    xapi.put(STATE, {}, **state_params(agent=agent, stateId="a"))
    xapi.put(
        STATE, {}, **state_params(agent=agent, stateId="b", registration=registration)
    )
    other_agent = state_params(stateId="a")
    xapi.put(STATE, {}, **other_agent)
    other_activity = state_params(
        agent=agent, activityId="http://example.com/x", stateId="a"
    )
    xapi.put(STATE, {}, **other_activity)

    response = xapi.delete(STATE, activityId=ACTIVITY_ID, agent=agent)

    assert response.status_code == 204
    assert xapi.get(STATE, activityId=ACTIVITY_ID, agent=agent).json() == []
    assert xapi.get(STATE, **other_agent).status_code == 200
    assert xapi.get(STATE, **other_activity).status_code == 200


def test_delete_without_state_id_but_with_registration_keeps_other_registrations(xapi):
    """1.0.3 Part 3 §2.3.s5.table1.row3: the registration narrows the delete."""
    agent = an_agent()
    registration = str(uuid.uuid4())
    xapi.put(STATE, {}, **state_params(agent=agent, stateId="a"))
    xapi.put(
        STATE, {}, **state_params(agent=agent, stateId="b", registration=registration)
    )

    xapi.delete(STATE, activityId=ACTIVITY_ID, agent=agent, registration=registration)

    assert xapi.get(STATE, activityId=ACTIVITY_ID, agent=agent).json() == ["a"]


# --- concurrency (ETags) -------------------------------------------------------


def test_put_without_precondition_overwrites_in_1_0_3(xapi):
    """1.0.3 Part 3 §3.1.s3: the State resource permits PUT without concurrency headers."""
    params = state_params()
    xapi.put(STATE, {"a": 1}, **params)

    response = xapi.put(STATE, {"b": 2}, **params)

    assert response.status_code == 204
    assert xapi.get(STATE, **params).json() == {"b": 2}


def test_put_without_precondition_over_an_existing_state_is_409_in_2_0(xapi2):
    """2.0 §4.1.4 (conformance 4.1.4 for the Activity State): a PUT without If-Match
    or If-None-Match for a document that exists is 409 and changes nothing; a new
    document needs no header."""
    params = state_params()
    assert xapi2.put(STATE, {"a": 1}, **params).status_code == 204

    response = xapi2.put(STATE, {"b": 2}, **params)

    assert response.status_code == 409
    assert "If-Match" in error_message(response)
    assert xapi2.get(STATE, **params).json() == {"a": 1}


@pytest.mark.parametrize("method", ["put", "post", "delete"])
def test_a_wrong_if_match_is_412_and_changes_nothing(xapi2, method):
    """1.0.3 Part 3 §3.1.s4.b5, b7, b9-b12 and 2.0 §4.1.4: If-Match with another
    ETag fails with 412 Precondition Failed and the document stays as it was."""
    params = state_params()
    xapi2.put(STATE, {"a": 1}, **params)
    headers = {"If-Match": '"1234"'}

    if method == "delete":
        response = xapi2.delete(STATE, headers=headers, **params)
    else:
        response = getattr(xapi2, method)(STATE, {"b": 2}, headers=headers, **params)

    assert response.status_code == 412
    assert xapi2.get(STATE, **params).json() == {"a": 1}


@pytest.mark.parametrize("method", ["put", "post", "delete"])
def test_the_current_etag_in_if_match_lets_the_change_through(xapi2, method):
    """1.0.3 Part 3 §3.1.s4.b5, b7 and 2.0 §4.1.4: with the current ETag in If-Match
    the request succeeds."""
    params = state_params()
    xapi2.put(STATE, {"a": 1}, **params)
    headers = {"If-Match": xapi2.get(STATE, **params)["ETag"]}

    if method == "delete":
        response = xapi2.delete(STATE, headers=headers, **params)
    else:
        response = getattr(xapi2, method)(STATE, {"b": 2}, headers=headers, **params)

    assert response.status_code == 204


def test_if_none_match_star_refuses_to_overwrite(xapi):
    """1.0.3 Part 3 §3.1.s4.b6, b8: If-None-Match: * fails (412) when a document exists."""
    params = state_params()
    assert (
        xapi.put(STATE, {"a": 1}, headers={"If-None-Match": "*"}, **params).status_code
        == 204
    )

    response = xapi.put(STATE, {"b": 2}, headers={"If-None-Match": "*"}, **params)

    assert response.status_code == 412
    assert xapi.get(STATE, **params).json() == {"a": 1}


def test_if_match_on_a_document_that_does_not_exist_is_412(xapi):
    """RFC 7232 §3.1 (1.0.3 Part 3 §3.1.s4.b5): If-Match cannot match a missing document."""
    response = xapi.put(
        STATE, {"a": 1}, headers={"If-Match": '"abc"'}, **state_params()
    )

    assert response.status_code == 412


# --- bad input -----------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "put", "post", "delete"])
@pytest.mark.parametrize("missing", ["activityId", "agent"])
def test_a_missing_required_parameter_is_400(xapi, method, missing):
    """1.0.3 Part 3 §2.3.s3.table1.row1-2 (conformance XAPI-00207-00215): activityId and
    agent are required for every method."""
    params = state_params(**{missing: None})
    args = (STATE,) if method in ("get", "delete") else (STATE, {"a": 1})

    response = getattr(xapi, method)(*args, **params)

    assert response.status_code == 400
    assert error_message(response).startswith(f"{missing}:")


@pytest.mark.parametrize("method", ["put", "post"])
def test_put_and_post_need_a_state_id(xapi, method):
    """1.0.3 Part 3 §2.3.s3.table1.row4 (conformance XAPI-00206, XAPI-00211)."""
    response = getattr(xapi, method)(STATE, {"a": 1}, **state_params(stateId=None))

    assert response.status_code == 400
    assert error_message(response).startswith("stateId:")


@pytest.mark.parametrize(
    ("agent", "rule"),
    [
        ("not JSON", "not valid JSON"),
        ("true", "JSON object"),
        # The rules below are also validate_agent's, whose wording may differ: the
        # message must name the agent, not necessarily in these words.
        ('{"objectType": "Agent", "name": "no identifier"}', ""),
        (
            '{"mbox": "mailto:a@example.com", "openid": "http://openid.example.com/a"}',
            "",
        ),
        ('{"mbox": "a@example.com"}', ""),
        ('{"account": {"homePage": "http://example.com"}}', ""),
        ('{"objectType": "Activity", "mbox": "mailto:a@example.com"}', ""),
    ],
)
def test_an_agent_that_is_not_an_identified_agent_is_400(xapi, agent, rule):
    """1.0.3 Part 3 §2.3.s3.table1.row2 (conformance XAPI-00196-00199, XAPI-00235) and
    Data §2.4.2.1: agent is an Agent object as JSON, with exactly one IFI."""
    params = state_params()
    params["agent"] = agent

    response = xapi.put(STATE, {"a": 1}, **params)

    assert response.status_code == 400
    assert error_message(response).startswith("agent")
    assert rule in error_message(response)


@pytest.mark.parametrize(
    "activity_id", ["true", "not an iri", "", "www.example.com/no-scheme"]
)
def test_an_activity_id_that_is_not_an_iri_is_400(xapi, activity_id):
    """1.0.3 Part 3 §2.3.s3.table1.row1: activityId is an Activity id (an IRI)."""
    response = xapi.put(STATE, {"a": 1}, **state_params(activityId=activity_id))

    assert response.status_code == 400
    assert error_message(response).startswith("activityId:")


@pytest.mark.parametrize(
    "registration", ["not a uuid", "true", "1234", "{" + "0" * 32 + "}"]
)
@pytest.mark.parametrize("method", ["get", "put", "post", "delete"])
def test_a_registration_that_is_not_a_uuid_is_400(xapi, registration, method):
    """1.0.3 Part 3 §2.3.s3.table1.row3 (conformance XAPI-00200-00203)."""
    params = state_params(registration=registration)
    args = (STATE,) if method in ("get", "delete") else (STATE, {"a": 1})

    response = getattr(xapi, method)(*args, **params)

    assert response.status_code == 400
    assert error_message(response).startswith("registration:")


@pytest.mark.parametrize("name", ["foo", "ActivityId", "stateid"])
def test_an_unknown_parameter_or_one_in_another_case_is_400(xapi, name):
    """1.0.3 Part 3 §3.2.s3.b7-b8: unrecognised parameters, and parameters that match
    one of the specification's in all but case, are rejected with 400."""
    params = state_params()
    params[name] = "x"

    response = xapi.put(STATE, {"a": 1}, **params)

    assert response.status_code == 400
    assert repr(name) in error_message(response)


def test_an_empty_state_id_is_400(xapi):
    """1.0.3 Part 3 §2.3.s3.table1.row4: the stateId names a document."""
    response = xapi.put(STATE, {"a": 1}, **state_params(stateId=""))

    assert response.status_code == 400


def test_ids_too_long_to_store_are_a_400_not_a_server_error(xapi):
    """1.0.3 Part 3 §3.2.s2.b1, s3.b1: the most appropriate code for input the LRS
    cannot take is 400 with a message, not a 500 from the database's index limit."""
    long_activity = "http://example.com/" + "a" * 1500
    params = state_params(activityId=long_activity, stateId="s" * 1500)

    response = xapi.put(STATE, {"a": 1}, **params)

    assert response.status_code == 400
    assert error_message(response).startswith("stateId:")
    assert xapi.get(STATE, **params).status_code == 404


def test_state_needs_the_state_scope(db):
    """1.0.3 Part 3 §4.2.s2: the "state" scope reads and writes state; "all/read" reads."""
    agent_params = state_params()
    profile_only = XAPIClient(*make_credential(scopes=["profile"]))
    reader = XAPIClient(*make_credential(scopes=["all/read"]))

    assert profile_only.put(STATE, {"a": 1}, **agent_params).status_code == 403
    assert reader.get(STATE, **agent_params).status_code == 404
    assert reader.put(STATE, {"a": 1}, **agent_params).status_code == 403


# --- launch credentials --------------------------------------------------------


def test_a_launch_credential_reaches_only_its_learners_state_in_its_registration(
    learner,
):
    """Issue 3 §3 (1.0.3 Part 3 §3.2.s1 permits this): content launched by a learner gets
    a credential limited to that learner and registration."""
    registration = uuid.uuid4()
    credential, secret = lrs_launch_credential_issue(
        user=learner, registration=registration
    )
    launched = XAPIClient(credential, secret)
    own = state_params(agent=actor_for(learner), registration=str(registration))

    assert launched.put(STATE, {"a": 1}, **own).status_code == 204
    assert launched.get(STATE, **own).json() == {"a": 1}

    someone_else = dict(own, agent=an_agent())
    other_registration = dict(own, registration=str(uuid.uuid4()))
    no_registration = state_params(agent=actor_for(learner))
    for params in (someone_else, other_registration, no_registration):
        response = launched.put(STATE, {"a": 2}, **params)
        assert response.status_code == 403, params
    assert launched.get(STATE, **someone_else).status_code == 403


# --- parallel writes -----------------------------------------------------------


def _basic(credential, secret) -> str:
    return "Basic " + b64encode(f"{credential.key}:{secret}".encode()).decode()


def _send(url: str, method: str, body: bytes | None, headers: dict) -> int:
    request = Request(url, data=body, method=method, headers=headers)  # noqa: S310 - live server
    try:
        with urlopen(request, timeout=30) as response:  # noqa: S310 - our live server
            return response.status
    except HTTPError as error:
        return error.code


@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="needs PostgreSQL: SQLite's test database is one in-memory connection, so "
    "requests cannot run in parallel against it",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_merges_of_one_document_lose_no_update(live_server):
    """1.0.3 Part 3 §2.2.s7 and §3.1 (issue 3 §7, concurrency): two clients POSTing
    properties into the same state document at the same time, over real HTTP, end
    with every property stored — including the race to create the document."""
    credential, secret = make_credential()
    params = state_params()
    query = urlencode(
        {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
    )
    url = f"{live_server.url}{STATE}?{query}"
    headers = {
        "Authorization": _basic(credential, secret),
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
    }
    writes = 15
    start = threading.Barrier(2)
    statuses: list[int] = []

    def client(name: str) -> None:
        start.wait()
        for n in range(writes):
            body = json.dumps({f"{name}-{n}": n}).encode()
            statuses.append(_send(url, "POST", body, headers))

    threads = [threading.Thread(target=client, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [204] * (2 * writes)
    document = StateDocument.objects.get(state_id=params["stateId"])
    stored = json.loads(bytes(document.content))
    assert stored == {f"{name}-{n}": n for name in ("a", "b") for n in range(writes)}
    assert document.etag == sha1(bytes(document.content))


@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="needs PostgreSQL: SQLite's test database is one in-memory connection, so "
    "requests cannot run in parallel against it",
)
@pytest.mark.django_db(transaction=True)
def test_parallel_creates_with_if_none_match_let_exactly_one_win(live_server):
    """1.0.3 Part 3 §3.1.s4.b6, b9: of two parallel PUTs with If-None-Match: * for the
    same new document, one creates it and the other gets 412."""
    credential, secret = make_credential()
    headers = {
        "Authorization": _basic(credential, secret),
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        "If-None-Match": "*",
    }
    rounds = 10
    outcomes: list[tuple[int, int]] = []
    for _round in range(rounds):
        params = state_params()
        query = urlencode(
            {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
        )
        url = f"{live_server.url}{STATE}?{query}"
        start = threading.Barrier(2)
        statuses: dict[str, int] = {}

        def client(name: str, url=url, start=start, statuses=statuses) -> None:
            start.wait()
            statuses[name] = _send(
                url, "PUT", json.dumps({"by": name}).encode(), headers
            )

        threads = [threading.Thread(target=client, args=(name,)) for name in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        outcomes.append(tuple(sorted(statuses.values())))
        winner = next(name for name, status in statuses.items() if status == 204)
        stored = StateDocument.objects.get(state_id=params["stateId"])
        assert json.loads(bytes(stored.content)) == {"by": winner}

    assert outcomes == [(204, 412)] * rounds


# --- a third-party client --------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_third_party_xapi_client_keeps_its_state_here(live_server):
    """Issue 3 §6 and 1.0.3 Part 3 §2.3: an xAPI client library (TinCanPython), used
    as content would over real HTTP, saves, lists, reads and deletes state."""
    from tincan import Activity as TinCanActivity
    from tincan import Agent as TinCanAgent
    from tincan import AgentAccount, RemoteLRS
    from tincan import StateDocument as TinCanState

    credential, secret = make_credential(scopes=["state"])
    lrs = RemoteLRS(
        endpoint=f"{live_server.url}/xapi/",
        username=credential.key,
        password=secret,
        version="1.0.3",
    )
    agent = TinCanAgent(
        account=AgentAccount(home_page="http://www.example.com", name=str(uuid.uuid4()))
    )
    activity = TinCanActivity(id=ACTIVITY_ID)
    state = TinCanState(
        id="bookmark",
        activity=activity,
        agent=agent,
        content="page=7",
        content_type="text/plain",
    )

    saved = lrs.save_state(state)
    ids = lrs.retrieve_state_ids(activity=activity, agent=agent)
    fetched = lrs.retrieve_state(activity=activity, agent=agent, state_id="bookmark")
    deleted = lrs.delete_state(state)
    gone = lrs.retrieve_state_ids(activity=activity, agent=agent)

    assert saved.success, saved.data
    assert ids.content == ["bookmark"]
    assert bytes(fetched.content.content) == b"page=7"
    assert deleted.success, deleted.data
    assert gone.content == []
