"""Signed statements: xAPI 1.0.3 Data §2.6 (2.0 §4.3) — the LRS rejects malformed
signatures with 400 and checks them as §2.6.s5.b3 requires."""

import base64
import datetime
import hashlib
import json
from pathlib import Path

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from lms.lrs.models import Statement
from lms.lrs.signatures import SignatureError, statement_signature_verify
from tests.lms.lrs.statement_factories import new_id, statement

URL = "/xapi/statements"
SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"
DATA = Path(__file__).parent / "data"


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _certificate(subject_key, issuer_key, *, subject: str, issuer: str):
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
        .public_key(subject_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(issuer_key, hashes.SHA256())
    )


def _der64(certificate) -> str:
    return base64.b64encode(
        certificate.public_bytes(serialization.Encoding.DER)
    ).decode()


@pytest.fixture(scope="module")
def pki():
    """A signing key with its certificate, issued by a CA."""
    ca_key, signer_key, stranger_key = _key(), _key(), _key()
    ca = _certificate(ca_key, ca_key, subject="Test CA", issuer="Test CA")
    signer = _certificate(signer_key, ca_key, subject="Signer", issuer="Test CA")
    fake_ca = _certificate(
        stranger_key, stranger_key, subject="Test CA", issuer="Test CA"
    )
    return {
        "key": signer_key,
        "stranger": stranger_key,
        "chain": [_der64(signer), _der64(ca)],
        "fake_chain": [_der64(signer), _der64(fake_ca)],
    }


def sign(data: dict | bytes, key, algorithm: str = "RS256", **headers) -> bytes:
    payload = data if isinstance(data, bytes) else json.dumps(data).encode()
    return (
        jwt.api_jws.PyJWS()
        .encode(payload, key, algorithm, headers=headers or None)
        .encode()
    )


def signed_request(
    data: dict,
    jws: bytes,
    *,
    content_type: str = "application/octet-stream",
) -> tuple[bytes, str]:
    """The statement with its signature attachment, as multipart/mixed."""
    boundary = "signed-statement-boundary"
    sha2 = hashlib.sha256(jws).hexdigest()
    data = {
        **data,
        "attachments": [
            {
                "usageType": SIGNATURE,
                "display": {"en-US": "Signature"},
                "contentType": content_type,
                "length": len(jws),
                "sha2": sha2,
            }
        ],
    }
    body = (
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode()
        + json.dumps(data).encode()
        + f"\r\n--{boundary}\r\nContent-Type: {content_type}\r\n"
        f"Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {sha2}\r\n\r\n".encode()
        + jws
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/mixed; boundary={boundary}"


def post_signed(xapi, data: dict, jws: bytes, **kwargs):
    body, content_type = signed_request(data, jws, **kwargs)
    return xapi.post(URL, body, content_type=content_type)


@pytest.mark.parametrize("algorithm", ["RS256", "RS384", "RS512"])
def test_rs_algorithms_are_accepted(xapi, pki, algorithm):
    """Data §2.6.s4.b4 (XAPI-00117): RS256, RS384 and RS512 are the algorithms."""
    data = statement(id=new_id())
    response = post_signed(xapi, data, sign(data, pki["key"], algorithm))
    assert response.status_code == 200, response.content
    assert Statement.objects.filter(statement_id=data["id"]).exists()


def test_other_algorithms_are_rejected(xapi):
    """Data §2.6.s4.b4 (XAPI-00117): HS256 is not allowed → 400."""
    data = statement(id=new_id())
    jws = sign(data, "a shared secret that is long enough for HS256", "HS256")
    response = post_signed(xapi, data, jws)
    assert response.status_code == 400
    assert "RS256" in response.json()["error"]["message"]
    assert not Statement.objects.exists()


def test_signature_verified_against_its_x5c_chain(xapi, pki):
    """Data §2.6.s5.b3.b3: with an x5c header the signature is verified with that
    certificate."""
    data = statement(id=new_id())
    jws = sign(data, pki["key"], x5c=pki["chain"])
    assert post_signed(xapi, data, jws).status_code == 200


def test_signature_not_made_by_the_x5c_certificate_is_rejected(xapi, pki):
    """Data §2.6.s5.b3.b3: a signature that does not verify with its certificate."""
    data = statement(id=new_id())
    jws = sign(data, pki["stranger"], x5c=pki["chain"])
    response = post_signed(xapi, data, jws)
    assert response.status_code == 400
    assert "x5c" in response.json()["error"]["message"]


def test_broken_certificate_chain_is_rejected(xapi, pki):
    """RFC 7515 §4.1.6: each x5c certificate is certified by the next."""
    data = statement(id=new_id())
    jws = sign(data, pki["key"], x5c=pki["fake_chain"])
    assert post_signed(xapi, data, jws).status_code == 400


def test_garbage_x5c_is_rejected(xapi, pki):
    data = statement(id=new_id())
    jws = sign(data, pki["key"], x5c=["bm90IGEgY2VydGlmaWNhdGU="])
    assert post_signed(xapi, data, jws).status_code == 400


def test_payload_that_is_not_json_is_rejected(xapi, pki):
    """Data §2.6.s4.b3 (XAPI-00116): the payload is a JSON serialisation of the
    statement; a broken one is a malformed signature."""
    data = statement(id=new_id())
    broken = json.dumps(data).replace('"', "'", 1).encode()
    response = post_signed(xapi, data, sign(broken, pki["key"]))
    assert response.status_code == 400


def test_payload_of_another_statement_is_rejected(xapi, pki):
    """Data §2.6.s5.b3.b2: the signed statement must be logically equivalent to the
    received one."""
    data = statement(id=new_id())
    other = {**data, "verb": {"id": "http://example.com/verbs/something-else"}}
    response = post_signed(xapi, data, sign(other, pki["key"]))
    assert response.status_code == 400
    assert "differs" in response.json()["error"]["message"]


def test_payload_compared_as_statements_are(xapi, pki):
    """Data §2.6.s5.b3.b2 with §2.3.1: the statement signed before the LRS fills in
    id, authority, stored and timestamp still matches; durations compare to the
    hundredth (Data §4.6.s1.b5, 2.0 §4.2.7)."""
    data = statement(result={"duration": "PT1.1237S"})
    signed = {**data, "result": {"duration": "PT1.12S"}}
    response = post_signed(xapi, data, sign(signed, pki["key"]))
    assert response.status_code == 200, response.content


def test_not_a_jws_is_rejected(xapi):
    """Data §2.6.s4.b1 (XAPI-00115): the attachment must be a JWS."""
    data = statement(id=new_id())
    assert post_signed(xapi, data, b"this is not a signature").status_code == 400


def test_signature_with_wrong_content_type_is_rejected(xapi, pki):
    """Data §2.6.s4.b1 (XAPI-00115): the signature's contentType is
    application/octet-stream."""
    data = statement(id=new_id())
    response = post_signed(
        xapi, data, sign(data, pki["key"]), content_type="text/plain; charset=ascii"
    )
    assert response.status_code == 400
    assert "application/octet-stream" in response.json()["error"]["message"]


def test_signature_without_its_part_is_rejected(xapi, pki):
    """Data §2.6.s5.b3: the LRS must check the JWS, so it must receive it."""
    data = statement(
        id=new_id(),
        attachments=[
            {
                "usageType": SIGNATURE,
                "display": {"en-US": "Signature"},
                "contentType": "application/octet-stream",
                "length": 10,
                "sha2": "0" * 64,
                "fileUrl": "http://example.com/signature.jws",
            }
        ],
    )
    response = xapi.post(URL, data)
    assert response.status_code == 400


def test_jws_json_serialisation_is_understood(xapi, pki):
    """Data §2.6.s4.b2: compact serialisation SHOULD be used; a flattened JSON
    serialisation is still a JWS."""
    data = statement(id=new_id())
    protected, payload, signature = sign(data, pki["key"]).decode().split(".")
    flattened = json.dumps(
        {"protected": protected, "payload": payload, "signature": signature}
    ).encode()
    assert post_signed(xapi, data, flattened).status_code == 200


def test_the_specifications_appendix_d_example_verifies():
    """Data Appendix D: the example signed statement, its JWS and x5c chain (SHA-1
    certificates, a 1024-bit key, long expired) pass the §2.6.s5.b3 checks."""
    original = json.loads((DATA / "xapi_data_appendix_d_statement.json").read_text())
    jws = (DATA / "xapi_data_appendix_d.jws").read_bytes()
    received = {
        **original,
        "attachments": [
            {
                "usageType": SIGNATURE,
                "display": {"en-US": "Signature"},
                "contentType": "application/octet-stream",
                "length": len(jws.strip()),
                "sha2": hashlib.sha256(jws.strip()).hexdigest(),
            }
        ],
    }
    statement_signature_verify(statement=received, jws=jws)
    with pytest.raises(SignatureError):
        statement_signature_verify(
            statement={**received, "timestamp": "2013-04-01T12:00:01Z"}, jws=jws
        )
