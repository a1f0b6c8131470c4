"""The public verification page in a real browser: axe-clean, no sign-in, no JS needed."""

import pytest
from django.test import override_settings
from django.urls import reverse

from badges.services import badge_award_manual, badge_award_revoke
from lms.accounts.roles import Role
from tests.badges import factories
from tests.conftest import CHROMIUM
from tests.factories import employee

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium found"),
]


@pytest.fixture
def public_award(site, live_server):
    with override_settings(LMS_BASE_URL=live_server.url):
        hr = employee(roles=[Role.HR]).user
        learner = employee().user
        learner.first_name, learner.last_name = "Anna", "de Vries"
        learner.save()
        competence = factories.competence("zgw-intake", name="Intake van een zaak")
        badge = factories.badge_class(
            name="Zaak intake",
            description="Kan een zaak correct registreren.",
            criteria_text="Module afgerond en scenario gehaald.",
            competence=competence,
            level=2,
            valid_for_days=365,
        )
        award = badge_award_manual(
            actor=hr, badge_class=badge, recipient=learner, narrative="Goed gedaan."
        )
        yield award, hr, live_server.url


@pytest.mark.parametrize("language", ["nl", "en"])
def test_verification_page_is_axe_clean_without_signing_in(
    page, axe_check, public_award, language
):
    award, hr, base = public_award
    page.context.add_cookies(
        [{"name": "zaakwijs_language", "value": language, "url": base}]
    )
    page.goto(base + reverse("badges:verify", args=[award.public_id]))
    assert "Anna de Vries" in page.content()
    assert page.locator("h1").inner_text() == "Zaak intake"
    axe_check(page)

    page.get_by_role("link", name="Intake van een zaak").click()
    page.wait_for_url("**/badges/kader/zgw-intake/#level-2")
    axe_check(page)

    # Check the downloaded credential on the public "verify a badge" page.
    credential = page.request.get(
        base + reverse("badges:award_credential", args=[award.public_id])
    ).text()
    page.goto(base + reverse("badges:credential_check"))
    axe_check(page)
    page.locator("textarea").fill(credential)
    page.locator("form.zw-form button[type=submit]").click()
    page.wait_for_selector("#verification-result")
    state = page.locator("#verification-result p").first.get_attribute("class")
    assert state.endswith("--valid")
    axe_check(page)

    badge_award_revoke(actor=hr, award=award, reason="Fout.")
    page.goto(base + reverse("badges:verify", args=[award.public_id]))
    assert page.locator("#award-state").get_attribute("class").endswith("revoked")
    axe_check(page)
