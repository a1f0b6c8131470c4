"""Each award as an Open Badges 3.0 ``OpenBadgeCredential`` (VC Data Model 2.0).

The credential is built from the award when asked for and signed with an
``eddsa-rdfc-2022`` proof whose ``created`` is the award time, so the same award
gives the same signed document (cached) until something in it changes.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from badges.models import BadgeAward, BadgeClass

from . import contexts, keys, statuslist
from .common import (
    absolute_url,
    identity_hash,
    iso,
    issuer_email,
    issuer_name,
    recipient_identity,
    recipient_name,
)
from .dataintegrity import proof_add
from .public import evidence_summary

ACHIEVEMENT_TYPE = "Competency"
# 1EdTech's AlignmentTargetType for a competency (CTDL-ASN).
ALIGNMENT_TARGET_TYPE = "ceasn:Competency"


def issuer_profile() -> dict:
    return {
        "id": keys.issuer_did(),
        "type": ["Profile"],
        "name": issuer_name(),
        "url": settings.LMS_BASE_URL + "/",
        "email": issuer_email(),
    }


def achievement_id(badge_class: BadgeClass) -> str:
    return f"urn:uuid:{badge_class.public_id}"


def alignment(badge_class: BadgeClass) -> list[dict]:
    competence = badge_class.competence
    if competence is None:
        return []
    level = competence.levels.filter(level=badge_class.level).first()
    level_name = level.name if level else str(badge_class.level)
    target = {
        "type": ["Alignment"],
        "targetName": f"{competence.name} – {level_name} ({badge_class.level})",
        "targetUrl": absolute_url("badges:competence_public", competence.code)
        + f"#level-{badge_class.level}",
        "targetCode": f"{competence.code}:{badge_class.level}",
        "targetFramework": issuer_name(),
        "targetType": ALIGNMENT_TARGET_TYPE,
    }
    description = (level.description if level else "") or competence.description
    if description:
        target["targetDescription"] = description
    return [target]


def achievement(badge_class: BadgeClass) -> dict:
    data = {
        "id": achievement_id(badge_class),
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPE,
        "name": badge_class.name,
        "description": badge_class.description,
        "criteria": {"narrative": badge_class.criteria_text},
        "image": {
            "id": absolute_url("badges:badge_class_image_png", badge_class.public_id),
            "type": "Image",
            "caption": badge_class.name,
        },
        "creator": issuer_profile(),
        "inLanguage": settings.LANGUAGE_CODE,
    }
    aligned = alignment(badge_class)
    if aligned:
        data["alignment"] = aligned
    return data


def credential_unsigned(award: BadgeAward) -> dict:
    """The credential without its proof (in the platform's default language)."""
    with translation.override(settings.LANGUAGE_CODE):
        badge_class = award.badge_class
        identifiers = [
            {
                "type": "IdentityObject",
                "identityHash": identity_hash(
                    recipient_identity(award), award.recipient_salt
                ),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": award.recipient_salt,
            }
        ]
        name = recipient_name(award)
        if name:
            # The name is public with the award (shown on its verification page).
            identifiers.append(
                {
                    "type": "IdentityObject",
                    "identityHash": name,
                    "identityType": "name",
                    "hashed": False,
                }
            )
        credential = {
            "@context": [contexts.VC_V2, contexts.OB_V3],
            "id": f"urn:uuid:{award.public_id}",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": badge_class.name,
            "description": badge_class.description,
            "issuer": issuer_profile(),
            "validFrom": iso(award.awarded_at),
            "awardedDate": iso(award.awarded_at),
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "identifier": identifiers,
                "achievement": achievement(badge_class),
            },
        }
        if award.expires_at:
            credential["validUntil"] = iso(award.expires_at)
        lines = evidence_summary(award)
        narrative = "\n".join(f"- {line}" for line in lines)
        if award.narrative:
            narrative = (award.narrative + "\n\n" + narrative).strip()
        evidence = {
            "id": absolute_url("badges:verify", award.public_id),
            "type": ["Evidence"],
            "name": badge_class.name,
        }
        if narrative:
            evidence["narrative"] = narrative
        credential["evidence"] = [evidence]
        credential["credentialStatus"] = statuslist.entry_for(award)
    return credential


def award_credential(award: BadgeAward) -> dict:
    """The signed ``OpenBadgeCredential`` (cached per content and key)."""
    unsigned = credential_unsigned(award)
    private_key = keys.signing_key()
    method = keys.verification_method_id(private_key.public_key())
    digest = hashlib.sha256(
        json.dumps([unsigned, method], sort_keys=True).encode()
    ).hexdigest()
    cache_key = f"badges:ob3:{award.public_id}:{digest[:32]}"
    signed = cache.get(cache_key)
    if signed is None:
        signed = proof_add(
            document=unsigned,
            private_key=private_key,
            verification_method=method,
            created=award.awarded_at,
        )
        cache.set(cache_key, signed, timeout=24 * 3600)
    return signed
