"""Open Badges 3.0: keys, did:web, the signed credential, status list, verification."""

import copy
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from badges.credentials import (
    contexts,
    dataintegrity,
    keys,
    ob3,
    statuslist,
    verification,
)
from badges.credentials.common import iso
from badges.credentials.dataintegrity import canonize
from badges.services import badge_award_manual, badge_award_revoke
from lms.accounts.roles import Role
from tests.badges import factories
from tests.factories import employee

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr_user(db):
    return employee(roles=[Role.HR]).user


@pytest.fixture
def competence(db):
    comp = factories.competence("zgw-intake", name="Intake van een zaak")
    level = comp.levels.get(level=2)
    level.description = "Neemt zelfstandig een zaak in behandeling."
    level.save()
    return comp


@pytest.fixture
def badge(competence):
    return factories.badge_class(
        name="Zaak intake",
        description="Kan een zaak correct registreren.",
        criteria_text="Module afgerond en scenario gehaald.",
        competence=competence,
        level=2,
        valid_for_days=365,
    )


@pytest.fixture
def award(hr_user, badge, learner):
    learner.first_name, learner.last_name = "Anna", "de Vries"
    learner.save()
    return badge_award_manual(
        actor=hr_user,
        badge_class=badge,
        recipient=learner,
        narrative="Liet in de praktijk zien dat zij zaken zelfstandig intaket.",
    )


def fetch_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.json()


# --- Keys and DID -------------------------------------------------------------------


def test_secret_key_round_trips_as_multibase_and_pem():
    from cryptography.hazmat.primitives import serialization

    value = keys.generate_secret_key()
    assert value.startswith("z3u2")
    key = keys.parse_secret_key(value)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    assert keys.secret_key_multibase(keys.parse_secret_key(pem)) == value
    # A PEM in one line, as environment variables often hold it.
    assert keys.parse_secret_key(pem.replace("\n", "\\n")) is not None
    public = keys.public_key_multibase(key.public_key())
    assert public.startswith("z6Mk")
    assert keys.public_key_multibase(keys.public_key_from_multibase(public)) == public


@pytest.mark.parametrize("bad", ["nonsense", "z111", "-----BEGIN PRIVATE KEY-----x"])
def test_bad_configured_key_is_refused(bad):
    keys._parsed.cache_clear()
    with override_settings(LMS_BADGES_SIGNING_KEY=bad):
        with pytest.raises(ImproperlyConfigured):
            keys.signing_key()


def test_configured_key_is_used():
    value = keys.generate_secret_key()
    with override_settings(LMS_BADGES_SIGNING_KEY=value):
        assert keys.secret_key_multibase(keys.signing_key()) == value


def test_development_key_is_generated_once_per_install(tmp_path):
    first = keys._development_key(tmp_path)
    assert keys._development_key(tmp_path) == first
    assert (tmp_path / keys.DEV_KEY_FILENAME).stat().st_mode & 0o077 == 0


def test_production_refuses_to_sign_without_a_key():
    with override_settings(LMS_BADGES_SIGNING_KEY="", LMS_ENVIRONMENT="production"):
        with pytest.raises(ImproperlyConfigured):
            keys.signing_key()


@pytest.mark.parametrize(
    ("base_url", "did"),
    [
        ("https://leren.gemeente.nl", "did:web:leren.gemeente.nl"),
        ("http://127.0.0.1:8000", "did:web:127.0.0.1%3A8000"),
        ("https://gemeente.nl/leren", "did:web:gemeente.nl:leren"),
    ],
)
def test_did_web_follows_the_base_url(base_url, did):
    with override_settings(LMS_BASE_URL=base_url):
        assert keys.issuer_did() == did


def test_did_document_is_public_and_lists_the_key(client):
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/did+ld+json")
    document = response.json()
    assert document["id"] == "did:web:testserver"
    [method] = document["verificationMethod"]
    public = keys.public_key_multibase(keys.signing_key().public_key())
    assert method == {
        "id": f"did:web:testserver#{public}",
        "type": "Multikey",
        "controller": "did:web:testserver",
        "publicKeyMultibase": public,
    }
    assert document["assertionMethod"] == [method["id"]]
    # The DID document itself is valid JSON-LD with the local contexts.
    assert "did:web:testserver" in canonize(document)


def test_retired_keys_stay_listed(client):
    old = keys.public_key_multibase(
        keys.parse_secret_key(keys.generate_secret_key()).public_key()
    )
    with override_settings(LMS_BADGES_RETIRED_PUBLIC_KEYS=[old]):
        document = client.get("/.well-known/did.json").json()
    assert f"did:web:testserver#{old}" in document["assertionMethod"]


def test_contexts_come_from_the_installed_packages():
    for url in contexts.CONTEXT_FILES:
        assert "@context" in contexts.context_document(url)
    with pytest.raises(contexts.ContextNotAvailable):
        contexts.context_document("https://example.org/never-fetched")


# --- The OB 3.0 credential --------------------------------------------------------


def test_credential_is_an_open_badge_credential(client, award, badge, competence):
    credential = fetch_json(
        client, reverse("badges:award_credential", args=[award.public_id])
    )
    assert credential["@context"] == [contexts.VC_V2, contexts.OB_V3]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"urn:uuid:{award.public_id}"
    assert credential["issuer"]["id"] == "did:web:testserver"
    assert credential["name"] == "Zaak intake"
    assert credential["validFrom"] == iso(award.awarded_at)
    assert credential["validUntil"].startswith(str(award.expires_at.year))

    subject = credential["credentialSubject"]
    email_id, name_id = subject["identifier"]
    assert email_id["identityType"] == "emailAddress"
    assert email_id["hashed"] is True
    assert email_id["salt"] == award.recipient_salt
    import hashlib

    assert (
        email_id["identityHash"]
        == "sha256$"
        + hashlib.sha256(
            (award.recipient.email + award.recipient_salt).encode()
        ).hexdigest()
    )
    assert award.recipient.email not in str(credential)
    assert name_id == {
        "type": "IdentityObject",
        "identityHash": "Anna de Vries",
        "identityType": "name",
        "hashed": False,
    }
    achievement = subject["achievement"]
    assert achievement["achievementType"] == "Competency"
    assert achievement["criteria"]["narrative"] == badge.criteria_text
    [alignment] = achievement["alignment"]
    assert alignment["targetCode"] == "zgw-intake:2"
    assert alignment["targetType"] == "ceasn:Competency"
    assert alignment["targetUrl"].endswith("/badges/kader/zgw-intake/#level-2")
    assert "zelfstandig een zaak" in alignment["targetDescription"]
    # The aligned competence page is public.
    page = client.get(alignment["targetUrl"].removeprefix("http://testserver"))
    assert page.status_code == 200
    assert b'id="level-2"' in page.content

    status = credential["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    assert status["statusListIndex"] == str(award.status_list_index)
    assert status["statusListCredential"] == "http://testserver/badges/ob/status/0.json"

    proof = credential["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["verificationMethod"] == keys.verification_method_id()
    assert proof["proofValue"].startswith("z")


def test_every_term_is_defined_by_the_contexts(award):
    """Nothing falls back to the VC 2.0 ``@vocab`` (issuer-dependent terms)."""
    credential = ob3.award_credential(award)
    nquads = canonize(credential)
    assert "issuer-dependent" not in nquads
    assert "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Competency" not in nquads
    assert "achievementType" in nquads
    list_credential = statuslist.status_list_credential(0)
    assert "issuer-dependent" not in canonize(list_credential)


def test_credential_is_stable_for_the_same_award(award):
    assert ob3.award_credential(award) == ob3.award_credential(award)


def test_the_proof_verifies(award):
    credential = ob3.award_credential(award)
    result = verification.credential_verify(credential)
    assert result.proof_verified, result.errors
    assert result.status == verification.VALID
    assert result.revoked is False


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c.update(name="Expert in alles"),
        lambda c: c["credentialSubject"]["achievement"].update(achievementType="Badge"),
        lambda c: c["credentialSubject"]["identifier"][0].update(salt="other"),
        lambda c: c.update(validUntil="2099-01-01T00:00:00Z"),
        lambda c: c["credentialStatus"].update(statusListIndex="999999"),
        lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"),
        lambda c: c["issuer"].update(name="Een andere gemeente"),
    ],
)
def test_a_tampered_copy_fails(award, tamper):
    credential = copy.deepcopy(ob3.award_credential(award))
    tamper(credential)
    result = verification.credential_verify(credential)
    assert not result.proof_verified
    assert result.status == verification.INVALID


def test_a_proof_by_another_key_fails(award):
    credential = ob3.award_credential(award)
    unsigned = {k: v for k, v in credential.items() if k != "proof"}
    other = keys.parse_secret_key(keys.generate_secret_key())
    forged = dataintegrity.proof_add(
        document=unsigned,
        private_key=other,
        verification_method=f"did:web:testserver#{keys.public_key_multibase(other.public_key())}",
        created=timezone.now(),
    )
    result = verification.credential_verify(forged)
    assert result.status == verification.INVALID
    assert "does not list this key" in result.errors[0]


def test_a_did_key_signed_credential_is_checked_offline(award):
    """The verifier is general: a did:key issuer verifies without the network."""
    other = keys.parse_secret_key(keys.generate_secret_key())
    did = "did:key:" + keys.public_key_multibase(other.public_key())
    unsigned = {
        k: v
        for k, v in ob3.credential_unsigned(award).items()
        if k != "credentialStatus"
    }
    unsigned["issuer"] = {**unsigned["issuer"], "id": did}
    signed = dataintegrity.proof_add(
        document=unsigned,
        private_key=other,
        verification_method=did + "#" + did.removeprefix("did:key:"),
        created=timezone.now(),
    )
    assert verification.credential_verify(signed).status == verification.VALID


# --- Status list, revocation and expiry ---------------------------------------------


def test_status_list_bits_round_trip():
    encoded = statuslist.encode_bits({0, 9, 131_071})
    assert encoded.startswith("u")
    bits = statuslist.decode_bits(encoded)
    assert len(bits) == statuslist.LIST_SIZE // 8
    assert [statuslist.bit_is_set(bits, i) for i in (0, 1, 8, 9, 131_071)] == [
        True,
        False,
        False,
        True,
        True,
    ]
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000


def test_status_list_credential_is_signed_and_served(client, award):
    document = fetch_json(client, "/badges/ob/status/0.json")
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["issuer"] == "did:web:testserver"
    subject = document["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    bits = statuslist.decode_bits(subject["encodedList"])
    assert not statuslist.bit_is_set(bits, award.status_list_index)
    dataintegrity.proof_verify(
        document=document, resolve_key=verification.resolve_public_key
    )
    assert client.get("/badges/ob/status/7.json").status_code == 404


def test_revoked_shows_in_the_status_list_and_fails_verification(
    client, award, hr_user
):
    credential = ob3.award_credential(award)  # as downloaded before revocation
    badge_award_revoke(actor=hr_user, award=award, reason="Ten onrechte toegekend.")

    document = fetch_json(client, "/badges/ob/status/0.json")
    bits = statuslist.decode_bits(document["credentialSubject"]["encodedList"])
    assert statuslist.bit_is_set(bits, award.status_list_index)
    dataintegrity.proof_verify(
        document=document, resolve_key=verification.resolve_public_key
    )

    result = verification.credential_verify(credential)
    assert result.proof_verified
    assert result.revoked is True
    assert result.status == verification.REVOKED


def test_other_awards_stay_valid_after_a_revocation(award, hr_user, badge):
    other = badge_award_manual(
        actor=hr_user,
        badge_class=badge,
        recipient=employee().user,
        narrative="Ook gedaan.",
    )
    badge_award_revoke(actor=hr_user, award=award, reason="Fout.")
    result = verification.credential_verify(ob3.award_credential(other))
    assert result.status == verification.VALID


def test_expired_credential_is_reported_expired(award):
    credential = ob3.award_credential(award)
    later = award.expires_at + timedelta(seconds=1)
    assert verification.credential_verify(credential, at=later).status == (
        verification.EXPIRED
    )


def test_a_credential_without_validity_end_never_expires(hr_user, learner):
    forever = factories.badge_class(name="Altijd geldig")
    award = badge_award_manual(
        actor=hr_user, badge_class=forever, recipient=learner, narrative="Goed."
    )
    credential = ob3.award_credential(award)
    assert "validUntil" not in credential
    assert "alignment" not in credential["credentialSubject"]["achievement"]
    far = timezone.now() + timedelta(days=3650)
    assert verification.credential_verify(credential, at=far).is_valid


def test_unknown_status_list_is_not_trusted(award):
    credential = copy.deepcopy(ob3.award_credential(award))
    result = verification.credential_verify(
        credential, status_list_fetch=lambda url: None
    )
    assert result.status == verification.INVALID


def test_unknown_award_is_404(client):
    import uuid

    response = client.get(reverse("badges:award_credential", args=[uuid.uuid4()]))
    assert response.status_code == 404
