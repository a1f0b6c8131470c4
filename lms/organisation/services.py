from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lms.accounts.roles import Role, roles_grantable_by, user_role_memberships
from lms.accounts.services import user_email_address_ensure, user_roles_set
from lms.organisation.models import Department, EmployeeProfile, Floor, JobFunction

User = get_user_model()


@dataclass(frozen=True)
class EmployeeData:
    email: str
    first_name: str
    last_name: str
    department: Department | None = None
    floor: Floor | None = None
    job_function: JobFunction | None = None
    manager: "User | None" = None


@transaction.atomic
def employee_upsert(*, data: EmployeeData, user=None) -> tuple[EmployeeProfile, bool]:
    """Create or update the account and profile for ``data.email``.

    Pass ``user`` to update that account, whose e-mail address then becomes
    ``data.email``; otherwise the account is found by e-mail address.
    Returns the profile and whether it was created. A new account has no usable
    password: the employee sets one through "forgot password" (an invitation).
    """
    email = data.email.strip().lower()
    if user is None:
        user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(email=email)
        user.set_unusable_password()
    user.email = email
    user.first_name = data.first_name
    user.last_name = data.last_name
    user.save()
    user_email_address_ensure(user=user, verified=False)
    if created:
        user_roles_set(user=user, roles={Role.LEARNER})

    profile, _created = EmployeeProfile.objects.get_or_create(user=user)
    if data.manager is not None and _manages_indirectly(
        user=user, manager=data.manager
    ):
        raise ValidationError(
            _("%(manager)s cannot be the manager: they report to this employee.")
            % {"manager": data.manager}
            if data.manager.pk != user.pk
            else _("An employee cannot be their own manager.")
        )
    profile.department = data.department
    profile.floor = data.floor
    profile.job_function = data.job_function
    profile.manager = data.manager
    profile.full_clean(exclude=["user"])
    profile.save()
    return profile, created


def _manages_indirectly(*, user, manager) -> bool:
    """True if making ``manager`` the manager of ``user`` would close a circle."""
    seen = set()
    current = manager
    while current is not None and current.pk not in seen:
        if current.pk == user.pk:
            return True
        seen.add(current.pk)
        profile = (
            EmployeeProfile.objects.filter(user=current)
            .select_related("manager")
            .first()
        )
        current = profile.manager if profile else None
    return False


@transaction.atomic
def employee_roles_assign(
    *, actor, profile: EmployeeProfile, roles: set[Role], coached_floors: list[Floor]
) -> None:
    """Set an employee's roles and, for ICT experts, the floors they coach.

    HR may hand out the learner, ICT-expert and editor roles; only an
    administrator may grant or take away HR and Beheerder.
    """
    # Held roles, also of an inactive account: HR must not strip its HR/Beheerder.
    current = set(user_role_memberships(profile.user))
    grantable = roles_grantable_by(actor)
    changed = current.symmetric_difference(roles) - {Role.LEARNER}
    if not changed <= grantable:
        raise PermissionDenied(_("You may not change these roles."))
    if Role.COACH in roles and not coached_floors:
        raise ValidationError(_("An ICT expert must coach at least one floor."))
    if Role.COACH not in roles and coached_floors:
        raise ValidationError(_("Only ICT experts can be assigned floors to coach."))
    if (
        profile.user_id == actor.pk
        and Role.ADMIN in current
        and Role.ADMIN not in roles
    ):
        raise ValidationError(_("You cannot remove your own administrator role."))
    user_roles_set(user=profile.user, roles=roles)
    profile.coached_floors.set(coached_floors)
