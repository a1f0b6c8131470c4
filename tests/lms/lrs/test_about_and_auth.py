import base64

from tests.lms.lrs.conftest import XAPIClient, make_credential


def test_about_is_open_and_lists_versions(client, db):
    """xAPI 1.0.3 Part 3 §2.3.6: About needs no authentication and lists versions."""
    response = client.get("/xapi/about")
    assert response.status_code == 200
    assert set(response.json()["version"]) >= {"1.0.3", "2.0.0"}


def test_no_anonymous_access(client, db):
    """Part 3 §4: every other resource needs credentials."""
    response = client.get(
        "/xapi/statements", headers={"X-Experience-API-Version": "1.0.3"}
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")


def test_wrong_secret_is_refused(db):
    credential, _secret = make_credential()
    response = XAPIClient(credential, "wrong").get("/xapi/statements")
    assert response.status_code == 401


def test_missing_version_header_is_a_400(db):
    """Part 3 §6.2: requests without X-Experience-API-Version are rejected."""
    credential, secret = make_credential()
    token = base64.b64encode(f"{credential.key}:{secret}".encode()).decode()
    from django.test import Client

    response = Client().get(
        "/xapi/statements", headers={"Authorization": f"Basic {token}"}
    )
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["error"]["message"]


def test_scope_is_enforced(db):
    credential, secret = make_credential(scopes=["state"])
    response = XAPIClient(credential, secret).get("/xapi/statements")
    assert response.status_code == 403


def test_cors_preflight_needs_no_credentials(client, db):
    response = client.options("/xapi/statements")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in response["Access-Control-Allow-Headers"]


def test_errors_are_english_unless_the_client_asks_for_dutch(db):
    """The API follows Accept-Language (Dutch or English), not the site's default."""
    from django.utils import translation

    credential, secret = make_credential()
    client = XAPIClient(credential, secret)
    with translation.override("nl"):
        english = client.post("/xapi/statements", {"actor": {}}).json()["error"][
            "message"
        ]
        dutch = client.post(
            "/xapi/statements",
            {"actor": {}},
            headers={"Accept-Language": "nl-NL,nl;q=0.9"},
        ).json()["error"]["message"]
    assert english != dutch
    assert "A statement requires" in english
