"""Services of the case file: changing and removing roles, notes."""

import pytest
from django.core.exceptions import PermissionDenied

from sandbox.errors import Rule
from sandbox.models import ActionLog, Notitie, Rol
from sandbox.services import (
    MedewerkerGegevens,
    NatuurlijkPersoonGegevens,
    NietNatuurlijkPersoonGegevens,
    zaak_close,
    zaak_notitie_add,
    zaak_resultaat_set,
    zaak_rol_add,
    zaak_rol_remove,
    zaak_rol_update,
    zaak_status_set,
)
from tests.factories import employee
from tests.sandbox.helpers import refused


@pytest.fixture
def initiator(zaak, cat, learner):
    return zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=NatuurlijkPersoonGegevens(
            inp_bsn="111222333", geslachtsnaam="Jansen"
        ),
    )


def _close(zaak, cat, learner):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.geweigerd)
    zaak_close(zaak=zaak, actor=learner)


# --- zaak_rol_update ---------------------------------------------------------------


def test_a_role_is_corrected_in_place(zaak, cat, learner, initiator):
    rol = zaak_rol_update(
        zaak=zaak,
        rol=initiator,
        actor=learner,
        betrokkene=NatuurlijkPersoonGegevens(
            inp_bsn="111222333",
            geslachtsnaam="Jansen-de Vries",
            verblijfsadres_aoa_postcode="1234 AB",
        ),
        roltoelichting="Aanvrager",
        indicatie_machtiging="machtiginggever",
    )

    rol.refresh_from_db()
    assert rol.pk == initiator.pk
    assert rol.natuurlijk_persoon.geslachtsnaam == "Jansen-de Vries"
    assert rol.natuurlijk_persoon.verblijfsadres_aoa_postcode == "1234 AB"
    assert rol.indicatie_machtiging == "machtiginggever"
    assert rol.roltoelichting == "Aanvrager"
    entry = zaak.workspace.actions.get(action="zaak_rol_update")
    assert entry.payload["betrokkene"]["geslachtsnaam"] == "Jansen-de Vries"
    assert entry.zaak == zaak


def test_the_bsn_must_pass_the_elfproef(zaak, learner, initiator):
    error = refused(
        Rule.BETROKKENE_INVALID,
        zaak_rol_update,
        zaak=zaak,
        rol=initiator,
        actor=learner,
        betrokkene=NatuurlijkPersoonGegevens(inp_bsn="123456789"),
    )
    assert "11-proef" in error.message
    # The refusal is in the trace too, for the assessment and the replay.
    assert zaak.workspace.actions.filter(
        action="zaak_rol_update", outcome=ActionLog.Outcome.REFUSED
    ).exists()


def test_rsin_elfproef_and_kvk_length(zaak, cat, learner):
    refused(
        Rule.BETROKKENE_INVALID,
        zaak_rol_add,
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=NietNatuurlijkPersoonGegevens(inn_nnp_id="123456789"),
    )
    refused(
        Rule.BETROKKENE_INVALID,
        zaak_rol_add,
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=NietNatuurlijkPersoonGegevens(kvk_nummer="1234"),
    )


def test_the_kind_of_party_cannot_change(zaak, learner, initiator):
    refused(
        Rule.BETROKKENE_INVALID,
        zaak_rol_update,
        zaak=zaak,
        rol=initiator,
        actor=learner,
        betrokkene=NietNatuurlijkPersoonGegevens(statutaire_naam="Jansen B.V."),
    )


def test_the_roltype_must_belong_to_the_zaaktype(zaak, learner, initiator):
    from tests.sandbox.factories import RolTypeFactory

    elsewhere = RolTypeFactory()
    refused(
        Rule.ROLTYPE_MISMATCH,
        zaak_rol_update,
        zaak=zaak,
        rol=initiator,
        actor=learner,
        roltype=elsewhere,
        betrokkene=NatuurlijkPersoonGegevens(geslachtsnaam="Jansen"),
    )


def test_a_role_of_another_zaak_is_not_reached(
    zaak, cat, learner, workspace, initiator
):
    from datetime import date

    from sandbox.services import zaak_register

    andere = zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        startdatum=date(2025, 3, 3),
    )
    refused(
        Rule.OTHER_WORKSPACE,
        zaak_rol_remove,
        zaak=andere,
        rol=initiator,
        actor=learner,
    )
    assert Rol.objects.filter(pk=initiator.pk).exists()


def test_only_the_owner_changes_roles(zaak, initiator, coach):
    with pytest.raises(PermissionDenied):
        zaak_rol_remove(zaak=zaak, rol=initiator, actor=coach)
    with pytest.raises(PermissionDenied):
        zaak_rol_update(
            zaak=zaak,
            rol=initiator,
            actor=employee().user,
            betrokkene=NatuurlijkPersoonGegevens(geslachtsnaam="X"),
        )


def test_no_role_changes_after_closing(zaak, cat, learner, initiator):
    _close(zaak, cat, learner)
    refused(
        Rule.ZAAK_CLOSED,
        zaak_rol_update,
        zaak=zaak,
        rol=initiator,
        actor=learner,
        betrokkene=NatuurlijkPersoonGegevens(geslachtsnaam="Jansen"),
    )
    refused(Rule.ZAAK_CLOSED, zaak_rol_remove, zaak=zaak, rol=initiator, actor=learner)


# --- zaak_rol_remove ---------------------------------------------------------------


def test_removing_a_role_keeps_the_status_history(zaak, cat, learner):
    behandelaar = zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.behandelaar,
        betrokkene=MedewerkerGegevens(achternaam="Visser"),
    )
    status = zaak_status_set(
        zaak=zaak, actor=learner, statustype=cat.in_behandeling, gezetdoor=behandelaar
    )

    zaak_rol_remove(zaak=zaak, rol=behandelaar, actor=learner)

    assert not Rol.objects.filter(pk=behandelaar.pk).exists()
    status.refresh_from_db()
    assert status.gezetdoor is None
    entry = zaak.workspace.actions.get(action="zaak_rol_remove")
    assert entry.payload["betrokkene_naam"] == "Visser"
    assert entry.payload["omschrijving_generiek"] == "behandelaar"


# --- zaak_notitie_add --------------------------------------------------------------


def test_a_note_is_written_on_the_sandbox_clock(zaak, learner):
    notitie = zaak_notitie_add(
        zaak=zaak, actor=learner, onderwerp="Telefoon", tekst="Aanvrager belt terug."
    )

    assert notitie.sandbox_time == zaak.workspace.clock
    assert notitie.auteur == learner
    assert notitie.auteur_naam
    assert notitie.tekst == "Aanvrager belt terug."
    entry = zaak.workspace.actions.get(action="zaak_notitie_add")
    assert entry.zaak == zaak
    assert entry.payload["tekst"] == "Aanvrager belt terug."


def test_rich_text_is_sanitised(zaak, learner):
    notitie = zaak_notitie_add(
        zaak=zaak,
        actor=learner,
        tekst='<p onclick="x()">Zie <strong>bijlage</strong></p><script>alert(1)</script>',
    )

    assert "<script" not in notitie.tekst
    assert "onclick" not in notitie.tekst
    assert "<strong>bijlage</strong>" in notitie.tekst


def test_an_empty_note_is_refused(zaak, learner):
    refused(
        Rule.REASON_REQUIRED, zaak_notitie_add, zaak=zaak, actor=learner, tekst="  "
    )
    refused(
        Rule.REASON_REQUIRED,
        zaak_notitie_add,
        zaak=zaak,
        actor=learner,
        tekst="<p> </p><br>",
    )
    assert not Notitie.objects.exists()


def test_no_notes_on_a_closed_zaak(zaak, cat, learner):
    _close(zaak, cat, learner)
    refused(
        Rule.ZAAK_CLOSED, zaak_notitie_add, zaak=zaak, actor=learner, tekst="Nog iets"
    )


def test_the_scenario_may_write_a_note(zaak):
    notitie = zaak_notitie_add(zaak=zaak, actor=None, tekst="Overdracht van collega.")
    assert notitie.auteur is None
    assert notitie.auteur_naam


def test_only_the_owner_writes_notes(zaak, coach):
    with pytest.raises(PermissionDenied):
        zaak_notitie_add(zaak=zaak, actor=coach, tekst="Goed gedaan")


def test_notes_go_with_the_workspace(zaak, learner):
    from sandbox.services import workspace_delete

    zaak_notitie_add(zaak=zaak, actor=learner, tekst="Weg ermee")
    workspace_delete(workspace=zaak.workspace, actor=learner)
    assert not Notitie.objects.exists()
