"""The issuer's Ed25519 key and the platform's ``did:web`` identifier.

The private key comes from configuration (``LMS_BADGES_SIGNING_KEY``): a Multikey
``secretKeyMultibase`` (``z…``, base58btc of the multicodec ``ed25519-priv`` prefix
and the 32-byte seed) or a PKCS#8 PEM. Production refuses to start without it
(lms/settings/production.py). In development and tests a key is generated once per
install into ``var/badges-signing-key.txt`` (git-ignored), so credentials stay
verifiable across restarts but no key is ever committed.

Generate a key for production::

    python -m badges.credentials.keys
"""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

# Multicodec prefixes (varint-encoded) of Ed25519 public and private keys.
ED25519_PUB_PREFIX = b"\xed\x01"
ED25519_PRIV_PREFIX = b"\x80\x26"
DEV_KEY_FILENAME = "badges-signing-key.txt"


class SigningKeyError(ValueError):
    """The configured signing key cannot be read."""


def _raw_public(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    """A Multikey ``publicKeyMultibase`` (``z6Mk…``)."""
    return "z" + base58.b58encode(ED25519_PUB_PREFIX + _raw_public(public_key)).decode()


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    if not value.startswith("z"):
        raise SigningKeyError("Only base58btc ('z') multibase keys are supported.")
    try:
        raw = base58.b58decode(value[1:])
    except ValueError as exc:
        raise SigningKeyError("Not valid base58.") from exc
    if len(raw) != 34 or not raw.startswith(ED25519_PUB_PREFIX):
        raise SigningKeyError("Not a multicodec Ed25519 public key.")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def secret_key_multibase(private_key: Ed25519PrivateKey) -> str:
    """A Multikey ``secretKeyMultibase`` (``z3u2…``)."""
    seed = private_key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return "z" + base58.b58encode(ED25519_PRIV_PREFIX + seed).decode()


def parse_secret_key(value: str) -> Ed25519PrivateKey:
    """Read a key given as ``secretKeyMultibase`` or as a PKCS#8 PEM."""
    value = value.strip()
    if value.startswith("-----BEGIN"):
        # Environment variables often carry PEMs with literal "\n".
        pem = value.replace("\\n", "\n").encode()
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except ValueError as exc:
            raise SigningKeyError("The PEM cannot be read.") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningKeyError("The PEM does not hold an Ed25519 private key.")
        return key
    if not value.startswith("z"):
        raise SigningKeyError(
            "Expected a secretKeyMultibase ('z…') or an Ed25519 PKCS#8 PEM."
        )
    try:
        raw = base58.b58decode(value[1:])
    except ValueError as exc:
        raise SigningKeyError("Not valid base58.") from exc
    if len(raw) != 34 or not raw.startswith(ED25519_PRIV_PREFIX):
        raise SigningKeyError("Not a multicodec Ed25519 private key.")
    return Ed25519PrivateKey.from_private_bytes(raw[2:])


def generate_secret_key() -> str:
    return secret_key_multibase(Ed25519PrivateKey.generate())


def _development_key(var_dir: Path) -> str:
    """The per-install development key, created on first use.

    ``O_EXCL`` makes concurrent first uses (test workers, the server and a command)
    agree on one key."""
    path = Path(var_dir) / DEV_KEY_FILENAME
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another process may be writing it this very moment.
        for _attempt in range(40):
            value = path.read_text().strip()
            if value:
                return value
            time.sleep(0.05)
        raise SigningKeyError(
            f"{path} is empty; delete it to generate a new key."
        ) from None
    value = generate_secret_key()
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    return value


@functools.lru_cache(maxsize=4)
def _parsed(value: str) -> Ed25519PrivateKey:
    return parse_secret_key(value)


def signing_key() -> Ed25519PrivateKey:
    """The issuer's private key from settings (or the development key)."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    value = getattr(settings, "LMS_BADGES_SIGNING_KEY", "")
    if not value:
        if settings.LMS_ENVIRONMENT == "production":
            raise ImproperlyConfigured("LMS_BADGES_SIGNING_KEY is not set.")
        value = _development_key(settings.VAR_DIR)
    try:
        return _parsed(value)
    except SigningKeyError as exc:
        raise ImproperlyConfigured(f"LMS_BADGES_SIGNING_KEY: {exc}") from exc


def issuer_did() -> str:
    """``did:web`` for ``LMS_BASE_URL`` (port percent-encoded, path as ``:``)."""
    from django.conf import settings

    parts = urlsplit(settings.LMS_BASE_URL)
    did = "did:web:" + quote(parts.netloc, safe="")
    segments = [quote(s, safe="") for s in parts.path.split("/") if s]
    return ":".join([did, *segments])


def verification_method_id(public_key: Ed25519PublicKey | None = None) -> str:
    """The key's id in the DID document: the DID plus the multibase key as fragment,
    so a rotated key gets a new id and old ones can stay listed."""
    public_key = public_key or signing_key().public_key()
    return f"{issuer_did()}#{public_key_multibase(public_key)}"


def retired_public_keys() -> list[Ed25519PublicKey]:
    """Earlier public keys still published, so credentials downloaded before a key
    rotation keep verifying (``LMS_BADGES_RETIRED_PUBLIC_KEYS``)."""
    from django.conf import settings

    return [
        public_key_from_multibase(value)
        for value in getattr(settings, "LMS_BADGES_RETIRED_PUBLIC_KEYS", [])
        if value
    ]


if __name__ == "__main__":  # pragma: no cover - operator tool
    key = generate_secret_key()
    public = public_key_multibase(parse_secret_key(key).public_key())
    sys.stdout.write(f"LMS_BADGES_SIGNING_KEY={key}\n")
    sys.stdout.write(f"# public key (publicKeyMultibase): {public}\n")
