from datetime import date

import pytest

from sandbox.selectors import (
    action_trace,
    workspace_get,
    workspaces_for,
    zaak_get,
    zaaktypen_available,
    zaken_in,
)
from tests.factories import employee
from tests.sandbox.factories import practice_catalogue

pytestmark = pytest.mark.django_db


def test_workspace_get_respects_visibility(workspace, learner, coach, floor):
    colleague = employee(floor=floor).user
    assert workspace_get(user=learner, uuid=workspace.uuid) == workspace
    assert (
        workspace_get(user=learner, uuid=workspace.uuid, for_change=True) == workspace
    )
    assert workspace_get(user=coach, uuid=workspace.uuid) == workspace
    assert workspace_get(user=coach, uuid=workspace.uuid, for_change=True) is None
    assert workspace_get(user=colleague, uuid=workspace.uuid) is None
    assert list(workspaces_for(user=colleague)) == []


def test_zaak_reads_go_through_the_workspace(zaak, workspace, coach):
    from tests.sandbox.factories import WorkspaceFactory

    other = WorkspaceFactory(owner=coach)
    assert list(zaken_in(workspace=workspace)) == [zaak]
    assert zaak_get(workspace=workspace, identificatie=zaak.identificatie) == zaak
    assert zaak_get(workspace=other, identificatie=zaak.identificatie) is None
    assert [entry.action for entry in action_trace(workspace=workspace)] == [
        "zaak_register"
    ]


def test_zaaktypen_available_leaves_out_drafts_and_old_versions(cat):
    draft = practice_catalogue(concept=True).zaaktype
    old = practice_catalogue(einde_geldigheid=date(2024, 12, 31)).zaaktype
    available = list(zaaktypen_available(on=date(2025, 3, 3)))
    assert cat.zaaktype in available
    assert draft not in available
    assert old not in available
