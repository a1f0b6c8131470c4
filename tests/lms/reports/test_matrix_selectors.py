"""The matrix and its totals agree with EmployeeCompetence and FunctionRequirement."""

from datetime import timedelta

import pytest

from badges.models import EmployeeCompetence, FunctionRequirement
from lms.reports.models import ReportSubject
from lms.reports.selectors import (
    CellStatus,
    ReportFilters,
    coverage_overall,
    coverage_totals,
    matrix_competences,
    matrix_rows,
    report_scope_for,
    subjects_filtered,
)
from tests.factories import employee

pytestmark = pytest.mark.django_db


def _rows(scope, filters=None, now=None):
    filters = filters or ReportFilters()
    profiles = list(subjects_filtered(scope=scope, filters=filters, now=now))
    return matrix_rows(
        profiles=profiles,
        competences=matrix_competences(),
        now=now,
        expiring_days=filters.expiring_days,
    )


def _statuses(rows):
    return {
        row.profile.user.first_name: {c.competence.code: c.status for c in row.cells}
        for row in rows
    }


def test_cells_follow_levels_and_requirements(org, hr):
    scope = report_scope_for(user=hr)
    rows = _rows(scope, now=org.now)
    # Name order; the inactive account is not there.
    assert [r.profile.user.first_name for r in rows if r.profile.user != hr] == [
        "Eva",
        "Ben",
        "Sam",
        "Mia",
    ]
    statuses = _statuses(rows)
    assert statuses["Eva"] == {
        "zgw-intake": CellStatus.MET,
        "zgw-status": CellStatus.EXPIRING,
        "zgw-besluit": CellStatus.NOT_REQUIRED,
    }
    assert statuses["Ben"] == {
        "zgw-intake": CellStatus.NOT_REQUIRED,
        "zgw-status": CellStatus.GAP,
        "zgw-besluit": CellStatus.GAP,
    }
    # An expired level is no level.
    assert statuses["Sam"]["zgw-intake"] == CellStatus.GAP
    assert statuses["Sam"]["zgw-status"] == CellStatus.MET
    sam = next(r for r in rows if r.profile.user == org.sam)
    intake = sam.cells[0]
    assert intake.is_expired and intake.level is None and intake.recorded_level == 3
    # Inactive competences are no column.
    assert [c.code for c in matrix_competences()] == [
        "zgw-intake",
        "zgw-status",
        "zgw-besluit",
    ]


def test_every_cell_agrees_with_the_underlying_records(org, hr):
    """Recomputed independently from the two tables, cell by cell."""
    scope = report_scope_for(user=hr)
    rows = _rows(scope, now=org.now)
    for row in rows:
        for cell in row.cells:
            requirement = FunctionRequirement.objects.filter(
                job_function_id=row.profile.job_function_id, competence=cell.competence
            ).first()
            level = EmployeeCompetence.objects.filter(
                user_id=row.profile.user_id, competence=cell.competence
            ).first()
            valid = level is not None and (
                level.expires_at is None or level.expires_at > org.now
            )
            assert cell.required == (requirement.level if requirement else None)
            assert cell.level == (level.level if valid else None)
            if requirement is None:
                assert cell.status == CellStatus.NOT_REQUIRED
            elif not valid or level.level < requirement.level:
                assert cell.status == CellStatus.GAP
            else:
                assert cell.status in (CellStatus.MET, CellStatus.EXPIRING)


def test_expiring_window_is_a_filter(org, hr):
    scope = report_scope_for(user=hr)
    rows = _rows(scope, ReportFilters(expiring_days=5), now=org.now)
    assert _statuses(rows)["Eva"]["zgw-status"] == CellStatus.MET


def test_totals_per_department_function_and_competence(org, hr):
    scope = report_scope_for(user=hr)
    subjects = subjects_filtered(scope=scope, filters=ReportFilters())
    by_department = {
        t.label: t
        for t in coverage_totals(
            subjects=subjects, group="department", now=org.now, expiring_days=60
        )
    }
    vergunningen = by_department["Vergunningen"]
    # Eva 2 (+ the inactive competence, not counted), Ben 2; Mia none.
    assert (vergunningen.required, vergunningen.met, vergunningen.expiring) == (4, 2, 1)
    assert vergunningen.coverage == 50.0
    assert vergunningen.employees == 3
    kcc = by_department["KCC"]
    assert (kcc.required, kcc.met, kcc.gaps) == (2, 1, 1)
    by_function = {
        t.label: t
        for t in coverage_totals(
            subjects=subjects, group="job_function", now=org.now, expiring_days=60
        )
    }
    assert (
        by_function["Vergunningverlener"].required,
        by_function["Vergunningverlener"].met,
    ) == (4, 3)
    assert (
        by_function["Medewerker KCC"].required,
        by_function["Medewerker KCC"].met,
    ) == (2, 0)
    by_competence = {
        t.key: t
        for t in coverage_totals(
            subjects=subjects, group="competence", now=org.now, expiring_days=60
        )
    }
    assert (by_competence[org.c1.pk].required, by_competence[org.c1.pk].met) == (2, 1)
    assert (by_competence[org.c2.pk].required, by_competence[org.c2.pk].met) == (3, 2)
    assert (by_competence[org.c3.pk].required, by_competence[org.c3.pk].met) == (1, 0)


def test_totals_equal_the_sum_of_the_cells(org, hr):
    scope = report_scope_for(user=hr)
    rows = _rows(scope, now=org.now)
    subjects = subjects_filtered(scope=scope, filters=ReportFilters())
    overall = coverage_overall(
        coverage_totals(
            subjects=subjects, group="department", now=org.now, expiring_days=60
        )
    )
    assert overall.required == sum(r.required_count for r in rows)
    assert overall.met == sum(r.met_count for r in rows)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (lambda o: ReportFilters(department=o.kcc.pk), {"Sam"}),
        (lambda o: ReportFilters(floor=o.floor_1.pk), {"Mia", "Eva"}),
        (lambda o: ReportFilters(job_function=o.verlener.pk), {"Eva", "Sam"}),
        (lambda o: ReportFilters(manager=o.mia.pk), {"Eva", "Ben"}),
        (lambda o: ReportFilters(q="bakk"), {"Ben"}),
        (lambda o: ReportFilters(q="eva aalders"), {"Eva"}),
        (lambda o: ReportFilters(status="gap"), {"Ben", "Sam"}),
        (lambda o: ReportFilters(status="expiring"), {"Eva"}),
    ],
)
def test_filters(org, hr, filters, expected):
    scope = report_scope_for(user=hr)
    found = subjects_filtered(scope=scope, filters=filters(org), now=org.now)
    assert {p.user.first_name for p in found if p.user != hr} == expected


def test_scope_per_role(org, hr, admin_user, learner, coach, editor):
    assert report_scope_for(user=hr).everyone
    assert report_scope_for(user=admin_user).everyone
    for user in (learner, coach, editor, org.eva):
        assert report_scope_for(user=user) is None
    manager_scope = report_scope_for(user=org.mia)
    assert not manager_scope.everyone
    # The team only: not Mia herself, not Sam, not the inactive Ina.
    assert {p.user for p in manager_scope.subjects()} == {org.eva, org.ben}


def test_manager_of_a_manager_sees_only_direct_reports(org):
    boss = employee().user
    profile = org.mia.profile
    profile.manager = boss
    profile.save()
    assert {p.user for p in ReportSubject.objects.in_report_scope(boss)} == {org.mia}


def test_expired_level_with_higher_requirement_is_a_gap(org, hr):
    EmployeeCompetence.objects.filter(user=org.eva, competence=org.c1).update(
        expires_at=org.now - timedelta(seconds=1)
    )
    rows = _rows(report_scope_for(user=hr), now=org.now)
    assert _statuses(rows)["Eva"]["zgw-intake"] == CellStatus.GAP
