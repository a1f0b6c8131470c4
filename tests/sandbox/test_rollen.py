import pytest

from sandbox.errors import Rule
from sandbox.models.choices import BetrokkeneType, IndicatieMachtiging
from sandbox.services import (
    MedewerkerGegevens,
    NatuurlijkPersoonGegevens,
    NietNatuurlijkPersoonGegevens,
    OrganisatorischeEenheidGegevens,
    VestigingGegevens,
    zaak_rol_add,
)
from tests.sandbox.factories import practice_catalogue
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db

BURGER = NatuurlijkPersoonGegevens(
    inp_bsn="111222333",
    voorletters="J.",
    voorvoegsel_geslachtsnaam="de",
    geslachtsnaam="Vries",
    verblijfsadres_gor_openbare_ruimte_naam="Dorpsstraat",
    verblijfsadres_aoa_huisnummer=1,
    verblijfsadres_aoa_huisletter="a",
    verblijfsadres_aoa_postcode="1234 AB",
    verblijfsadres_wpl_woonplaats_naam="Zaakwijk",
)


def test_initiator_as_natural_person(zaak, cat, learner):
    rol = zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=BURGER,
        roltoelichting="Aanvrager",
    )
    assert rol.betrokkene_type == BetrokkeneType.NATUURLIJK_PERSOON
    assert rol.natuurlijk_persoon.inp_bsn == "111222333"
    assert rol.betrokkene_naam == "J. de Vries"
    assert rol.natuurlijk_persoon.adres == "Dorpsstraat 1a, 1234 AB Zaakwijk"
    assert rol.omschrijving_generiek == "initiator"
    assert rol.registratiedatum == zaak.workspace.clock


def test_gemachtigde_with_machtiging(zaak, cat, learner):
    rol = zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=NietNatuurlijkPersoonGegevens(
            statutaire_naam="Architectenbureau Bouwlust B.V.",
            kvk_nummer="12345678",
            inn_nnp_id="123456782",
        ),
        indicatie_machtiging=IndicatieMachtiging.GEMACHTIGDE,
    )
    assert rol.indicatie_machtiging == "gemachtigde"
    assert rol.betrokkene_naam == "Architectenbureau Bouwlust B.V."


@pytest.mark.parametrize(
    "betrokkene",
    [
        VestigingGegevens(
            vestigings_nummer="000012345678", handelsnaam=["Bakkerij Bol"]
        ),
        OrganisatorischeEenheidGegevens(identificatie="BD", naam="Team Buitendienst"),
        MedewerkerGegevens(
            identificatie="jjansen", achternaam="Jansen", voorletters="J."
        ),
    ],
)
def test_other_kinds_of_betrokkene(betrokkene, zaak, cat, learner):
    rol = zaak_rol_add(
        zaak=zaak, actor=learner, roltype=cat.behandelaar, betrokkene=betrokkene
    )
    assert rol.betrokkene_type == betrokkene.betrokkene_type
    assert rol.betrokkene is not None
    assert rol.betrokkene_naam


def test_roltype_of_another_zaaktype_is_refused(zaak, learner):
    # zrc-019
    other = practice_catalogue()
    refused(
        Rule.ROLTYPE_MISMATCH,
        zaak_rol_add,
        zaak=zaak,
        actor=learner,
        roltype=other.initiator,
        betrokkene=BURGER,
    )


@pytest.mark.parametrize(
    "betrokkene",
    [
        NatuurlijkPersoonGegevens(
            inp_bsn="123456789", geslachtsnaam="Vries"
        ),  # fails the 11-proef
        NatuurlijkPersoonGegevens(voornamen="Jan"),  # neither BSN nor surname
        NatuurlijkPersoonGegevens(
            geslachtsnaam="Vries", verblijfsadres_aoa_postcode="12345"
        ),
        NietNatuurlijkPersoonGegevens(statutaire_naam="X B.V.", inn_nnp_id="123456789"),
        NietNatuurlijkPersoonGegevens(statutaire_naam="X B.V.", kvk_nummer="1234"),
        NietNatuurlijkPersoonGegevens(),
        VestigingGegevens(vestigings_nummer="12"),
        OrganisatorischeEenheidGegevens(),
        MedewerkerGegevens(),
    ],
)
def test_betrokkene_that_cannot_be_identified_is_refused(
    betrokkene, zaak, cat, learner
):
    refused(
        Rule.BETROKKENE_INVALID,
        zaak_rol_add,
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=betrokkene,
    )
    assert not zaak.rollen.exists()
