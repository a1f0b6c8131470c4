"""The volume data command, with tiny numbers (the real run is for benchmarks)."""

import pytest
from django.core.management import call_command

from badges.models import Competence, EmployeeCompetence, FunctionRequirement
from lms.lrs.models import Statement, StatementActivity, StatementAgent
from lms.organisation.models import EmployeeProfile
from lms.reports.selectors import ReportFilters, report_scope_for, subjects_filtered

pytestmark = pytest.mark.django_db


def test_generates_and_deletes_volume_data(hr):
    call_command(
        "generate_volume_data",
        employees=40,
        competences=6,
        departments=3,
        functions=4,
        statements=250,
        batch=100,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    assert (
        EmployeeProfile.objects.filter(
            user__email__endswith="volume.zaakwijs.test"
        ).count()
        == 40
    )
    assert Competence.objects.filter(code__startswith="vol-").count() == 6
    assert FunctionRequirement.objects.filter(
        competence__code__startswith="vol-"
    ).exists()
    assert EmployeeCompetence.objects.filter(
        competence__code__startswith="vol-"
    ).exists()
    assert Statement.objects.count() == 250
    assert StatementAgent.objects.count() == 250
    assert StatementActivity.objects.count() == 250
    statement = Statement.objects.first()
    assert statement.payload["actor"]["account"]["name"]
    assert statement.actor_key
    # Managers exist, so the manager views have something to show.
    manager_profile = EmployeeProfile.objects.filter(manager__isnull=False).first()
    scope = report_scope_for(user=manager_profile.manager)
    assert scope is not None and not scope.everyone
    assert (
        subjects_filtered(
            scope=report_scope_for(user=hr), filters=ReportFilters()
        ).count()
        == 41
    )

    call_command("generate_volume_data", delete=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Statement.objects.exists()
    assert not Competence.objects.filter(code__startswith="vol-").exists()
    assert EmployeeProfile.objects.count() == 1
