"""Writes of the coaching app: help requests and their conversation, proposed
visits, coach availability and stand-ins, competence sign-offs and the access log.

Every function is keyword-only and atomic; notifications are sent in the same
transaction (their e-mail goes out after commit).
"""

import uuid
from datetime import date, datetime
from pathlib import PurePosixPath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.coaching import selectors
from lms.coaching.models import (
    CoachAbsence,
    CoachAccessLog,
    CoachProfile,
    HelpAttachment,
    HelpMessage,
    HelpRequest,
    VisitProposal,
    coached_floor_ids,
)
from lms.core.sanitize import sanitize_html, strip_html
from lms.lrs import vocabulary
from lms.lrs.services import statement_record
from lms.notifications.models import Kind
from lms.notifications.services import notification_send

# --- Attachments --------------------------------------------------------------

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
ATTACHMENT_MAX_COUNT = 3
# Screenshots, PDFs, office documents and plain text; nothing that runs.
ATTACHMENT_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The first bytes of the binary types: a renamed executable is refused.
_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
}


def attachment_validate(upload) -> str:
    """Check one uploaded file; returns its content type or raises ValidationError."""
    name = PurePosixPath(upload.name or "").name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        raise ValidationError(
            _(
                "“%(name)s” cannot be attached: only pictures (PNG, JPEG, GIF), PDF, "
                "Word, Excel and text files are allowed."
            )
            % {"name": name}
        )
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is too large: at most %(mb)s MB per file.")
            % {"name": name, "mb": ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name})
    signatures = _MAGIC.get(suffix)
    if signatures:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(sig) for sig in signatures):
            raise ValidationError(
                _("“%(name)s” is not the kind of file its name says.") % {"name": name}
            )
    return ATTACHMENT_TYPES[suffix]


def _attach(message: HelpMessage, files) -> None:
    files = list(files or [])
    if len(files) > ATTACHMENT_MAX_COUNT:
        raise ValidationError(
            _("At most %(count)s files per message.") % {"count": ATTACHMENT_MAX_COUNT}
        )
    for upload in files:
        content_type = attachment_validate(upload)
        HelpAttachment.objects.create(
            message=message,
            file=upload,
            name=PurePosixPath(upload.name).name[:200],
            content_type=content_type,
            size=upload.size,
        )


def _clean_body(body: str) -> str:
    cleaned = sanitize_html(body or "").strip()
    if not strip_html(cleaned).strip():
        raise ValidationError(_("Write a message."))
    return cleaned


def _name(user) -> str:
    return user.get_full_name() or user.email


def _in_language(user, text_factory):
    # Notifications are plain text in the recipient's language; the UI is Dutch
    # unless a person chose otherwise, and we do not store that choice per person.
    with translation.override("nl"):
        return text_factory()


# --- Access log ----------------------------------------------------------------


@transaction.atomic
def access_log_record(
    *, viewer, learner, what: str, object_id=""
) -> CoachAccessLog | None:
    """Log that ``viewer`` opened ``learner``'s record; looking at your own is not
    logged."""
    if viewer is None or learner is None or viewer.pk == learner.pk:
        return None
    return CoachAccessLog.objects.create(
        viewer=viewer, learner=learner, what=what[:50], object_id=str(object_id)[:100]
    )


# --- Availability and stand-ins ---------------------------------------------------


@transaction.atomic
def coach_profile_set(
    *, user, location: str, availability: str, phone: str = ""
) -> CoachProfile:
    profile, _created = CoachProfile.objects.update_or_create(
        user=user,
        defaults={
            "location": location.strip(),
            "availability": availability.strip(),
            "phone": phone.strip(),
        },
    )
    return profile


@transaction.atomic
def coach_absence_add(
    *, coach, starts_on: date, ends_on: date, stand_in=None, note: str = ""
) -> CoachAbsence:
    if ends_on < starts_on:
        raise ValidationError(_("The absence cannot end before it starts."))
    if stand_in is not None and stand_in.pk == coach.pk:
        raise ValidationError(_("Choose someone else as stand-in."))
    if stand_in is not None and not selectors.is_coach(stand_in):
        raise ValidationError(_("The stand-in must be an ICT expert."))
    return CoachAbsence.objects.create(
        coach=coach,
        starts_on=starts_on,
        ends_on=ends_on,
        stand_in=stand_in,
        note=note.strip(),
    )


@transaction.atomic
def coach_absence_delete(*, absence: CoachAbsence, actor) -> None:
    if absence.coach_id != actor.pk:
        raise PermissionDenied
    absence.delete()


# --- Help requests ----------------------------------------------------------------


def _request_url(help_request: HelpRequest) -> str:
    from django.urls import reverse

    return reverse("coaching:request_detail", kwargs={"pk": help_request.pk})


def _is_learner(help_request: HelpRequest, user) -> bool:
    return help_request.learner_id == user.pk


def _is_floor_coach(help_request: HelpRequest, user) -> bool:
    return help_request.floor_id is not None and help_request.floor_id in (
        coached_floor_ids(user)
    )


def _touch(help_request: HelpRequest, now: datetime, fields: list[str]) -> None:
    help_request.updated_at = now
    help_request.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def help_request_create(
    *,
    learner,
    subject: str,
    body: str,
    context_kind: str = HelpRequest.ContextKind.OTHER,
    context_label: str = "",
    page_url: str = "",
    context_ref: dict | None = None,
    attachments=(),
) -> HelpRequest:
    """A colleague asks for help; the ICT experts of their floor (and anyone
    standing in for them today) are notified. The learner's last xAPI actions are
    kept with the request, so the coach sees what they were doing."""
    subject = strip_html(subject or "").strip()
    if not subject:
        raise ValidationError(_("Say in a few words what you need help with."))
    cleaned = _clean_body(body)
    profile = selectors.profile_of(learner)
    floor = profile.floor if profile else None
    now = timezone.now()
    help_request = HelpRequest.objects.create(
        learner=learner,
        floor=floor,
        subject=subject[:200],
        context_kind=HelpRequest.ContextKind(context_kind),
        context_label=strip_html(context_label or "")[:300],
        page_url=selectors.safe_page_url(page_url),
        context_ref=dict(context_ref or {}),
        recent_actions=selectors.recent_actions(user=learner),
        created_at=now,
        updated_at=now,
    )
    message = HelpMessage.objects.create(
        request=help_request, author=learner, body=cleaned, created_at=now
    )
    _attach(message, attachments)
    url = _request_url(help_request)
    for coach in selectors.floor_helpers(floor=floor):
        notification_send(
            user=coach,
            kind=Kind.HELP_REQUEST,
            title=_in_language(
                coach,
                lambda: (
                    _("%(name)s asks for help: %(subject)s")
                    % {"name": _name(learner), "subject": help_request.subject}
                ),
            ),
            body=strip_html(cleaned)[:500],
            url=url,
        )
    return help_request


@transaction.atomic
def help_message_add(*, help_request: HelpRequest, author, body: str, attachments=()):
    """A reply in the conversation. The first reply of an ICT expert starts the
    handling (open → in progress) and stops the response clock; a colleague's reply
    to a resolved request reopens it."""
    is_learner = _is_learner(help_request, author)
    if not is_learner and not _is_floor_coach(help_request, author):
        raise PermissionDenied
    cleaned = _clean_body(body)
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    now = timezone.now()
    message = HelpMessage.objects.create(
        request=help_request, author=author, body=cleaned, created_at=now
    )
    _attach(message, attachments)
    fields = []
    if is_learner:
        if help_request.status == HelpRequest.Status.RESOLVED:
            help_request.status = HelpRequest.Status.IN_PROGRESS
            help_request.resolved_at = None
            fields += ["status", "resolved_at"]
        recipients = _coaches_for(help_request)
    else:
        if help_request.first_response_at is None:
            help_request.first_response_at = now
            fields.append("first_response_at")
        if help_request.status == HelpRequest.Status.OPEN:
            help_request.status = HelpRequest.Status.IN_PROGRESS
            fields.append("status")
        if help_request.handled_by_id is None:
            help_request.handled_by = author
            fields.append("handled_by")
        recipients = [help_request.learner]
    _touch(help_request, now, fields)
    for person in recipients:
        if person.pk == author.pk:
            continue
        notification_send(
            user=person,
            kind=Kind.HELP_REPLY,
            title=_in_language(
                person,
                lambda: (
                    _("%(name)s replied: %(subject)s")
                    % {"name": _name(author), "subject": help_request.subject}
                ),
            ),
            body=strip_html(cleaned)[:500],
            url=_request_url(help_request),
        )
    return message


def _coaches_for(help_request: HelpRequest) -> list:
    if help_request.handled_by_id and help_request.handled_by.is_active:
        return [help_request.handled_by]
    return list(selectors.floor_helpers(floor=help_request.floor))


_STATUS_CHANGES = {
    # (from, to): who may
    (HelpRequest.Status.OPEN, HelpRequest.Status.IN_PROGRESS): {"coach"},
    (HelpRequest.Status.OPEN, HelpRequest.Status.RESOLVED): {"coach", "learner"},
    (HelpRequest.Status.IN_PROGRESS, HelpRequest.Status.RESOLVED): {"coach", "learner"},
    (HelpRequest.Status.IN_PROGRESS, HelpRequest.Status.OPEN): {"coach"},
    (HelpRequest.Status.RESOLVED, HelpRequest.Status.IN_PROGRESS): {"coach", "learner"},
}


def status_changes_for(help_request: HelpRequest, user) -> list[str]:
    """The statuses ``user`` may move the request to now."""
    roles = set()
    if _is_learner(help_request, user):
        roles.add("learner")
    if _is_floor_coach(help_request, user):
        roles.add("coach")
    return [
        target
        for (source, target), allowed in _STATUS_CHANGES.items()
        if source == help_request.status and roles & allowed
    ]


@transaction.atomic
def help_request_status_set(*, help_request: HelpRequest, actor, status: str):
    """open → in progress → resolved, and back (reopen). The other side is told."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    status = HelpRequest.Status(status)
    if status not in status_changes_for(help_request, actor):
        raise PermissionDenied(_("This status change is not possible."))
    now = timezone.now()
    fields = ["status"]
    help_request.status = status
    is_coach = not _is_learner(help_request, actor)
    if status == HelpRequest.Status.RESOLVED:
        help_request.resolved_at = now
        fields.append("resolved_at")
    else:
        if help_request.resolved_at is not None:
            help_request.resolved_at = None
            fields.append("resolved_at")
        if is_coach and help_request.handled_by_id is None:
            help_request.handled_by = actor
            fields.append("handled_by")
    if is_coach and help_request.first_response_at is None:
        # Taking the request on counts as the first response.
        help_request.first_response_at = now
        fields.append("first_response_at")
    _touch(help_request, now, fields)
    recipients = _coaches_for(help_request) if not is_coach else [help_request.learner]
    label = help_request.get_status_display
    for person in recipients:
        if person.pk == actor.pk:
            continue
        notification_send(
            user=person,
            kind=Kind.HELP_STATUS,
            title=_in_language(
                person,
                lambda: (
                    _("“%(subject)s” is now: %(status)s")
                    % {"subject": help_request.subject, "status": label()}
                ),
            ),
            body=_in_language(
                person, lambda: _("Changed by %(name)s.") % {"name": _name(actor)}
            ),
            url=_request_url(help_request),
        )
    return help_request


@transaction.atomic
def help_visit_propose(
    *, help_request: HelpRequest, coach, starts_at: datetime, note: str = ""
) -> VisitProposal:
    """The ICT expert proposes to drop by at ``starts_at``."""
    if not _is_floor_coach(help_request, coach):
        raise PermissionDenied
    if starts_at < timezone.now():
        raise ValidationError(_("Propose a time in the future."))
    visit = VisitProposal.objects.create(
        request=help_request,
        coach=coach,
        starts_at=starts_at,
        note=strip_html(note or "").strip()[:200],
    )
    fields = []
    now = timezone.now()
    if help_request.first_response_at is None:
        help_request.first_response_at = now
        fields.append("first_response_at")
    if help_request.status == HelpRequest.Status.OPEN:
        help_request.status = HelpRequest.Status.IN_PROGRESS
        fields.append("status")
    if help_request.handled_by_id is None:
        help_request.handled_by = coach
        fields.append("handled_by")
    _touch(help_request, now, fields)
    when = timezone.localtime(starts_at)
    notification_send(
        user=help_request.learner,
        kind=Kind.HELP_REPLY,
        title=_in_language(
            help_request.learner,
            lambda: (
                _("%(name)s proposes to drop by on %(when)s")
                % {"name": _name(coach), "when": when.strftime("%d-%m-%Y %H:%M")}
            ),
        ),
        body=visit.note,
        url=_request_url(help_request),
    )
    return visit


@transaction.atomic
def help_visit_respond(*, visit: VisitProposal, learner, accept: bool) -> VisitProposal:
    visit = (
        VisitProposal.objects.select_for_update()
        .select_related("request")
        .get(pk=visit.pk)
    )
    if visit.request.learner_id != learner.pk:
        raise PermissionDenied
    if visit.status != VisitProposal.Status.PROPOSED:
        raise ValidationError(_("You already answered this proposal."))
    visit.status = (
        VisitProposal.Status.ACCEPTED if accept else VisitProposal.Status.DECLINED
    )
    visit.responded_at = timezone.now()
    visit.save(update_fields=["status", "responded_at"])
    _touch(visit.request, visit.responded_at, [])
    when = timezone.localtime(visit.starts_at).strftime("%d-%m-%Y %H:%M")
    notification_send(
        user=visit.coach,
        kind=Kind.HELP_REPLY,
        title=_in_language(
            visit.coach,
            lambda: (
                (
                    _("%(name)s accepted your visit on %(when)s")
                    if accept
                    else _("%(name)s declined your visit on %(when)s")
                )
                % {"name": _name(learner), "when": when}
            ),
        ),
        url=_request_url(visit.request),
    )
    return visit


# --- Competence sign-off --------------------------------------------------------

SIGNOFF_LEVEL_EXTENSION = "level"


@transaction.atomic
def signoff_record(
    *,
    coach,
    learner,
    competence,
    level: int,
    note: str = "",
    observed_on: date | None = None,
):
    """An ICT expert saw a colleague on their floor do the real work at ``level``.

    Writes the ``CompetenceSignOff`` and the xAPI statement (the colleague
    ACHIEVED the competence, with the coach as ``context.instructor``) in one
    transaction; the badge engine hears of it through ``statement_recorded``.
    """
    from badges.models import CompetenceSignOff

    if learner.pk == coach.pk:
        raise PermissionDenied(_("You cannot sign off your own competence."))
    if not selectors.coach_may_see(coach=coach, learner=learner):
        raise PermissionDenied(_("This colleague does not work on a floor you coach."))
    if not competence.is_active:
        raise ValidationError(_("This competence is no longer in use."))
    level_row = competence.levels.filter(level=level).first()
    if level_row is None:
        raise ValidationError(
            _("This competence has no level %(level)s.") % {"level": level}
        )
    observed_on = observed_on or timezone.localdate()
    if observed_on > timezone.localdate():
        raise ValidationError(_("The observation cannot be in the future."))
    statement_id = uuid.uuid4()
    signoff = CompetenceSignOff.objects.create(
        learner=learner,
        coach=coach,
        competence=competence,
        level=level,
        note=strip_html(note or "").strip(),
        observed_on=observed_on,
        statement_id=statement_id,
    )
    statement_record(
        user=learner,
        verb=vocabulary.ACHIEVED,
        activity_id=vocabulary.activity_iri("competence", competence.code),
        activity_type=vocabulary.COMPETENCE_TYPE,
        activity_name=competence.name,
        instructor=coach,
        result={
            "success": True,
            "extensions": {
                vocabulary.extension_iri(SIGNOFF_LEVEL_EXTENSION): level,
            },
        },
        context={
            "extensions": {vocabulary.extension_iri(SIGNOFF_LEVEL_EXTENSION): level}
        },
        statement_id=statement_id,
    )
    notification_send(
        user=learner,
        kind=Kind.SIGNOFF,
        title=_in_language(
            learner,
            lambda: (
                _("%(name)s signed off “%(competence)s” at level %(level)s")
                % {
                    "name": _name(coach),
                    "competence": competence.name,
                    "level": f"{level} ({level_row.name})",
                }
            ),
        ),
        body=signoff.note,
        url=_signoffs_url(),
    )
    return signoff


def _signoffs_url() -> str:
    from django.urls import reverse

    return reverse("coaching:my_signoffs")


@transaction.atomic
def signoff_withdraw(*, signoff, actor, reason: str):
    """Withdraw a sign-off given in error: it stops counting, and its statement is
    voided (by the platform, as docs/xapi-vocabulary.md describes)."""
    from badges.models import CompetenceSignOff

    signoff = CompetenceSignOff.objects.select_for_update().get(pk=signoff.pk)
    if signoff.withdrawn_at is not None:
        raise ValidationError(_("This sign-off was already withdrawn."))
    if signoff.coach_id != actor.pk and not selectors.coach_may_see(
        coach=actor, learner=signoff.learner
    ):
        raise PermissionDenied
    reason = strip_html(reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for withdrawing."))
    signoff.withdrawn_at = timezone.now()
    signoff.withdrawn_reason = reason
    signoff.save(update_fields=["withdrawn_at", "withdrawn_reason"])
    if signoff.statement_id:
        _statement_void(signoff.statement_id)
    notification_send(
        user=signoff.learner,
        kind=Kind.SIGNOFF,
        title=_in_language(
            signoff.learner,
            lambda: (
                _("The sign-off of “%(competence)s” was withdrawn")
                % {"competence": signoff.competence.name}
            ),
        ),
        body=reason,
        url=_signoffs_url(),
    )
    return signoff


def _statement_void(statement_id) -> None:
    from lms.lrs.services import PLATFORM_XAPI_VERSION
    from lms.lrs.storage import statements_store

    statements_store(
        statements=[
            {
                "id": str(uuid.uuid4()),
                "actor": vocabulary.platform_authority(),
                "verb": vocabulary.VOIDED.as_dict(),
                "object": {"objectType": "StatementRef", "id": str(statement_id)},
                "timestamp": timezone.now().isoformat(),
            }
        ],
        authority=vocabulary.platform_authority(),
        version=PLATFORM_XAPI_VERSION,
    )


# Verbose names for the log's "what" (signal senders use these machine names).
ACCESS_WHAT_LABELS = {
    "learner_detail": gettext_lazy("Coaching overview"),
    "timeline": gettext_lazy("Timeline of learning activity"),
    "sandbox_attempt": gettext_lazy("Practice attempt (replay)"),
    "help_request": gettext_lazy("Help request"),
    "reflections": gettext_lazy("Reflections"),
}
