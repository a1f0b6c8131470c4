"""Evaluating badge criteria from the record.

A criterion is met by what the platform itself recorded: xAPI statements in the LRS
(module completed or passed, practice scenario passed, with their scores), coaches'
sign-offs and badges held. Only the platform's own statements count (those stored by
its recording service, ``credential`` null): a launch credential of third-party
content cannot write a "passed" statement on a module or scenario and earn a badge
with it.

:class:`LearnerRecord` loads what one learner's record holds for a set of badges in a
few queries; :func:`badge_evaluate` weighs one badge against it. The same evaluation
serves the awarding engine (which keeps the evidence) and the learner's progress page
(which shows what is met and what is missing).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from lms.lrs import vocabulary
from lms.lrs.identity import agent_key
from lms.lrs.models import Statement

from .models import BadgeAward, BadgeClass, BadgeCriterion, CompetenceSignOff

Kind = BadgeCriterion.Kind

# The verbs a module or scenario criterion reads (FAILED only for "best so far").
_RESULT_VERBS = (
    vocabulary.COMPLETED.id,
    vocabulary.PASSED.id,
    vocabulary.FAILED.id,
)


def activity_prefix() -> str:
    return f"{settings.LMS_BASE_URL}/xapi/activities/"


def module_activity_id(module_id: int) -> str:
    return vocabulary.activity_iri("module", module_id)


def scenario_activity_id(slug: str) -> str:
    return vocabulary.activity_iri("scenario", slug)


def badge_activity_id(badge_class: BadgeClass) -> str:
    return vocabulary.activity_iri("badge", badge_class.public_id)


def activity_kind_and_id(activity_id: str) -> tuple[str, str] | None:
    """``("module", "12")`` for the platform's own activity ids, else None."""
    prefix = activity_prefix()
    if not activity_id.startswith(prefix):
        return None
    kind, _sep, stable = activity_id[len(prefix) :].partition("/")
    if not stable or "/" in stable:
        return None
    return kind, stable


def score_percent(result: dict | None) -> Decimal | None:
    """The result's score in percent (0–100), from ``scaled`` or ``raw``/``max``."""
    score = (result or {}).get("score") or {}
    try:
        if "scaled" in score:
            return (Decimal(str(score["scaled"])) * 100).quantize(Decimal("0.01"))
        if "raw" in score and score.get("max"):
            minimum = Decimal(str(score.get("min", 0)))
            span = Decimal(str(score["max"])) - minimum
            if span > 0:
                value = (Decimal(str(score["raw"])) - minimum) / span * 100
                return value.quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return None


@dataclass(frozen=True)
class RecordedResult:
    """One statement about a module or scenario, as far as criteria care."""

    statement_id: uuid.UUID
    verb_id: str
    activity_id: str
    stored: datetime
    score: Decimal | None
    success: bool | None

    @property
    def passed(self) -> bool:
        if self.verb_id == vocabulary.PASSED.id:
            return True
        # A scenario attempt may report its outcome as COMPLETED with success.
        return self.verb_id == vocabulary.COMPLETED.id and self.success is True


@dataclass(frozen=True)
class CriterionResult:
    criterion: BadgeCriterion
    met: bool
    statement_id: uuid.UUID | None = None
    signoff: CompetenceSignOff | None = None
    award: BadgeAward | None = None
    # The best score recorded so far (met or not), for the progress page.
    best_score: Decimal | None = None
    # Plain text, for the award's evidence (in the language active when evaluated).
    evidence: str = ""


@dataclass(frozen=True)
class BadgeEvaluation:
    badge_class: BadgeClass
    results: list[CriterionResult] = field(default_factory=list)

    @property
    def met_count(self) -> int:
        return sum(1 for result in self.results if result.met)

    @property
    def needed(self) -> int:
        """How many criteria must be met."""
        total = len(self.results)
        rule = self.badge_class.rule
        if rule == BadgeClass.Rule.ANY:
            return min(1, total)
        if rule == BadgeClass.Rule.N_OF:
            return min(self.badge_class.required_count or total, total)
        return total

    @property
    def is_met(self) -> bool:
        # A badge without machine criteria is only ever awarded by hand.
        return bool(self.results) and self.met_count >= self.needed


class LearnerRecord:
    """What one learner's record holds for the criteria of ``badge_classes``.

    ``since`` (per badge class id) limits the evidence to what was recorded after a
    moment: a recertification needs new evidence, not the evidence of the award it
    replaces.
    """

    def __init__(self, user, *, badge_classes: Iterable[BadgeClass]):
        self.user = user
        self.badge_classes = list(badge_classes)
        criteria = [
            criterion
            for badge_class in self.badge_classes
            for criterion in badge_class.criteria.all()
        ]
        activity_ids: set[str] = set()
        competence_ids: set[int] = set()
        for criterion in criteria:
            if criterion.kind in (Kind.MODULE_COMPLETED, Kind.MODULE_PASSED):
                if criterion.module_id:
                    activity_ids.add(module_activity_id(criterion.module_id))
            elif criterion.kind == Kind.SCENARIO_PASSED and criterion.scenario_slug:
                activity_ids.add(scenario_activity_id(criterion.scenario_slug))
            elif criterion.kind == Kind.SIGNOFF and criterion.competence_id:
                competence_ids.add(criterion.competence_id)

        self._results: dict[str, list[RecordedResult]] = defaultdict(list)
        if activity_ids:
            rows = (
                Statement.objects.not_voided()
                .filter(
                    actor_key=agent_key(vocabulary.actor_for(user)),
                    credential__isnull=True,
                    verb_id__in=_RESULT_VERBS,
                    object_activity_id__in=activity_ids,
                )
                .values_list(
                    "statement_id", "verb_id", "object_activity_id", "stored", "payload"
                )
            )
            for statement_id, verb_id, activity_id, stored, payload in rows:
                result = (payload or {}).get("result") or {}
                self._results[activity_id].append(
                    RecordedResult(
                        statement_id=statement_id,
                        verb_id=verb_id,
                        activity_id=activity_id,
                        stored=stored,
                        score=score_percent(result),
                        success=result.get("success"),
                    )
                )

        self._signoffs: dict[int, list[CompetenceSignOff]] = defaultdict(list)
        if competence_ids:
            for signoff in CompetenceSignOff.objects.filter(
                learner=user,
                competence_id__in=competence_ids,
                withdrawn_at__isnull=True,
            ).select_related("coach", "competence"):
                self._signoffs[signoff.competence_id].append(signoff)

        self._held = {
            award.badge_class_id: award
            for award in BadgeAward.objects.valid()
            .filter(recipient=user)
            .select_related("badge_class")
        }

    def results(self, activity_id: str) -> list[RecordedResult]:
        return self._results.get(activity_id, [])

    def signoffs(self, competence_id: int) -> list[CompetenceSignOff]:
        return self._signoffs.get(competence_id, [])

    def held(self, badge_class_id: int) -> BadgeAward | None:
        return self._held.get(badge_class_id)


def _best(results: list[RecordedResult]) -> RecordedResult | None:
    """The highest score, then the latest."""
    if not results:
        return None
    return max(
        results,
        key=lambda r: (r.score if r.score is not None else Decimal(-1), r.stored),
    )


def _score_text(score: Decimal | None) -> str:
    if score is None:
        return ""
    return " " + _("with a score of %(score)s%%") % {"score": f"{score.normalize():f}"}


def criterion_evaluate(
    criterion: BadgeCriterion,
    record: LearnerRecord,
    *,
    since: datetime | None = None,
) -> CriterionResult:
    kind = criterion.kind
    if kind in (Kind.MODULE_COMPLETED, Kind.MODULE_PASSED, Kind.SCENARIO_PASSED):
        if kind == Kind.SCENARIO_PASSED:
            if not criterion.scenario_slug:
                return CriterionResult(criterion, met=False)
            activity_id = scenario_activity_id(criterion.scenario_slug)
        else:
            if not criterion.module_id:
                return CriterionResult(criterion, met=False)
            activity_id = module_activity_id(criterion.module_id)
        recorded = [
            r for r in record.results(activity_id) if since is None or r.stored > since
        ]
        scored = [r for r in recorded if r.score is not None]
        best_score = max((r.score for r in scored), default=None)
        if kind == Kind.MODULE_COMPLETED:
            qualifying = [r for r in recorded if r.verb_id == vocabulary.COMPLETED.id]
        else:
            qualifying = [r for r in recorded if r.passed]
            if criterion.min_score is not None:
                qualifying = [
                    r
                    for r in qualifying
                    if r.score is not None and r.score >= criterion.min_score
                ]
        best = _best(qualifying)
        if best is None:
            return CriterionResult(criterion, met=False, best_score=best_score)
        return CriterionResult(
            criterion,
            met=True,
            statement_id=best.statement_id,
            best_score=best_score,
            evidence=criterion_label(criterion, done=True) + _score_text(best.score),
        )

    if kind == Kind.SIGNOFF:
        signoffs = [
            s
            for s in record.signoffs(criterion.competence_id)
            if s.level >= (criterion.level or 1)
            and (since is None or s.created_at > since)
        ]
        if not signoffs:
            return CriterionResult(criterion, met=False)
        signoff = max(signoffs, key=lambda s: (s.level, s.created_at))
        return CriterionResult(
            criterion,
            met=True,
            signoff=signoff,
            statement_id=signoff.statement_id,
            evidence=_(
                "%(coach)s signed off %(competence)s at level %(level)s on %(date)s"
            )
            % {
                "coach": signoff.coach.get_full_name() or _("a coach"),
                "competence": signoff.competence.name,
                "level": signoff.level,
                "date": signoff.observed_on.isoformat(),
            },
        )

    if kind == Kind.BADGE_HELD:
        award = record.held(criterion.required_badge_id)
        if award is None:
            return CriterionResult(criterion, met=False)
        return CriterionResult(
            criterion,
            met=True,
            award=award,
            statement_id=award.statement_id,
            evidence=_("Holds the badge “%(badge)s”") % {"badge": award.badge_class},
        )
    return CriterionResult(criterion, met=False)


def badge_evaluate(
    badge_class: BadgeClass, record: LearnerRecord, *, since: datetime | None = None
) -> BadgeEvaluation:
    return BadgeEvaluation(
        badge_class=badge_class,
        results=[
            criterion_evaluate(criterion, record, since=since)
            for criterion in badge_class.criteria.all()
        ],
    )


def _percent(value: Decimal | None) -> str:
    return f"{value.normalize():f}" if value is not None else ""


def _scenario_title(slug: str, titles: dict[str, str] | None = None) -> str:
    if titles is None:
        titles = scenario_titles([slug])
    return titles.get(slug) or slug.replace("-", " ").capitalize()


def scenario_titles(slugs: Iterable[str]) -> dict[str, str]:
    """Scenario titles by slug: from the sandbox's scenarios, else as the sandbox
    recorded them in the LRS (activity definitions), else none."""
    from lms.lrs.selectors import activity_definitions
    from sandbox.scenarios.selectors import scenarios_offered

    slugs = {slug for slug in slugs if slug}
    titles = dict(
        scenarios_offered().filter(slug__in=slugs).values_list("slug", "title")
    )
    ids = {scenario_activity_id(slug): slug for slug in slugs - set(titles)}
    for activity_id, definition in activity_definitions(set(ids)).items():
        names = (definition or {}).get("name") or {}
        name = names.get(vocabulary.DUTCH) or next(iter(names.values()), "")
        if name:
            titles[ids[activity_id]] = name
    return titles


def criterion_label(
    criterion: BadgeCriterion,
    *,
    done: bool = False,
    scenario_titles_by_slug: dict[str, str] | None = None,
) -> str:
    """What the criterion asks (``done``: what was done), in the active language.
    ``scenario_titles_by_slug`` saves a lookup per scenario when labelling many."""
    kind = criterion.kind
    minimum = _percent(criterion.min_score)
    if kind == Kind.MODULE_COMPLETED:
        title = criterion.module.title if criterion.module_id else "?"
        if done:
            return _("Completed the module “%(module)s”") % {"module": title}
        return _("Complete the module “%(module)s”") % {"module": title}
    if kind == Kind.MODULE_PASSED:
        title = criterion.module.title if criterion.module_id else "?"
        if done:
            return _("Passed the module “%(module)s”") % {"module": title}
        if minimum:
            return _(
                "Pass the module “%(module)s” with a score of at least %(min)s%%"
            ) % {"module": title, "min": minimum}
        return _("Pass the module “%(module)s”") % {"module": title}
    if kind == Kind.SCENARIO_PASSED:
        title = _scenario_title(criterion.scenario_slug, scenario_titles_by_slug)
        if done:
            return _("Passed the practice scenario “%(scenario)s”") % {
                "scenario": title
            }
        if minimum:
            return _(
                "Pass the practice scenario “%(scenario)s” with a score of at least %(min)s%%"
            ) % {"scenario": title, "min": minimum}
        return _("Pass the practice scenario “%(scenario)s”") % {"scenario": title}
    if kind == Kind.SIGNOFF:
        return _("A coach signs off “%(competence)s” at level %(level)s or higher") % {
            "competence": criterion.competence.name if criterion.competence_id else "?",
            "level": criterion.level or 1,
        }
    if kind == Kind.BADGE_HELD:
        return _("Hold the badge “%(badge)s”") % {
            "badge": criterion.required_badge if criterion.required_badge_id else "?"
        }
    return str(criterion)
