"""Revocation through W3C Bitstring Status Lists (v1.0).

Each award has a unique ``status_list_index``; list ``n`` covers indexes
``n * LIST_SIZE`` … ``(n + 1) * LIST_SIZE - 1``. A revoked award's bit is 1. The list
is served as a signed ``BitstringStatusListCredential``; ``encodedList`` is the
multibase (``u``, base64url without padding) of the GZIP-compressed bitstring, the
first index being the left-most (most significant) bit of the first byte.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json

from django.core.cache import cache
from django.db.models import Count, Max, Min
from django.utils import timezone

from badges.models import BadgeAward

from . import contexts, keys
from .common import absolute_url, iso
from .dataintegrity import proof_add

# 16 KiB: the minimum the specification asks for, so one index says little.
LIST_SIZE = 131_072
PURPOSE = "revocation"


def list_number(index: int) -> int:
    return index // LIST_SIZE


def list_url(number: int) -> str:
    return absolute_url("badges:status_list", number)


def encode_bits(set_bits: list[int] | set[int], size: int = LIST_SIZE) -> str:
    data = bytearray(size // 8)
    for position in set_bits:
        data[position // 8] |= 0x80 >> (position % 8)
    compressed = gzip.compress(bytes(data), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode_bits(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be base64url multibase ('u').")
    body = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def bit_is_set(bits: bytes, position: int) -> bool:
    if position < 0 or position // 8 >= len(bits):
        raise IndexError("statusListIndex lies outside the list.")
    return bool(bits[position // 8] & (0x80 >> (position % 8)))


def entry_for(award: BadgeAward) -> dict:
    """The award credential's ``credentialStatus``."""
    index = award.status_list_index
    url = list_url(list_number(index))
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def _awards_in(number: int):
    start = number * LIST_SIZE
    return BadgeAward.objects.filter(
        status_list_index__gte=start, status_list_index__lt=start + LIST_SIZE
    )


def status_list_credential(number: int) -> dict:
    """The signed list (cached until a revocation in it changes)."""
    awards = _awards_in(number)
    revoked = awards.filter(revoked_at__isnull=False)
    state = revoked.aggregate(n=Count("pk"), last=Max("revoked_at"))
    # The list is as valid as its latest change: stable output, stable signature.
    since = state["last"] or awards.aggregate(first=Min("awarded_at"))["first"]
    since = since or timezone.now().replace(microsecond=0)
    private_key = keys.signing_key()
    method = keys.verification_method_id(private_key.public_key())
    version = hashlib.sha256(
        json.dumps([number, state["n"], iso(since), method]).encode()
    ).hexdigest()[:32]
    cache_key = f"badges:statuslist:{version}"
    signed = cache.get(cache_key)
    if signed is not None:
        return signed
    start = number * LIST_SIZE
    positions = [
        index - start for index in revoked.values_list("status_list_index", flat=True)
    ]
    url = list_url(number)
    unsigned = {
        "@context": [contexts.VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": keys.issuer_did(),
        "validFrom": iso(since),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode_bits(positions),
        },
    }
    signed = proof_add(
        document=unsigned,
        private_key=private_key,
        verification_method=method,
        created=since,
    )
    cache.set(cache_key, signed, timeout=24 * 3600)
    return signed
