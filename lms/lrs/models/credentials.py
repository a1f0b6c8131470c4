import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.lrs.identity import agent_key
from lms.lrs.vocabulary import actor_for


class Scope(models.TextChoices):
    """xAPI 1.0.3 §4.1 (OAuth scope list), also used for Basic credentials."""

    STATEMENTS_WRITE = "statements/write", _("Write statements")
    STATEMENTS_READ_MINE = "statements/read/mine", _("Read own statements")
    STATEMENTS_READ = "statements/read", _("Read all statements")
    STATE = "state", _("Read and write state")
    DEFINE = "define", _("Define activities")
    PROFILE = "profile", _("Read and write profiles")
    ALL_READ = "all/read", _("Read everything")
    ALL = "all", _("Everything")


def _hash_secret(secret: str) -> str:
    # Secrets are 256-bit random tokens, not passwords: a fast hash is enough and
    # keeps Basic authentication cheap on every request.
    return hashlib.sha256(secret.encode()).hexdigest()


class LRSCredentialQuerySet(models.QuerySet):
    def usable(self) -> "LRSCredentialQuerySet":
        now = timezone.now()
        return self.filter(is_active=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class LRSCredential(models.Model):
    """A key and secret for HTTP Basic authentication to the xAPI endpoint."""

    name = models.CharField(_("name"), max_length=150)
    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    is_active = models.BooleanField(_("active"), default=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    # Launch credentials: content started by a learner may only act for that
    # learner (and, when set, within that registration).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lrs_launch_credentials",
        verbose_name=_("limited to learner"),
    )
    registration = models.UUIDField(_("limited to registration"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    objects = LRSCredentialQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("LRS credential")
        verbose_name_plural = _("LRS credentials")

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def new_key_and_secret() -> tuple[str, str]:
        # A secret never starts with "-": command-line clients would read it as an option.
        secret = secrets.token_urlsafe(32)
        while secret.startswith("-"):
            secret = secrets.token_urlsafe(32)
        return secrets.token_hex(16), secret

    def set_secret(self, secret: str) -> None:
        self.secret_hash = _hash_secret(secret)

    def check_secret(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_hash, _hash_secret(secret))

    def has_scope(self, *wanted: str) -> bool:
        return bool(set(self.scopes) & {*wanted, Scope.ALL})

    @property
    def learner_agent_key(self) -> str | None:
        """The agent a launch credential is limited to (its learner's xAPI actor);
        None for credentials that are not tied to a learner."""
        if self.user_id is None:
            return None
        return agent_key(actor_for(self.user))

    @property
    def authority(self) -> dict:
        """The Agent this credential asserts statements as (xAPI 1.0.3 §2.4.9)."""
        return {
            "objectType": "Agent",
            "name": self.name,
            "account": {"homePage": settings.LMS_BASE_URL, "name": f"lrs:{self.key}"},
        }
