"""The public "verify a badge" page: paste a credential or upload a badge file."""

# The shared fixtures (award, badge, ...) are imported from test_credentials.
# ruff: noqa: F811

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from badges.credentials import ob3
from badges.services import badge_award_revoke
from tests.badges.test_credentials import award, badge, competence, hr_user  # noqa: F401

pytestmark = pytest.mark.django_db
URL = "/badges/controleren/"


def check(client, **data):
    response = client.post(URL, data)
    assert response.status_code == 200
    return response.content.decode()


def test_page_is_public(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Verify a badge" in response.content.decode()
    assert reverse("badges:credential_check") == URL


def test_pasted_credential_is_valid(client, award):
    html = check(client, credential=json.dumps(ob3.award_credential(award)))
    assert "verification-result" in html
    assert "zw-verify__state--valid" in html
    assert "Anna de Vries" in html
    assert reverse("badges:verify", args=[award.public_id]) in html


def test_tampered_credential_is_not_valid(client, award):
    credential = copy.deepcopy(ob3.award_credential(award))
    credential["name"] = "Iets anders"
    html = check(client, credential=json.dumps(credential))
    assert "zw-verify__state--invalid" in html
    assert "<dd>Iets anders</dd>" not in html  # nothing unconfirmed shown as fact


def test_revoked_credential_shows_revoked(client, award, hr_user):
    credential = ob3.award_credential(award)
    badge_award_revoke(actor=hr_user, award=award, reason="Fout.")
    html = check(client, credential=json.dumps(credential))
    assert "zw-verify__state--revoked" in html


def test_baked_png_upload_is_checked(client, award):
    png = client.get(reverse("badges:award_baked_png", args=[award.public_id])).content
    upload = SimpleUploadedFile("badge.png", png, content_type="image/png")
    response = client.post(URL, {"file": upload})
    assert "zw-verify__state--valid" in response.content.decode()


def test_baked_svg_upload_leads_to_the_public_page(client, award):
    svg = client.get(reverse("badges:award_baked_svg", args=[award.public_id])).content
    upload = SimpleUploadedFile("badge.svg", svg, content_type="image/svg+xml")
    response = client.post(URL, {"file": upload})
    assert response.status_code == 302
    assert response["Location"] == reverse("badges:verify", args=[award.public_id])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste a credential or choose a file."),
        ({"credential": "{niet json"}, "This is not valid JSON."),
        ({"credential": "[1, 2]"}, "This is not a credential."),
        (
            {"file": SimpleUploadedFile("x.svg", b"<svg></svg>")},
            "This image carries no badge.",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(client, data, message):
    assert message in check(client, **data)


def test_assertion_of_another_issuer_is_not_fetched(client):
    assertion = {"type": "Assertion", "id": "https://elders.example/a/1"}
    html = check(client, credential=json.dumps(assertion))
    assert "another issuer" in html
