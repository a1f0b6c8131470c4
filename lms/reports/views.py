"""The HR report pages (front end, at /rapportages/): the competence matrix with its
totals, one person's overview and evidence, compliance with assigned training,
charts, exports and the export log.

Every view starts with :func:`_scope`: HR and administrators see everyone, a manager
their own team, anyone else gets 403. The scope is the only way into the selectors.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from lms.reports import charts
from lms.reports.compliance import (
    compliance_overall,
    compliance_rows,
    compliance_totals,
)
from lms.reports.exports import Table, export_response
from lms.reports.forms import (
    ComplianceFilterForm,
    MatrixFilterForm,
    ReportFilterForm,
)
from lms.reports.models import VIEW_EXPORT_LOG, ExportLog
from lms.reports.selectors import (
    PAGE_SIZE,
    CellStatus,
    ReportScope,
    coverage_overall,
    coverage_summary,
    evidence_award,
    evidence_statements,
    matrix_competences,
    matrix_rows,
    person_report,
    report_scope_for,
    subject_for,
    subjects_filtered,
)
from lms.reports.services import export_log_record, training_reminders_send
from lms.reports.tables import (
    compliance_table,
    compliance_totals_table,
    coverage_table,
    matrix_table,
)


def _scope(request) -> ReportScope:
    scope = report_scope_for(user=request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _common(request, scope: ReportScope, section: str) -> dict:
    return {
        "scope": scope,
        "section": section,
        "query": _query_without_page(request),
        "can_see_export_log": request.user.has_perm(VIEW_EXPORT_LOG),
    }


@require_GET
def index(request):
    _scope(request)
    return redirect("reports:matrix")


# --- Competence matrix ---------------------------------------------------------------


@require_GET
def matrix(request):
    scope = _scope(request)
    now = timezone.now()
    form = MatrixFilterForm(request.GET or None, scope=scope)
    filters = form.filters()
    subjects = subjects_filtered(scope=scope, filters=filters, now=now)
    paginator = Paginator(
        subjects.select_related(
            "user", "department", "floor", "job_function", "manager"
        ),
        PAGE_SIZE,
    )
    page = paginator.get_page(request.GET.get("page"))
    competences = matrix_competences()
    rows = matrix_rows(
        profiles=list(page.object_list),
        competences=competences,
        now=now,
        expiring_days=filters.expiring_days,
    )
    totals = coverage_summary(
        subjects=subjects,
        now=now,
        expiring_days=filters.expiring_days,
        competences=competences,
    )
    by_competence = {t.key: t for t in totals["competence"]}
    context = {
        **_common(request, scope, "matrix"),
        "form": form,
        "filters": filters,
        "page": page,
        "rows": rows,
        "competences": competences,
        "competence_totals": [by_competence.get(c.pk) for c in competences],
        "competence_totals_list": totals["competence"],
        "department_totals": totals["department"],
        "function_totals": totals["job_function"],
        "overall": coverage_overall(totals["department"]),
        "CellStatus": CellStatus,
    }
    return render(request, "reports/matrix.html", context)


def _subject_or_404(request, scope: ReportScope, pk: int):
    profile = subject_for(scope=scope, pk=pk)
    if profile is None:
        raise Http404
    return profile


@require_GET
def person(request, pk: int, printable: bool = False):
    scope = _scope(request)
    profile = _subject_or_404(request, scope, pk)
    report = person_report(profile=profile)
    training = compliance_rows(
        subjects=scope.subjects().filter(pk=profile.pk), mandatory_only=False
    )
    context = {
        **_common(request, scope, "matrix"),
        "report": report,
        "profile": profile,
        "training": training,
        "today": timezone.localdate(),
        "CellStatus": CellStatus,
    }
    template = "reports/person_print.html" if printable else "reports/person.html"
    return render(request, template, context)


@require_GET
def evidence(request, pk: int, award: str):
    scope = _scope(request)
    profile = _subject_or_404(request, scope, pk)
    item = evidence_award(profile=profile, public_id=award)
    if item is None:
        raise Http404
    ids = [e.statement_id for e in item.evidence if e.statement_id]
    if item.award.statement_id:
        ids.append(item.award.statement_id)
    statements = evidence_statements(statement_ids=ids)
    evidence_rows = [
        (e, statements.get(str(e.statement_id)) if e.statement_id else None)
        for e in item.evidence
    ]
    return render(
        request,
        "reports/evidence.html",
        {
            **_common(request, scope, "matrix"),
            "profile": profile,
            "item": item,
            "evidence_rows": evidence_rows,
            "award_statement": statements.get(str(item.award.statement_id))
            if item.award.statement_id
            else None,
        },
    )


# --- Compliance ----------------------------------------------------------------------


def _compliance(request, scope: ReportScope, data):
    form = ComplianceFilterForm(data or None, scope=scope)
    filters = form.filters()
    rows = compliance_rows(
        subjects=subjects_filtered(scope=scope, filters=filters),
        due_soon_days=form.due_soon,
        mandatory_only=not form.with_optional,
    )
    if form.selected_item:
        rows = [r for r in rows if f"{r.kind}:{r.content_id}" == form.selected_item]
    if filters.status:
        rows = [r for r in rows if r.status == filters.status]
    return form, filters, rows


@require_GET
def compliance(request):
    scope = _scope(request)
    form, filters, rows = _compliance(request, scope, request.GET)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    department_totals = compliance_totals(rows, group="department")
    item_totals = compliance_totals(rows, group="item")
    return render(
        request,
        "reports/compliance.html",
        {
            **_common(request, scope, "compliance"),
            "form": form,
            "page": page,
            "department_totals": department_totals,
            "item_totals": item_totals,
            "overall": compliance_overall(department_totals),
            "status_labels": _status_headers(),
        },
    )


def _status_headers() -> list[str]:
    from lms.reports.compliance import ComplianceStatus

    return [str(ComplianceStatus.LABELS[s]) for s in ComplianceStatus.ORDER]


@require_POST
def compliance_remind(request):
    """Remind the people of the rows ticked (or every open row of the filtered
    list): recomputed here, within the viewer's scope, never taken from the form."""
    scope = _scope(request)
    _form, _filters, rows = _compliance(request, scope, request.POST)
    if request.POST.get("all") != "1":
        wanted = set(request.POST.getlist("row"))
        rows = [r for r in rows if r.key in wanted]
    reminded = training_reminders_send(actor=request.user, rows=rows)
    if reminded:
        messages.success(
            request,
            ngettext(
                "A reminder was sent to %(count)d person.",
                "A reminder was sent to %(count)d people.",
                reminded,
            )
            % {"count": reminded},
        )
    else:
        messages.warning(
            request,
            _("No reminder sent: select at least one person with open training."),
        )
    query = request.POST.get("query", "")
    url = reverse("reports:compliance")
    return HttpResponseRedirect(f"{url}?{query}" if query else url)


# --- Charts ----------------------------------------------------------------------------


@require_GET
def charts_view(request):
    scope = _scope(request)
    form = ReportFilterForm(request.GET or None, scope=scope)
    filters = form.filters()
    subjects = subjects_filtered(scope=scope, filters=filters)
    return render(
        request,
        "reports/charts.html",
        {
            **_common(request, scope, "charts"),
            "form": form,
            "coverage": charts.coverage_history(subjects=subjects),
            "completions": charts.completions_per_month(subjects=subjects),
            "badges": charts.badges_per_month(subjects=subjects),
        },
    )


# --- Exports -------------------------------------------------------------------------

EXPORT_TABLES = {
    "matrix",
    "departments",
    "functions",
    "competences",
    "compliance",
    "compliance-departments",
    "compliance-items",
    "chart-coverage",
    "chart-completions",
    "chart-badges",
}


def _table(request, scope: ReportScope, name: str) -> tuple[Table, dict]:
    now = timezone.now()
    if name.startswith("compliance"):
        form, filters, rows = _compliance(request, scope, request.GET)
        logged = {**filters.as_dict(), **form.extra_log()}
        logged.pop("expiring_days", None)
        if name == "compliance":
            return compliance_table(rows=rows), logged
        group = "department" if name == "compliance-departments" else "item"
        return compliance_totals_table(rows=rows, group=group), logged
    form = MatrixFilterForm(request.GET or None, scope=scope)
    filters = form.filters()
    if name == "matrix":
        return matrix_table(scope=scope, filters=filters, now=now), filters.as_dict()
    if name.startswith("chart-"):
        subjects = subjects_filtered(scope=scope, filters=filters, now=now)
        chart = {
            "chart-coverage": charts.coverage_history,
            "chart-completions": charts.completions_per_month,
            "chart-badges": charts.badges_per_month,
        }[name](subjects=subjects)
        return chart.table(), filters.as_dict()
    group = {
        "departments": "department",
        "functions": "job_function",
        "competences": "competence",
    }[name]
    table = coverage_table(scope=scope, filters=filters, now=now, group=group)
    return table, filters.as_dict()


@require_GET
def export(request, table: str, format: str):
    scope = _scope(request)
    if table not in EXPORT_TABLES or format not in ExportLog.Format.values:
        raise Http404
    built, logged_filters = _table(request, scope, table)
    export_log_record(
        user=request.user,
        scope=scope,
        report=table,
        format=format,
        filters=logged_filters,
    )
    return export_response(table=built, format=format)


@require_GET
def export_log(request):
    scope = _scope(request)
    if not request.user.has_perm(VIEW_EXPORT_LOG):
        raise PermissionDenied
    entries = ExportLog.objects.select_related("user").order_by("-created_at", "-pk")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/export_log.html",
        {**_common(request, scope, "log"), "page": page},
    )
