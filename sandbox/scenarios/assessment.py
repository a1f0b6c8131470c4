"""Assessing an attempt: every check of the scenario over the workspace's end
state and its action trace, weighed into a score against the pass mark."""

import logging
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from sandbox.models import Attempt, Zaak
from sandbox.scenarios.checks import AssessmentContext, Outcome, check_for

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Assessment:
    score: float  # 0..1
    passed: bool
    results: list[dict[str, Any]]


def attempt_subject(attempt: Attempt, trace: list, zaken: list | None = None):
    """The zaak the scenario is about: the existing case marked as such, or else
    the case the learner registered (of the scenario's case type if there is one,
    else the first they registered). ``zaken``: the workspace's zaken, if loaded."""
    if zaken is None:
        zaken = list(
            Zaak.objects.filter(workspace=attempt.workspace).select_related("zaaktype")
        )
    by_identificatie = {zaak.identificatie: zaak for zaak in zaken}
    for item in attempt.definition.get("start_state", []):
        if item["type"] == "zaak" and item.get("is_subject"):
            return by_identificatie.get(attempt.seeded.get(item["key"]))
    by_pk = {zaak.pk: zaak for zaak in zaken}
    candidates = [
        by_pk[entry.zaak_id]
        for entry in trace
        if entry.action == "zaak_register"
        and entry.outcome == "done"
        and entry.actor_id is not None
        and entry.zaak_id in by_pk
    ]
    expected = attempt.definition.get("zaaktype")
    for zaak in candidates:
        if zaak.zaaktype.identificatie == expected:
            return zaak
    return candidates[0] if candidates else None


def attempt_assess(attempt: Attempt) -> Assessment:
    workspace = attempt.workspace
    trace = list(workspace.actions.order_by("sequence")) if workspace else []
    subject = attempt_subject(attempt, trace) if workspace else None
    context = AssessmentContext(
        workspace=workspace, trace=trace, subject=subject, seeded=attempt.seeded
    )
    results = []
    for check in attempt.definition.get("checks", []):
        try:
            outcome = check_for(check["type"]).run(context, check["params"])
        except Exception:  # a broken check must never break handing in
            logger.exception("check %s failed to run", check["type"])
            outcome = Outcome(False, _("This check could not be assessed."))
        results.append(
            {
                "id": check.get("id", ""),
                "type": check["type"],
                "title": check["title"],
                "weight": check["weight"],
                "passed": outcome.passed,
                "points": check["weight"] if outcome.passed else 0,
                "detail": outcome.detail,
                "feedback": check["feedback_pass"]
                if outcome.passed
                else check["feedback_fail"],
                "competence": check.get("competence", ""),
            }
        )
    total = sum(result["weight"] for result in results)
    earned = sum(result["points"] for result in results)
    score = earned / total if total else 0.0
    passed = score * 100 >= attempt.definition.get("pass_mark", 100) - 1e-9
    return Assessment(score=score, passed=passed, results=results)
