import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from lms.organisation.employee_import import employees_import
from lms.organisation.models import EmployeeProfile
from lms.organisation.services import EmployeeData, employee_upsert
from tests.factories import UserFactory, employee
from tests.lms.organisation.test_employee_import import (
    ELS,
    HEADER,
    csv_file,
    db_counts,
)


def test_error_line_numbers_count_quoted_values_that_span_lines(org):
    data = csv_file(
        HEADER,
        '"Els\nBakker",els.bakker@gemeente.test,Vergunningen,STK-3,Teamleider,',
        "Piet Post,niet-een-adres,Vergunningen,STK-3,Teamleider,",
    )
    report = employees_import(data=data, encoding="utf-8")
    assert [(e.line, e.column) for e in report.errors] == [(4, "email")]


def test_too_long_names_and_addresses_are_reported_not_crashed_on(org):
    before = db_counts()
    data = csv_file(
        HEADER,
        f"Jan {'x' * 151},jan@gemeente.test,Vergunningen,STK-3,Teamleider,",
        f"Els Bakker,{'e' * 250}@gemeente.test,Vergunningen,STK-3,Teamleider,",
    )
    report = employees_import(data=data, encoding="utf-8")
    assert [(e.line, e.column) for e in report.errors] == [(2, "name"), (3, "email")]
    assert db_counts() == before


def test_existing_account_without_profile_counts_as_updated(org):
    UserFactory(email="els.bakker@gemeente.test")
    report = employees_import(data=csv_file(HEADER, ELS), encoding="utf-8")
    assert report.created == []
    assert report.updated == ["els.bakker@gemeente.test"]


def test_a_manager_circle_is_refused_on_every_path(db):
    boss = employee().user
    worker = employee(manager=boss).user
    with pytest.raises(ValidationError):
        employee_upsert(
            data=EmployeeData(
                email=boss.email,
                first_name=boss.first_name,
                last_name=boss.last_name,
                manager=worker,
            )
        )
    assert EmployeeProfile.objects.get(user=boss).manager is None


def test_employee_changes_in_the_admin_are_in_the_history(
    client, hr, no_mfa_enforcement
):
    from django.urls import reverse

    profile = employee()
    client.force_login(hr)
    response = client.post(
        reverse("organisation_employeeprofile:edit", args=[profile.pk]),
        {
            "first_name": "Nieuwe",
            "last_name": "Naam",
            "email": profile.user.email,
            "department": profile.department_id,
            "floor": profile.floor_id,
            "job_function": profile.job_function_id,
            "manager": "",
            "roles": ["Medewerker"],
        },
    )
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(
        object_id=str(profile.pk), action="wagtail.edit"
    ).exists()
