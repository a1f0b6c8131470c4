"""HR and a manager use the reports in a real browser: no JavaScript needed, and
every page axe-clean."""

import re

import pytest
from playwright.sync_api import expect

from lms.accounts.roles import Role
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, employee
from tests.lms.reports.conftest import build_org


@pytest.fixture
def org(site, settings):
    settings.LMS_MFA_REQUIRED_FOR_STAFF = False
    return build_org()


def test_hr_finds_gaps_drills_down_and_exports(live_server, org, page, axe_check):
    hr = employee(roles=[Role.HR], user__first_name="Hanna").user
    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, hr.email, PASSWORD)
    page.goto(live_server.url + "/rapportages/")
    expect(page).to_have_url(re.compile(r"/rapportages/competenties/$"))
    expect(page.locator("table.zw-matrix")).to_contain_text("Eva Aalders")
    axe_check(page)

    # Filter without JavaScript: a plain GET form.
    page.locator("#id_department").select_option(label="Vergunningen")
    page.locator("#id_status").select_option("gap")
    page.locator("form.zw-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"status=gap"))
    matrix = page.locator("table.zw-matrix")
    expect(matrix).to_contain_text("Ben Bakker")
    expect(matrix).not_to_contain_text("Eva Aalders")
    expect(matrix).not_to_contain_text("Sam Claes")
    # The export links carry the filters.
    href = page.locator("a[href*='/export/matrix.csv']").first.get_attribute("href")
    assert "status=gap" in href and "department=" in href

    matrix.get_by_role("link", name="Ben Bakker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ben Bakker")
    axe_check(page)
    page.locator("a[href$='/afdrukken/']").click()
    expect(page.locator("h1")).to_contain_text("Ben Bakker")
    axe_check(page)
    page.emulate_media(media="print")
    expect(page.locator(".zw-header")).to_be_hidden()
    page.emulate_media(media="screen")

    for path in ("/rapportages/verplichte-training/", "/rapportages/grafieken/"):
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe_check(page)
    expect(page.locator("svg[role=img]").first).to_be_visible()

    with page.expect_download() as download:
        page.goto(live_server.url + "/rapportages/competenties/")
        page.locator("a[href*='/export/departments.csv']").click()
    assert download.value.suggested_filename.endswith(".csv")
    page.goto(live_server.url + "/rapportages/exportlog/")
    expect(page.locator("table")).to_contain_text("departments")
    axe_check(page)


def test_manager_sees_only_the_team(live_server, org, page, axe_check):
    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, org.mia.email, PASSWORD)
    page.goto(live_server.url + "/rapportages/competenties/")
    matrix = page.locator("table.zw-matrix")
    expect(matrix).to_contain_text("Eva Aalders")
    expect(matrix).to_contain_text("Ben Bakker")
    expect(matrix).not_to_contain_text("Sam Claes")
    axe_check(page)
