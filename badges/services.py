"""Awarding, revoking and expiring badges; keeping competence levels in step.

Every change goes through a service here, in one transaction with the xAPI statement
and the notification it causes.

Exactly once. The database holds at most one *current* award per badge and person
(the partial unique constraint ``badge_award_one_current``). Two workers that find
the criteria met at the same moment both try to insert; the second insert fails on
the constraint inside its own savepoint, is rolled back (with the statement and
notification it would have recorded) and the worker moves on. No lock is needed.

Recertification. An award of a badge with a validity period becomes renewable once
it has expired or is about to (``BADGES_EXPIRY_WARNING_DAYS``). The criteria are then
evaluated on evidence recorded after the old award only; when they are met, a new
award is made and the old one stops being current (it stays verifiable, as expired).
A revoked award blocks automatic awarding of that badge: HR's decision stands until
HR awards it again by hand.
"""

from __future__ import annotations

import csv
import io
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.roles import AWARD_BADGES, REVOKE_BADGES
from lms.lrs import vocabulary
from lms.lrs.services import statement_record
from lms.notifications.models import Kind as NotificationKind
from lms.notifications.services import notification_send

from .criteria import (
    BadgeEvaluation,
    LearnerRecord,
    activity_kind_and_id,
    badge_activity_id,
    badge_evaluate,
)
from .models import (
    AwardEvidence,
    BadgeAward,
    BadgeClass,
    BadgeCriterion,
    CompetenceSignOff,
    EmployeeCompetence,
)

User = get_user_model()

# How often a worker retries after another took the status list index it chose.
_INDEX_ATTEMPTS = 10


class BadgeError(Exception):
    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


class BadgeAlreadyHeld(BadgeError):
    pass


class BadgeAlreadyRevoked(BadgeError):
    pass


def expiry_warning_days() -> int:
    return settings.BADGES_EXPIRY_WARNING_DAYS


# --- URLs the award refers to ---------------------------------------------------


def _absolute(path: str) -> str:
    return settings.LMS_BASE_URL.rstrip("/") + path


def award_public_url(award: BadgeAward) -> str:
    """The award's public page (the credentials work serves it as ``badges:verify``);
    the learner's own badge page until that exists."""
    try:
        return _absolute(
            reverse("badges:verify", kwargs={"public_id": award.public_id})
        )
    except NoReverseMatch:
        return _absolute(reverse("badges:my_badges"))


def award_assertion_url(award: BadgeAward) -> str:
    """The OB 2.0 hosted Assertion when it is served, else the public page."""
    for name in ("badges:ob2_assertion", "badges:assertion"):
        try:
            return _absolute(reverse(name, kwargs={"public_id": award.public_id}))
        except NoReverseMatch:
            continue
    return award_public_url(award)


def my_badges_url() -> str:
    return reverse("badges:my_badges")


# --- Competence levels ---------------------------------------------------------------


@transaction.atomic
def competence_levels_refresh(*, user, at: datetime | None = None) -> int:
    """Rebuild ``user``'s EmployeeCompetence rows from valid awards and sign-offs.

    A competence's level is the highest of what the person's valid awards attest and
    what non-withdrawn sign-offs say. ``achieved_at`` is when that level was first
    reached among the current sources; ``expires_at`` is when the last source holding
    the level up expires (null when one of them does not expire). Returns the number
    of competences with a level.
    """
    at = at or timezone.now()
    # (level, source, achieved_at, expires_at) per competence
    sources: dict[int, list[tuple[int, str, datetime, datetime | None]]] = {}
    awards = (
        BadgeAward.objects.valid(at)
        .filter(recipient=user, badge_class__competence__isnull=False)
        .select_related("badge_class")
    )
    for award in awards:
        sources.setdefault(award.badge_class.competence_id, []).append(
            (
                award.badge_class.level,
                EmployeeCompetence.Source.BADGE,
                award.awarded_at,
                award.expires_at,
            )
        )
    for signoff in CompetenceSignOff.objects.filter(
        learner=user, withdrawn_at__isnull=True
    ):
        sources.setdefault(signoff.competence_id, []).append(
            (signoff.level, EmployeeCompetence.Source.SIGNOFF, signoff.created_at, None)
        )

    existing = {row.competence_id: row for row in user.competence_levels.all()}
    for competence_id, rows in sources.items():
        level = max(row[0] for row in rows)
        top = [row for row in rows if row[0] == level]
        expiries = [row[3] for row in top]
        values = {
            "level": level,
            # A badge names the level formally; prefer it when both hold it up.
            "source": min(top, key=lambda row: row[1] != "badge")[1],
            "achieved_at": min(row[2] for row in top),
            "expires_at": None if None in expiries else max(expiries),
        }
        row = existing.pop(competence_id, None)
        if row is None:
            EmployeeCompetence.objects.create(
                user=user, competence_id=competence_id, **values
            )
        elif any(getattr(row, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            row.save()
    if existing:
        EmployeeCompetence.objects.filter(
            pk__in=[row.pk for row in existing.values()]
        ).delete()
    return len(sources)


# --- Awarding ------------------------------------------------------------------------


@dataclass
class EvidenceItem:
    description: str
    criterion: BadgeCriterion | None = None
    statement_id: object = None
    signoff: CompetenceSignOff | None = None


def _evidence_from(evaluation: BadgeEvaluation) -> list[EvidenceItem]:
    return [
        EvidenceItem(
            description=result.evidence,
            criterion=result.criterion,
            statement_id=result.statement_id,
            signoff=result.signoff,
        )
        for result in evaluation.results
        if result.met
    ]


def _recipient_language(user) -> str:
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def _earned_statement(award: BadgeAward):
    badge_class = award.badge_class
    result = {
        "completion": True,
        "success": True,
        "extensions": {
            vocabulary.OPEN_BADGES_ASSERTION_EXTENSION: {
                "@id": award_assertion_url(award)
            }
        },
    }
    context = {
        "contextActivities": {
            "category": [
                {
                    "objectType": "Activity",
                    "id": vocabulary.OPEN_BADGES_RECIPE,
                    "definition": {
                        "type": "http://id.tincanapi.com/activitytype/recipe"
                    },
                }
            ]
        },
        "extensions": {
            vocabulary.extension_iri("badge-award"): str(award.public_id),
            vocabulary.extension_iri("award-method"): award.method,
        },
    }
    if badge_class.competence_id:
        context["extensions"][vocabulary.extension_iri("level")] = badge_class.level
        context["contextActivities"]["other"] = [
            {
                "objectType": "Activity",
                "id": vocabulary.activity_iri(
                    "competence", badge_class.competence.code
                ),
            }
        ]
    return statement_record(
        user=award.recipient,
        verb=vocabulary.EARNED,
        activity_id=badge_activity_id(badge_class),
        activity_type=vocabulary.BADGE_TYPE,
        activity_name=badge_class.name,
        result=result,
        context=context,
        # HR, when HR awarded it by hand.
        instructor=award.awarded_by,
        timestamp=award.awarded_at,
    )


def _notify_awarded(award: BadgeAward) -> None:
    with translation.override(_recipient_language(award.recipient)):
        notification_send(
            user=award.recipient,
            kind=NotificationKind.BADGE_AWARDED,
            title=_("You earned the badge “%(badge)s”") % {"badge": award.badge_class},
            body=award.narrative
            or _("Congratulations! You can share it and anyone can verify it."),
            url=my_badges_url(),
        )


def _next_status_index() -> int:
    current = BadgeAward.objects.aggregate(top=Max("status_list_index"))["top"]
    return 0 if current is None else current + 1


def _award_create(
    *,
    badge_class: BadgeClass,
    recipient,
    method: str,
    evidence: list[EvidenceItem],
    awarded_by=None,
    narrative: str = "",
    replaces: BadgeAward | None = None,
    now: datetime | None = None,
) -> BadgeAward | None:
    """Insert the award, or return None when another worker got there first."""
    now = now or timezone.now()
    expires_at = (
        now + timedelta(days=badge_class.valid_for_days)
        if badge_class.valid_for_days
        else None
    )
    for _attempt in range(_INDEX_ATTEMPTS):
        try:
            with transaction.atomic():
                if replaces is not None:
                    # Another worker may have renewed the award just now.
                    if not BadgeAward.objects.filter(
                        pk=replaces.pk, is_current=True
                    ).update(is_current=False):
                        return None
                award = BadgeAward.objects.create(
                    badge_class=badge_class,
                    recipient=recipient,
                    method=method,
                    awarded_at=now,
                    awarded_by=awarded_by,
                    narrative=narrative,
                    expires_at=expires_at,
                    recipient_salt=secrets.token_hex(16),
                    status_list_index=_next_status_index(),
                )
                AwardEvidence.objects.bulk_create(
                    AwardEvidence(
                        award=award,
                        criterion=item.criterion,
                        statement_id=item.statement_id,
                        signoff=item.signoff,
                        description=item.description,
                    )
                    for item in evidence
                )
                statement = _earned_statement(award)
                award.statement_id = statement.statement_id
                award.save(update_fields=["statement_id"])
                competence_levels_refresh(user=recipient, at=now)
                _notify_awarded(award)
                return award
        except IntegrityError:
            # Either the badge is now held (the other worker won: done), or the
            # status list index was taken by another award (try the next one).
            if (
                BadgeAward.objects.filter(
                    badge_class=badge_class, recipient=recipient, is_current=True
                )
                .exclude(pk=getattr(replaces, "pk", None))
                .exists()
            ):
                return None
    raise RuntimeError("Could not allocate a status list index for the badge award.")


def _renewable(award: BadgeAward, now: datetime) -> bool:
    if award.revoked_at is not None or award.expires_at is None:
        return False
    return award.expires_at <= now + timedelta(days=expiry_warning_days())


@transaction.atomic
def badges_evaluate(
    *, user, badge_classes: Iterable[BadgeClass] | None = None
) -> list[BadgeAward]:
    """Award ``user`` every badge (of ``badge_classes``, default all active ones)
    whose criteria the record meets. Returns the new awards."""
    if user is None or not user.is_active:
        return []
    now = timezone.now()
    if badge_classes is None:
        badge_classes = BadgeClass.objects.filter(is_active=True)
    badge_classes = [
        b
        for b in BadgeClass.objects.filter(
            pk__in=[b.pk for b in badge_classes], is_active=True
        ).prefetch_related(
            "criteria__module", "criteria__competence", "criteria__required_badge"
        )
    ]
    current = {
        award.badge_class_id: award
        for award in BadgeAward.objects.current().filter(
            recipient=user, badge_class__in=badge_classes
        )
    }
    candidates = []
    for badge_class in badge_classes:
        held = current.get(badge_class.pk)
        if held is not None and not _renewable(held, now):
            continue
        candidates.append((badge_class, held))
    if not candidates:
        return []
    record = LearnerRecord(user, badge_classes=[b for b, _held in candidates])
    awards = []
    with translation.override(settings.LANGUAGE_CODE):
        for badge_class, held in candidates:
            evaluation = badge_evaluate(
                badge_class, record, since=held.awarded_at if held else None
            )
            if not evaluation.is_met:
                continue
            award = _award_create(
                badge_class=badge_class,
                recipient=user,
                method=BadgeAward.Method.AUTOMATIC,
                evidence=_evidence_from(evaluation),
                replaces=held,
                now=now,
            )
            if award is not None:
                awards.append(award)
    return awards


def badge_classes_affected_by(statement) -> list[int]:
    """The ids of active badges whose criteria ``statement`` can help meet."""
    verb = statement.verb_id
    parsed = activity_kind_and_id(statement.object_activity_id or "")
    if parsed is None:
        return []
    kind, stable = parsed
    criteria = BadgeCriterion.objects.filter(badge_class__is_active=True)
    if kind == "module" and verb in (vocabulary.COMPLETED.id, vocabulary.PASSED.id):
        if not stable.isdigit():
            return []
        criteria = criteria.filter(
            kind__in=[
                BadgeCriterion.Kind.MODULE_COMPLETED,
                BadgeCriterion.Kind.MODULE_PASSED,
            ],
            module_id=int(stable),
        )
    elif kind == "scenario" and verb in (
        vocabulary.COMPLETED.id,
        vocabulary.PASSED.id,
    ):
        criteria = criteria.filter(
            kind=BadgeCriterion.Kind.SCENARIO_PASSED, scenario_slug=stable
        )
    elif kind == "badge" and verb == vocabulary.EARNED.id:
        criteria = criteria.filter(
            kind=BadgeCriterion.Kind.BADGE_HELD,
            required_badge__public_id__iexact=stable,
        )
    elif kind == "competence" and verb == vocabulary.ACHIEVED.id:
        # The coaching app names competences by code; match the pk as well.
        match = Q(competence__code=stable)
        if stable.isdigit():
            match |= Q(competence_id=int(stable))
        criteria = criteria.filter(match, kind=BadgeCriterion.Kind.SIGNOFF)
    else:
        return []
    return sorted(set(criteria.values_list("badge_class_id", flat=True)))


def user_for_actor(actor: dict | None):
    """The platform user an xAPI actor names (account on LMS_BASE_URL), or None."""
    account = (actor or {}).get("account") or {}
    if account.get("homePage", "").rstrip("/") != settings.LMS_BASE_URL.rstrip("/"):
        return None
    try:
        pseudonym = uuid.UUID(str(account.get("name")))
    except ValueError:
        return None
    return User.objects.filter(pseudonym=pseudonym, is_active=True).first()


# --- HR: by hand, revoke, expiry ------------------------------------------------------


@transaction.atomic
def badge_award_manual(
    *, actor, badge_class: BadgeClass, recipient, narrative: str
) -> BadgeAward:
    """HR awards a badge by hand, with a narrative (why). Replaces an expired or
    revoked current award; refuses when the person holds the badge already."""
    if not actor.has_perm(AWARD_BADGES):
        raise PermissionDenied
    narrative = (narrative or "").strip()
    if not narrative:
        raise BadgeError(gettext_lazy("Say why the badge is awarded (a narrative)."))
    now = timezone.now()
    held = (
        BadgeAward.objects.current()
        .filter(badge_class=badge_class, recipient=recipient)
        .first()
    )
    if held is not None and held.revoked_at is None and not held.is_expired(now):
        raise BadgeAlreadyHeld(
            _("%(person)s already holds this badge.")
            % {"person": recipient.get_full_name() or recipient.email}
        )
    award = _award_create(
        badge_class=badge_class,
        recipient=recipient,
        method=BadgeAward.Method.MANUAL,
        evidence=[EvidenceItem(description=narrative)],
        awarded_by=actor,
        narrative=narrative,
        replaces=held,
        now=now,
    )
    if award is None:
        raise BadgeAlreadyHeld(_("This badge was awarded just now by someone else."))
    return award


@dataclass
class BulkAwardReport:
    dry_run: bool
    errors: list[tuple[int, str, str]] = field(default_factory=list)
    awarded: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@transaction.atomic
def badges_award_bulk(
    *, actor, badge_class: BadgeClass, data: bytes, narrative: str, dry_run=False
) -> BulkAwardReport:
    """Award ``badge_class`` to every e-mail address in a CSV (one column, with or
    without a header ``email``/``e-mail``). All or nothing: an unknown address
    awards no one. People who hold the badge already are skipped and listed."""
    if not actor.has_perm(AWARD_BADGES):
        raise PermissionDenied
    report = BulkAwardReport(dry_run=dry_run)
    if not (narrative or "").strip():
        report.errors.append((0, "", _("Say why the badge is awarded (a narrative).")))
        return report
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append((0, "", _("The file is not UTF-8 text.")))
        return report
    dialect = ";" if text.count(";") > text.count(",") else ","
    emails: list[tuple[int, str]] = []
    for line, record in enumerate(csv.reader(io.StringIO(text), delimiter=dialect), 1):
        value = next((cell.strip() for cell in record if cell.strip()), "")
        if not value:
            continue
        if line == 1 and value.lower() in ("email", "e-mail", "e-mailadres"):
            continue
        emails.append((line, value.lower()))
    if not emails:
        report.errors.append((0, "", _("The file holds no e-mail addresses.")))
        return report
    users = {
        u.email.lower(): u
        for u in User.objects.filter(
            email__in=[email for _line, email in emails], is_active=True
        )
    }
    seen = set()
    for line, email in emails:
        if email not in users:
            report.errors.append(
                (line, email, _("No active employee with this e-mail address."))
            )
        elif email in seen:
            report.errors.append((line, email, _("This address is in the file twice.")))
        seen.add(email)
    if report.errors:
        return report
    for _line, email in emails:
        try:
            with transaction.atomic():
                badge_award_manual(
                    actor=actor,
                    badge_class=badge_class,
                    recipient=users[email],
                    narrative=narrative,
                )
            report.awarded.append(email)
        except BadgeAlreadyHeld as error:
            report.skipped.append((email, str(error.message)))
    if dry_run:
        transaction.set_rollback(True)
    return report


@transaction.atomic
def badge_award_revoke(*, actor, award: BadgeAward, reason: str) -> BadgeAward:
    """Revoke with a reason: the learner is told, the competence level follows, and
    the credential formats serve it as revoked from now on."""
    if not actor.has_perm(REVOKE_BADGES):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise BadgeError(gettext_lazy("Give the reason for revoking the badge."))
    award = BadgeAward.objects.select_for_update().get(pk=award.pk)
    if award.revoked_at is not None:
        raise BadgeAlreadyRevoked(gettext_lazy("This badge was revoked already."))
    award.revoked_at = timezone.now()
    award.revoked_by = actor
    award.revocation_reason = reason
    award.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    competence_levels_refresh(user=award.recipient)
    with translation.override(_recipient_language(award.recipient)):
        notification_send(
            user=award.recipient,
            kind=NotificationKind.BADGE_REVOKED,
            title=_("Your badge “%(badge)s” was revoked")
            % {"badge": award.badge_class},
            body=_("Reason: %(reason)s") % {"reason": reason},
            url=my_badges_url(),
        )
    return award


@dataclass
class ExpiryReport:
    warned: int = 0
    refreshed: int = 0


@transaction.atomic
def badges_expiry_process(
    *, now: datetime | None = None, warn_days: int | None = None
) -> ExpiryReport:
    """The daily run: warn learners ``warn_days`` before a badge expires (once per
    award), and bring competence levels down where what held them up expired."""
    now = now or timezone.now()
    warn_days = expiry_warning_days() if warn_days is None else warn_days
    report = ExpiryReport()
    expiring = (
        BadgeAward.objects.current()
        .filter(
            revoked_at__isnull=True,
            expiry_notified_at__isnull=True,
            expires_at__gt=now,
            expires_at__lte=now + timedelta(days=warn_days),
        )
        .select_related("badge_class", "recipient")
        .select_for_update(of=("self",))
    )
    for award in expiring:
        # Only one run warns (the update's filter is the guard).
        if not BadgeAward.objects.filter(
            pk=award.pk, expiry_notified_at__isnull=True
        ).update(expiry_notified_at=now):
            continue
        with translation.override(_recipient_language(award.recipient)):
            notification_send(
                user=award.recipient,
                kind=NotificationKind.BADGE_EXPIRING,
                title=_("Your badge “%(badge)s” expires on %(date)s")
                % {
                    "badge": award.badge_class,
                    "date": date_format(
                        timezone.localtime(award.expires_at), "DATE_FORMAT"
                    ),
                },
                body=_(
                    "Meet the badge's criteria again to recertify; your badge page "
                    "shows what to do."
                ),
                url=my_badges_url(),
            )
        report.warned += 1
    stale_users = (
        EmployeeCompetence.objects.filter(expires_at__lte=now)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user in User.objects.filter(pk__in=list(stale_users)):
        competence_levels_refresh(user=user, at=now)
        report.refreshed += 1
    return report
