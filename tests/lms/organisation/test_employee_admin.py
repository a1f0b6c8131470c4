"""Adding and editing employees through the Wagtail admin, as HR."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from lms.accounts.roles import Role, user_role_memberships
from lms.organisation.models import EmployeeProfile
from tests.factories import (
    DepartmentFactory,
    FloorFactory,
    JobFunctionFactory,
    employee,
)

User = get_user_model()

ADD_URL = "organisation_employeeprofile:add"
EDIT_URL = "organisation_employeeprofile:edit"
INDEX_URL = "organisation_employeeprofile:index"


@pytest.fixture
def hr_client(client, hr, no_mfa_enforcement):
    client.force_login(hr)
    return client


def form_data(profile: EmployeeProfile, **changes) -> dict:
    """What the edit form posts back for ``profile`` unchanged, plus ``changes``."""
    user = profile.user
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "department": profile.department_id or "",
        "floor": profile.floor_id or "",
        "job_function": profile.job_function_id or "",
        "manager": profile.manager_id or "",
        "roles": [role.value for role in user_role_memberships(user)],
        "coached_floors": [floor.pk for floor in profile.coached_floors.all()],
    }
    data.update(changes)
    return data


def state(profile: EmployeeProfile) -> tuple:
    """Everything the employee form can change, fresh from the database."""
    profile = EmployeeProfile.objects.select_related("user").get(pk=profile.pk)
    return (
        profile.user.first_name,
        profile.user.last_name,
        profile.user.email,
        profile.department_id,
        profile.floor_id,
        profile.job_function_id,
        profile.manager_id,
        user_role_memberships(profile.user),
        frozenset(profile.coached_floors.values_list("pk", flat=True)),
    )


def form_errors(response) -> dict:
    assert response.status_code == 200, "expected the form to be shown again"
    form = response.context["form"]
    assert form.errors
    return form.errors


def test_add_form_has_the_expected_fields(hr_client):
    response = hr_client.get(reverse(ADD_URL))

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {
        "first_name",
        "last_name",
        "email",
        "department",
        "floor",
        "job_function",
        "manager",
        "roles",
        "coached_floors",
    }
    # HR is not offered the roles only an administrator may grant.
    offered = {
        value for value, _label in response.context["form"].fields["roles"].choices
    }
    assert offered == {Role.LEARNER, Role.COACH, Role.EDITOR}


def test_hr_adds_an_employee(hr_client, floor):
    department = DepartmentFactory(name="Burgerzaken")
    function = JobFunctionFactory(name="Baliemedewerker")
    manager = employee().user
    users_before = User.objects.count()

    response = hr_client.post(
        reverse(ADD_URL),
        {
            "first_name": "Fatima",
            "last_name": "el Amrani",
            "email": "Fatima.ElAmrani@Gemeente.test",
            "department": department.pk,
            "floor": floor.pk,
            "job_function": function.pk,
            "manager": manager.pk,
            "roles": [Role.LEARNER.value],
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(INDEX_URL)
    assert User.objects.count() == users_before + 1
    profile = EmployeeProfile.objects.select_related("user").get(
        user__email="fatima.elamrani@gemeente.test"
    )
    assert (profile.user.first_name, profile.user.last_name) == ("Fatima", "el Amrani")
    assert profile.department == department
    assert profile.floor == floor
    assert profile.job_function == function
    assert profile.manager == manager
    assert user_role_memberships(profile.user) == {Role.LEARNER}
    assert not profile.user.has_usable_password()
    assert EmailAddress.objects.filter(
        user=profile.user, email="fatima.elamrani@gemeente.test", verified=False
    ).exists()


def test_hr_adds_an_ict_expert_with_floors(hr_client, floor):
    response = hr_client.post(
        reverse(ADD_URL),
        {
            "first_name": "Iris",
            "last_name": "Jansen",
            "email": "iris@gemeente.test",
            "roles": [Role.LEARNER.value, Role.COACH.value],
            "coached_floors": [floor.pk],
        },
    )

    assert response.status_code == 302
    profile = EmployeeProfile.objects.get(user__email="iris@gemeente.test")
    assert user_role_memberships(profile.user) == {Role.LEARNER, Role.COACH}
    assert list(profile.coached_floors.all()) == [floor]


def test_adding_an_ict_expert_without_floors_is_refused(hr_client):
    users_before = User.objects.count()

    response = hr_client.post(
        reverse(ADD_URL),
        {
            "first_name": "Iris",
            "last_name": "Jansen",
            "email": "iris@gemeente.test",
            "roles": [Role.LEARNER.value, Role.COACH.value],
        },
    )

    assert form_errors(response)
    # The account created on the way was rolled back with the refusal.
    assert User.objects.count() == users_before
    assert not User.objects.filter(email="iris@gemeente.test").exists()


def test_adding_an_existing_e_mail_address_is_refused(hr_client, learner):
    users_before = User.objects.count()

    response = hr_client.post(
        reverse(ADD_URL),
        {
            "first_name": "Dubbel",
            "last_name": "Ganger",
            "email": learner.email.upper(),
            "roles": [Role.LEARNER.value],
        },
    )

    assert "email" in form_errors(response)
    assert User.objects.count() == users_before
    learner.refresh_from_db()
    assert learner.first_name != "Dubbel"


def test_hr_edits_an_employee(hr_client, learner):
    profile = learner.profile
    department = DepartmentFactory(name="Belastingen")
    new_floor = FloorFactory()
    manager = employee().user

    response = hr_client.post(
        reverse(EDIT_URL, args=[profile.pk]),
        form_data(
            profile,
            last_name="Visser-de Boer",
            department=department.pk,
            floor=new_floor.pk,
            manager=manager.pk,
        ),
    )

    assert response.status_code == 302
    profile = EmployeeProfile.objects.select_related("user").get(pk=profile.pk)
    assert profile.user.last_name == "Visser-de Boer"
    assert profile.department == department
    assert profile.floor == new_floor
    assert profile.manager == manager
    assert user_role_memberships(profile.user) == {Role.LEARNER}


def test_edit_form_shows_the_employee(hr_client, coach, floor):
    response = hr_client.get(reverse(EDIT_URL, args=[coach.profile.pk]))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["email"] == coach.email
    assert set(form.initial["roles"]) == {Role.LEARNER.value, Role.COACH.value}


def test_hr_changes_an_employees_e_mail_address(hr_client, learner):
    profile = learner.profile
    users_before = User.objects.count()

    response = hr_client.post(
        reverse(EDIT_URL, args=[profile.pk]),
        form_data(profile, email="Nieuw.Adres@gemeente.test"),
    )

    assert response.status_code == 302
    # The same account gets the new address; no second employee appears.
    assert User.objects.count() == users_before
    assert (
        EmployeeProfile.objects.filter(user__email="nieuw.adres@gemeente.test").get()
        == profile
    )
    learner.refresh_from_db()
    assert learner.email == "nieuw.adres@gemeente.test"
    assert list(
        EmailAddress.objects.filter(user=learner).values_list("email", flat=True)
    ) == ["nieuw.adres@gemeente.test"]


def test_changing_to_someone_elses_e_mail_address_is_refused(hr_client, learner, coach):
    before = state(learner.profile)

    response = hr_client.post(
        reverse(EDIT_URL, args=[learner.profile.pk]),
        form_data(learner.profile, email=coach.email, first_name="Anders"),
    )

    assert "email" in form_errors(response)
    assert state(learner.profile) == before


def test_an_employee_cannot_be_their_own_manager(hr_client, learner):
    before = state(learner.profile)

    response = hr_client.post(
        reverse(EDIT_URL, args=[learner.profile.pk]),
        form_data(learner.profile, manager=learner.pk, first_name="Anders"),
    )

    assert form_errors(response)
    assert state(learner.profile) == before


def test_hr_cannot_grant_the_administrator_role(hr_client, learner):
    before = state(learner.profile)

    response = hr_client.post(
        reverse(EDIT_URL, args=[learner.profile.pk]),
        form_data(
            learner.profile,
            first_name="Anders",
            roles=[Role.LEARNER.value, Role.ADMIN.value],
        ),
    )

    assert "roles" in form_errors(response)
    assert state(learner.profile) == before
    assert Role.ADMIN not in user_role_memberships(learner)


def test_hr_cannot_add_an_administrator(hr_client):
    users_before = User.objects.count()

    response = hr_client.post(
        reverse(ADD_URL),
        {
            "first_name": "Baas",
            "last_name": "Boven",
            "email": "baas@gemeente.test",
            "roles": [Role.LEARNER.value, Role.ADMIN.value],
        },
    )

    assert "roles" in form_errors(response)
    assert User.objects.count() == users_before


def test_hr_cannot_take_the_administrator_role_away(hr_client, admin_user):
    profile = admin_user.profile
    before = state(profile)
    assert Role.ADMIN in before[7]

    response = hr_client.post(
        reverse(EDIT_URL, args=[profile.pk]),
        form_data(profile, first_name="Anders", roles=[Role.LEARNER.value]),
    )

    # The form shows the held role; the service refuses the change as a whole.
    assert form_errors(response)
    assert state(profile) == before


def test_hr_keeps_an_administrator_role_while_editing_other_fields(
    hr_client, admin_user
):
    profile = admin_user.profile

    response = hr_client.post(
        reverse(EDIT_URL, args=[profile.pk]),
        form_data(profile, last_name="Nieuwenhuis"),
    )

    assert response.status_code == 302
    admin_user.refresh_from_db()
    assert admin_user.last_name == "Nieuwenhuis"
    assert user_role_memberships(admin_user) == {Role.LEARNER, Role.ADMIN}


def test_edit_form_of_an_inactive_account_shows_its_roles(hr_client):
    profile = employee(roles=[Role.EDITOR], user__is_active=False)

    response = hr_client.get(reverse(EDIT_URL, args=[profile.pk]))

    assert response.status_code == 200
    initial = set(response.context["form"].initial["roles"])
    assert initial == {Role.LEARNER.value, Role.EDITOR.value}


def test_administrator_grants_the_hr_role(
    client, admin_user, learner, no_mfa_enforcement
):
    client.force_login(admin_user)

    response = client.post(
        reverse(EDIT_URL, args=[learner.profile.pk]),
        form_data(learner.profile, roles=[Role.LEARNER.value, Role.HR.value]),
    )

    assert response.status_code == 302
    assert user_role_memberships(learner) == {Role.LEARNER, Role.HR}
