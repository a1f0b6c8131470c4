from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet

from lms.organisation.models import Department, EmployeeProfile, Floor

User = get_user_model()


def employee_profile_for(*, user) -> EmployeeProfile | None:
    return (
        EmployeeProfile.objects.select_related(
            "department", "floor__building", "job_function", "manager"
        )
        .filter(user=user)
        .first()
    )


def floor_coaches(*, floor: Floor | None) -> QuerySet:
    """The ICT experts a colleague on ``floor`` can turn to."""
    if floor is None:
        return User.objects.none()
    return User.objects.filter(profile__coached_floors=floor, is_active=True).order_by(
        "first_name", "last_name"
    )


@dataclass(frozen=True)
class FloorSummary:
    floor: Floor
    employee_count: int


def coached_floor_summaries(*, coach) -> list[FloorSummary]:
    floors = (
        Floor.objects.filter(coaches__user=coach)
        .select_related("building")
        .annotate(employee_count=Count("employees", distinct=True))
        .order_by("building__name", "number")
    )
    return [
        FloorSummary(floor=floor, employee_count=floor.employee_count)
        for floor in floors
    ]


@dataclass(frozen=True)
class OrganisationTotals:
    employees: int
    departments: int
    floors: int
    floors_without_coach: int


def organisation_totals() -> OrganisationTotals:
    return OrganisationTotals(
        employees=EmployeeProfile.objects.filter(user__is_active=True).count(),
        departments=Department.objects.count(),
        floors=Floor.objects.count(),
        floors_without_coach=Floor.objects.filter(coaches__isnull=True).count(),
    )
