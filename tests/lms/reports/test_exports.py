"""Exports: CSV and XLSX hold what the page shows, with the filters applied, and
every export is logged."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms.reports.models import ExportLog
from lms.reports.views import EXPORT_TABLES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mfa_enforcement")]


def _get(client, table, format, **params):
    response = client.get(
        reverse("reports:export", kwargs={"table": table, "format": format}), params
    )
    assert response.status_code == 200, response
    assert response.streaming
    return response, b"".join(response.streaming_content)


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(content: bytes) -> list[tuple]:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    sheet = workbook.worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_matrix_csv_matches_the_cells(client, org, hr):
    client.force_login(hr)
    response, content = _get(client, "matrix", "csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = _csv(content)
    header = rows[0]
    assert header[:6] == [
        "Name",
        "E-mail",
        "Department",
        "Floor",
        "Job function",
        "Manager",
    ]
    assert "zgw-intake level" in header and "zgw-besluit status" in header
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {
        "Eva Aalders",
        "Ben Bakker",
        "Sam Claes",
        "Mia Manager",
        hr.get_full_name(),
    }
    eva = by_name["Eva Aalders"]
    assert eva["zgw-intake level"] == "2"
    assert eva["zgw-intake required"] == "2"
    assert eva["zgw-intake status"] == "met"
    assert eva["zgw-status status"] == "expiring soon"
    assert eva["Manager"] == "Mia Manager"
    assert (eva["Requirements"], eva["Met"], eva["Coverage (%)"]) == ("2", "2", "100.0")
    sam = by_name["Sam Claes"]
    assert sam["zgw-intake level"] == ""  # expired
    assert sam["zgw-intake status"] == "gap"


def test_matrix_xlsx_with_filters(client, org, hr):
    client.force_login(hr)
    response, content = _get(
        client, "matrix", "xlsx", department=org.vergunningen.pk, status="gap"
    )
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    rows = _xlsx(content)
    assert rows[0][0] == "Name"
    assert [row[0] for row in rows[1:]] == ["Ben Bakker"]
    header = rows[0]
    ben = dict(zip(header, rows[1], strict=True))
    assert ben["zgw-status level"] == 1  # numbers stay numbers
    assert ben["zgw-status required"] == 2
    assert ben["zgw-status status"] == "gap"
    log = ExportLog.objects.get()
    assert log.user == hr
    assert log.report == "matrix"
    assert log.format == "xlsx"
    assert log.scope == "all"
    assert log.filters == {"department": org.vergunningen.pk, "status": "gap"}


def test_department_totals_export(client, org, hr):
    client.force_login(hr)
    _, content = _get(client, "departments", "csv")
    rows = _csv(content)
    assert rows[0][:4] == ["Department", "Employees", "Requirements", "Met"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Vergunningen"][2:4] == ["4", "2"]
    assert by_name["Vergunningen"][-1] == "50.0"
    _, content = _get(client, "functions", "xlsx")
    rows = _xlsx(content)
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Vergunningverlener"][2:4] == (4, 3)


@pytest.mark.parametrize("table", sorted(EXPORT_TABLES))
@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_every_table_exports_and_is_logged(client, org, hr, table, format):
    client.force_login(hr)
    _, content = _get(client, table, format)
    rows = _csv(content) if format == "csv" else _xlsx(content)
    assert rows and rows[0]
    assert ExportLog.objects.filter(report=table, format=format, user=hr).count() == 1


def test_formula_like_names_stay_text(client, org, hr):
    org.sam.first_name = '=HYPERLINK("http://x")'
    org.sam.save()
    client.force_login(hr)
    _, content = _get(client, "matrix", "csv")
    assert any(row[0].startswith("'=HYPERLINK") for row in _csv(content))
    _, content = _get(client, "matrix", "xlsx")
    assert any(str(row[0]).startswith("'=HYPERLINK") for row in _xlsx(content)[1:])


def test_export_log_page_shows_who_what_and_filters(client, org, hr):
    client.force_login(org.mia)
    _get(client, "compliance", "csv", status="overdue")
    client.force_login(hr)
    response = client.get(reverse("reports:export_log"))
    html = response.content.decode()
    assert "Mia Manager" in html
    assert "compliance" in html
    assert "status=overdue" in html
    assert "own team" in html
