from django.http import HttpRequest

from lms.lrs.api.http import XAPIError


def rewrite_alternate_request(request: HttpRequest, method: str) -> HttpRequest:
    raise XAPIError(400, "The alternate request syntax is not supported yet.")
