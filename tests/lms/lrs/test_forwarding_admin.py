"""The forwarding screens in the Wagtail admin (issue 3 item 5: endpoints configured
in the admin; backlog, lag and last error per endpoint; refusals with the remote's
message)."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.lrs import vocabulary
from lms.lrs.forwarding import forwarding_endpoint_save
from lms.lrs.models import ForwardingEndpoint, ForwardingRejection
from tests.lms.lrs.fake_lrs import FakeLRS
from tests.lms.lrs.test_forwarding import stored_statement


@pytest.fixture
def admin_client(client, admin_user, no_mfa_enforcement):
    client.force_login(admin_user)
    return client


@pytest.fixture
def remote():
    lrs = FakeLRS().start()
    yield lrs
    lrs.stop()


def row_cells(html: str, name: str) -> list[str]:
    """The text of each cell of the listing row that mentions ``name``."""
    row = next(row for row in html.split("<tr")[1:] if name in row)
    cells = re.split(r"<t[dh][^>]*>", row)[1:]
    texts = [re.sub(r"<[^>]+>", " ", cell.split("</t")[0]) for cell in cells]
    return [" ".join(text.replace("\xa0", " ").split()) for text in texts]


def form_data(**changes) -> dict:
    data = {
        "name": "Ralph (analytics)",
        "url": "https://lrs.example.nl/xapi/",
        "username": "zaakwijs",
        "password": "geheim",
        "xapi_version": "1.0.3",
        "statement_filter": "",
        "batch_size": "100",
        "is_active": "on",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_list_shows_backlog_lag_and_last_error(admin_client):
    endpoint = ForwardingEndpoint.objects.create(
        name="Learning Locker",
        url="https://ll.example.nl/xapi/",
        last_error="503: Service Unavailable",
        last_error_at=timezone.now(),
        next_attempt_at=timezone.now() + timedelta(minutes=5),
        statement_filter={"verbs": [vocabulary.PASSED.id]},
    )
    hour_ago = timezone.now() - timedelta(hours=1)
    stored_statement(verb=vocabulary.PASSED, stored=hour_ago)
    stored_statement(verb=vocabulary.PASSED)
    stored_statement(verb=vocabulary.EXPERIENCED)  # filtered out: not backlog

    response = admin_client.get(reverse("lrs_forwarding:index"))

    assert response.status_code == 200
    cells = row_cells(response.content.decode(), endpoint.name)
    # name, URL, version, active, backlog, lag, last delivery, last error, refused
    assert cells[4:6] == ["2", "1 uur"]
    assert cells[7].startswith("503: Service Unavailable (opnieuw om ")
    assert cells[8] == "0"


@pytest.mark.django_db
def test_adding_an_endpoint_starts_delivering_its_backlog(
    admin_client, remote, settings, django_capture_on_commit_callbacks
):
    settings.LRS_FORWARDING_SETTLE_SECONDS = 0
    statements = [stored_statement() for _ in range(3)]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("lrs_forwarding:add"), form_data(url=remote.url)
        )

    assert response.status_code == 302
    endpoint = ForwardingEndpoint.objects.get()
    assert endpoint.password == "geheim"
    assert remote.stored_ids == [str(s.statement_id) for s in statements]


@pytest.mark.django_db
def test_editing_without_a_password_keeps_the_password(admin_client):
    endpoint = ForwardingEndpoint.objects.create(
        name="Ralph", url="https://lrs.example.nl/xapi/", password="Zq8-wachtwoord-Lx"
    )
    response = admin_client.post(
        reverse("lrs_forwarding:edit", args=[endpoint.pk]),
        form_data(password="", xapi_version="2.0.0", is_active=""),
    )

    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.password == "Zq8-wachtwoord-Lx"
    assert endpoint.xapi_version == "2.0.0"
    assert not endpoint.is_active
    # The password is never sent back to the browser.
    page = admin_client.get(reverse("lrs_forwarding:edit", args=[endpoint.pk]))
    assert "Zq8-wachtwoord-Lx" not in page.content.decode()


@pytest.mark.django_db
def test_a_bad_filter_is_refused_with_a_reason(admin_client):
    response = admin_client.post(
        reverse("lrs_forwarding:add"),
        form_data(statement_filter=json.dumps({"verb": ["x"]})),
    )

    assert response.status_code == 200
    assert not ForwardingEndpoint.objects.exists()
    assert "verbs, activity_prefixes" in response.content.decode()


@pytest.mark.django_db
def test_refused_statements_are_listed_with_the_remote_message(admin_client):
    endpoint = ForwardingEndpoint.objects.create(name="Ralph", url="https://x.nl/xapi")
    statement = stored_statement()
    ForwardingRejection.objects.create(
        endpoint=endpoint,
        statement=statement,
        status_code=400,
        message="object.definition.type: not an IRI",
    )

    response = admin_client.get(
        reverse("lrs_forwarding:rejections", args=[endpoint.pk])
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert str(statement.statement_id) in page
    assert "object.definition.type: not an IRI" in page
    index = admin_client.get(reverse("lrs_forwarding:index")).content.decode()
    assert reverse("lrs_forwarding:rejections", args=[endpoint.pk]) in index


@pytest.mark.django_db
def test_only_administrators_manage_forwarding(client, hr, no_mfa_enforcement):
    endpoint = ForwardingEndpoint.objects.create(name="Ralph", url="https://x.nl/xapi")
    client.force_login(hr)

    for url in (
        reverse("lrs_forwarding:index"),
        reverse("lrs_forwarding:add"),
        reverse("lrs_forwarding:edit", args=[endpoint.pk]),
        reverse("lrs_forwarding:rejections", args=[endpoint.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Ralph" not in response.content.decode()


@pytest.mark.django_db
def test_forwarding_is_in_the_learning_record_store_menu(admin_client):
    from lms.lrs.wagtail_hooks import LearningRecordStoreViewSetGroup
    from lms.lrs.wagtail_hooks_forwarding import ForwardingEndpointViewSet

    assert ForwardingEndpointViewSet in LearningRecordStoreViewSetGroup.items
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("lrs_forwarding:index") in dashboard


@pytest.mark.django_db
def test_editing_leaves_the_delivery_state_alone(admin_client):
    """An edit must not move the cursor back (or drop a running drain's lease)."""
    endpoint = ForwardingEndpoint.objects.create(name="Ralph", url="https://x.nl/xapi")
    form_url = reverse("lrs_forwarding:edit", args=[endpoint.pk])
    stale = ForwardingEndpoint.objects.get(pk=endpoint.pk)  # what the form loaded
    # A drain moves on while the administrator edits.
    ForwardingEndpoint.objects.filter(pk=endpoint.pk).update(cursor=42, lease_token="t")

    stale.name = "Ralph 2"
    forwarding_endpoint_save(endpoint=stale)

    endpoint.refresh_from_db()
    assert (endpoint.name, endpoint.cursor, endpoint.lease_token) == (
        "Ralph 2",
        42,
        "t",
    )
    assert admin_client.get(form_url).status_code == 200
