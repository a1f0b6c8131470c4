"""Query parameters of the document, Activities and Agents resources, checked as
xAPI 1.0.3 Part 3 §2.3-2.7 and §3.2 (and 2.0 §4.1.6) require: each error is a 400
naming the parameter and the rule it breaks."""

import json
from datetime import datetime

from django.http import HttpRequest

from lms.lrs.api.http import XAPIError
from lms.lrs.identity import IFI_PROPERTIES
from lms.lrs.validation import (
    StatementValidationError,
    is_iri,
    is_uuid,
    parse_timestamp,
    validate_agent,
)

# The columns that hold ids are this long; longer ids cannot be stored.
MAX_ID_LENGTH = 2048


class Params:
    """The query parameters of one request, refusing any the resource does not know.

    1.0.3 Part 3 §3.2.s3.b7-b8: parameters the LRS does not recognise, including
    known ones in another case, are rejected with 400.
    """

    def __init__(self, request: HttpRequest, allowed: set[str]):
        self.request = request
        for name in request.GET:
            if name not in allowed:
                raise XAPIError(
                    400,
                    f"Unknown parameter {name!r} for this resource and method; "
                    f"allowed: {', '.join(sorted(allowed))}.",
                )
            if len(request.GET.getlist(name)) > 1:
                raise XAPIError(400, f"{name}: may be given only once.")

    def get(self, name: str) -> str | None:
        return self.request.GET.get(name)

    def required(self, name: str) -> str:
        value = self.request.GET.get(name)
        if value is None:
            raise XAPIError(400, f"{name}: this parameter is required.")
        return value

    def iri(self, name: str) -> str:
        value = self.required(name)
        if len(value) > MAX_ID_LENGTH:
            raise XAPIError(
                400, f"{name}: longer than {MAX_ID_LENGTH} characters is not supported."
            )
        # The same IRI rule as in statements (RFC 3987, an absolute IRI).
        if not is_iri(value):
            raise XAPIError(
                400,
                f"{name}: must be an IRI with a scheme (e.g. https://...), got {value!r}.",
            )
        return value

    def document_id(self, name: str, *, required: bool) -> str | None:
        value = self.request.GET.get(name)
        if value is None:
            if required:
                raise XAPIError(400, f"{name}: this parameter is required.")
            return None
        if value == "":
            raise XAPIError(400, f"{name}: must not be empty.")
        if len(value) > MAX_ID_LENGTH:
            raise XAPIError(
                400, f"{name}: longer than {MAX_ID_LENGTH} characters is not supported."
            )
        return value

    def registration(self) -> str | None:
        value = self.request.GET.get("registration")
        if value is None:
            return None
        if not is_uuid(value):
            raise XAPIError(
                400,
                f"registration: must be a UUID (8-4-4-4-12 hex digits), got {value!r}.",
            )
        return value.lower()

    def since(self, *, version: str) -> datetime | None:
        value = self.request.GET.get("since")
        if value is None:
            return None
        # The Timestamp rules of statements: ISO 8601 in 1.0.3, RFC 3339 in 2.0.
        parsed = parse_timestamp(value, version=version)
        if parsed is None:
            raise XAPIError(
                400, f"since: must be an ISO 8601 timestamp, got {value!r}."
            )
        return parsed

    def agent(self, *, version: str, allow_group: bool) -> dict:
        """The ``agent`` parameter: an Agent as JSON, identified by exactly one IFI."""
        raw = self.required("agent")
        try:
            agent = json.loads(raw)
        except ValueError as error:
            raise XAPIError(400, f"agent: not valid JSON ({error}).") from error
        if not isinstance(agent, dict):
            raise XAPIError(400, "agent: must be a JSON object (an Agent).")
        if agent.get("objectType") == "Group" and not allow_group:
            raise XAPIError(
                400, "agent: must be an Agent, not a Group (1.0.3 Part 3 §2.4, §2.6)."
            )
        if agent.get("objectType", "Agent") not in ("Agent", "Group"):
            raise XAPIError(400, 'agent.objectType: must be "Agent".')
        try:
            validate_agent(agent, path="agent", version=version)
        except StatementValidationError as error:
            raise XAPIError(400, str(error)) from error
        _require_one_ifi(agent)
        return agent


def _require_one_ifi(agent: dict) -> None:
    """The agent must be usable as a document key (1.0.3 Data §2.4.2.1)."""
    present = [name for name in IFI_PROPERTIES if name in agent]
    if len(present) != 1:
        raise XAPIError(
            400,
            "agent: must have exactly one of mbox, mbox_sha1sum, openid, account"
            + (f" (has {', '.join(present)})." if present else "."),
        )
    value = agent[present[0]]
    if present[0] == "account":
        if not (
            isinstance(value, dict)
            and isinstance(value.get("homePage"), str)
            and isinstance(value.get("name"), str)
        ):
            raise XAPIError(
                400, "agent.account: must be an object with homePage and name strings."
            )
    elif not isinstance(value, str) or not value:
        raise XAPIError(400, f"agent.{present[0]}: must be a non-empty string.")
    elif present[0] == "mbox" and not value.lower().startswith("mailto:"):
        raise XAPIError(400, 'agent.mbox: must be a "mailto:" IRI.')
