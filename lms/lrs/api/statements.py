"""The Statements resource (xAPI 1.0.3 Communication §2.1, 2.0 §4.1.6.1).

PUT stores one statement under ``statementId`` (204); POST stores one or a batch
(200 with the ids); GET returns one statement by ``statementId`` or
``voidedStatementId``, or a StatementResult for the filter parameters, paged through
``more``. Statement requests may be multipart/mixed with attachments (§1.5.2).
"""

import json
import re
import uuid

from django.conf import settings
from django.core import signing
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, parse_header_parameters

from lms.lrs.api.http import XAPIError, error_response, xapi_view
from lms.lrs.api.multipart import (
    MultipartError,
    multipart_build,
    statements_multipart_parse,
)
from lms.lrs.formats import (
    FORMATS,
    accept_language_parse,
    statement_activity_ids,
    statement_format,
)
from lms.lrs.models import Scope
from lms.lrs.selectors import (
    StatementFilter,
    activity_definitions,
    attachments_for,
    statement_get,
    statements_filter,
)
from lms.lrs.storage import AttachmentPart, statements_store
from lms.lrs.timestamps import timestamp_format, timestamp_parse
from lms.lrs.validation import StatementValidationError, validate_agent

READ = (Scope.STATEMENTS_READ, Scope.STATEMENTS_READ_MINE, Scope.ALL_READ)
WRITE = (Scope.STATEMENTS_WRITE,)
CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through"

SINGLE_PARAMETERS = {"statementId", "voidedStatementId", "attachments", "format"}
FILTER_PARAMETERS = {
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
}
MORE_PARAMETER = "more"
GET_PARAMETERS = SINGLE_PARAMETERS | FILTER_PARAMETERS | {MORE_PARAMETER}
_MORE_SALT = "lms.lrs.statements.more"

# RFC 3987: an IRI starts with a scheme.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S*$")
_UUID = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)


def page_size_max() -> int:
    """The most statements one page holds (what ``limit=0`` asks for)."""
    return getattr(settings, "LRS_STATEMENTS_PAGE_SIZE", 100)


@xapi_view(scopes_by_method={"GET": READ, "PUT": WRITE, "POST": WRITE})
def statements(request: HttpRequest) -> HttpResponse:
    try:
        if request.method == "PUT":
            response = _put(request)
        elif request.method == "POST":
            response = _post(request)
        else:
            response = _get(request)
    except XAPIError as error:
        response = error_response(error.status, error.message, request.xapi_version)
    except StatementValidationError as error:
        response = error_response(400, str(error), request.xapi_version)
    # Communication §2.1.3.s2.b5: on every response of the resource, errors too.
    # Committed statements are readable at once, so "now" is accurate.
    response[CONSISTENT_THROUGH] = timestamp_format(timezone.now())
    return response


# --- Writing -----------------------------------------------------------------------


def _reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    result = {}
    for key, value in pairs:
        if key in result:
            raise XAPIError(
                400, f"The JSON object has the property {key!r} more than once."
            )
        result[key] = value
    return result


def _reject_constant(name: str):
    raise XAPIError(400, f"{name} is not a JSON number (RFC 8259).")


def _body(request: HttpRequest) -> tuple[object, dict[str, AttachmentPart]]:
    """The statement(s) and attachment parts of a PUT or POST (Communication §1.5)."""
    content_type = request.META.get("CONTENT_TYPE", "")
    media_type = (
        parse_header_parameters(content_type)[0].lower() if content_type else ""
    )
    try:
        body = request.body
    except RequestDataTooBig as error:
        raise XAPIError(413, "The request is larger than this LRS accepts.") from error
    if media_type == "multipart/mixed":
        try:
            first, parts = statements_multipart_parse(body, content_type)
        except MultipartError as error:
            raise XAPIError(400, str(error)) from error
    elif media_type in ("application/json", ""):
        first, parts = body, {}
    else:
        raise XAPIError(
            400,
            "Content-Type: statements are sent as application/json or, with "
            f"attachments, multipart/mixed; got {media_type!r} (Communication §1.5).",
        )
    try:
        data = json.loads(
            first,
            object_pairs_hook=_reject_duplicate_keys,
            parse_constant=_reject_constant,
        )
    except (ValueError, UnicodeDecodeError) as error:
        raise XAPIError(400, f"The statements are not valid JSON: {error}") from error
    return data, parts


def _only_parameters(request: HttpRequest, allowed: set[str]) -> None:
    """Communication §3.2: an unknown parameter, or a known one in another case, is
    a 400; so is a parameter given twice."""
    for name in request.GET:
        if name not in allowed:
            raise XAPIError(
                400,
                f"Unknown parameter {name!r} for {request.method} /statements"
                + (f"; allowed: {', '.join(sorted(allowed))}." if allowed else "."),
            )
        if len(request.GET.getlist(name)) > 1:
            raise XAPIError(400, f"{name}: may be given only once.")


def _put(request: HttpRequest) -> HttpResponse:
    _only_parameters(request, {"statementId"})
    raw_id = request.GET.get("statementId")
    if raw_id is None:
        raise XAPIError(
            400, "statementId: PUT needs this parameter (Communication §2.1.1)."
        )
    statement_id = _uuid(raw_id, "statementId")
    data, parts = _body(request)
    if not isinstance(data, dict):
        raise XAPIError(400, "PUT /statements takes one statement, a JSON object.")
    if "id" in data and _uuid_or_none(data["id"]) != statement_id:
        raise XAPIError(
            400,
            f"id: the statement's id {data['id']!r} differs from the statementId "
            f"parameter {raw_id!r} (Communication §2.1.1.s3.b3).",
        )
    data = {**data, "id": str(statement_id)}
    _store(request, [data], parts)
    return HttpResponse(status=204)


def _post(request: HttpRequest) -> HttpResponse:
    _only_parameters(request, set())
    data, parts = _body(request)
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise XAPIError(
            400, "POST /statements takes a statement or an array of statements."
        )
    ids = _store(request, data, parts)
    return JsonResponse(ids, safe=False)


def _store(request, data: list, parts: dict[str, AttachmentPart]) -> list[str]:
    return statements_store(
        statements=data,
        authority=request.lrs_credential.authority,
        version=request.xapi_version,
        credential=request.lrs_credential,
        attachments=parts,
    )


# --- Reading -----------------------------------------------------------------------


def _uuid_or_none(value: object) -> uuid.UUID | None:
    if not isinstance(value, str) or not _UUID.match(value):
        return None
    return uuid.UUID(value)


def _uuid(value: str, name: str) -> uuid.UUID:
    parsed = _uuid_or_none(value)
    if parsed is None:
        raise XAPIError(
            400, f"{name}: must be a UUID (8-4-4-4-12 hex digits), got {value!r}."
        )
    return parsed


def _boolean(params, name: str) -> bool:
    value = params.get(name)
    if value is None:
        return False
    if value not in ("true", "false"):
        raise XAPIError(400, f"{name}: must be true or false, got {value!r}.")
    return value == "true"


def _iri(params, name: str) -> str | None:
    value = params.get(name)
    if value is not None and not _IRI.match(value):
        raise XAPIError(
            400,
            f"{name}: must be an IRI with a scheme (e.g. https://...), got {value!r}.",
        )
    return value


def _timestamp(params, name: str):
    value = params.get(name)
    if value is None:
        return None
    parsed = timestamp_parse(value)
    if parsed is None:
        raise XAPIError(400, f"{name}: must be an ISO 8601 timestamp, got {value!r}.")
    return parsed


def _format(params) -> str:
    value = params.get("format", "exact")
    if value not in FORMATS:
        raise XAPIError(400, f"format: must be ids, exact or canonical, got {value!r}.")
    return value


def _agent(params, version: str) -> dict | None:
    raw = params.get("agent")
    if raw is None:
        return None
    try:
        agent = json.loads(raw)
    except ValueError as error:
        raise XAPIError(400, f"agent: not valid JSON ({error}).") from error
    if not isinstance(agent, dict):
        raise XAPIError(400, "agent: must be a JSON object (an Agent or Group).")
    try:
        validate_agent(agent, path="agent", version=version)
    except StatementValidationError as error:
        raise XAPIError(400, str(error)) from error
    from lms.lrs.identity import IFI_PROPERTIES, agent_key

    present = [p for p in IFI_PROPERTIES if p in agent]
    if len(present) != 1 or agent_key(agent) is None:
        raise XAPIError(
            400,
            "agent: must be an Agent or identified Group with exactly one of mbox, "
            "mbox_sha1sum, openid, account (Communication §2.1.3).",
        )
    return agent


def _limit(params) -> int:
    value = params.get("limit")
    if value is None:
        return page_size_max()
    if not value.isdigit() or not value.isascii():
        raise XAPIError(400, f"limit: must be a non-negative integer, got {value!r}.")
    limit = int(value)
    return page_size_max() if limit == 0 else min(limit, page_size_max())


def _get(request: HttpRequest) -> HttpResponse:
    _only_parameters(request, GET_PARAMETERS)
    params: dict[str, str] = {name: request.GET[name] for name in request.GET}
    after = None
    if MORE_PARAMETER in params:
        if len(params) > 1:
            raise XAPIError(
                400, "more: use the more IRL as it is, without other parameters."
            )
        try:
            state = signing.loads(params[MORE_PARAMETER], salt=_MORE_SALT)
            params, after = dict(state["params"]), int(state["after"])
        except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
            raise XAPIError(400, "more: not a more IRL this LRS returned.") from error

    statement_format_name = _format(params)
    with_attachments = _boolean(params, "attachments")
    if "statementId" in params or "voidedStatementId" in params:
        return _get_one(request, params, statement_format_name, with_attachments)

    statement_filter = StatementFilter(
        agent=_agent(params, request.xapi_version),
        verb=_iri(params, "verb"),
        activity=_iri(params, "activity"),
        registration=_uuid(params["registration"], "registration")
        if "registration" in params
        else None,
        related_activities=_boolean(params, "related_activities"),
        related_agents=_boolean(params, "related_agents"),
        since=_timestamp(params, "since"),
        until=_timestamp(params, "until"),
        ascending=_boolean(params, "ascending"),
    )
    limit = _limit(params)
    page, has_more = statements_filter(
        statement_filter=statement_filter,
        credential=request.lrs_credential,
        limit=limit,
        after=after,
    )
    more = ""
    if has_more:
        token = signing.dumps(
            {"params": params, "after": page[-1].seq}, salt=_MORE_SALT, compress=True
        )
        more = f"{reverse('lrs:statements')}?{MORE_PARAMETER}={token}"
    if statement_format_name == "exact" and not with_attachments:
        # The stored JSON as it is: no decoding and re-encoding of every payload.
        body = b"".join(
            [
                b'{"statements": [',
                ", ".join(s.raw for s in page).encode(),
                b'], "more": ',
                json.dumps(more).encode(),
                b"}",
            ]
        )
        response = HttpResponse(body, content_type="application/json")
    else:
        payloads = _formatted(request, [s.payload for s in page], statement_format_name)
        response = _respond(
            {"statements": payloads, "more": more},
            [s.payload for s in page],
            with_attachments,
        )
    if page:
        response["Last-Modified"] = http_date(max(s.stored for s in page).timestamp())
    return response


def _get_one(
    request: HttpRequest, params: dict, format_name: str, with_attachments: bool
) -> HttpResponse:
    """Communication §2.1.3.s2.b1-b2: statementId or voidedStatementId, not both, and
    nothing else but attachments and format."""
    if "statementId" in params and "voidedStatementId" in params:
        raise XAPIError(400, "Use statementId or voidedStatementId, not both.")
    extra = sorted(set(params) - SINGLE_PARAMETERS)
    if extra:
        raise XAPIError(
            400,
            f"{', '.join(extra)}: not allowed with statementId or voidedStatementId; "
            "only attachments and format are (Communication §2.1.3.s2.b2).",
        )
    name = "statementId" if "statementId" in params else "voidedStatementId"
    statement = statement_get(
        statement_id=_uuid(params[name], name),
        voided=name == "voidedStatementId",
        credential=request.lrs_credential,
    )
    if statement is None:
        raise XAPIError(
            404,
            f"No {'voided ' if name == 'voidedStatementId' else ''}statement with "
            f"id {params[name]}"
            + (
                " (a voided statement is fetched by voidedStatementId)."
                if name == "statementId"
                else "."
            ),
        )
    (payload,) = _formatted(request, [statement.payload], format_name)
    response = _respond(payload, [statement.payload], with_attachments)
    # Communication §2.1.3.s2.b8.
    response["Last-Modified"] = http_date(statement.stored.timestamp())
    return response


def _formatted(
    request: HttpRequest, payloads: list[dict], format_name: str
) -> list[dict]:
    if format_name != "canonical":
        return [statement_format(p, format=format_name) for p in payloads]
    activity_ids = set().union(*(statement_activity_ids(p) for p in payloads))
    definitions = activity_definitions(activity_ids)
    accept = accept_language_parse(request.headers.get("Accept-Language"))
    return [
        statement_format(p, format="canonical", accept=accept, definitions=definitions)
        for p in payloads
    ]


def _respond(
    document: object, payloads: list[dict], with_attachments: bool
) -> HttpResponse:
    """JSON, or with ``attachments=true`` multipart/mixed with the attachments'
    raw data after it (Communication §2.1.3.s2.b6-b7)."""
    body = json.dumps(document, ensure_ascii=False).encode()
    if not with_attachments:
        return HttpResponse(body, content_type="application/json")
    attachments = [
        AttachmentPart(
            sha2=a.sha2, content_type=a.content_type, content=bytes(a.content)
        )
        for a in attachments_for(payloads)
    ]
    multipart, content_type = multipart_build(body, attachments)
    return HttpResponse(multipart, content_type=content_type)
