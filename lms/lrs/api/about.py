from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from lms.lrs.api.http import (
    CORS_HEADERS,
    VERSION_HEADER,
    newest_version,
    supported_versions,
)


@csrf_exempt
@login_not_required
def about(request: HttpRequest) -> JsonResponse:
    """xAPI 1.0.3 Part 3 §2.3.6 / 2.0 §5.2.5: the one resource open without credentials."""
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        response = JsonResponse(
            {"error": {"code": 405, "message": "Only GET."}}, status=405
        )
    else:
        response = JsonResponse(
            {"version": sorted(supported_versions().values()), "extensions": {}}
        )
    response[VERSION_HEADER] = newest_version()
    for header, value in CORS_HEADERS.items():
        response[header] = value
    return response
