import re

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, employee


def test_learner_signs_in_sees_dutch_home_switches_to_english_and_signs_out(
    live_server, site, page, axe_check
):
    learner = employee(user__first_name="Sanne").user

    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    # Dutch by default, even though this browser asks for English.
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Zaakwijs")
    axe_check(page)

    # Keyboard users get a skip link first.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Ga naar de inhoud")).to_be_focused()

    sign_in(page, learner.email, PASSWORD)

    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goed je te zien, Sanne")
    expect(page.get_by_role("heading", name="Mijn leren")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Good to see you, Sanne")
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_home_page_reflows_at_400_percent_zoom(live_server, site, page):
    # 1280 CSS pixels at 400% zoom leave a 320 pixel wide viewport (WCAG 1.4.10).
    learner = employee().user
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, learner.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"page scrolls sideways by {overflow}px at 320px wide"


def test_account_pages_are_accessible(live_server, site, page, axe_check):
    page.goto(live_server.url + "/accounts/password/reset/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)

    learner = employee().user
    page.goto(live_server.url + "/accounts/login/")
    sign_in(page, learner.email, PASSWORD)
    for path in ("/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"):
        page.goto(live_server.url + path)
        expect(
            page.get_by_role("navigation", name="Accountinstellingen")
        ).to_be_visible()
        axe_check(page)
