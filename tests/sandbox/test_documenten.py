from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox.errors import Rule
from sandbox.models.choices import DocumentStatus, Scope, Vertrouwelijkheidaanduiding
from sandbox.services import (
    document_create,
    document_lock,
    document_unlock,
    document_update,
    zaak_document_link,
)
from tests.sandbox.factories import InformatieObjectTypeFactory, WorkspaceFactory
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db


def test_create_takes_the_type_confidentiality_and_writes_version_1(cat, new_document):
    document = new_document(
        cat.brief, inhoud=b"Geachte heer De Vries,", bestandsnaam="brief.txt"
    )
    assert document.identificatie == "DOCUMENT-2025-0000000001"
    assert (
        document.vertrouwelijkheidaanduiding
        == Vertrouwelijkheidaanduiding.ZAAKVERTROUWELIJK
    )
    assert document.creatiedatum == date(2025, 3, 3)
    assert document.versie == 1
    assert not document.locked
    version = document.current_version()
    assert version.inhoud.read() == b"Geachte heer De Vries,"
    assert version.bestandsomvang == 22
    assert str(document.workspace.uuid) in version.inhoud.name


def test_create_refuses_a_draft_document_type(workspace, learner, cat):
    draft = InformatieObjectTypeFactory(catalogus=cat.zaaktype.catalogus, concept=True)
    refused(
        Rule.INFORMATIEOBJECTTYPE_NOT_IN_FORCE,
        document_create,
        workspace=workspace,
        actor=learner,
        informatieobjecttype=draft,
        titel="Brief",
        auteur="Ik",
    )


def test_a_received_document_is_not_being_edited(cat, new_document):
    refused(
        Rule.DOCUMENT_STATUS_RECEIVED,
        new_document,
        informatieobjecttype=cat.aanvraag,
        ontvangstdatum=date(2025, 3, 1),
        status=DocumentStatus.IN_BEWERKING,
    )


def test_a_document_being_edited_is_not_signed(cat, new_document):
    refused(
        Rule.DOCUMENT_SIGNATURE_STATUS,
        new_document,
        informatieobjecttype=cat.brief,
        status=DocumentStatus.TER_VASTSTELLING,
        ondertekening_soort="digitaal",
        ondertekening_datum=date(2025, 3, 3),
    )


def test_lock_update_unlock(cat, new_document, learner):
    document = new_document(
        cat.brief, inhoud=b"versie 1", status=DocumentStatus.IN_BEWERKING
    )
    lock = document_lock(document=document, actor=learner)
    assert lock
    document_update(
        document=document,
        actor=learner,
        lock=lock,
        changes={
            "titel": "Brief (herzien)",
            "status": DocumentStatus.DEFINITIEF,
            "indicatie_gebruiksrecht": False,
        },
    )
    document_unlock(document=document, actor=learner, lock=lock)
    document.refresh_from_db()
    assert document.versie == 2
    assert document.titel == "Brief (herzien)"
    assert not document.locked
    versions = list(document.versies.order_by("versie"))
    assert [v.metadata["titel"] for v in versions] == [
        "Brief aan aanvrager",
        "Brief (herzien)",
    ]
    # A metadata-only update keeps the content.
    assert versions[1].inhoud.read() == b"versie 1"


def test_update_with_new_content(cat, new_document, learner):
    document = new_document(cat.brief, inhoud=b"oud")
    lock = document_lock(document=document, actor=learner)
    document_update(
        document=document,
        actor=learner,
        lock=lock,
        changes={},
        inhoud=SimpleUploadedFile("nieuw.txt", b"nieuwe inhoud"),
    )
    assert document.current_version().inhoud.read() == b"nieuwe inhoud"
    assert document.versies.get(versie=1).inhoud.read() == b"oud"


def test_lock_twice_is_refused(cat, new_document, learner):
    document = new_document(cat.brief)
    document_lock(document=document, actor=learner)
    refused(
        Rule.DOCUMENT_ALREADY_LOCKED, document_lock, document=document, actor=learner
    )


def test_update_without_checkout_is_refused(cat, new_document, learner):
    document = new_document(cat.brief)
    refused(
        Rule.DOCUMENT_LOCK_REQUIRED,
        document_update,
        document=document,
        actor=learner,
        lock="",
        changes={"titel": "X"},
    )


def test_update_with_the_wrong_lock_is_refused(cat, new_document, learner):
    document = new_document(cat.brief)
    document_lock(document=document, actor=learner)
    refused(
        Rule.DOCUMENT_LOCK_REQUIRED,
        document_update,
        document=document,
        actor=learner,
        lock="raden",
        changes={"titel": "X"},
    )
    document.refresh_from_db()
    assert document.versie == 1


def test_a_final_document_cannot_be_edited(cat, new_document, learner):
    document = new_document(cat.brief, status=DocumentStatus.DEFINITIEF)
    lock = document_lock(document=document, actor=learner)
    refused(
        Rule.DOCUMENT_FINAL,
        document_update,
        document=document,
        actor=learner,
        lock=lock,
        changes={"titel": "X"},
    )


def test_unlock_needs_the_lock(cat, new_document, learner):
    document = new_document(cat.brief)
    document_lock(document=document, actor=learner)
    refused(
        Rule.DOCUMENT_LOCK_REQUIRED,
        document_unlock,
        document=document,
        actor=learner,
        lock="raden",
    )
    refused(
        Rule.DOCUMENT_LOCK_REQUIRED,
        document_unlock,
        document=document,
        actor=learner,
        force=True,
    )


def test_forced_unlock_with_the_scope(cat, learner):
    workspace = WorkspaceFactory(
        owner=learner, scopes=[Scope.DOCUMENTEN_GEFORCEERD_UNLOCK]
    )
    document = document_create(
        workspace=workspace,
        actor=learner,
        informatieobjecttype=cat.brief,
        titel="B",
        auteur="A",
    )
    document_lock(document=document, actor=learner)
    document_unlock(document=document, actor=learner, force=True)
    document.refresh_from_db()
    assert not document.locked


def test_unlock_an_unlocked_document_is_refused(cat, new_document, learner):
    document = new_document(cat.brief)
    refused(
        Rule.DOCUMENT_NOT_LOCKED,
        document_unlock,
        document=document,
        actor=learner,
        lock="x",
    )


def test_link_a_document_to_the_zaak(zaak, cat, new_document, learner):
    document = new_document(
        cat.aanvraag, titel="Aanvraagformulier", ontvangstdatum=date(2025, 3, 1)
    )
    link = zaak_document_link(
        zaak=zaak, actor=learner, document=document, beschrijving="Ontvangen per e-mail"
    )
    assert link.titel == "Aanvraagformulier"
    assert link.status == zaak.status
    assert link.registratiedatum == zaak.workspace.clock
    assert list(zaak.zaakinformatieobjecten.all()) == [link]


def test_link_a_document_type_the_zaaktype_does_not_use(
    zaak, cat, new_document, learner
):
    # zrc-017
    foreign_type = InformatieObjectTypeFactory(
        catalogus=cat.zaaktype.catalogus, omschrijving="Factuur"
    )
    document = new_document(foreign_type)
    refused(
        Rule.INFORMATIEOBJECTTYPE_MISMATCH,
        zaak_document_link,
        zaak=zaak,
        actor=learner,
        document=document,
    )


def test_link_twice_is_refused(zaak, cat, new_document, learner):
    document = new_document(cat.brief)
    zaak_document_link(zaak=zaak, actor=learner, document=document)
    refused(
        Rule.DOCUMENT_ALREADY_LINKED,
        zaak_document_link,
        zaak=zaak,
        actor=learner,
        document=document,
    )


def test_changing_the_type_of_a_filed_document_must_still_fit(
    zaak, cat, new_document, learner
):
    document = new_document(cat.brief)
    zaak_document_link(zaak=zaak, actor=learner, document=document)
    lock = document_lock(document=document, actor=learner)
    foreign_type = InformatieObjectTypeFactory(
        catalogus=cat.zaaktype.catalogus, omschrijving="Factuur"
    )
    refused(
        Rule.INFORMATIEOBJECTTYPE_MISMATCH,
        document_update,
        document=document,
        actor=learner,
        lock=lock,
        changes={"informatieobjecttype": foreign_type},
    )
    document_update(
        document=document,
        actor=learner,
        lock=lock,
        changes={"informatieobjecttype": cat.beschikking},
    )
