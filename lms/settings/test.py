"""Settings for the test suite: fast, isolated, nothing leaves the machine."""

import tempfile

from .base import *  # noqa: F403
from .base import env

LMS_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
LMS_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = LMS_BASE_URL
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="zaakwijs-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="zaakwijs-test-static-")
LMS_MFA_REQUIRED_FOR_STAFF = env.bool("LMS_MFA_REQUIRED_FOR_STAFF", default=True)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
