"""End-to-end journeys in a real browser: Debian's Chromium driven by Playwright.

``playwright install`` cannot download browsers here, so the system Chromium is
used through ``executable_path``. Without one, every test in this folder is skipped
with a message that says so (``.ci/run`` always installs it).
"""

import os

import pytest
from wagtail.models import Locale, Page

from lms.accounts.services import role_groups_sync
from lms.home.demo import home_demo_load
from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in this thread; the ORM calls that
# set up data are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No calls home: this machine has no network beyond loopback.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The page tree a fresh, flushed database lacks (migrations made it once)."""
    Locale.objects.get_or_create(language_code="nl")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
    home = home_demo_load()
    role_groups_sync()
    return home


@pytest.fixture
def axe_check():
    """Run axe-core on the current page; fail on serious or critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(
            page,
            options={
                "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
            },
        )
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not violations, f"axe on {page.url}:\n" + "\n".join(violations)

    return check


def sign_in(page, email: str, password: str) -> None:
    """Fill in and submit the (Dutch) sign-in form on the current page."""
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=False).first.fill(password)
    page.get_by_role("button", name="Inloggen").click()
