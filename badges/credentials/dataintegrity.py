"""``eddsa-rdfc-2022`` Data Integrity proofs (W3C VC-DI-EdDSA 1.0, section 3.3).

Create: canonicalise (RDFC-1.0, identical to URDNA2015) the document without its
proof and the proof options (with the document's ``@context``), hash each with
SHA-256, sign ``hash(proof options) || hash(document)`` with Ed25519, and put the
signature in ``proofValue`` as base58btc multibase. Verify does the same in reverse.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from datetime import datetime

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pyld import jsonld

from .contexts import document_loader

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(ValueError):
    """The proof is missing, malformed or does not verify."""


def canonize(document: dict) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document (local contexts only)."""
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
        },
    )


def _hash_data(unsecured: dict, proof_config: dict) -> bytes:
    return (
        hashlib.sha256(canonize(proof_config).encode()).digest()
        + hashlib.sha256(canonize(unsecured).encode()).digest()
    )


def _xsd_datetime(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def proof_add(
    *,
    document: dict,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime,
    proof_purpose: str = "assertionMethod",
) -> dict:
    """A signed copy of ``document`` (which must not have a proof yet)."""
    if "proof" in document:
        raise ProofError("The document already has a proof.")
    unsecured = copy.deepcopy(document)
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": _xsd_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    proof_config = {"@context": unsecured["@context"], **proof}
    signature = private_key.sign(_hash_data(unsecured, proof_config))
    proof["proofValue"] = "z" + base58.b58encode(signature).decode()
    return {**unsecured, "proof": proof}


KeyResolver = Callable[[str], Ed25519PublicKey]


def proof_verify(
    *,
    document: dict,
    resolve_key: KeyResolver,
    expected_purpose: str = "assertionMethod",
) -> dict:
    """Check the ``eddsa-rdfc-2022`` proof of ``document``; return the proof.

    ``resolve_key(verification_method_id)`` returns the public key that the
    issuer's controller document lists for that purpose, or raises ProofError.
    """
    proof = document.get("proof")
    if isinstance(proof, list):
        if len(proof) != 1:
            raise ProofError("Exactly one proof is expected.")
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofError("The document has no proof.")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("Not an eddsa-rdfc-2022 DataIntegrityProof.")
    if proof.get("proofPurpose") != expected_purpose:
        raise ProofError(f"The proof purpose is not {expected_purpose}.")
    value = proof.get("proofValue", "")
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofError("proofValue is not base58btc multibase.")
    try:
        signature = base58.b58decode(value[1:])
    except ValueError as exc:
        raise ProofError("proofValue is not base58btc multibase.") from exc
    if len(signature) != 64:
        raise ProofError("proofValue is not an Ed25519 signature.")
    if "@context" in proof and proof["@context"] != document.get("@context"):
        raise ProofError("The proof's context differs from the document's.")
    public_key = resolve_key(proof.get("verificationMethod", ""))
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof_config = {
        "@context": document.get("@context"),
        **{k: v for k, v in proof.items() if k not in ("proofValue", "@context")},
    }
    try:
        hash_data = _hash_data(unsecured, proof_config)
    except jsonld.JsonLdError as exc:
        raise ProofError(f"The document cannot be canonicalised: {exc}") from exc
    try:
        public_key.verify(signature, hash_data)
    except InvalidSignature as exc:
        raise ProofError("The signature does not match the document.") from exc
    return proof
