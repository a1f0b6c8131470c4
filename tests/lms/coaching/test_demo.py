from badges.demo import framework_demo_load
from badges.models import CompetenceSignOff
from lms.accounts.services import role_groups_sync
from lms.coaching.demo import REQUESTS, coaching_demo_load
from lms.coaching.models import CoachAbsence, CoachProfile, HelpRequest
from lms.coaching.selectors import help_metrics
from lms.organisation.demo import organisation_demo_load


def test_demo_coaching_is_complete_and_idempotent(db):
    role_groups_sync()
    organisation_demo_load()
    framework_demo_load()
    coaching_demo_load()
    coaching_demo_load()

    assert HelpRequest.objects.count() == len(REQUESTS)
    assert set(HelpRequest.objects.values_list("status", flat=True)) == {
        "open",
        "in_progress",
        "resolved",
    }
    assert HelpRequest.objects.values("floor").distinct().count() >= 4
    assert CoachProfile.objects.count() == 4
    assert CoachAbsence.objects.current().filter(stand_in__isnull=False).count() == 1
    assert CompetenceSignOff.objects.count() == 1
    resolved = HelpRequest.objects.filter(status="resolved")
    assert all(r.resolved_at > r.created_at for r in resolved)
    figures = [m for m in help_metrics(since=resolved[0].created_at.replace(year=2000))]
    assert any(m.resolution_median for m in figures)
