"""Local development and the demo started by ``make run``."""

from .base import *  # noqa: F403
from .base import env

LMS_ENVIRONMENT = "development"
DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str(
    "DJANGO_SECRET_KEY",
    default="dev-only-insecure-key-not-for-production-use-zaakwijs-local",
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
# The demo lets every role sign in straight away; production enforces it.
LMS_MFA_REQUIRED_FOR_STAFF = env.bool("LMS_MFA_REQUIRED_FOR_STAFF", default=False)
# whitenoise serves from the app folders in development; it wants the folder to exist.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
