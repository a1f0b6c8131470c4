"""Compliance agrees with the learner's own "Mijn leren"; reminders reach the right
people."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment
from courses.selectors import LearningStatus, my_learning
from lms.notifications.models import Kind, Notification
from lms.reports.compliance import ComplianceStatus, compliance_rows, compliance_totals
from lms.reports.selectors import ReportFilters, report_scope_for, subjects_filtered
from tests.courses import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mfa_enforcement")]

TODAY = timezone.localdate()


def _done(user, module, *, days_ago=1):
    return Enrolment.objects.create(
        user=user,
        module=module,
        status=Enrolment.Status.COMPLETED,
        finished_at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.fixture
def training(org, home_page):
    catalogue = f.catalogue_page(home_page)
    privacy = f.module_page(catalogue, title="Privacy in de zaak")
    intake = f.module_page(catalogue, title="Intake")
    status = f.module_page(catalogue, title="Status bijhouden")
    optional = f.module_page(catalogue, title="Verdieping")
    path = f.learning_path(intake, status, title="Leerpad vergunningen")
    # Everyone in Vergunningen: privacy, overdue.
    f.assign(
        due_date=TODAY - timedelta(days=3), module=privacy, department=org.vergunningen
    )
    # The function Vergunningverlener: the path, due in 5 days.
    f.assign(due_date=TODAY + timedelta(days=5), path=path, job_function=org.verlener)
    # Sam personally the same path later: one item, the earliest due date.
    f.assign(due_date=TODAY + timedelta(days=60), path=path, people=[org.sam])
    # Not mandatory, for Ben.
    f.assign(
        due_date=TODAY + timedelta(days=30),
        module=optional,
        people=[org.ben],
        mandatory=False,
    )
    _done(org.eva, privacy)
    _done(org.eva, intake)
    Enrolment.objects.create(user=org.sam, module=intake)  # started
    _done(org.sam, status)
    return {
        "privacy": privacy,
        "intake": intake,
        "status": status,
        "path": path,
        "optional": optional,
    }


def _rows(user, **kwargs):
    scope = report_scope_for(user=user)
    return compliance_rows(
        subjects=subjects_filtered(scope=scope, filters=ReportFilters()), **kwargs
    )


def _by(rows):
    return {(r.profile.user.first_name, r.title): r for r in rows}


def test_rows_per_person_and_item(org, hr, training):
    rows = _by(_rows(hr))
    assert rows[("Eva", "Privacy in de zaak")].status == ComplianceStatus.COMPLETED
    assert rows[("Ben", "Privacy in de zaak")].status == ComplianceStatus.OVERDUE
    assert rows[("Mia", "Privacy in de zaak")].status == ComplianceStatus.OVERDUE
    eva_path = rows[("Eva", "Leerpad vergunningen")]
    assert eva_path.status == ComplianceStatus.DUE_SOON
    assert (eva_path.modules_completed, eva_path.modules_total) == (1, 2)
    sam_path = rows[("Sam", "Leerpad vergunningen")]
    assert sam_path.due_date == TODAY + timedelta(days=5)
    assert sam_path.status == ComplianceStatus.DUE_SOON
    assert ("Ben", "Verdieping") not in rows  # not mandatory
    # With a shorter "due soon" window, the path is in progress / not started.
    rows = _by(_rows(hr, due_soon_days=2))
    assert rows[("Sam", "Leerpad vergunningen")].status == ComplianceStatus.IN_PROGRESS
    assert rows[("Eva", "Leerpad vergunningen")].status == ComplianceStatus.IN_PROGRESS
    rows = _by(_rows(hr, mandatory_only=False))
    assert rows[("Ben", "Verdieping")].status == ComplianceStatus.NOT_STARTED


@pytest.mark.parametrize("person", ["eva", "ben", "sam", "mia"])
def test_agrees_with_my_learning(org, hr, training, person):
    user = getattr(org, person)
    rows = {
        r.title: r
        for r in _rows(hr, mandatory_only=False)
        if r.profile.user_id == user.pk
    }
    mine = {i.title: i for i in my_learning(user=user).items if i.assigned}
    assert set(rows) == set(mine)
    mapping = {
        ComplianceStatus.COMPLETED: {LearningStatus.COMPLETED},
        ComplianceStatus.OVERDUE: {LearningStatus.OVERDUE},
        ComplianceStatus.DUE_SOON: {
            LearningStatus.IN_PROGRESS,
            LearningStatus.ASSIGNED,
        },
        ComplianceStatus.IN_PROGRESS: {LearningStatus.IN_PROGRESS},
        ComplianceStatus.NOT_STARTED: {LearningStatus.ASSIGNED},
    }
    for title, row in rows.items():
        assert mine[title].status in mapping[row.status], title
        assert mine[title].due_date == row.due_date
        assert mine[title].mandatory == row.mandatory
        assert mine[title].is_started == row.started


def test_totals_per_department(org, hr, training):
    totals = {t.label: t for t in compliance_totals(_rows(hr), group="department")}
    vergunningen = totals["Vergunningen"]
    # Mia, Eva, Ben: privacy (1 done, 2 overdue); Eva: path due soon.
    assert vergunningen.count(ComplianceStatus.OVERDUE) == 2
    assert vergunningen.count(ComplianceStatus.COMPLETED) == 1
    assert vergunningen.count(ComplianceStatus.DUE_SOON) == 1
    assert vergunningen.total == 4
    assert vergunningen.completed_percent == 25.0
    assert totals["KCC"].total == 1


def test_page_and_manager_scope(client, org, hr, training):
    client.force_login(org.mia)
    response = client.get(reverse("reports:compliance"))
    names = {r.profile.user.first_name for r in response.context["page"].object_list}
    assert names == {"Eva", "Ben"}
    client.force_login(hr)
    response = client.get(reverse("reports:compliance"), {"status": "overdue"})
    assert {
        r.profile.user.first_name for r in response.context["page"].object_list
    } == {"Ben", "Mia"}
    item = f"module:{training['privacy'].pk}"
    response = client.get(reverse("reports:compliance"), {"item": item})
    assert {r.title for r in response.context["page"].object_list} == {
        "Privacy in de zaak"
    }


def test_reminder_for_selected_rows(
    client, org, hr, training, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(hr)
    rows = _by(_rows(hr))
    ben = rows[("Ben", "Privacy in de zaak")]
    eva_done = rows[("Eva", "Privacy in de zaak")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:compliance_remind"), {"row": [ben.key, eva_done.key]}
        )
    assert response.status_code == 302
    notifications = list(Notification.objects.filter(kind=Kind.TRAINING))
    # Only Ben: Eva's item is completed.
    assert [n.user for n in notifications] == [org.ben]
    assert "Privacy in de zaak" in notifications[0].body
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [org.ben.email]


def test_remind_all_open_rows_of_the_filtered_list(client, org, hr, training):
    client.force_login(hr)
    client.post(
        reverse("reports:compliance_remind"),
        {"all": "1", "status": "overdue", "department": org.vergunningen.pk},
    )
    assert set(Notification.objects.values_list("user__first_name", flat=True)) == {
        "Ben",
        "Mia",
    }


def test_manager_cannot_remind_outside_the_team(client, org, training):
    client.force_login(org.mia)
    sam_key = f"{org.sam.pk}:path:{training['path'].pk}"
    client.post(reverse("reports:compliance_remind"), {"row": [sam_key]})
    assert not Notification.objects.exists()
    client.post(reverse("reports:compliance_remind"), {"all": "1"})
    assert set(Notification.objects.values_list("user__first_name", flat=True)) == {
        "Ben",
        "Eva",
    }


def test_learner_cannot_send_reminders(client, org, training):
    client.force_login(org.eva)
    response = client.post(reverse("reports:compliance_remind"), {"all": "1"})
    assert response.status_code == 403
    assert not Notification.objects.exists()


def test_compliance_exports_match_the_page(client, org, hr, training):
    import csv
    import io

    from openpyxl import load_workbook

    from lms.reports.models import ExportLog

    client.force_login(hr)
    params = {"status": "overdue", "item": f"module:{training['privacy'].pk}"}
    response = client.get(
        reverse("reports:export", kwargs={"table": "compliance", "format": "csv"}),
        params,
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = rows[0]
    found = {
        (r[0], r[header.index("Training")], r[header.index("Status")]) for r in rows[1:]
    }
    assert found == {
        ("Ben Bakker", "Privacy in de zaak", "Overdue"),
        ("Mia Manager", "Privacy in de zaak", "Overdue"),
    }
    log = ExportLog.objects.get()
    assert log.filters == params
    response = client.get(
        reverse(
            "reports:export",
            kwargs={"table": "compliance-departments", "format": "xlsx"},
        )
    )
    sheet = load_workbook(
        io.BytesIO(b"".join(response.streaming_content)), read_only=True
    ).worksheets[0]
    values = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    by_name = {row[0]: row for row in values[1:]}
    # Overdue, due soon, not started, in progress, completed, total, completed %.
    assert by_name["Vergunningen"][1:] == (2, 1, 0, 0, 1, 4, 25.0)
    assert by_name["Total"][6] == 5
