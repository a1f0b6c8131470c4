"""A learner practises in the Oefenomgeving: free practice, a melding openbare
ruimte registered, handled and closed, in a real browser."""

import re

from playwright.sync_api import expect

from sandbox.demo import catalogue_demo_load
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, employee


def test_learner_registers_handles_and_closes_a_melding(
    live_server, site, page, axe_check
):
    catalogue_demo_load()
    learner = employee(user__first_name="Sanne").user

    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, learner.email, PASSWORD)
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Practice environment"
    ).click()
    expect(page.get_by_text("Practice environment — fictitious data")).to_be_visible()
    page.get_by_label("Name").fill("Vrij oefenen")
    page.get_by_role("button", name="Start").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Work queue")
    page.get_by_role("link", name="Register a case").click()
    page.get_by_label("Case type").select_option(
        label="Melding openbare ruimte afhandelen"
    )
    page.get_by_role("radio", name="E-mail").check()
    page.get_by_label("Short description").fill("Lantaarnpaal kapot Kerkstraat")
    page.get_by_label("BSN").fill("999993653")
    page.get_by_label("Surname", exact=True).fill("Bakker")
    page.get_by_role("button", name="Register").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(re.compile(r"ZAAK-\d{4}-\d{10}"))
    expect(heading).to_contain_text("Melding openbare ruimte afhandelen")
    expect(page.get_by_text("Practice environment — fictitious data")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Set status").click()
    page.get_by_label("New status").select_option(label="In behandeling")
    page.get_by_label("Explanation").fill("Buitendienst is ingeseind.")
    page.get_by_role("button", name="Set status").click()
    tabs = page.get_by_role("navigation", name="Case sections")
    expect(tabs.get_by_role("link", name="Status and history")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_text("Buitendienst is ingeseind.")).to_be_visible()

    page.get_by_role("link", name="Work queue").first.click()
    expect(page.get_by_role("link", name=re.compile(r"ZAAK-"))).to_be_visible()
    expect(page.get_by_role("cell", name="In behandeling")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"ZAAK-")).click()

    page.get_by_role("link", name="Set the result").click()
    page.get_by_label("Result").select_option(label="Opgelost")
    page.get_by_role("button", name="Set the result").click()

    page.get_by_role("link", name="Close the case").click()
    page.get_by_label("Explanation").fill("Lamp vervangen.")
    page.get_by_role("button", name="Close the case").click()

    expect(page.get_by_text(re.compile(r"Closed on \d"))).to_be_visible()
    expect(page.get_by_text("Opgelost")).to_be_visible()
    expect(page.get_by_role("link", name="Set status")).to_have_count(0)
    axe_check(page)
