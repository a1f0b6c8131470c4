"""Settings shared by every environment.

Every value is read from the environment here; ``dev``, ``test`` and ``production``
only choose safe defaults or refuse to start without the values that must be secret.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A developer's own overrides; never committed (see .env.example).
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"))

# --- Core -------------------------------------------------------------------
# Set by the settings module (dev, test, production), never by the environment.
LMS_ENVIRONMENT = "development"
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The public URL of this platform. It is the xAPI actor homePage and the base of
# activity ids, so it must never change once statements have been recorded.
LMS_BASE_URL = env.str("LMS_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = LMS_BASE_URL
WAGTAIL_SITE_NAME = "Zaakwijs"

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"
ASGI_APPLICATION = "lms.asgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Database ---------------------------------------------------------------
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
    ),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default lives in var/ (git-ignored); make sure it can be created.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL and a busy timeout keep the embedded database usable by the dev
    # server and a management command at the same time.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

# --- Cache (rate limits for sign-in live here) ------------------------------
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

# --- Applications -----------------------------------------------------------
INSTALLED_APPS = [
    # Platform core
    "lms.accounts",
    "lms.organisation",
    "lms.home",
    "lms.lrs",
    "lms.core",
    "lms.notifications",
    "lms.coaching",
    "lms.reports",
    # Feature apps
    "courses",
    "sandbox",
    "badges",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Kept so single sign-on (OIDC, SAML) can be added without touching users.
    "allauth.socialaccount",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Background tasks (Django's task framework, backported) stored in the database
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "lms.accounts.middleware.StaffTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.core.context_processors.platform",
            ],
        },
    },
]

# --- Authentication (django-allauth) ----------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "lms.accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Staff accounts are created by HR (by hand or CSV import); there is no open sign-up.
LMS_OPEN_SIGNUP = env.bool("LMS_OPEN_SIGNUP", default=False)
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Zaakwijs] "
# Failed sign-ins are throttled per IP address and per account (key = e-mail).
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("LMS_LOGIN_FAILED_RATE", default="10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Zaakwijs"
# Staff roles (ICT-expert, HR, Redacteur, Beheerder) must set up TOTP before
# they can do anything else. Off in the local demo so every role can sign in at once.
LMS_MFA_REQUIRED_FOR_STAFF = env.bool("LMS_MFA_REQUIRED_FOR_STAFF", default=True)
SOCIALACCOUNT_PROVIDERS: dict = {}

# --- Learning Record Store ---------------------------------------------------
# xAPI versions the LRS speaks; a deployment may offer only 1.0.3 (or only 2.0.0).
LRS_SUPPORTED_VERSIONS = env.list("LRS_SUPPORTED_VERSIONS", default=["1.0.3", "2.0.0"])

# --- Open Badges (badges/credentials) ---------------------------------------
# The issuer's Ed25519 private key (Multikey secretKeyMultibase "z…" or PKCS#8 PEM).
# Production refuses to start without it; development and tests generate one per
# install into var/badges-signing-key.txt. Generate: python -m badges.credentials.keys
LMS_BADGES_SIGNING_KEY = env.str("LMS_BADGES_SIGNING_KEY", default="")
# Public keys (publicKeyMultibase) of earlier signing keys, still listed in the DID
# document so credentials issued before a key rotation keep verifying.
LMS_BADGES_RETIRED_PUBLIC_KEYS = env.list("LMS_BADGES_RETIRED_PUBLIC_KEYS", default=[])
# The issuer's name and contact address in every badge (default: site name, sender).
LMS_BADGES_ISSUER_NAME = env.str("LMS_BADGES_ISSUER_NAME", default="")
LMS_BADGES_ISSUER_EMAIL = env.str("LMS_BADGES_ISSUER_EMAIL", default="")
# How many days before a badge expires its holder is warned (and may recertify).
BADGES_EXPIRY_WARNING_DAYS = env.int("BADGES_EXPIRY_WARNING_DAYS", default=30)

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "zaakwijs_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail -----------------------------------------------------------------
EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Zaakwijs <noreply@zaakwijs.test>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the token from the cookie.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN.

# --- Wagtail ----------------------------------------------------------------
WAGTAILADMIN_LOGIN_URL = "cms_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAIL_ENABLE_UPDATE_CHECK = False  # No network fetch at run time.
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAILUSERS_PASSWORD_ENABLED = False  # Passwords are set by the user via e-mail.

# --- Background tasks --------------------------------------------------------
# Tasks are rows in the database, run by `manage.py db_worker` (started by `make run`):
# no broker is needed. See README.md for running several workers.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# --- Forwarding statements to external LRSs (lms/lrs/forwarding.py) -----------
# Seconds to wait for an external LRS to answer one batch.
LRS_FORWARDING_TIMEOUT = env.float("LRS_FORWARDING_TIMEOUT", default=15.0)
# Back-off after a failed delivery: BASE, 2*BASE, 4*BASE ... seconds, at most MAX.
LRS_FORWARDING_BACKOFF_BASE = env.float("LRS_FORWARDING_BACKOFF_BASE", default=10.0)
LRS_FORWARDING_BACKOFF_MAX = env.float("LRS_FORWARDING_BACKOFF_MAX", default=3600.0)
# How long a gap in storage order may be an uncommitted write (PostgreSQL).
LRS_FORWARDING_SETTLE_SECONDS = env.float("LRS_FORWARDING_SETTLE_SECONDS", default=10.0)

# --- Logging ----------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # One line per background task run is noise, not information.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
