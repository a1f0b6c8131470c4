"""The demo badges load on top of the demo organisation, framework and modules."""

import pytest

from badges.demo import BADGES, badges_demo_load, framework_demo_load
from badges.models import BadgeAward, BadgeClass
from badges.selectors import badge_progress_for
from courses.demo import courses_demo_load
from lms.accounts.services import role_groups_sync
from lms.organisation.demo import organisation_demo_load

pytestmark = pytest.mark.django_db


def test_demo_badges_and_awards_load_idempotently(home_page):
    role_groups_sync()
    organisation_demo_load()
    framework_demo_load()
    courses_demo_load()
    badges_demo_load()
    badges_demo_load()
    assert BadgeClass.objects.count() == len(BADGES)
    rules = set(BadgeClass.objects.values_list("rule", flat=True))
    assert rules == {"all", "any", "n_of"}
    assert BadgeClass.objects.filter(valid_for_days=365).exists()
    assert BadgeClass.objects.filter(criteria__kind="signoff").exists()
    zaak = BadgeClass.objects.get(slug="zaak-registreren")
    assert [c.kind for c in zaak.criteria.all()] == ["module_passed", "scenario_passed"]
    assert (zaak.competence.code, zaak.level) == ("zgw-intake", 2)

    awards = BadgeAward.objects.filter(recipient__email="medewerker@zaakwijs.test")
    assert awards.count() == 2
    overview = badge_progress_for(awards.first().recipient)
    assert {e.status for e in overview.earned} == {"valid", "expiring"}
    assert overview.in_progress
