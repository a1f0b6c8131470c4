"""Shared set-up for the practice UI tests: signed-in clients in English (the
msgids), a workspace with a registered zaak, and URL helpers."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from sandbox.services import zaak_register
from tests.factories import employee
from tests.sandbox.factories import WorkspaceFactory, practice_catalogue

BANNER = "Practice environment — fictitious data"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["zaakwijs_language"] = "en"
    return client


@pytest.fixture
def catalogue(db):
    return practice_catalogue()


@pytest.fixture
def ws(learner):
    return WorkspaceFactory(owner=learner, name="Mijn oefening")


@pytest.fixture
def case(ws, catalogue, learner):
    return zaak_register(
        workspace=ws,
        actor=learner,
        zaaktype=catalogue.zaaktype,
        startdatum=date(2025, 3, 3),
        omschrijving="Dakkapel Dorpsstraat 1",
        communicatiekanaal="e-mail",
    )


@pytest.fixture
def owner_client(learner):
    return signed_in(learner)


@pytest.fixture
def coach_client(coach, no_mfa_enforcement):
    return signed_in(coach)


@pytest.fixture
def other_client(db):
    return signed_in(employee().user)


def url(name, **kwargs) -> str:
    return reverse(f"sandbox:{name}", kwargs=kwargs)


def zaak_url(zaak, tab="gegevens") -> str:
    return url(
        "zaak",
        workspace=zaak.workspace.uuid,
        identificatie=zaak.identificatie,
        tab=tab,
    )


def action_url(zaak, action) -> str:
    return url(
        "zaak_action",
        workspace=zaak.workspace.uuid,
        identificatie=zaak.identificatie,
        action=action,
    )
