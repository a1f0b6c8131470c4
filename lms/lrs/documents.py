"""The document store behind the State, Activity Profile and Agent Profile resources
(xAPI 1.0.3 Part 3 §2.2-2.7; 2.0 §4.1.6.2, 4.1.6.5, 4.1.6.6; concurrency 1.0.3 §3.1,
2.0 §4.1.4).

A :class:`DocumentScope` names the set of documents a request addresses (an
activity, an agent, a registration) without the document id; the services below
read and write one document or the whole set. Every write locks the row it changes
(``select_for_update``) and relies on the unique constraint of each model for the
row that does not exist yet, so two parallel writes of the same document are
applied one after the other and neither is lost.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from lms.lrs.identity import agent_key
from lms.lrs.models import ActivityProfileDocument, AgentProfileDocument, StateDocument
from lms.lrs.models.documents import Document

JSON_CONTENT_TYPE = "application/json"
DEFAULT_CONTENT_TYPE = "application/octet-stream"
# PostgreSQL's btree index entries hold at most 2704 bytes, and each document's
# unique key (its ids, agent key and registration) is one entry; longer keys would
# fail in the database instead of with a clear 400.
MAX_KEY_BYTES = 2400
MAX_CONTENT_TYPE_LENGTH = 255
# How often a write is retried when a parallel request created the same document
# between our lookup and our insert (the unique constraint tells us).
_WRITE_ATTEMPTS = 3


class DocumentError(Exception):
    """A request the document store refuses; ``status`` is the HTTP status."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidDocument(DocumentError):
    status = 400


class PreconditionRequired(DocumentError):
    # 1.0.3 Part 3 §3.1.s3.b1: a client MUST send If-Match or If-None-Match with a
    # PUT to a profile resource; the conformance suite expects 400 when it does not.
    status = 400


class PreconditionFailed(DocumentError):
    status = 412


class DocumentConflict(DocumentError):
    status = 409


class PreconditionRule(Enum):
    """When a PUT without If-Match / If-None-Match is refused."""

    # State in xAPI 1.0.3: "permit PUT, POST and DELETE requests without concurrency
    # headers, since state conflicts are unlikely" (Part 3 §3.1.s3).
    OPTIONAL = "optional"
    # State in xAPI 2.0: 409 when the document exists (2.0 §4.1.4), else accepted.
    ON_EXISTING = "on_existing"
    # Profile resources: 409 when the document exists (1.0.3 §3.1.s4.b13), 400
    # when it does not (§3.1.s3.b1).
    ALWAYS = "always"


@dataclass(frozen=True)
class Precondition:
    """The If-Match and If-None-Match headers of a request, parsed.

    Each is ``None`` when absent, else the list of entity tags without quotes;
    ``"*"`` stands for "any representation".
    """

    if_match: list[str] | None = None
    if_none_match: list[str] | None = None

    @property
    def given(self) -> bool:
        return self.if_match is not None or self.if_none_match is not None

    @classmethod
    def from_headers(
        cls, if_match: str | None, if_none_match: str | None
    ) -> "Precondition":
        return cls(
            if_match=_entity_tags(if_match), if_none_match=_entity_tags(if_none_match)
        )


def _entity_tags(header: str | None) -> list[str] | None:
    if header is None:
        return None
    tags = []
    for raw in header.split(","):
        tag = raw.strip()
        if not tag:
            continue
        if tag.startswith("W/"):
            # Weak tags never match in the strong comparison RFC 7232 §3.1 asks
            # for; kept with their prefix, they can never equal a stored ETag.
            tags.append(tag)
            continue
        # Quoted as RFC 7232 asks; some clients send the bare SHA-1 and mean the same.
        tags.append(tag.strip('"'))
    return tags


@dataclass(frozen=True)
class DocumentScope:
    """Which documents a request addresses, apart from the document id.

    ``set_filters`` select the documents a list or delete-all works on;
    ``document_filters`` the one that a single-document request names;
    ``defaults`` are stored with a new document (e.g. the agent as sent).
    """

    model: type[Document]
    id_field: str
    id_param: str
    set_filters: dict[str, str]
    document_filters: dict[str, str]
    defaults: dict[str, object] = field(default_factory=dict)

    def one(self, document_id: str) -> dict[str, str]:
        return {**self.document_filters, self.id_field: document_id}


def state_scope(
    *, activity_id: str, agent: dict, registration: str | None
) -> DocumentScope:
    """1.0.3 Part 3 §2.3: Activity + Agent [+ registration].

    Without a registration a single-document request addresses the state stored
    without one, while a list or delete-all covers every registration.
    """
    key = _agent_key(agent)
    base = {"activity_id": activity_id, "agent_key": key}
    if registration is None:
        return DocumentScope(
            model=StateDocument,
            id_field="state_id",
            id_param="stateId",
            set_filters=base,
            document_filters={**base, "registration": ""},
            defaults={"agent": agent},
        )
    scoped = {**base, "registration": registration}
    return DocumentScope(
        model=StateDocument,
        id_field="state_id",
        id_param="stateId",
        set_filters=scoped,
        document_filters=scoped,
        defaults={"agent": agent},
    )


def activity_profile_scope(*, activity_id: str) -> DocumentScope:
    base = {"activity_id": activity_id}
    return DocumentScope(
        model=ActivityProfileDocument,
        id_field="profile_id",
        id_param="profileId",
        set_filters=base,
        document_filters=base,
    )


def agent_profile_scope(*, agent: dict) -> DocumentScope:
    base = {"agent_key": _agent_key(agent)}
    return DocumentScope(
        model=AgentProfileDocument,
        id_field="profile_id",
        id_param="profileId",
        set_filters=base,
        document_filters=base,
        defaults={"agent": agent},
    )


def _agent_key(agent: dict) -> str:
    key = agent_key(agent)
    if key is None:
        raise InvalidDocument(
            "agent: must be identified by one of mbox, mbox_sha1sum, openid or account."
        )
    return key


def document_etag(content: bytes) -> str:
    """1.0.3 Part 3 §3.1.s4.b2: the SHA-1 hex digest of the contents (lowercase)."""
    return hashlib.sha1(content).hexdigest()  # noqa: S324 - mandated by the spec


def is_json_content_type(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() == JSON_CONTENT_TYPE


# --- selectors -----------------------------------------------------------------


def document_get(*, scope: DocumentScope, document_id: str) -> Document | None:
    return scope.model.objects.filter(**scope.one(document_id)).first()


def document_ids(
    *, scope: DocumentScope, since: datetime | None = None
) -> tuple[list[str], datetime | None]:
    """The ids of the documents in ``scope`` updated after ``since`` (exclusive),
    and when the most recent of them was updated (for Last-Modified)."""
    documents = scope.model.objects.filter(**scope.set_filters)
    if since is not None:
        documents = documents.filter(updated__gt=since)
    # A state id can repeat across registrations; the list names each id once.
    ids = list(
        documents.order_by(scope.id_field)
        .values_list(scope.id_field, flat=True)
        .distinct()
    )
    latest = documents.aggregate(latest=Max("updated"))["latest"] if ids else None
    return ids, latest


# --- services ------------------------------------------------------------------


def document_put(
    *,
    scope: DocumentScope,
    document_id: str,
    content: bytes,
    content_type: str | None,
    precondition: Precondition,
    rule: PreconditionRule,
) -> Document:
    """Store ``content`` as the document, replacing any existing one."""
    content_type = _check_request(scope, document_id, content_type)
    _check_json(content, content_type)

    def build(existing: Document | None) -> tuple[bytes, str]:
        _check_precondition(existing, precondition)
        if not precondition.given:
            if existing is not None and rule is not PreconditionRule.OPTIONAL:
                raise DocumentConflict(
                    "The document already exists and the request has neither an "
                    "If-Match nor an If-None-Match header: fetch the document, then "
                    "send If-Match with its current ETag to replace it."
                )
            if existing is None and rule is PreconditionRule.ALWAYS:
                raise PreconditionRequired(
                    "A PUT to this resource needs an If-Match header (the ETag of "
                    'the document it replaces) or "If-None-Match: *" (to create it).'
                )
        return content, content_type

    return _write(scope=scope, document_id=document_id, build=build)


def document_post(
    *,
    scope: DocumentScope,
    document_id: str,
    content: bytes,
    content_type: str | None,
    precondition: Precondition,
) -> Document:
    """Create the document, or merge a JSON object into the stored JSON object
    (1.0.3 Part 3 §2.2.s7: top-level properties of the posted object replace those
    of the stored one)."""
    content_type = _check_request(scope, document_id, content_type)
    posted = _check_json(content, content_type)

    def build(existing: Document | None) -> tuple[bytes, str]:
        _check_precondition(existing, precondition)
        if existing is None:
            # §2.2.s7: a POST for a document not yet stored is treated as a PUT.
            return content, content_type
        if not is_json_content_type(content_type):
            raise InvalidDocument(
                f"A document exists, so this POST would merge into it: the posted "
                f"document must have Content-Type {JSON_CONTENT_TYPE}, not "
                f"{content_type!r} (1.0.3 Part 3 §2.2.s8.b1)."
            )
        if not existing.is_json:
            raise InvalidDocument(
                f"The stored document has Content-Type {existing.content_type!r}; "
                f"only {JSON_CONTENT_TYPE} documents can be merged by a POST "
                "(1.0.3 Part 3 §2.2.s8.b1). Use PUT to replace it."
            )
        if not isinstance(posted, dict):
            raise InvalidDocument(
                "The posted document is not a JSON object, so it cannot be merged "
                "(1.0.3 Part 3 §2.2.s8.b1)."
            )
        try:
            stored = json.loads(bytes(existing.content))
        except ValueError:
            stored = None
        if not isinstance(stored, dict):
            raise InvalidDocument(
                "The stored document is not a JSON object, so it cannot be merged "
                "(1.0.3 Part 3 §2.2.s8.b1). Use PUT to replace it."
            )
        stored.update(posted)
        merged = json.dumps(stored, ensure_ascii=False, separators=(",", ":"))
        return merged.encode(), existing.content_type

    return _write(scope=scope, document_id=document_id, build=build)


@transaction.atomic
def document_delete(
    *, scope: DocumentScope, document_id: str, precondition: Precondition
) -> bool:
    """Delete one document; True when there was one. Deleting a document that
    does not exist succeeds (unless If-Match asks for one)."""
    existing = (
        scope.model.objects.select_for_update().filter(**scope.one(document_id)).first()
    )
    _check_precondition(existing, precondition)
    if existing is None:
        return False
    existing.delete()
    return True


@transaction.atomic
def documents_delete(*, scope: DocumentScope) -> int:
    """Delete every document in ``scope`` (1.0.3 Part 3 §2.3.s5)."""
    deleted, _ = scope.model.objects.filter(**scope.set_filters).delete()
    return deleted


def _check_request(
    scope: DocumentScope, document_id: str, content_type: str | None
) -> str:
    """The content type to store; 400 when the document could not be stored."""
    key_bytes = sum(len(str(v).encode()) for v in scope.one(document_id).values())
    if key_bytes > MAX_KEY_BYTES:
        raise InvalidDocument(
            f"{scope.id_param}: together with the other ids of the document it is "
            f"longer than this LRS can store ({key_bytes} of at most {MAX_KEY_BYTES} "
            "bytes)."
        )
    content_type = (content_type or DEFAULT_CONTENT_TYPE).strip()
    if len(content_type) > MAX_CONTENT_TYPE_LENGTH:
        raise InvalidDocument(
            f"Content-Type: longer than {MAX_CONTENT_TYPE_LENGTH} characters."
        )
    return content_type


def _check_json(content: bytes, content_type: str) -> object:
    """Parse a document labelled application/json; 400 when it is not JSON.

    1.0.3 Part 3 §3.2.s3.b6: a request whose content does not match its
    Content-Type is rejected; documents of other types are stored as they are.
    """
    if not is_json_content_type(content_type):
        return None
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise InvalidDocument(
            f"The document has Content-Type {JSON_CONTENT_TYPE} but is not valid "
            f"JSON: {error}"
        ) from error


def _check_precondition(existing: Document | None, precondition: Precondition) -> None:
    """RFC 7232 §3.1-3.2 (RFC 2616 §14.24, 14.26) for a state-changing request."""
    if precondition.if_match is not None:
        if existing is None:
            raise PreconditionFailed(
                "If-Match: no document exists, so no ETag can match."
            )
        if "*" not in precondition.if_match and existing.etag not in (
            precondition.if_match
        ):
            raise PreconditionFailed(
                f'If-Match: the document has changed; its current ETag is "{existing.etag}".'
            )
    if precondition.if_none_match is not None and existing is not None:
        if "*" in precondition.if_none_match:
            raise PreconditionFailed(
                "If-None-Match: *: a document with this id already exists."
            )
        if existing.etag in precondition.if_none_match:
            raise PreconditionFailed("If-None-Match: the document still has that ETag.")


def _write(*, scope: DocumentScope, document_id: str, build) -> Document:
    """Lock the document (or find it missing), let ``build`` decide the new content
    from what is stored, and save it.

    When the document does not exist yet, two requests can both find it missing;
    the unique constraint lets only one insert succeed, and the other starts over,
    now finding and locking the row the first one created.
    """
    for attempt in range(1, _WRITE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                existing = (
                    scope.model.objects.select_for_update()
                    .filter(**scope.one(document_id))
                    .first()
                )
                content, content_type = build(existing)
                now = timezone.now()
                if existing is not None:
                    existing.content = content
                    existing.content_type = content_type
                    existing.etag = document_etag(content)
                    existing.updated = now
                    existing.save(
                        update_fields=["content", "content_type", "etag", "updated"]
                    )
                    return existing
                return scope.model.objects.create(
                    **scope.one(document_id),
                    **scope.defaults,
                    content=content,
                    content_type=content_type,
                    etag=document_etag(content),
                    updated=now,
                )
        except IntegrityError:
            if attempt == _WRITE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")
