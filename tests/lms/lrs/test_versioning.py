"""The X-Experience-API-Version header: which version a request is answered in.

ADL's conformance suites (scripts/lrs_conformance.sh) check the header on every
response, including errors; these tests pin the same rules in the test suite.
"""

import base64
import uuid

import pytest
from django.test import Client

from tests.lms.lrs.conftest import XAPIClient, make_credential
from tests.lms.lrs.statement_factories import statement


@pytest.mark.parametrize("declared", ["1.0", "1.0.0", "1.0.2", "1.0.3"])
def test_1_0_x_requests_are_answered_as_1_0_3(db, declared):
    """1.0.3 Communication 3.3: the LRS MUST accept "1.0" as "1.0.0" and MUST set the
    response header to "1.0.3" (XAPI-00330, XAPI-00332)."""
    credential, secret = make_credential()
    xapi = XAPIClient(credential, secret, version=declared)
    response = xapi.put("/xapi/statements", statement(), statementId=str(uuid.uuid4()))
    assert response.status_code == 204
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_2_0_requests_are_answered_as_2_0_0(xapi2):
    """IEEE 9274.1.1 (xAPI 2.0) 4.1.5: the header is set to the latest patch version."""
    response = xapi2.post("/xapi/statements", statement())
    assert response.status_code == 200
    assert response["X-Experience-API-Version"] == "2.0.0"


def test_an_error_is_answered_in_the_declared_version(xapi, xapi2):
    """1.0.3 Communication 3.3 / xAPI 2.0 4.1.5: every response carries the header,
    a 400 as well, in the version the request declared."""
    bad = statement(verb={"id": "not an IRI"})
    assert xapi.post("/xapi/statements", bad)["X-Experience-API-Version"] == "1.0.3"
    assert xapi2.post("/xapi/statements", bad)["X-Experience-API-Version"] == "2.0.0"


@pytest.mark.parametrize("declared", ["0.95", "0.9", "1.1.0", "3.0.0", "1.0.3.1", "x"])
def test_unsupported_versions_are_rejected(db, declared):
    """1.0.3 Communication 3.3: the LRS MUST reject requests with a version header
    prior to 1.0.0 (XAPI-00333), and answers a version it does not speak with 400."""
    credential, secret = make_credential()
    response = XAPIClient(credential, secret, version=declared).get("/xapi/statements")
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["error"]["message"]


def test_a_request_without_version_is_rejected_and_answered_as_2_0_0(db):
    """1.0.3 Communication 3.3 (XAPI-00331) / xAPI 2.0 4.1.5: a request without the
    header gets 400, except About.

    The request declares no version, so the answer's header cannot follow it: it
    names the newest version spoken, 2.0.0, which the 2.0 conformance suite expects.
    The 1.0.3 suite expects "1.0.3" for the same request; no stateless answer
    satisfies both (see README, Conformance)."""
    credential, secret = make_credential()
    token = base64.b64encode(f"{credential.key}:{secret}".encode()).decode()
    client = Client(headers={"Authorization": f"Basic {token}"})
    for response in (
        client.get("/xapi/statements", {"statementId": str(uuid.uuid4())}),
        client.post("/xapi/statements", statement(), content_type="application/json"),
    ):
        assert response.status_code == 400
        assert response["X-Experience-API-Version"] == "2.0.0"
    about = Client().get("/xapi/about")
    assert about.status_code == 200
    assert about["X-Experience-API-Version"]


def test_a_1_0_3_only_deployment_answers_1_0_3_and_refuses_2_0(settings, db):
    """1.0.3 Communication 3.3 (XAPI-00331): a request without the header gets a
    400 carrying the LRS's version; a deployment that offers only 1.0.3 says 1.0.3."""
    from django.test import Client

    from tests.lms.lrs.conftest import XAPIClient, make_credential

    settings.LRS_SUPPORTED_VERSIONS = ["1.0.3"]
    response = Client().get("/xapi/statements")
    assert response.status_code in (400, 401)
    assert response["X-Experience-API-Version"] == "1.0.3"
    credential, secret = make_credential()
    assert (
        XAPIClient(credential, secret, version="2.0.0")
        .get("/xapi/statements")
        .status_code
        == 400
    )
    assert Client().get("/xapi/about").json()["version"] == ["1.0.3"]
