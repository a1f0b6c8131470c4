"""Who may see which employee profiles: ``EmployeeProfile.objects.visible_to``."""

import pytest
from django.contrib.auth.models import AnonymousUser

from lms.accounts.roles import Role
from lms.organisation.models import EmployeeProfile
from tests.factories import FloorFactory, employee


@pytest.fixture
def colleagues(floor):
    """Two colleagues on the coached ``floor``, one on another floor."""
    other_floor = FloorFactory()
    return {
        "same_floor": [employee(floor=floor), employee(floor=floor)],
        "other_floor": employee(floor=other_floor),
    }


def visible(user) -> set[EmployeeProfile]:
    return set(EmployeeProfile.objects.visible_to(user))


def test_learner_sees_only_themselves(learner, colleagues):
    assert visible(learner) == {learner.profile}


def test_coach_sees_themselves_and_the_floors_they_coach(coach, learner, colleagues):
    assert visible(coach) == {
        coach.profile,
        learner.profile,
        *colleagues["same_floor"],
    }
    assert colleagues["other_floor"] not in visible(coach)


def test_coach_of_several_floors_sees_each_employee_once(coach, floor, colleagues):
    other_floor = colleagues["other_floor"].floor
    coach.profile.coached_floors.add(other_floor)

    profiles = list(EmployeeProfile.objects.visible_to(coach))

    assert len(profiles) == len(set(profiles)) == 4
    assert colleagues["other_floor"] in profiles


def test_floors_without_the_coach_role_show_nothing(floor, colleagues):
    # Left over from an earlier assignment: the role was taken away, the floors not.
    former_coach = employee(coached_floors=[floor]).user

    assert visible(former_coach) == {former_coach.profile}


def test_manager_sees_their_direct_reports(colleagues):
    manager = employee().user
    report = employee(manager=manager)
    employee(manager=report.user)  # a report of a report is not a direct report

    assert visible(manager) == {manager.profile, report}


def test_employee_does_not_see_their_manager(colleagues):
    manager = employee().user
    report = employee(manager=manager).user

    assert visible(report) == {report.profile}


@pytest.mark.parametrize("who", ["hr", "admin_user"])
def test_hr_and_administrators_see_everyone(request, who, learner, coach, colleagues):
    user = request.getfixturevalue(who)

    assert visible(user) == set(EmployeeProfile.objects.all())
    assert EmployeeProfile.objects.visible_to(user).count() == 6


def test_superuser_sees_everyone(colleagues):
    superuser = employee(user__is_superuser=True).user

    assert visible(superuser) == set(EmployeeProfile.objects.all())


@pytest.mark.parametrize("roles", [[], [Role.COACH], [Role.HR], [Role.ADMIN]], ids=str)
def test_inactive_user_sees_nobody(floor, colleagues, roles):
    user = employee(
        roles=roles,
        coached_floors=[floor] if Role.COACH in roles else [],
        user__is_active=False,
    ).user
    employee(manager=user)

    assert visible(user) == set()


def test_anonymous_visitor_sees_nobody(colleagues):
    assert visible(AnonymousUser()) == set()


def test_visible_to_can_be_combined_with_other_filters(coach, floor, colleagues):
    first = colleagues["same_floor"][0]

    narrowed = EmployeeProfile.objects.filter(user__email=first.user.email).visible_to(
        coach
    )

    assert list(narrowed) == [first]
