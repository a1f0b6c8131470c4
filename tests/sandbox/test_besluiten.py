from datetime import date, timedelta

import pytest

from sandbox.errors import Rule
from sandbox.services import (
    besluit_document_link,
    besluit_record,
    zaak_close,
    zaak_resultaat_set,
)
from tests.sandbox.factories import BesluitTypeFactory, WorkspaceFactory
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db


def _record(zaak, cat, learner, **fields):
    fields.setdefault("datum", date(2025, 3, 3))
    fields.setdefault("ingangsdatum", date(2025, 3, 4))
    return besluit_record(
        workspace=zaak.workspace,
        actor=learner,
        besluittype=cat.besluittype,
        zaak=zaak,
        **fields,
    )


def test_record_a_besluit_with_its_reactiedatum(zaak, cat, learner, new_document):
    beschikking = new_document(cat.beschikking, titel="Beschikking")
    besluit = _record(
        zaak, cat, learner, verzenddatum=date(2025, 3, 3), documenten=[beschikking]
    )
    assert besluit.identificatie == "BESLUIT-2025-0000000001"
    assert besluit.zaak == zaak
    # Awb 6:8: 6 weeks after Monday 3 March is Monday 14 April.
    assert besluit.uiterlijke_reactiedatum == date(2025, 4, 14)
    assert list(besluit.informatieobjecten.all()) == [beschikking]


def test_reactiedatum_moves_past_a_holiday(zaak, cat, learner):
    # 6 weeks after Monday 10 March 2025 is Easter Monday 21 April.
    besluit = _record(
        zaak, cat, learner, verzenddatum=date(2025, 3, 10), datum=date(2025, 3, 3)
    )
    assert besluit.uiterlijke_reactiedatum == date(2025, 4, 22)


def test_reactiedatum_given_by_hand_is_kept(zaak, cat, learner):
    besluit = _record(
        zaak,
        cat,
        learner,
        verzenddatum=date(2025, 3, 3),
        uiterlijke_reactiedatum=date(2025, 5, 1),
    )
    assert besluit.uiterlijke_reactiedatum == date(2025, 5, 1)


def test_besluittype_must_belong_to_the_zaaktype(zaak, cat, learner):
    other = BesluitTypeFactory(catalogus=cat.zaaktype.catalogus)
    refused(
        Rule.BESLUITTYPE_MISMATCH,
        besluit_record,
        workspace=zaak.workspace,
        actor=learner,
        besluittype=other,
        zaak=zaak,
        datum=date(2025, 3, 3),
        ingangsdatum=date(2025, 3, 3),
    )


def test_a_draft_besluittype_is_refused(workspace, learner, cat):
    draft = BesluitTypeFactory(catalogus=cat.zaaktype.catalogus, concept=True)
    refused(
        Rule.BESLUITTYPE_NOT_IN_FORCE,
        besluit_record,
        workspace=workspace,
        actor=learner,
        besluittype=draft,
        datum=date(2025, 3, 3),
        ingangsdatum=date(2025, 3, 3),
    )


def test_besluit_date_cannot_be_in_the_future(zaak, cat, learner):
    refused(
        Rule.BESLUIT_DATUM_FUTURE,
        _record,
        zaak=zaak,
        cat=cat,
        learner=learner,
        datum=date(2025, 3, 4),
    )


def test_besluit_cannot_expire_before_it_starts(zaak, cat, learner):
    refused(
        Rule.BESLUIT_VERVALDATUM,
        _record,
        zaak=zaak,
        cat=cat,
        learner=learner,
        ingangsdatum=date(2025, 3, 10),
        vervaldatum=date(2025, 3, 9),
    )


def test_besluit_document_of_the_wrong_type_is_refused(
    zaak, cat, learner, new_document
):
    brief = new_document(cat.brief)
    refused(
        Rule.BESLUIT_INFORMATIEOBJECTTYPE,
        _record,
        zaak=zaak,
        cat=cat,
        learner=learner,
        documenten=[brief],
    )


def test_besluit_on_a_closed_zaak_is_refused(zaak, cat, learner):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.verleend)
    zaak_close(zaak=zaak, actor=learner)
    refused(Rule.ZAAK_CLOSED, _record, zaak=zaak, cat=cat, learner=learner)


def test_besluit_for_a_zaak_of_another_workspace_is_refused(cat, learner, coach, zaak):
    other_workspace = WorkspaceFactory(owner=coach)
    refused(
        Rule.OTHER_WORKSPACE,
        besluit_record,
        workspace=other_workspace,
        actor=coach,
        besluittype=cat.besluittype,
        zaak=zaak,
        datum=date(2025, 3, 3),
        ingangsdatum=date(2025, 3, 3),
    )


def test_link_a_document_to_a_besluit(zaak, cat, learner, new_document):
    besluit = _record(zaak, cat, learner)
    beschikking = new_document(cat.beschikking)
    besluit_document_link(besluit=besluit, actor=learner, document=beschikking)
    refused(
        Rule.DOCUMENT_ALREADY_LINKED,
        besluit_document_link,
        besluit=besluit,
        actor=learner,
        document=beschikking,
    )
    assert besluit.besluitinformatieobjecten.count() == 1


def test_besluit_without_zaak(workspace, learner, cat):
    besluit = besluit_record(
        workspace=workspace,
        actor=learner,
        besluittype=cat.besluittype,
        datum=date(2025, 3, 3),
        ingangsdatum=date(2025, 3, 3) + timedelta(days=1),
        publicatiedatum=date(2025, 3, 3),
    )
    assert besluit.zaak is None
    assert besluit.uiterlijke_reactiedatum == date(2025, 4, 14)
