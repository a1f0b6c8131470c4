"""The report tables as exports see them: the same selectors as the pages, every
row (not one page), the page's filters applied."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from django.utils.translation import gettext as _

from lms.reports.compliance import (
    ComplianceRow,
    ComplianceStatus,
    compliance_overall,
    compliance_totals,
)
from lms.reports.exports import Table, chunked
from lms.reports.selectors import (
    CellStatus,
    ReportFilters,
    ReportScope,
    coverage_totals,
    matrix_competences,
    matrix_rows,
    subjects_filtered,
)


def status_label(status: str) -> str:
    return {
        CellStatus.MET: _("met"),
        CellStatus.EXPIRING: _("expiring soon"),
        CellStatus.GAP: _("gap"),
        CellStatus.NOT_REQUIRED: _("not required"),
    }[status]


def _person(profile) -> list:
    manager = profile.manager
    return [
        profile.user.get_full_name(),
        profile.user.email,
        profile.department.name if profile.department else "",
        profile.floor.code if profile.floor else "",
        profile.job_function.name if profile.job_function else "",
        (manager.get_full_name() or manager.email) if manager else "",
    ]


def _person_headers() -> list[str]:
    return [
        _("Name"),
        _("E-mail"),
        _("Department"),
        _("Floor"),
        _("Job function"),
        _("Manager"),
    ]


def matrix_table(*, scope: ReportScope, filters: ReportFilters, now: datetime) -> Table:
    competences = matrix_competences()
    headers = [*_person_headers(), _("Requirements"), _("Met"), _("Coverage (%)")]
    for competence in competences:
        headers += [
            _("%(code)s level") % {"code": competence.code},
            _("%(code)s required") % {"code": competence.code},
            _("%(code)s status") % {"code": competence.code},
        ]
    subjects = subjects_filtered(scope=scope, filters=filters, now=now)

    # Translated once, not once per cell.
    labels = {
        status: status_label(status)
        for status in (
            CellStatus.MET,
            CellStatus.EXPIRING,
            CellStatus.GAP,
            CellStatus.NOT_REQUIRED,
        )
    }

    def rows() -> Iterator[list]:
        pks = list(subjects.values_list("pk", flat=True))
        for chunk in chunked(pks):
            profiles = {
                p.pk: p
                for p in scope.subjects()
                .filter(pk__in=chunk)
                .select_related(
                    "user", "department", "floor", "job_function", "manager"
                )
            }
            ordered = [profiles[pk] for pk in chunk if pk in profiles]
            for row in matrix_rows(
                profiles=ordered,
                competences=competences,
                now=now,
                expiring_days=filters.expiring_days,
            ):
                values = [
                    *_person(row.profile),
                    row.required_count,
                    row.met_count,
                    row.coverage,
                ]
                for cell in row.cells:
                    values += [cell.level, cell.required, labels[cell.status]]
                yield values

    return Table(name="competentiematrix", headers=headers, rows=rows())


def coverage_table(
    *, scope: ReportScope, filters: ReportFilters, now: datetime, group: str
) -> Table:
    totals = coverage_totals(
        subjects=subjects_filtered(scope=scope, filters=filters, now=now),
        group=group,
        now=now,
        expiring_days=filters.expiring_days,
    )
    first = {
        "department": _("Department"),
        "job_function": _("Job function"),
        "competence": _("Competence"),
    }[group]
    headers = [
        first,
        _("Employees"),
        _("Requirements"),
        _("Met"),
        _("Of which expiring soon"),
        _("Gaps"),
        _("Coverage (%)"),
    ]
    rows = [
        [
            t.label or _("(none)"),
            t.employees if group != "competence" else None,
            t.required,
            t.met,
            t.expiring,
            t.gaps,
            t.coverage,
        ]
        for t in totals
    ]
    name = {
        "department": "dekking-per-afdeling",
        "job_function": "dekking-per-functie",
        "competence": "dekking-per-competentie",
    }[group]
    return Table(name=name, headers=headers, rows=rows)


def compliance_table(*, rows: list[ComplianceRow]) -> Table:
    headers = [
        *_person_headers(),
        _("Training"),
        _("Kind"),
        _("Mandatory"),
        _("Due date"),
        _("Status"),
        _("Modules completed"),
        _("Modules"),
        _("Finished at"),
    ]

    def values() -> Iterator[list]:
        for row in rows:
            yield [
                *_person(row.profile),
                row.title,
                _("learning path") if row.kind == "path" else _("module"),
                row.mandatory,
                row.due_date,
                row.status_label,
                row.modules_completed,
                row.modules_total,
                row.finished_at,
            ]

    return Table(name="verplichte-training", headers=headers, rows=values())


def compliance_totals_table(*, rows: list[ComplianceRow], group: str) -> Table:
    totals = compliance_totals(rows, group=group)
    overall = compliance_overall(totals)
    headers = [
        _("Department") if group == "department" else _("Training"),
        *[str(ComplianceStatus.LABELS[s]) for s in ComplianceStatus.ORDER],
        _("Total"),
        _("Completed (%)"),
    ]
    data = [
        [t.label or _("(none)"), *t.ordered_counts, t.total, t.completed_percent]
        for t in totals
    ]
    data.append(
        [_("Total"), *overall.ordered_counts, overall.total, overall.completed_percent]
    )
    name = (
        "training-per-afdeling" if group == "department" else "training-per-onderdeel"
    )
    return Table(name=name, headers=headers, rows=data)
