"""HTTP Basic authentication with LRS credentials (xAPI 1.0.3 Part 3 §4.1)."""

import base64
import binascii

from django.http import HttpRequest
from django.utils import timezone

from lms.lrs.models import LRSCredential


class AuthenticationFailed(Exception):
    pass


def credential_from_request(request: HttpRequest) -> LRSCredential:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _sep, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        raise AuthenticationFailed(
            "Authentication required: HTTP Basic with an LRS key and secret."
        )
    try:
        key, _sep, secret = (
            base64.b64decode(encoded.strip()).decode("utf-8").partition(":")
        )
    except (binascii.Error, UnicodeDecodeError) as error:
        raise AuthenticationFailed("Malformed Basic Authorization header.") from error
    credential = LRSCredential.objects.usable().filter(key=key).first()
    if credential is None or not credential.check_secret(secret):
        raise AuthenticationFailed("Unknown key or wrong secret.")
    # Writing last_used_at on every request would serialise ingest on one row.
    now = timezone.now()
    if (
        credential.last_used_at is None
        or (now - credential.last_used_at).total_seconds() > 60
    ):
        LRSCredential.objects.filter(pk=credential.pk).update(last_used_at=now)
    return credential
