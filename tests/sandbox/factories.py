"""Factories for the sandbox: a small, complete case type to practise rules on, and
workspaces with a fixed sandbox clock."""

from dataclasses import dataclass
from datetime import date, datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from sandbox.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    SelectielijstProcestype,
    SelectielijstResultaat,
    StatusType,
    Workspace,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from sandbox.models.choices import (
    Afleidingswijze,
    Archiefnominatie,
    EigenschapFormaat,
    Richting,
    RolOmschrijvingGeneriek,
    Vertrouwelijkheidaanduiding,
)
from sandbox.models.workspace import DEMO_RSIN
from tests.factories import UserFactory

# Monday 3 March 2025, 09:00 in Amsterdam: no holiday near.
START = timezone.make_aware(datetime(2025, 3, 3, 9, 0))


class SelectielijstProcestypeFactory(DjangoModelFactory):
    class Meta:
        model = SelectielijstProcestype

    nummer = factory.Sequence(lambda n: 100 + n)
    jaar = 2020
    naam = factory.Sequence(lambda n: f"Procestype {n}")


class SelectielijstResultaatFactory(DjangoModelFactory):
    class Meta:
        model = SelectielijstResultaat

    procestype = factory.SubFactory(SelectielijstProcestypeFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    volledig_nummer = factory.LazyAttribute(
        lambda o: f"{o.procestype.nummer}.{o.nummer}"
    )
    naam = "Afgehandeld"
    waardering = Archiefnominatie.VERNIETIGEN
    procestermijn = "nihil"
    bewaartermijn = "P5Y"


class CatalogusFactory(DjangoModelFactory):
    class Meta:
        model = Catalogus

    domein = factory.Sequence(lambda n: f"T{n:04d}")
    rsin = DEMO_RSIN
    naam = factory.Sequence(lambda n: f"Testcatalogus {n}")
    contactpersoon_beheer_naam = "Beheer"


class InformatieObjectTypeFactory(DjangoModelFactory):
    class Meta:
        model = InformatieObjectType

    catalogus = factory.SubFactory(CatalogusFactory)
    omschrijving = factory.Sequence(lambda n: f"Documenttype {n}")
    vertrouwelijkheidaanduiding = Vertrouwelijkheidaanduiding.ZAAKVERTROUWELIJK
    informatieobjectcategorie = "Brief"
    begin_geldigheid = date(2020, 1, 1)
    concept = False


class BesluitTypeFactory(DjangoModelFactory):
    class Meta:
        model = BesluitType

    catalogus = factory.SubFactory(CatalogusFactory)
    omschrijving = factory.Sequence(lambda n: f"Besluittype {n}")
    reactietermijn = "P6W"
    begin_geldigheid = date(2020, 1, 1)
    concept = False


class ZaakTypeFactory(DjangoModelFactory):
    class Meta:
        model = ZaakType

    catalogus = factory.SubFactory(CatalogusFactory)
    identificatie = factory.Sequence(lambda n: f"ZT-{n}")
    omschrijving = factory.Sequence(lambda n: f"Zaaktype {n} behandelen")
    vertrouwelijkheidaanduiding = Vertrouwelijkheidaanduiding.ZAAKVERTROUWELIJK
    doel = "Oefenen"
    aanleiding = "Een aanvraag"
    indicatie_intern_of_extern = "extern"
    handeling_initiator = "Aanvragen"
    handeling_behandelaar = "Behandelen"
    onderwerp = "Oefenzaak"
    doorlooptijd = "P8W"
    servicenorm = "P6W"
    opschorting_en_aanhouding_mogelijk = True
    verlenging_mogelijk = True
    verlengingstermijn = "P6W"
    verantwoordelijke = "Team Test"
    versiedatum = date(2020, 1, 1)
    begin_geldigheid = date(2020, 1, 1)
    concept = False


class StatusTypeFactory(DjangoModelFactory):
    class Meta:
        model = StatusType

    zaaktype = factory.SubFactory(ZaakTypeFactory)
    omschrijving = factory.Sequence(lambda n: f"Status {n}")
    volgnummer = factory.Sequence(lambda n: n + 1)


class RolTypeFactory(DjangoModelFactory):
    class Meta:
        model = RolType

    zaaktype = factory.SubFactory(ZaakTypeFactory)
    omschrijving = factory.Sequence(lambda n: f"Rol {n}")
    omschrijving_generiek = RolOmschrijvingGeneriek.INITIATOR


class ResultaatTypeFactory(DjangoModelFactory):
    class Meta:
        model = ResultaatType

    zaaktype = factory.SubFactory(ZaakTypeFactory)
    omschrijving = factory.Sequence(lambda n: f"Resultaat {n}")
    resultaattypeomschrijving = "Afgehandeld"
    selectielijstklasse = factory.SubFactory(SelectielijstResultaatFactory)
    archiefnominatie = Archiefnominatie.VERNIETIGEN
    archiefactietermijn = "P5Y"
    brondatum_archiefprocedure_afleidingswijze = Afleidingswijze.AFGEHANDELD


class EigenschapFactory(DjangoModelFactory):
    class Meta:
        model = Eigenschap

    zaaktype = factory.SubFactory(ZaakTypeFactory)
    naam = factory.Sequence(lambda n: f"Eigenschap {n}")
    definitie = "Een gegeven"
    specificatie_formaat = EigenschapFormaat.TEKST
    specificatie_lengte = "20"


class WorkspaceFactory(DjangoModelFactory):
    class Meta:
        model = Workspace

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Oefenomgeving {n}")
    clock = START
    scopes = factory.LazyFunction(list)


@dataclass
class PracticeCatalogue:
    """A case type with everything a rule test needs, by name."""

    zaaktype: ZaakType
    ontvangen: StatusType
    in_behandeling: StatusType
    aanvulling_gevraagd: StatusType
    afgehandeld: StatusType
    initiator: RolType
    behandelaar: RolType
    verleend: ResultaatType
    geweigerd: ResultaatType
    aanvraag: InformatieObjectType
    brief: InformatieObjectType
    beschikking: InformatieObjectType
    besluittype: BesluitType
    bouwkosten: Eigenschap
    datum_besluit: Eigenschap
    categorie: Eigenschap


def practice_catalogue(**zaaktype_fields) -> PracticeCatalogue:
    zaaktype = ZaakTypeFactory(**zaaktype_fields)
    catalogus = zaaktype.catalogus

    def statustype(volgnummer, omschrijving, informeren=False):
        return StatusTypeFactory(
            zaaktype=zaaktype,
            volgnummer=volgnummer,
            omschrijving=omschrijving,
            informeren=informeren,
        )

    aanvraag = InformatieObjectTypeFactory(catalogus=catalogus, omschrijving="Aanvraag")
    brief = InformatieObjectTypeFactory(catalogus=catalogus, omschrijving="Brief")
    beschikking = InformatieObjectTypeFactory(
        catalogus=catalogus, omschrijving="Beschikking"
    )
    for volgnummer, (iotype, richting) in enumerate(
        [
            (aanvraag, Richting.INKOMEND),
            (brief, Richting.UITGAAND),
            (beschikking, Richting.UITGAAND),
        ],
        start=1,
    ):
        ZaakTypeInformatieObjectType.objects.create(
            zaaktype=zaaktype,
            informatieobjecttype=iotype,
            volgnummer=volgnummer,
            richting=richting,
        )
    besluittype = BesluitTypeFactory(catalogus=catalogus, omschrijving="Besluit")
    besluittype.informatieobjecttypen.add(beschikking)
    zaaktype.besluittypen.add(besluittype)
    return PracticeCatalogue(
        zaaktype=zaaktype,
        ontvangen=statustype(1, "Ontvangen"),
        in_behandeling=statustype(2, "In behandeling"),
        aanvulling_gevraagd=statustype(3, "Aanvulling gevraagd", informeren=True),
        afgehandeld=statustype(4, "Afgehandeld", informeren=True),
        initiator=RolTypeFactory(
            zaaktype=zaaktype,
            omschrijving="Aanvrager",
            omschrijving_generiek=RolOmschrijvingGeneriek.INITIATOR,
        ),
        behandelaar=RolTypeFactory(
            zaaktype=zaaktype,
            omschrijving="Behandelaar",
            omschrijving_generiek=RolOmschrijvingGeneriek.BEHANDELAAR,
        ),
        verleend=ResultaatTypeFactory(
            zaaktype=zaaktype,
            omschrijving="Verleend",
            archiefnominatie=Archiefnominatie.BLIJVEND_BEWAREN,
            archiefactietermijn="",
        ),
        geweigerd=ResultaatTypeFactory(
            zaaktype=zaaktype, omschrijving="Geweigerd", archiefactietermijn="P5Y"
        ),
        aanvraag=aanvraag,
        brief=brief,
        beschikking=beschikking,
        besluittype=besluittype,
        bouwkosten=EigenschapFactory(
            zaaktype=zaaktype,
            naam="Bouwkosten",
            specificatie_formaat=EigenschapFormaat.GETAL,
        ),
        datum_besluit=EigenschapFactory(
            zaaktype=zaaktype,
            naam="Datum besluit",
            specificatie_formaat=EigenschapFormaat.DATUM,
        ),
        categorie=EigenschapFactory(
            zaaktype=zaaktype,
            naam="Categorie",
            specificatie_lengte="40",
            specificatie_waardenverzameling=["Afval", "Groen"],
        ),
    )
