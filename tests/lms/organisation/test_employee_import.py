"""CSV import of employees: checked as a whole, all or nothing, repeatable."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.accounts.roles import Role, user_roles
from lms.organisation.employee_import import employees_import
from lms.organisation.models import EmployeeProfile
from tests.factories import (
    employee,
)

User = get_user_model()

HEADER = "name,email,department,floor,function,manager"
JAN = "Jan de Vries,jan.devries@gemeente.test,Vergunningen,STK-2,Vergunningverlener,els.bakker@gemeente.test"
ELS = "Els Bakker,els.bakker@gemeente.test,Vergunningen,STK-3,Teamleider,"


def csv_file(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def db_counts() -> tuple[int, int, int]:
    return (
        User.objects.count(),
        EmployeeProfile.objects.count(),
        EmailAddress.objects.count(),
    )


def error_positions(report) -> list[tuple[int, str]]:
    return [(error.line, error.column) for error in report.errors]


def profile_of(email: str) -> EmployeeProfile:
    return EmployeeProfile.objects.select_related("user", "manager").get(
        user__email=email
    )


# --- A good file -------------------------------------------------------------


def test_good_file_creates_accounts_and_profiles(org):
    report = employees_import(data=csv_file(HEADER, JAN, ELS), encoding="utf-8")

    assert report.ok, report.errors
    assert report.created == ["jan.devries@gemeente.test", "els.bakker@gemeente.test"]
    assert report.updated == report.unchanged == []

    jan = profile_of("jan.devries@gemeente.test")
    assert (jan.user.first_name, jan.user.last_name) == ("Jan", "de Vries")
    assert jan.department == org["vergunningen"]
    assert jan.floor == org["stk2"]
    assert jan.job_function == org["verlener"]
    # The manager appears later in the file than her team member.
    els = profile_of("els.bakker@gemeente.test")
    assert jan.manager == els.user
    assert (els.user.first_name, els.user.last_name) == ("Els", "Bakker")
    assert els.floor == org["stk3"]
    assert els.manager is None


def test_new_accounts_have_no_password_and_are_plain_employees(org):
    employees_import(data=csv_file(HEADER, JAN, ELS), encoding="utf-8")

    for email in ("jan.devries@gemeente.test", "els.bakker@gemeente.test"):
        user = User.objects.get(email=email)
        assert not user.has_usable_password()
        assert list(user.groups.values_list("name", flat=True)) == [Role.LEARNER.value]
        assert user_roles(user) == {Role.LEARNER}
        assert not user.is_staff and not user.is_superuser
        # The address is known to allauth (for "forgot password") but unverified.
        assert EmailAddress.objects.filter(
            user=user, email=email, primary=True, verified=False
        ).exists()


def test_lookups_ignore_case_and_surrounding_spaces(org):
    data = csv_file(
        HEADER,
        "  Piet   van der   Berg , Piet@Gemeente.TEST , vergunningen , stk-2 , VERGUNNINGVERLENER ,",
    )

    report = employees_import(data=data, encoding="utf-8")

    assert report.ok, report.errors
    piet = profile_of("piet@gemeente.test")
    assert (piet.user.first_name, piet.user.last_name) == ("Piet", "van der Berg")
    assert piet.department == org["vergunningen"]
    assert piet.floor == org["stk2"]
    assert piet.job_function == org["verlener"]


def test_optional_values_may_be_empty(org):
    report = employees_import(
        data=csv_file(HEADER, "Kees,kees@gemeente.test,,,,"), encoding="utf-8"
    )

    assert report.ok, report.errors
    kees = profile_of("kees@gemeente.test")
    assert (kees.user.first_name, kees.user.last_name) == ("Kees", "")
    assert kees.department is kees.floor is kees.job_function is kees.manager is None


def test_manager_may_be_an_existing_employee_not_in_the_file(org):
    boss = employee().user
    data = csv_file(HEADER, f"Jan de Vries,jan@gemeente.test,,,,{boss.email.upper()}")

    report = employees_import(data=data, encoding="utf-8")

    assert report.ok, report.errors
    assert profile_of("jan@gemeente.test").manager == boss


# --- Headers, delimiters and encodings --------------------------------------


def test_dutch_headers_and_semicolons(org):
    data = csv_file(
        "Naam;E-mailadres;Afdeling;Verdieping;Functie;Leidinggevende",
        "Jan de Vries;jan@gemeente.test;Burgerzaken;STK-3;Teamleider;",
    )

    report = employees_import(data=data, encoding="utf-8")

    assert report.ok, report.errors
    jan = profile_of("jan@gemeente.test")
    assert (jan.user.first_name, jan.user.last_name) == ("Jan", "de Vries")
    assert jan.department == org["burgerzaken"]
    assert jan.floor == org["stk3"]
    assert jan.job_function == org["teamleider"]


def test_utf8_with_byte_order_mark(org):
    # Excel's "CSV UTF-8" puts a BOM before the first header.
    data = "\ufeff".encode() + csv_file(HEADER, "Zoë Çelik,zoe@gemeente.test,,,,")

    report = employees_import(data=data, encoding="utf-8")

    assert report.ok, report.errors
    zoe = User.objects.get(email="zoe@gemeente.test")
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "Çelik")


def test_cp1252_file_with_the_right_encoding(org):
    data = csv_file(HEADER, "André van Dijk,andre@gemeente.test,,,,", encoding="cp1252")
    assert "é".encode("cp1252") in data

    report = employees_import(data=data, encoding="cp1252")

    assert report.ok, report.errors
    assert User.objects.get(email="andre@gemeente.test").first_name == "André"


def test_cp1252_file_read_as_utf8_is_a_file_error(org):
    before = db_counts()
    data = csv_file(
        HEADER,
        "Kees Jansen,kees@gemeente.test,,,,",
        "André van Dijk,andre@gemeente.test,,,,",
        encoding="cp1252",
    )

    report = employees_import(data=data, encoding="utf-8")

    assert not report.ok
    assert error_positions(report) == [(0, "")]
    assert db_counts() == before


def test_unsupported_encoding_is_refused(org):
    with pytest.raises(ValueError):
        employees_import(data=csv_file(HEADER, ELS), encoding="latin-9")


# --- A bad file imports nothing ----------------------------------------------

VALID = "Kees Jansen,kees@gemeente.test,Vergunningen,STK-2,Teamleider,"

BAD_FILES = {
    "unknown department": (
        [HEADER, VALID, "Jan,jan@gemeente.test,Sprookjes,STK-2,,"],
        [(3, "department")],
    ),
    "unknown floor code": (
        [HEADER, VALID, "Jan,jan@gemeente.test,,STK-99,,"],
        [(3, "floor")],
    ),
    "unknown job function": (
        [HEADER, VALID, "Jan,jan@gemeente.test,,,Astronaut,"],
        [(3, "function")],
    ),
    "invalid e-mail": (
        [HEADER, VALID, "Jan,jan@@gemeente,,,,"],
        [(3, "email")],
    ),
    "missing name": (
        [HEADER, VALID, ",jan@gemeente.test,,,,"],
        [(3, "name")],
    ),
    "missing e-mail": (
        [HEADER, VALID, "Jan,,,,,"],
        [(3, "email")],
    ),
    "duplicate e-mail, other case": (
        [HEADER, VALID, "Jan,jan@gemeente.test,,,,", "Jan 2,JAN@Gemeente.test,,,,"],
        [(4, "email")],
    ),
    "missing required column": (
        ["name,email,department,floor,manager", "Jan,jan@gemeente.test,,,"],
        [(1, "function")],
    ),
    "unknown column": (
        [HEADER + ",telefoon", VALID + ",0612345678"],
        [(1, "telefoon")],
    ),
    "column twice": (
        [HEADER + ",naam", VALID + ",Kees"],
        [(1, "naam")],
    ),
    "manager not found": (
        [HEADER, VALID, "Jan,jan@gemeente.test,,,,niemand@gemeente.test"],
        [(3, "manager")],
    ),
    "own manager": (
        [HEADER, VALID, "Jan,jan@gemeente.test,,,,JAN@gemeente.test"],
        [(3, "manager")],
    ),
    "managers in a circle": (
        [
            HEADER,
            VALID,
            "Anna,a@gemeente.test,,,,b@gemeente.test",
            "Bram,b@gemeente.test,,,,a@gemeente.test",
        ],
        [(3, "manager"), (4, "manager")],
    ),
    "too few values": (
        [HEADER, VALID, "Jan,jan@gemeente.test,,,"],
        [(3, "")],
    ),
    "too many values": (
        [HEADER, VALID, "Jan,jan@gemeente.test,,,,,extra"],
        [(3, "")],
    ),
    "header only": ([HEADER], [(0, "")]),
    "empty file": ([""], [(0, "")]),
}


@pytest.mark.parametrize(
    ("lines", "expected"), list(BAD_FILES.values()), ids=list(BAD_FILES)
)
def test_bad_file_imports_nothing_and_points_at_the_error(org, lines, expected):
    before = db_counts()

    report = employees_import(data=csv_file(*lines), encoding="utf-8")

    assert not report.ok
    assert error_positions(report) == expected
    assert all(error.message for error in report.errors)
    assert report.created == report.updated == report.unchanged == []
    # Not even the valid rows in the same file were imported.
    assert db_counts() == before
    assert not User.objects.filter(email="kees@gemeente.test").exists()


def test_every_error_in_the_file_is_reported_in_line_order(org):
    data = csv_file(
        HEADER,
        VALID,
        "Jan,jan@@gemeente,Sprookjes,STK-99,,",
        "",  # blank lines are skipped but still counted
        "Piet,piet@gemeente.test,,,,niemand@gemeente.test",
        "Kees 2,KEES@gemeente.test,,,",
    )

    report = employees_import(data=data, encoding="utf-8")

    assert error_positions(report) == [
        (3, "email"),
        (3, "department"),
        (3, "floor"),
        (5, "manager"),
        (6, ""),
    ]
    bad_values = {(error.line, error.value) for error in report.errors}
    assert {(3, "jan@@gemeente"), (3, "Sprookjes"), (3, "STK-99")} <= bad_values
    assert (5, "niemand@gemeente.test") in bad_values
    assert not User.objects.filter(email="kees@gemeente.test").exists()


def test_circle_through_an_existing_manager_is_refused(org):
    anna = employee(user__email="anna@gemeente.test").user
    employee(user__email="bram@gemeente.test", manager=anna)
    before = db_counts()
    # Bram already reports to Anna; the file makes Anna report to Bram.
    data = csv_file(HEADER, "Anna Smit,anna@gemeente.test,,,,bram@gemeente.test")

    report = employees_import(data=data, encoding="utf-8")

    assert error_positions(report) == [(2, "manager")]
    assert db_counts() == before
    assert profile_of("anna@gemeente.test").manager is None


# --- Importing again -----------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(org):
    data = csv_file(HEADER, JAN, ELS)
    employees_import(data=data, encoding="utf-8")
    after_first = db_counts()
    jan_before = profile_of("jan.devries@gemeente.test")

    report = employees_import(data=data, encoding="utf-8")

    assert report.ok, report.errors
    assert report.unchanged == [
        "jan.devries@gemeente.test",
        "els.bakker@gemeente.test",
    ]
    assert report.created == report.updated == []
    assert db_counts() == after_first
    jan = profile_of("jan.devries@gemeente.test")
    assert jan.user.pk == jan_before.user.pk
    assert jan.manager.email == "els.bakker@gemeente.test"


def test_changed_file_updates_employees(org):
    employees_import(data=csv_file(HEADER, JAN, ELS), encoding="utf-8")
    after_first = db_counts()
    jan_changed = (
        "Jan de Vries-Smit,jan.devries@gemeente.test,Burgerzaken,STK-3,Teamleider,"
    )

    report = employees_import(data=csv_file(HEADER, jan_changed, ELS), encoding="utf-8")

    assert report.ok, report.errors
    assert report.updated == ["jan.devries@gemeente.test"]
    assert report.unchanged == ["els.bakker@gemeente.test"]
    assert report.created == []
    assert db_counts() == after_first
    jan = profile_of("jan.devries@gemeente.test")
    assert jan.user.last_name == "de Vries-Smit"
    assert jan.department == org["burgerzaken"]
    assert jan.floor == org["stk3"]
    assert jan.job_function == org["teamleider"]
    assert jan.manager is None  # an empty cell clears the manager


def test_reimport_keeps_roles_and_password(org, floor):
    coach = employee(
        roles=[Role.COACH], coached_floors=[floor], user__email="coach@gemeente.test"
    ).user

    report = employees_import(
        data=csv_file(HEADER, "Carla Coach,coach@gemeente.test,Burgerzaken,,,"),
        encoding="utf-8",
    )

    assert report.updated == ["coach@gemeente.test"]
    coach.refresh_from_db()
    assert coach.has_usable_password()
    assert user_roles(User.objects.get(pk=coach.pk)) == {Role.LEARNER, Role.COACH}
    assert list(coach.profile.coached_floors.all()) == [floor]


def test_email_matching_ignores_case(org):
    existing = employee(user__email="jan.devries@gemeente.test").user
    before = db_counts()
    data = csv_file(
        HEADER, "Jan de Vries,Jan.DeVries@GEMEENTE.test,Vergunningen,STK-2,,"
    )

    report = employees_import(data=data, encoding="utf-8")

    assert report.ok, report.errors
    assert report.updated == ["jan.devries@gemeente.test"]
    assert db_counts() == before
    existing.refresh_from_db()
    assert existing.email == "jan.devries@gemeente.test"
    assert (existing.first_name, existing.last_name) == ("Jan", "de Vries")
    assert existing.profile.department == org["vergunningen"]


# --- Dry run -------------------------------------------------------------------


def test_dry_run_reports_but_imports_nothing(org):
    employee(
        user__email="els.bakker@gemeente.test",
        user__first_name="Els",
        user__last_name="Bakker",
        department=org["burgerzaken"],
    )
    before = db_counts()

    report = employees_import(
        data=csv_file(HEADER, JAN, ELS), encoding="utf-8", dry_run=True
    )

    assert report.ok, report.errors
    assert report.dry_run
    assert report.created == ["jan.devries@gemeente.test"]
    assert report.updated == ["els.bakker@gemeente.test"]
    assert db_counts() == before
    assert profile_of("els.bakker@gemeente.test").department == org["burgerzaken"]


def test_dry_run_of_a_bad_file_reports_the_errors(org):
    report = employees_import(
        data=csv_file(HEADER, "Jan,jan@gemeente.test,Sprookjes,,,"),
        encoding="utf-8",
        dry_run=True,
    )

    assert error_positions(report) == [(2, "department")]
    assert report.created == []


# --- Through the Wagtail admin -------------------------------------------------

IMPORT_URL = "/cms/organisation/import/"


def upload(client, data: bytes, *, encoding: str = "utf-8", dry_run: bool = False):
    form = {
        "file": SimpleUploadedFile("medewerkers.csv", data, content_type="text/csv"),
        "encoding": encoding,
    }
    if dry_run:
        form["dry_run"] = "on"
    return client.post(IMPORT_URL, form)


def error_table(response) -> list[tuple[str, str]]:
    """(line, column) of each row in the #import-errors table."""
    html = response.content.decode()
    table = re.search(r'<table[^>]*id="import-errors".*?</table>', html, re.S)
    assert table, "no #import-errors table"
    body = table.group(0).split("<tbody>", 1)[1]
    return [
        (line.strip(), column.strip())
        for line, column in re.findall(
            r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", body, re.S
        )
    ]


def summary(response) -> list[int]:
    """New, updated and unchanged counts from the #import-summary list."""
    html = response.content.decode()
    block = re.search(r'<dl id="import-summary">(.*?)</dl>', html, re.S)
    assert block, "no #import-summary"
    return [int(value) for value in re.findall(r"<dd>\s*(\d+)\s*</dd>", block[1])]


def test_url_name():
    assert reverse("organisation_employee_import") == IMPORT_URL


def test_hr_imports_a_good_file(client, org, hr, no_mfa_enforcement):
    client.force_login(hr)

    response = upload(client, csv_file(HEADER, JAN, ELS))

    assert response.status_code == 200
    assert summary(response) == [2, 0, 0]
    assert 'id="import-errors"' not in response.content.decode()
    jan = profile_of("jan.devries@gemeente.test")
    assert jan.floor == org["stk2"]
    assert jan.manager.email == "els.bakker@gemeente.test"

    again = upload(client, csv_file(HEADER, JAN, ELS))

    assert summary(again) == [0, 0, 2]
    assert User.objects.filter(email__endswith="@gemeente.test").count() == 3


def test_hr_uploads_a_bad_file(client, org, hr, no_mfa_enforcement):
    client.force_login(hr)
    before = db_counts()
    data = csv_file(
        HEADER,
        VALID,
        "Jan,jan@gemeente.test,Sprookjes,STK-99,,",
        "Piet,piet@gemeente.test,,,,piet@gemeente.test",
        "Anna,a@gemeente.test,,,,b@gemeente.test",
        "Bram,b@gemeente.test,,,,a@gemeente.test",
        "Kees 2,kees@gemeente.test,,,,",
        "Teun,teun@gemeente.test,,,",
    )

    response = upload(client, data)

    assert response.status_code == 200
    assert error_table(response) == [
        ("3", "department"),
        ("3", "floor"),
        ("4", "manager"),
        ("5", "manager"),
        ("6", "manager"),
        ("7", "email"),
        ("8", ""),
    ]
    assert 'id="import-summary"' not in response.content.decode()
    assert db_counts() == before


def test_hr_uploads_a_cp1252_file(client, org, hr, no_mfa_enforcement):
    client.force_login(hr)
    data = csv_file(
        "naam;e-mail;afdeling;verdieping;functie;leidinggevende",
        "Renée de Wit;renee@gemeente.test;Burgerzaken;STK-2;;",
        encoding="cp1252",
    )

    wrong = upload(client, data, encoding="utf-8")

    # One error about the file as a whole (line 0, shown as "file", no column).
    assert error_positions(wrong.context["report"]) == [(0, "")]
    assert len(error_table(wrong)) == 1
    assert not User.objects.filter(email="renee@gemeente.test").exists()

    right = upload(client, data, encoding="cp1252")

    assert summary(right) == [1, 0, 0]
    assert User.objects.get(email="renee@gemeente.test").first_name == "Renée"


def test_hr_checks_a_file_without_importing(client, org, hr, no_mfa_enforcement):
    client.force_login(hr)
    before = db_counts()

    response = upload(client, csv_file(HEADER, JAN, ELS), dry_run=True)

    assert response.status_code == 200
    assert summary(response) == [2, 0, 0]
    assert response.context["report"].dry_run
    assert db_counts() == before


def test_upload_without_a_file_is_a_form_error(client, org, hr, no_mfa_enforcement):
    client.force_login(hr)
    before = db_counts()

    response = client.post(IMPORT_URL, {"encoding": "utf-8"})

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert "report" not in response.context
    assert db_counts() == before


@pytest.mark.parametrize("who", ["hr", "admin_user"])
def test_import_page_is_open_to_hr_and_administrators(
    client, request, who, no_mfa_enforcement
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(IMPORT_URL)

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def assert_refused(response) -> None:
    """Wagtail answers a refusal with 403, or by redirecting a user without admin
    access to the "no access" page and a user with it to the admin dashboard."""
    if response.status_code == 403:
        return
    assert response.status_code == 302
    assert response["Location"].split("?")[0] in {
        reverse("cms_login"),
        reverse("wagtailadmin_home"),
    }


@pytest.mark.parametrize("who", ["learner", "coach", "editor"])
def test_import_is_refused_to_other_roles(
    client, request, org, who, no_mfa_enforcement
):
    client.force_login(request.getfixturevalue(who))
    before = db_counts()

    assert_refused(client.get(IMPORT_URL))
    assert_refused(upload(client, csv_file(HEADER, JAN, ELS)))
    assert db_counts() == before


def test_import_requires_signing_in(client, org):
    response = upload(client, csv_file(HEADER, ELS))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not User.objects.filter(email="els.bakker@gemeente.test").exists()
