from datetime import date

import pytest

from sandbox.errors import Rule
from sandbox.models import Zaak
from sandbox.models.choices import (
    AardRelatie,
    Archiefnominatie,
    Scope,
    Vertrouwelijkheidaanduiding,
    ZaakObjectType,
)
from sandbox.services import (
    MedewerkerGegevens,
    document_create,
    workspace_clock_advance,
    zaak_close,
    zaak_document_link,
    zaak_eigenschap_set,
    zaak_hoofdzaak_set,
    zaak_klantcontact_add,
    zaak_object_add,
    zaak_opschorten,
    zaak_register,
    zaak_relevante_zaak_add,
    zaak_reopen,
    zaak_resultaat_set,
    zaak_rol_add,
    zaak_status_set,
)
from tests.sandbox.factories import (
    WorkspaceFactory,
    ZaakTypeFactory,
    practice_catalogue,
)
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db


def _register(workspace, actor, zaaktype, **fields):
    fields.setdefault("startdatum", date(2025, 3, 3))
    return zaak_register(workspace=workspace, actor=actor, zaaktype=zaaktype, **fields)


def _close(zaak, cat, actor):
    zaak_resultaat_set(zaak=zaak, actor=actor, resultaattype=cat.geweigerd)
    return zaak_close(zaak=zaak, actor=actor, statustoelichting="Besluit verzonden")


# --- Registering ------------------------------------------------------------------


def test_register_numbers_dates_and_first_status(workspace, cat, learner):
    zaak = _register(
        workspace,
        learner,
        cat.zaaktype,
        startdatum=date(2025, 2, 28),
        omschrijving="Dakkapel",
    )
    assert zaak.identificatie == "ZAAK-2025-0000000001"
    assert zaak.bronorganisatie == workspace.bronorganisatie
    assert zaak.registratiedatum == date(
        2025, 3, 3
    )  # the sandbox day, not the real one
    assert zaak.startdatum == date(2025, 2, 28)
    # P8W from Friday 28 February: Friday 25 April; servicenorm P6W: Friday 11 April.
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 4, 25)
    assert zaak.einddatum_gepland == date(2025, 4, 11)
    assert zaak.status.statustype == cat.ontvangen
    assert zaak.einddatum is None
    second = _register(workspace, learner, cat.zaaktype)
    assert second.identificatie == "ZAAK-2025-0000000002"


def test_numbering_is_per_workspace(workspace, cat, learner, coach):
    other = WorkspaceFactory(owner=coach)
    _register(workspace, learner, cat.zaaktype)
    assert _register(other, coach, cat.zaaktype).identificatie == "ZAAK-2025-0000000001"


def test_zaak_takes_the_zaaktype_confidentiality_unless_given(workspace, cat, learner):
    # zrc-009
    assert _register(workspace, learner, cat.zaaktype).vertrouwelijkheidaanduiding == (
        Vertrouwelijkheidaanduiding.ZAAKVERTROUWELIJK
    )
    explicit = _register(
        workspace,
        learner,
        cat.zaaktype,
        vertrouwelijkheidaanduiding=Vertrouwelijkheidaanduiding.VERTROUWELIJK,
    )
    assert (
        explicit.vertrouwelijkheidaanduiding
        == Vertrouwelijkheidaanduiding.VERTROUWELIJK
    )


def test_register_refuses_a_draft_zaaktype(workspace, learner, db):
    draft = practice_catalogue(concept=True)
    refused(
        Rule.ZAAKTYPE_NOT_IN_FORCE,
        _register,
        workspace=workspace,
        actor=learner,
        zaaktype=draft.zaaktype,
    )
    assert not Zaak.objects.exists()


def test_register_refuses_a_zaaktype_not_yet_in_force(workspace, learner, db):
    future = practice_catalogue(begin_geldigheid=date(2026, 1, 1))
    refused(
        Rule.ZAAKTYPE_NOT_IN_FORCE,
        _register,
        workspace=workspace,
        actor=learner,
        zaaktype=future.zaaktype,
    )


def test_register_refuses_a_zaaktype_no_longer_in_force(workspace, learner, db):
    old = practice_catalogue(einde_geldigheid=date(2024, 12, 31))
    refused(
        Rule.ZAAKTYPE_NOT_IN_FORCE,
        _register,
        workspace=workspace,
        actor=learner,
        zaaktype=old.zaaktype,
    )


def test_register_refuses_a_zaaktype_without_statustypen(workspace, learner, db):
    # zrc-007: every zaaktype knows at least one statustype.
    bare = ZaakTypeFactory()
    refused(
        Rule.ZAAKTYPE_INCOMPLETE,
        _register,
        workspace=workspace,
        actor=learner,
        zaaktype=bare,
    )


def test_register_refuses_a_payment_date_without_costs(workspace, cat, learner):
    # zrc-014
    from django.utils import timezone

    refused(
        Rule.BETALING_NVT,
        _register,
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        betalingsindicatie="nvt",
        laatste_betaaldatum=timezone.now(),
    )


def test_register_as_deelzaak(workspace, cat, learner, zaak):
    deelzaak = _register(workspace, learner, cat.zaaktype, hoofdzaak=zaak)
    assert list(zaak.deelzaken.all()) == [deelzaak]


def test_register_refuses_a_deelzaak_of_a_deelzaak(workspace, cat, learner, zaak):
    # zrc-013
    deelzaak = _register(workspace, learner, cat.zaaktype, hoofdzaak=zaak)
    refused(
        Rule.HOOFDZAAK_IS_DEELZAAK,
        _register,
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        hoofdzaak=deelzaak,
    )


# --- Statuses ---------------------------------------------------------------------


def test_status_set_moves_the_zaak_on(zaak, cat, learner, workspace):
    workspace_clock_advance(workspace=workspace, actor=learner, by="P1D")
    status = zaak_status_set(
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
        statustoelichting="Aanvraag is compleet",
    )
    zaak.refresh_from_db()
    assert zaak.status == status
    assert status.statustoelichting == "Aanvraag is compleet"
    assert status.datum_status_gezet.date() == date(2025, 3, 4)
    assert list(zaak.statussen.values_list("statustype__volgnummer", flat=True)) == [
        1,
        2,
    ]


def test_status_of_another_zaaktype_is_refused(zaak, learner, db):
    # zrc-016
    other = practice_catalogue()
    refused(
        Rule.STATUSTYPE_MISMATCH,
        zaak_status_set,
        zaak=zaak,
        actor=learner,
        statustype=other.in_behandeling,
    )


def test_statuses_follow_the_volgnummer_order(zaak, cat, learner):
    zaak_status_set(zaak=zaak, actor=learner, statustype=cat.aanvulling_gevraagd)
    refused(
        Rule.STATUS_ORDER,
        zaak_status_set,
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
    )
    refused(
        Rule.STATUS_ORDER,
        zaak_status_set,
        zaak=zaak,
        actor=learner,
        statustype=cat.aanvulling_gevraagd,
    )


def test_status_set_by_a_rol_of_the_zaak(zaak, cat, learner):
    rol = zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.behandelaar,
        betrokkene=MedewerkerGegevens(identificatie="mdw1", achternaam="Jansen"),
    )
    status = zaak_status_set(
        zaak=zaak, actor=learner, statustype=cat.in_behandeling, gezetdoor=rol
    )
    assert status.gezetdoor == rol


def test_status_set_by_a_rol_of_another_zaak_is_refused(zaak, cat, learner, workspace):
    other = _register(workspace, learner, cat.zaaktype)
    rol = zaak_rol_add(
        zaak=other,
        actor=learner,
        roltype=cat.behandelaar,
        betrokkene=MedewerkerGegevens(achternaam="Jansen"),
    )
    refused(
        Rule.ROLTYPE_MISMATCH,
        zaak_status_set,
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
        gezetdoor=rol,
    )


# --- Closing ----------------------------------------------------------------------


def test_eindstatus_needs_a_resultaat(zaak, cat, learner):
    # zrc-007
    refused(
        Rule.RESULTAAT_REQUIRED,
        zaak_status_set,
        zaak=zaak,
        actor=learner,
        statustype=cat.afgehandeld,
    )
    refused(Rule.RESULTAAT_REQUIRED, zaak_close, zaak=zaak, actor=learner)
    zaak.refresh_from_db()
    assert zaak.einddatum is None


def test_closing_needs_gebruiksrecht_on_every_document(
    zaak, cat, learner, new_document
):
    # zrc-007, indicatiegebruiksrecht-unset
    document = new_document(cat.brief, titel="Ontvangstbevestiging")
    zaak_document_link(zaak=zaak, actor=learner, document=document)
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.geweigerd)
    error = refused(Rule.GEBRUIKSRECHT_UNSET, zaak_close, zaak=zaak, actor=learner)
    assert "Ontvangstbevestiging" in error.message


def test_a_suspended_zaak_is_resumed_before_closing(zaak, cat, learner):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.geweigerd)
    zaak_opschorten(zaak=zaak, actor=learner, reden="Wachten op tekeningen")
    refused(Rule.ZAAK_SUSPENDED, zaak_close, zaak=zaak, actor=learner)


def test_closing_sets_einddatum_and_archive_fields(
    zaak, cat, learner, workspace, new_document
):
    document = new_document(cat.brief, indicatie_gebruiksrecht=False)
    zaak_document_link(zaak=zaak, actor=learner, document=document)
    workspace_clock_advance(
        workspace=workspace, actor=learner, to=workspace.clock.replace(day=20)
    )
    status = _close(zaak, cat, learner)
    zaak.refresh_from_db()
    assert zaak.status == status
    assert status.statustype == cat.afgehandeld
    assert zaak.einddatum == date(2025, 3, 20)
    # zrc-021: from the resultaattype "Geweigerd": vernietigen, 5 years after closing.
    assert zaak.archiefnominatie == Archiefnominatie.VERNIETIGEN
    assert zaak.archiefactiedatum == date(2030, 3, 20)
    assert zaak.startdatum_bewaartermijn == date(2025, 3, 20)
    assert zaak.selectielijstklasse == cat.geweigerd.selectielijstklasse


def test_closing_with_a_permanent_result_sets_no_destruction_date(zaak, cat, learner):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.verleend)
    zaak_close(zaak=zaak, actor=learner)
    zaak.refresh_from_db()
    assert zaak.archiefnominatie == Archiefnominatie.BLIJVEND_BEWAREN
    assert zaak.archiefactiedatum is None
    assert zaak.startdatum_bewaartermijn is None


def test_setting_the_eindstatus_directly_closes_too(zaak, cat, learner):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.geweigerd)
    zaak_status_set(zaak=zaak, actor=learner, statustype=cat.afgehandeld)
    zaak.refresh_from_db()
    assert zaak.is_closed


@pytest.mark.parametrize(
    "change",
    [
        "status",
        "resultaat",
        "rol",
        "eigenschap",
        "object",
        "klantcontact",
        "document",
        "opschorten",
        "relatie",
    ],
)
def test_no_change_after_closing(change, zaak, cat, learner, workspace, new_document):
    other = _register(workspace, learner, cat.zaaktype)
    document = new_document(cat.brief, indicatie_gebruiksrecht=True)
    _close(zaak, cat, learner)
    calls = {
        "status": lambda: zaak_status_set(
            zaak=zaak, actor=learner, statustype=cat.in_behandeling
        ),
        "resultaat": lambda: zaak_resultaat_set(
            zaak=zaak, actor=learner, resultaattype=cat.verleend
        ),
        "rol": lambda: zaak_rol_add(
            zaak=zaak,
            actor=learner,
            roltype=cat.behandelaar,
            betrokkene=MedewerkerGegevens(achternaam="Jansen"),
        ),
        "eigenschap": lambda: zaak_eigenschap_set(
            zaak=zaak, actor=learner, eigenschap=cat.bouwkosten, waarde="1000"
        ),
        "object": lambda: zaak_object_add(
            zaak=zaak, actor=learner, object_type=ZaakObjectType.ADRES
        ),
        "klantcontact": lambda: zaak_klantcontact_add(
            zaak=zaak, actor=learner, kanaal="telefoon", onderwerp="Vraag"
        ),
        "document": lambda: zaak_document_link(
            zaak=zaak, actor=learner, document=document
        ),
        "opschorten": lambda: zaak_opschorten(
            zaak=zaak, actor=learner, reden="Wachten"
        ),
        "relatie": lambda: zaak_relevante_zaak_add(
            zaak=zaak,
            actor=learner,
            andere_zaak=other,
            aard_relatie=AardRelatie.VERVOLG,
        ),
    }
    refused(Rule.ZAAK_CLOSED, calls[change])


def test_correcting_a_closed_zaak_needs_the_scope(cat, learner):
    workspace = WorkspaceFactory(
        owner=learner, scopes=[Scope.ZAKEN_GEFORCEERD_BIJWERKEN]
    )
    zaak = _register(workspace, learner, cat.zaaktype)
    _close(zaak, cat, learner)
    zaak_klantcontact_add(
        zaak=zaak, actor=learner, kanaal="telefoon", onderwerp="Nagekomen vraag"
    )
    assert zaak.klantcontacten.count() == 1


# --- Reopening --------------------------------------------------------------------


def test_reopen_needs_the_right_to_reopen(zaak, cat, learner):
    _close(zaak, cat, learner)
    refused(
        Rule.REOPEN_NOT_PERMITTED,
        zaak_reopen,
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
        statustoelichting="Nieuw feit",
    )


def test_reopen_only_a_closed_zaak(cat, learner):
    workspace = WorkspaceFactory(owner=learner, scopes=[Scope.ZAKEN_HEROPENEN])
    zaak = _register(workspace, learner, cat.zaaktype)
    refused(
        Rule.REOPEN_NOT_CLOSED,
        zaak_reopen,
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
        statustoelichting="Nieuw feit",
    )


def test_reopen_with_the_eindstatus_is_refused(cat, learner):
    workspace = WorkspaceFactory(owner=learner, scopes=[Scope.ZAKEN_HEROPENEN])
    zaak = _register(workspace, learner, cat.zaaktype)
    _close(zaak, cat, learner)
    refused(
        Rule.REOPEN_EINDSTATUS,
        zaak_reopen,
        zaak=zaak,
        actor=learner,
        statustype=cat.afgehandeld,
        statustoelichting="Nieuw feit",
    )


def test_reopen_needs_a_reason(cat, learner):
    workspace = WorkspaceFactory(owner=learner, scopes=[Scope.ZAKEN_HEROPENEN])
    zaak = _register(workspace, learner, cat.zaaktype)
    _close(zaak, cat, learner)
    refused(
        Rule.REASON_REQUIRED,
        zaak_reopen,
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
        statustoelichting="  ",
    )


def test_reopen_clears_einddatum_and_archive_fields(cat, learner):
    # zrc-008
    workspace = WorkspaceFactory(owner=learner, scopes=[Scope.ZAKEN_HEROPENEN])
    zaak = _register(workspace, learner, cat.zaaktype)
    _close(zaak, cat, learner)
    status = zaak_reopen(
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
        statustoelichting="Nieuw feit",
    )
    zaak.refresh_from_db()
    assert zaak.status == status
    assert zaak.einddatum is None
    assert zaak.archiefactiedatum is None
    assert zaak.archiefnominatie == ""
    # Open again: it can be handled and closed once more.
    zaak_status_set(zaak=zaak, actor=learner, statustype=cat.aanvulling_gevraagd)
    zaak_close(zaak=zaak, actor=learner)
    zaak.refresh_from_db()
    assert zaak.is_closed


# --- Resultaat --------------------------------------------------------------------


def test_resultaat_of_another_zaaktype_is_refused(zaak, learner, db):
    # zrc-020
    other = practice_catalogue()
    refused(
        Rule.RESULTAATTYPE_MISMATCH,
        zaak_resultaat_set,
        zaak=zaak,
        actor=learner,
        resultaattype=other.verleend,
    )


def test_resultaat_can_change_while_open(zaak, cat, learner):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.verleend)
    resultaat = zaak_resultaat_set(
        zaak=zaak, actor=learner, resultaattype=cat.geweigerd, toelichting="Toch niet"
    )
    zaak.refresh_from_db()
    assert zaak.resultaat == resultaat
    assert resultaat.resultaattype == cat.geweigerd


# --- Eigenschappen ----------------------------------------------------------------


def test_eigenschap_of_another_zaaktype_is_refused(zaak, learner, db):
    # zrc-018
    other = practice_catalogue()
    refused(
        Rule.EIGENSCHAP_MISMATCH,
        zaak_eigenschap_set,
        zaak=zaak,
        actor=learner,
        eigenschap=other.bouwkosten,
        waarde="1",
    )


def test_eigenschap_values_follow_the_format(zaak, cat, learner):
    assert (
        zaak_eigenschap_set(
            zaak=zaak, actor=learner, eigenschap=cat.bouwkosten, waarde="12500,50"
        ).waarde
        == "12500.50"
    )
    assert (
        zaak_eigenschap_set(
            zaak=zaak, actor=learner, eigenschap=cat.datum_besluit, waarde="31-01-2025"
        ).waarde
        == "2025-01-31"
    )
    assert (
        zaak_eigenschap_set(
            zaak=zaak, actor=learner, eigenschap=cat.categorie, waarde="Groen"
        ).waarde
        == "Groen"
    )
    # Kardinaliteit 1: a second value replaces the first.
    zaak_eigenschap_set(
        zaak=zaak, actor=learner, eigenschap=cat.bouwkosten, waarde="9000"
    )
    assert list(
        zaak.zaakeigenschappen.filter(eigenschap=cat.bouwkosten).values_list(
            "waarde", flat=True
        )
    ) == ["9000"]


@pytest.mark.parametrize(
    ("eigenschap", "waarde"),
    [
        ("bouwkosten", "veel"),
        ("datum_besluit", "gisteren"),
        ("categorie", "Verkeer"),
        ("bouwkosten", " "),
    ],
)
def test_eigenschap_values_that_do_not_fit_are_refused(
    eigenschap, waarde, zaak, cat, learner
):
    refused(
        Rule.EIGENSCHAP_WAARDE,
        zaak_eigenschap_set,
        zaak=zaak,
        actor=learner,
        eigenschap=getattr(cat, eigenschap),
        waarde=waarde,
    )


# --- Objects, contacts and relations -------------------------------------------------


def test_zaakobject_add(zaak, learner):
    zaakobject = zaak_object_add(
        zaak=zaak,
        actor=learner,
        object_type=ZaakObjectType.ADRES,
        object_identificatie={"gorOpenbareRuimteNaam": "Dorpsstraat", "huisnummer": 1},
        relatieomschrijving="Bouwlocatie",
    )
    assert list(zaak.zaakobjecten.all()) == [zaakobject]


def test_zaakobject_other_needs_a_description(zaak, learner):
    refused(
        Rule.ZAAKOBJECT_INVALID,
        zaak_object_add,
        zaak=zaak,
        actor=learner,
        object_type=ZaakObjectType.OVERIGE,
    )


def test_klantcontact_add(zaak, learner):
    contact = zaak_klantcontact_add(
        zaak=zaak,
        actor=learner,
        kanaal="telefoon",
        onderwerp="Stand van zaken",
        toelichting="Teruggebeld",
    )
    assert contact.identificatie == "KC-0001"
    assert contact.datumtijd == zaak.workspace.clock


def test_klantcontact_needs_a_subject(zaak, learner):
    refused(
        Rule.REASON_REQUIRED,
        zaak_klantcontact_add,
        zaak=zaak,
        actor=learner,
        kanaal="telefoon",
        onderwerp="",
    )


def test_relevante_andere_zaak(zaak, cat, learner, workspace):
    vergunning = _register(workspace, learner, cat.zaaktype)
    zaak_relevante_zaak_add(
        zaak=zaak,
        actor=learner,
        andere_zaak=vergunning,
        aard_relatie=AardRelatie.ONDERWERP,
    )
    assert list(zaak.relevante_andere_zaken.all()) == [vergunning]
    refused(
        Rule.RELATED_ZAAK,
        zaak_relevante_zaak_add,
        zaak=zaak,
        actor=learner,
        andere_zaak=vergunning,
        aard_relatie=AardRelatie.ONDERWERP,
    )


def test_a_zaak_is_not_related_to_itself(zaak, learner):
    refused(
        Rule.RELATED_ZAAK,
        zaak_relevante_zaak_add,
        zaak=zaak,
        actor=learner,
        andere_zaak=zaak,
        aard_relatie=AardRelatie.VERVOLG,
    )


def test_a_zaak_of_another_workspace_cannot_be_related(zaak, cat, coach):
    foreign = _register(WorkspaceFactory(owner=coach), coach, cat.zaaktype)
    refused(
        Rule.OTHER_WORKSPACE,
        zaak_relevante_zaak_add,
        zaak=zaak,
        actor=zaak.workspace.owner,
        andere_zaak=foreign,
        aard_relatie=AardRelatie.VERVOLG,
    )


def test_hoofdzaak_set(zaak, cat, learner, workspace):
    deelzaak = _register(workspace, learner, cat.zaaktype)
    zaak_hoofdzaak_set(zaak=deelzaak, actor=learner, hoofdzaak=zaak)
    assert deelzaak.hoofdzaak == zaak


def test_a_zaak_is_not_its_own_hoofdzaak(zaak, learner):
    refused(
        Rule.HOOFDZAAK_SELF,
        zaak_hoofdzaak_set,
        zaak=zaak,
        actor=learner,
        hoofdzaak=zaak,
    )


def test_a_zaak_with_deelzaken_does_not_become_a_deelzaak(
    zaak, cat, learner, workspace
):
    _register(workspace, learner, cat.zaaktype, hoofdzaak=zaak)
    other = _register(workspace, learner, cat.zaaktype)
    refused(
        Rule.HOOFDZAAK_IS_DEELZAAK,
        zaak_hoofdzaak_set,
        zaak=zaak,
        actor=learner,
        hoofdzaak=other,
    )


def test_document_of_another_workspace_cannot_be_linked(zaak, cat, coach):
    foreign_workspace = WorkspaceFactory(owner=coach)
    document = document_create(
        workspace=foreign_workspace,
        actor=coach,
        informatieobjecttype=cat.brief,
        titel="Geheim",
        auteur="X",
    )
    refused(
        Rule.OTHER_WORKSPACE,
        zaak_document_link,
        zaak=zaak,
        actor=zaak.workspace.owner,
        document=document,
    )
