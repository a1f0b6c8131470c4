import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from lms.notifications.models import Kind, Notification, NotificationPreference
from lms.notifications.services import notification_send


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def _send(user, title="Hallo", url="/coaching/"):
    return notification_send(user=user, kind=Kind.HELP_REPLY, title=title, url=url)


def test_inbox_counter_and_mark_read(client, learner, home_page):
    first = _send(learner, "Eerste")
    _send(learner, "Tweede")
    other = _send(
        pytest.importorskip("tests.factories").employee().user, "Niet van jou"
    )
    client.force_login(learner)
    response = client.get(reverse("notifications:list"))
    content = response.content.decode()
    assert "Eerste" in content and "Niet van jou" not in content
    assert response.context["unread_count"] == 2
    # The header shows the unread counter on every page.
    assert "2 unread" in client.get("/").content.decode()

    client.post(
        reverse("notifications:mark_read"), {"notification": [first.pk, other.pk]}
    )
    first.refresh_from_db()
    other.refresh_from_db()
    assert first.read_at is not None and other.read_at is None
    client.post(reverse("notifications:mark_read"), {"all": "1"})
    assert not Notification.objects.for_user(learner).unread().exists()
    assert "unread" not in client.get("/").content.decode().split("</header>")[0]


def test_open_marks_read_and_follows_only_local_links(client, learner):
    local = _send(learner, url="/coaching/hulpvragen/")
    foreign = _send(learner, url="https://evil.example/")
    client.force_login(learner)
    response = client.post(reverse("notifications:open", kwargs={"pk": local.pk}))
    assert response.url == "/coaching/hulpvragen/"
    local.refresh_from_db()
    assert local.read_at is not None
    response = client.post(reverse("notifications:open", kwargs={"pk": foreign.pk}))
    assert response.url == reverse("notifications:list")


def test_someone_elses_notification_cannot_be_opened(client, learner, coach):
    theirs = _send(coach)
    client.force_login(learner)
    assert (
        client.post(reverse("notifications:open", kwargs={"pk": theirs.pk})).status_code
        == 404
    )


def test_email_preferences_per_kind(
    client, learner, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    response = client.get(reverse("notifications:preferences"))
    assert response.status_code == 200
    data = {kind.value: "on" for kind in Kind if kind != Kind.HELP_REPLY}
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    pref = NotificationPreference.objects.get(user=learner)
    assert (pref.kind, pref.email) == (Kind.HELP_REPLY, False)
    with django_capture_on_commit_callbacks(execute=True):
        _send(learner)
        notification_send(user=learner, kind=Kind.SIGNOFF, title="Afgetekend")
    assert [m.subject for m in mail.outbox] == ["Afgetekend"]
