"""What every xAPI resource shares: version negotiation, authentication and scope,
errors as JSON with a precise message, CORS, and the alternate request syntax."""

import functools
import json
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt

from lms.lrs.api.auth import AuthenticationFailed, credential_from_request

ALL_VERSIONS = {"1.0": "1.0.3", "2.0": "2.0.0"}


def supported_versions() -> dict[str, str]:
    """The versions this deployment speaks (settings.LRS_SUPPORTED_VERSIONS)."""
    return {
        major_minor: full
        for major_minor, full in ALL_VERSIONS.items()
        if full in settings.LRS_SUPPORTED_VERSIONS
    }


def newest_version() -> str:
    # An answer to a request that declared no (usable) version carries the newest
    # version spoken; a 1.0.3-only deployment therefore answers 1.0.3.
    return max(
        supported_versions().values(), key=lambda v: tuple(map(int, v.split(".")))
    )


VERSION_HEADER = "X-Experience-API-Version"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "HEAD, GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": (
        "Content-Type, Content-Length, Authorization, If-Match, If-None-Match, "
        "X-Experience-API-Version, X-Experience-API-Consistent-Through, Accept-Language"
    ),
    "Access-Control-Expose-Headers": (
        "ETag, Last-Modified, Cache-Control, Content-Type, Content-Length, WWW-Authenticate, "
        "X-Experience-API-Version, X-Experience-API-Consistent-Through"
    ),
}


class XAPIError(Exception):
    """Raised anywhere in a resource; becomes a JSON error response."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def negotiate_version(request: HttpRequest) -> str:
    """The full version to answer with, from the request's version header."""
    header = request.headers.get(VERSION_HEADER)
    if not header:
        raise XAPIError(400, f"Missing {VERSION_HEADER} header.")
    major_minor = ".".join(header.strip().split(".")[:2])
    version = supported_versions().get(major_minor)
    if version is None or not _is_version(header.strip()):
        spoken = " and ".join(
            f"{v.rsplit('.', 1)[0]}.x" for v in supported_versions().values()
        )
        raise XAPIError(
            400, f"Unsupported {VERSION_HEADER} {header!r}: this LRS speaks {spoken}."
        )
    return version


def _is_version(value: str) -> bool:
    parts = value.split(".")
    return 2 <= len(parts) <= 3 and all(p.isdigit() for p in parts)


def error_response(
    status: int, message: str, version: str | None = None
) -> HttpResponse:
    response = JsonResponse(
        {"error": {"code": status, "message": message}}, status=status
    )
    if status == 401:
        response["WWW-Authenticate"] = 'Basic realm="Zaakwijs LRS"'
    return _finish(response, version)


def _finish(response: HttpResponse, version: str | None) -> HttpResponse:
    response[VERSION_HEADER] = version or newest_version()
    for header, value in CORS_HEADERS.items():
        response[header] = value
    return response


def xapi_view(*, scopes_by_method: dict[str, tuple[str, ...]], versioned: bool = True):
    """Wrap a resource view: auth, scope, version header, CORS, errors.

    ``scopes_by_method`` maps an HTTP method to the scopes that allow it; the view
    gets ``request.lrs_credential`` and ``request.xapi_version``.
    """

    def decorator(view: Callable[..., HttpResponse]):
        @csrf_exempt
        @login_not_required
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            with translation.override(api_language(request)):
                return handle(request, *args, **kwargs)

        def handle(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "OPTIONS":
                return _finish(HttpResponse(status=204), None)
            version = None
            try:
                request = alternate_request_syntax(request)
                if versioned:
                    version = negotiate_version(request)
                if getattr(request, "xapi_alternate", False) and version == "2.0.0":
                    # IEEE 9274.1.1 (xAPI 2.0) removed the alternate request syntax.
                    raise XAPIError(
                        400,
                        "method: xAPI 2.0 has no alternate request syntax; send the "
                        "request with its own method, headers and query parameters.",
                    )
                request.xapi_version = version
                if request.method not in scopes_by_method and request.method != "HEAD":
                    raise XAPIError(
                        405, f"Method {request.method} is not allowed here."
                    )
                try:
                    request.lrs_credential = credential_from_request(request)
                except AuthenticationFailed as error:
                    raise XAPIError(401, str(error)) from error
                method = "GET" if request.method == "HEAD" else request.method
                if not request.lrs_credential.has_scope(*scopes_by_method[method]):
                    raise XAPIError(
                        403,
                        f"This credential lacks the scope for {request.method}: one of "
                        + ", ".join(scopes_by_method[method]),
                    )
                response = view(request, *args, **kwargs)
            except XAPIError as error:
                return error_response(error.status, error.message, version)
            if request.method == "HEAD":
                response.content = b""
            return _finish(response, version)

        return wrapper

    return decorator


def api_language(request: HttpRequest) -> str:
    """The language of error messages: what the client's Accept-Language prefers
    among Dutch and English, else English.

    Unlike the site (Dutch unless chosen otherwise), the xAPI endpoint is read by
    tools and their developers everywhere, so it follows HTTP content negotiation.
    """
    header = request.headers.get("Accept-Language", "")
    for tag, _quality in parse_accept_lang_header(header):
        base = tag.split("-")[0].lower()
        if base in ("nl", "en"):
            return base
    return "en"


def alternate_request_syntax(request: HttpRequest) -> HttpRequest:
    """xAPI 1.0.3 Part 3 §1.3: a POST with ``?method=PUT`` and the request's headers,
    parameters and content as form fields, for browsers that cannot send them."""
    method = request.GET.get("method")
    if method is None:
        return request
    # Imported here: alternate.py imports XAPIError from this module.
    from lms.lrs.api.alternate import rewrite_alternate_request

    return rewrite_alternate_request(request, method)


def json_body(request: HttpRequest):
    try:
        return json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        raise XAPIError(400, f"The request body is not valid JSON: {error}") from error
