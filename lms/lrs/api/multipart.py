"""multipart/mixed statement requests and responses (xAPI 1.0.3 Communication §1.5.2,
2.0 §4.1.3; RFC 2046 §5.1).

The first part holds the statement(s) as ``application/json``; every further part is
the raw content of one attachment, with ``X-Experience-API-Hash`` (its SHA-2) and
``Content-Transfer-Encoding: binary``. Matching parts to statements is by hash only
(§1.5.2.s1.b4) and happens in :mod:`lms.lrs.storage`.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.utils.http import parse_header_parameters

from lms.lrs.storage import AttachmentPart

HASH_HEADER = "x-experience-api-hash"
# SHA-2 variants by the length of their hex digest (§1.5.2.s4.b4 recommends
# SHA-256/384/512; SHA-224 is SHA-2 too).
_SHA2_BY_HEX_LENGTH = {
    56: hashlib.sha224,
    64: hashlib.sha256,
    96: hashlib.sha384,
    128: hashlib.sha512,
}


class MultipartError(ValueError):
    """The body is not a valid multipart/mixed statement request (a 400)."""


@dataclass(frozen=True)
class Part:
    headers: dict[str, str]  # names lower-cased
    content: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


def _media_type(value: str) -> str:
    return parse_header_parameters(value)[0].strip().lower() if value else ""


def multipart_boundary(content_type: str) -> str:
    _media, params = parse_header_parameters(content_type)
    boundary = params.get("boundary", "")
    # RFC 2046 §5.1.1: 1 to 70 characters.
    if not 1 <= len(boundary) <= 70:
        raise MultipartError(
            "Content-Type: multipart/mixed needs a boundary parameter of 1 to 70 "
            "characters (RFC 2046 §5.1.1)."
        )
    return boundary


def multipart_parse(body: bytes, content_type: str) -> list[Part]:
    """The body parts of a multipart body (preamble and epilogue dropped)."""
    delimiter = b"--" + multipart_boundary(content_type).encode("latin-1")
    if body.startswith(delimiter):
        position = 0
    else:
        found = body.find(b"\r\n" + delimiter)
        if found < 0:
            raise MultipartError(
                "The multipart body does not contain its boundary delimiter "
                "(RFC 2046 §5.1.1)."
            )
        position = found + 2
    parts: list[Part] = []
    while True:
        position += len(delimiter)
        if body[position : position + 2] == b"--":
            return parts
        line_end = body.find(b"\n", position)
        if line_end < 0 or body[position:line_end].strip(b" \t\r"):
            raise MultipartError(
                "A multipart boundary delimiter must end its line (RFC 2046 §5.1.1)."
            )
        start = line_end + 1
        end = body.find(b"\r\n" + delimiter, start)
        if end < 0:
            raise MultipartError(
                "The multipart body ends without its closing delimiter "
                "(--boundary--, RFC 2046 §5.1.1)."
            )
        parts.append(_part(body[start:end]))
        position = end + 2


def _part(raw: bytes) -> Part:
    if raw.startswith(b"\r\n"):
        head, content = b"", raw[2:]
    else:
        head, separator, content = raw.partition(b"\r\n\r\n")
        if not separator:
            raise MultipartError(
                "A multipart part has no blank line between its headers and its "
                "content (RFC 2046 §5.1.1)."
            )
    headers: dict[str, str] = {}
    name = None
    for line in head.decode("latin-1").split("\r\n"):
        if line[:1] in (" ", "\t") and name is not None:
            headers[name] += " " + line.strip()  # folded header line
            continue
        name, colon, value = line.partition(":")
        if not colon:
            raise MultipartError(
                f"Malformed header line in a multipart part: {line!r}."
            )
        name = name.strip().lower()
        headers[name] = value.strip()
    return Part(headers=headers, content=content)


def statements_multipart_parse(
    body: bytes, content_type: str
) -> tuple[bytes, dict[str, AttachmentPart]]:
    """The statements JSON and the attachment parts by (lower-case) SHA-2.

    Raises MultipartError for every breach of Communication §1.5.2.s2.b2.
    """
    parts = multipart_parse(body, content_type)
    if not parts:
        raise MultipartError("The multipart body has no parts.")
    first, *rest = parts
    if _media_type(first.content_type) != "application/json":
        raise MultipartError(
            "The first part of a multipart/mixed statement request must have "
            "Content-Type: application/json and hold the statements "
            "(Communication §1.5.2.s2.b2.b1)."
        )
    attachments: dict[str, AttachmentPart] = {}
    for number, part in enumerate(rest, start=2):
        declared = part.headers.get(HASH_HEADER, "").strip().lower()
        if not declared:
            raise MultipartError(
                f"Part {number}: an attachment part needs an X-Experience-API-Hash "
                "header (Communication §1.5.2.s2.b2.b3)."
            )
        encoding = part.headers.get("content-transfer-encoding", "").strip().lower()
        if encoding != "binary":
            raise MultipartError(
                f"Part {number}: an attachment part needs Content-Transfer-Encoding: "
                f"binary, got {encoding or 'none'!r} (Communication §1.5.2.s2.b2.b4)."
            )
        algorithm = _SHA2_BY_HEX_LENGTH.get(len(declared))
        if algorithm is None or algorithm(part.content).hexdigest() != declared:
            raise MultipartError(
                f"Part {number}: its content does not have the SHA-2 hash its "
                f"X-Experience-API-Hash header declares ({declared})."
            )
        attachments[declared] = AttachmentPart(
            sha2=declared,
            content_type=part.content_type or "application/octet-stream",
            content=part.content,
        )
    return first.content, attachments


def multipart_build(
    first: bytes, attachments: list[AttachmentPart]
) -> tuple[bytes, str]:
    """A multipart/mixed body with ``first`` as its JSON part, then the attachments.

    Returns the body and its Content-Type header (the boundary is unquoted: some
    clients split the header on ``boundary=``).
    """
    boundary = secrets.token_hex(20)
    delimiter = f"--{boundary}".encode()
    chunks = [delimiter, b"\r\nContent-Type: application/json\r\n\r\n", first, b"\r\n"]
    for attachment in attachments:
        chunks += [
            delimiter,
            f"\r\nContent-Type: {attachment.content_type}"
            "\r\nContent-Transfer-Encoding: binary"
            f"\r\nX-Experience-API-Hash: {attachment.sha2}\r\n\r\n".encode("latin-1"),
            attachment.content,
            b"\r\n",
        ]
    chunks += [delimiter, b"--\r\n"]
    return b"".join(chunks), f"multipart/mixed; boundary={boundary}"
