"""The State, Activity Profile and Agent Profile resources (xAPI 1.0.3 Part 3
§2.2-2.3, 2.6-2.7; 2.0 §4.1.6.2, 4.1.6.5, 4.1.6.6) and the Activities and Agents
resources (1.0.3 §2.4-2.5; 2.0 §4.1.6.3-4.1.6.4)."""

import hashlib
import json

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date

from lms.lrs.api.http import XAPIError, xapi_view
from lms.lrs.api.params import Params
from lms.lrs.documents import (
    DocumentError,
    DocumentScope,
    Precondition,
    PreconditionRule,
    activity_profile_scope,
    agent_profile_scope,
    document_delete,
    document_get,
    document_ids,
    document_post,
    document_put,
    documents_delete,
    state_scope,
)
from lms.lrs.identity import agent_key
from lms.lrs.models import Activity, KnownAgent, Scope

STATE = (Scope.STATE,)
PROFILE = (Scope.PROFILE,)
READ_ALL = (Scope.ALL_READ,)
V2 = "2.0.0"


def _rw(scopes):
    return {
        "GET": (*scopes, *READ_ALL),
        "PUT": scopes,
        "POST": scopes,
        "DELETE": scopes,
    }


def _method(request: HttpRequest) -> str:
    # 1.0.3 Part 3 §1.1: HEAD is answered as GET without the body.
    return "GET" if request.method == "HEAD" else request.method


@xapi_view(scopes_by_method=_rw(STATE))
def state(request: HttpRequest) -> HttpResponse:
    """1.0.3 Part 3 §2.3: activityId + agent [+ registration] [+ stateId]."""
    method = _method(request)
    allowed = {"activityId", "agent", "registration", "stateId"}
    if method == "GET":
        allowed.add("since")
    params = Params(request, allowed)
    activity_id = params.iri("activityId")
    agent = params.agent(version=request.xapi_version, allow_group=True)
    registration = params.registration()
    # PUT and POST name one document; GET and DELETE without stateId name them all.
    state_id = params.document_id("stateId", required=method in ("PUT", "POST"))
    _limit_launch_credential(
        request, agent=agent, registration=registration, check_registration=True
    )
    scope = _scope(
        lambda: state_scope(
            activity_id=activity_id, agent=agent, registration=registration
        )
    )
    # 2.0 §4.1.4 puts the State resource under the same concurrency rules as the
    # profiles (the 2.0 conformance suite expects 409); 1.0.3 §3.1.s3 exempts it.
    rule = (
        PreconditionRule.ON_EXISTING
        if request.xapi_version == V2
        else PreconditionRule.OPTIONAL
    )
    return _document_request(
        request,
        method,
        scope,
        state_id,
        params.since(version=request.xapi_version) if method == "GET" else None,
        rule,
    )


@xapi_view(scopes_by_method=_rw(PROFILE))
def activity_profile(request: HttpRequest) -> HttpResponse:
    """1.0.3 Part 3 §2.7: activityId [+ profileId]."""
    method = _method(request)
    allowed = {"activityId", "profileId"}
    if method == "GET":
        allowed.add("since")
    params = Params(request, allowed)
    activity_id = params.iri("activityId")
    profile_id = params.document_id("profileId", required=method != "GET")
    if request.lrs_credential.user_id is not None and method != "GET":
        # An activity profile is shared by every learner: content launched for one
        # learner may read it but not change it.
        raise XAPIError(
            403,
            "A learner's launch credential may read activity profiles, not change them.",
        )
    scope = activity_profile_scope(activity_id=activity_id)
    return _document_request(
        request,
        method,
        scope,
        profile_id,
        params.since(version=request.xapi_version) if method == "GET" else None,
        PreconditionRule.ALWAYS,
    )


@xapi_view(scopes_by_method=_rw(PROFILE))
def agent_profile(request: HttpRequest) -> HttpResponse:
    """1.0.3 Part 3 §2.6: agent [+ profileId]; the agent is an Agent, not a Group."""
    method = _method(request)
    allowed = {"agent", "profileId"}
    if method == "GET":
        allowed.add("since")
    params = Params(request, allowed)
    agent = params.agent(version=request.xapi_version, allow_group=False)
    profile_id = params.document_id("profileId", required=method != "GET")
    _limit_launch_credential(request, agent=agent)
    scope = _scope(lambda: agent_profile_scope(agent=agent))
    return _document_request(
        request,
        method,
        scope,
        profile_id,
        params.since(version=request.xapi_version) if method == "GET" else None,
        PreconditionRule.ALWAYS,
    )


def _scope(build) -> DocumentScope:
    try:
        return build()
    except DocumentError as error:
        raise XAPIError(error.status, error.message) from error


def _document_request(
    request: HttpRequest,
    method: str,
    scope: DocumentScope,
    document_id: str | None,
    since,
    rule: PreconditionRule,
) -> HttpResponse:
    precondition = Precondition.from_headers(
        request.headers.get("If-Match"), request.headers.get("If-None-Match")
    )
    try:
        if method == "GET":
            if document_id is None:
                return _ids_response(scope, since)
            return _single_get(scope, document_id, precondition)
        if method == "DELETE":
            if document_id is None:
                documents_delete(scope=scope)
            else:
                document_delete(
                    scope=scope, document_id=document_id, precondition=precondition
                )
            return HttpResponse(status=204)
        content = _body(request)
        content_type = request.META.get("CONTENT_TYPE") or None
        if method == "PUT":
            document_put(
                scope=scope,
                document_id=document_id,
                content=content,
                content_type=content_type,
                precondition=precondition,
                rule=rule,
            )
        else:
            document_post(
                scope=scope,
                document_id=document_id,
                content=content,
                content_type=content_type,
                precondition=precondition,
            )
        return HttpResponse(status=204)
    except DocumentError as error:
        raise XAPIError(error.status, error.message) from error


def _single_get(
    scope: DocumentScope, document_id: str, precondition: Precondition
) -> HttpResponse:
    document = document_get(scope=scope, document_id=document_id)
    if document is None:
        raise XAPIError(404, f"No document with id {document_id!r} here.")
    if precondition.if_match is not None and not (
        "*" in precondition.if_match or document.etag in precondition.if_match
    ):
        raise XAPIError(412, "If-Match: the document has another ETag.")
    etag = f'"{document.etag}"'
    last_modified = http_date(document.updated.timestamp())
    if precondition.if_none_match is not None and (
        "*" in precondition.if_none_match or document.etag in precondition.if_none_match
    ):
        # RFC 7232 §3.2: for GET a matching If-None-Match means "not modified".
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(
            bytes(document.content), content_type=document.content_type
        )
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    return response


def _ids_response(scope: DocumentScope, since) -> HttpResponse:
    ids, latest = document_ids(scope=scope, since=since)
    response = _json_with_etag(ids)
    if latest is not None:
        # 1.0.3 Part 3 §2.2.s6.b2: when the most recent of them was modified.
        response["Last-Modified"] = http_date(latest.timestamp())
    return response


def _json_with_etag(data) -> HttpResponse:
    """A JSON response with an ETag over its body (1.0.3 Part 3 §3.1.s4.b1-b2)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = f'"{hashlib.sha1(body).hexdigest()}"'  # noqa: S324 - the spec's ETag
    return response


def _body(request: HttpRequest) -> bytes:
    try:
        return request.body
    except RequestDataTooBig as error:
        raise XAPIError(413, "The document is larger than this LRS accepts.") from error


def _limit_launch_credential(
    request: HttpRequest,
    *,
    agent: dict,
    registration: str | None = None,
    check_registration: bool = False,
) -> None:
    """A learner's launch credential reaches only that learner's documents, and,
    when issued for a registration, only state within that registration."""
    credential = request.lrs_credential
    allowed_key = credential.learner_agent_key
    if allowed_key is None:
        return
    if agent_key(agent) != allowed_key:
        raise XAPIError(
            403,
            "agent: this launch credential may only use its own learner's documents.",
        )
    if check_registration and credential.registration is not None:
        if registration != str(credential.registration):
            raise XAPIError(
                403,
                "registration: this launch credential is limited to registration "
                f"{credential.registration}.",
            )


@xapi_view(
    scopes_by_method={
        "GET": (Scope.STATEMENTS_READ, Scope.PROFILE, *READ_ALL, Scope.DEFINE)
    }
)
def activities(request: HttpRequest) -> HttpResponse:
    """1.0.3 Part 3 §2.5: the canonical Activity; for an activity the LRS has no
    definition of, still an Activity object (§2.5.s2.b1)."""
    params = Params(request, {"activityId"})
    activity_id = params.iri("activityId")
    activity = Activity.objects.filter(activity_id=activity_id).first()
    result: dict = {"objectType": "Activity", "id": activity_id}
    if activity is not None and activity.definition:
        result["definition"] = activity.definition
    return _json_with_etag(result)


@xapi_view(scopes_by_method={"GET": (Scope.STATEMENTS_READ, Scope.PROFILE, *READ_ALL)})
def agents(request: HttpRequest) -> HttpResponse:
    """1.0.3 Part 3 §2.4: a Person object with what the LRS knows of the agent; for
    an unknown agent, just what the request gave (§2.4.s3.b3)."""
    params = Params(request, {"agent"})
    agent = params.agent(version=request.xapi_version, allow_group=False)
    key = agent_key(agent)
    allowed_key = request.lrs_credential.learner_agent_key
    if allowed_key is not None and key != allowed_key:
        raise XAPIError(
            403, "agent: this launch credential may only ask about its own learner."
        )
    known = KnownAgent.objects.filter(agent_key=key).first()
    return _json_with_etag(_person(agent, known))


def _person(agent: dict, known: KnownAgent | None) -> dict:
    """1.0.3 Part 3 §2.4.s5: each property an array, each occurring once."""
    names: list[str] = []
    sources = [agent] + ([known.agent] if known is not None else [])
    for source in sources:
        name = source.get("name")
        if isinstance(name, str) and name not in names:
            names.append(name)
    if known is not None:
        for name in known.names or []:
            if isinstance(name, str) and name not in names:
                names.append(name)
    person: dict = {"objectType": "Person"}
    if names:
        person["name"] = names
    # Both sources share one IFI (agents are keyed by it); the request's is canonical.
    for prop in ("mbox", "mbox_sha1sum", "openid", "account"):
        if prop in agent:
            value = agent[prop]
            if prop == "account":
                value = {"homePage": value["homePage"], "name": value["name"]}
            person[prop] = [value]
    return person
