"""Signed statements (xAPI 1.0.3 Data §2.6, 2.0 §4.2.6 / §4.3).

A signed statement carries a JWS (RFC 7515) as an attachment with usageType
``http://adlnet.gov/expapi/attachments/signature`` and contentType
``application/octet-stream``. The LRS must reject malformed signatures with 400
(§2.6.s5.b1) and, to decide that, must (§2.6.s5.b3):

1. decode the JWS and read the signed statement from its payload;
2. check that statement is logically equivalent to the received one (statement
   comparison, Data §2.3.1.s9);
3. if the JWS header has an X.509 certificate chain (``x5c``), verify the signature
   with it;
4. check the signature requirements: RS256, RS384 or RS512 only (§2.6.s4.b4).

As the specification notes, the certificate check catches mistakes; it is not an
authentication of the signer, so the chain is checked for consistency (each
certificate signed by the next) but not against trusted roots or validity dates
(Appendix D's own example certificate expired in 2014).
"""

import base64
import binascii
import json
import warnings

import jwt
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from jwt.warnings import InsecureKeyLengthWarning

from lms.lrs.comparison import statements_equivalent

SIGNATURE_USAGE_TYPE = "http://adlnet.gov/expapi/attachments/signature"
SIGNATURE_CONTENT_TYPE = "application/octet-stream"
ALGORITHMS = ("RS256", "RS384", "RS512")


class SignatureError(ValueError):
    """The statement's signature is malformed or does not match (a 400)."""


def statement_signature_verify(*, statement: dict, jws: bytes) -> None:
    """Raise SignatureError unless ``jws`` is a well-formed signature of ``statement``."""
    token = _compact(jws)
    try:
        header = jwt.get_unverified_header(token)
    except jwt.exceptions.DecodeError as error:
        raise SignatureError(f"The signature is not a valid JWS: {error}.") from error
    algorithm = header.get("alg")
    if algorithm not in ALGORITHMS:
        raise SignatureError(
            f"The JWS algorithm must be RS256, RS384 or RS512, got {algorithm!r} "
            "(Data §2.6.s4.b4)."
        )
    chain = header.get("x5c")
    jws_api = jwt.api_jws.PyJWS()
    try:
        if chain is not None:
            key = _chain_public_key(chain)
            with warnings.catch_warnings():
                # The specification's own example uses a 1024-bit key.
                warnings.simplefilter("ignore", InsecureKeyLengthWarning)
                payload = jws_api.decode(token, key=key, algorithms=[algorithm])
        else:
            payload = jws_api.decode_complete(
                token, options={"verify_signature": False}
            )["payload"]
    except jwt.exceptions.InvalidSignatureError as error:
        raise SignatureError(
            "The JWS signature does not verify with the certificate in its x5c "
            "header (Data §2.6.s5.b3.b3)."
        ) from error
    except jwt.exceptions.PyJWTError as error:
        raise SignatureError(f"The signature is not a valid JWS: {error}.") from error
    try:
        signed = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise SignatureError(
            "The JWS payload is not a JSON serialisation of the statement "
            "(Data §2.6.s4.b3)."
        ) from error
    if not isinstance(signed, dict):
        raise SignatureError(
            "The JWS payload must be the signed statement, a JSON object "
            "(Data §2.6.s4.b3)."
        )
    if not statements_equivalent(signed, statement):
        raise SignatureError(
            "The statement differs from the statement its JWS signature covers "
            "(Data §2.6.s5.b3.b2)."
        )


def _compact(jws: bytes) -> str:
    """The JWS in compact serialisation (Data §2.6.s4.b2 says SHOULD use it; a
    flattened or single-signature JSON serialisation is converted)."""
    try:
        text = jws.decode("ascii").strip()
    except UnicodeDecodeError as error:
        raise SignatureError("The signature attachment is not a JWS.") from error
    if not text.startswith("{"):
        return text
    try:
        serialised = json.loads(text)
    except ValueError as error:
        raise SignatureError("The signature attachment is not a JWS.") from error
    signatures = serialised.get("signatures", [serialised])
    if not isinstance(signatures, list) or len(signatures) != 1:
        raise SignatureError("A JWS JSON serialisation must carry one signature.")
    signature = signatures[0]
    try:
        return (
            f"{signature['protected']}.{serialised['payload']}.{signature['signature']}"
        )
    except (KeyError, TypeError) as error:
        raise SignatureError(
            "A JWS JSON serialisation needs protected, payload and signature."
        ) from error


def _chain_public_key(chain: object):
    if not isinstance(chain, list) or not chain:
        raise SignatureError("The JWS x5c header must be a non-empty array.")
    try:
        certificates = [
            x509.load_der_x509_certificate(base64.b64decode(c, validate=True))
            for c in chain
        ]
    except (ValueError, TypeError, binascii.Error) as error:
        raise SignatureError(
            "The JWS x5c header must hold base64 DER X.509 certificates (RFC 7515 §4.1.6)."
        ) from error
    for certificate, issuer in zip(certificates, certificates[1:], strict=False):
        try:
            _check_issued_by(certificate, issuer)
        except (ValueError, TypeError, InvalidSignature) as error:
            raise SignatureError(
                "The JWS x5c certificate chain is broken: a certificate is not "
                "signed by the next one (RFC 7515 §4.1.6)."
            ) from error
    key = certificates[0].public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureError(
            "The signing certificate must hold an RSA key for RS256/384/512."
        )
    return key


def _check_issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> None:
    try:
        certificate.verify_directly_issued_by(issuer)
        return
    except ValueError:
        # cryptography refuses SHA-1 certificate signatures here; the
        # specification's example chain (Data Appendix D) uses them.
        if certificate.issuer != issuer.subject:
            raise
    key = issuer.public_key()
    hash_algorithm = certificate.signature_hash_algorithm
    if isinstance(key, rsa.RSAPublicKey):
        key.verify(
            certificate.signature,
            certificate.tbs_certificate_bytes,
            padding.PKCS1v15(),
            hash_algorithm,
        )
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(
            certificate.signature,
            certificate.tbs_certificate_bytes,
            ec.ECDSA(hash_algorithm),
        )
    else:
        raise TypeError("Unsupported issuer key type.")
