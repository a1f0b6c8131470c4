"""The public verification page of an award (no sign-in)."""

# The shared fixtures (award, badge, ...) are imported from test_credentials.
# ruff: noqa: F811

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from badges.models import AwardEvidence, BadgeAward
from badges.services import badge_award_revoke
from tests.badges import factories
from tests.badges.test_credentials import award, badge, competence, hr_user  # noqa: F401

pytestmark = pytest.mark.django_db


def page(client, award):
    response = client.get(reverse("badges:verify", args=[award.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_anyone_can_verify_without_signing_in(client, award):
    html = page(client, award)
    assert "Valid" in html
    assert "Anna de Vries" in html
    assert "Zaak intake" in html
    assert "Zaakwijs" in html
    assert award.badge_class.criteria_text in html
    assert award.narrative in html
    assert "did:web:testserver" in html
    # Only name and badge are public: never the e-mail address.
    assert award.recipient.email not in html


def test_downloads_and_linkedin(client, award):
    html = page(client, award)
    for name in (
        "badges:award_credential",
        "badges:ob2_assertion",
        "badges:award_baked_png",
        "badges:award_baked_svg",
    ):
        url = reverse(name, args=[award.public_id])
        assert f'href="{url}?download=1"' in html
        response = client.get(url + "?download=1")
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
    start = html.index("https://www.linkedin.com/profile/add?")
    link = html[start : html.index('"', start)].replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["name"] == ["Zaak intake"]
    assert query["organizationName"] == ["Zaakwijs"]
    assert query["certUrl"] == [f"http://testserver/badges/controle/{award.public_id}/"]
    assert query["issueYear"] == [str(award.awarded_at.year)]
    assert query["expirationYear"] == [str(award.expires_at.year)]


def test_evidence_summary_names_criteria_not_scores(client, hr_user, learner, module):
    badge = factories.badge_class(
        factories.module_passed(module, min_score=70),
        factories.scenario_passed("mor-melding-eenvoudig", min_score=80),
        name="Melding",
    )
    award = BadgeAward.objects.create(
        badge_class=badge,
        recipient=learner,
        method=BadgeAward.Method.AUTOMATIC,
        recipient_salt="abc",
        status_list_index=900,
    )
    for criterion in badge.criteria.all():
        AwardEvidence.objects.create(
            award=award, criterion=criterion, description="score 0.93, statement …"
        )
    html = page(client, award)
    assert f"Passed the module “{module.title}” with at least 70%." in html
    assert (
        "Passed the practice scenario “mor-melding-eenvoudig” with at least 80%."
        in html
    )
    assert "0.93" not in html


def test_revoked_award_shows_revoked_with_date(client, award, hr_user):
    badge_award_revoke(actor=hr_user, award=award, reason="Vertrouwelijke reden.")
    html = page(client, award)
    assert "Revoked" in html
    award.refresh_from_db()
    assert award.revoked_at.strftime("%Y") in html
    assert "Vertrouwelijke reden." not in html
    assert "linkedin.com" not in html


def test_expired_award_shows_expired(client, award):
    BadgeAward.objects.filter(pk=award.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    html = page(client, award)
    assert "Expired" in html
    assert "linkedin.com" not in html


def test_machines_asking_for_json_get_the_assertion(client, award):
    url = reverse("badges:verify", args=[award.public_id])
    response = client.get(url, HTTP_ACCEPT="application/ld+json, application/json")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "badges:ob2_assertion", args=[award.public_id]
    )
    browser = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*")
    assert browser.status_code == 200


def test_unknown_award_is_404(client):
    import uuid

    assert client.get(reverse("badges:verify", args=[uuid.uuid4()])).status_code == 404


def test_competence_page_is_public(client, competence):
    response = client.get(reverse("badges:competence_public", args=["zgw-intake"]))
    assert response.status_code == 200
    assert "Intake van een zaak" in response.content.decode()
    assert (
        client.get(reverse("badges:competence_public", args=["nope"])).status_code
        == 404
    )
