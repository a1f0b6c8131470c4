"""Shared set-up of the scenario tests: the demo catalogue and scenarios, and a
scripted learner who handles the easy MOR scenario well (or badly)."""

from datetime import date

import pytest

from sandbox.models import ResultaatType, RolType, StatusType
from sandbox.models.choices import RolOmschrijvingGeneriek
from sandbox.services import (
    MedewerkerGegevens,
    NatuurlijkPersoonGegevens,
    workspace_clock_advance,
    zaak_close,
    zaak_object_add,
    zaak_register,
    zaak_resultaat_set,
    zaak_rol_add,
    zaak_status_set,
)


@pytest.fixture
def demo_scenarios(db):
    from sandbox.demo import catalogue_demo_load
    from sandbox.scenarios.demo import scenarios_load

    catalogue_demo_load()
    return {scenario.slug: scenario for scenario in scenarios_load()}


def play_mor(attempt, learner, *, good: bool = True):
    """Handle the MOR melding; ``good=False`` makes the typical beginner's mistakes
    (klacht instead of MOR, today as start date, BSN in the description, never
    closed)."""
    from sandbox.models import ZaakType

    workspace = attempt.workspace
    zaaktype = ZaakType.objects.get(identificatie="MOR" if good else "KLACHT")
    zaak = zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=zaaktype,
        startdatum=date(2026, 3, 2) if good else date(2026, 3, 3),
        omschrijving="Lantaarnpaal Lindelaan 14 kapot"
        if good
        else "Lantaarnpaal, melder BSN 999990019",
        communicatiekanaal="telefoon",
    )
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=RolType.objects.get(
            zaaktype=zaaktype, omschrijving_generiek=RolOmschrijvingGeneriek.INITIATOR
        ),
        betrokkene=NatuurlijkPersoonGegevens(
            geslachtsnaam="Vries", voorvoegsel_geslachtsnaam="de", voorletters="J."
        ),
    )
    if not good:
        return zaak
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=RolType.objects.get(
            zaaktype=zaaktype,
            omschrijving_generiek=RolOmschrijvingGeneriek.BEHANDELAAR,
        ),
        betrokkene=MedewerkerGegevens(identificatie="medewerker", achternaam="Test"),
    )
    zaak_object_add(
        zaak=zaak,
        actor=learner,
        object_type="openbare_ruimte",
        object_identificatie={"gorOpenbareRuimteNaam": "Lindelaan"},
    )
    for name in ("In behandeling", "Ingepland"):
        zaak_status_set(
            zaak=zaak,
            actor=learner,
            statustype=StatusType.objects.get(zaaktype=zaaktype, omschrijving=name),
            statustoelichting=f"{name}: de buitendienst gaat kijken.",
        )
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=2)
    zaak_resultaat_set(
        zaak=zaak,
        actor=learner,
        resultaattype=ResultaatType.objects.get(
            zaaktype=zaaktype, omschrijving="Opgelost"
        ),
    )
    zaak_close(zaak=zaak, actor=learner, statustoelichting="De lamp is vervangen.")
    return zaak


# --- Scripted good runs of the other seeded scenarios --------------------------------


def _types(zaaktype):
    from sandbox.models import InformatieObjectType

    def status(name):
        return StatusType.objects.get(zaaktype=zaaktype, omschrijving=name)

    def rol(generiek):
        return RolType.objects.filter(
            zaaktype=zaaktype, omschrijving_generiek=generiek
        ).first()

    def resultaat(name):
        return ResultaatType.objects.get(zaaktype=zaaktype, omschrijving=name)

    def iotype(name):
        return InformatieObjectType.objects.get(omschrijving=name)

    return status, rol, resultaat, iotype


def _post(workspace, titel):
    return workspace.documenten.get(titel=titel)


def _letter(workspace, learner, iotype, titel):
    from sandbox.services import document_create

    return document_create(
        workspace=workspace,
        actor=learner,
        informatieobjecttype=iotype,
        titel=titel,
        auteur="Behandelaar",
        status="definitief",
        indicatie_gebruiksrecht=False,
    )


def _register(
    attempt, learner, identificatie, startdatum, kanaal, omschrijving, **person
):
    from sandbox.models import ZaakType

    zaaktype = ZaakType.objects.get(identificatie=identificatie)
    zaak = zaak_register(
        workspace=attempt.workspace,
        actor=learner,
        zaaktype=zaaktype,
        startdatum=startdatum,
        omschrijving=omschrijving,
        communicatiekanaal=kanaal,
    )
    status, rol, resultaat, iotype = _types(zaaktype)
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=rol(RolOmschrijvingGeneriek.INITIATOR),
        betrokkene=NatuurlijkPersoonGegevens(**person),
    )
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=rol(RolOmschrijvingGeneriek.BEHANDELAAR),
        betrokkene=MedewerkerGegevens(achternaam="Test"),
    )
    return zaak, status, resultaat, iotype


def play_klacht(attempt, learner):
    from sandbox.services import zaak_document_link, zaak_klantcontact_add

    workspace = attempt.workspace
    zaak, status, resultaat, iotype = _register(
        attempt, learner, "KLACHT", date(2026, 3, 2), "brief",
        "Klacht over bejegening aan de balie", inp_bsn="999990032", geslachtsnaam="Jansen",
    )  # fmt: skip
    zaak_document_link(
        zaak=zaak, actor=learner, document=_post(workspace, "Klachtbrief A. Jansen")
    )
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Ontvangst bevestigd"),
                    statustoelichting="Ontvangst bevestigd per brief.")  # fmt: skip
    zaak_klantcontact_add(
        zaak=zaak, actor=learner, kanaal="telefoon", onderwerp="Ontvangst bevestigd"
    )
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=4)
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Klager en beklaagde gehoord"),
                    statustoelichting="Hoorgesprek gehouden.")  # fmt: skip
    zaak_resultaat_set(
        zaak=zaak, actor=learner, resultaattype=resultaat("Naar tevredenheid opgelost")
    )
    letter = _letter(
        workspace, learner, iotype("Afhandelingsbrief"), "Afhandeling klacht"
    )
    zaak_document_link(zaak=zaak, actor=learner, document=letter)
    zaak_close(
        zaak=zaak, actor=learner, statustoelichting="Naar tevredenheid opgelost."
    )


def play_omv(attempt, learner):
    from sandbox.models import Zaak
    from sandbox.services import zaak_document_link, zaak_hervatten, zaak_opschorten

    workspace = attempt.workspace
    zaak = Zaak.objects.get(
        workspace=workspace, identificatie=attempt.seeded["aanvraag"]
    )
    status, rol, resultaat, iotype = _types(zaak.zaaktype)
    zaak_rol_add(zaak=zaak, actor=learner, roltype=rol(RolOmschrijvingGeneriek.BEHANDELAAR),
                 betrokkene=MedewerkerGegevens(achternaam="Test"))  # fmt: skip
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Ontvankelijkheid beoordeeld"),
                    statustoelichting="Constructieberekening ontbreekt.")  # fmt: skip
    letter = _letter(
        workspace, learner, iotype("Verzoek om aanvulling"), "Verzoek om aanvulling"
    )
    zaak_document_link(zaak=zaak, actor=learner, document=letter)
    zaak_opschorten(zaak=zaak, actor=learner, reden="Wacht op constructieberekening")
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Aanvulling gevraagd"),
                    statustoelichting="Aanvulling gevraagd, termijn opgeschort.")  # fmt: skip
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=5)
    zaak_document_link(zaak=zaak, actor=learner,
                       document=_post(workspace, "Constructieberekening dakopbouw"))  # fmt: skip
    zaak_hervatten(zaak=zaak, actor=learner, toelichting="Aanvulling ontvangen")
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("In behandeling"),
                    statustoelichting="Aanvraag is compleet.")  # fmt: skip


def play_woo(attempt, learner):
    from sandbox.services import (
        besluit_record,
        zaak_document_link,
        zaak_verlengen,
    )

    workspace = attempt.workspace
    zaak, status, resultaat, iotype = _register(
        attempt, learner, "WOO-VERZOEK", date(2026, 3, 2), "e-mail",
        "Woo-verzoek herinrichting Marktplein", geslachtsnaam="Yilmaz",
    )  # fmt: skip
    zaak_document_link(zaak=zaak, actor=learner,
                       document=_post(workspace, "Woo-verzoek herinrichting Marktplein"))  # fmt: skip
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Ontvangst bevestigd"),
                    statustoelichting="Ontvangst bevestigd.")  # fmt: skip
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=3)
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Zienswijze derden gevraagd"),
                    statustoelichting="Aannemer om zienswijze gevraagd.")  # fmt: skip
    brief = _letter(
        workspace, learner, iotype("Verdagingsbrief"), "Verdaging Woo-verzoek"
    )
    zaak_document_link(zaak=zaak, actor=learner, document=brief)
    zaak_verlengen(zaak=zaak, actor=learner, reden="Zienswijze derden", duur="P2W")
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=10)
    zaak_document_link(zaak=zaak, actor=learner,
                       document=_post(workspace, "Zienswijze Bouwbedrijf Van Dijk BV"))  # fmt: skip
    today = workspace.__class__.objects.get(pk=workspace.pk).sandbox_today()
    besluit_record(workspace=workspace, actor=learner, zaak=zaak,
                   besluittype=zaak.zaaktype.besluittypen.get(omschrijving="Besluit op Woo-verzoek"),
                   datum=today, ingangsdatum=today)  # fmt: skip
    zaak_resultaat_set(
        zaak=zaak, actor=learner, resultaattype=resultaat("Deels openbaar gemaakt")
    )
    zaak_close(zaak=zaak, actor=learner, statustoelichting="Besluit verzonden.")


def play_bezwaar(attempt, learner):
    from sandbox.models import Zaak
    from sandbox.services import (
        zaak_document_link,
        zaak_hervatten,
        zaak_opschorten,
        zaak_relevante_zaak_add,
    )

    workspace = attempt.workspace
    zaak, status, resultaat, iotype = _register(
        attempt, learner, "BEZWAAR", date(2026, 3, 9), "brief",
        "Bezwaar dakopbouw Dorpsstraat 8", inp_bsn="999990068", geslachtsnaam="Visser",
    )  # fmt: skip
    vergunning = Zaak.objects.get(
        workspace=workspace, identificatie=attempt.seeded["vergunning"]
    )
    zaak_relevante_zaak_add(
        zaak=zaak, actor=learner, andere_zaak=vergunning, aard_relatie="onderwerp"
    )
    zaak_document_link(
        zaak=zaak, actor=learner, document=_post(workspace, "Bezwaarschrift K. Visser")
    )
    letter = _letter(
        workspace, learner, iotype("Verzoek herstel verzuim"), "Herstel verzuim"
    )
    zaak_document_link(zaak=zaak, actor=learner, document=letter)
    zaak_opschorten(zaak=zaak, actor=learner, reden="Herstel verzuim (Awb 6:6)")
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=6)
    zaak_document_link(zaak=zaak, actor=learner,
                       document=_post(workspace, "Ondertekend bezwaarschrift met gronden"))  # fmt: skip
    zaak_hervatten(zaak=zaak, actor=learner, toelichting="Verzuim hersteld")
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Ontvankelijkheid getoetst"),
                    statustoelichting="Bezwaar is ontvankelijk.")  # fmt: skip


def play_wmo(attempt, learner):
    from sandbox.services import zaak_document_link, zaak_klantcontact_add

    workspace = attempt.workspace
    zaak, status, resultaat, iotype = _register(
        attempt, learner, "WMO-MELDING", date(2026, 3, 2), "telefoon",
        "Hulpvraag huishouden", inp_bsn="999990081", geslachtsnaam="Bos",
    )  # fmt: skip
    zaak_status_set(zaak=zaak, actor=learner, statustype=status("Gesprek gepland"),
                    statustoelichting="Keukentafelgesprek gepland.")  # fmt: skip
    zaak_klantcontact_add(
        zaak=zaak, actor=learner, kanaal="telefoon", onderwerp="Afspraak gesprek"
    )
    verslag = _letter(
        workspace, learner, iotype("Gespreksverslag"), "Verslag keukentafelgesprek"
    )
    zaak_document_link(zaak=zaak, actor=learner, document=verslag)
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=3)
    zaak_document_link(
        zaak=zaak, actor=learner, document=_post(workspace, "Medisch advies mw. Bos")
    )


GOOD_RUNS = {
    "mor-melding-eenvoudig": play_mor,
    "klacht-afhandelen": play_klacht,
    "omgevingsvergunning-aanvullen": play_omv,
    "woo-verzoek-verdaging": play_woo,
    "bezwaar-ontvankelijkheid": play_bezwaar,
    "wmo-aanvraag-privacy": play_wmo,
}
