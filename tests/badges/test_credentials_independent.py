"""An independent verifier accepts the credential (and rejects what it must).

tools/ob-verify/verify.mjs runs Digital Bazaar's reference implementations
(@digitalbazaar/vc, data-integrity, eddsa-rdfc-2022-cryptosuite; jsonld.js in safe
mode) on what the platform serves: the credential, its DID document and its status
list, all fetched through the public URLs. No Python code of ours is involved.
"""

# The shared fixtures (award, badge, ...) are imported from test_credentials.
# ruff: noqa: F811

import copy
import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from badges.credentials.common import iso
from badges.services import badge_award_revoke
from tests.badges.test_credentials import award, badge, competence, hr_user  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "ob-verify"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(NODE is None, reason="Node.js is not installed"),
]


def served(client, url: str) -> dict:
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, url
    return response.json()


def verify_independently(client, credential: dict, now: str | None = None) -> dict:
    did_document = served(client, "/.well-known/did.json")
    status_url = credential["credentialStatus"]["statusListCredential"]
    payload = {
        "credential": credential,
        "documents": {
            did_document["id"]: did_document,
            status_url: served(client, status_url),
        },
    }
    if now:
        payload["now"] = now
    result = subprocess.run(  # noqa: S603 - fixed script, JSON on stdin
        [NODE, str(TOOL / "verify.mjs"), "-"],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=TOOL,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def credential(client, award):
    return served(client, reverse("badges:award_credential", args=[award.public_id]))


def test_independent_verifier_accepts_the_credential(client, credential):
    result = verify_independently(client, credential)
    assert result == {"verified": True, "revoked": False, "errors": []}


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c.update(name="Expert in alles"),
        lambda c: c["credentialSubject"]["achievement"]["alignment"][0].update(
            targetCode="zgw-intake:3"
        ),
        lambda c: c.update(validUntil="2099-01-01T00:00:00Z"),
        # A term no context defines: jsonld.js safe mode refuses it.
        lambda c: c["credentialSubject"].update(extra="niet ondertekend"),
    ],
)
def test_independent_verifier_rejects_a_tampered_copy(client, credential, tamper):
    tampered = copy.deepcopy(credential)
    tamper(tampered)
    result = verify_independently(client, tampered)
    assert result["verified"] is False
    assert result["errors"]


def test_independent_verifier_sees_the_revocation(client, credential, award, hr_user):
    badge_award_revoke(actor=hr_user, award=award, reason="Ten onrechte toegekend.")
    result = verify_independently(client, credential)
    assert result["verified"] is False
    assert result["revoked"] is True


def test_independent_verifier_sees_the_expiry(client, credential, award):
    later = iso(award.expires_at + timedelta(days=2))
    result = verify_independently(client, credential, now=later)
    assert result["verified"] is False
    assert any("validUntil" in error for error in result["errors"])


def test_independent_verifier_rejects_a_key_not_in_the_did_document(client, credential):
    forged = copy.deepcopy(credential)
    forged["proof"]["verificationMethod"] = "did:web:testserver#z6MkNotOurKey"
    result = verify_independently(client, forged)
    assert result["verified"] is False
