"""What of an award may be shown to anyone.

The learner's name and the badge are public with the award's link; the evidence is
summarised as *which criteria were met* (never scores, statements, coach notes or
the e-mail address).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from badges.models import AwardEvidence, BadgeAward, BadgeCriterion

VALID = "valid"
EXPIRED = "expired"
REVOKED = "revoked"


@dataclass(frozen=True)
class AwardState:
    status: str  # VALID | EXPIRED | REVOKED
    since: datetime | None  # revoked_at / expires_at


def award_state(award: BadgeAward, at: datetime | None = None) -> AwardState:
    if award.revoked_at is not None:
        return AwardState(REVOKED, award.revoked_at)
    if award.is_expired(at or timezone.now()):
        return AwardState(EXPIRED, award.expires_at)
    return AwardState(VALID, None)


def _criterion_line(criterion: BadgeCriterion) -> str:
    kind = BadgeCriterion.Kind
    if criterion.kind == kind.MODULE_COMPLETED and criterion.module_id:
        return _("Completed the module “%(title)s”.") % {
            "title": criterion.module.title
        }
    if criterion.kind == kind.MODULE_PASSED and criterion.module_id:
        if criterion.min_score is not None:
            return _("Passed the module “%(title)s” with at least %(score)s%%.") % {
                "title": criterion.module.title,
                "score": f"{criterion.min_score.normalize():f}",
            }
        return _("Passed the module “%(title)s”.") % {"title": criterion.module.title}
    if criterion.kind == kind.SCENARIO_PASSED:
        if criterion.min_score is not None:
            return _(
                "Passed the practice scenario “%(scenario)s” with at least %(score)s%%."
            ) % {
                "scenario": criterion.scenario_slug,
                "score": f"{criterion.min_score.normalize():f}",
            }
        return _("Passed the practice scenario “%(scenario)s”.") % {
            "scenario": criterion.scenario_slug
        }
    if criterion.kind == kind.SIGNOFF and criterion.competence_id:
        return _(
            "Seen doing the work by an ICT expert: %(competence)s, level %(level)s."
        ) % {"competence": criterion.competence.name, "level": criterion.level}
    if criterion.kind == kind.BADGE_HELD and criterion.required_badge_id:
        return _("Holds the badge “%(badge)s”.") % {
            "badge": criterion.required_badge.name
        }
    return criterion.get_kind_display()


def evidence_summary(award: BadgeAward) -> list[str]:
    """One line per criterion met (each once), in the badge's order."""
    evidence = (
        AwardEvidence.objects.filter(award=award, criterion__isnull=False)
        .select_related(
            "criterion__module", "criterion__competence", "criterion__required_badge"
        )
        .order_by("criterion__sort_order", "criterion__pk")
    )
    lines: list[str] = []
    for item in evidence:
        line = _criterion_line(item.criterion)
        if line not in lines:
            lines.append(line)
    if not lines and award.method == BadgeAward.Method.MANUAL:
        lines.append(_("Awarded by HR on the basis of the criteria."))
    return lines
