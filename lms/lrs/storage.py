"""Storing statements: shared by the HTTP Statements resource and the platform's
own recording service, so both obey the same rules (validation, immutability,
voiding, index projections).

One call stores one request's statements, all or none (Communication §3.2: a batch
with one bad statement stores nothing). The work per batch is a fixed number of
queries, whatever its size: the ingest target is thousands of statements a second.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from django.db import IntegrityError, connection, transaction

from lms.lrs.api.http import XAPIError
from lms.lrs.bulk import bulk_insert, primary_keys_allocate
from lms.lrs.comparison import context_activity_list, statements_equivalent
from lms.lrs.identity import IFI_PROPERTIES, agent_key
from lms.lrs.models import (
    Activity,
    Attachment,
    KnownAgent,
    LRSCredential,
    Statement,
    StatementActivity,
    StatementAgent,
)
from lms.lrs.signals import statement_recorded
from lms.lrs.timestamps import now_milliseconds, timestamp_format, timestamp_parse
from lms.lrs.validation import StatementValidationError, validate_statement

VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided"
_CONTEXT_ACTIVITY_KINDS = ("parent", "grouping", "category", "other")
_INTERACTION_COMPONENTS = ("choices", "scale", "source", "target", "steps")
# A concurrent writer may commit the same statement id between our lookup and our
# insert; the unique constraint catches it and the store runs again.
_ATTEMPTS = 3

Relation = StatementAgent.Relation


@dataclass(frozen=True)
class AttachmentPart:
    sha2: str
    content_type: str
    content: bytes


class StatementRejected(XAPIError):
    """400: the request breaks a rule of the Statements resource."""

    def __init__(self, message: str):
        super().__init__(400, message)


class StatementConflict(XAPIError):
    """409: the id is taken by a different statement (Communication §2.1.1.s2.b3)."""

    def __init__(self, message: str):
        super().__init__(409, message)


class StatementForbidden(XAPIError):
    """403: the credential may not store this statement."""

    def __init__(self, message: str):
        super().__init__(403, message)


@transaction.atomic
def statements_store(
    *,
    statements: list[dict],
    authority: dict,
    version: str,
    credential: LRSCredential | None = None,
    attachments: dict[str, AttachmentPart] | None = None,
) -> list[str]:
    """Validate and store ``statements`` atomically; return their ids in order.

    Raises ``StatementConflict`` (409) when an id exists with different content,
    ``StatementValidationError`` (400) for an invalid statement, ``StatementRejected``
    (400) for other bad input (duplicate ids, attachments, signatures, voiding a
    voiding statement) and ``StatementForbidden`` (403) when a launch credential
    writes for someone else. Sends ``statement_recorded`` after commit, once per
    newly stored statement. A statement whose id is already stored with the same
    content is not stored again (Communication §2.1.2.s2.b4) and its id is returned.

    ``authority`` replaces any authority in the statements (Data §2.4.9.s3.b4);
    ``version`` is the request's xAPI version ("1.0.3" or "2.0.0").
    """
    prepared = _prepare(statements, version=version)
    if credential is not None and credential.user_id is not None:
        _check_launch_limits(prepared, credential)
    parts = {sha2.lower(): part for sha2, part in (attachments or {}).items()}
    _check_attachments(prepared, parts)
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            # A savepoint: after a unique-constraint race only this attempt is
            # undone, and the next one finds the other writer's statement.
            with transaction.atomic():
                return _store(
                    prepared,
                    parts=parts,
                    authority=authority,
                    version=version,
                    credential=credential,
                )
        except IntegrityError:
            if attempt == _ATTEMPTS:
                raise
    raise AssertionError("unreachable")


# --- Preparing -------------------------------------------------------------------


def _prepare(statements: object, *, version: str) -> list[dict]:
    if not isinstance(statements, list) or not statements:
        raise StatementRejected(
            "Expected a statement (a JSON object) or a non-empty array of statements."
        )
    batch = len(statements) > 1
    prepared = []
    seen: dict[str, int] = {}
    for index, statement in enumerate(statements):
        try:
            validate_statement(statement, version=version)
            statement = _normalised(statement)
        except StatementValidationError as error:
            if batch:
                path = f"[{index}].{error.path}" if error.path else f"[{index}]"
                raise StatementValidationError(path, error.rule) from error
            raise
        if statement["id"] in seen:
            raise StatementRejected(
                f"[{index}].id: the batch holds statement {statement['id']} twice "
                f"(also at [{seen[statement['id']]}]); ids must be unique within a "
                "batch (Communication §2.1.2.s2.b6)."
            )
        seen[statement["id"]] = index
        prepared.append(statement)
    return prepared


def _normalised(statement: dict) -> dict:
    """A copy of the statement as the LRS keeps it.

    Only what the specification lets the LRS change is changed: the id is assigned
    or written in its canonical form (Data §2.4.1), contextActivities values become
    arrays (Data §2.4.6.2.s4.b3-b4) and timestamps are given in UTC (Data
    §4.5.s1.b6).
    """
    statement = dict(statement)
    statement_id = statement.get("id")
    if statement_id is None:
        statement["id"] = str(uuid.uuid4())
    else:
        parsed = _uuid_or_none(statement_id) if isinstance(statement_id, str) else None
        if parsed is None:
            raise StatementValidationError("id", "must be a UUID (Data §2.4.1).")
        statement["id"] = str(parsed)
    _normalise_body(statement)
    obj = statement.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        obj = dict(obj)
        _normalise_body(obj)
        statement["object"] = obj
    return statement


def _normalise_body(statement: dict) -> None:
    timestamp = timestamp_parse(statement.get("timestamp"))
    if timestamp is not None:
        statement["timestamp"] = timestamp_format(timestamp)
    context = statement.get("context")
    if isinstance(context, dict) and isinstance(context.get("contextActivities"), dict):
        statement["context"] = {
            **context,
            "contextActivities": {
                kind: context_activity_list(value)
                for kind, value in context["contextActivities"].items()
            },
        }


def _check_launch_limits(statements: list[dict], credential: LRSCredential) -> None:
    """Content launched by a learner writes only about that learner and, when the
    credential names one, within its registration (issue 3 §3; cmi5 likewise binds
    an AU to its launch actor and registration)."""
    learner_key = credential.learner_agent_key
    registration = str(credential.registration) if credential.registration else None
    for index, statement in enumerate(statements):
        if _key(statement.get("actor")) != learner_key:
            raise StatementForbidden(
                f"[{index}].actor: this launch credential may only record statements "
                "whose actor is the learner it was issued for."
            )
        if registration is not None:
            context = statement.get("context") or {}
            if str(context.get("registration", "")).lower() != registration:
                raise StatementForbidden(
                    f"[{index}].context.registration: this launch credential may only "
                    f"record statements in registration {registration}."
                )


def _attachment_objects(statement: dict) -> list[dict]:
    found = [a for a in statement.get("attachments") or [] if isinstance(a, dict)]
    obj = statement.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        found += [a for a in obj.get("attachments") or [] if isinstance(a, dict)]
    return found


def _check_attachments(
    statements: list[dict], parts: dict[str, AttachmentPart]
) -> None:
    """Every attachment without a fileUrl has its raw data in a part, and every part
    belongs to an attachment (Communication §1.5.2.s3.b5, §1.5.2.s2.b1); signatures
    are checked as Data §2.6.s5 requires."""
    from lms.lrs.signatures import (
        SIGNATURE_CONTENT_TYPE,
        SIGNATURE_USAGE_TYPE,
        SignatureError,
        statement_signature_verify,
    )

    used: set[str] = set()
    for index, statement in enumerate(statements):
        for number, attachment in enumerate(_attachment_objects(statement)):
            sha2 = str(attachment.get("sha2", "")).lower()
            where = f"[{index}].attachments[{number}]"
            if sha2 in parts:
                used.add(sha2)
            elif not attachment.get("fileUrl"):
                raise StatementRejected(
                    f"{where}: no fileUrl and no multipart/mixed part with "
                    f"X-Experience-API-Hash {sha2}; send its content as a part "
                    "(Communication §1.5.2.s3.b5)."
                )
            if attachment.get("usageType") != SIGNATURE_USAGE_TYPE:
                continue
            content_type = str(attachment.get("contentType", ""))
            if content_type.split(";")[0].strip().lower() != SIGNATURE_CONTENT_TYPE:
                raise StatementRejected(
                    f"{where}.contentType: a signature attachment must be "
                    f"application/octet-stream, got {content_type!r} (Data §2.6.s4.b1)."
                )
            if sha2 not in parts:
                raise StatementRejected(
                    f"{where}: the signature (JWS) must be sent as a multipart/mixed "
                    "part so the LRS can check it (Data §2.6.s5.b3)."
                )
            try:
                statement_signature_verify(statement=statement, jws=parts[sha2].content)
            except SignatureError as error:
                raise StatementRejected(f"{where}: {error}") from error
    extra = sorted(set(parts) - used)
    if extra:
        raise StatementRejected(
            f"The multipart/mixed request has parts no statement attachment names "
            f"(X-Experience-API-Hash {', '.join(extra)}) (Communication §1.5.2.s2.b2)."
        )


# --- Storing ---------------------------------------------------------------------


def _store(
    statements: list[dict],
    *,
    parts: dict[str, AttachmentPart],
    authority: dict,
    version: str,
    credential: LRSCredential | None,
) -> list[str]:
    ids = [s["id"] for s in statements]
    existing = dict(
        Statement.objects.filter(statement_id__in=ids).values_list(
            "statement_id", "payload"
        )
    )
    new = []
    for statement in statements:
        stored = existing.get(uuid.UUID(statement["id"]))
        if stored is None:
            new.append(statement)
        elif not statements_equivalent(stored, statement):
            raise StatementConflict(
                f"Statement {statement['id']} is already stored with different "
                "content; statements are immutable (Communication §2.1.1.s2.b3)."
            )
        # The same statement again changes nothing (Communication §2.1.1.s2.b2).
    if not new:
        return ids

    voided_targets = _voiding_targets(new)
    stored_at = now_milliseconds()
    stored_text = timestamp_format(stored_at)
    default_version = "1.0.0" if version.startswith("1.") else "2.0.0"
    authority_key = _key(authority) or ""

    rows: list[Statement] = []
    for statement in new:
        payload = dict(statement)
        payload["authority"] = authority
        payload["stored"] = stored_text
        if payload.get("timestamp") is None:
            # Data §2.4.7.s3.b2: timestamp defaults to stored.
            payload["timestamp"] = stored_text
        if payload.get("version") is None:
            # Data §2.4.10.s3.b3 (2.0 §4.2.4.3: 2.0.0).
            payload["version"] = default_version
        rows.append(
            _statement_row(
                payload,
                stored=stored_at,
                authority_key=authority_key,
                credential=credential,
            )
        )

    # Data §2.3.2.s2.b3: a statement is voided iff a voiding statement targets it,
    # whichever of the two arrived first.
    already_targeted = set(
        Statement.objects.filter(
            verb_id=VOIDED_VERB,
            object_statement_id__in=[
                r.statement_id for r in rows if not _is_voiding_row(r)
            ],
        ).values_list("object_statement_id", flat=True)
    )
    for row in rows:
        if not _is_voiding_row(row) and (
            row.statement_id in already_targeted or row.statement_id in voided_targets
        ):
            row.voided = True

    _statements_insert(rows)
    if voided_targets:
        Statement.objects.filter(statement_id__in=voided_targets, voided=False).update(
            voided=True
        )
    _index(rows)
    _activities_upsert(rows)
    _known_agents_upsert(rows)
    _attachments_store(rows, parts)
    for row in rows:
        transaction.on_commit(
            partial(statement_recorded.send, sender=Statement, statement=row),
            robust=True,
        )
    return ids


_STATEMENT_FIELDS = (
    "seq",
    "statement_id",
    "payload",
    "version",
    "stored",
    "timestamp",
    "actor_key",
    "verb_id",
    "object_activity_id",
    "object_statement_id",
    "registration",
    "authority_key",
    "voided",
    "credential_id",
)


def _statements_insert(rows: list[Statement]) -> None:
    """Insert the rows and give each its ``seq``, in batch order."""
    seqs = primary_keys_allocate(Statement, len(rows))
    if seqs is None:
        Statement.objects.bulk_create(rows)
        return
    for row, seq in zip(rows, seqs, strict=True):
        row.seq = seq
        # As bulk_create leaves them: saved instances.
        row._state.adding = False
        row._state.db = connection.alias
    bulk_insert(
        Statement,
        _STATEMENT_FIELDS,
        [tuple(getattr(row, name) for name in _STATEMENT_FIELDS) for row in rows],
    )


def _is_voiding(statement: dict) -> bool:
    obj = statement.get("object")
    return (
        (statement.get("verb") or {}).get("id") == VOIDED_VERB
        and isinstance(obj, dict)
        and obj.get("objectType") == "StatementRef"
    )


def _is_voiding_row(row: Statement) -> bool:
    return row.verb_id == VOIDED_VERB and row.object_statement_id is not None


def _voiding_targets(statements: list[dict]) -> set[uuid.UUID]:
    """The statements the new voiding statements void; refuses voiding a voiding
    statement (Data §2.3.2: "Any Statement that voids another cannot itself be
    voided"; the conformance suite allows a 400 for it)."""
    targets = {}
    for statement in statements:
        if _is_voiding(statement):
            target = _uuid_or_none(statement["object"].get("id"))
            if target is None:
                raise StatementValidationError(
                    "object.id", "a StatementRef id must be a UUID (Data §2.4.4.3)."
                )
            targets[target] = statement["id"]
    if not targets:
        return set()
    voiding_in_batch = {uuid.UUID(s["id"]) for s in statements if _is_voiding(s)}
    voiding_stored = set(
        Statement.objects.filter(
            statement_id__in=targets,
            verb_id=VOIDED_VERB,
            object_statement_id__isnull=False,
        ).values_list("statement_id", flat=True)
    )
    for target in sorted(voiding_in_batch | voiding_stored, key=str):
        if target in targets:
            raise StatementRejected(
                f"Statement {targets[target]} voids statement {target}, which is "
                "itself a voiding statement; a voiding statement cannot be voided "
                "(Data §2.3.2)."
            )
    return set(targets)


def _key(agent: object) -> str | None:
    return agent_key(agent) if isinstance(agent, dict) else None


def _uuid_or_none(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


def _statement_row(
    payload: dict,
    *,
    stored: datetime,
    authority_key: str,
    credential: LRSCredential | None,
) -> Statement:
    obj = payload.get("object") or {}
    object_type = obj.get("objectType", "Activity")
    context = payload.get("context") or {}
    return Statement(
        statement_id=uuid.UUID(payload["id"]),
        payload=payload,
        version=str(payload["version"])[:16],
        stored=stored,
        timestamp=timestamp_parse(payload["timestamp"]) or stored,
        actor_key=_key(payload.get("actor")) or "",
        verb_id=(payload.get("verb") or {}).get("id", ""),
        object_activity_id=obj.get("id", "") if object_type == "Activity" else "",
        object_statement_id=_uuid_or_none(obj.get("id"))
        if object_type == "StatementRef"
        else None,
        registration=_uuid_or_none(context.get("registration")),
        authority_key=authority_key,
        credential=credential,
    )


# --- Index projections -------------------------------------------------------------


def statement_agents(payload: dict) -> list[tuple[str, str, bool]]:
    """(agent key, relation, related_only) for every identified agent and group.

    ``related_only`` is False where the plain ``agent`` filter looks: the actor and
    an Agent/Group object, and the members of those Groups (Communication §2.1.3:
    "Groups that have members which match the specified Agent ... are considered a
    match"). It is True for what only ``related_agents=true`` adds: authority,
    instructor, team and the same places in a SubStatement.
    """
    found: dict[tuple[str, str], bool] = {}

    def add(agent: object, relation: str, related_only: bool) -> None:
        if not isinstance(agent, dict):
            return
        key = agent_key(agent)
        if key is not None:
            found[(key, relation)] = found.get((key, relation), True) and related_only
        for member in agent.get("member") or []:
            if isinstance(member, dict) and (member_key := agent_key(member)):
                pair = (member_key, Relation.MEMBER)
                found[pair] = found.get(pair, True) and related_only

    def add_context(context: object, relation: str | None) -> None:
        if not isinstance(context, dict):
            return
        add(context.get("instructor"), relation or Relation.INSTRUCTOR, True)
        add(context.get("team"), relation or Relation.TEAM, True)

    add(payload.get("actor"), Relation.ACTOR, False)
    obj = payload.get("object")
    if isinstance(obj, dict):
        if obj.get("objectType") in ("Agent", "Group"):
            add(obj, Relation.OBJECT, False)
        elif obj.get("objectType") == "SubStatement":
            add(obj.get("actor"), Relation.SUB_STATEMENT, True)
            sub_object = obj.get("object")
            if isinstance(sub_object, dict) and sub_object.get("objectType") in (
                "Agent",
                "Group",
            ):
                add(sub_object, Relation.SUB_STATEMENT, True)
            add_context(obj.get("context"), Relation.SUB_STATEMENT)
    add(payload.get("authority"), Relation.AUTHORITY, True)
    add_context(payload.get("context"), None)
    return [(key, relation, related) for (key, relation), related in found.items()]


def statement_activities(payload: dict) -> list[tuple[str, bool]]:
    """(activity id, related_only) for every activity: the object is what the plain
    ``activity`` filter matches; context activities and a SubStatement's activities
    only ``related_activities=true`` (Communication §2.1.3)."""
    found: dict[str, bool] = {}
    for activity, related_only in _activities_of(payload):
        activity_id = activity["id"]
        found[activity_id] = found.get(activity_id, True) and related_only
    return list(found.items())


def _activities_of(payload: dict) -> Iterable[tuple[dict, bool]]:
    def in_context(context: object) -> Iterable[dict]:
        if not isinstance(context, dict):
            return
        for kind in _CONTEXT_ACTIVITY_KINDS:
            for activity in context_activity_list(
                (context.get("contextActivities") or {}).get(kind, [])
            ):
                if isinstance(activity, dict) and isinstance(activity.get("id"), str):
                    yield activity

    obj = payload.get("object")
    if isinstance(obj, dict):
        object_type = obj.get("objectType", "Activity")
        if object_type == "Activity" and isinstance(obj.get("id"), str):
            yield obj, False
        elif object_type == "SubStatement":
            sub_object = obj.get("object")
            if (
                isinstance(sub_object, dict)
                and sub_object.get("objectType", "Activity") == "Activity"
                and isinstance(sub_object.get("id"), str)
            ):
                yield sub_object, True
            for activity in in_context(obj.get("context")):
                yield activity, True
    for activity in in_context(payload.get("context")):
        yield activity, True


def _index(rows: list[Statement]) -> None:
    bulk_insert(
        StatementAgent,
        ("statement_id", "agent_key", "relation", "related_only"),
        [
            (row.seq, key, str(relation), related_only)
            for row in rows
            for key, relation, related_only in statement_agents(row.payload)
        ],
    )
    bulk_insert(
        StatementActivity,
        ("statement_id", "activity_id", "related_only"),
        [
            (row.seq, activity_id, related_only)
            for row in rows
            for activity_id, related_only in statement_activities(row.payload)
        ],
    )


# --- Activities and agents ---------------------------------------------------------


def definition_merge(canonical: dict, received: dict) -> dict:
    """The canonical Activity definition after receiving ``received``.

    Data §2.4.4.1.s4: the LRS SHOULD update the definition when it trusts the
    provider, MAY make small corrections and SHOULD NOT make significant changes.
    Like the ADL reference LRS, this LRS merges language maps (names, descriptions,
    component descriptions: new languages are added, texts corrected), merges
    extensions and takes moreInfo from the newest; what changes the activity's
    meaning (type, interactionType, correctResponsesPattern, the components
    themselves) is set once and then kept.
    """
    merged = dict(canonical)
    for key, value in received.items():
        old = merged.get(key)
        if key in ("name", "description", "extensions"):
            merged[key] = (
                {**old, **value}
                if isinstance(old, dict) and isinstance(value, dict)
                else value
            )
        elif key == "moreInfo":
            merged[key] = value
        elif (
            key in _INTERACTION_COMPONENTS
            and isinstance(old, list)
            and isinstance(value, list)
        ):
            merged[key] = _components_merge(old, value)
        elif key not in merged:
            merged[key] = value
    return merged


def _components_merge(old: list, new: list) -> list:
    descriptions = {
        c["id"]: c["description"]
        for c in new
        if isinstance(c, dict) and "id" in c and isinstance(c.get("description"), dict)
    }
    merged = []
    for component in old:
        if (
            isinstance(component, dict)
            and component.get("id") in descriptions
            and isinstance(component.get("description"), dict)
        ):
            component = {
                **component,
                "description": {
                    **component["description"],
                    **descriptions[component["id"]],
                },
            }
        merged.append(component)
    return merged


def _activities_upsert(rows: list[Statement]) -> None:
    received: dict[str, dict] = {}
    for row in rows:
        for activity, _related in _activities_of(row.payload):
            definition = activity.get("definition")
            current = received.setdefault(activity["id"], {})
            if isinstance(definition, dict):
                received[activity["id"]] = definition_merge(current, definition)
    if not received:
        return
    # Plain values, not model instances: this runs for every batch.
    existing = {
        activity_id: (pk, definition)
        for pk, activity_id, definition in Activity.objects.filter(
            activity_id__in=received
        ).values_list("pk", "activity_id", "definition")
    }
    # Sorted, so two writers lock the same rows in the same order (no deadlock).
    to_create, to_update = [], []
    for activity_id in sorted(received):
        if activity_id not in existing:
            to_create.append(
                Activity(activity_id=activity_id, definition=received[activity_id])
            )
            continue
        pk, definition = existing[activity_id]
        merged = definition_merge(definition, received[activity_id])
        if merged != definition:
            to_update.append(
                Activity(pk=pk, definition=merged, updated_at=now_milliseconds())
            )
    Activity.objects.bulk_create(to_create, ignore_conflicts=True)
    if to_update:
        Activity.objects.bulk_update(to_update, ["definition", "updated_at"])


def _ifi_only(agent: dict) -> dict[str, Any]:
    ifi = next(p for p in IFI_PROPERTIES if p in agent)
    return {"objectType": "Agent", ifi: agent[ifi]}


def _agents_of(payload: dict) -> Iterable[dict]:
    """Agents (people, not groups or the authority) a statement names."""

    def people(agent: object) -> Iterable[dict]:
        if not isinstance(agent, dict):
            return
        if agent.get("objectType") == "Group":
            for member in agent.get("member") or []:
                yield from people(member)
        elif agent_key(agent) is not None:
            yield agent

    def in_statement(statement: dict) -> Iterable[dict]:
        yield from people(statement.get("actor"))
        obj = statement.get("object")
        if isinstance(obj, dict) and obj.get("objectType") in ("Agent", "Group"):
            yield from people(obj)
        context = statement.get("context")
        if isinstance(context, dict):
            yield from people(context.get("instructor"))
            yield from people(context.get("team"))

    yield from in_statement(payload)
    obj = payload.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        yield from in_statement(obj)


def _known_agents_upsert(rows: list[Statement]) -> None:
    seen: dict[str, tuple[dict, list[str]]] = {}
    for row in rows:
        for agent in _agents_of(row.payload):
            key = agent_key(agent)
            _ifi, names = seen.setdefault(key, (_ifi_only(agent), []))
            name = agent.get("name")
            if isinstance(name, str) and name and name not in names:
                names.append(name)
    if not seen:
        return
    existing = {
        key: (pk, known_names)
        for pk, key, known_names in KnownAgent.objects.filter(
            agent_key__in=seen
        ).values_list("pk", "agent_key", "names")
    }
    to_create, to_update = [], []
    for key in sorted(seen):
        agent, names = seen[key]
        if key not in existing:
            to_create.append(KnownAgent(agent_key=key, agent=agent, names=names))
            continue
        pk, known_names = existing[key]
        if missing := [n for n in names if n not in known_names]:
            to_update.append(
                KnownAgent(
                    pk=pk,
                    names=[*known_names, *missing],
                    updated_at=now_milliseconds(),
                )
            )
    KnownAgent.objects.bulk_create(to_create, ignore_conflicts=True)
    if to_update:
        KnownAgent.objects.bulk_update(to_update, ["names", "updated_at"])


def _attachments_store(rows: list[Statement], parts: dict[str, AttachmentPart]) -> None:
    wanted = {
        str(a.get("sha2", "")).lower()
        for row in rows
        for a in _attachment_objects(row.payload)
    } & set(parts)
    if not wanted:
        return
    have = set(
        Attachment.objects.filter(sha2__in=wanted).values_list("sha2", flat=True)
    )
    Attachment.objects.bulk_create(
        [
            Attachment(
                sha2=sha2,
                content_type=parts[sha2].content_type,
                length=len(parts[sha2].content),
                content=parts[sha2].content,
            )
            for sha2 in sorted(wanted - have)
        ],
        ignore_conflicts=True,
    )
