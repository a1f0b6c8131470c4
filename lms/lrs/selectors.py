"""Reading statements: the single-statement and filtered queries of GET /statements
(xAPI 1.0.3 Communication §2.1.3-§2.1.4, 2.0 §4.1.6.1).

Results are in storage order (``seq``, which follows ``stored``), newest first unless
``ascending``; paging continues after the last ``seq`` returned, so a page boundary
stays put however many statements arrive meanwhile, on SQLite and PostgreSQL alike.
"""

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from lms.lrs.identity import agent_key
from lms.lrs.models import (
    Activity,
    Attachment,
    LRSCredential,
    Statement,
    StatementActivity,
    StatementAgent,
)


@dataclass(frozen=True)
class StatementFilter:
    """The filter parameters of GET /statements, already validated."""

    agent: dict | None = None
    verb: str | None = None
    activity: str | None = None
    registration: uuid.UUID | None = None
    related_activities: bool = False
    related_agents: bool = False
    since: datetime | None = None
    until: datetime | None = None
    ascending: bool = False


@dataclass
class StoredStatement:
    """A statement of a result page: its storage order, stored time and payload as
    the JSON text the database holds (an ``exact`` page is written out without
    decoding and re-encoding a hundred payloads)."""

    seq: int
    stored: datetime
    raw: str

    @cached_property
    def payload(self) -> dict:
        return json.loads(self.raw)


def statement_get(
    *, statement_id: uuid.UUID, voided: bool, credential: LRSCredential | None
) -> Statement | None:
    """The statement by ``statementId`` (not voided) or ``voidedStatementId`` (voided).

    Communication §2.1.4.s1.b1: a voided statement is only returned when asked for by
    voidedStatementId; asking for it by statementId finds nothing (404).
    """
    return (
        Statement.objects.visible_to(credential)
        .filter(statement_id=statement_id, voided=voided)
        .first()
    )


def _matching(statement_filter: StatementFilter) -> Q | None:
    """The conditions that are not about time or sequence, or None if there are none.

    These are the conditions a StatementRef's target may meet on behalf of the
    statement that refers to it (Communication §2.1.3.s3).
    """
    conditions = Q()
    if statement_filter.agent is not None:
        agents = StatementAgent.objects.filter(
            agent_key=agent_key(statement_filter.agent)
        )
        if not statement_filter.related_agents:
            agents = agents.filter(related_only=False)
        conditions &= Q(seq__in=agents.values("statement_id"))
    if statement_filter.verb is not None:
        conditions &= Q(verb_id=statement_filter.verb)
    if statement_filter.activity is not None:
        if statement_filter.related_activities:
            activities = StatementActivity.objects.filter(
                activity_id=statement_filter.activity
            )
            conditions &= Q(seq__in=activities.values("statement_id"))
        else:
            conditions &= Q(object_activity_id=statement_filter.activity)
    if statement_filter.registration is not None:
        conditions &= Q(registration=statement_filter.registration)
    return conditions if conditions.children else None


def _referring(conditions: Q) -> list[int]:
    """``seq`` of the statements that refer (by a StatementRef object, directly or
    through a chain) to a statement meeting ``conditions``.

    The targets may be voided: Communication §2.1.4.s1.b2 still returns the
    statements that target a voided statement, the voiding one included.
    """
    references = Statement.objects.filter(object_statement_id__isnull=False)
    if not references.exists():
        return []
    targets = set(
        Statement.objects.filter(
            conditions, statement_id__in=references.values("object_statement_id")
        ).values_list("statement_id", flat=True)
    )
    seen = set(targets)
    referring: list[int] = []
    while targets:
        found = list(
            references.filter(object_statement_id__in=targets).values_list(
                "seq", "statement_id"
            )
        )
        referring += [seq for seq, _statement_id in found]
        targets = {statement_id for _seq, statement_id in found} - seen
        seen |= targets
    return referring


def statements_filter(
    *,
    statement_filter: StatementFilter,
    credential: LRSCredential | None,
    limit: int,
    after: int | None = None,
) -> tuple[list[StoredStatement], bool]:
    """One page of statements matching the filter, and whether more follow.

    ``after`` is the ``seq`` of the last statement of the previous page.
    """
    queryset = Statement.objects.visible_to(credential).filter(voided=False)
    conditions = _matching(statement_filter)
    if conditions is not None:
        referring = _referring(conditions)
        if referring:
            conditions |= Q(seq__in=referring)
        queryset = queryset.filter(conditions)
    # since/until apply to the referring statement itself (§2.1.3.s3).
    if statement_filter.since is not None:
        queryset = queryset.filter(stored__gt=statement_filter.since)
    if statement_filter.until is not None:
        queryset = queryset.filter(stored__lte=statement_filter.until)
    if statement_filter.ascending:
        if after is not None:
            queryset = queryset.filter(seq__gt=after)
        queryset = queryset.order_by("seq")
    else:
        if after is not None:
            queryset = queryset.filter(seq__lt=after)
        queryset = queryset.order_by("-seq")
    rows = queryset.annotate(raw=Cast("payload", TextField())).values_list(
        "seq", "stored", "raw"
    )
    page = [StoredStatement(*row) for row in rows[: limit + 1]]
    return page[:limit], len(page) > limit


def activity_definitions(activity_ids: set[str]) -> dict[str, dict]:
    """The canonical definitions of these activities (for format=canonical)."""
    if not activity_ids:
        return {}
    return dict(
        Activity.objects.filter(activity_id__in=activity_ids).values_list(
            "activity_id", "definition"
        )
    )


def attachments_for(statements: list[dict]) -> list[Attachment]:
    """The stored raw data of the statements' attachments, each once."""
    wanted = set()
    for statement in statements:
        attachments = list(statement.get("attachments") or [])
        obj = statement.get("object")
        if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
            attachments += obj.get("attachments") or []
        wanted |= {
            str(a["sha2"]).lower()
            for a in attachments
            if isinstance(a, dict) and "sha2" in a
        }
    if not wanted:
        return []
    return list(Attachment.objects.filter(sha2__in=wanted).order_by("sha2"))
