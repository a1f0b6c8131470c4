import re

from sandbox.models import Workspace
from tests.sandbox.factories import WorkspaceFactory
from tests.sandbox.views_support import BANNER, url


def test_list_shows_own_workspaces_and_the_banner(owner_client, ws):
    other = WorkspaceFactory(name="Iemand anders")

    response = owner_client.get(url("workspace_list"))

    assert response.status_code == 200
    content = response.content.decode()
    assert BANNER in content
    assert "Mijn oefening" in content
    assert other.name not in content


def test_start_free_practice_creates_an_empty_workspace(owner_client, learner):
    response = owner_client.post(url("workspace_list"), {"name": "Vrij oefenen"})

    workspace = Workspace.objects.get(owner=learner)
    assert workspace.name == "Vrij oefenen"
    assert not workspace.zaken.exists()
    assert response.status_code == 302
    assert response["Location"] == url("werkvoorraad", workspace=workspace.uuid)


def test_start_without_a_name_shows_the_error_linked_to_the_field(owner_client):
    response = owner_client.post(url("workspace_list"), {"name": ""})

    assert response.status_code == 200
    content = response.content.decode()
    assert re.search(r'aria-describedby="id_name_error[^"]*"', content)
    assert 'id="id_name_error"' in content
    assert not Workspace.objects.exists()


def test_delete_asks_for_confirmation_then_deletes(owner_client, ws, case):
    delete_url = url("workspace_delete", workspace=ws.uuid)

    page = owner_client.get(delete_url)
    assert page.status_code == 200
    assert Workspace.objects.filter(pk=ws.pk).exists()

    response = owner_client.post(delete_url)
    assert response.status_code == 302
    assert not Workspace.objects.filter(pk=ws.pk).exists()


def test_coach_sees_a_coached_workspace_but_cannot_delete_it(coach_client, ws):
    assert "Mijn oefening" in coach_client.get(url("workspace_list")).content.decode()

    response = coach_client.post(url("workspace_delete", workspace=ws.uuid))

    assert response.status_code == 403
    assert Workspace.objects.filter(pk=ws.pk).exists()


def test_clock_advance_by_working_days(owner_client, ws):
    # 3 March 2025 is a Monday: five working days later is Monday 10 March.
    response = owner_client.post(
        url("clock_advance", workspace=ws.uuid), {"working_days": 5}
    )

    assert response.status_code == 302
    ws.refresh_from_db()
    assert ws.sandbox_today().isoformat() == "2025-03-10"


def test_clock_advance_rejects_zero(owner_client, ws):
    response = owner_client.post(
        url("clock_advance", workspace=ws.uuid), {"working_days": 0}
    )

    assert response.status_code == 200
    ws.refresh_from_db()
    assert ws.sandbox_today().isoformat() == "2025-03-03"


def test_clock_advance_is_refused_to_the_coach(coach_client, ws):
    response = coach_client.post(
        url("clock_advance", workspace=ws.uuid), {"working_days": 5}
    )

    assert response.status_code == 403
