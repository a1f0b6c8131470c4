from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Accounts come from HR (by hand or CSV import), not from self sign-up.
        return settings.LMS_OPEN_SIGNUP
