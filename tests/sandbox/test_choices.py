"""The enumerations carry the exact values of the VNG specifications, so exported
JSON validates against them and imported JSON maps onto them."""

from sandbox.models.choices import (
    AardRelatie,
    Afleidingswijze,
    Archiefnominatie,
    Archiefstatus,
    BetrokkeneType,
    DocumentStatus,
    EigenschapFormaat,
    IndicatieMachtiging,
    Richting,
    RolOmschrijvingGeneriek,
    Vertrouwelijkheidaanduiding,
)


def test_vertrouwelijkheidaanduiding_has_the_eight_levels_in_order():
    assert Vertrouwelijkheidaanduiding.values == [
        "openbaar",
        "beperkt_openbaar",
        "intern",
        "zaakvertrouwelijk",
        "vertrouwelijk",
        "confidentieel",
        "geheim",
        "zeer_geheim",
    ]
    assert Vertrouwelijkheidaanduiding.rank(
        "vertrouwelijk"
    ) > Vertrouwelijkheidaanduiding.rank("zaakvertrouwelijk")


def test_catalogi_enums():
    assert set(RolOmschrijvingGeneriek.values) == {
        "adviseur",
        "behandelaar",
        "belanghebbende",
        "beslisser",
        "initiator",
        "klantcontacter",
        "zaakcoordinator",
        "mede_initiator",
    }
    assert set(Afleidingswijze.values) == {
        "afgehandeld",
        "ander_datumkenmerk",
        "eigenschap",
        "gerelateerde_zaak",
        "hoofdzaak",
        "ingangsdatum_besluit",
        "termijn",
        "vervaldatum_besluit",
        "zaakobject",
    }
    assert set(Archiefnominatie.values) == {"blijvend_bewaren", "vernietigen"}
    assert set(EigenschapFormaat.values) == {"tekst", "getal", "datum", "datum_tijd"}
    assert set(Richting.values) == {"inkomend", "intern", "uitgaand"}
    assert set(AardRelatie.values) == {"vervolg", "onderwerp", "bijdrage"}


def test_zaken_and_documenten_enums():
    assert set(Archiefstatus.values) == {
        "nog_te_archiveren",
        "gearchiveerd",
        "gearchiveerd_procestermijn_onbekend",
        "overgedragen",
    }
    assert set(BetrokkeneType.values) == {
        "natuurlijk_persoon",
        "niet_natuurlijk_persoon",
        "vestiging",
        "organisatorische_eenheid",
        "medewerker",
    }
    assert set(IndicatieMachtiging.values) == {"gemachtigde", "machtiginggever"}
    assert set(DocumentStatus.values) == {
        "in_bewerking",
        "ter_vaststelling",
        "definitief",
        "gearchiveerd",
    }
