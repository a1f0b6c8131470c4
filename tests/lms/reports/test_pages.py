"""The report pages: matrix query count, the person overview with its evidence,
the printable overview and the charts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from badges.models import (
    AwardEvidence,
    BadgeClass,
    CompetenceSignOff,
    FunctionRequirement,
)
from courses.models import Enrolment
from lms.lrs import vocabulary
from lms.lrs.services import statement_record
from lms.reports.charts import badges_per_month, completions_per_month, coverage_history
from lms.reports.selectors import ReportFilters, report_scope_for, subjects_filtered
from tests.courses import factories as f
from tests.factories import employee
from tests.lms.reports.conftest import make_award, set_level

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mfa_enforcement")]


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"status": "gap"}, {"department": "x"}])
def test_matrix_page_query_count_does_not_grow_with_people(client, org, hr, params):
    client.force_login(hr)
    url = reverse("reports:matrix")
    if params.get("department") == "x":
        params = {"department": org.vergunningen.pk}
    _queries(client, url, params)  # warm caches (site, language)
    few = _queries(client, url, params)
    for n in range(30):
        profile = employee(department=org.vergunningen, job_function=org.verlener)
        set_level(profile.user, org.c1, 1 + n % 3)
        set_level(profile.user, org.c2, 1)
    many = _queries(client, url, params)
    assert many == few
    assert many <= 30


def test_person_overview_shows_levels_requirements_and_evidence(client, org, hr, coach):
    badge = BadgeClass.objects.create(
        slug="intake-2", name="Intake zelfstandig", description="x", criteria_text="Doe de intake.",
        competence=org.c1, level=2, valid_for_days=365,
    )  # fmt: skip
    statement = statement_record(
        user=org.eva,
        verb=vocabulary.PASSED,
        activity_id=vocabulary.activity_iri("scenario", "mor-melding-eenvoudig"),
        activity_type=vocabulary.SCENARIO_TYPE,
        activity_name="Melding openbare ruimte",
        result={"success": True, "score": {"scaled": 0.9}},
    )
    award = make_award(org.eva, badge, expires_at=timezone.now() + timedelta(days=300))
    AwardEvidence.objects.create(
        award=award,
        statement_id=statement.statement_id,
        description="Oefenscenario gehaald",
    )
    signoff = CompetenceSignOff.objects.create(
        learner=org.eva,
        coach=coach,
        competence=org.c2,
        level=1,
        note="Goed gedaan aan de balie.",
    )
    AwardEvidence.objects.create(award=award, signoff=signoff)
    client.force_login(hr)
    response = client.get(reverse("reports:person", kwargs={"pk": org.eva.profile.pk}))
    html = response.content.decode()
    assert "Intake van een zaak" in html
    assert "Zelfstandig" in html  # the level's name
    assert "Intake zelfstandig" in html
    assert "Goed gedaan aan de balie." in html
    assert "2 / 2" in html  # requirements met
    evidence_url = reverse(
        "reports:evidence", kwargs={"pk": org.eva.profile.pk, "award": award.public_id}
    )
    assert evidence_url in html
    html = client.get(evidence_url).content.decode()
    assert "Oefenscenario gehaald" in html
    assert str(statement.statement_id) in html
    assert "Melding openbare ruimte" in html
    assert "90%" in html
    assert "Sign-off at level 1" in html
    # The printable overview.
    response = client.get(
        reverse("reports:person_print", kwargs={"pk": org.eva.profile.pk})
    )
    html = response.content.decode()
    assert "For the yearly review" in html
    assert "Intake van een zaak" in html
    assert "reports.css" in html


def test_coverage_history_follows_award_and_signoff_dates(org, hr, coach):
    today = timezone.localdate()
    badge = BadgeClass.objects.create(
        slug="intake-x", name="Intake", description="x", criteria_text="x",
        competence=org.c1, level=2,
    )  # fmt: skip
    # Eva's intake badge two months ago (the day after the month end three months
    # back); Sam's status sign-off this month, withdrawn never.
    awarded = timezone.now() - timedelta(days=70)
    make_award(org.eva, badge, awarded_at=awarded)
    CompetenceSignOff.objects.create(
        learner=org.sam, coach=coach, competence=org.c2, level=1, observed_on=today
    )
    scope = report_scope_for(user=hr)
    subjects = subjects_filtered(
        scope=scope, filters=ReportFilters(department=org.kcc.pk)
    )
    chart = coverage_history(subjects=subjects, months=3)
    (series,) = chart.series  # one department: no "all departments" line
    assert series.label == "KCC"
    # Sam: 2 requirements, the sign-off meets one from this month on.
    assert series.values == [0.0, 0.0, 50.0]
    subjects = subjects_filtered(
        scope=scope, filters=ReportFilters(department=org.vergunningen.pk)
    )
    chart = coverage_history(subjects=subjects, months=4)
    (series,) = chart.series
    # Eva 2 + Ben 2 requirements; the award meets one of Eva's since it was given.
    awarded_month = timezone.localdate(awarded).replace(day=1)
    expected = [
        25.0 if end >= timezone.localdate(awarded) else 0.0 for end in chart.months
    ]
    assert series.values == expected
    assert any(end >= awarded_month for end in chart.months)
    svg = str(chart.svg(series))
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert chart.table_headers[0] == "Department"


def test_completions_and_badges_per_month(org, hr, home_page):
    catalogue = f.catalogue_page(home_page)
    module = f.module_page(catalogue)
    Enrolment.objects.create(
        user=org.eva,
        module=module,
        status=Enrolment.Status.COMPLETED,
        finished_at=timezone.now(),
    )
    Enrolment.objects.create(
        user=org.sam, module=module, status=Enrolment.Status.COMPLETED,
        finished_at=timezone.now() - timedelta(days=400),
    )  # fmt: skip
    badge = BadgeClass.objects.create(
        slug="b", name="B", description="x", criteria_text="x"
    )
    make_award(org.ben, badge)
    scope = report_scope_for(user=hr)
    subjects = scope.subjects()
    completions = completions_per_month(subjects=subjects)
    assert sum(completions.series[0].values) == 1
    assert completions.series[0].values[-1] == 1
    badges = badges_per_month(subjects=subjects)
    assert badges.series[0].values[-1] == 1
    # A manager's charts count the team only.
    team = report_scope_for(user=org.mia).subjects()
    assert completions_per_month(subjects=team).series[0].values[-1] == 1
    FunctionRequirement.objects.all().delete()
    assert coverage_history(subjects=team).series == []


def test_charts_page_renders_svg_and_tables(client, org, hr):
    client.force_login(hr)
    html = client.get(reverse("reports:charts")).content.decode()
    assert html.count('role="img"') >= 3
    assert "The figures as a table" in html
    assert (
        reverse("reports:export", kwargs={"table": "chart-badges", "format": "csv"})
        in html
    )


def test_matrix_html_cells_pagination_and_bad_input(client, org, hr, monkeypatch):
    client.force_login(hr)
    response = client.get(
        reverse("reports:matrix"), {"department": org.vergunningen.pk}
    )
    html = response.content.decode()
    # Eva: met + expiring; Ben: two gaps; Mia: none required.
    assert html.count("zw-matrix__cell--gap") == 2 + 1  # + the legend
    assert html.count("zw-matrix__cell--expiring") == 1 + 1
    assert '<span class="zw-visually-hidden"> gap</span>' in html
    # Pagination keeps the filters.
    for _n in range(3):
        employee(department=org.vergunningen, job_function=org.verlener)
    monkeypatch.setattr("lms.reports.views.PAGE_SIZE", 2)
    html = client.get(
        reverse("reports:matrix"), {"department": org.vergunningen.pk}
    ).content.decode()
    assert f"?department={org.vergunningen.pk}&amp;page=2" in html
    # Nonsense in the URL: a message, and everyone in view rather than an error.
    response = client.get(
        reverse("reports:matrix"), {"department": "abc", "expiring_days": "-3"}
    )
    assert response.status_code == 200
    assert "Some filters could not be used" in response.content.decode()
    # Mia, Eva, Ben, Sam, the HR adviser and the three newcomers.
    assert response.context["page"].paginator.count == 5 + 3
