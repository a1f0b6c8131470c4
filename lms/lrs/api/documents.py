from django.http import HttpRequest, HttpResponse

from lms.lrs.api.http import XAPIError, xapi_view
from lms.lrs.models import Scope

STATE = (Scope.STATE,)
PROFILE = (Scope.PROFILE,)
READ_ALL = (Scope.ALL_READ,)


def _rw(scopes):
    return {
        "GET": (*scopes, *READ_ALL),
        "PUT": scopes,
        "POST": scopes,
        "DELETE": scopes,
    }


@xapi_view(scopes_by_method=_rw(STATE))
def state(request: HttpRequest) -> HttpResponse:
    raise XAPIError(501, "Not implemented yet.")


@xapi_view(scopes_by_method=_rw(PROFILE))
def activity_profile(request: HttpRequest) -> HttpResponse:
    raise XAPIError(501, "Not implemented yet.")


@xapi_view(scopes_by_method=_rw(PROFILE))
def agent_profile(request: HttpRequest) -> HttpResponse:
    raise XAPIError(501, "Not implemented yet.")


@xapi_view(
    scopes_by_method={
        "GET": (Scope.STATEMENTS_READ, Scope.PROFILE, *READ_ALL, Scope.DEFINE)
    }
)
def activities(request: HttpRequest) -> HttpResponse:
    raise XAPIError(501, "Not implemented yet.")


@xapi_view(scopes_by_method={"GET": (Scope.STATEMENTS_READ, Scope.PROFILE, *READ_ALL)})
def agents(request: HttpRequest) -> HttpResponse:
    raise XAPIError(501, "Not implemented yet.")
