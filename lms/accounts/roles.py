"""Roles, and the one place where "may this user do that?" is answered.

A role is a Django group with a fixed name and a fixed set of permissions
(:data:`ROLE_PERMISSIONS`). Views and querysets ask :func:`user_has_role` or
``user.has_perm(...)`` with the permission constants below; nothing else knows
which role carries which permission.
"""

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # The value is the group name, shown as such in the Wagtail admin.
    LEARNER = "Medewerker", _("Employee")
    COACH = "ICT-expert", _("ICT expert")
    HR = "HR", _("HR adviser")
    EDITOR = "Redacteur", _("Editor")
    ADMIN = "Beheerder", _("Administrator")


# Roles that can see other people's data or change content: they must use 2FA.
STAFF_ROLES = frozenset({Role.COACH, Role.HR, Role.EDITOR, Role.ADMIN})

# Permission names, as used with ``user.has_perm``.
ACCESS_CMS = "wagtailadmin.access_admin"
MANAGE_ORGANISATION = "organisation.change_department"
VIEW_EMPLOYEES = "organisation.view_employeeprofile"
CHANGE_EMPLOYEES = "organisation.change_employeeprofile"
IMPORT_EMPLOYEES = "organisation.import_employees"
ASSIGN_STAFF_ROLES = "organisation.assign_staff_roles"
COACH_FLOOR = "organisation.coach_floor"
MANAGE_USERS = "accounts.change_user"

_ORGANISATION_MODELS = (
    "department", "building", "floor", "jobfunction", "employeeprofile",
)  # fmt: skip
_CRUD = ("add", "change", "delete", "view")
_ORGANISATION_CRUD = [
    f"organisation.{action}_{model}"
    for model in _ORGANISATION_MODELS
    for action in _CRUD
]
_MEDIA = [
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "delete", "choose")
]

# Learning paths (Wagtail snippets) and assigned training with due dates.
_LEARNING_PATHS = [f"courses.{action}_learningpath" for action in _CRUD]
_ASSIGNMENTS = [f"courses.{action}_assignment" for action in _CRUD]
# Practice scenarios of the sandbox (Wagtail snippets).
_SCENARIOS = [f"sandbox.{action}_scenario" for action in _CRUD]
# Importing a municipality's own zaaktypen (Catalogi API JSON) into the sandbox.
_ZAAKTYPEN_IMPORT = ["sandbox.add_zaaktype"]

# Coaching (lms/coaching): the access log and response figures; ICT experts'
# availability and stand-ins (Wagtail admin).
_COACHING = [
    "coaching.view_coachaccesslog",
    "coaching.view_help_metrics",
    *[f"coaching.{a}_{m}" for m in ("coachprofile", "coachabsence") for a in _CRUD],
]

# HR reports of everyone (lms/reports) and their export log.
_REPORTS = ["reports.view_reports", "reports.view_exportlog"]

# The competence framework, badge classes and awards (badges app, Wagtail admin).
# Awarding by hand is "add", revoking is "change" of a badge award.
AWARD_BADGES = "badges.add_badgeaward"
REVOKE_BADGES = "badges.change_badgeaward"
_BADGES = [
    f"badges.{action}_{model}"
    for model in (
        "competence", "proficiencylevel", "behaviouralindicator",
        "functionrequirement", "badgeclass", "badgecriterion",
    )
    for action in _CRUD
] + [AWARD_BADGES, REVOKE_BADGES, "badges.view_badgeaward"]  # fmt: skip

ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.LEARNER: [],
    Role.COACH: [COACH_FLOOR],
    Role.HR: [
        ACCESS_CMS,
        IMPORT_EMPLOYEES,
        *_ORGANISATION_CRUD,
        *_LEARNING_PATHS,
        *_ASSIGNMENTS,
        *_COACHING,
        *_REPORTS,
        *_BADGES,
    ],
    Role.EDITOR: [
        ACCESS_CMS,
        *_MEDIA,
        *_LEARNING_PATHS,
        *_SCENARIOS,
        *_ZAAKTYPEN_IMPORT,
    ],
    Role.ADMIN: [
        ACCESS_CMS,
        IMPORT_EMPLOYEES,
        ASSIGN_STAFF_ROLES,
        *_ORGANISATION_CRUD,
        *_MEDIA,
        *_LEARNING_PATHS,
        *_ASSIGNMENTS,
        *_COACHING,
        *_REPORTS,
        *_BADGES,
        *_SCENARIOS,
        *_ZAAKTYPEN_IMPORT,
        "accounts.add_user",
        "accounts.change_user",
        "accounts.delete_user",
        "accounts.view_user",
        "auth.view_group",
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailcore.view_site",
        # The Learning Record Store's credentials (Wagtail admin).
        "lrs.add_lrscredential",
        "lrs.change_lrscredential",
        # Forwarding statements to external LRSs (Wagtail admin).
        "lrs.add_forwardingendpoint",
        "lrs.change_forwardingendpoint",
        "lrs.delete_forwardingendpoint",
        "lrs.view_forwardingendpoint",
    ],
}

# Editors and administrators get these on the page tree root (Wagtail page permissions).
ROLE_PAGE_PERMISSIONS: dict[Role, list[str]] = {
    Role.EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.ADMIN: [
        "add_page", "change_page", "publish_page", "lock_page", "unlock_page",
        "delete_page",
    ],
}  # fmt: skip

# Roles that HR may hand out; the others (HR, Beheerder) need ASSIGN_STAFF_ROLES.
ROLES_GRANTABLE_BY_HR = frozenset({Role.LEARNER, Role.COACH, Role.EDITOR})


def user_roles(user) -> frozenset[Role]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_lms_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        user._lms_roles = cached
    return cached


def user_role_memberships(user) -> frozenset[Role]:
    """The roles the user's groups carry, whether or not the account is active.

    Only for showing and changing role assignments; access checks use
    :func:`user_roles`, which gives an inactive account no roles at all.
    """
    if user is None or user.pk is None:
        return frozenset()
    names = set(user.groups.values_list("name", flat=True))
    return frozenset(role for role in Role if role.value in names)


def user_has_role(user, *roles: Role) -> bool:
    """True when the user holds any of ``roles``."""
    return bool(user_roles(user).intersection(roles))


def user_must_use_mfa(user) -> bool:
    return user_has_role(user, *STAFF_ROLES) or bool(
        getattr(user, "is_superuser", False)
    )


def roles_grantable_by(user) -> frozenset[Role]:
    if user.has_perm(ASSIGN_STAFF_ROLES):
        return frozenset(Role)
    if user.has_perm(CHANGE_EMPLOYEES):
        return ROLES_GRANTABLE_BY_HR
    return frozenset()


def role_labels(roles: Iterable[Role]) -> list[str]:
    return [str(Role(role).label) for role in sorted(roles, key=list(Role).index)]
