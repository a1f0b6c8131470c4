"""The case file in a real browser: a party with a machtiging, a note, a document
checked out, changed and given a new version, and the ZGW export."""

import json
import re

from playwright.sync_api import expect

from sandbox.demo import catalogue_demo_load
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, employee


def test_learner_keeps_the_case_file(live_server, site, page, axe_check, tmp_path):
    catalogue_demo_load()
    learner = employee(user__first_name="Sanne").user

    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, learner.email, PASSWORD)
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(live_server.url + "/oefenen/")
    page.get_by_label("Name").fill("Dossier oefenen")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Register a case").click()
    page.get_by_label("Case type").select_option(
        label="Melding openbare ruimte afhandelen"
    )
    page.get_by_role("radio", name="E-mail").check()
    page.get_by_label("Short description").fill("Losliggende stoeptegel")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        re.compile(r"ZAAK-\d{4}-\d{10}")
    )

    # A company reports it, through an authorised representative.
    tabs = page.get_by_role("navigation", name="Case sections")
    tabs.get_by_role("link", name="Parties involved").click()
    page.get_by_role("link", name="Organisation (company, foundation)").click()
    page.get_by_label("Role", exact=True).select_option(label="Melder")
    page.get_by_label("Registered name").fill("Stratenmakers B.V.")
    page.get_by_label("RSIN").fill("123456789")
    page.get_by_label("Authorisation", exact=True).select_option(
        label="Authorised representative"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("11-proef")
    axe_check(page)
    page.get_by_label("RSIN").fill("123456782")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_role("cell", name="Stratenmakers B.V.", exact=True)
    ).to_be_visible()
    axe_check(page)

    # A note for a colleague.
    tabs.get_by_role("link", name="Notes").click()
    page.get_by_label("Note", exact=True).fill(
        "<p>Melder wil <strong>teruggebeld</strong> worden.</p>"
    )
    page.get_by_role("button", name="Add the note").click()
    expect(page.locator(".sandbox-notitie strong")).to_have_text("teruggebeld")
    axe_check(page)

    # A document: check out, change, new version, the viewer.
    page.get_by_role("link", name="Add a document").click()
    page.get_by_label("Document type").select_option(index=1)
    page.get_by_label("Title").fill("Foto van de tegel")
    page.get_by_label("Author").fill("Sanne")
    upload = tmp_path / "melding.txt"
    upload.write_text("Tegel ligt los bij nummer 4.")
    page.get_by_label("File").set_input_files(str(upload))
    page.get_by_role("button", name="Add a document").click()
    page.get_by_role("link", name="Foto van de tegel").click()
    expect(page.get_by_role("heading", name="Viewer")).to_be_visible()
    page.get_by_role("button", name="Check out").click()
    page.get_by_role("link", name="Change details").click()
    page.get_by_label("Confidentiality").select_option(label="Internal")
    page.get_by_label("Usage rights").select_option(label="No usage rights apply")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The document was changed (version 2).")).to_be_visible()
    page.get_by_role("link", name="Upload a new version").click()
    second = tmp_path / "melding-v2.txt"
    second.write_text("Tegel ligt los bij nummer 4 en 6.")
    page.get_by_label("File of the new version").set_input_files(str(second))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Version 3 was added.")).to_be_visible()
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_role("button", name="Check out")).to_be_visible()
    axe_check(page)

    # The export.
    page.get_by_role("link", name=re.compile(r"ZAAK-")).first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export (ZGW JSON)").click()
    document = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert document["zaak"]["omschrijving"] == "Losliggende stoeptegel"
    assert document["rollen"][0]["indicatieMachtiging"] == "gemachtigde"
    assert document["enkelvoudiginformatieobjecten"][0]["versie"] == 3
