"""What every format shares: absolute URLs, the issuer's name, dates, hashing."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse


def absolute_url(viewname: str, *args, **kwargs) -> str:
    """Public, stable URL of a view (based on LMS_BASE_URL, never the request)."""
    return settings.LMS_BASE_URL + reverse(viewname, args=args, kwargs=kwargs)


def issuer_name() -> str:
    return getattr(settings, "LMS_BADGES_ISSUER_NAME", "") or settings.WAGTAIL_SITE_NAME


def issuer_email() -> str:
    configured = getattr(settings, "LMS_BADGES_ISSUER_EMAIL", "")
    if configured:
        return configured
    # "Zaakwijs <noreply@zaakwijs.test>" -> the address.
    sender = settings.DEFAULT_FROM_EMAIL
    return sender.rsplit("<", 1)[-1].rstrip(">").strip()


def iso(value: datetime) -> str:
    """XML Schema dateTime in UTC, whole seconds (stable across requests)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def recipient_identity(award) -> str:
    """The e-mail address the badge was earned with, as backpacks compare it."""
    return (award.recipient.email or "").strip().lower()


def identity_hash(identity: str, salt: str) -> str:
    """OB 2.0 / OB 3.0 hashed identity: ``sha256$`` + hex(sha256(identity + salt))."""
    return "sha256$" + hashlib.sha256((identity + salt).encode()).hexdigest()


def recipient_name(award) -> str:
    """The recipient's name (public with the badge); never the e-mail address."""
    return award.recipient.get_full_name().strip()
