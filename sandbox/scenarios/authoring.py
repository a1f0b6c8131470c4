"""From the scenario an editor wrote to the definition an attempt runs on, and the
consistency checks run when the editor saves."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from sandbox.scenarios.checks import check_for


def _stream(stream) -> list[dict[str, Any]]:
    """A StreamField as plain JSON-ready dicts (dates as ISO strings)."""
    return [
        {"type": child.block_type, **child.block.get_prep_value(child.value)}
        for child in stream
    ]


def scenario_definition(scenario) -> dict[str, Any]:
    checks = []
    for child in scenario.checks:
        params = child.block.get_prep_value(child.value)
        checks.append(
            {
                "id": child.id or "",
                "type": child.block_type,
                "title": str(check_for(child.block_type).label),
                "weight": params.pop("weight", 1) or 1,
                "feedback_pass": params.pop("feedback_pass", ""),
                "feedback_fail": params.pop("feedback_fail", ""),
                "competence": params.pop("competence", ""),
                "params": params,
            }
        )
    definition = {
        "slug": scenario.slug,
        "title": scenario.title,
        "zaaktype": scenario.zaaktype.identificatie,
        "clock_start": scenario.clock_start.isoformat(),
        "pass_mark": scenario.pass_mark,
        "start_state": _stream(scenario.start_state),
        "tasks": [c.block.get_prep_value(c.value) for c in scenario.tasks],
        "events": sorted(
            (c.block.get_prep_value(c.value) for c in scenario.events),
            key=lambda event: event["working_day"],
        ),
        "checks": checks,
    }
    # Dates (DateBlock values) as ISO strings: the definition is stored as JSON.
    return json.loads(json.dumps(definition, cls=DjangoJSONEncoder))


def definition_problems(scenario) -> list[str]:
    """Catalogue names the checks and the starting state use that the case type
    does not have: told to the editor on save, never found by a learner."""
    from sandbox.models import ZaakType

    problems: list[str] = []
    zaaktype = scenario.zaaktype
    iotypen = set(zaaktype.informatieobjecttypen.values_list("omschrijving", flat=True))
    statussen = set(zaaktype.statustypen.values_list("omschrijving", flat=True))
    resultaten = set(zaaktype.resultaattypen.values_list("omschrijving", flat=True))
    besluittypen = set(zaaktype.besluittypen.values_list("omschrijving", flat=True))
    eigenschappen = set(zaaktype.eigenschappen.values_list("naam", flat=True))
    keys = {
        child.value["key"]
        for child in scenario.start_state
        if child.block_type == "zaak"
    }

    def problem(number, label, message):
        problems.append(
            _("Check %(number)s (%(label)s): %(message)s")
            % {"number": number, "label": label, "message": message}
        )

    for number, child in enumerate(scenario.checks, start=1):
        value = child.value
        label = check_for(child.block_type).label
        for name in check_for(child.block_type).iotype_params:
            if value.get(name) and value[name] not in iotypen:
                problem(
                    number,
                    label,
                    _("“%s” is not a document type of the case type.") % value[name],
                )
        if child.block_type == "status_order":
            for name in [
                s.strip() for s in value["statustypen"].split(",") if s.strip()
            ]:
                if name not in statussen:
                    problem(
                        number,
                        label,
                        _("“%s” is not a status of the case type.") % name,
                    )
        if child.block_type == "resultaat":
            for name in [
                s.strip() for s in value["resultaattypen"].split(",") if s.strip()
            ]:
                if name not in resultaten:
                    problem(
                        number,
                        label,
                        _("“%s” is not a result of the case type.") % name,
                    )
        if child.block_type == "besluit" and value.get("besluittype"):
            if value["besluittype"] not in besluittypen:
                problem(
                    number,
                    label,
                    _("“%s” is not a decision type of the case type.")
                    % value["besluittype"],
                )
        if child.block_type == "eigenschap" and value["naam"] not in eigenschappen:
            problem(
                number,
                label,
                _("“%s” is not a property of the case type.") % value["naam"],
            )
        if child.block_type == "related_zaak":
            if value.get("seeded_key") and value["seeded_key"] not in keys:
                problem(
                    number,
                    label,
                    _("There is no existing case with key “%s”.") % value["seeded_key"],
                )
    for child in scenario.start_state:
        if child.block_type != "zaak":
            continue
        seeded_type = (
            ZaakType.objects.filter(identificatie=child.value["zaaktype"])
            .order_by("-begin_geldigheid")
            .first()
        )
        if seeded_type is None:
            problems.append(
                _("Existing case “%s”: unknown case type.") % child.value["key"]
            )
    if (
        len(
            [
                c
                for c in scenario.start_state
                if c.block_type == "zaak" and c.value["is_subject"]
            ]
        )
        > 1
    ):
        problems.append(
            _("Only one existing case can be the case the learner handles.")
        )
    return problems
