"""Compliance: the training HR assigned (courses ``Assignment``), per person and item.

The rules are those of the learner's own "Mijn leren" (``courses.selectors.my_learning``),
computed in bulk for everyone in the viewer's scope:

- an assignment reaches a person named in it, or everyone currently in its department
  or job function;
- several assignments of the same path or module make one item, with the earliest
  due date, mandatory if any of them says so;
- a module counts as completed when the person's latest attempt at it is completed;
  a path when all its live modules are; a module assignment of an unpublished module
  is left out, as on "Mijn leren".

On top of courses' statuses (completed, overdue, in progress, assigned) the report
tells apart *due soon* (not completed, due within ``due_soon_days``) and, for the
rest, *in progress* (started) or *not started*. ``tests/lms/reports/test_compliance.py``
checks that the two agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Assignment, Enrolment, LearningPathModule

DUE_SOON_DAYS_DEFAULT = 14


class ComplianceStatus:
    COMPLETED = "completed"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"

    ORDER = (OVERDUE, DUE_SOON, NOT_STARTED, IN_PROGRESS, COMPLETED)
    LABELS = {
        OVERDUE: _("Overdue"),
        DUE_SOON: _("Due soon"),
        NOT_STARTED: _("Not started"),
        IN_PROGRESS: _("In progress"),
        COMPLETED: _("Completed"),
    }

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(value, cls.LABELS[value]) for value in cls.ORDER]


@dataclass
class ComplianceRow:
    profile: object  # EmployeeProfile with user, department, floor, job_function
    kind: str  # "path" or "module"
    content_id: int
    title: str
    due_date: date
    mandatory: bool
    modules_total: int
    modules_completed: int
    started: bool
    finished_at: datetime | None
    status: str

    @property
    def key(self) -> str:
        """Identifies the row in the reminder form: user, kind and content."""
        return f"{self.profile.user_id}:{self.kind}:{self.content_id}"

    @property
    def status_label(self) -> str:
        return str(ComplianceStatus.LABELS[self.status])

    @property
    def completed_on_time(self) -> bool | None:
        if self.status != ComplianceStatus.COMPLETED or self.finished_at is None:
            return None
        return timezone.localdate(self.finished_at) <= self.due_date


@dataclass
class ComplianceTotal:
    key: int | None
    label: str
    counts: dict

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def completed_percent(self) -> float | None:
        if not self.total:
            return None
        return round(100 * self.count(ComplianceStatus.COMPLETED) / self.total, 1)

    @property
    def ordered_counts(self) -> list[int]:
        return [self.count(status) for status in ComplianceStatus.ORDER]


def item_status(
    *,
    completed: bool,
    started: bool,
    due_date: date,
    today: date,
    due_soon_days: int,
) -> str:
    if completed:
        return ComplianceStatus.COMPLETED
    days_left = (due_date - today).days
    if days_left < 0:
        return ComplianceStatus.OVERDUE
    if days_left <= due_soon_days:
        return ComplianceStatus.DUE_SOON
    return ComplianceStatus.IN_PROGRESS if started else ComplianceStatus.NOT_STARTED


def compliance_rows(
    *,
    subjects: QuerySet,
    today: date | None = None,
    due_soon_days: int = DUE_SOON_DAYS_DEFAULT,
    mandatory_only: bool = True,
) -> list[ComplianceRow]:
    """Every (person, item) for ``subjects``: a fixed number of queries."""
    today = today or timezone.localdate()
    assignments = list(
        Assignment.objects.active().select_related("path", "module").order_by("pk")
    )
    if not assignments:
        return []
    profiles = list(
        subjects.select_related("user", "department", "floor", "job_function")
    )
    if not profiles:
        return []
    by_user = {p.user_id: p for p in profiles}
    by_department: dict = defaultdict(list)
    by_function: dict = defaultdict(list)
    for profile in profiles:
        if profile.department_id:
            by_department[profile.department_id].append(profile.user_id)
        if profile.job_function_id:
            by_function[profile.job_function_id].append(profile.user_id)

    people = defaultdict(list)
    for assignment_id, user_id in Assignment.people.through.objects.filter(
        assignment__in=[a.pk for a in assignments if a.target_type == "persons"],
        user_id__in=subjects.values("user_id"),
    ).values_list("assignment_id", "user_id"):
        people[assignment_id].append(user_id)

    path_modules: dict[int, list[int]] = defaultdict(list)
    for path_id, module_id in (
        LearningPathModule.objects.filter(
            path__in={a.path_id for a in assignments if a.path_id}, module__live=True
        )
        .order_by("path", "sort_order", "pk")
        .values_list("path_id", "module_id")
    ):
        path_modules[path_id].append(module_id)

    # (user, kind, content) -> [assignments]
    given: dict[tuple[int, str, int], list[Assignment]] = defaultdict(list)
    T = Assignment.Target
    for assignment in assignments:
        if assignment.path_id:
            content = ("path", assignment.path_id)
        elif assignment.module.live:
            content = ("module", assignment.module_id)
        else:
            continue
        if assignment.target_type == T.DEPARTMENT:
            reached = by_department.get(assignment.department_id, [])
        elif assignment.target_type == T.FUNCTION:
            reached = by_function.get(assignment.job_function_id, [])
        else:
            reached = people.get(assignment.pk, [])
        for user_id in reached:
            given[(user_id, *content)].append(assignment)

    module_ids = {m for ids in path_modules.values() for m in ids} | {
        content_id for (_, kind, content_id) in given if kind == "module"
    }
    latest: dict[tuple[int, int], tuple[str, datetime | None]] = {}
    for user_id, module_id, status, finished_at in (
        Enrolment.objects.filter(
            user_id__in=subjects.values("user_id"), module_id__in=module_ids
        )
        .order_by("attempt")
        .values_list("user_id", "module_id", "status", "finished_at")
    ):
        latest[(user_id, module_id)] = (status, finished_at)

    rows = []
    for (user_id, kind, content_id), items in given.items():
        mandatory = any(a.mandatory for a in items)
        if mandatory_only and not mandatory:
            continue
        due = min(a.due_date for a in items)
        if kind == "path":
            modules = path_modules.get(content_id, [])
            title = items[0].path.title
        else:
            modules = [content_id]
            title = items[0].module.title
        states = [latest.get((user_id, m)) for m in modules]
        completed_flags = [
            s is not None and s[0] == Enrolment.Status.COMPLETED for s in states
        ]
        completed = bool(modules) and all(completed_flags)
        started = any(s is not None for s in states)
        finished = [s[1] for s in states if s is not None and s[1] is not None]
        rows.append(
            ComplianceRow(
                profile=by_user[user_id],
                kind=kind,
                content_id=content_id,
                title=str(title),
                due_date=due,
                mandatory=mandatory,
                modules_total=len(modules),
                modules_completed=sum(completed_flags),
                started=started,
                finished_at=max(finished) if finished else None,
                status=item_status(
                    completed=completed,
                    started=started,
                    due_date=due,
                    today=today,
                    due_soon_days=due_soon_days,
                ),
            )
        )
    rows.sort(
        key=lambda r: (
            ComplianceStatus.ORDER.index(r.status),
            r.due_date,
            r.profile.user.last_name.lower(),
            r.profile.user.first_name.lower(),
            r.profile.user_id,
            r.title,
        )
    )
    return rows


def assigned_items() -> list[tuple[str, str]]:
    """The paths and modules with an active assignment, for the item filter:
    ("path:<id>" or "module:<id>", title)."""
    seen = {}
    for assignment in Assignment.objects.active().select_related("path", "module"):
        if assignment.path_id:
            seen.setdefault(f"path:{assignment.path_id}", assignment.path.title)
        else:
            seen.setdefault(f"module:{assignment.module_id}", assignment.module.title)
    return sorted(seen.items(), key=lambda kv: str(kv[1]).lower())


def compliance_totals(
    rows: list[ComplianceRow], *, group: str
) -> list[ComplianceTotal]:
    """Counts per status per department (``group="department"``) or per item."""
    totals: dict = {}
    for row in rows:
        if group == "department":
            department = row.profile.department
            key = department.pk if department else None
            label = department.name if department else ""
        else:
            key = f"{row.kind}:{row.content_id}"
            label = row.title
        total = totals.setdefault(key, ComplianceTotal(key=key, label=label, counts={}))
        total.counts[row.status] = total.counts.get(row.status, 0) + 1
    return sorted(totals.values(), key=lambda t: (t.key is None, t.label.lower()))


def compliance_overall(totals: list[ComplianceTotal]) -> ComplianceTotal:
    counts: dict = {}
    for total in totals:
        for status, n in total.counts.items():
            counts[status] = counts.get(status, 0) + n
    return ComplianceTotal(key=None, label="", counts=counts)
