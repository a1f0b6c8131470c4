"""The case file pages: parties per betrokkeneType, notes, document check-out,
editing, new versions and the viewer; and who may reach each of them."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox.models import EnkelvoudigInformatieObject, Notitie, Rol
from sandbox.services import (
    NatuurlijkPersoonGegevens,
    document_create,
    document_lock,
    zaak_document_link,
    zaak_resultaat_set,
    zaak_rol_add,
)
from tests.sandbox.views_support import BANNER, url, zaak_url


def rol_add_url(zaak, kind):
    return url(
        "rol_add",
        workspace=zaak.workspace.uuid,
        identificatie=zaak.identificatie,
        betrokkene_type=kind,
    )


def rol_url(name, rol):
    return url(
        name,
        workspace=rol.zaak.workspace.uuid,
        identificatie=rol.zaak.identificatie,
        rol=rol.uuid,
    )


def doc_url(name, document):
    return url(name, workspace=document.workspace.uuid, document=document.uuid)


@pytest.fixture
def rol(case, catalogue, learner):
    return zaak_rol_add(
        zaak=case,
        actor=learner,
        roltype=catalogue.initiator,
        betrokkene=NatuurlijkPersoonGegevens(
            inp_bsn="111222333", geslachtsnaam="Jansen"
        ),
    )


@pytest.fixture
def document(case, catalogue, learner):
    document = document_create(
        workspace=case.workspace,
        actor=learner,
        informatieobjecttype=catalogue.brief,
        titel="Brief aan aanvrager",
        auteur="Behandelaar",
        status="in_bewerking",
        formaat="text/plain",
        bestandsnaam="brief.txt",
        inhoud=b"Versie een",
    )
    zaak_document_link(zaak=case, actor=learner, document=document)
    return document


# --- Parties involved --------------------------------------------------------------


def test_the_betrokkenen_tab_offers_every_kind_of_party(owner_client, case, rol):
    page = owner_client.get(zaak_url(case, "betrokkenen")).content.decode()

    for kind in (
        "natuurlijk-persoon",
        "niet-natuurlijk-persoon",
        "vestiging",
        "medewerker",
        "organisatorische-eenheid",
    ):
        assert rol_add_url(case, kind) in page
    assert rol_url("rol_edit", rol) in page
    assert rol_url("rol_delete", rol) in page
    assert BANNER in page


@pytest.mark.parametrize(
    ("kind", "fields", "expected_type", "name"),
    [
        (
            "natuurlijk-persoon",
            {
                "inp_bsn": "111222333",
                "voorletters": "P.",
                "geslachtsnaam": "de Boer",
                "straat": "Kerkstraat",
                "huisnummer": "12",
                "postcode": "1234 ab",
                "woonplaats": "Zaakwijk",
                "geboortedatum": "1980-05-17",
            },
            "natuurlijk_persoon",
            "P. de Boer",
        ),
        (
            "niet-natuurlijk-persoon",
            {
                "statutaire_naam": "Bakkerij Brood B.V.",
                "kvk_nummer": "12345678",
                "inn_nnp_id": "123456782",
                "inn_rechtsvorm": "besloten_vennootschap",
            },
            "niet_natuurlijk_persoon",
            "Bakkerij Brood B.V.",
        ),
        (
            "vestiging",
            {
                "handelsnaam": "Brood & Banket\nBakker Bart",
                "vestigings_nummer": "000012345678",
            },
            "vestiging",
            "Brood & Banket, Bakker Bart",
        ),
        (
            "medewerker",
            {"identificatie": "jvisser", "voorletters": "J.", "achternaam": "Visser"},
            "medewerker",
            "J. Visser",
        ),
        (
            "organisatorische-eenheid",
            {"naam": "Team Buitendienst"},
            "organisatorische_eenheid",
            "Team Buitendienst",
        ),
    ],
)
def test_add_a_party_of_each_kind(
    owner_client, case, catalogue, kind, fields, expected_type, name
):
    assert owner_client.get(rol_add_url(case, kind)).status_code == 200
    data = {
        "roltype": catalogue.initiator.pk,
        "roltoelichting": "Betrokken",
        "indicatie_machtiging": "",
        **fields,
    }

    response = owner_client.post(rol_add_url(case, kind), data)

    assert response.status_code == 302, response.content.decode()
    rol = Rol.objects.get(zaak=case)
    assert rol.betrokkene_type == expected_type
    assert rol.betrokkene_naam == name
    assert rol.roltoelichting == "Betrokken"


def test_a_gemachtigde_is_recorded(owner_client, case, catalogue):
    owner_client.post(
        rol_add_url(case, "natuurlijk-persoon"),
        {
            "roltype": catalogue.initiator.pk,
            "geslachtsnaam": "Advocaat",
            "indicatie_machtiging": "gemachtigde",
        },
    )
    assert Rol.objects.get(zaak=case).indicatie_machtiging == "gemachtigde"


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("natuurlijk-persoon", {"inp_bsn": "123456789"}, "does not pass the 11-proef"),
        ("natuurlijk-persoon", {"geslachtsnaam": "X", "postcode": "12"}, "Postcode"),
        ("niet-natuurlijk-persoon", {"inn_nnp_id": "123456789"}, "11-proef"),
        ("niet-natuurlijk-persoon", {"kvk_nummer": "1234"}, "eight digits"),
        ("vestiging", {"vestigings_nummer": "12"}, "twelve digits"),
        ("natuurlijk-persoon", {}, "BSN or surname"),
        ("medewerker", {}, "surname or user name"),
    ],
)
def test_wrong_identifiers_are_explained_next_to_the_form(
    owner_client, case, catalogue, kind, fields, message
):
    response = owner_client.post(
        rol_add_url(case, kind), {"roltype": catalogue.initiator.pk, **fields}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Rol.objects.filter(zaak=case).exists()


def test_an_unknown_kind_of_party_is_404(owner_client, case):
    assert owner_client.get(rol_add_url(case, "robot")).status_code == 404


def test_edit_a_role(owner_client, rol, catalogue):
    page = owner_client.get(rol_url("rol_edit", rol))
    assert page.status_code == 200
    assert 'value="111222333"' in page.content.decode()

    response = owner_client.post(
        rol_url("rol_edit", rol),
        {
            "roltype": catalogue.initiator.pk,
            "inp_bsn": "111222333",
            "geslachtsnaam": "Jansen-Smit",
            "indicatie_machtiging": "machtiginggever",
        },
    )

    assert response.status_code == 302
    rol.refresh_from_db()
    rol.natuurlijk_persoon.refresh_from_db()
    assert rol.natuurlijk_persoon.geslachtsnaam == "Jansen-Smit"
    assert rol.indicatie_machtiging == "machtiginggever"


def test_remove_a_role_after_confirmation(owner_client, rol):
    confirm = owner_client.get(rol_url("rol_delete", rol))
    assert confirm.status_code == 200
    assert "Jansen" in confirm.content.decode()
    assert Rol.objects.filter(pk=rol.pk).exists()

    response = owner_client.post(rol_url("rol_delete", rol))

    assert response.status_code == 302
    assert not Rol.objects.filter(pk=rol.pk).exists()


def test_a_closed_zaak_refuses_with_a_message(
    owner_client, rol, case, catalogue, learner
):
    from sandbox.services import zaak_close

    zaak_resultaat_set(zaak=case, actor=learner, resultaattype=catalogue.geweigerd)
    zaak_close(zaak=case, actor=learner)

    page = owner_client.get(zaak_url(case, "betrokkenen")).content.decode()
    assert rol_url("rol_delete", rol) not in page
    response = owner_client.post(rol_url("rol_delete", rol))
    assert response.status_code == 200
    assert "is closed" in response.content.decode()
    assert Rol.objects.filter(pk=rol.pk).exists()


# --- Notes -------------------------------------------------------------------------


def notitie_url(zaak):
    return url(
        "notitie_add", workspace=zaak.workspace.uuid, identificatie=zaak.identificatie
    )


def test_notes_tab_lists_notes_with_author_and_sandbox_time(
    owner_client, case, learner
):
    response = owner_client.post(
        notitie_url(case),
        {"onderwerp": "Terugbelverzoek", "tekst": "<p>Bel <em>morgen</em> terug</p>"},
    )
    assert response.status_code == 302

    page = owner_client.get(zaak_url(case, "notities")).content.decode()

    assert "Terugbelverzoek" in page
    assert "<em>morgen</em>" in page
    assert learner.get_full_name() in page
    assert "3 March 2025, 09:00" in page
    assert notitie_url(case) in page
    audit = owner_client.get(zaak_url(case, "audit")).content.decode()
    assert "zaak_notitie_add" in audit


def test_a_note_with_script_is_cleaned(owner_client, case):
    owner_client.post(notitie_url(case), {"tekst": 'Hoi<img src=x onerror="alert(1)">'})
    notitie = Notitie.objects.get(zaak=case)
    assert "onerror" not in notitie.tekst
    page = owner_client.get(zaak_url(case, "notities")).content.decode()
    assert "onerror" not in page


def test_an_empty_note_shows_the_form_again(owner_client, case):
    response = owner_client.post(notitie_url(case), {"onderwerp": "Leeg", "tekst": ""})
    assert response.status_code == 200
    assert 'value="Leeg"' in response.content.decode()
    assert not Notitie.objects.exists()


# --- Documents ---------------------------------------------------------------------


def test_check_out_edit_and_check_in(owner_client, document):
    page = owner_client.get(doc_url("document", document)).content.decode()
    assert doc_url("document_checkout", document) in page
    assert doc_url("document_edit", document) not in page

    # Editing before checking out is refused with the standard's rule.
    refused = owner_client.post(
        doc_url("document_edit", document),
        {"titel": "Nieuw", "vertrouwelijkheidaanduiding": "openbaar"},
    )
    assert refused.status_code == 200
    assert (
        "Check “Brief aan aanvrager” out before editing it." in refused.content.decode()
    )

    assert owner_client.post(doc_url("document_checkout", document)).status_code == 302
    document.refresh_from_db()
    assert document.locked
    page = owner_client.get(doc_url("document", document)).content.decode()
    assert doc_url("document_edit", document) in page
    assert doc_url("document_checkin", document) in page

    response = owner_client.post(
        doc_url("document_edit", document),
        {
            "titel": "Brief aan aanvrager (definitief)",
            "vertrouwelijkheidaanduiding": "vertrouwelijk",
            "status": "definitief",
            "indicatie_gebruiksrecht": "nee",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.versie == 2
    assert document.status == "definitief"
    assert document.vertrouwelijkheidaanduiding == "vertrouwelijk"
    assert document.indicatie_gebruiksrecht is False

    assert owner_client.post(doc_url("document_checkin", document)).status_code == 302
    document.refresh_from_db()
    assert not document.locked


def test_a_final_document_cannot_be_changed(owner_client, document, learner):
    document_lock(document=document, actor=learner)
    owner_client.post(
        doc_url("document_edit", document),
        {
            "titel": document.titel,
            "vertrouwelijkheidaanduiding": "intern",
            "status": "definitief",
        },
    )
    response = owner_client.post(
        doc_url("document_edit", document),
        {
            "titel": "Toch anders",
            "vertrouwelijkheidaanduiding": "intern",
            "status": "definitief",
        },
    )
    assert response.status_code == 200
    assert "is final and can no longer be changed" in response.content.decode()


def test_upload_a_new_version_and_download_each(owner_client, document, learner):
    document_lock(document=document, actor=learner)

    response = owner_client.post(
        doc_url("document_new_version", document),
        {"inhoud": SimpleUploadedFile("brief-v2.txt", b"Versie twee", "text/plain")},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.versie == 2
    assert document.bestandsnaam == "brief-v2.txt"
    page = owner_client.get(doc_url("document", document)).content.decode()
    assert "Version 1 of" in page and "Version 2 of" in page
    content = doc_url("document_content", document)
    first = owner_client.get(content + "?versie=1")
    second = owner_client.get(content + "?versie=2")
    assert b"".join(first.streaming_content) == b"Versie een"
    assert b"".join(second.streaming_content) == b"Versie twee"


def test_the_viewer_shows_the_current_version(owner_client, document):
    page = owner_client.get(doc_url("document", document)).content.decode()
    assert "<iframe" in page
    assert f"{doc_url('document_content', document)}?versie=1&amp;bekijken=1" in page
    # The frame may be shown on the site's own pages.
    framed = owner_client.get(doc_url("document_content", document) + "?bekijken=1")
    assert framed["X-Frame-Options"] == "SAMEORIGIN"
    assert "sandbox" in framed["Content-Security-Policy"]


def test_the_document_in_the_case_can_be_changed_through_its_page(
    owner_client, case, document
):
    page = owner_client.get(zaak_url(case, "documenten")).content.decode()
    assert doc_url("document", document) in page


# --- Who may reach these pages -----------------------------------------------------


def _change_targets(case, rol, document):
    return [
        rol_add_url(case, "natuurlijk-persoon"),
        rol_url("rol_edit", rol),
        rol_url("rol_delete", rol),
        notitie_url(case),
        doc_url("document_checkout", document),
        doc_url("document_checkin", document),
        doc_url("document_edit", document),
        doc_url("document_new_version", document),
    ]


def test_another_learner_reaches_nothing(other_client, case, rol, document):
    for target in _change_targets(case, rol, document):
        assert other_client.get(target).status_code in (404, 405), target
        assert other_client.post(target, {"tekst": "x"}).status_code == 404, target
    for target in (
        zaak_url(case, "notities"),
        url(
            "zaak_export",
            workspace=case.workspace.uuid,
            identificatie=case.identificatie,
        ),
    ):
        assert other_client.get(target).status_code == 404, target
    assert Rol.objects.filter(pk=rol.pk).exists()
    assert not Notitie.objects.exists()
    document.refresh_from_db()
    assert not document.locked


def test_the_coach_reads_notes_but_changes_nothing(
    coach_client, case, rol, document, learner
):
    from sandbox.services import zaak_notitie_add

    zaak_notitie_add(zaak=case, actor=learner, tekst="Eigen notitie")
    page = coach_client.get(zaak_url(case, "notities"))
    assert page.status_code == 200
    assert "Eigen notitie" in page.content.decode()
    assert notitie_url(case) not in page.content.decode()
    assert (
        doc_url("document_checkout", document)
        not in coach_client.get(doc_url("document", document)).content.decode()
    )
    for target in _change_targets(case, rol, document):
        assert coach_client.post(target, {"tekst": "x"}).status_code == 403, target
    assert Notitie.objects.count() == 1


def test_a_document_of_another_workspace_is_404_in_mine(
    owner_client, ws, catalogue, learner
):
    from tests.sandbox.factories import WorkspaceFactory

    other_ws = WorkspaceFactory(owner=learner)
    elsewhere = document_create(
        workspace=other_ws,
        actor=learner,
        informatieobjecttype=catalogue.brief,
        titel="Elders",
        auteur="X",
        creatiedatum=date(2025, 3, 3),
    )
    target = url("document_checkout", workspace=ws.uuid, document=elsewhere.uuid)
    assert owner_client.post(target).status_code == 404
    assert not EnkelvoudigInformatieObject.objects.get(pk=elsewhere.pk).locked
