"""The alternate request syntax: xAPI 1.0.3 Part 3 §1.3 (removed in xAPI 2.0; the
2.0 conformance suite expects it refused). Each test names the requirement it checks."""

import json
from base64 import b64encode
from urllib.parse import urlencode

import pytest
from django.test import Client

from lms.lrs.models import StateDocument
from tests.lms.lrs.conftest import make_credential
from tests.lms.lrs.documents_support import (
    ACTIVITY_PROFILE,
    STATE,
    error_message,
    state_params,
)

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def credential(db):
    return make_credential()


def basic(credential_and_secret) -> str:
    credential, secret = credential_and_secret
    return "Basic " + b64encode(f"{credential.key}:{secret}".encode()).decode()


def form_of(credential, params: dict, **fields) -> dict:
    """The form an IE-era client posts: headers, query parameters and content."""
    form = {
        "Authorization": basic(credential),
        "X-Experience-API-Version": "1.0.3",
        **{k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()},
    }
    form.update(fields)
    return form


def alternate(
    path: str,
    method: str,
    form: dict | None,
    *,
    http_method="post",
    query=None,
    content_type=FORM,
    headers=None,
):
    query_string = urlencode({"method": method, **(query or {})})
    body = urlencode(form) if isinstance(form, dict) else (form or "")
    return getattr(Client(), http_method)(
        f"{path}?{query_string}",
        data=body,
        content_type=content_type,
        headers=headers or {},
    )


def test_a_put_sent_as_a_form_post_stores_the_document(credential):
    """1.0.3 Part 3 §1.3.s3.b1-b7, b13-b15: method in the query string, headers,
    parameters and content as form fields; the LRS treats them as the PUT."""
    params = state_params()
    form = form_of(
        credential,
        params,
        content='{"lesson": 3}',
        **{"Content-Type": "application/json"},
    )

    response = alternate(STATE, "PUT", form)

    assert response.status_code == 204
    stored = StateDocument.objects.get(state_id=params["stateId"])
    assert json.loads(bytes(stored.content)) == {"lesson": 3}
    assert stored.content_type == "application/json"


def test_a_get_sent_as_a_form_post_returns_the_document(credential):
    """1.0.3 Part 3 §1.3.s2: the syntax also serves GETs (query strings too long)."""
    params = state_params()
    alternate(STATE, "PUT", form_of(credential, params, content='{"a": 1}'))

    response = alternate(STATE, "GET", form_of(credential, params))

    assert response.status_code == 200
    assert response.json() == {"a": 1}
    assert response["ETag"].startswith('"')


def test_the_content_type_form_field_is_the_documents_content_type(credential):
    """1.0.3 Part 3 §1.3.s3.b10: the Content-Type form parameter is the content's
    type; §1.3.s3.b5: the content is a UTF-8 string."""
    params = state_params()
    form = form_of(
        credential,
        params,
        content="vraag 3 — klaar",
        **{"Content-Type": "text/plain; charset=utf-8"},
    )

    alternate(STATE, "PUT", form)

    stored = StateDocument.objects.get(state_id=params["stateId"])
    assert bytes(stored.content).decode() == "vraag 3 — klaar"
    assert stored.content_type == "text/plain; charset=utf-8"


def test_if_match_and_if_none_match_form_fields_are_preconditions(credential):
    """1.0.3 Part 3 §1.3.s3.b6-b7 with §3.1: If-Match and If-None-Match sent as form
    fields work as the headers would."""
    params = {"activityId": "http://www.example.com/a", "profileId": "p"}
    created = alternate(
        ACTIVITY_PROFILE,
        "PUT",
        form_of(credential, params, content='{"a": 1}', **{"If-None-Match": "*"}),
    )
    again = alternate(
        ACTIVITY_PROFILE,
        "PUT",
        form_of(credential, params, content='{"a": 2}', **{"If-None-Match": "*"}),
    )
    stale = alternate(
        ACTIVITY_PROFILE,
        "PUT",
        form_of(credential, params, content='{"a": 3}', **{"If-Match": '"1234"'}),
    )

    assert (created.status_code, again.status_code, stale.status_code) == (
        204,
        412,
        412,
    )


def test_a_delete_sent_as_a_form_post(credential):
    """1.0.3 Part 3 §1.3.s3.b2: any xAPI method can be tunnelled."""
    params = state_params()
    alternate(STATE, "PUT", form_of(credential, params, content="{}"))

    response = alternate(STATE, "DELETE", form_of(credential, params))

    assert response.status_code == 204
    assert not StateDocument.objects.filter(state_id=params["stateId"]).exists()


def test_the_authorization_form_field_authenticates(credential):
    """1.0.3 Part 3 §1.3.s3.b6-b7: Authorization is taken from the form."""
    params = state_params()
    wrong = form_of((credential[0], "wrong secret"), params, content="{}")
    missing = form_of(credential, params, content="{}")
    del missing["Authorization"]

    assert alternate(STATE, "PUT", wrong).status_code == 401
    assert alternate(STATE, "PUT", missing).status_code == 401


def test_the_version_form_field_is_the_version_header(credential):
    """1.0.3 Part 3 §1.3.s3.b7 (conformance 1.3 "treats the listed form parameters as
    header parameters"): an unsupported version in the form is refused."""
    form = form_of(
        credential, state_params(), content="{}", **{"X-Experience-API-Version": "0.8"}
    )

    response = alternate(STATE, "PUT", form)

    assert response.status_code == 400
    assert "X-Experience-API-Version" in error_message(response)


def test_any_other_query_parameter_is_400(credential):
    """1.0.3 Part 3 §1.3.s3.b3 (conformance 1.3 "contains any extra information"):
    nothing but method in the query string."""
    params = state_params()
    form = form_of(credential, params, content="{}")

    response = alternate(STATE, "PUT", form, query={"stateId": params["stateId"]})

    assert response.status_code == 400
    assert "stateId" in error_message(response)


def test_the_syntax_must_be_sent_as_post(credential):
    """1.0.3 Part 3 §1.3.s3.b1 (conformance 1.3 "not issued as a POST")."""
    response = alternate(
        STATE,
        "POST",
        form_of(credential, state_params(), content="{}"),
        http_method="put",
    )

    assert response.status_code == 400
    assert "POST" in error_message(response)


def test_an_unknown_method_is_400(credential):
    """1.0.3 Part 3 §1.3.s3.b2: the method is one of the xAPI's."""
    response = alternate(
        STATE, "PATCH", form_of(credential, state_params(), content="{}")
    )

    assert response.status_code == 400
    assert error_message(response).startswith("method:")


def test_a_body_that_is_not_form_encoded_is_400(credential):
    """1.0.3 Part 3 §1.3.s3.b4 and §3.2.s3.b6 (conformance 1.3 "content body which is
    not url encoded")."""
    body = json.dumps(form_of(credential, state_params(), content="{}"))

    response = alternate(
        STATE,
        "PUT",
        body,
        content_type="application/json",
        headers={"Authorization": basic(credential)},
    )

    assert response.status_code == 400


def test_a_form_field_given_twice_is_400(credential):
    """1.0.3 Part 3 §3.2.s3.b7: each parameter once."""
    form = form_of(credential, state_params(), content="{}")
    body = urlencode(form) + "&stateId=another"

    response = alternate(STATE, "PUT", body)

    assert response.status_code == 400


@pytest.mark.parametrize("where", ["header", "form"])
def test_xapi_2_0_has_no_alternate_syntax(credential, where):
    """2.0 (IEEE 9274.1.1) removed the alternate request syntax (conformance 2.0
    "The LRS does NOT allow Alternate Request Syntax"): a 2.0 request using it is 400."""
    form = form_of(credential, state_params(), content="{}")
    headers = {}
    if where == "header":
        del form["X-Experience-API-Version"]
        headers["X-Experience-API-Version"] = "2.0.0"
    else:
        form["X-Experience-API-Version"] = "2.0.0"

    response = alternate(STATE, "PUT", form, headers=headers)

    assert response.status_code == 400
    assert "2.0" in error_message(response)
    assert not StateDocument.objects.exists()


# --- the Statements resource through the syntax --------------------------------

STATEMENT = {
    "actor": {"objectType": "Agent", "mbox": "mailto:xapi@adlnet.gov"},
    "verb": {
        "id": "http://adlnet.gov/expapi/verbs/attended",
        "display": {"en-US": "attended"},
    },
    "object": {"objectType": "Activity", "id": "http://www.example.com/meetings/34534"},
}


def test_statements_can_be_put_and_queried_through_the_syntax(credential):
    """1.0.3 Part 3 §1.3 with §2.1.2 (conformance 1.3 XAPI-00148 and "accepts an
    alternate request syntax PUT issued as a POST")."""
    import uuid

    statement_id = str(uuid.uuid4())
    put = alternate(
        "/xapi/statements",
        "PUT",
        form_of(
            credential, {"statementId": statement_id}, content=json.dumps(STATEMENT)
        ),
    )
    listed = alternate("/xapi/statements", "GET", form_of(credential, {"limit": "1"}))

    assert put.status_code == 204, put.content
    assert listed.status_code == 200
    assert set(listed.json()) >= {"statements", "more"}
