"""Verify a credential: its proof, its revocation status and its validity period.

Only what can be checked without the network is trusted: proofs by this platform's
``did:web`` (current or retired keys) or by a ``did:key``; status lists this platform
serves. Anything else is reported as not verifiable here, never as valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _

from . import keys, statuslist
from .common import parse_iso
from .dataintegrity import ProofError, proof_verify

VALID = "valid"
REVOKED = "revoked"
EXPIRED = "expired"
NOT_YET_VALID = "not_yet_valid"
INVALID = "invalid"


@dataclass
class VerificationResult:
    status: str = VALID
    proof_verified: bool = False
    revoked: bool | None = None  # None: not checked
    errors: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return self.status == VALID


def resolve_public_key(verification_method: str):
    """The Ed25519 key behind a verification method id, without the network."""
    did, _sep, fragment = verification_method.partition("#")
    if did == keys.issuer_did():
        candidates = [keys.signing_key().public_key(), *keys.retired_public_keys()]
        for candidate in candidates:
            if keys.public_key_multibase(candidate) == fragment:
                return candidate
        raise ProofError(_("The issuer's DID document does not list this key."))
    if did.startswith("did:key:z6Mk"):
        multibase = did.removeprefix("did:key:")
        if fragment and fragment != multibase:
            raise ProofError(_("The did:key fragment does not match the key."))
        try:
            return keys.public_key_from_multibase(multibase)
        except keys.SigningKeyError as exc:
            raise ProofError(str(exc)) from exc
    raise ProofError(
        _("The key %(method)s cannot be resolved without the network.")
        % {"method": verification_method}
    )


def _issuer_id(credential: dict) -> str:
    issuer = credential.get("issuer")
    return issuer.get("id", "") if isinstance(issuer, dict) else str(issuer or "")


def _local_status_list(url: str) -> dict | None:
    """The status list credential at ``url`` when this platform serves it."""
    base = settings.LMS_BASE_URL
    if not url.startswith(base + "/"):
        return None
    try:
        match = resolve(url.removeprefix(base))
    except Resolver404:
        return None
    if match.view_name != "badges:status_list":
        return None
    return statuslist.status_list_credential(int(match.kwargs["list_number"]))


def check_status(credential: dict, *, status_list_fetch=None) -> bool:
    """True when a ``revocation`` entry's bit is set. ``status_list_fetch(url)``
    returns the status list credential (default: this platform's own lists)."""
    fetch = status_list_fetch or _local_status_list
    entries = credential.get("credentialStatus") or []
    if isinstance(entries, dict):
        entries = [entries]
    revoked = False
    for entry in entries:
        if entry.get("type") != "BitstringStatusListEntry":
            continue
        if entry.get("statusPurpose") != statuslist.PURPOSE:
            continue
        url = entry.get("statusListCredential", "")
        list_credential = fetch(url)
        if list_credential is None:
            raise ProofError(
                _("The status list %(url)s cannot be read here.") % {"url": url}
            )
        proof_verify(document=list_credential, resolve_key=resolve_public_key)
        if _issuer_id(list_credential) != _issuer_id(credential):
            raise ProofError(_("The status list has another issuer."))
        subject = list_credential.get("credentialSubject", {})
        if subject.get("statusPurpose") != entry.get("statusPurpose"):
            raise ProofError(_("The status list has another purpose."))
        index = str(entry.get("statusListIndex", ""))
        if not re.fullmatch(r"\d+", index):
            raise ProofError(_("The status list index is not a number."))
        bits = statuslist.decode_bits(subject.get("encodedList", ""))
        revoked = revoked or statuslist.bit_is_set(bits, int(index))
    return revoked


def credential_verify(
    credential: dict, *, at: datetime | None = None, status_list_fetch=None
) -> VerificationResult:
    """Check proof, status and validity period; the first failure decides."""
    result = VerificationResult()
    at = at or timezone.now()
    try:
        proof = proof_verify(document=credential, resolve_key=resolve_public_key)
        method_did = proof["verificationMethod"].partition("#")[0]
        if method_did != _issuer_id(credential):
            raise ProofError(_("The credential was signed by someone else."))
    except (ProofError, KeyError, TypeError, ValueError) as exc:
        result.status = INVALID
        result.errors.append(str(exc) or _("The proof does not verify."))
        return result
    result.proof_verified = True
    try:
        result.revoked = check_status(credential, status_list_fetch=status_list_fetch)
    except (ProofError, ValueError, IndexError, OSError) as exc:
        result.status = INVALID
        result.errors.append(str(exc))
        return result
    if result.revoked:
        result.status = REVOKED
        return result
    try:
        if credential.get("validUntil") and parse_iso(credential["validUntil"]) <= at:
            result.status = EXPIRED
        elif credential.get("validFrom") and parse_iso(credential["validFrom"]) > at:
            result.status = NOT_YET_VALID
    except ValueError:
        result.status = INVALID
        result.errors.append(_("The validity period cannot be read."))
    return result
