"""Open Badges 2.0 hosted verification: issuer Profile, BadgeClass, Assertion.

Every document lives at its own stable public URL (its ``id``); backpacks and
Moodle fetch the assertion again to verify it, so revocation and expiry show at
once. The recipient is the e-mail address, hashed with the award's salt.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from badges.models import BadgeAward, BadgeClass

from .common import (
    absolute_url,
    identity_hash,
    iso,
    issuer_email,
    issuer_name,
    recipient_identity,
)
from .public import evidence_summary

OB2_CONTEXT = "https://w3id.org/openbadges/v2"


def issuer_url() -> str:
    return absolute_url("badges:ob2_issuer")


def issuer_profile() -> dict:
    return {
        "@context": OB2_CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": issuer_name(),
        "url": settings.LMS_BASE_URL + "/",
        "email": issuer_email(),
        "revocationList": absolute_url("badges:ob2_revocation_list"),
    }


def badge_class_url(badge_class: BadgeClass) -> str:
    return absolute_url("badges:ob2_badge_class", badge_class.public_id)


def badge_class_document(badge_class: BadgeClass) -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        document = {
            "@context": OB2_CONTEXT,
            "type": "BadgeClass",
            "id": badge_class_url(badge_class),
            "name": badge_class.name,
            "description": badge_class.description,
            "image": absolute_url(
                "badges:badge_class_image_png", badge_class.public_id
            ),
            "criteria": {"narrative": badge_class.criteria_text},
            "issuer": issuer_url(),
            "tags": ["Competency"],
        }
        competence = badge_class.competence
        if competence is not None:
            from .ob3 import alignment

            document["alignment"] = [
                {
                    key: value
                    for key, value in target.items()
                    if key
                    in (
                        "targetName",
                        "targetUrl",
                        "targetDescription",
                        "targetFramework",
                        "targetCode",
                    )
                }
                for target in alignment(badge_class)
            ]
            document["tags"].append(competence.code)
    return document


def assertion_url(award: BadgeAward) -> str:
    return absolute_url("badges:ob2_assertion", award.public_id)


def assertion_document(award: BadgeAward) -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        document = {
            "@context": OB2_CONTEXT,
            "type": "Assertion",
            "id": assertion_url(award),
            "recipient": {
                "type": "email",
                "hashed": True,
                "salt": award.recipient_salt,
                "identity": identity_hash(
                    recipient_identity(award), award.recipient_salt
                ),
            },
            "badge": badge_class_url(award.badge_class),
            "issuedOn": iso(award.awarded_at),
            "verification": {"type": "hosted"},
            "image": absolute_url("badges:award_baked_png", award.public_id),
        }
        lines = evidence_summary(award)
        document["evidence"] = [
            {
                "id": absolute_url("badges:verify", award.public_id),
                "narrative": "\n".join(f"- {line}" for line in lines)
                or award.badge_class.criteria_text,
            }
        ]
        if award.narrative:
            document["narrative"] = award.narrative
        if award.expires_at:
            document["expires"] = iso(award.expires_at)
        if award.revoked_at:
            document["revoked"] = True
            document["revocationReason"] = award.revocation_reason or "Revoked"
    return document


def revocation_list() -> dict:
    revoked = BadgeAward.objects.filter(revoked_at__isnull=False).order_by("pk")
    return {
        "@context": OB2_CONTEXT,
        "type": "RevocationList",
        "id": absolute_url("badges:ob2_revocation_list"),
        "issuer": issuer_url(),
        "revokedAssertions": [
            {
                "id": assertion_url(award),
                "revocationReason": award.revocation_reason or "Revoked",
            }
            for award in revoked.only("public_id", "revocation_reason")
        ],
    }
