"""Open Badges 2.0 hosted documents and baked images."""

# The shared fixtures (award, badge, ...) are imported from test_credentials.
# ruff: noqa: F811

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from badges.credentials import baking, images, ob2, verification
from badges.credentials.common import iso
from badges.services import badge_award_revoke
from tests.badges import factories
from tests.badges.test_credentials import award, badge, competence, hr_user  # noqa: F401

pytestmark = pytest.mark.django_db

# Required properties (Open Badges 2.0, "Data Classes"), as 1EdTech's validator
# checks them; values must be absolute IRIs where the context types them @id.
REQUIRED = {
    "Assertion": {
        "@context",
        "id",
        "type",
        "recipient",
        "badge",
        "verification",
        "issuedOn",
    },
    "BadgeClass": {
        "@context",
        "id",
        "type",
        "name",
        "description",
        "image",
        "criteria",
        "issuer",
    },
    "Issuer": {"@context", "id", "type", "name", "url", "email"},
}


def fetch(client, url):
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def check_required(document, kind):
    assert document["@context"] == ob2.OB2_CONTEXT
    assert document["type"] == kind
    missing = REQUIRED[kind] - document.keys()
    assert not missing, f"{kind} lacks {missing}"
    assert document["id"].startswith("http://testserver/")


def test_hosted_documents_link_up_and_have_the_required_properties(client, award):
    assertion = fetch(client, reverse("badges:ob2_assertion", args=[award.public_id]))
    check_required(assertion, "Assertion")
    assert (
        assertion["id"]
        == f"http://testserver/badges/controle/{award.public_id}/assertion.json"
    )
    assert assertion["verification"] == {"type": "hosted"}
    assert assertion["issuedOn"] == iso(award.awarded_at)
    assert assertion["expires"] == iso(award.expires_at)
    assert "revoked" not in assertion
    recipient = assertion["recipient"]
    assert recipient["type"] == "email"
    assert recipient["hashed"] is True
    assert recipient["salt"] == award.recipient_salt
    expected = hashlib.sha256(
        (award.recipient.email + award.recipient_salt).encode()
    ).hexdigest()
    assert recipient["identity"] == f"sha256${expected}"
    assert award.recipient.email not in str(assertion)
    assert assertion["evidence"][0]["id"].endswith(f"/controle/{award.public_id}/")
    assert assertion["narrative"] == award.narrative

    badge_class = fetch(client, assertion["badge"])
    check_required(badge_class, "BadgeClass")
    assert badge_class["criteria"]["narrative"] == award.badge_class.criteria_text
    assert badge_class["alignment"][0]["targetCode"] == "zgw-intake:2"
    assert "targetType" not in badge_class["alignment"][0]  # not an OB 2.0 term

    issuer = fetch(client, badge_class["issuer"])
    check_required(issuer, "Issuer")
    assert issuer["name"] == "Zaakwijs"
    assert "@" in issuer["email"]

    image = client.get(badge_class["image"].removeprefix("http://testserver"))
    assert image["Content-Type"] == "image/png"
    # Hosted verification: everything on the issuer's origin.
    for url in (assertion["id"], badge_class["id"], issuer["id"]):
        assert url.startswith(issuer["url"])


def test_revoked_assertion_says_so(client, award, hr_user):
    badge_award_revoke(actor=hr_user, award=award, reason="Ten onrechte toegekend.")
    assertion = fetch(client, reverse("badges:ob2_assertion", args=[award.public_id]))
    assert assertion["revoked"] is True
    assert assertion["revocationReason"] == "Ten onrechte toegekend."
    revocations = fetch(client, reverse("badges:ob2_revocation_list"))
    assert revocations["type"] == "RevocationList"
    assert revocations["revokedAssertions"] == [
        {"id": assertion["id"], "revocationReason": "Ten onrechte toegekend."}
    ]


def test_baked_png_carries_the_assertion_and_the_credential(client, award):
    response = client.get(reverse("badges:award_baked_png", args=[award.public_id]))
    assert response["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.format == "PNG"
    assertion = baking.unbake_png(response.content)
    assert assertion == ob2.assertion_document(award)
    credential = baking.unbake_png(response.content, baking.OB3_PNG_KEYWORD)
    assert verification.credential_verify(credential).is_valid
    # The iTXt chunk, byte for byte, as the baking specification names it.
    assert b"iTXtopenbadges\x00" in response.content


def test_baked_svg_carries_the_assertion(client, award):
    url = reverse("badges:award_baked_svg", args=[award.public_id])
    response = client.get(url + "?download=1")
    assert response["Content-Type"] == "image/svg+xml"
    assert "attachment" in response["Content-Disposition"]
    svg = response.content.decode()
    assert 'xmlns:openbadges="http://openbadges.org"' in svg
    assertion = ob2.assertion_document(award)
    assert f'<openbadges:assertion verify="{assertion["id"]}">' in svg
    assert baking.unbake_svg(svg) == assertion


def test_baking_survives_cdata_terminators():
    assertion = {"id": "http://testserver/a", "narrative": "a ]]> b"}
    svg = baking.bake_svg(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>',
        assertion=assertion,
    )
    assert baking.unbake_svg(svg) == assertion


def test_generated_image_without_upload(client, badge):
    png = images.badge_png(badge)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (images.SIZE, images.SIZE)
    svg = client.get(reverse("badges:badge_class_image_svg", args=[badge.public_id]))
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"Zaak intake" in svg.content
    assert b"Zelfstandig" in svg.content  # the level's name


def test_uploaded_image_is_used_and_converted(badge):
    jpeg = io.BytesIO()
    Image.new("RGB", (120, 120), "#154273").save(jpeg, format="JPEG")
    badge.image = SimpleUploadedFile(
        "b.jpg", jpeg.getvalue(), content_type="image/jpeg"
    )
    badge.save()
    png = images.badge_png(badge)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (120, 120)
    assert "data:image/png;base64," in images.badge_svg(badge)
    baked = baking.bake_png(png, assertion={"id": "x"})
    assert baking.unbake_png(baked) == {"id": "x"}


def test_badge_name_is_escaped_in_svg(db):
    badge = factories.badge_class(name='Zaak & "intake" <b>')
    svg = images.generated_svg(badge)
    assert "<b>" not in svg
    assert "&amp;" in svg
