"""Importing employees from a CSV file.

The whole file is checked before anything is written. A file with one bad row
imports nothing, and the report names every bad row and column. Re-importing the
same people updates them (matched on e-mail address) instead of duplicating them.
Employees missing from the file are left alone: a file may cover one department.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.core.csv_import import ImportReport, RowError, csv_records
from lms.organisation.models import Department, EmployeeProfile, Floor, JobFunction
from lms.organisation.services import EmployeeData, employee_upsert

User = get_user_model()

MAX_ROWS = 20_000
# Canonical column -> the headers accepted for it (Dutch and English).
COLUMNS = {
    "name": ("name", "naam"),
    "email": ("email", "e-mail", "e-mailadres", "emailadres"),
    "department": ("department", "afdeling"),
    "floor": ("floor", "verdieping"),
    "function": ("function", "functie"),
    "manager": ("manager", "leidinggevende"),
}
REQUIRED_VALUES = ("name", "email")
# The database's limits, checked up front so a long value cannot fail mid-import.
MAX_LENGTHS = {"email": 254}
MAX_NAME_PART = 150  # first name and last name each (Django's user model)


@dataclass
class ImportRow:
    line: int
    email: str
    first_name: str
    last_name: str
    department: Department | None
    floor: Floor | None
    job_function: JobFunction | None
    manager_email: str


def _split_name(name: str) -> tuple[str, str]:
    # Dutch surnames keep their tussenvoegsel: "Jan de Vries" -> "Jan", "de Vries".
    first, _sep, rest = name.strip().partition(" ")
    return first, " ".join(rest.split())


def _lookup(model, field_name: str) -> dict[str, object]:
    return {
        getattr(obj, field_name).strip().lower(): obj for obj in model.objects.all()
    }


def employees_parse(
    data: bytes, *, encoding: str
) -> tuple[list[ImportRow], list[RowError]]:
    """Read and check the file without touching the database's contents."""
    errors: list[RowError] = []
    records = csv_records(
        data, encoding=encoding, columns=COLUMNS, max_rows=MAX_ROWS, errors=errors
    )
    departments = _lookup(Department, "name")
    floors = _lookup(Floor, "code")
    functions = _lookup(JobFunction, "name")
    known_emails = {
        email.lower() for email in User.objects.values_list("email", flat=True)
    }

    rows: list[ImportRow] = []
    seen: dict[str, int] = {}
    for line, values in records:
        row_errors = []
        for key in REQUIRED_VALUES:
            if not values[key]:
                row_errors.append(RowError(line, key, "", _("A value is required.")))
        for key, limit in MAX_LENGTHS.items():
            if len(values[key]) > limit:
                row_errors.append(
                    RowError(
                        line,
                        key,
                        values[key][:40] + "…",
                        _("Longer than %(limit)s characters.") % {"limit": limit},
                    )
                )
        email = values["email"].lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                row_errors.append(
                    RowError(
                        line, "email", values["email"], _("Not a valid e-mail address.")
                    )
                )
            if email in seen:
                row_errors.append(
                    RowError(
                        line,
                        "email",
                        values["email"],
                        _("This e-mail address is also on line %(line)s.")
                        % {"line": seen[email]},
                    )
                )
            seen.setdefault(email, line)

        department = _resolve(line, "department", values, departments, row_errors)
        floor = _resolve(line, "floor", values, floors, row_errors)
        job_function = _resolve(line, "function", values, functions, row_errors)
        manager_email = values["manager"].lower()
        if manager_email and manager_email == email:
            row_errors.append(
                RowError(
                    line,
                    "manager",
                    values["manager"],
                    _("An employee cannot be their own manager."),
                )
            )
        first_name, last_name = _split_name(values["name"])
        if max(len(first_name), len(last_name)) > MAX_NAME_PART:
            row_errors.append(
                RowError(
                    line,
                    "name",
                    values["name"][:40] + "…",
                    _("First and last name may each be at most %(limit)s characters.")
                    % {"limit": MAX_NAME_PART},
                )
            )
        errors.extend(row_errors)
        rows.append(
            ImportRow(
                line,
                email,
                first_name,
                last_name,
                department,
                floor,
                job_function,
                manager_email,
            )
        )

    file_emails = {row.email for row in rows}
    for row in rows:
        if row.manager_email and row.manager_email not in file_emails | known_emails:
            errors.append(
                RowError(
                    row.line,
                    "manager",
                    row.manager_email,
                    _(
                        "No employee with this e-mail address in the file or in Zaakwijs."
                    ),
                )
            )
    errors.extend(_manager_cycles(rows))
    if not rows and not errors:
        errors.append(RowError(0, "", "", _("The file has a header but no employees.")))
    errors.sort(key=lambda error: error.line)
    return rows, errors


_UNKNOWN = {
    "department": gettext_lazy("Unknown department."),
    "floor": gettext_lazy("Unknown floor code."),
    "function": gettext_lazy("Unknown job function."),
}


def _resolve(line: int, key: str, values: dict, table: dict, errors: list):
    raw = values[key]
    if not raw:
        return None
    found = table.get(raw.lower())
    if found is None:
        errors.append(RowError(line, key, raw, str(_UNKNOWN[key])))
    return found


def _manager_cycles(rows: list[ImportRow]) -> list[RowError]:
    managers = dict(
        EmployeeProfile.objects.filter(manager__isnull=False).values_list(
            "user__email", "manager__email"
        )
    )
    managers.update({row.email: row.manager_email for row in rows})
    errors = []
    for row in rows:
        chain, current = [row.email], managers.get(row.email)
        while current and current not in chain and len(chain) <= len(managers):
            chain.append(current)
            current = managers.get(current)
        if current == row.email and len(chain) > 1:
            errors.append(
                RowError(
                    row.line,
                    "manager",
                    row.manager_email,
                    _("Managers would form a circle: %(chain)s.")
                    % {"chain": " → ".join([*chain, row.email])},
                )
            )
    return errors


def _snapshot(email: str) -> tuple | None:
    profile = (
        EmployeeProfile.objects.select_related("user", "manager")
        .filter(user__email__iexact=email)
        .first()
    )
    if profile is None:
        return None
    return (
        profile.user.first_name,
        profile.user.last_name,
        profile.department_id,
        profile.floor_id,
        profile.job_function_id,
        profile.manager.email if profile.manager else "",
    )


@transaction.atomic
def employees_import(
    *, data: bytes, encoding: str, dry_run: bool = False
) -> ImportReport:
    """Check the whole file, then import all of it or nothing."""
    report = ImportReport(dry_run=dry_run)
    rows, report.errors = employees_parse(data, encoding=encoding)
    if report.errors:
        return report

    existing = {
        email.lower()
        for email in User.objects.filter(
            email__in=[row.email for row in rows]
        ).values_list("email", flat=True)
    }
    before = {row.email: _snapshot(row.email) for row in rows}
    # Two passes, so a manager may appear later in the file than their team.
    profiles = {}
    for row in rows:
        existing_manager = User.objects.filter(email__iexact=row.manager_email).first()
        profiles[row.email], _created = employee_upsert(
            data=EmployeeData(
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
                department=row.department,
                floor=row.floor,
                job_function=row.job_function,
                manager=existing_manager if row.manager_email else None,
            )
        )
    for row in rows:
        profile = profiles[row.email]
        if row.manager_email and profile.manager is None:
            profile.manager = User.objects.get(email__iexact=row.manager_email)
            profile.save(update_fields=["manager", "updated_at"])

    for row in rows:
        if row.email not in existing:
            report.created.append(row.email)
        elif before[row.email] != _snapshot(row.email):
            report.updated.append(row.email)
        else:
            report.unchanged.append(row.email)
    if dry_run:
        transaction.set_rollback(True)
    return report
