"""The seeded catalogue: the eight case types, their terms and Selectielijst classes."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from sandbox.demo import catalogue_demo_load
from sandbox.demo_catalogue import CASE_TYPES, ZAAKTYPEN
from sandbox.durations import parse_duration
from sandbox.errors import Rule
from sandbox.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    SelectielijstResultaat,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from sandbox.models.choices import Afleidingswijze, Richting, RolOmschrijvingGeneriek
from sandbox.services import (
    OrganisatorischeEenheidGegevens,
    selectielijst_load,
    workspace_clock_advance,
    zaak_close,
    zaak_hervatten,
    zaak_opschorten,
    zaak_register,
    zaak_resultaat_set,
    zaak_rol_add,
    zaak_status_set,
    zaak_verlengen,
)
from sandbox.services.catalogue import SELECTIELIJST_FIXTURE
from tests.sandbox.factories import WorkspaceFactory
from tests.sandbox.helpers import refused

pytestmark = pytest.mark.django_db

ALL_IDENTIFICATIES = [spec["identificatie"] for spec in ZAAKTYPEN]
MODELS = [
    Catalogus,
    ZaakType,
    StatusType,
    RolType,
    ResultaatType,
    InformatieObjectType,
    ZaakTypeInformatieObjectType,
    Eigenschap,
    BesluitType,
    SelectielijstResultaat,
]


@pytest.fixture
def catalogue(db):
    return catalogue_demo_load()


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_changes_nothing(catalogue):
    before = _counts()
    zaaktype_ids = set(ZaakType.objects.values_list("pk", flat=True))
    catalogue_demo_load()
    assert _counts() == before
    assert set(ZaakType.objects.values_list("pk", flat=True)) == zaaktype_ids
    assert before["ZaakType"] == 9


def test_the_eight_case_types_are_in_force(catalogue):
    in_force = ZaakType.objects.valid_on(date(2025, 6, 1))
    assert set(in_force.values_list("identificatie", flat=True)) >= set(CASE_TYPES)
    assert len(CASE_TYPES) == 8


@pytest.mark.parametrize("identificatie", ALL_IDENTIFICATIES)
def test_each_zaaktype_is_complete_and_consistent(identificatie, catalogue):
    zaaktype = ZaakType.objects.get(identificatie=identificatie)
    volgnummers = list(zaaktype.statustypen.values_list("volgnummer", flat=True))
    assert len(volgnummers) >= 4
    assert volgnummers == list(range(1, len(volgnummers) + 1))
    assert zaaktype.eindstatustype().is_eindstatus
    generiek = list(zaaktype.roltypen.values_list("omschrijving_generiek", flat=True))
    assert generiek.count(RolOmschrijvingGeneriek.INITIATOR) == 1
    assert RolOmschrijvingGeneriek.BEHANDELAAR in generiek
    assert zaaktype.resultaattypen.count() >= 3
    assert zaaktype.eigenschappen.exists()
    richtingen = set(zaaktype.zaaktype_iotypen.values_list("richting", flat=True))
    assert {Richting.INKOMEND, Richting.UITGAAND} <= richtingen
    parse_duration(zaaktype.doorlooptijd)
    if zaaktype.verlenging_mogelijk:
        parse_duration(zaaktype.verlengingstermijn)
    # A decision's document must be one the case can file.
    for besluittype in zaaktype.besluittypen.all():
        assert set(besluittype.informatieobjecttypen.all()) <= set(
            zaaktype.informatieobjecttypen.all()
        )


@pytest.mark.parametrize("identificatie", ALL_IDENTIFICATIES)
def test_result_types_follow_their_selectielijst_class(identificatie, catalogue):
    zaaktype = ZaakType.objects.get(identificatie=identificatie)
    for resultaattype in zaaktype.resultaattypen.select_related(
        "selectielijstklasse__procestype"
    ):
        klasse = resultaattype.selectielijstklasse
        assert klasse.procestype == zaaktype.selectielijst_procestype
        assert resultaattype.archiefnominatie == klasse.waardering
        assert resultaattype.archiefactietermijn == klasse.bewaartermijn
        assert (
            resultaattype.brondatum_archiefprocedure_afleidingswijze
            == Afleidingswijze.AFGEHANDELD
        )


@pytest.mark.parametrize(
    ("identificatie", "doorlooptijd", "opschorting", "verlengingstermijn"),
    [
        ("OMV-REGULIER", "P8W", True, "P6W"),
        ("WOO-VERZOEK", "P4W", True, "P2W"),
        ("BEZWAAR", "P12W", True, "P6W"),
        ("KLACHT", "P6W", False, "P4W"),
        ("MOR", "P3W", False, ""),
        ("EVENEMENT-MELDING", "P14D", False, ""),
        ("AANSPRAKELIJKSTELLING", "P30D", True, "P1M"),
        ("WMO-MELDING", "P6W", False, ""),
        ("WMO-AANVRAAG", "P2W", True, "P2W"),
    ],
)
def test_legal_terms(
    identificatie, doorlooptijd, opschorting, verlengingstermijn, catalogue
):
    zaaktype = ZaakType.objects.get(identificatie=identificatie)
    assert zaaktype.doorlooptijd == doorlooptijd
    assert zaaktype.opschorting_en_aanhouding_mogelijk is opschorting
    assert zaaktype.verlenging_mogelijk is bool(verlengingstermijn)
    assert zaaktype.verlengingstermijn == verlengingstermijn


@pytest.mark.parametrize(
    ("identificatie", "resultaat", "klasse", "nominatie", "termijn"),
    [
        ("OMV-REGULIER", "Verleend", "11.1.6", "blijvend_bewaren", ""),
        ("OMV-REGULIER", "Geweigerd", "11.2", "vernietigen", "P5Y"),
        ("WOO-VERZOEK", "Openbaar gemaakt", "6.1", "vernietigen", "P5Y"),
        ("WOO-VERZOEK", "Niet openbaar gemaakt", "6.2", "vernietigen", "P1Y"),
        ("BEZWAAR", "Niet-ontvankelijk", "13.1.4", "vernietigen", "P1Y"),
        ("BEZWAAR", "Beslist (te bewaren zaak)", "13.1.3", "blijvend_bewaren", ""),
        ("KLACHT", "Afgehandeld via ombudsman", "13.1.2", "vernietigen", "P10Y"),
        ("MOR", "Opgelost", "6.1", "vernietigen", "P5Y"),
        ("EVENEMENT-MELDING", "Verleend", "11.1.1", "vernietigen", "P1Y"),
        ("AANSPRAKELIJKSTELLING", "Toegekend", "13.1.1", "vernietigen", "P7Y"),
        ("WMO-AANVRAAG", "Toegekend", "8.1.1", "vernietigen", "P15Y"),
        ("WMO-MELDING", "Geen aanvraag ingediend", "8.4.1", "vernietigen", "P42D"),
    ],
)
def test_selectielijst_classes_of_the_brief(
    identificatie, resultaat, klasse, nominatie, termijn, catalogue
):
    resultaattype = ResultaatType.objects.get(
        zaaktype__identificatie=identificatie, omschrijving=resultaat
    )
    assert resultaattype.selectielijstklasse.volledig_nummer == klasse
    assert resultaattype.archiefnominatie == nominatie
    assert resultaattype.archiefactietermijn == termijn


def test_statuses_that_inform_the_initiator_have_a_text(catalogue):
    informing = StatusType.objects.filter(informeren=True)
    assert informing.exists()
    assert not informing.filter(statustekst="").exists()


def test_relations_between_case_types(catalogue):
    melding = ZaakType.objects.get(identificatie="WMO-MELDING")
    assert list(melding.deelzaaktypen.values_list("identificatie", flat=True)) == [
        "WMO-AANVRAAG"
    ]
    bezwaar = ZaakType.objects.get(identificatie="BEZWAAR")
    assert list(
        bezwaar.gerelateerde_zaaktypen.values_list(
            "gerelateerd_zaaktype_identificatie", flat=True
        )
    ) == ["OMV-REGULIER"]


def test_decision_types_carry_their_reaction_term(catalogue):
    for besluittype in BesluitType.objects.all():
        assert besluittype.reactietermijn == "P6W"
        assert besluittype.informatieobjecttypen.exists()


def test_the_reference_file_holds_what_the_catalogue_uses(catalogue):
    data = json.loads(SELECTIELIJST_FIXTURE.read_text(encoding="utf-8"))
    assert SelectielijstResultaat.objects.count() == len(data["resultaten"])
    used = set(
        ResultaatType.objects.values_list(
            "selectielijstklasse__volledig_nummer", flat=True
        )
    )
    parents = set(
        SelectielijstResultaat.objects.filter(
            specifieke_resultaten__volledig_nummer__in=used
        ).values_list("volledig_nummer", flat=True)
    )
    # Nothing in the file that is neither used nor the generic parent of a used class.
    assert {item["volledig_nummer"] for item in data["resultaten"]} == used | parents
    assert selectielijst_load() == len(data["resultaten"])


def test_load_demo_data_loads_the_catalogue():
    call_command("load_demo_data", stdout=io.StringIO())
    assert ZaakType.objects.filter(identificatie__in=CASE_TYPES).count() == 8


def test_a_seeded_melding_from_intake_to_closing(catalogue, learner):
    workspace = WorkspaceFactory(owner=learner)
    mor = ZaakType.objects.get(identificatie="MOR")
    zaak = zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=mor,
        startdatum=date(2025, 3, 3),
        omschrijving="Lantaarnpaal kapot",
        communicatiekanaal="webformulier",
    )
    assert zaak.status.statustype.omschrijving == "Gemeld"
    assert zaak.einddatum_gepland == date(2025, 3, 10)
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 3, 24)
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=mor.roltypen.get(omschrijving="Behandelaar"),
        betrokkene=OrganisatorischeEenheidGegevens(naam="Team Buitendienst"),
    )
    for omschrijving in ("In behandeling", "Ingepland"):
        zaak_status_set(
            zaak=zaak,
            actor=learner,
            statustype=mor.statustypen.get(omschrijving=omschrijving),
            statustoelichting=omschrijving,
        )
    refused(
        Rule.OPSCHORTING_NOT_ALLOWED,
        zaak_opschorten,
        zaak=zaak,
        actor=learner,
        reden="Wachten",
    )
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=3)
    zaak_resultaat_set(
        zaak=zaak,
        actor=learner,
        resultaattype=mor.resultaattypen.get(omschrijving="Opgelost"),
    )
    zaak_close(zaak=zaak, actor=learner, statustoelichting="Lamp vervangen")
    zaak.refresh_from_db()
    assert zaak.einddatum == date(2025, 3, 6)
    assert zaak.archiefactiedatum == date(2030, 3, 6)
    assert zaak.selectielijstklasse.volledig_nummer == "6.1"


def test_a_seeded_omgevingsvergunning_with_suspension_and_extension(catalogue, learner):
    workspace = WorkspaceFactory(owner=learner)
    omv = ZaakType.objects.get(identificatie="OMV-REGULIER")
    zaak = zaak_register(
        workspace=workspace, actor=learner, zaaktype=omv, startdatum=date(2025, 3, 3)
    )
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 4, 28)
    zaak_opschorten(zaak=zaak, actor=learner, reden="Constructieberekening ontbreekt")
    workspace_clock_advance(workspace=workspace, actor=learner, by="P2W")
    zaak_hervatten(zaak=zaak, actor=learner)
    zaak_verlengen(zaak=zaak, actor=learner, reden="Advies welstand", duur="P6W")
    zaak.refresh_from_db()
    # 3 March + 8 + 6 weeks + 14 days suspended = Monday 23 June 2025.
    assert zaak.uiterlijke_einddatum_afdoening == date(2025, 6, 23)
    zaak_resultaat_set(
        zaak=zaak,
        actor=learner,
        resultaattype=omv.resultaattypen.get(omschrijving="Verleend"),
    )
    zaak_close(zaak=zaak, actor=learner)
    zaak.refresh_from_db()
    assert zaak.archiefnominatie == "blijvend_bewaren"
    assert zaak.archiefactiedatum is None
