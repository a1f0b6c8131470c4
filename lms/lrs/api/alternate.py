"""The alternate request syntax (xAPI 1.0.3 Part 3 §1.3), for browsers that can only
send GET and POST and cannot set headers (Internet Explorer's XDomainRequest).

``POST /xapi/statements?method=PUT`` with a form-encoded body carrying the request's
headers, its query parameters and its ``content`` is turned back into the request it
stands for before authentication, version negotiation and the resource see it.
xAPI 2.0 removed the syntax; ``xapi_view`` refuses it for a 2.0 request.
"""

from django.http import HttpRequest, QueryDict
from django.http.request import RawPostDataException

from lms.lrs.api.http import XAPIError

METHODS = ("GET", "PUT", "POST", "DELETE")
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
# §1.3.s3.b6: form parameters the LRS treats as headers, with their WSGI names.
HEADER_PARAMETERS = {
    "authorization": "HTTP_AUTHORIZATION",
    "x-experience-api-version": "HTTP_X_EXPERIENCE_API_VERSION",
    "content-type": "CONTENT_TYPE",
    "content-length": "CONTENT_LENGTH",
    "if-match": "HTTP_IF_MATCH",
    "if-none-match": "HTTP_IF_NONE_MATCH",
}
CONTENT_PARAMETER = "content"


def rewrite_alternate_request(request: HttpRequest, method: str) -> HttpRequest:
    """Turn an alternate-syntax request into the request it stands for.

    Marks it with ``request.xapi_alternate = True``.
    """
    if request.method != "POST":
        raise XAPIError(
            400,
            "method: the alternate request syntax must be sent as a POST "
            "(1.0.3 Part 3 §1.3.s3.b1).",
        )
    intended = method.upper()
    if intended not in METHODS:
        raise XAPIError(
            400,
            f"method: must be one of {', '.join(METHODS)}, got {method!r} "
            "(1.0.3 Part 3 §1.3.s3.b2).",
        )
    extra = sorted(name for name in request.GET if name != "method")
    if extra or len(request.GET.getlist("method")) > 1:
        raise XAPIError(
            400,
            "With the alternate request syntax the query string holds only 'method'; "
            f"send {', '.join(extra) or 'method'} as form parameters instead "
            "(1.0.3 Part 3 §1.3.s3.b3, b13).",
        )
    form = _form(request)

    meta = request.META
    query = QueryDict(mutable=True)
    content: str | None = None
    content_type: str | None = None
    for name, values in form.lists():
        if len(values) > 1:
            raise XAPIError(400, f"{name}: given more than once in the form.")
        value = values[0]
        header = HEADER_PARAMETERS.get(name.lower())
        if name == CONTENT_PARAMETER:
            content = value
        elif header == "CONTENT_TYPE":
            content_type = value
        elif header == "CONTENT_LENGTH":
            # Describes the content form parameter; the real length is recomputed.
            continue
        elif header is not None:
            meta[header] = value
        else:
            # §1.3.s3.b14: every other form parameter is a query parameter.
            query[name] = value

    # §1.3.s3.b5: the content is a UTF-8 string.
    body = (content or "").encode("utf-8")
    if content is not None and content_type is None:
        # Content without a Content-Type form parameter is, in practice, JSON
        # (statements); §1.3.s3.b10 only says the parameter SHOULD be sent.
        content_type = "application/json"
    meta["CONTENT_TYPE"] = content_type or ""
    meta["CONTENT_LENGTH"] = str(len(body))
    meta["QUERY_STRING"] = query.urlencode()
    meta["REQUEST_METHOD"] = intended

    request.method = intended
    query._mutable = False
    request.GET = query
    request._body = body
    for cached in ("_post", "_files", "headers"):
        request.__dict__.pop(cached, None)
    request._set_content_type_params(meta)
    request.xapi_alternate = True
    return request


def _form(request: HttpRequest) -> QueryDict:
    try:
        raw = request.body
    except RawPostDataException:
        return request.POST
    if not raw:
        return QueryDict()
    given_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if given_type != FORM_CONTENT_TYPE:
        raise XAPIError(
            400,
            f"Content-Type: an alternate-syntax request must be {FORM_CONTENT_TYPE}, "
            f"not {given_type or 'missing'!r} (1.0.3 Part 3 §1.3.s3.b9, §3.2.s3.b6).",
        )
    try:
        return QueryDict(raw, encoding="utf-8")
    except UnicodeDecodeError as error:
        raise XAPIError(400, "The form is not valid UTF-8.") from error
