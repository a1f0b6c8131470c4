"""Who may see the reports: per role, and a manager only their team."""

import pytest
from django.urls import reverse

from badges.models import BadgeClass
from lms.reports.models import ExportLog
from tests.lms.reports.conftest import make_award

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mfa_enforcement")]

PAGES = [
    ("reports:matrix", {}),
    ("reports:compliance", {}),
    ("reports:charts", {}),
    ("reports:export", {"table": "matrix", "format": "csv"}),
    ("reports:export", {"table": "compliance", "format": "xlsx"}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_anonymous_is_sent_to_sign_in(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
@pytest.mark.parametrize("role", ["learner", "coach", "editor"])
def test_learners_coaches_and_editors_get_403(client, org, request, role, name, kwargs):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403
    assert not ExportLog.objects.exists()


def test_person_page_is_403_for_learner_even_for_self(client, org):
    client.force_login(org.eva)
    url = reverse("reports:person", kwargs={"pk": org.eva.profile.pk})
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", ["hr", "admin_user"])
def test_hr_and_admin_see_everyone(client, org, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("reports:matrix"))
    assert response.status_code == 200
    content = response.content.decode()
    for name in ("Eva Aalders", "Ben Bakker", "Sam Claes", "Mia Manager"):
        assert name in content
    assert "Ina Dekker" not in content  # inactive
    for person in (org.eva, org.sam):
        url = reverse("reports:person", kwargs={"pk": person.profile.pk})
        assert client.get(url).status_code == 200


def test_manager_sees_only_their_team(client, org):
    client.force_login(org.mia)
    response = client.get(reverse("reports:matrix"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Eva Aalders" in content and "Ben Bakker" in content
    assert "Sam Claes" not in content
    assert "own team" in content
    # Filters cannot widen the scope.
    filtered = client.get(reverse("reports:matrix"), {"department": org.kcc.pk})
    assert "Sam Claes" not in filtered.content.decode()
    # (KCC is no choice for Mia: her team has nobody there.)
    assert "department" in filtered.context["form"].errors
    # Somebody outside the team: 404, as if they did not exist.
    url = reverse("reports:person", kwargs={"pk": org.sam.profile.pk})
    assert client.get(url).status_code == 404
    url = reverse("reports:person", kwargs={"pk": org.eva.profile.pk})
    assert client.get(url).status_code == 200
    # Totals are the team's too: Eva 2 and Ben 2 requirements.
    assert response.context["overall"].required == 4
    assert {t.label for t in response.context["department_totals"]} == {"Vergunningen"}


def test_manager_export_holds_only_the_team(client, org):
    client.force_login(org.mia)
    response = client.get(
        reverse("reports:export", kwargs={"table": "matrix", "format": "csv"})
    )
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Eva Aalders" in text and "Ben Bakker" in text
    assert "Sam Claes" not in text
    log = ExportLog.objects.get()
    assert (log.user, log.scope, log.report) == (org.mia, "team", "matrix")


def test_export_log_is_for_hr_and_admin_only(client, org, hr, admin_user):
    client.force_login(org.mia)
    assert client.get(reverse("reports:export_log")).status_code == 403
    for user in (hr, admin_user):
        client.force_login(user)
        assert client.get(reverse("reports:export_log")).status_code == 200


def test_evidence_of_someone_outside_the_team_is_404(client, org):
    badge = BadgeClass.objects.create(
        slug="intake", name="Intake", description="x", criteria_text="x",
        competence=org.c1, level=2,
    )  # fmt: skip
    award = make_award(org.sam, badge)
    client.force_login(org.mia)
    url = reverse(
        "reports:evidence", kwargs={"pk": org.sam.profile.pk, "award": award.public_id}
    )
    assert client.get(url).status_code == 404
    # Nor through a team member's profile.
    url = reverse(
        "reports:evidence", kwargs={"pk": org.eva.profile.pk, "award": award.public_id}
    )
    assert client.get(url).status_code == 404


def test_navigation_link_for_hr_and_managers_only(client, org, hr, learner, home_page):
    client.force_login(learner)
    assert reverse("reports:index") not in client.get("/").content.decode()
    for user in (hr, org.mia):
        client.force_login(user)
        assert reverse("reports:index") in client.get("/").content.decode()


def test_unknown_export_table_is_404(client, org, hr):
    client.force_login(hr)
    url = reverse("reports:export", kwargs={"table": "users", "format": "csv"})
    assert client.get(url).status_code == 404
    url = reverse("reports:export", kwargs={"table": "matrix", "format": "pdf"})
    assert client.get(url).status_code == 404
    assert not ExportLog.objects.exists()


def test_navigation_check_costs_no_query_once_cached(org, django_assert_num_queries):
    from lms.reports.selectors import user_sees_reports

    assert user_sees_reports(user=org.mia)
    assert not user_sees_reports(user=org.eva)
    with django_assert_num_queries(0):
        assert user_sees_reports(user=org.mia)
        assert not user_sees_reports(user=org.eva)
