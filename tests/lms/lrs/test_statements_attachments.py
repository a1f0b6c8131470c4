"""Statements with attachments: xAPI 1.0.3 Communication §1.5.2 and Data §2.4.11
(2.0 §4.1.3, §4.2.2.6); GET with attachments=true (Communication §2.1.3.s2.b6-b7)."""

import email.parser
import email.policy
import hashlib
import json

import pytest

from lms.lrs.models import Attachment
from tests.lms.lrs.statement_factories import new_id, statement

URL = "/xapi/statements"
BOUNDARY = "-------314159265358979323846"
CONTENT = b"here is a simple attachment"
SHA = hashlib.sha256(CONTENT).hexdigest()


def attachment_object(content: bytes = CONTENT, **overrides) -> dict:
    return {
        "usageType": "http://example.com/attachment-usage/test",
        "display": {"en-US": "A test attachment"},
        "description": {"en-US": "A test attachment (description)"},
        "contentType": "text/plain",
        "length": len(content),
        "sha2": hashlib.sha256(content).hexdigest(),
        **overrides,
    }


def multipart(
    first: object,
    *parts: tuple[dict, bytes],
    first_type: str = "application/json",
    boundary: str = BOUNDARY,
) -> bytes:
    """A multipart/mixed body as a client builds it (Communication §1.5.2.s6)."""
    body = f"--{boundary}\r\nContent-Type: {first_type}\r\n\r\n".encode()
    body += json.dumps(first).encode() + b"\r\n"
    for headers, content in parts:
        body += f"--{boundary}\r\n".encode()
        body += "".join(f"{k}: {v}\r\n" for k, v in headers.items()).encode()
        body += b"\r\n" + content + b"\r\n"
    return body + f"--{boundary}--\r\n".encode()


def part(content: bytes = CONTENT, **overrides) -> tuple[dict, bytes]:
    headers = {
        "Content-Type": "text/plain",
        "Content-Transfer-Encoding": "binary",
        "X-Experience-API-Hash": hashlib.sha256(content).hexdigest(),
    }
    for name, value in overrides.items():
        name = name.replace("_", "-")
        if value is None:
            headers.pop(name, None)
        else:
            headers[name] = value
    return headers, content


def post_multipart(xapi, body: bytes, boundary: str = BOUNDARY):
    return xapi.post(URL, body, content_type=f"multipart/mixed; boundary={boundary}")


def parse_multipart(response) -> list:
    raw = f"Content-Type: {response['Content-Type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        raw + response.content
    )
    assert message.is_multipart()
    return list(message.iter_parts())


# --- Storing -------------------------------------------------------------------------


def test_multipart_statement_with_attachment_is_stored(xapi):
    """Communication §1.5.2.s3.b4: the LRS accepts statements with attachments in
    the multipart/mixed transmission format; the raw data is kept."""
    statement_id = new_id()
    body = multipart(
        statement(id=statement_id, attachments=[attachment_object()]), part()
    )
    response = post_multipart(xapi, body)
    assert response.status_code == 200, response.content
    stored = Attachment.objects.get(sha2=SHA)
    assert bytes(stored.content) == CONTENT
    assert stored.length == len(CONTENT)


def test_multipart_put(xapi):
    """Communication §2.1.1 with §1.5.2: PUT takes multipart/mixed too."""
    statement_id = new_id()
    body = multipart(statement(attachments=[attachment_object()]), part())
    response = xapi.client.put(
        f"{URL}?statementId={statement_id}",
        data=body,
        content_type=f"multipart/mixed; boundary={BOUNDARY}",
        headers=xapi.headers,
    )
    assert response.status_code == 204, response.content


def test_the_specifications_example_request_is_accepted(xapi):
    """Communication §1.5.2.s6: the example, with its boundary of every valid
    character class (quoted) and a part Content-Type without parameters."""
    boundary = "abcABC0123'()+_,-./:=?"
    data = statement(
        attachments=[attachment_object(contentType="text/plain; charset=ascii")]
    )
    body = (
        f"\r\n--{boundary}\r\nContent-Type:application/json\r\n\r\n"
        + json.dumps(data)
        + f"\r\n--{boundary}\r\nContent-Type:text/plain\r\n"
        "Content-Transfer-Encoding:binary\r\n"
        f"X-Experience-API-Hash:{SHA}\r\n\r\n"
        "here is a simple attachment\r\n"
        f"--{boundary}--"
    ).encode()
    response = xapi.post(
        URL, body, content_type=f'multipart/mixed; boundary="{boundary}"'
    )
    assert response.status_code == 200, response.content


def test_file_url_attachments_need_no_part_in_json(xapi):
    """Communication §1.5.1.s1.b2: application/json batches whose attachments all
    have a fileUrl are accepted."""
    data = statement(
        attachments=[attachment_object(fileUrl="http://over.there.com/file.txt")]
    )
    assert xapi.post(URL, data).status_code == 200


def test_file_url_attachments_in_multipart_need_no_part(xapi):
    """Communication §1.5.2.s3.b9."""
    data = statement(
        attachments=[attachment_object(fileUrl="http://over.there.com/file.txt")]
    )
    assert post_multipart(xapi, multipart(data)).status_code == 200


def test_multipart_without_attachments_is_accepted(xapi):
    """Communication §1.5.2.s3.b8."""
    assert (
        post_multipart(xapi, multipart([statement(), statement()])).status_code == 200
    )


def test_attachment_without_file_url_in_json_is_400(xapi):
    """Communication §1.5.2.s2.b1 (XAPI-00129): in application/json every attachment
    needs a fileUrl."""
    response = xapi.post(URL, statement(attachments=[attachment_object()]))
    assert response.status_code == 400
    assert "fileUrl" in response.json()["error"]["message"]


def test_one_part_serves_several_statements(xapi):
    """Communication §1.5.2.s2.b2.b5: one copy of an attachment used twice."""
    data = [
        statement(attachments=[attachment_object()]),
        statement(attachments=[attachment_object()]),
    ]
    assert post_multipart(xapi, multipart(data, part())).status_code == 200


@pytest.mark.parametrize(
    "body,reason",
    [
        (
            multipart(statement(attachments=[attachment_object()])),
            "missing part",
        ),
        (
            multipart(
                statement(attachments=[attachment_object()]),
                part(),
                part(b"an extra, unrelated part"),
            ),
            "extra part (XAPI-00128)",
        ),
        (
            multipart(
                statement(attachments=[attachment_object()]),
                part(X_Experience_API_Hash=None),
            ),
            "no X-Experience-API-Hash (XAPI-00132)",
        ),
        (
            multipart(
                statement(attachments=[attachment_object()]),
                part(
                    X_Experience_API_Hash="b018994f8bbe0f08992a65c48c8c8c56f09e9baceaa6227ed85c90ae52b73c89"
                ),
            ),
            "hash does not match sha2 (XAPI-00132)",
        ),
        (
            multipart(
                statement(attachments=[attachment_object()]),
                part(Content_Transfer_Encoding="base64"),
            ),
            "Content-Transfer-Encoding not binary (XAPI-00135)",
        ),
        (
            multipart(
                statement(attachments=[attachment_object()]),
                part(Content_Transfer_Encoding=None),
            ),
            "no Content-Transfer-Encoding (§1.5.2.s2.b2.b4)",
        ),
        (
            multipart(
                statement(attachments=[attachment_object()]),
                part(),
                first_type="text/plain",
            ),
            "first part not application/json (XAPI-00134)",
        ),
        (
            multipart(
                statement(attachments=[attachment_object()]),
                (
                    {"Content-Type": "application/json"},
                    json.dumps(statement()).encode(),
                ),
                part(),
            ),
            "statements in two parts (XAPI-00133)",
        ),
        (
            json.dumps(statement(attachments=[attachment_object()])).encode()
            + b"\r\n"
            + multipart(statement(), part()).split(b"\r\n", 3)[3],
            "no boundary before the first part (XAPI-00131)",
        ),
        (b"no multipart here at all", "no delimiter"),
        (
            multipart(statement(attachments=[attachment_object()]), part())[:-30],
            "no closing delimiter",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_malformed_multipart_is_400(xapi, body, reason):
    """Communication §1.5.2.s2.b2, §1.5.2.s3.b5: every breach of the multipart
    transmission format is a 400, and nothing is stored."""
    response = post_multipart(xapi, body)
    assert response.status_code == 400, reason
    assert not Attachment.objects.exists()


def test_multipart_without_boundary_parameter_is_400(xapi):
    """RFC 2046 §5.1.1 (XAPI-00130): multipart/mixed needs its boundary."""
    body = multipart(statement(attachments=[attachment_object()]), part())
    response = xapi.post(URL, body, content_type="multipart/mixed;")
    assert response.status_code == 400
    assert "boundary" in response.json()["error"]["message"]


def test_part_hash_must_match_its_content(xapi):
    """Communication §1.5.2.s1.b4: parts match attachments by the SHA-2 of the raw
    data; a part whose data has another hash is refused."""
    headers, _content = part()
    body = multipart(
        statement(attachments=[attachment_object()]), (headers, b"tampered content")
    )
    assert post_multipart(xapi, body).status_code == 400


def test_sha512_attachment(xapi):
    """Communication §1.5.2.s4.b4: SHA-256, SHA-384 or SHA-512."""
    digest = hashlib.sha512(CONTENT).hexdigest()
    data = statement(attachments=[attachment_object(sha2=digest)])
    body = multipart(data, part(X_Experience_API_Hash=digest))
    assert post_multipart(xapi, body).status_code == 200


# --- Retrieving ---------------------------------------------------------------------


def test_get_with_attachments_true_returns_multipart(xapi):
    """Communication §2.1.3.s2.b6 (XAPI-00167): attachments=true → multipart/mixed:
    the statement first, then each attachment's raw data with its hash."""
    statement_id = new_id()
    other = b"a second attachment"
    data = statement(
        id=statement_id,
        attachments=[attachment_object(), attachment_object(other)],
    )
    post_multipart(xapi, multipart(data, part(), part(other)))
    response = xapi.get(URL, statementId=statement_id, attachments="true")
    assert response["Content-Type"].startswith("multipart/mixed; boundary=")
    first, *parts = parse_multipart(response)
    assert first.get_content_type() == "application/json"
    assert json.loads(first.get_payload(decode=True))["id"] == statement_id
    by_hash = {p["X-Experience-API-Hash"]: p for p in parts}
    assert set(by_hash) == {SHA, hashlib.sha256(other).hexdigest()}
    assert by_hash[SHA].get_payload(decode=True) == CONTENT
    assert by_hash[SHA]["Content-Transfer-Encoding"] == "binary"
    # Each hash once in the statement and once in a part header.
    assert response.content.count(SHA.encode()) == 2


def test_get_statement_result_with_attachments(xapi):
    """Communication §2.1.3.s2.b6: a StatementResult first, then the attachments."""
    post_multipart(
        xapi, multipart(statement(attachments=[attachment_object()]), part())
    )
    response = xapi.get(URL, attachments="true")
    first, *parts = parse_multipart(response)
    assert "statements" in json.loads(first.get_payload(decode=True))
    assert [p.get_payload(decode=True) for p in parts] == [CONTENT]


def test_get_with_attachments_false_is_json_without_raw_data(xapi):
    """Communication §2.1.3.s2.b7: attachments=false → application/json, no data."""
    post_multipart(
        xapi, multipart(statement(attachments=[attachment_object()]), part())
    )
    response = xapi.get(URL, attachments="false")
    assert response["Content-Type"].startswith("application/json")
    assert CONTENT not in response.content


def test_file_url_only_attachments_have_no_part_in_the_response(xapi):
    statement_id = new_id()
    xapi.post(
        URL,
        statement(
            id=statement_id,
            attachments=[attachment_object(fileUrl="http://over.there.com/f.txt")],
        ),
    )
    response = xapi.get(URL, statementId=statement_id, attachments="true")
    first, *parts = parse_multipart(response)
    assert parts == []
