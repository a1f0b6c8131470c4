from django.http import HttpRequest, HttpResponse

from lms.lrs.api.http import XAPIError, xapi_view
from lms.lrs.models import Scope

READ = (Scope.STATEMENTS_READ, Scope.STATEMENTS_READ_MINE, Scope.ALL_READ)
WRITE = (Scope.STATEMENTS_WRITE,)


@xapi_view(scopes_by_method={"GET": READ, "PUT": WRITE, "POST": WRITE})
def statements(request: HttpRequest) -> HttpResponse:
    raise XAPIError(501, "Not implemented yet.")
