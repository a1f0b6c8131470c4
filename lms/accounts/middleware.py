from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from lms.accounts.roles import user_must_use_mfa

# While 2FA is still to be set up, a staff member may only reach these: the
# account pages (to set it up or sign out), language switching and static files.
_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")


class StaffTwoFactorMiddleware:
    """Send staff roles to TOTP set-up until they have it (LMS_MFA_REQUIRED_FOR_STAFF)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_mfa(request):
            messages.warning(
                request,
                _(
                    "Your role gives access to colleagues' data. Set up two-factor "
                    "authentication with an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up_mfa(self, request) -> bool:
        if not settings.LMS_MFA_REQUIRED_FOR_STAFF:
            return False
        user = request.user
        if not user.is_authenticated or request.path.startswith(_ALLOWED_PREFIXES):
            return False
        return user_must_use_mfa(user) and not is_mfa_enabled(
            user, [Authenticator.Type.TOTP]
        )
