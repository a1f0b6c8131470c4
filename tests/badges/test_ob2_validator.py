"""1EdTech's Open Badges 2.0 validator (PyPI ``openbadges``) against a live server.

The validator pins very old dependencies, so it lives in its own virtualenv,
``var/obvalidator-venv`` (``make obvalidator``, part of ``make install``), and runs
offline through tools/ob-verify/ob2_validate.py.
"""

import json
import subprocess
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from badges.services import badge_award_manual, badge_award_revoke
from lms.accounts.roles import Role
from tests.badges import factories
from tests.factories import employee

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR_PYTHON = ROOT / "var" / "obvalidator-venv" / "bin" / "python"
SCRIPT = ROOT / "tools" / "ob-verify" / "ob2_validate.py"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not VALIDATOR_PYTHON.exists(),
        reason="1EdTech validator not installed: run `make obvalidator`",
    ),
]


def validate(url: str, email: str | None = None) -> dict:
    result = subprocess.run(  # noqa: S603 - fixed interpreter and script
        [str(VALIDATOR_PYTHON), str(SCRIPT), url, *([email] if email else [])],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def served_award(live_server):
    with override_settings(LMS_BASE_URL=live_server.url):
        hr = employee(roles=[Role.HR]).user
        learner = employee().user
        competence = factories.competence("zgw-status", name="Status bijhouden")
        badge = factories.badge_class(
            name="Status bijhouden",
            description="Houdt de status van een zaak bij.",
            criteria_text="Scenario gehaald.",
            competence=competence,
            level=1,
            valid_for_days=730,
        )
        award = badge_award_manual(
            actor=hr, badge_class=badge, recipient=learner, narrative="Goed gedaan."
        )
        yield award, hr, live_server.url


def errors(report: dict) -> list[str]:
    return [
        f"{m.get('name')}: {m.get('result')}"
        for m in report["report"]["messages"]
        if m.get("messageLevel") == "ERROR"
    ]


def test_hosted_assertion_passes_the_1edtech_validator(served_award):
    award, _hr, base = served_award
    url = base + reverse("badges:ob2_assertion", args=[award.public_id])
    report = validate(url, award.recipient.email)
    assert report["report"]["valid"] is True, errors(report)
    assert report["report"]["errorCount"] == 0, errors(report)
    assert report["report"]["recipientProfile"] == {"email": award.recipient.email}
    node_types = {node.get("type") for node in report["graph"]}
    assert {"Assertion", "BadgeClass", "Issuer"} <= node_types


def test_revoked_assertion_is_served_revoked_and_still_well_formed(served_award):
    """validator-core 1.1.2 checks revocation only for *signed* badges (through the
    issuer's RevocationList); for hosted ones it validates ``revoked`` as a property.
    So: the revoked assertion must still be well-formed, carry ``revoked: true``
    with the reason, and appear in the issuer's RevocationList."""
    award, hr, base = served_award
    badge_award_revoke(actor=hr, award=award, reason="Ten onrechte toegekend.")
    url = base + reverse("badges:ob2_assertion", args=[award.public_id])
    report = validate(url)
    assert report["report"]["errorCount"] == 0, errors(report)
    [assertion] = [n for n in report["graph"] if n.get("type") == "Assertion"]
    assert assertion["revoked"] is True
    assert assertion["revocationReason"] == "Ten onrechte toegekend."
    [issuer] = [n for n in report["graph"] if n.get("type") == "Issuer"]
    assert issuer["revocationList"] == base + reverse("badges:ob2_revocation_list")
