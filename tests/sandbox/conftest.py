from datetime import date

import pytest

from sandbox.services import document_create, zaak_register
from tests.sandbox.factories import WorkspaceFactory, practice_catalogue


@pytest.fixture
def cat(db):
    return practice_catalogue()


@pytest.fixture
def workspace(learner):
    return WorkspaceFactory(owner=learner)


@pytest.fixture
def zaak(workspace, cat, learner):
    return zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        startdatum=date(2025, 3, 3),
        omschrijving="Dakkapel Dorpsstraat 1",
        communicatiekanaal="e-mail",
    )


@pytest.fixture
def new_document(workspace, learner):
    def make(informatieobjecttype, **fields):
        fields.setdefault("titel", "Brief aan aanvrager")
        fields.setdefault("auteur", "Behandelaar")
        return document_create(
            workspace=workspace,
            actor=learner,
            informatieobjecttype=informatieobjecttype,
            **fields,
        )

    return make


# Fixtures of the practice UI tests (test_views_*.py).
from tests.sandbox.views_support import (  # noqa: E402, F401
    case,
    catalogue,
    coach_client,
    other_client,
    owner_client,
    ws,
)
