"""The platform's own recording service: courses, the sandbox, badges and coaching
record learning events through :func:`statement_record`."""

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from lms.lrs import vocabulary
from lms.lrs.models import Statement
from lms.lrs.storage import statements_store

# The platform's statements are plain xAPI 1.0.x (they use nothing 2.0 added), so any
# LRS they are forwarded to and any 1.0.x tool reading them accepts them.
PLATFORM_XAPI_VERSION = "1.0.3"


def _timestamp(value: datetime) -> str:
    if timezone.is_naive(value):
        raise ValueError("timestamp must be timezone-aware.")
    # xAPI Data 4.5: timestamps SHOULD be in UTC; millisecond precision.
    return (
        value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def _agent(person) -> dict[str, Any]:
    # A user of the platform, or an already formed Agent (e.g. a coach's team).
    if isinstance(person, Mapping):
        return dict(person)
    return vocabulary.actor_for(person)


def _activities(ids: Sequence[str]) -> list[dict[str, Any]]:
    return [{"objectType": "Activity", "id": activity_id} for activity_id in ids]


@transaction.atomic
def statement_record(
    *,
    user,
    verb: vocabulary.Verb | Mapping[str, Any],
    activity_id: str,
    activity_type: vocabulary.ActivityType | str | None = None,
    activity_name: object = None,
    result: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | None = None,
    registration: uuid.UUID | str | None = None,
    parent_activity_ids: Sequence[str] = (),
    grouping_activity_ids: Sequence[str] = (),
    instructor=None,
    timestamp: datetime | None = None,
    statement_id: uuid.UUID | str | None = None,
) -> Statement:
    """Record that ``user`` did ``verb`` to the activity ``activity_id``.

    Runs in the caller's transaction: call it next to the domain change it reports,
    so that both commit or neither does. Listeners of ``statement_recorded`` (badge
    criteria, coach signals, forwarding) only hear of it after the commit.

    ``activity_name`` is a language map, a lazy translation (Dutch and English) or
    plain Dutch text. ``context`` may add extensions, a ``category`` list under
    ``contextActivities`` and the like; registration, instructor, parent and grouping
    are set from their own arguments. A given ``statement_id`` makes recording
    idempotent: recording the same statement again is harmless.
    """
    if isinstance(verb, vocabulary.Verb):
        verb_dict = verb.as_dict()
    else:
        verb_dict = dict(verb)

    activity: dict[str, Any] = {"objectType": "Activity", "id": activity_id}
    definition: dict[str, Any] = {}
    if activity_name is not None:
        definition["name"] = vocabulary.language_map(activity_name)
    if activity_type is not None:
        definition["type"] = (
            activity_type.id
            if isinstance(activity_type, vocabulary.ActivityType)
            else activity_type
        )
    if definition:
        activity["definition"] = definition

    statement_context: dict[str, Any] = {
        "platform": vocabulary.PLATFORM_NAME,
        **(dict(context) if context else {}),
    }
    context_activities = dict(statement_context.get("contextActivities") or {})
    if parent_activity_ids:
        context_activities["parent"] = [
            *context_activities.get("parent", []),
            *_activities(parent_activity_ids),
        ]
    if grouping_activity_ids:
        context_activities["grouping"] = [
            *context_activities.get("grouping", []),
            *_activities(grouping_activity_ids),
        ]
    if context_activities:
        statement_context["contextActivities"] = context_activities
    if registration is not None:
        statement_context["registration"] = str(uuid.UUID(str(registration)))
    if instructor is not None:
        statement_context["instructor"] = _agent(instructor)

    statement: dict[str, Any] = {
        "id": str(uuid.UUID(str(statement_id))) if statement_id else str(uuid.uuid4()),
        "actor": vocabulary.actor_for(user),
        "verb": verb_dict,
        "object": activity,
        "context": statement_context,
        "timestamp": _timestamp(timestamp or timezone.now()),
    }
    if result:
        statement["result"] = dict(result)

    (stored_id,) = statements_store(
        statements=[statement],
        authority=vocabulary.platform_authority(),
        version=PLATFORM_XAPI_VERSION,
    )
    return Statement.objects.get(statement_id=stored_id)
