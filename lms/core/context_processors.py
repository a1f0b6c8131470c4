from django.conf import settings


def platform(request) -> dict:
    return {
        "LMS_ENVIRONMENT": settings.LMS_ENVIRONMENT,
        "LMS_IS_DEMO": settings.LMS_ENVIRONMENT == "development",
    }
