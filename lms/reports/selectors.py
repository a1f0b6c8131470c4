"""Reads for the HR reports: the competence matrix, its totals and the per-person
overview with its evidence.

Every read starts from a :class:`ReportScope`, which only :func:`report_scope_for`
hands out and which draws its people from
``ReportSubject.objects.in_report_scope(viewer)``: HR and administrators see
everyone, a manager their own team, nobody else anything. Views cannot reach report
data without a scope, so none can forget the restriction.

The matrix is read from the projection ``EmployeeCompetence`` (current level per
person per competence, with its expiry) against ``FunctionRequirement`` (the level a
job function requires). A level counts while it has not expired; a requirement is
*met* when the valid level is at least the required one, *expiring* when it is met
but expires within ``expiring_days``, a *gap* otherwise.

Totals are computed in the database (grouped counts), so they cost the same few
queries for 50 or 5,000 employees; a matrix page reads a fixed number of queries
(tests/lms/reports/test_query_counts.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from badges.models import (
    AwardEvidence,
    BadgeAward,
    Competence,
    CompetenceSignOff,
    EmployeeCompetence,
    FunctionRequirement,
    ProficiencyLevel,
)
from lms.organisation.models import Department, EmployeeProfile, Floor, JobFunction
from lms.reports.models import VIEW_REPORTS, ReportSubject

User = get_user_model()

EXPIRING_DAYS_DEFAULT = 60
PAGE_SIZE = 50


# --- Who may see whom ------------------------------------------------------------


@dataclass(frozen=True)
class ReportScope:
    """The people a viewer may see in reports: everyone (HR, administrators) or
    their own team (a manager)."""

    viewer: object
    everyone: bool

    @property
    def label(self) -> str:
        return "all" if self.everyone else "team"

    def subjects(self) -> QuerySet[ReportSubject]:
        return ReportSubject.objects.in_report_scope(self.viewer)

    def user_ids(self) -> QuerySet:
        return self.subjects().values("user_id")


def report_scope_for(*, user) -> ReportScope | None:
    """None when ``user`` may not see reports at all (learners, coaches without a
    team)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if user.has_perm(VIEW_REPORTS):
        return ReportScope(viewer=user, everyone=True)
    if EmployeeProfile.objects.filter(manager=user, user__is_active=True).exists():
        return ReportScope(viewer=user, everyone=False)
    return None


NAV_CACHE_SECONDS = 300


def user_sees_reports(*, user) -> bool:
    """For the navigation link only (access is always checked live): HR and
    administrators by permission; whether someone manages a team is cached for a
    few minutes, so the site's pages do not pay a query for it on every request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.has_perm(VIEW_REPORTS):
        return True
    key = f"reports:manages-team:{user.pk}"
    manages = cache.get(key)
    if manages is None:
        manages = EmployeeProfile.objects.filter(
            manager=user, user__is_active=True
        ).exists()
        cache.set(key, manages, NAV_CACHE_SECONDS)
    return manages


# --- Filters -----------------------------------------------------------------------


class MatrixStatusFilter:
    ANY = ""
    GAP = "gap"
    EXPIRING = "expiring"


@dataclass(frozen=True)
class ReportFilters:
    department: int | None = None
    floor: int | None = None
    job_function: int | None = None
    manager: int | None = None
    q: str = ""
    status: str = ""
    expiring_days: int = EXPIRING_DAYS_DEFAULT

    def as_dict(self) -> dict:
        """For the export log and the query string (empty values left out)."""
        values = {
            "department": self.department,
            "floor": self.floor,
            "job_function": self.job_function,
            "manager": self.manager,
            "q": self.q,
            "status": self.status,
        }
        result = {k: v for k, v in values.items() if v not in (None, "")}
        if self.expiring_days != EXPIRING_DAYS_DEFAULT:
            result["expiring_days"] = self.expiring_days
        return result


def filter_options(*, scope: ReportScope) -> dict[str, QuerySet]:
    """The choices of the filter form: what occurs among the people in scope."""
    subjects = scope.subjects()
    return {
        "departments": Department.objects.filter(
            pk__in=subjects.values("department_id")
        ),
        "floors": Floor.objects.filter(
            pk__in=subjects.values("floor_id")
        ).select_related("building"),
        "job_functions": JobFunction.objects.filter(
            pk__in=subjects.values("job_function_id")
        ),
        "managers": User.objects.filter(pk__in=subjects.values("manager_id")).order_by(
            "last_name", "first_name", "pk"
        ),
    }


def _valid_at(at: datetime) -> Q:
    return Q(expires_at__isnull=True) | Q(expires_at__gt=at)


def subjects_filtered(
    *, scope: ReportScope, filters: ReportFilters, now: datetime | None = None
) -> QuerySet[ReportSubject]:
    """The people in scope that match the filters, in name order."""
    now = now or timezone.now()
    subjects = scope.subjects()
    if filters.department:
        subjects = subjects.filter(department_id=filters.department)
    if filters.floor:
        subjects = subjects.filter(floor_id=filters.floor)
    if filters.job_function:
        subjects = subjects.filter(job_function_id=filters.job_function)
    if filters.manager:
        subjects = subjects.filter(manager_id=filters.manager)
    if filters.q:
        for word in filters.q.split():
            subjects = subjects.filter(
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(user__email__icontains=word)
            )
    if filters.status in (MatrixStatusFilter.GAP, MatrixStatusFilter.EXPIRING):
        if filters.status == MatrixStatusFilter.GAP:
            # A requirement with no valid level that reaches it.
            holding = EmployeeCompetence.objects.filter(
                _valid_at(now),
                user=OuterRef(OuterRef("user")),
                competence=OuterRef("competence"),
                level__gte=OuterRef("level"),
            )
            wanted = FunctionRequirement.objects.filter(
                ~Exists(holding),
                job_function=OuterRef("job_function"),
                competence__is_active=True,
            )
        else:
            soon = now + timedelta(days=filters.expiring_days)
            holding = EmployeeCompetence.objects.filter(
                user=OuterRef(OuterRef("user")),
                competence=OuterRef("competence"),
                level__gte=OuterRef("level"),
                expires_at__gt=now,
                expires_at__lte=soon,
            )
            wanted = FunctionRequirement.objects.filter(
                Exists(holding),
                job_function=OuterRef("job_function"),
                competence__is_active=True,
            )
        subjects = subjects.filter(Exists(wanted))
    return subjects.order_by("user__last_name", "user__first_name", "pk")


# --- The matrix --------------------------------------------------------------------


class CellStatus:
    MET = "met"
    EXPIRING = "expiring"
    GAP = "gap"
    NOT_REQUIRED = "not_required"


def cell_status(
    *,
    level: int | None,
    expires_at: datetime | None,
    required: int | None,
    now: datetime,
    expiring_days: int,
) -> str:
    """The status of one person's competence against their function's requirement.
    ``level`` is the projection's level; an expired level counts as none."""
    if level is not None and expires_at is not None and expires_at <= now:
        level = None
    if required is None:
        return CellStatus.NOT_REQUIRED
    if level is None or level < required:
        return CellStatus.GAP
    if expires_at is not None and expires_at <= now + timedelta(days=expiring_days):
        return CellStatus.EXPIRING
    return CellStatus.MET


@dataclass(frozen=True)
class MatrixCell:
    competence: Competence
    level: int | None  # the valid level (None when none or expired)
    recorded_level: int | None  # what the projection says, expired or not
    required: int | None
    expires_at: datetime | None
    status: str

    @property
    def is_required(self) -> bool:
        return self.required is not None

    @property
    def is_expired(self) -> bool:
        return self.recorded_level is not None and self.level is None


@dataclass
class MatrixRow:
    profile: EmployeeProfile
    cells: list[MatrixCell]

    @property
    def required_count(self) -> int:
        return sum(1 for c in self.cells if c.is_required)

    @property
    def met_count(self) -> int:
        return sum(
            1 for c in self.cells if c.status in (CellStatus.MET, CellStatus.EXPIRING)
        )

    @property
    def gap_count(self) -> int:
        return sum(1 for c in self.cells if c.status == CellStatus.GAP)

    @property
    def coverage(self) -> float | None:
        return _percent(self.met_count, self.required_count)


def _percent(part: int, whole: int) -> float | None:
    return None if not whole else round(100 * part / whole, 1)


def matrix_competences() -> list[Competence]:
    return list(
        Competence.objects.filter(is_active=True).order_by("sort_order", "code")
    )


def matrix_rows(
    *,
    profiles: list[EmployeeProfile],
    competences: list[Competence],
    now: datetime,
    expiring_days: int,
) -> list[MatrixRow]:
    """Cells for the given people: two queries, whatever their number."""
    user_ids = [p.user_id for p in profiles]
    function_ids = {p.job_function_id for p in profiles if p.job_function_id}
    competence_ids = [c.pk for c in competences]
    levels = {
        (user_id, competence_id): (level, expires_at)
        for user_id, competence_id, level, expires_at in EmployeeCompetence.objects.filter(
            user_id__in=user_ids, competence_id__in=competence_ids
        ).values_list("user_id", "competence_id", "level", "expires_at")
    }
    required = {
        (function_id, competence_id): level
        for function_id, competence_id, level in FunctionRequirement.objects.filter(
            job_function_id__in=function_ids, competence_id__in=competence_ids
        ).values_list("job_function_id", "competence_id", "level")
    }
    rows = []
    for profile in profiles:
        cells = []
        for competence in competences:
            level, expires_at = levels.get(
                (profile.user_id, competence.pk), (None, None)
            )
            need = required.get((profile.job_function_id, competence.pk))
            status = cell_status(
                level=level,
                expires_at=expires_at,
                required=need,
                now=now,
                expiring_days=expiring_days,
            )
            expired = level is not None and expires_at is not None and expires_at <= now
            cells.append(
                MatrixCell(
                    competence=competence,
                    level=None if expired else level,
                    recorded_level=level,
                    required=need,
                    expires_at=expires_at,
                    status=status,
                )
            )
        rows.append(MatrixRow(profile=profile, cells=cells))
    return rows


# --- Totals -------------------------------------------------------------------------


@dataclass
class CoverageTotal:
    key: int | None
    label: str
    employees: int = 0
    required: int = 0
    met: int = 0
    expiring: int = 0

    @property
    def gaps(self) -> int:
        return self.required - self.met

    @property
    def coverage(self) -> float | None:
        return _percent(self.met, self.required)


GROUPS = ("department", "job_function", "competence")


def coverage_summary(
    *,
    subjects: QuerySet,
    now: datetime,
    expiring_days: int,
    competences: list[Competence] | None = None,
) -> dict[str, list[CoverageTotal]]:
    """Requirements met among ``subjects`` per department, per job function and per
    competence, in three grouped queries whatever the number of people: people per
    (department, function), the functions' requirements, and the valid levels that
    meet a requirement per (department, function, competence)."""
    soon = now + timedelta(days=expiring_days)
    people = list(
        subjects.order_by()
        .values("department_id", "job_function_id")
        .annotate(n=Count("pk"))
        .values_list("department_id", "job_function_id", "n")
    )
    requirements: dict = defaultdict(list)
    for function_id, competence_id in FunctionRequirement.objects.filter(
        competence__is_active=True,
        job_function_id__in={f for _d, f, _n in people if f is not None},
    ).values_list("job_function_id", "competence_id"):
        requirements[function_id].append(competence_id)
    met_rows = (
        EmployeeCompetence.objects.filter(
            _valid_at(now),
            user_id__in=subjects.values("user_id"),
            competence__is_active=True,
            competence__requirements__job_function=F("user__profile__job_function"),
            competence__requirements__level__lte=F("level"),
        )
        .order_by()
        .values(
            "user__profile__department_id",
            "user__profile__job_function_id",
            "competence_id",
        )
        .annotate(
            met=Count("pk"),
            expiring=Count("pk", filter=Q(expires_at__lte=soon)),
        )
        .values_list(
            "user__profile__department_id",
            "user__profile__job_function_id",
            "competence_id",
            "met",
            "expiring",
        )
    )

    totals: dict[str, dict] = {group: {} for group in GROUPS}

    def total(group: str, key) -> CoverageTotal:
        found = totals[group].get(key)
        if found is None:
            found = totals[group][key] = CoverageTotal(key=key, label="")
        return found

    for department_id, function_id, n in people:
        needed = requirements.get(function_id, [])
        for group, key in (
            ("department", department_id),
            ("job_function", function_id),
        ):
            item = total(group, key)
            item.employees += n
            item.required += n * len(needed)
        for competence_id in needed:
            item = total("competence", competence_id)
            # Per competence: the people whose function requires it.
            item.employees += n
            item.required += n
    for department_id, function_id, competence_id, met, expiring in met_rows:
        for group, key in (
            ("department", department_id),
            ("job_function", function_id),
            ("competence", competence_id),
        ):
            item = total(group, key)
            item.met += met
            item.expiring += expiring

    if competences is None:
        competences = list(Competence.objects.filter(pk__in=list(totals["competence"])))
    labels = {
        "department": dict(
            Department.objects.filter(pk__in=list(totals["department"])).values_list(
                "pk", "name"
            )
        ),
        "job_function": dict(
            JobFunction.objects.filter(pk__in=list(totals["job_function"])).values_list(
                "pk", "name"
            )
        ),
        "competence": {c.pk: f"{c.code} {c.name}" for c in competences},
    }
    result = {}
    for group in GROUPS:
        items = list(totals[group].values())
        for item in items:
            item.label = labels[group].get(item.key, "")
        if group == "competence":
            order = {pk: i for i, pk in enumerate(labels["competence"])}
            items.sort(key=lambda t: order.get(t.key, len(order)))
        else:
            items.sort(key=lambda t: (t.key is None, t.label.lower()))
        result[group] = items
    return result


def coverage_totals(
    *,
    subjects: QuerySet,
    group: str,
    now: datetime,
    expiring_days: int,
) -> list[CoverageTotal]:
    """One grouping of :func:`coverage_summary`."""
    summary = coverage_summary(subjects=subjects, now=now, expiring_days=expiring_days)
    return summary[group]


def coverage_overall(totals: list[CoverageTotal]) -> CoverageTotal:
    overall = CoverageTotal(key=None, label="")
    for total in totals:
        overall.employees += total.employees
        overall.required += total.required
        overall.met += total.met
        overall.expiring += total.expiring
    return overall


# --- One person ----------------------------------------------------------------------


@dataclass
class EvidenceAward:
    award: BadgeAward
    evidence: list[AwardEvidence]

    @property
    def state(self) -> str:
        if self.award.revoked_at is not None:
            return "revoked"
        if not self.award.is_current:
            return "replaced"
        if self.award.is_expired():
            return "expired"
        return "valid"


@dataclass
class PersonCompetence:
    cell: MatrixCell
    level_name: str
    required_name: str
    source: str
    achieved_at: datetime | None
    awards: list[EvidenceAward] = field(default_factory=list)
    signoffs: list[CompetenceSignOff] = field(default_factory=list)


@dataclass
class PersonReport:
    profile: EmployeeProfile
    row: MatrixRow
    competences: list[PersonCompetence]
    other_awards: list[EvidenceAward]

    @property
    def required(self) -> list[PersonCompetence]:
        return [c for c in self.competences if c.cell.is_required]

    @property
    def not_required(self) -> list[PersonCompetence]:
        return [c for c in self.competences if not c.cell.is_required]


def subject_for(*, scope: ReportScope, pk: int) -> EmployeeProfile | None:
    """One person, if in the viewer's scope."""
    return (
        scope.subjects()
        .select_related(
            "user", "department", "floor__building", "job_function", "manager"
        )
        .filter(pk=pk)
        .first()
    )


def person_report(
    *,
    profile: EmployeeProfile,
    now: datetime | None = None,
    expiring_days: int = EXPIRING_DAYS_DEFAULT,
) -> PersonReport:
    """Levels, requirements and the evidence behind them, for one person whose
    profile came from :func:`subject_for`."""
    now = now or timezone.now()
    competences = matrix_competences()
    (row,) = matrix_rows(
        profiles=[profile],
        competences=competences,
        now=now,
        expiring_days=expiring_days,
    )
    projection = {
        ec.competence_id: ec
        for ec in EmployeeCompetence.objects.filter(user_id=profile.user_id)
    }
    level_names = {
        (pl.competence_id, pl.level): pl.name for pl in ProficiencyLevel.objects.all()
    }
    awards_by_competence: dict = defaultdict(list)
    other_awards = []
    for award in (
        BadgeAward.objects.filter(recipient_id=profile.user_id)
        .select_related("badge_class__competence", "awarded_by")
        .prefetch_related("evidence__signoff", "evidence__criterion")
        .order_by("-awarded_at")
    ):
        item = EvidenceAward(award=award, evidence=list(award.evidence.all()))
        if award.badge_class.competence_id:
            awards_by_competence[award.badge_class.competence_id].append(item)
        else:
            other_awards.append(item)
    signoffs_by_competence: dict = defaultdict(list)
    for signoff in (
        CompetenceSignOff.objects.filter(learner_id=profile.user_id)
        .select_related("coach")
        .order_by("-observed_on", "-created_at")
    ):
        signoffs_by_competence[signoff.competence_id].append(signoff)

    result = []
    for cell in row.cells:
        cid = cell.competence.pk
        if not (
            cell.is_required
            or cell.recorded_level is not None
            or awards_by_competence.get(cid)
            or signoffs_by_competence.get(cid)
        ):
            continue
        ec = projection.get(cid)
        result.append(
            PersonCompetence(
                cell=cell,
                level_name=level_names.get((cid, cell.recorded_level), "")
                if cell.recorded_level
                else "",
                required_name=level_names.get((cid, cell.required), "")
                if cell.required
                else "",
                source=ec.get_source_display() if ec else "",
                achieved_at=ec.achieved_at if ec else None,
                awards=awards_by_competence.get(cid, []),
                signoffs=signoffs_by_competence.get(cid, []),
            )
        )
    return PersonReport(
        profile=profile, row=row, competences=result, other_awards=other_awards
    )


@dataclass
class StatementSummary:
    statement_id: str
    timestamp: datetime | None
    verb: str
    activity: str
    result: str


def evidence_award(*, profile: EmployeeProfile, public_id) -> EvidenceAward | None:
    award = (
        BadgeAward.objects.filter(recipient_id=profile.user_id, public_id=public_id)
        .select_related("badge_class__competence", "awarded_by", "revoked_by")
        .prefetch_related("evidence__signoff__coach", "evidence__criterion")
        .first()
    )
    if award is None:
        return None
    return EvidenceAward(award=award, evidence=list(award.evidence.all()))


def evidence_statements(*, statement_ids: list) -> dict[str, StatementSummary]:
    """The xAPI statements evidence points at, summarised for people."""
    from lms.lrs.models import Statement

    ids = [s for s in statement_ids if s]
    summaries = {}
    for statement_id, timestamp, payload in Statement.objects.filter(
        statement_id__in=ids
    ).values_list("statement_id", "timestamp", "payload"):
        summaries[str(statement_id)] = StatementSummary(
            statement_id=str(statement_id),
            timestamp=timestamp,
            verb=_display((payload.get("verb") or {}).get("display"))
            or (payload.get("verb") or {}).get("id", ""),
            activity=_display(
                ((payload.get("object") or {}).get("definition") or {}).get("name")
            )
            or (payload.get("object") or {}).get("id", ""),
            result=_result_text(payload.get("result") or {}),
        )
    return summaries


def _display(language_map) -> str:
    if not isinstance(language_map, dict) or not language_map:
        return ""
    for tag in ("nl", "nl-NL", "en", "en-US", "en-GB"):
        if tag in language_map:
            return str(language_map[tag])
    return str(next(iter(language_map.values())))


def _result_text(result: dict) -> str:
    parts = []
    scaled = (result.get("score") or {}).get("scaled")
    if isinstance(scaled, int | float):
        parts.append(f"{round(scaled * 100)}%")
    if result.get("success") is True:
        parts.append("✓")
    elif result.get("success") is False:
        parts.append("✗")
    return " ".join(parts)
