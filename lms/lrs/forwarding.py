"""Forwarding stored statements to external LRSs (Ralph, Learning Locker, SQL LRS ...).

Each :class:`ForwardingEndpoint` has a cursor: the highest ``Statement.seq`` it is done
with. A drain sends the statements after the cursor in storage order, in batches, and
moves the cursor only when the remote has answered 2xx, so every statement is
delivered at least once; statement ids make a repeated delivery harmless (an LRS
accepts a statement it already holds with the same content).

How a remote's answer is handled:

* 2xx: the batch is delivered; the cursor moves on.
* no answer (connection refused, timeout), 5xx, or a 4xx that says something about the
  endpoint rather than the statements (401, 403, 404, 429 ...): the same batch is tried
  again later, after an exponentially growing pause (``next_attempt_at``).
* another 4xx (400, 409, 413, 422 ...) for a batch: its statements are sent one by one;
  each one the remote refuses is recorded as a :class:`ForwardingRejection` with the
  remote's message, and the others are delivered. A refused statement is not retried.

Version: statements are sent with the endpoint's ``X-Experience-API-Version``. An xAPI
2.0 LRS accepts 1.0.x statements unchanged. For a 1.0.3 LRS a statement stored under
2.0 is converted rather than held back: its ``version`` becomes ``1.0.0`` and the
properties 2.0 added (``context.contextAgents``, ``context.contextGroups``) are left
out, so the remote still learns what happened; the full statement stays in this LRS.
(A signed 2.0 statement that used those properties no longer matches its signature
after conversion; the remote refuses it and it shows up as a rejection.)

Storage order and concurrent writers: on PostgreSQL a transaction can take a ``seq``
and commit after a later one. A drain therefore stops before a gap in ``seq`` until the
statements after it have been stored for ``LRS_FORWARDING_SETTLE_SECONDS``; gaps that
old are sequence numbers of rolled-back inserts, which never appear.
"""

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.lrs.models import (
    Attachment,
    ForwardingEndpoint,
    ForwardingRejection,
    Statement,
)
from lms.lrs.vocabulary import VOIDED

logger = logging.getLogger(__name__)

FILTER_KEYS = {"verbs", "activity_prefixes"}
# 4xx answers about the endpoint or the request as a whole, not about a statement:
# retrying statement by statement would only record every statement as refused.
ENDPOINT_LEVEL_4XX = frozenset(
    {401, 403, 404, 405, 406, 407, 408, 410, 411, 415, 421, 425, 426, 429, 431}
)
# xAPI 2.0 (IEEE 9274.1.1) additions a 1.0.3 LRS does not know.
V2_ONLY_CONTEXT_PROPERTIES = ("contextAgents", "contextGroups")
MESSAGE_MAX_LENGTH = 2000
ENDPOINT_SETTINGS = [
    "name",
    "url",
    "username",
    "password",
    "xapi_version",
    "statement_filter",
    "is_active",
    "batch_size",
]
LEASE_SECONDS = 300


# --- Filter ---------------------------------------------------------------------
def statement_filter_errors(statement_filter: object) -> list[str]:
    """What is wrong with an endpoint's filter (empty when it is fine)."""
    if statement_filter in (None, ""):
        return []
    if not isinstance(statement_filter, dict):
        return [_("The filter must be a JSON object.")]
    errors = []
    unknown = sorted(set(statement_filter) - FILTER_KEYS)
    if unknown:
        errors.append(
            _("Unknown filter keys: %(keys)s. Allowed: verbs, activity_prefixes.")
            % {"keys": ", ".join(unknown)}
        )
    for key in FILTER_KEYS & set(statement_filter):
        value = statement_filter[key]
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item for item in value
        ):
            errors.append(_("%(key)s must be a list of IRIs (text).") % {"key": key})
    return errors


def statement_filter_q(statement_filter: dict | None) -> Q:
    """The statements an endpoint receives.

    ``verbs``: only statements with one of these verb ids. ``activity_prefixes``: only
    statements whose object is an activity with an id starting with one of these.
    Both given: both must hold. Voiding statements always pass: a remote that holds
    the voided statement must learn it is void, and one that does not may not refuse
    it for that (xAPI 1.0.3 Data 2.3.2).
    """
    statement_filter = statement_filter or {}
    q = Q()
    if statement_filter.get("verbs"):
        q &= Q(verb_id__in=statement_filter["verbs"])
    if statement_filter.get("activity_prefixes"):
        prefixes = Q()
        for prefix in statement_filter["activity_prefixes"]:
            prefixes |= Q(object_activity_id__startswith=prefix)
        q &= prefixes
    if not q:
        return q
    return q | Q(verb_id=VOIDED.id)


# --- Selectors --------------------------------------------------------------------
def endpoint_backlog(endpoint: ForwardingEndpoint) -> QuerySet[Statement]:
    """Statements after the cursor that the endpoint's filter lets through."""
    return (
        Statement.objects.filter(seq__gt=endpoint.cursor)
        .filter(statement_filter_q(endpoint.statement_filter))
        .order_by("seq")
    )


def endpoint_lag(
    endpoint: ForwardingEndpoint, *, now: datetime | None = None
) -> timedelta | None:
    """How long the oldest undelivered statement has been waiting (None: none)."""
    oldest = endpoint_backlog(endpoint).values_list("stored", flat=True).first()
    if oldest is None:
        return None
    return max((now or timezone.now()) - oldest, timedelta(0))


# --- Conversion and transport -------------------------------------------------------
def statement_for_version(payload: dict[str, Any], version: str) -> dict[str, Any]:
    """The statement as an LRS speaking ``version`` accepts it."""
    if not version.startswith("1.0") or not str(payload.get("version", "")).startswith(
        "2."
    ):
        return payload
    converted = json.loads(json.dumps(payload))
    # xAPI 1.0.3 Data 2.4.10: a 1.0.x LRS rejects versions not starting with "1.0.".
    converted["version"] = "1.0.0"
    for holder in (converted, converted.get("object") or {}):
        context = holder.get("context")
        if isinstance(context, dict):
            for name in V2_ONLY_CONTEXT_PROPERTIES:
                context.pop(name, None)
    return converted


@dataclass
class RemoteAnswer:
    status: int | None  # None: no answer at all (network error, timeout)
    message: str

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def refuses_statements(self) -> bool:
        """A 4xx about the statements themselves (not the endpoint)."""
        return (
            self.status is not None
            and 400 <= self.status < 500
            and self.status not in ENDPOINT_LEVEL_4XX
        )


def _message(response: requests.Response) -> str:
    text = response.text.strip()
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        text = body["message"]
    return text[:MESSAGE_MAX_LENGTH] or response.reason or ""


def _body(statements: list[Statement], version: str) -> tuple[bytes, str]:
    """The request body and its content type.

    xAPI 1.0.3 Communication 1.5.2: an LRS MUST NOT push statements into another LRS
    without the attachment data it received, so statements with stored attachments
    go as multipart/mixed.
    """
    payloads = [statement_for_version(s.payload, version) for s in statements]
    document = json.dumps(payloads, separators=(",", ":")).encode()
    hashes = []
    for payload in payloads:
        for attachment in payload.get("attachments") or []:
            sha2 = attachment.get("sha2")
            if sha2 and sha2 not in hashes:
                hashes.append(sha2)
    parts = list(Attachment.objects.filter(sha2__in=hashes)) if hashes else []
    if not parts:
        return document, "application/json"
    boundary = uuid.uuid4().hex
    chunks = [
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(),
        document,
        b"\r\n",
    ]
    for part in sorted(parts, key=lambda a: hashes.index(a.sha2)):
        chunks += [
            f"--{boundary}\r\nContent-Type: {part.content_type}\r\n"
            "Content-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {part.sha2}\r\n\r\n".encode(),
            bytes(part.content),
            b"\r\n",
        ]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f'multipart/mixed; boundary="{boundary}"'


def statements_post(
    *,
    endpoint: ForwardingEndpoint,
    statements: list[Statement],
    session: requests.Session | None = None,
) -> RemoteAnswer:
    """POST ``statements`` to the endpoint's Statements resource."""
    body, content_type = _body(statements, endpoint.xapi_version)
    headers = {
        "Content-Type": content_type,
        "X-Experience-API-Version": endpoint.xapi_version,
    }
    auth = (endpoint.username, endpoint.password) if endpoint.username else None
    url = f"{endpoint.url.rstrip('/')}/statements"
    try:
        response = (session or requests).post(
            url,
            data=body,
            headers=headers,
            auth=auth,
            timeout=settings.LRS_FORWARDING_TIMEOUT,
            allow_redirects=False,
        )
    # Technical log text, kept in English like the remote's own messages.
    except requests.Timeout:
        seconds = settings.LRS_FORWARDING_TIMEOUT
        return RemoteAnswer(None, f"No answer within {seconds:g} seconds.")
    except requests.RequestException as error:
        message = f"{type(error).__name__}: {error}"
        return RemoteAnswer(None, message[:MESSAGE_MAX_LENGTH])
    with response:
        return RemoteAnswer(response.status_code, _message(response))


# --- Draining -----------------------------------------------------------------------
@dataclass
class DrainOutcome:
    delivered: int = 0
    refused: int = 0
    failed: bool = False
    skipped: str = ""  # why nothing was attempted ("backing off", "leased", ...)
    # Set when statements wait behind a seq gap that has not settled yet.
    wait_until: datetime | None = None
    retry_at: datetime | None = None
    more: bool = False  # stopped for the batch budget with statements left

    def as_dict(self) -> dict[str, Any]:
        return {
            "delivered": self.delivered,
            "refused": self.refused,
            "failed": self.failed,
            "skipped": self.skipped,
            "wait_until": self.wait_until.isoformat() if self.wait_until else None,
            "retry_at": self.retry_at.isoformat() if self.retry_at else None,
            "more": self.more,
        }


@dataclass
class _Window:
    seqs: list[int] = field(default_factory=list)  # statements to send, in order
    scanned_to: int = 0  # the cursor once they are delivered
    wait_until: datetime | None = None


def _next_window(endpoint: ForwardingEndpoint, now: datetime) -> _Window:
    settle = timedelta(seconds=settings.LRS_FORWARDING_SETTLE_SECONDS)
    wanted = statement_filter_q(endpoint.statement_filter)
    matches = (
        ExpressionWrapper(wanted, output_field=BooleanField())
        if wanted
        else Value(True, output_field=BooleanField())
    )
    # Scan more rows than a batch so that a selective filter still fills batches.
    rows = (
        Statement.objects.filter(seq__gt=endpoint.cursor)
        .order_by("seq")
        .annotate(forward=matches)
        .values_list("seq", "stored", "forward")[: endpoint.batch_size * 20]
    )
    window = _Window(scanned_to=endpoint.cursor)
    expected = endpoint.cursor + 1
    for seq, stored, forward in rows:
        if seq != expected and stored + settle > now:
            # An earlier seq may still commit; wait until this gap is old enough.
            window.wait_until = stored + settle
            break
        if forward:
            if len(window.seqs) == endpoint.batch_size:
                break
            window.seqs.append(seq)
        expected = seq + 1
        window.scanned_to = seq
    return window


def _backoff(failures: int) -> timedelta:
    base = settings.LRS_FORWARDING_BACKOFF_BASE
    return timedelta(
        seconds=min(base * 2 ** (failures - 1), settings.LRS_FORWARDING_BACKOFF_MAX)
    )


def _lease_filter(endpoint_id: int, token: str) -> QuerySet[ForwardingEndpoint]:
    return ForwardingEndpoint.objects.filter(pk=endpoint_id, lease_token=token)


def _record_failure(
    endpoint: ForwardingEndpoint, token: str, answer: RemoteAnswer, now: datetime
) -> datetime:
    failures = endpoint.consecutive_failures + 1
    retry_at = now + _backoff(failures)
    if answer.status is None:
        error = answer.message
    else:
        error = f"{answer.status}: {answer.message}"[:MESSAGE_MAX_LENGTH]
    _lease_filter(endpoint.pk, token).update(
        consecutive_failures=failures,
        next_attempt_at=retry_at,
        last_error=error,
        last_error_at=now,
    )
    endpoint.consecutive_failures = failures
    endpoint.next_attempt_at = retry_at
    logger.warning(
        "Forwarding to %s failed (%s); retry at %s", endpoint, error, retry_at
    )
    return retry_at


def _advance(
    endpoint: ForwardingEndpoint,
    token: str,
    cursor: int,
    now: datetime,
    rejections: Iterable[ForwardingRejection] = (),
    *,
    delivered: bool = True,
) -> bool:
    """Move the cursor (and record refusals) together; False when the lease was lost."""
    changes: dict[str, Any] = {
        "cursor": cursor,
        "consecutive_failures": 0,
        "next_attempt_at": None,
        "lease_until": now + timedelta(seconds=LEASE_SECONDS),
    }
    if delivered:
        changes["last_success_at"] = now
    with transaction.atomic():
        moved = _lease_filter(endpoint.pk, token).update(**changes)
        if moved:
            ForwardingRejection.objects.bulk_create(list(rejections))
    endpoint.cursor = cursor
    endpoint.consecutive_failures = 0
    endpoint.next_attempt_at = None
    return bool(moved)


def endpoint_drain(
    *,
    endpoint_id: int,
    now: datetime | None = None,
    max_batches: int | None = None,
    session: requests.Session | None = None,
    clock: Callable[[], datetime] | None = None,
) -> DrainOutcome:
    """Send everything after the endpoint's cursor, batch by batch.

    Does nothing while the endpoint backs off (``next_attempt_at`` in the future) or
    another drain holds its lease. ``now`` fixes the clock (tests); ``max_batches``
    bounds one run so that one endpoint cannot hold a worker for ever.
    """
    clock = clock or (lambda: now or timezone.now())
    start = clock()
    token = uuid.uuid4().hex
    acquired = (
        ForwardingEndpoint.objects.filter(pk=endpoint_id, is_active=True)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=start))
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=start))
        .update(
            lease_until=start + timedelta(seconds=LEASE_SECONDS),
            lease_token=token,
            drain_requested_at=None,
        )
    )
    if not acquired:
        endpoint = ForwardingEndpoint.objects.filter(pk=endpoint_id).first()
        if endpoint is None or not endpoint.is_active:
            return DrainOutcome(skipped="inactive")
        if endpoint.next_attempt_at and endpoint.next_attempt_at > start:
            return DrainOutcome(
                skipped="backing off", retry_at=endpoint.next_attempt_at
            )
        return DrainOutcome(skipped="leased")

    endpoint = ForwardingEndpoint.objects.get(pk=endpoint_id)
    outcome = DrainOutcome()
    batches = 0
    own_session = session is None
    session = session or requests.Session()
    try:
        while True:
            if max_batches is not None and batches >= max_batches:
                outcome.more = endpoint_backlog(endpoint).exists()
                break
            now_ = clock()
            window = _next_window(endpoint, now_)
            outcome.wait_until = window.wait_until
            if window.scanned_to == endpoint.cursor:
                # Nothing to do, unless a drain was requested while this one ran.
                released = (
                    _lease_filter(endpoint_id, token)
                    .filter(drain_requested_at__isnull=True)
                    .update(lease_until=None, lease_token="")
                )
                if released:
                    token = ""
                    break
                _lease_filter(endpoint_id, token).update(drain_requested_at=None)
                continue
            batches += 1
            if not window.seqs:
                # Only statements the filter keeps back: step over them.
                if not _advance(
                    endpoint, token, window.scanned_to, now_, delivered=False
                ):
                    token = ""
                    break
                continue
            statements = list(
                Statement.objects.filter(seq__in=window.seqs).order_by("seq")
            )
            answer = statements_post(
                endpoint=endpoint, statements=statements, session=session
            )
            if answer.ok:
                if not _advance(endpoint, token, window.scanned_to, now_):
                    token = ""
                    break
                outcome.delivered += len(statements)
                continue
            if not answer.refuses_statements:
                outcome.failed = True
                outcome.retry_at = _record_failure(endpoint, token, answer, now_)
                break
            # A 4xx for the batch: find the statements the remote refuses.
            if not _deliver_one_by_one(
                endpoint, token, statements, window.scanned_to, session, clock, outcome
            ):
                break
    finally:
        if own_session:
            session.close()
        if token:
            _lease_filter(endpoint_id, token).update(lease_until=None, lease_token="")
    return outcome


def _deliver_one_by_one(
    endpoint: ForwardingEndpoint,
    token: str,
    statements: list[Statement],
    scanned_to: int,
    session: requests.Session,
    clock: Callable[[], datetime],
    outcome: DrainOutcome,
) -> bool:
    """Send each statement alone; False when the remote failed (back-off recorded)."""
    for statement in statements:
        now = clock()
        answer = statements_post(
            endpoint=endpoint, statements=[statement], session=session
        )
        rejections = []
        if answer.ok:
            outcome.delivered += 1
        elif answer.refuses_statements:
            outcome.refused += 1
            rejections.append(
                ForwardingRejection(
                    endpoint=endpoint,
                    statement=statement,
                    status_code=answer.status,
                    message=answer.message or str(answer.status),
                )
            )
            logger.warning(
                "%s refused statement %s: %s %s",
                endpoint,
                statement.statement_id,
                answer.status,
                answer.message,
            )
        else:
            outcome.failed = True
            outcome.retry_at = _record_failure(endpoint, token, answer, now)
            return False
        if not _advance(
            endpoint, token, statement.seq, now, rejections, delivered=answer.ok
        ):
            return False
    return _advance(endpoint, token, scanned_to, clock(), delivered=False)


# --- Requesting drains ------------------------------------------------------------
def forwarding_request_drain(
    *, endpoint_ids: Iterable[int] | None = None, force: bool = False
) -> list[int]:
    """Ask for a drain of each (active) endpoint; return the ids a task was queued for.

    Coalesces: while a drain is requested and has not started, further requests queue
    nothing. ``force`` queues one anyway (the sweep, in case a queued task was lost).
    """
    from lms.lrs.tasks import forwarding_drain_enqueue

    now = timezone.now()
    candidates = ForwardingEndpoint.objects.filter(is_active=True)
    if endpoint_ids is not None:
        candidates = candidates.filter(pk__in=list(endpoint_ids))
    if not force:
        candidates = candidates.filter(drain_requested_at__isnull=True)
    queued = []
    for pk in candidates.values_list("pk", flat=True):
        claim = ForwardingEndpoint.objects.filter(pk=pk)
        if not force:
            claim = claim.filter(drain_requested_at__isnull=True)
        if claim.update(drain_requested_at=now):
            forwarding_drain_enqueue(endpoint_id=pk)
            queued.append(pk)
    return queued


def forwarding_sweep(*, now: datetime | None = None) -> list[int]:
    """Queue a drain for every endpoint with a backlog that may be sent now.

    Catches what no ``statement_recorded`` signal triggered: a backlog after an
    outage once the back-off has passed, an endpoint added after statements were
    stored, a queued task that was lost.
    """
    now = now or timezone.now()
    due = []
    for endpoint in ForwardingEndpoint.objects.filter(is_active=True).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    ):
        if endpoint_backlog(endpoint).exists():
            due.append(endpoint.pk)
    if not due:
        return []
    return forwarding_request_drain(endpoint_ids=due, force=True)


# --- Admin services -----------------------------------------------------------------
@transaction.atomic
def forwarding_endpoint_save(*, endpoint: ForwardingEndpoint) -> ForwardingEndpoint:
    """Save an endpoint from the admin and start delivering to it after commit."""
    endpoint.full_clean()
    if endpoint.pk is None:
        endpoint.save()
    else:
        # Only what the admin edits: the delivery state (cursor, lease, failures)
        # belongs to a drain that may be running right now.
        endpoint.save(update_fields=ENDPOINT_SETTINGS)
    transaction.on_commit(
        lambda: forwarding_request_drain(endpoint_ids=[endpoint.pk], force=True)
    )
    return endpoint


# --- Listening to recorded statements ------------------------------------------------
# Which endpoints are active, cached per process for a few seconds: with none (the
# default) a recorded statement costs no query at all. An endpoint saved in another
# process is seen within that time, and the sweep covers anything missed meanwhile.
ACTIVE_ENDPOINTS_TTL = 5.0
_active_endpoints: tuple[float, list[int]] | None = None


def active_endpoint_ids() -> list[int]:
    global _active_endpoints
    now = time.monotonic()
    if _active_endpoints is None or now - _active_endpoints[0] > ACTIVE_ENDPOINTS_TTL:
        ids = list(
            ForwardingEndpoint.objects.filter(is_active=True).values_list(
                "pk", flat=True
            )
        )
        _active_endpoints = (now, ids)
    return _active_endpoints[1]


def active_endpoints_forget(**kwargs: Any) -> None:
    global _active_endpoints
    _active_endpoints = None


def on_statement_recorded(**kwargs: Any) -> None:
    """``statement_recorded`` receiver: have the new statement forwarded."""
    endpoint_ids = active_endpoint_ids()
    if endpoint_ids:
        forwarding_request_drain(endpoint_ids=endpoint_ids)
