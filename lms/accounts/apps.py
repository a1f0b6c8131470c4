from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from lms.accounts.signals import sync_roles_after_migrate

        # Connected to this app only; the handler creates every app's permissions
        # itself, because this app's post_migrate runs before most others'.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
