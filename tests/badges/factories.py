"""Badge classes, criteria and recorded results for tests."""

from decimal import Decimal
from itertools import count

from django.utils import timezone

from badges.models import (
    BadgeClass,
    BadgeCriterion,
    Competence,
    CompetenceSignOff,
    ProficiencyLevel,
)
from lms.lrs import vocabulary
from lms.lrs.services import statement_record

_serial = count(1)
Kind = BadgeCriterion.Kind


def competence(code: str | None = None, **kwargs) -> Competence:
    n = next(_serial)
    code = code or f"comp-{n}"
    obj, _ = Competence.objects.get_or_create(
        code=code, defaults={"name": kwargs.pop("name", f"Competentie {n}"), **kwargs}
    )
    for level, name in ((1, "Basis"), (2, "Zelfstandig"), (3, "Expert")):
        ProficiencyLevel.objects.get_or_create(
            competence=obj, level=level, defaults={"name": name}
        )
    return obj


def badge_class(*criteria: dict, **kwargs) -> BadgeClass:
    n = next(_serial)
    kwargs.setdefault("slug", f"badge-{n}")
    kwargs.setdefault("name", f"Badge {n}")
    kwargs.setdefault("description", "Een badge.")
    kwargs.setdefault("criteria_text", "Doe het.")
    badge = BadgeClass.objects.create(**kwargs)
    for order, spec in enumerate(criteria):
        BadgeCriterion.objects.create(badge_class=badge, sort_order=order, **spec)
    return badge


def module_passed(module, min_score=None) -> dict:
    return {
        "kind": Kind.MODULE_PASSED,
        "module": module,
        "min_score": Decimal(min_score) if min_score is not None else None,
    }


def module_completed(module) -> dict:
    return {"kind": Kind.MODULE_COMPLETED, "module": module}


def scenario_passed(slug: str, min_score=None) -> dict:
    return {
        "kind": Kind.SCENARIO_PASSED,
        "scenario_slug": slug,
        "min_score": Decimal(min_score) if min_score is not None else None,
    }


def signoff(competence_obj, level: int) -> dict:
    return {"kind": Kind.SIGNOFF, "competence": competence_obj, "level": level}


def badge_held(required) -> dict:
    return {"kind": Kind.BADGE_HELD, "required_badge": required}


def record_module(user, module, *, verb="PASSED", score: float | None = None):
    result = {"success": verb != "FAILED", "completion": verb != "FAILED"}
    if score is not None:
        result["score"] = {"scaled": score}
    return statement_record(
        user=user,
        verb=getattr(vocabulary, verb),
        activity_id=vocabulary.activity_iri("module", module.pk),
        activity_type=vocabulary.MODULE_TYPE,
        activity_name=module.title,
        result=result,
    )


def record_scenario(user, slug: str, *, verb="PASSED", score: float | None = None):
    result = {"success": verb != "FAILED", "completion": True}
    if score is not None:
        result["score"] = {"scaled": score}
    return statement_record(
        user=user,
        verb=getattr(vocabulary, verb),
        activity_id=vocabulary.activity_iri("scenario", slug),
        activity_type=vocabulary.SCENARIO_TYPE,
        activity_name="Oefenscenario " + slug,
        result=result,
    )


def sign_off(learner, coach, competence_obj, level: int) -> CompetenceSignOff:
    return CompetenceSignOff.objects.create(
        learner=learner,
        coach=coach,
        competence=competence_obj,
        level=level,
        created_at=timezone.now(),
    )
