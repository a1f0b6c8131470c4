from functools import cached_property

from django.conf import settings


class _Navigation:
    """Links of the main navigation, looked up only when a template uses them."""

    @cached_property
    def catalogue_url(self) -> str | None:
        from courses.selectors import catalogue_url

        return catalogue_url()


def platform(request) -> dict:
    return {
        "LMS_ENVIRONMENT": settings.LMS_ENVIRONMENT,
        "LMS_IS_DEMO": settings.LMS_ENVIRONMENT == "development",
        "LMS_NAV": _Navigation(),
    }
