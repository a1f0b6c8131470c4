"""The competence framework as CSV: export, and import (all or nothing).

Two files, each exported in exactly the form the import reads, so a round trip
changes nothing:

- the framework: one row per competence and level (``code``, ``name``, ``category``,
  ``description``, ``level``, ``level_name``, ``level_description``, ``indicators``:
  the level's behavioural indicators, one per line in the cell). A competence without
  levels is one row with the level columns empty. Competence columns repeat on each
  of its rows and must agree.
- the function requirements: ``function``, ``competence`` (code), ``level``.

As with the employee import, the whole file is checked first; one bad row imports
nothing, and the report names every bad row and column. Competences, levels and
requirements are matched on their keys (code; code and level; function and
competence) and updated; what the file does not mention is left alone. A level's
indicators are replaced by the file's.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from lms.core.csv_import import ImportReport, RowError, csv_records
from lms.organisation.models import JobFunction

from .models import (
    BehaviouralIndicator,
    Competence,
    FunctionRequirement,
    ProficiencyLevel,
)

MAX_ROWS = 5_000
CODE = re.compile(r"^[-a-zA-Z0-9_]+$")

FRAMEWORK_COLUMNS = {
    "code": ("code",),
    "name": ("name", "naam"),
    "category": ("category", "categorie"),
    "description": ("description", "omschrijving", "beschrijving"),
    "level": ("level", "niveau"),
    "level_name": ("level_name", "niveaunaam", "naam niveau"),
    "level_description": ("level_description", "niveauomschrijving"),
    "indicators": ("indicators", "gedragsindicatoren", "indicatoren"),
}
REQUIREMENT_COLUMNS = {
    "function": ("function", "functie"),
    "competence": ("competence", "competentie", "code"),
    "level": ("level", "niveau", "vereist niveau"),
}


# --- Export ------------------------------------------------------------------------


def _writer(buffer: io.StringIO):
    return csv.writer(buffer, delimiter=";", lineterminator="\r\n")


def framework_export() -> str:
    buffer = io.StringIO()
    writer = _writer(buffer)
    writer.writerow(list(FRAMEWORK_COLUMNS))
    competences = Competence.objects.prefetch_related("levels__indicators")
    for competence in competences:
        base = [
            competence.code,
            competence.name,
            competence.category,
            competence.description,
        ]
        levels = list(competence.levels.all())
        if not levels:
            writer.writerow([*base, "", "", "", ""])
        for level in levels:
            writer.writerow(
                [
                    *base,
                    level.level,
                    level.name,
                    level.description,
                    "\n".join(i.text for i in level.indicators.all()),
                ]
            )
    return buffer.getvalue()


def requirements_export() -> str:
    buffer = io.StringIO()
    writer = _writer(buffer)
    writer.writerow(list(REQUIREMENT_COLUMNS))
    for requirement in FunctionRequirement.objects.select_related(
        "job_function", "competence"
    ).order_by("job_function__name", "competence__sort_order", "competence__code"):
        writer.writerow(
            [
                requirement.job_function.name,
                requirement.competence.code,
                requirement.level,
            ]
        )
    return buffer.getvalue()


# --- Reading -----------------------------------------------------------------------


def _records(data: bytes, encoding: str, columns: dict, errors: list[RowError]):
    """Yield (line, values) for each non-empty row; file problems go to ``errors``."""
    count = 0
    for line, values in csv_records(
        data, encoding=encoding, columns=columns, max_rows=MAX_ROWS, errors=errors
    ):
        count += 1
        yield line, values
    if not count and not errors:
        errors.append(RowError(0, "", "", _("The file has a header but no rows.")))


def _level(line: int, column: str, raw: str, errors: list[RowError]) -> int | None:
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not 1 <= value <= 5:
        errors.append(
            RowError(line, column, raw, _("A level is a whole number from 1 to 5."))
        )
        return None
    return value


def _too_long(line, column, value, limit, errors) -> None:
    if len(value) > limit:
        errors.append(
            RowError(
                line,
                column,
                value[:40] + "…",
                _("Longer than %(limit)s characters.") % {"limit": limit},
            )
        )


@dataclass
class _CompetenceRow:
    line: int
    name: str
    category: str
    description: str
    levels: dict[int, tuple[str, str, list[str]]] = field(default_factory=dict)


def framework_parse(data: bytes, *, encoding: str):
    errors: list[RowError] = []
    competences: dict[str, _CompetenceRow] = {}
    for line, values in _records(data, encoding, FRAMEWORK_COLUMNS, errors):
        code = values["code"].lower()
        if not code:
            errors.append(RowError(line, "code", "", _("A value is required.")))
            continue
        if not CODE.match(code) or len(code) > 40:
            errors.append(
                RowError(
                    line,
                    "code",
                    values["code"],
                    _("Use at most 40 letters, digits, hyphens or underscores."),
                )
            )
            continue
        if not values["name"]:
            errors.append(RowError(line, "name", "", _("A value is required.")))
        _too_long(line, "name", values["name"], 200, errors)
        _too_long(line, "category", values["category"], 100, errors)
        existing = competences.get(code)
        if existing is None:
            existing = competences[code] = _CompetenceRow(
                line, values["name"], values["category"], values["description"]
            )
        else:
            for column in ("name", "category", "description"):
                if getattr(existing, column) != values[column]:
                    errors.append(
                        RowError(
                            line,
                            column,
                            values[column][:40],
                            _(
                                "Differs from line %(line)s for the same competence; "
                                "a competence's columns must agree on every row."
                            )
                            % {"line": existing.line},
                        )
                    )
        if not values["level"]:
            if values["level_name"] or values["indicators"]:
                errors.append(
                    RowError(
                        line,
                        "level",
                        "",
                        _("A level is needed for its name and indicators."),
                    )
                )
            continue
        level = _level(line, "level", values["level"], errors)
        if level is None:
            continue
        if not values["level_name"]:
            errors.append(RowError(line, "level_name", "", _("A value is required.")))
        _too_long(line, "level_name", values["level_name"], 100, errors)
        if level in existing.levels:
            errors.append(
                RowError(
                    line,
                    "level",
                    values["level"],
                    _("This competence has this level twice in the file."),
                )
            )
            continue
        indicators = [
            part.strip()
            for part in re.split(r"\r?\n|\s\|\s", values["indicators"])
            if part.strip()
        ]
        existing.levels[level] = (
            values["level_name"],
            values["level_description"],
            indicators,
        )
    return competences, sorted(errors, key=lambda e: e.line)


def _competence_state(competence: Competence | None):
    if competence is None:
        return None
    return (
        competence.name,
        competence.category,
        competence.description,
        sorted(
            (
                level.level,
                level.name,
                level.description,
                tuple(i.text for i in level.indicators.all()),
            )
            for level in competence.levels.all()
        ),
    )


@transaction.atomic
def framework_import(*, data: bytes, encoding: str = "utf-8", dry_run=False):
    report = ImportReport(dry_run=dry_run)
    competences, report.errors = framework_parse(data, encoding=encoding)
    if report.errors:
        return report
    next_order = (
        max(Competence.objects.values_list("sort_order", flat=True), default=-1) + 1
    )
    for code, row in competences.items():
        competence = (
            Competence.objects.filter(code=code)
            .prefetch_related("levels__indicators")
            .first()
        )
        before = _competence_state(competence)
        if competence is None:
            competence = Competence(code=code, sort_order=next_order)
            next_order += 1
        competence.name = row.name
        competence.category = row.category
        competence.description = row.description
        competence.save()
        for number, (name, description, indicators) in row.levels.items():
            level, _created = ProficiencyLevel.objects.update_or_create(
                competence=competence,
                level=number,
                defaults={"name": name, "description": description},
            )
            existing = BehaviouralIndicator.objects.filter(level=level)
            if list(existing.values_list("text", flat=True)) != indicators:
                existing.delete()
                BehaviouralIndicator.objects.bulk_create(
                    BehaviouralIndicator(level=level, text=text, sort_order=order)
                    for order, text in enumerate(indicators)
                )
        after = _competence_state(
            Competence.objects.prefetch_related("levels__indicators").get(
                pk=competence.pk
            )
        )
        if before is None:
            report.created.append(code)
        elif before != after:
            report.updated.append(code)
        else:
            report.unchanged.append(code)
    if dry_run:
        transaction.set_rollback(True)
    return report


def requirements_parse(data: bytes, *, encoding: str):
    errors: list[RowError] = []
    functions = {f.name.strip().lower(): f for f in JobFunction.objects.all()}
    competences = {c.code.lower(): c for c in Competence.objects.all()}
    rows: dict[tuple[int, int], tuple[int, JobFunction, Competence, int]] = {}
    for line, values in _records(data, encoding, REQUIREMENT_COLUMNS, errors):
        function = functions.get(values["function"].lower())
        if function is None:
            errors.append(
                RowError(
                    line, "function", values["function"], _("Unknown job function.")
                )
            )
        competence = competences.get(values["competence"].lower())
        if competence is None:
            errors.append(
                RowError(
                    line,
                    "competence",
                    values["competence"],
                    _("Unknown competence code."),
                )
            )
        level = _level(line, "level", values["level"], errors)
        if function is None or competence is None or level is None:
            continue
        key = (function.pk, competence.pk)
        if key in rows:
            errors.append(
                RowError(
                    line,
                    "competence",
                    values["competence"],
                    _("This function and competence are also on line %(line)s.")
                    % {"line": rows[key][0]},
                )
            )
            continue
        rows[key] = (line, function, competence, level)
    return list(rows.values()), sorted(errors, key=lambda e: e.line)


@transaction.atomic
def requirements_import(*, data: bytes, encoding: str = "utf-8", dry_run=False):
    report = ImportReport(dry_run=dry_run)
    rows, report.errors = requirements_parse(data, encoding=encoding)
    if report.errors:
        return report
    for _line, function, competence, level in rows:
        label = f"{function.name}: {competence.code}"
        requirement = FunctionRequirement.objects.filter(
            job_function=function, competence=competence
        ).first()
        if requirement is None:
            FunctionRequirement.objects.create(
                job_function=function, competence=competence, level=level
            )
            report.created.append(label)
        elif requirement.level != level:
            requirement.level = level
            requirement.save(update_fields=["level"])
            report.updated.append(label)
        else:
            report.unchanged.append(label)
    if dry_run:
        transaction.set_rollback(True)
    return report
