"""Reads for the learner's pages (and anyone who shows badges or levels)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from lms.organisation.models import EmployeeProfile, JobFunction

from .criteria import (
    BadgeEvaluation,
    CriterionResult,
    LearnerRecord,
    badge_evaluate,
    criterion_label,
    scenario_titles,
)
from .models import (
    BadgeAward,
    BadgeClass,
    BadgeCriterion,
    Competence,
    CompetenceSignOff,
    EmployeeCompetence,
    FunctionRequirement,
    ProficiencyLevel,
)

Kind = BadgeCriterion.Kind


# --- Badges -------------------------------------------------------------------------


@dataclass(frozen=True)
class EarnedBadge:
    award: BadgeAward
    status: str  # "valid", "expiring", "expired", "revoked"
    verify_url: str = ""
    image_url: str = ""

    @property
    def badge_class(self) -> BadgeClass:
        return self.award.badge_class


@dataclass(frozen=True)
class CriterionProgress:
    label: str
    met: bool
    best_score: Decimal | None = None
    link: str = ""  # where to do it (module page, practice environment)
    link_label: str = ""


@dataclass(frozen=True)
class BadgeProgress:
    badge_class: BadgeClass
    criteria: list[CriterionProgress]
    met_count: int
    needed: int
    renewal_of: BadgeAward | None = None
    image_url: str = ""

    @property
    def percent(self) -> int:
        return round(100 * self.met_count / self.needed) if self.needed else 0


@dataclass
class BadgeOverview:
    earned: list[EarnedBadge] = field(default_factory=list)
    in_progress: list[BadgeProgress] = field(default_factory=list)

    @property
    def valid_count(self) -> int:
        return sum(1 for e in self.earned if e.status in ("valid", "expiring"))


def award_status(award: BadgeAward, *, at: datetime | None = None) -> str:
    at = at or timezone.now()
    if award.revoked_at is not None:
        return "revoked"
    if award.is_expired(at):
        return "expired"
    from .services import expiry_warning_days

    if award.expires_at and award.expires_at <= at + timedelta(
        days=expiry_warning_days()
    ):
        return "expiring"
    return "valid"


def badge_image_url(badge_class: BadgeClass) -> str:
    """The uploaded image, else the one the credentials work generates, else none."""
    if badge_class.image:
        return badge_class.image.url
    try:
        return reverse(
            "badges:badge_class_image_svg", kwargs={"public_id": badge_class.public_id}
        )
    except NoReverseMatch:
        return ""


def verify_url(award: BadgeAward) -> str:
    """The public verification page, once the credentials work serves it."""
    try:
        return reverse("badges:verify", kwargs={"public_id": award.public_id})
    except NoReverseMatch:
        return ""


def _practice_url(slug: str) -> str:
    from sandbox.scenarios.selectors import scenario_start_url

    try:
        return scenario_start_url(slug)
    except NoReverseMatch:
        return reverse("sandbox:workspace_list")


def _criterion_progress(
    result: CriterionResult, titles: dict[str, str]
) -> CriterionProgress:
    from django.utils.translation import gettext as _

    criterion = result.criterion
    link, link_label = "", ""
    if not result.met:
        if criterion.kind in (Kind.MODULE_COMPLETED, Kind.MODULE_PASSED):
            module = criterion.module
            if module is not None and module.live:
                link, link_label = module.url or "", _("Go to the module")
        elif criterion.kind == Kind.SCENARIO_PASSED:
            link = _practice_url(criterion.scenario_slug)
            link_label = _("Practise the scenario")
        elif criterion.kind == Kind.SIGNOFF:
            link_label = _("Ask the ICT expert on your floor")
    return CriterionProgress(
        label=criterion_label(criterion, scenario_titles_by_slug=titles),
        met=result.met,
        best_score=result.best_score,
        link=link,
        link_label=link_label,
    )


def _badge_classes():
    return BadgeClass.objects.select_related("competence").prefetch_related(
        Prefetch(
            "criteria",
            queryset=BadgeCriterion.objects.select_related(
                "module", "competence", "required_badge"
            ),
        )
    )


def badge_progress_for(user) -> BadgeOverview:
    """The learner's badges: what they earned (valid, expiring, expired, revoked;
    the current award of each badge and earlier ones), and their progress toward the
    active badges they do not validly hold (including renewing one that expires)."""
    now = timezone.now()
    overview = BadgeOverview()
    awards = list(
        BadgeAward.objects.filter(recipient=user)
        .select_related("badge_class__competence")
        .order_by("-is_current", "-awarded_at")
    )
    current: dict[int, BadgeAward] = {}
    for award in awards:
        if award.is_current:
            current[award.badge_class_id] = award
        overview.earned.append(
            EarnedBadge(
                award=award,
                status=award_status(award, at=now),
                verify_url=verify_url(award),
                image_url=badge_image_url(award.badge_class),
            )
        )
    # Only current awards are listed; older (replaced) awards stay verifiable.
    overview.earned = [e for e in overview.earned if e.award.is_current]

    targets = []
    for badge_class in _badge_classes().filter(is_active=True):
        held = current.get(badge_class.pk)
        if held is not None and award_status(held, at=now) in ("valid", "revoked"):
            continue
        if not badge_class.criteria.all():
            continue
        targets.append((badge_class, held))
    if targets:
        record = LearnerRecord(user, badge_classes=[b for b, _held in targets])
        titles = scenario_titles(
            c.scenario_slug for b, _held in targets for c in b.criteria.all()
        )
        for badge_class, held in targets:
            evaluation: BadgeEvaluation = badge_evaluate(
                badge_class, record, since=held.awarded_at if held else None
            )
            overview.in_progress.append(
                BadgeProgress(
                    badge_class=badge_class,
                    criteria=[
                        _criterion_progress(r, titles) for r in evaluation.results
                    ],
                    met_count=evaluation.met_count,
                    needed=evaluation.needed,
                    renewal_of=held,
                    image_url=badge_image_url(badge_class),
                )
            )
        overview.in_progress.sort(
            key=lambda p: (-p.met_count / (p.needed or 1), p.badge_class.name)
        )
    return overview


# --- Competence profile ------------------------------------------------------------------


@dataclass(frozen=True)
class CompetenceRow:
    competence: Competence
    level: int  # 0: not shown yet
    level_name: str
    required: int | None
    required_name: str
    source: str  # "badge", "signoff" or ""
    expires_at: datetime | None
    badges: list[BadgeAward]
    signoffs: list[CompetenceSignOff]
    # Active badges that would close the gap (attest at least the required level).
    helpful: list[BadgeClass] = field(default_factory=list)

    @property
    def has_gap(self) -> bool:
        return self.required is not None and self.level < self.required

    @property
    def meets(self) -> bool:
        return self.required is not None and self.level >= self.required


@dataclass
class CompetenceProfile:
    job_function: JobFunction | None
    rows: list[CompetenceRow]

    @property
    def required_rows(self) -> list[CompetenceRow]:
        return [row for row in self.rows if row.required is not None]

    @property
    def other_rows(self) -> list[CompetenceRow]:
        return [row for row in self.rows if row.required is None and row.level]

    @property
    def gaps(self) -> list[CompetenceRow]:
        return [row for row in self.rows if row.has_gap]

    @property
    def categories(self) -> list[tuple[str, list[CompetenceRow]]]:
        grouped: dict[str, list[CompetenceRow]] = {}
        for row in self.required_rows:
            grouped.setdefault(row.competence.category, []).append(row)
        return list(grouped.items())


def competence_profile_for(user) -> CompetenceProfile:
    """Per competence: the learner's level (from valid badges and sign-offs, the
    EmployeeCompetence projection) against what their job function requires."""
    profile = (
        EmployeeProfile.objects.filter(user=user).select_related("job_function").first()
    )
    job_function = profile.job_function if profile else None
    required = (
        dict(
            FunctionRequirement.objects.filter(job_function=job_function).values_list(
                "competence_id", "level"
            )
        )
        if job_function
        else {}
    )
    levels = {
        row.competence_id: row for row in EmployeeCompetence.objects.filter(user=user)
    }
    names = {
        (level.competence_id, level.level): level.name
        for level in ProficiencyLevel.objects.all()
    }
    badges: dict[int, list[BadgeAward]] = {}
    for award in (
        BadgeAward.objects.valid()
        .filter(recipient=user, badge_class__competence__isnull=False)
        .select_related("badge_class")
    ):
        badges.setdefault(award.badge_class.competence_id, []).append(award)
    signoffs: dict[int, list[CompetenceSignOff]] = {}
    for signoff in CompetenceSignOff.objects.filter(
        learner=user, withdrawn_at__isnull=True
    ).select_related("coach"):
        signoffs.setdefault(signoff.competence_id, []).append(signoff)

    attesting: dict[int, list[BadgeClass]] = {}
    for badge_class in BadgeClass.objects.filter(
        is_active=True, competence__isnull=False
    ).order_by("level", "name"):
        attesting.setdefault(badge_class.competence_id, []).append(badge_class)

    rows = []
    for competence in Competence.objects.filter(is_active=True):
        held = levels.get(competence.pk)
        level = held.level if held else 0
        need = required.get(competence.pk)
        if need is None and not level:
            continue
        rows.append(
            CompetenceRow(
                competence=competence,
                level=level,
                level_name=names.get((competence.pk, level), "") if level else "",
                required=need,
                required_name=names.get((competence.pk, need), "") if need else "",
                source=held.source if held else "",
                expires_at=held.expires_at if held else None,
                badges=badges.get(competence.pk, []),
                signoffs=signoffs.get(competence.pk, []),
                helpful=[
                    b
                    for b in attesting.get(competence.pk, [])
                    if need is not None and level < need and b.level >= need
                ],
            )
        )
    return CompetenceProfile(job_function=job_function, rows=rows)
