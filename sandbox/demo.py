"""Demo and reference content of the sandbox, loaded by ``manage.py load_demo_data``."""

from typing import Any

from django.db import transaction

from sandbox.demo_catalogue import (
    BEGIN_GELDIGHEID,
    BESLUITTYPEN,
    CATALOGUS,
    INFORMATIEOBJECTTYPEN,
    ZAAKTYPEN,
)
from sandbox.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    GerelateerdZaakType,
    InformatieObjectType,
    ResultaatType,
    RolType,
    SelectielijstProcestype,
    SelectielijstResultaat,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from sandbox.models.choices import Afleidingswijze
from sandbox.services import selectielijst_load


@transaction.atomic
def catalogue_demo_load() -> Catalogus:
    """Load (or refresh) the Selectielijst reference data and the Zaakwijk
    catalogue with its eight case types. Idempotent: everything is matched on its
    natural key and updated in place, nothing is duplicated."""
    selectielijst_load()
    catalogus, _ = Catalogus.objects.update_or_create(
        domein=CATALOGUS["domein"],
        rsin=CATALOGUS["rsin"],
        defaults=CATALOGUS,
    )
    iotypen = {
        omschrijving: InformatieObjectType.objects.update_or_create(
            catalogus=catalogus,
            omschrijving=omschrijving,
            begin_geldigheid=BEGIN_GELDIGHEID,
            defaults={
                "vertrouwelijkheidaanduiding": aanduiding,
                "informatieobjectcategorie": categorie,
                "concept": False,
            },
        )[0]
        for omschrijving, (aanduiding, categorie) in INFORMATIEOBJECTTYPEN.items()
    }
    besluittypen = {}
    for omschrijving, spec in BESLUITTYPEN.items():
        fields = {k: v for k, v in spec.items() if k != "informatieobjecttypen"}
        besluittype, _ = BesluitType.objects.update_or_create(
            catalogus=catalogus,
            omschrijving=omschrijving,
            begin_geldigheid=BEGIN_GELDIGHEID,
            defaults={**fields, "concept": False},
        )
        besluittype.informatieobjecttypen.set(
            [iotypen[name] for name in spec["informatieobjecttypen"]]
        )
        besluittypen[omschrijving] = besluittype
    zaaktypen = {
        spec["identificatie"]: _zaaktype_load(catalogus, spec, iotypen, besluittypen)
        for spec in ZAAKTYPEN
    }
    for spec in ZAAKTYPEN:
        zaaktypen[spec["identificatie"]].deelzaaktypen.set(
            [zaaktypen[name] for name in spec.get("deelzaaktypen", [])]
        )
    return catalogus


_CHILDREN = {
    "statustypen",
    "roltypen",
    "resultaattypen",
    "informatieobjecttypen",
    "eigenschappen",
    "besluittypen",
    "gerelateerde_zaaktypen",
    "deelzaaktypen",
    "selectielijst_procestype",
}


def _zaaktype_load(
    catalogus: Catalogus,
    spec: dict[str, Any],
    iotypen: dict[str, InformatieObjectType],
    besluittypen: dict[str, BesluitType],
) -> ZaakType:
    procestype = SelectielijstProcestype.objects.get(
        jaar=2020, nummer=spec["selectielijst_procestype"]
    )
    fields = {k: v for k, v in spec.items() if k not in _CHILDREN}
    zaaktype, _ = ZaakType.objects.update_or_create(
        catalogus=catalogus,
        identificatie=spec["identificatie"],
        begin_geldigheid=BEGIN_GELDIGHEID,
        defaults={
            **fields,
            "indicatie_intern_of_extern": "extern",
            "selectielijst_procestype": procestype,
            "versiedatum": BEGIN_GELDIGHEID,
            "concept": False,
        },
    )
    for volgnummer, omschrijving, informeren, statustekst in spec["statustypen"]:
        StatusType.objects.update_or_create(
            zaaktype=zaaktype,
            volgnummer=volgnummer,
            defaults={
                "omschrijving": omschrijving,
                "informeren": informeren,
                "statustekst": statustekst,
            },
        )
    for omschrijving, generiek in spec["roltypen"]:
        RolType.objects.update_or_create(
            zaaktype=zaaktype,
            omschrijving=omschrijving,
            defaults={"omschrijving_generiek": generiek},
        )
    for omschrijving, generiek, klasse, toelichting in spec["resultaattypen"]:
        selectielijstklasse = SelectielijstResultaat.objects.get(
            procestype=procestype, volledig_nummer=klasse
        )
        ResultaatType.objects.update_or_create(
            zaaktype=zaaktype,
            omschrijving=omschrijving,
            defaults={
                "resultaattypeomschrijving": generiek,
                "selectielijstklasse": selectielijstklasse,
                "toelichting": toelichting,
                **_archive_fields(selectielijstklasse),
            },
        )
    for volgnummer, (omschrijving, richting) in enumerate(
        spec["informatieobjecttypen"], start=1
    ):
        ZaakTypeInformatieObjectType.objects.update_or_create(
            zaaktype=zaaktype,
            informatieobjecttype=iotypen[omschrijving],
            defaults={"volgnummer": volgnummer, "richting": richting},
        )
    for naam, definitie, formaat, lengte, waarden in spec["eigenschappen"]:
        Eigenschap.objects.update_or_create(
            zaaktype=zaaktype,
            naam=naam,
            defaults={
                "definitie": definitie,
                "specificatie_formaat": formaat,
                "specificatie_lengte": lengte,
                "specificatie_kardinaliteit": "1",
                "specificatie_waardenverzameling": waarden,
            },
        )
    zaaktype.besluittypen.set([besluittypen[name] for name in spec["besluittypen"]])
    for identificatie, aard, toelichting in spec.get("gerelateerde_zaaktypen", []):
        GerelateerdZaakType.objects.update_or_create(
            zaaktype=zaaktype,
            gerelateerd_zaaktype_identificatie=identificatie,
            defaults={"aard_relatie": aard, "toelichting": toelichting},
        )
    return zaaktype


def _archive_fields(klasse: SelectielijstResultaat) -> dict[str, str]:
    """The archive regime follows the Selectielijst class: its waardering is the
    archiefnominatie, its bewaartermijn the archiefactietermijn. A procestermijn
    "nihil" (or none, for permanent records) means the term starts when the zaak
    is closed: afleidingswijze "afgehandeld"."""
    if klasse.procestermijn not in ("", "nihil"):
        raise ValueError(
            f"Selectielijst {klasse.volledig_nummer} needs a brondatum other than "
            "the closing date; give the resultaattype its own afleidingswijze."
        )
    return {
        "archiefnominatie": klasse.waardering,
        "archiefactietermijn": klasse.bewaartermijn,
        "brondatum_archiefprocedure_afleidingswijze": Afleidingswijze.AFGEHANDELD,
    }


def scenarios_demo_load() -> None:
    """The seeded practice scenarios (``sandbox.scenarios.demo``); needs the
    catalogue, and links competences when the badges demo is loaded."""
    from sandbox.scenarios.demo import scenarios_load

    if not ZaakType.objects.exists():
        catalogue_demo_load()
    scenarios_load()
