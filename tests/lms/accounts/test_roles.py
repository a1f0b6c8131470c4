"""Roles: which group gives which permissions, and who may hand roles out."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from lms.accounts.roles import (
    ACCESS_CMS,
    ASSIGN_STAFF_ROLES,
    CHANGE_EMPLOYEES,
    COACH_FLOOR,
    IMPORT_EMPLOYEES,
    MANAGE_ORGANISATION,
    MANAGE_USERS,
    ROLE_PAGE_PERMISSIONS,
    ROLE_PERMISSIONS,
    ROLES_GRANTABLE_BY_HR,
    VIEW_EMPLOYEES,
    Role,
    roles_grantable_by,
    user_must_use_mfa,
    user_roles,
)
from lms.accounts.services import role_groups_sync
from lms.organisation.services import employee_roles_assign
from tests.factories import FloorFactory, employee

User = get_user_model()

ALL_ROLE_FIXTURES = ["learner", "coach", "hr", "editor", "admin_user"]
CHECKED_PERMISSIONS = [
    ACCESS_CMS,
    MANAGE_ORGANISATION,
    VIEW_EMPLOYEES,
    CHANGE_EMPLOYEES,
    IMPORT_EMPLOYEES,
    ASSIGN_STAFF_ROLES,
    COACH_FLOOR,
    MANAGE_USERS,
]
EXPECTED_PERMISSIONS = {
    "learner": set(),
    "coach": {COACH_FLOOR},
    "hr": {
        ACCESS_CMS,
        MANAGE_ORGANISATION,
        VIEW_EMPLOYEES,
        CHANGE_EMPLOYEES,
        IMPORT_EMPLOYEES,
    },
    "editor": {ACCESS_CMS},
    "admin_user": {
        ACCESS_CMS,
        MANAGE_ORGANISATION,
        VIEW_EMPLOYEES,
        CHANGE_EMPLOYEES,
        IMPORT_EMPLOYEES,
        ASSIGN_STAFF_ROLES,
        MANAGE_USERS,
    },
}


def group_names(user) -> set[str]:
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def fresh_roles(user) -> frozenset[Role]:
    return user_roles(User.objects.get(pk=user.pk))


def assert_refused(response) -> None:
    """Wagtail answers a refusal with 403, or by redirecting a user without admin
    access to the "no access" page and a user with it to the admin dashboard."""
    if response.status_code == 403:
        return
    assert response.status_code == 302
    assert response["Location"].split("?")[0] in {
        reverse("cms_login"),
        reverse("wagtailadmin_home"),
    }


# --- Permissions per role ---------------------------------------------------------


@pytest.mark.parametrize("who", ALL_ROLE_FIXTURES)
def test_permissions_per_role(request, who):
    user = request.getfixturevalue(who)

    granted = {perm for perm in CHECKED_PERMISSIONS if user.has_perm(perm)}

    assert granted == EXPECTED_PERMISSIONS[who]


@pytest.mark.parametrize(
    ("who", "roles"),
    [
        ("learner", {Role.LEARNER}),
        ("coach", {Role.LEARNER, Role.COACH}),
        ("hr", {Role.LEARNER, Role.HR}),
        ("editor", {Role.LEARNER, Role.EDITOR}),
        ("admin_user", {Role.LEARNER, Role.ADMIN}),
    ],
)
def test_roles_are_read_from_groups(request, who, roles):
    assert user_roles(request.getfixturevalue(who)) == roles


@pytest.mark.parametrize(
    ("who", "grantable"),
    [
        ("learner", frozenset()),
        ("coach", frozenset()),
        ("hr", ROLES_GRANTABLE_BY_HR),
        ("editor", frozenset()),
        ("admin_user", frozenset(Role)),
    ],
)
def test_roles_grantable_per_role(request, who, grantable):
    assert roles_grantable_by(request.getfixturevalue(who)) == grantable
    assert Role.HR not in ROLES_GRANTABLE_BY_HR
    assert Role.ADMIN not in ROLES_GRANTABLE_BY_HR


@pytest.mark.parametrize(
    ("who", "must"),
    [
        ("learner", False),
        ("coach", True),
        ("hr", True),
        ("editor", True),
        ("admin_user", True),
    ],
)
def test_staff_roles_must_use_two_factor_authentication(request, who, must):
    assert user_must_use_mfa(request.getfixturevalue(who)) is must


def test_inactive_user_has_no_roles_or_permissions(db):
    user = employee(roles=[Role.ADMIN], user__is_active=False).user

    assert user_roles(user) == frozenset()
    assert not user.has_perm(ACCESS_CMS)
    assert roles_grantable_by(user) == frozenset()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("learner", False),
        ("coach", False),
        ("hr", True),
        ("editor", True),
        ("admin_user", True),
    ],
)
def test_who_can_open_the_wagtail_admin(
    client, request, who, allowed, no_mfa_enforcement
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("wagtailadmin_home"))

    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("cms_login"))


def test_anonymous_visitor_of_the_admin_is_sent_to_sign_in(client, db):
    response = client.get(reverse("wagtailadmin_home"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200


def test_signed_in_learner_opening_the_admin_is_not_sent_round_in_circles(
    client, learner
):
    client.force_login(learner)

    response = client.get(reverse("wagtailadmin_home"), follow=True)

    assert response.status_code == 403
    assert len(response.redirect_chain) == 1


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("learner", False),
        ("coach", False),
        ("hr", True),
        ("editor", False),
        ("admin_user", True),
    ],
)
def test_who_can_open_the_employee_listing(
    client, request, who, allowed, no_mfa_enforcement
):
    user = request.getfixturevalue(who)
    colleague = employee()
    client.force_login(user)

    response = client.get(reverse("organisation_employeeprofile:index"))

    assert response.request["PATH_INFO"] == "/cms/organisation/employees/"
    if allowed:
        assert response.status_code == 200
        assert colleague.user.email in response.content.decode()
    else:
        assert_refused(response)


@pytest.mark.parametrize(
    ("who", "can_edit", "can_publish"),
    [
        ("learner", False, False),
        ("coach", False, False),
        ("hr", False, False),
        ("editor", True, True),
        ("admin_user", True, True),
    ],
)
def test_who_can_edit_pages(request, home_page, who, can_edit, can_publish):
    permissions = home_page.permissions_for_user(request.getfixturevalue(who))

    assert permissions.can_edit() is can_edit
    assert permissions.can_publish() is can_publish


@pytest.mark.parametrize("who", ["editor", "admin_user"])
def test_page_editing_comes_from_permissions_on_the_root(db, who):
    group = Group.objects.get(name=Role.EDITOR if who == "editor" else Role.ADMIN)

    on_root = GroupPagePermission.objects.filter(
        group=group, page=Page.get_first_root_node()
    ).values_list("permission__codename", flat=True)

    assert "change_page" in set(on_root)
    assert not GroupPagePermission.objects.filter(group=group).exclude(
        page=Page.get_first_root_node()
    )


@pytest.mark.parametrize(("who", "allowed"), [("editor", True), ("hr", False)])
def test_page_editor_opens_through_the_admin(
    client, request, home_page, who, allowed, no_mfa_enforcement
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))

    if allowed:
        assert response.status_code == 200
    else:
        assert_refused(response)


# --- Keeping the groups in step with the code ------------------------------------


def role_groups_state() -> dict[str, tuple[set[str], set[tuple[int, str]]]]:
    state = {}
    for group in Group.objects.filter(name__in=Role.values):
        permissions = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        page_permissions = set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", "permission__codename"
            )
        )
        state[group.name] = (permissions, page_permissions)
    return state


def expected_state() -> dict[str, tuple[set[str], set[tuple[int, str]]]]:
    root = Page.get_first_root_node()
    return {
        role.value: (
            set(ROLE_PERMISSIONS[role]),
            {(root.pk, codename) for codename in ROLE_PAGE_PERMISSIONS.get(role, [])},
        )
        for role in Role
    }


def test_groups_hold_exactly_the_permissions_the_code_gives(db):
    assert role_groups_state() == expected_state()


def test_role_groups_sync_is_idempotent(db, hr):
    role_groups_sync()
    first = role_groups_state()
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Permission.objects.count(),
    )

    role_groups_sync()

    assert role_groups_state() == first == expected_state()
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Permission.objects.count(),
    ) == counts
    assert Group.objects.filter(name=Role.HR).count() == 1
    assert Role.HR.value in group_names(hr)


def test_role_groups_sync_restores_changed_permissions(db, hr, editor, home_page):
    hr_group = Group.objects.get(name=Role.HR)
    hr_group.permissions.remove(
        Permission.objects.get(codename="import_employees"),
    )
    hr_group.permissions.add(
        Permission.objects.get(
            content_type__app_label="accounts", codename="delete_user"
        )
    )
    editor_group = Group.objects.get(name=Role.EDITOR)
    GroupPagePermission.objects.filter(
        group=editor_group, permission__codename="publish_page"
    ).delete()
    GroupPagePermission.objects.create(
        group=editor_group,
        page=home_page,
        permission=Permission.objects.get(codename="delete_page"),
    )
    assert role_groups_state() != expected_state()

    role_groups_sync()

    assert role_groups_state() == expected_state()
    # Nobody lost their role on the way.
    assert Role.HR.value in group_names(hr)
    assert Role.EDITOR.value in group_names(editor)
    fresh_hr = User.objects.get(pk=hr.pk)
    assert fresh_hr.has_perm(IMPORT_EMPLOYEES)
    assert not fresh_hr.has_perm("accounts.delete_user")


def test_role_groups_sync_recreates_a_deleted_group(db):
    Group.objects.filter(name=Role.EDITOR).delete()

    role_groups_sync()

    assert role_groups_state() == expected_state()


# --- Handing out roles -----------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "floors"),
    [
        ({Role.LEARNER, Role.COACH}, 1),
        ({Role.LEARNER, Role.EDITOR}, 0),
        ({Role.LEARNER, Role.COACH, Role.EDITOR}, 2),
    ],
)
def test_hr_may_grant_ict_expert_and_editor(db, hr, roles, floors):
    profile = employee()
    coached = FloorFactory.create_batch(floors)

    employee_roles_assign(
        actor=hr, profile=profile, roles=roles, coached_floors=coached
    )

    assert fresh_roles(profile.user) == roles
    assert set(profile.coached_floors.all()) == set(coached)


def test_hr_may_take_ict_expert_away(db, hr, coach):
    employee_roles_assign(
        actor=hr, profile=coach.profile, roles={Role.LEARNER}, coached_floors=[]
    )

    assert fresh_roles(coach) == {Role.LEARNER}
    assert not coach.profile.coached_floors.exists()


@pytest.mark.parametrize("role", [Role.HR, Role.ADMIN])
def test_hr_may_not_grant_hr_or_administrator(db, hr, role):
    profile = employee()

    with pytest.raises(PermissionDenied):
        employee_roles_assign(
            actor=hr, profile=profile, roles={Role.LEARNER, role}, coached_floors=[]
        )

    assert fresh_roles(profile.user) == {Role.LEARNER}


@pytest.mark.parametrize("role", [Role.HR, Role.ADMIN])
def test_hr_may_not_take_hr_or_administrator_away(db, hr, role):
    profile = employee(roles=[role])

    with pytest.raises(PermissionDenied):
        employee_roles_assign(
            actor=hr, profile=profile, roles={Role.LEARNER}, coached_floors=[]
        )

    assert fresh_roles(profile.user) == {Role.LEARNER, role}


def test_hr_may_not_take_administrator_away_from_an_inactive_account(db, hr):
    profile = employee(roles=[Role.ADMIN], user__is_active=False)

    with pytest.raises(PermissionDenied):
        employee_roles_assign(
            actor=hr, profile=profile, roles={Role.LEARNER}, coached_floors=[]
        )

    assert group_names(profile.user) == {Role.LEARNER.value, Role.ADMIN.value}


def test_hr_may_not_grant_a_role_in_passing(db, hr, floor):
    profile = employee()

    with pytest.raises(PermissionDenied):
        employee_roles_assign(
            actor=hr,
            profile=profile,
            roles={Role.LEARNER, Role.COACH, Role.ADMIN},
            coached_floors=[floor],
        )

    assert fresh_roles(profile.user) == {Role.LEARNER}
    assert not profile.coached_floors.exists()


@pytest.mark.parametrize("role", [Role.HR, Role.ADMIN])
def test_administrator_may_grant_and_take_away_hr_and_administrator(
    db, admin_user, role
):
    profile = employee()

    employee_roles_assign(
        actor=admin_user, profile=profile, roles={role}, coached_floors=[]
    )
    assert fresh_roles(profile.user) == {Role.LEARNER, role}

    employee_roles_assign(
        actor=admin_user, profile=profile, roles={Role.LEARNER}, coached_floors=[]
    )
    assert fresh_roles(profile.user) == {Role.LEARNER}


@pytest.mark.parametrize("who", ["learner", "coach", "editor"])
def test_other_roles_may_not_grant_anything(db, request, who):
    profile = employee()

    with pytest.raises(PermissionDenied):
        employee_roles_assign(
            actor=request.getfixturevalue(who),
            profile=profile,
            roles={Role.LEARNER, Role.EDITOR},
            coached_floors=[],
        )

    assert fresh_roles(profile.user) == {Role.LEARNER}


@pytest.mark.parametrize("who", ["hr", "admin_user"])
def test_ict_expert_without_floors_is_invalid(db, request, who):
    profile = employee()

    with pytest.raises(ValidationError):
        employee_roles_assign(
            actor=request.getfixturevalue(who),
            profile=profile,
            roles={Role.LEARNER, Role.COACH},
            coached_floors=[],
        )

    assert fresh_roles(profile.user) == {Role.LEARNER}


@pytest.mark.parametrize("who", ["hr", "admin_user"])
def test_floors_without_the_ict_expert_role_are_invalid(request, who, floor):
    profile = employee()

    with pytest.raises(ValidationError):
        employee_roles_assign(
            actor=request.getfixturevalue(who),
            profile=profile,
            roles={Role.LEARNER, Role.EDITOR},
            coached_floors=[floor],
        )

    assert fresh_roles(profile.user) == {Role.LEARNER}
    assert not profile.coached_floors.exists()


def test_administrator_cannot_remove_their_own_administrator_role(db, admin_user):
    with pytest.raises(ValidationError):
        employee_roles_assign(
            actor=admin_user,
            profile=admin_user.profile,
            roles={Role.LEARNER},
            coached_floors=[],
        )

    assert fresh_roles(admin_user) == {Role.LEARNER, Role.ADMIN}


def test_every_employee_stays_a_learner(db, admin_user):
    profile = employee(roles=[Role.EDITOR])

    employee_roles_assign(
        actor=admin_user, profile=profile, roles=set(), coached_floors=[]
    )

    assert fresh_roles(profile.user) == {Role.LEARNER}
