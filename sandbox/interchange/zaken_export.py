"""Export a practice zaak as the ZGW APIs would return it.

:func:`zaak_export` builds one JSON document with the zaak and its
sub-resources in the resource shapes of Zaken API 1.5.1 (Zaak, Status, Rol,
Resultaat, ZaakEigenschap, ZaakObject, KlantContact, ZaakInformatieObject,
ZaakBesluit), its documents as Documenten API 1.4.3 EnkelvoudigInformatieObject
and its decisions as Besluiten API 1.0.2 Besluit and BesluitInformatieObject.
Every resource is what a GET on the API returns, read-only fields included; the
tests validate each one against the VNG component schemas.

Where the sandbox deviates from the API, the export maps back: flattened groups
become nested objects again (``opschorting``, ``verlenging``, ``verblijfsadres``),
foreign keys become URLs (:mod:`sandbox.interchange.references`), and
referentielijst entries kept by name become URLs under ``LMS_BASE_URL``.
"""

import uuid as uuidlib
from datetime import date, datetime
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone

from sandbox.interchange import references as ref
from sandbox.models import (
    Besluit,
    BesluitInformatieObject,
    EnkelvoudigInformatieObject,
    Rol,
    Zaak,
)
from sandbox.models.choices import BetrokkeneType

FORMAT = "zaakwijs-zgw-zaak-export"
FORMAT_VERSION = 1
STANDARDS = {
    "zaken": "1.5.1",
    "documenten": "1.4.3",
    "besluiten": "1.0.2",
    "catalogi": "1.3.1",
}


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _dt(value: datetime | None) -> str | None:
    if value is None:
        return None
    return timezone.localtime(value).isoformat()


def _zaak_url(zaak: Zaak) -> str:
    return ref.zaken_url(zaak.workspace, "zaken", zaak.uuid)


def zaak_export(*, zaak: Zaak) -> dict[str, Any]:
    """The zaak with everything under it, as ZGW resources (see module doc).

    The caller has already checked that the user may see the zaak's workspace.
    """
    workspace = zaak.workspace
    zaak = (
        Zaak.objects.select_related(
            "zaaktype", "selectielijstklasse", "hoofdzaak", "resultaat__resultaattype"
        )
        .prefetch_related("deelzaken", "relevante_zaak_relaties__andere_zaak")
        .get(pk=zaak.pk)
    )

    def url(resource: str, uuid) -> str:
        return ref.zaken_url(workspace, resource, uuid)

    statussen = list(
        zaak.statussen.select_related("statustype", "gezetdoor").prefetch_related(
            "zaakinformatieobjecten"
        )
    )
    rollen = list(
        zaak.rollen.select_related(
            "roltype",
            "natuurlijk_persoon",
            "niet_natuurlijk_persoon",
            "vestiging",
            "organisatorische_eenheid",
            "medewerker",
        ).prefetch_related("gezette_statussen")
    )
    zaakeigenschappen = list(zaak.zaakeigenschappen.select_related("eigenschap"))
    zaakobjecten = list(zaak.zaakobjecten.all())
    klantcontacten = list(zaak.klantcontacten.all())
    zios = list(
        zaak.zaakinformatieobjecten.select_related("informatieobject", "status")
    )
    besluiten = list(
        zaak.besluiten.select_related("besluittype").prefetch_related(
            Prefetch(
                "besluitinformatieobjecten",
                queryset=BesluitInformatieObject.objects.select_related(
                    "informatieobject"
                ),
            )
        )
    )
    documenten = list(
        EnkelvoudigInformatieObject.objects.filter(workspace=workspace)
        .filter(
            Q(zaakinformatieobjecten__zaak=zaak)
            | Q(besluitinformatieobjecten__besluit__zaak=zaak)
        )
        .select_related("informatieobjecttype")
        .distinct()
        .order_by("identificatie")
    )
    resultaat = getattr(zaak, "resultaat", None)

    zaak_url = _zaak_url(zaak)
    document = {
        "formaat": FORMAT,
        "formaatversie": FORMAT_VERSION,
        "standaarden": STANDARDS,
        "oefenomgeving": True,
        "zaak": {
            "url": zaak_url,
            "uuid": str(zaak.uuid),
            "identificatie": zaak.identificatie,
            "bronorganisatie": zaak.bronorganisatie,
            "omschrijving": zaak.omschrijving,
            "toelichting": zaak.toelichting,
            "zaaktype": ref.catalogi_url("zaaktypen", zaak.zaaktype.uuid),
            "registratiedatum": _d(zaak.registratiedatum),
            "verantwoordelijkeOrganisatie": zaak.verantwoordelijke_organisatie,
            "startdatum": _d(zaak.startdatum),
            "einddatum": _d(zaak.einddatum),
            "einddatumGepland": _d(zaak.einddatum_gepland),
            "uiterlijkeEinddatumAfdoening": _d(zaak.uiterlijke_einddatum_afdoening),
            "publicatiedatum": _d(zaak.publicatiedatum),
            "communicatiekanaal": (
                ref.referentielijst_url("communicatiekanalen", zaak.communicatiekanaal)
                if zaak.communicatiekanaal
                else ""
            ),
            "productenOfDiensten": [],
            "vertrouwelijkheidaanduiding": zaak.vertrouwelijkheidaanduiding,
            "betalingsindicatie": zaak.betalingsindicatie,
            "betalingsindicatieWeergave": (
                str(zaak.get_betalingsindicatie_display())
                if zaak.betalingsindicatie
                else ""
            ),
            "laatsteBetaaldatum": _dt(zaak.laatste_betaaldatum),
            "zaakgeometrie": zaak.zaakgeometrie or None,
            "verlenging": (
                {"reden": zaak.verlenging_reden, "duur": zaak.verlenging_duur}
                if zaak.verlenging_duur
                else None
            ),
            "opschorting": {
                "indicatie": zaak.opschorting_indicatie,
                "reden": zaak.opschorting_reden,
            },
            "selectielijstklasse": (
                zaak.selectielijstklasse.url if zaak.selectielijstklasse else ""
            ),
            "hoofdzaak": _zaak_url(zaak.hoofdzaak) if zaak.hoofdzaak else None,
            "deelzaken": [_zaak_url(deelzaak) for deelzaak in zaak.deelzaken.all()],
            "relevanteAndereZaken": [
                {
                    "url": _zaak_url(relatie.andere_zaak),
                    "aardRelatie": relatie.aard_relatie,
                }
                for relatie in zaak.relevante_zaak_relaties.all()
            ],
            "eigenschappen": [
                url("zaakeigenschappen", e.uuid) for e in zaakeigenschappen
            ],
            "rollen": [url("rollen", rol.uuid) for rol in rollen],
            "status": url("statussen", zaak.status.uuid) if zaak.status_id else None,
            "zaakinformatieobjecten": [
                url("zaakinformatieobjecten", zio.uuid) for zio in zios
            ],
            "zaakobjecten": [url("zaakobjecten", zo.uuid) for zo in zaakobjecten],
            "kenmerken": [],
            "archiefnominatie": zaak.archiefnominatie or None,
            "archiefstatus": zaak.archiefstatus,
            "archiefactiedatum": _d(zaak.archiefactiedatum),
            "resultaat": url("resultaten", resultaat.uuid) if resultaat else None,
            "opdrachtgevendeOrganisatie": "",
            "processobjectaard": None,
            "startdatumBewaartermijn": _d(zaak.startdatum_bewaartermijn),
            "processobject": None,
        },
        "statussen": [
            {
                "url": url("statussen", status.uuid),
                "uuid": str(status.uuid),
                "zaak": zaak_url,
                "statustype": ref.catalogi_url("statustypen", status.statustype.uuid),
                "datumStatusGezet": _dt(status.datum_status_gezet),
                "statustoelichting": status.statustoelichting,
                "indicatieLaatstGezetteStatus": status.pk == zaak.status_id,
                "gezetdoor": (
                    url("rollen", status.gezetdoor.uuid) if status.gezetdoor else ""
                ),
                "zaakinformatieobjecten": [
                    url("zaakinformatieobjecten", zio.uuid)
                    for zio in status.zaakinformatieobjecten.all()
                ],
            }
            for status in statussen
        ],
        "rollen": [_rol(rol, zaak_url, url) for rol in rollen],
        "resultaat": (
            {
                "url": url("resultaten", resultaat.uuid),
                "uuid": str(resultaat.uuid),
                "zaak": zaak_url,
                "resultaattype": ref.catalogi_url(
                    "resultaattypen", resultaat.resultaattype.uuid
                ),
                "toelichting": resultaat.toelichting,
            }
            if resultaat
            else None
        ),
        "zaakeigenschappen": [
            {
                "url": url("zaakeigenschappen", ze.uuid),
                "uuid": str(ze.uuid),
                "zaak": zaak_url,
                "eigenschap": ref.catalogi_url("eigenschappen", ze.eigenschap.uuid),
                "naam": ze.eigenschap.naam,
                "waarde": ze.waarde,
            }
            for ze in zaakeigenschappen
        ],
        "zaakobjecten": [_zaakobject(zo, zaak_url, url) for zo in zaakobjecten],
        "klantcontacten": [
            {
                "url": url("klantcontacten", kc.uuid),
                "uuid": str(kc.uuid),
                "zaak": zaak_url,
                "identificatie": kc.identificatie,
                "datumtijd": _dt(kc.datumtijd),
                "kanaal": kc.kanaal,
                "onderwerp": kc.onderwerp,
                "toelichting": kc.toelichting,
            }
            for kc in klantcontacten
        ],
        "zaakinformatieobjecten": [
            {
                "url": url("zaakinformatieobjecten", zio.uuid),
                "uuid": str(zio.uuid),
                "informatieobject": ref.documenten_url(
                    workspace,
                    "enkelvoudiginformatieobjecten",
                    zio.informatieobject.uuid,
                ),
                "zaak": zaak_url,
                "aardRelatieWeergave": zio.AARD_RELATIE_WEERGAVE,
                "titel": zio.titel,
                "beschrijving": zio.beschrijving,
                "registratiedatum": _dt(zio.registratiedatum),
                "vernietigingsdatum": None,
                "status": url("statussen", zio.status.uuid) if zio.status else None,
            }
            for zio in zios
        ],
        "zaakbesluiten": [
            {
                # The sandbox has no ZaakBesluit row; its uuid derives from the
                # besluit's, so the same export always gives the same URL.
                "url": url("zaakbesluiten", _zaakbesluit_uuid(zaak, besluit)),
                "uuid": str(_zaakbesluit_uuid(zaak, besluit)),
                "besluit": ref.besluiten_url(workspace, "besluiten", besluit.uuid),
            }
            for besluit in besluiten
        ],
        "enkelvoudiginformatieobjecten": [
            enkelvoudiginformatieobject(document) for document in documenten
        ],
        "besluiten": [_besluit(besluit, zaak_url) for besluit in besluiten],
        "besluitinformatieobjecten": [
            {
                "url": ref.besluiten_url(
                    workspace, "besluitinformatieobjecten", bio.uuid
                ),
                "informatieobject": ref.documenten_url(
                    workspace,
                    "enkelvoudiginformatieobjecten",
                    bio.informatieobject.uuid,
                ),
                "besluit": ref.besluiten_url(workspace, "besluiten", besluit.uuid),
            }
            for besluit in besluiten
            for bio in besluit.besluitinformatieobjecten.all()
        ],
    }
    return document


def _zaakbesluit_uuid(zaak: Zaak, besluit: Besluit) -> uuidlib.UUID:
    return uuidlib.uuid5(zaak.uuid, f"zaakbesluit:{besluit.uuid}")


def _rol(rol: Rol, zaak_url: str, url) -> dict[str, Any]:
    return {
        "url": url("rollen", rol.uuid),
        "uuid": str(rol.uuid),
        "zaak": zaak_url,
        "betrokkene": "",
        "betrokkeneType": rol.betrokkene_type,
        "afwijkendeNaamBetrokkene": rol.afwijkende_naam_betrokkene,
        "roltype": ref.catalogi_url("roltypen", rol.roltype.uuid),
        "omschrijving": rol.roltype.omschrijving,
        "omschrijvingGeneriek": rol.roltype.omschrijving_generiek,
        "roltoelichting": rol.roltoelichting,
        "registratiedatum": _dt(rol.registratiedatum),
        "indicatieMachtiging": rol.indicatie_machtiging,
        "contactpersoonRol": None,
        "statussen": [
            url("statussen", status.uuid) for status in rol.gezette_statussen.all()
        ],
        "betrokkeneIdentificatie": betrokkene_identificatie(rol),
    }


def betrokkene_identificatie(rol: Rol) -> dict[str, Any] | None:
    """Rol.betrokkeneIdentificatie for the rol's betrokkeneType (Zaken 1.5.1)."""
    betrokkene = rol.betrokkene
    if betrokkene is None:
        return None
    kind = rol.betrokkene_type
    if kind == BetrokkeneType.NATUURLIJK_PERSOON:
        return {
            "inpBsn": betrokkene.inp_bsn,
            "anpIdentificatie": betrokkene.anp_identificatie,
            "geslachtsnaam": betrokkene.geslachtsnaam,
            "voorvoegselGeslachtsnaam": betrokkene.voorvoegsel_geslachtsnaam,
            "voorletters": betrokkene.voorletters,
            "voornamen": betrokkene.voornamen,
            "geslachtsaanduiding": betrokkene.geslachtsaanduiding,
            "geboortedatum": betrokkene.geboortedatum,
            "verblijfsadres": _verblijfsadres(betrokkene),
            "subVerblijfBuitenland": None,
        }
    if kind == BetrokkeneType.NIET_NATUURLIJK_PERSOON:
        # kvkNummer on a niet-natuurlijk persoon arrives in Zaken 1.6, so a 1.5
        # export leaves it out.
        return {
            "innNnpId": betrokkene.inn_nnp_id,
            "annIdentificatie": betrokkene.ann_identificatie,
            "statutaireNaam": betrokkene.statutaire_naam,
            "innRechtsvorm": betrokkene.inn_rechtsvorm,
            "bezoekadres": betrokkene.bezoekadres,
            "subVerblijfBuitenland": None,
        }
    if kind == BetrokkeneType.VESTIGING:
        return {
            "vestigingsNummer": betrokkene.vestigings_nummer,
            "handelsnaam": list(betrokkene.handelsnaam or []),
            "verblijfsadres": None,
            "subVerblijfBuitenland": None,
            "kvkNummer": betrokkene.kvk_nummer,
        }
    if kind == BetrokkeneType.ORGANISATORISCHE_EENHEID:
        return {
            "identificatie": betrokkene.identificatie,
            "naam": betrokkene.naam,
            "isGehuisvestIn": betrokkene.is_gehuisvest_in,
        }
    return {
        "identificatie": betrokkene.identificatie,
        "achternaam": betrokkene.achternaam,
        "voorletters": betrokkene.voorletters,
        "voorvoegselAchternaam": betrokkene.voorvoegsel_achternaam,
    }


def _verblijfsadres(persoon) -> dict[str, Any] | None:
    # The API requires street, number, town and the BAG identification together;
    # an address the learner left incomplete is exported as no address.
    if not (
        persoon.verblijfsadres_gor_openbare_ruimte_naam
        and persoon.verblijfsadres_aoa_huisnummer
        and persoon.verblijfsadres_wpl_woonplaats_naam
    ):
        return None
    return {
        "aoaIdentificatie": persoon.verblijfsadres_aoa_identificatie,
        "wplWoonplaatsNaam": persoon.verblijfsadres_wpl_woonplaats_naam,
        "gorOpenbareRuimteNaam": persoon.verblijfsadres_gor_openbare_ruimte_naam,
        "aoaPostcode": persoon.verblijfsadres_aoa_postcode,
        "aoaHuisnummer": persoon.verblijfsadres_aoa_huisnummer,
        "aoaHuisletter": persoon.verblijfsadres_aoa_huisletter,
        "aoaHuisnummertoevoeging": persoon.verblijfsadres_aoa_huisnummertoevoeging,
        "inpLocatiebeschrijving": "",
    }


def _zaakobject(zaakobject, zaak_url: str, url) -> dict[str, Any]:
    data = {
        "url": url("zaakobjecten", zaakobject.uuid),
        "uuid": str(zaakobject.uuid),
        "zaak": zaak_url,
        "object": "",
        "zaakobjecttype": "",
        "objectType": zaakobject.object_type,
        "objectTypeOverigeDefinitie": None,
        "relatieomschrijving": zaakobject.relatieomschrijving,
    }
    # objectTypeOverige must match [a-z_]+, so a blank one is left out.
    if zaakobject.object_type_overige:
        data["objectTypeOverige"] = zaakobject.object_type_overige
    if zaakobject.object_identificatie:
        data["objectIdentificatie"] = zaakobject.object_identificatie
    return data


def enkelvoudiginformatieobject(
    document: EnkelvoudigInformatieObject,
) -> dict[str, Any]:
    """The current version of a document as Documenten API 1.4.3 returns it."""
    workspace = document.workspace
    versie = document.current_version()
    heeft_inhoud = bool(versie and versie.inhoud)
    ondertekening = None
    if document.ondertekening_soort and document.ondertekening_datum:
        ondertekening = {
            "soort": document.ondertekening_soort,
            "datum": _d(document.ondertekening_datum),
        }
    return {
        "url": ref.documenten_url(
            workspace, "enkelvoudiginformatieobjecten", document.uuid
        ),
        "identificatie": document.identificatie,
        "bronorganisatie": document.bronorganisatie,
        "creatiedatum": _d(document.creatiedatum),
        "titel": document.titel,
        "vertrouwelijkheidaanduiding": document.vertrouwelijkheidaanduiding,
        "auteur": document.auteur,
        "status": document.status,
        "formaat": document.formaat,
        "taal": document.taal,
        "versie": document.versie,
        "beginRegistratie": _dt(document.begin_registratie),
        "bestandsnaam": document.bestandsnaam,
        "inhoud": ref.document_inhoud_url(workspace, document)
        if heeft_inhoud
        else None,
        "bestandsomvang": versie.bestandsomvang if heeft_inhoud else None,
        "link": "",
        "beschrijving": document.beschrijving,
        "ontvangstdatum": _d(document.ontvangstdatum),
        "verzenddatum": _d(document.verzenddatum),
        "indicatieGebruiksrecht": document.indicatie_gebruiksrecht,
        "verschijningsvorm": "",
        "ondertekening": ondertekening,
        "integriteit": None,
        "informatieobjecttype": ref.catalogi_url(
            "informatieobjecttypen", document.informatieobjecttype.uuid
        ),
        "locked": document.locked,
        "bestandsdelen": [],
        "trefwoorden": [],
    }


def _besluit(besluit: Besluit, zaak_url: str) -> dict[str, Any]:
    data = {
        "url": ref.besluiten_url(besluit.workspace, "besluiten", besluit.uuid),
        "identificatie": besluit.identificatie,
        "verantwoordelijkeOrganisatie": besluit.verantwoordelijke_organisatie,
        "besluittype": ref.catalogi_url("besluittypen", besluit.besluittype.uuid),
        "zaak": zaak_url,
        "datum": _d(besluit.datum),
        "toelichting": besluit.toelichting,
        "bestuursorgaan": besluit.bestuursorgaan,
        "ingangsdatum": _d(besluit.ingangsdatum),
        "vervaldatum": _d(besluit.vervaldatum),
        "publicatiedatum": _d(besluit.publicatiedatum),
        "verzenddatum": _d(besluit.verzenddatum),
        "uiterlijkeReactiedatum": _d(besluit.uiterlijke_reactiedatum),
    }
    # Besluiten 1.0.2 has no blank vervalreden: without one the field is absent.
    if besluit.vervalreden:
        data["vervalreden"] = besluit.vervalreden
        data["vervalredenWeergave"] = str(besluit.get_vervalreden_display())
    return data


# The JSON key of each resource list in the export, with the API and component
# schema it follows (used by the tests and by anyone checking an export).
RESOURCES = {
    "zaak": ("zaken", "Zaak"),
    "statussen": ("zaken", "Status"),
    "rollen": ("zaken", "Rol"),
    "resultaat": ("zaken", "Resultaat"),
    "zaakeigenschappen": ("zaken", "ZaakEigenschap"),
    "zaakobjecten": ("zaken", "ZaakObject"),
    "klantcontacten": ("zaken", "KlantContact"),
    "zaakinformatieobjecten": ("zaken", "ZaakInformatieObject"),
    "zaakbesluiten": ("zaken", "ZaakBesluit"),
    "enkelvoudiginformatieobjecten": ("documenten", "EnkelvoudigInformatieObject"),
    "besluiten": ("besluiten", "Besluit"),
    "besluitinformatieobjecten": ("besluiten", "BesluitInformatieObject"),
}


def export_errors(document: dict[str, Any]) -> list[str]:
    """Check an export against the VNG schemas; one line per problem."""
    from sandbox.interchange.schemas import errors

    problems = []
    for key, (api, schema) in RESOURCES.items():
        value = document.get(key)
        items = value if isinstance(value, list) else [value] if value else []
        for index, item in enumerate(items):
            for error in errors(api, schema, item):
                path = "/".join(str(p) for p in error.absolute_path)
                problems.append(f"{key}[{index}]/{path}: {error.message}")
    return problems
