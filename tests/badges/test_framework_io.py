"""The framework's CSV export and import: round trip, all or nothing, dry run."""

import pytest

from badges.framework_io import (
    framework_export,
    framework_import,
    requirements_export,
    requirements_import,
)
from badges.models import BehaviouralIndicator, Competence, FunctionRequirement
from tests.badges import factories as f
from tests.factories import JobFunctionFactory

pytestmark = pytest.mark.django_db

FRAMEWORK = (
    b"code;naam;categorie;omschrijving;niveau;niveaunaam;niveauomschrijving;"
    b"gedragsindicatoren\r\n"
    b'zgw-intake;Intake;Intake;Vult in.;1;Basis;Met hulp.;"Kiest kanaal\nVult datum"\r\n'
    b"zgw-intake;Intake;Intake;Vult in.;2;Zelfstandig;Alleen.;Foutloos\r\n"
    b"zgw-archief;Archiveren;Afronding;;;;;\r\n"
)


def test_import_creates_competences_levels_and_indicators():
    report = framework_import(data=FRAMEWORK)
    assert report.ok, report.errors
    assert sorted(report.created) == ["zgw-archief", "zgw-intake"]
    intake = Competence.objects.get(code="zgw-intake")
    assert intake.levels.count() == 2
    assert list(
        BehaviouralIndicator.objects.filter(level__competence=intake, level__level=1)
        .order_by("sort_order")
        .values_list("text", flat=True)
    ) == ["Kiest kanaal", "Vult datum"]
    assert Competence.objects.get(code="zgw-archief").levels.count() == 0


def test_round_trip_changes_nothing():
    framework_import(data=FRAMEWORK)
    exported = framework_export()
    report = framework_import(data=exported.encode())
    assert report.ok, report.errors
    assert report.unchanged == ["zgw-intake", "zgw-archief"]
    assert framework_export() == exported


def test_dry_run_imports_nothing():
    report = framework_import(data=FRAMEWORK, dry_run=True)
    assert report.ok and len(report.created) == 2
    assert not Competence.objects.exists()


def test_one_bad_row_imports_nothing_and_every_error_is_reported():
    data = (
        b"code,name,category,description,level,level_name,level_description,indicators\n"
        b"goed,Goed,,,1,Basis,,\n"
        b"fout code!,Naam,,,1,Basis,,\n"
        b"goed,Anders,,,2,Zelfstandig,,\n"
        b"ander,Ander,,,9,Hoog,,\n"
        b"ander,Ander,,,1,,,\n"
    )
    report = framework_import(data=data)
    assert not report.ok
    assert [(e.line, e.column) for e in report.errors] == [
        (3, "code"),
        (4, "name"),
        (5, "level"),
        (6, "level_name"),
    ]
    assert not Competence.objects.exists()


def test_unknown_and_missing_columns():
    report = framework_import(data=b"code,naam,kleur\nx,y,z\n")
    messages = {(e.column, e.message) for e in report.errors}
    assert ("kleur", "Unknown column.") in messages
    assert ("level", "Required column is missing.") in messages


def test_requirements_round_trip_and_errors():
    function = JobFunctionFactory(name="Vergunningverlener")
    f.competence("zgw-termijnen")
    report = requirements_import(
        data=b"functie;competentie;niveau\nVergunningverlener;zgw-termijnen;3\n"
    )
    assert report.ok and report.created == ["Vergunningverlener: zgw-termijnen"]
    assert FunctionRequirement.objects.get(job_function=function).level == 3
    exported = requirements_export()
    report = requirements_import(data=exported.encode())
    assert report.ok and len(report.unchanged) == 1

    report = requirements_import(
        data=b"function,competence,level\nOnbekend,zgw-termijnen,2\n"
        b"Vergunningverlener,zgw-niets,2\nVergunningverlener,zgw-termijnen,two\n"
    )
    assert [(e.line, e.column) for e in report.errors] == [
        (2, "function"),
        (3, "competence"),
        (4, "level"),
    ]
    assert FunctionRequirement.objects.get(job_function=function).level == 3


def test_cp1252_and_bad_encoding():
    data = "code;naam;categorie;omschrijving;niveau;niveaunaam;niveauomschrijving;indicatoren\nx;Één;;;;;;\n"
    assert framework_import(data=data.encode("cp1252"), encoding="cp1252").ok
    report = framework_import(data=data.encode("cp1252"), encoding="utf-8")
    assert not report.ok and report.errors[0].line == 0
