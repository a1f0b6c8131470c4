"""LRS credentials: created by operators (admin screen, management command) and
issued to content a learner launches (xAPI 1.0.3 Part 3 §4; scopes after §4.2)."""

import uuid
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.lrs.models import LRSCredential, Scope

# What launched content needs: write its statements, read back its own, keep its
# state and profiles. The LRS limits all of it to the learner (and registration).
LAUNCH_SCOPES = (
    Scope.STATEMENTS_WRITE,
    Scope.STATEMENTS_READ_MINE,
    Scope.STATE,
    Scope.PROFILE,
)
LAUNCH_TTL = timedelta(hours=8)


def _clean_scopes(scopes) -> list[str]:
    valid = set(Scope.values)
    cleaned: list[str] = []
    for scope in scopes:
        if scope not in valid:
            raise ValidationError(
                _("Unknown scope %(scope)r; choose from: %(valid)s.")
                % {"scope": scope, "valid": ", ".join(Scope.values)}
            )
        if scope not in cleaned:
            cleaned.append(str(scope))
    if not cleaned:
        raise ValidationError(_("A credential needs at least one scope."))
    return cleaned


@transaction.atomic
def lrs_credential_create(
    *,
    name: str,
    scopes,
    created_by=None,
    user=None,
    registration: uuid.UUID | str | None = None,
    expires_at: datetime | None = None,
) -> tuple[LRSCredential, str]:
    """Create a credential; return it with its secret, which is stored only as a
    hash and so can be shown this once."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("A credential needs a name."))
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError(_("The expiry date must lie in the future."))
    if registration is not None and not isinstance(registration, uuid.UUID):
        try:
            registration = uuid.UUID(str(registration))
        except ValueError as error:
            raise ValidationError(_("The registration must be a UUID.")) from error
    key, secret = LRSCredential.new_key_and_secret()
    credential = LRSCredential(
        name=name,
        key=key,
        scopes=_clean_scopes(scopes),
        created_by=created_by,
        user=user,
        registration=registration,
        expires_at=expires_at,
    )
    credential.set_secret(secret)
    credential.full_clean(exclude=["key", "secret_hash"])
    credential.save()
    return credential, secret


def lrs_launch_credential_issue(
    *, user, registration: uuid.UUID | str, ttl: timedelta = LAUNCH_TTL
) -> tuple[LRSCredential, str]:
    """A short-lived credential for content ``user`` launches in ``registration``.

    The statements resource limits it to statements about the learner; the
    document resources limit it to the learner's own state and agent profile
    (within the registration) and to reading activity profiles.
    """
    return lrs_credential_create(
        name=f"launch {user.pseudonym} {registration}"[:150],
        scopes=LAUNCH_SCOPES,
        user=user,
        registration=registration,
        expires_at=timezone.now() + ttl,
    )


@transaction.atomic
def lrs_credential_update(
    *,
    credential: LRSCredential,
    name: str,
    scopes,
    expires_at: datetime | None,
    is_active: bool,
) -> LRSCredential:
    """Change what an operator may change; the key and secret stay as they are."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("A credential needs a name."))
    credential.name = name
    credential.scopes = _clean_scopes(scopes)
    credential.expires_at = expires_at
    credential.is_active = is_active
    credential.full_clean(exclude=["key", "secret_hash"])
    credential.save(update_fields=["name", "scopes", "expires_at", "is_active"])
    return credential


@transaction.atomic
def lrs_credential_deactivate(*, credential: LRSCredential) -> LRSCredential:
    """Stop a credential from authenticating; kept for the statements it stored."""
    credential.is_active = False
    credential.save(update_fields=["is_active"])
    return credential
