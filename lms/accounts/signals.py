from allauth.account.signals import password_reset
from django.dispatch import receiver


def sync_roles_after_migrate(sender, **kwargs) -> None:
    from lms.accounts.services import role_groups_sync

    role_groups_sync()


@receiver(password_reset)
def confirm_email_on_password_reset(sender, request, user, **kwargs) -> None:
    # Resetting the password through the mailed link proves the employee controls
    # the address, so an imported employee needs one mail to get started, not two.
    from lms.accounts.services import user_email_address_ensure

    user_email_address_ensure(user=user, verified=True)
