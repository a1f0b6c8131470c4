"""No learner reaches another's workspace through any URL of the practice UI: every
one answers 404, for GET and for POST, file downloads included. The owner's
floor coach may look (200) but not act (403)."""

import pytest

from sandbox.models import Workspace
from sandbox.services import document_create, zaak_document_link
from sandbox.views.actions import ACTIONS
from tests.factories import employee
from tests.sandbox.factories import WorkspaceFactory
from tests.sandbox.views_support import action_url, signed_in, url, zaak_url

TABS = ["gegevens", "status", "betrokkenen", "documenten", "besluiten", "audit"]


@pytest.fixture
def document(ws, case, catalogue, learner):
    document = document_create(
        workspace=ws,
        actor=learner,
        informatieobjecttype=catalogue.aanvraag,
        titel="Aanvraag",
        auteur="Aanvrager",
        inhoud=b"geheim",
        bestandsnaam="aanvraag.txt",
        formaat="text/plain",
    )
    zaak_document_link(zaak=case, actor=learner, document=document)
    return document


def _read_urls(ws, case, document):
    return [
        url("workspace", workspace=ws.uuid),
        url("werkvoorraad", workspace=ws.uuid),
        url("zaak_gegevens", workspace=ws.uuid, identificatie=case.identificatie),
        *[zaak_url(case, tab) for tab in TABS],
        url("document", workspace=ws.uuid, document=document.uuid),
        url("document_content", workspace=ws.uuid, document=document.uuid),
        url("document_content", workspace=ws.uuid, document=document.uuid)
        + "?bekijken=1",
    ]


def _change_urls(ws, case):
    return [
        url("workspace_delete", workspace=ws.uuid),
        url("clock_advance", workspace=ws.uuid),
        url("zaak_register", workspace=ws.uuid),
        *[action_url(case, slug) for slug in ACTIONS],
    ]


def test_owner_reaches_every_url(owner_client, ws, case, document):
    for target in _read_urls(ws, case, document) + _change_urls(ws, case):
        response = owner_client.get(target)
        assert response.status_code in (200, 302), target


def test_another_learner_gets_404_on_every_url(other_client, ws, case, document):
    for target in _read_urls(ws, case, document) + _change_urls(ws, case):
        assert other_client.get(target).status_code == 404, target
        assert other_client.post(target, {}).status_code in (404, 405), target
    assert Workspace.objects.filter(pk=ws.pk).exists()
    assert ws.actions.filter(actor__isnull=False).exclude(actor=ws.owner).count() == 0


def test_another_learner_does_not_see_the_workspace_in_lists(other_client, ws):
    content = other_client.get(url("workspace_list")).content.decode()

    assert ws.name not in content
    assert str(ws.uuid) not in content


def test_a_document_of_another_workspace_is_404_through_my_own(db, document):
    other = employee().user
    own = WorkspaceFactory(owner=other)

    response = signed_in(other).get(
        url("document_content", workspace=own.uuid, document=document.uuid)
    )

    assert response.status_code == 404


def test_coach_reads_but_cannot_change(coach_client, ws, case, document):
    for target in _read_urls(ws, case, document):
        assert coach_client.get(target).status_code in (200, 302), target
    for target in _change_urls(ws, case):
        assert coach_client.get(target).status_code == 403, target
        assert coach_client.post(target, {}).status_code == 403, target


def test_hr_sees_no_practice_workspace(ws, case, document, hr, no_mfa_enforcement):
    client = signed_in(hr)
    for target in _read_urls(ws, case, document):
        assert client.get(target).status_code == 404, target


def test_anonymous_is_sent_to_sign_in(client, ws, case, document):
    for target in _read_urls(ws, case, document):
        response = client.get(target)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
