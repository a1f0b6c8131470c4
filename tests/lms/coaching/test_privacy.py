"""Who sees what, per role: learner, coach of the floor, coach of another floor,
HR and administrator. Every look of someone else at a colleague's record is logged."""

import pytest
from django.urls import reverse

from lms.coaching import services
from lms.coaching.models import CoachAccessLog, HelpRequest
from lms.core.signals import learner_record_viewed


@pytest.fixture
def help_request(learner, coach):
    return services.help_request_create(learner=learner, subject="Vraag", body="Help")


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_queryset_visibility_per_role(
    help_request, learner, colleague, coach, other_coach, hr, admin_user
):
    assert list(HelpRequest.objects.visible_to(learner)) == [help_request]
    assert list(HelpRequest.objects.visible_to(colleague)) == []
    assert list(HelpRequest.objects.visible_to(coach)) == [help_request]
    assert list(HelpRequest.objects.visible_to(other_coach)) == []
    assert list(HelpRequest.objects.visible_to(hr)) == []
    assert list(HelpRequest.objects.visible_to(admin_user)) == []


@pytest.mark.parametrize(
    "who,status",
    [
        ("learner", 200),
        ("colleague", 404),
        ("coach", 200),
        ("other_coach", 404),
        ("hr", 404),
        ("admin_user", 404),
    ],
)
def test_request_page_per_role(client, request, help_request, who, status):
    user = request.getfixturevalue(who)
    url = reverse("coaching:request_detail", kwargs={"pk": help_request.pk})
    assert _get(client, user, url).status_code == status


@pytest.mark.parametrize(
    "who,status",
    [
        ("learner", 403),
        ("coach", 200),
        ("other_coach", 404),
        ("hr", 403),
        ("admin_user", 403),
    ],
)
def test_learner_detail_and_timeline_per_role(client, request, learner, who, status):
    user = request.getfixturevalue(who)
    for name in ("coaching:learner_detail", "coaching:learner_timeline"):
        url = reverse(name, kwargs={"user_id": learner.pk})
        assert _get(client, user, url).status_code == status


def test_coach_looks_are_logged(client, help_request, learner, coach):
    client.force_login(coach)
    client.get(reverse("coaching:learner_detail", kwargs={"user_id": learner.pk}))
    client.get(reverse("coaching:learner_timeline", kwargs={"user_id": learner.pk}))
    client.get(reverse("coaching:request_detail", kwargs={"pk": help_request.pk}))
    logged = list(
        CoachAccessLog.objects.order_by("pk").values_list("viewer", "learner", "what")
    )
    assert logged == [
        (coach.pk, learner.pk, "learner_detail"),
        (coach.pk, learner.pk, "timeline"),
        (coach.pk, learner.pk, "help_request"),
    ]
    # The learner reading their own request is not logged.
    client.force_login(learner)
    client.get(reverse("coaching:request_detail", kwargs={"pk": help_request.pk}))
    assert CoachAccessLog.objects.count() == 3


def test_other_apps_views_are_logged_through_the_signal(learner, coach):
    learner_record_viewed.send(
        sender=None,
        viewer=coach,
        learner=learner,
        what="sandbox_attempt",
        object_id="abc",
    )
    entry = CoachAccessLog.objects.get()
    assert (entry.viewer, entry.learner, entry.what, entry.object_id) == (
        coach,
        learner,
        "sandbox_attempt",
        "abc",
    )


@pytest.mark.parametrize(
    "who,status",
    [("learner", 403), ("coach", 403), ("hr", 200), ("admin_user", 200)],
)
def test_access_log_is_for_hr_and_admins(client, request, learner, coach, who, status):
    services.access_log_record(viewer=coach, learner=learner, what="timeline")
    user = request.getfixturevalue(who)
    response = _get(client, user, reverse("coaching:access_log"))
    assert response.status_code == status
    if status == 200:
        assert "Timeline of learning activity" in response.content.decode()


@pytest.mark.parametrize(
    "who,status",
    [("learner", 403), ("coach", 200), ("hr", 200), ("admin_user", 200)],
)
def test_response_figures_for_coaches_and_hr(client, request, who, status):
    user = request.getfixturevalue(who)
    assert _get(client, user, reverse("coaching:metrics")).status_code == status


def test_attachment_only_for_who_sees_the_request(client, learner, coach, other_coach):
    from django.core.files.uploadedfile import SimpleUploadedFile

    help_request = services.help_request_create(
        learner=learner,
        subject="Vraag",
        body="Zie bijlage",
        attachments=[
            SimpleUploadedFile("notitie.txt", b"hallo", content_type="text/plain")
        ],
    )
    attachment = help_request.messages.get().attachments.get()
    url = reverse(
        "coaching:attachment",
        kwargs={"pk": help_request.pk, "attachment": attachment.pk},
    )
    response = _get(client, coach, url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"hallo"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert _get(client, other_coach, url).status_code == 404


def test_dashboard_lists_only_own_floor(client, learner, other_learner, coach):
    response = _get(client, coach, reverse("coaching:dashboard"))
    users = [row.user for row in response.context["rows"]]
    assert learner in users and other_learner not in users and coach not in users


def test_access_log_queryset_per_role(learner, coach, hr, admin_user):
    services.access_log_record(viewer=coach, learner=learner, what="timeline")
    for user, expected in ((learner, 0), (coach, 0), (hr, 1), (admin_user, 1)):
        assert CoachAccessLog.objects.visible_to(user).count() == expected
