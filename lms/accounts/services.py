from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from lms.accounts.roles import ROLE_PAGE_PERMISSIONS, ROLE_PERMISSIONS, Role

User = get_user_model()


def _permission(name: str) -> Permission:
    app_label, codename = name.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def role_groups_sync() -> None:
    """Make each role's group hold exactly the permissions the code gives it."""
    from wagtail.models import GroupPagePermission, Page

    # post_migrate fires per app; make sure every app's permissions exist first.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # Wagtail's migrations create "Moderators" and "Editors"; next to our roles
    # they only confuse, so they go as long as nobody has been put in them.
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()
    root = Page.get_first_root_node()
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.set([_permission(name) for name in ROLE_PERMISSIONS[role]])
        if root is None:
            continue
        wanted = set(ROLE_PAGE_PERMISSIONS.get(role, []))
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root, permission__codename__in=wanted
        ).delete()
        for codename in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=_permission(f"wagtailcore.{codename}"),
            )


@transaction.atomic
def user_roles_set(*, user, roles: set[Role]) -> None:
    """Give ``user`` exactly ``roles`` (every employee is at least a Medewerker)."""
    roles = set(roles) | {Role.LEARNER}
    role_groups = Group.objects.filter(name__in=[role.value for role in Role])
    user.groups.remove(*role_groups.exclude(name__in=[r.value for r in roles]))
    user.groups.add(*role_groups.filter(name__in=[r.value for r in roles]))
    user._lms_roles = None


@transaction.atomic
def user_email_address_ensure(*, user, verified: bool) -> None:
    """Keep allauth's e-mail address record in step with ``user.email``."""
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
    address, created = EmailAddress.objects.get_or_create(
        user=user,
        email=user.email,
        defaults={"primary": True, "verified": verified},
    )
    if not created and verified and not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
    if not address.primary:
        address.set_as_primary()
