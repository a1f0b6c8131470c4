"""Zaaktypen in and out as Catalogi API 1.3 resources.

**Export** (:func:`catalogus_export`): a catalogue, or some of its zaaktypen,
as one JSON document with a list per Catalogi API collection
(``zaaktypen``, ``statustypen``, ``roltypen``, ``resultaattypen``,
``informatieobjecttypen``, ``eigenschappen``, ``besluittypen``,
``zaaktype-informatieobjecttypen``, ``catalogussen``); every item is what a GET
on the API returns.

**Import** (:func:`catalogus_import`): the same shape, so a municipality can
bring the zaaktypen of its own Open Zaak. The input may also be a directory or
ZIP file with one JSON file per resource (``ZaakType.json`` or
``zaaktypen.json``, each a list or a paginated ``{"results": [...]}`` answer),
as an Open Zaak catalogue export gives it. Objects refer to each other by URL,
as in the API. The import is all or nothing: every resource is validated
against the VNG schema, then against the sandbox's rules, and only when nothing
is wrong is anything written (in one transaction). Problems are reported as a
list of readable messages, each naming the resource and field.
"""

import io
import json
import uuid as uuidlib
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sandbox.interchange import references as ref
from sandbox.interchange.schemas import errors as schema_errors
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
from sandbox.models.choices import Richting

FORMAT = "zaakwijs-zgw-catalogus-export"
FORMAT_VERSION = 1

# Collection (as in the API path) → component schema.
COLLECTIONS = {
    "catalogussen": "Catalogus",
    "informatieobjecttypen": "InformatieObjectType",
    "besluittypen": "BesluitType",
    "zaaktypen": "ZaakType",
    "zaaktype-informatieobjecttypen": "ZaakTypeInformatieObjectType",
    "statustypen": "StatusType",
    "roltypen": "RolType",
    "resultaattypen": "ResultaatType",
    "eigenschappen": "Eigenschap",
}

# File names in a directory or ZIP export → collection.
FILE_NAMES = {
    **{f"{collection}.json": collection for collection in COLLECTIONS},
    **{
        f"{schema.lower()}.json": collection
        for collection, schema in COLLECTIONS.items()
    },
}


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _duration(value: str) -> str | None:
    return value or None


# --- Export -------------------------------------------------------------------------


def catalogus_export(
    *, catalogus: Catalogus, zaaktypen: Iterable[ZaakType] | None = None
) -> dict[str, Any]:
    """The catalogue (or only ``zaaktypen`` of it, with the types they use) as
    Catalogi API 1.3.1 resources."""
    if zaaktypen is None:
        zaaktypen = catalogus.zaaktypen.all()
    zaaktypen = list(
        ZaakType.objects.filter(pk__in=[z.pk for z in zaaktypen])
        .select_related("catalogus", "selectielijst_procestype")
        .prefetch_related(
            "statustypen",
            "roltypen",
            "resultaattypen__selectielijstklasse",
            "eigenschappen",
            "besluittypen",
            "deelzaaktypen",
            "gerelateerde_zaaktypen",
            "zaaktype_iotypen__informatieobjecttype",
        )
        .order_by("identificatie", "begin_geldigheid")
    )
    iotypen = {
        link.informatieobjecttype
        for zaaktype in zaaktypen
        for link in zaaktype.zaaktype_iotypen.all()
    }
    besluittypen = {bt for zaaktype in zaaktypen for bt in zaaktype.besluittypen.all()}
    for besluittype in besluittypen:
        iotypen.update(besluittype.informatieobjecttypen.all())
    exported = {z.pk for z in zaaktypen}

    def zt_url(zaaktype):
        return ref.catalogi_url("zaaktypen", zaaktype.uuid)

    catalogus_url = ref.catalogi_url("catalogussen", catalogus.uuid)
    document: dict[str, Any] = {
        "formaat": FORMAT,
        "formaatversie": FORMAT_VERSION,
        "standaarden": {"catalogi": "1.3.1"},
        "catalogussen": [
            {
                "url": catalogus_url,
                "domein": catalogus.domein,
                "rsin": catalogus.rsin,
                "contactpersoonBeheerNaam": catalogus.contactpersoon_beheer_naam,
                "contactpersoonBeheerTelefoonnummer": "",
                "contactpersoonBeheerEmailadres": catalogus.contactpersoon_beheer_emailadres,
                "zaaktypen": [zt_url(z) for z in zaaktypen],
                "besluittypen": [
                    ref.catalogi_url("besluittypen", bt.uuid)
                    for bt in _sorted(besluittypen)
                ],
                "informatieobjecttypen": [
                    ref.catalogi_url("informatieobjecttypen", iot.uuid)
                    for iot in _sorted(iotypen)
                ],
                "naam": catalogus.naam,
                "versie": catalogus.versie,
                "begindatumVersie": _d(catalogus.begindatum_versie),
            }
        ],
        "informatieobjecttypen": [
            _iotype(iot, catalogus_url, exported) for iot in _sorted(iotypen)
        ],
        "besluittypen": [
            _besluittype(bt, catalogus_url, exported) for bt in _sorted(besluittypen)
        ],
        "zaaktypen": [_zaaktype(z, catalogus_url) for z in zaaktypen],
        "zaaktype-informatieobjecttypen": [],
        "statustypen": [],
        "roltypen": [],
        "resultaattypen": [],
        "eigenschappen": [],
    }
    for zaaktype in zaaktypen:
        common = {
            "zaaktype": zt_url(zaaktype),
            "zaaktypeIdentificatie": zaaktype.identificatie,
            "catalogus": catalogus_url,
        }
        eind = max((s.volgnummer for s in zaaktype.statustypen.all()), default=None)
        for link in zaaktype.zaaktype_iotypen.all():
            document["zaaktype-informatieobjecttypen"].append(
                {
                    "url": ref.catalogi_url(
                        "zaaktype-informatieobjecttypen", _ztiot_uuid(link)
                    ),
                    **common,
                    "informatieobjecttype": ref.catalogi_url(
                        "informatieobjecttypen", link.informatieobjecttype.uuid
                    ),
                    "volgnummer": link.volgnummer,
                    "richting": link.richting,
                    "statustype": None,
                }
            )
        for statustype in zaaktype.statustypen.all():
            document["statustypen"].append(
                {
                    "url": ref.catalogi_url("statustypen", statustype.uuid),
                    "omschrijving": statustype.omschrijving,
                    "omschrijvingGeneriek": statustype.omschrijving_generiek,
                    "statustekst": statustype.statustekst,
                    **common,
                    "volgnummer": statustype.volgnummer,
                    "isEindstatus": statustype.volgnummer == eind,
                    "informeren": statustype.informeren,
                    "doorlooptijd": _duration(statustype.doorlooptijd),
                    "toelichting": statustype.toelichting or None,
                    "checklistitemStatustype": [],
                    "eigenschappen": [],
                    "beginGeldigheid": None,
                    "eindeGeldigheid": None,
                    "beginObject": None,
                    "eindeObject": None,
                    "zaakobjecttype": "",
                }
            )
        for roltype in zaaktype.roltypen.all():
            document["roltypen"].append(
                {
                    "url": ref.catalogi_url("roltypen", roltype.uuid),
                    **common,
                    "omschrijving": roltype.omschrijving,
                    "omschrijvingGeneriek": roltype.omschrijving_generiek,
                    "beginGeldigheid": None,
                    "eindeGeldigheid": None,
                    "beginObject": None,
                    "eindeObject": None,
                }
            )
        for resultaattype in zaaktype.resultaattypen.all():
            document["resultaattypen"].append(_resultaattype(resultaattype, common))
        for eigenschap in zaaktype.eigenschappen.all():
            document["eigenschappen"].append(
                {
                    "url": ref.catalogi_url("eigenschappen", eigenschap.uuid),
                    "naam": eigenschap.naam,
                    "definitie": eigenschap.definitie,
                    "specificatie": {
                        "groep": eigenschap.specificatie_groep,
                        "formaat": eigenschap.specificatie_formaat,
                        "lengte": eigenschap.specificatie_lengte,
                        "kardinaliteit": eigenschap.specificatie_kardinaliteit,
                        "waardenverzameling": list(
                            eigenschap.specificatie_waardenverzameling or []
                        ),
                    },
                    "toelichting": eigenschap.toelichting,
                    **common,
                    "statustype": None,
                    "beginGeldigheid": None,
                    "eindeGeldigheid": None,
                    "beginObject": None,
                    "eindeObject": None,
                }
            )
    return document


def _sorted(objects):
    return sorted(objects, key=lambda o: (o.omschrijving, o.begin_geldigheid, o.pk))


def _ztiot_uuid(link: ZaakTypeInformatieObjectType) -> uuidlib.UUID:
    # The sandbox keeps no uuid on this link; derive a stable one.
    return uuidlib.uuid5(link.zaaktype.uuid, f"ztiot:{link.informatieobjecttype.uuid}")


def _versioned(obj) -> dict[str, Any]:
    return {
        "beginGeldigheid": _d(obj.begin_geldigheid),
        "eindeGeldigheid": _d(obj.einde_geldigheid),
        "beginObject": None,
        "eindeObject": None,
        "concept": obj.concept,
    }


def _iotype(iot: InformatieObjectType, catalogus_url: str, exported) -> dict:
    return {
        "url": ref.catalogi_url("informatieobjecttypen", iot.uuid),
        "catalogus": catalogus_url,
        "omschrijving": iot.omschrijving,
        "vertrouwelijkheidaanduiding": iot.vertrouwelijkheidaanduiding,
        **_versioned(iot),
        "zaaktypen": [
            ref.catalogi_url("zaaktypen", link.zaaktype.uuid)
            for link in iot.zaaktype_iotypen.select_related("zaaktype")
            if link.zaaktype_id in exported
        ],
        "besluittypen": [
            ref.catalogi_url("besluittypen", bt.uuid) for bt in iot.besluittypen.all()
        ],
        "informatieobjectcategorie": iot.informatieobjectcategorie,
        "trefwoord": list(iot.trefwoord or []),
        "omschrijvingGeneriek": {
            "informatieobjecttypeOmschrijvingGeneriek": "",
            "definitieInformatieobjecttypeOmschrijvingGeneriek": "",
            "herkomstInformatieobjecttypeOmschrijvingGeneriek": "",
            "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "",
            "opmerkingInformatieobjecttypeOmschrijvingGeneriek": None,
        },
    }


def _besluittype(bt: BesluitType, catalogus_url: str, exported) -> dict:
    iotypen = list(bt.informatieobjecttypen.all())
    return {
        "url": ref.catalogi_url("besluittypen", bt.uuid),
        "catalogus": catalogus_url,
        "zaaktypen": [
            ref.catalogi_url("zaaktypen", z.uuid)
            for z in bt.zaaktypen.all()
            if z.pk in exported
        ],
        "omschrijving": bt.omschrijving,
        "omschrijvingGeneriek": bt.omschrijving_generiek,
        "besluitcategorie": bt.besluitcategorie,
        "reactietermijn": _duration(bt.reactietermijn),
        "publicatieIndicatie": bt.publicatie_indicatie,
        "publicatietekst": bt.publicatietekst,
        "publicatietermijn": _duration(bt.publicatietermijn),
        "toelichting": bt.toelichting,
        "informatieobjecttypen": [
            ref.catalogi_url("informatieobjecttypen", iot.uuid) for iot in iotypen
        ],
        **_versioned(bt),
        "resultaattypen": [],
        "resultaattypenOmschrijving": [],
        "vastgelegdIn": [iot.omschrijving for iot in iotypen],
    }


def _zaaktype(zaaktype: ZaakType, catalogus_url: str) -> dict:
    gerelateerd = []
    for relatie in zaaktype.gerelateerde_zaaktypen.all():
        other = (
            ZaakType.objects.filter(
                catalogus=zaaktype.catalogus,
                identificatie=relatie.gerelateerd_zaaktype_identificatie,
            )
            .order_by("-begin_geldigheid")
            .first()
        )
        if other is not None:
            gerelateerd.append(
                {
                    "zaaktype": ref.catalogi_url("zaaktypen", other.uuid),
                    "aardRelatie": relatie.aard_relatie,
                    "toelichting": relatie.toelichting,
                }
            )
    return {
        "url": ref.catalogi_url("zaaktypen", zaaktype.uuid),
        "identificatie": zaaktype.identificatie,
        "omschrijving": zaaktype.omschrijving,
        "omschrijvingGeneriek": zaaktype.omschrijving_generiek,
        "vertrouwelijkheidaanduiding": zaaktype.vertrouwelijkheidaanduiding,
        "doel": zaaktype.doel,
        "aanleiding": zaaktype.aanleiding,
        "toelichting": zaaktype.toelichting,
        "indicatieInternOfExtern": zaaktype.indicatie_intern_of_extern,
        "handelingInitiator": zaaktype.handeling_initiator,
        "onderwerp": zaaktype.onderwerp,
        "handelingBehandelaar": zaaktype.handeling_behandelaar,
        "doorlooptijd": zaaktype.doorlooptijd,
        "servicenorm": _duration(zaaktype.servicenorm),
        "opschortingEnAanhoudingMogelijk": zaaktype.opschorting_en_aanhouding_mogelijk,
        "verlengingMogelijk": zaaktype.verlenging_mogelijk,
        "verlengingstermijn": _duration(zaaktype.verlengingstermijn),
        "trefwoorden": list(zaaktype.trefwoorden or []),
        "publicatieIndicatie": zaaktype.publicatie_indicatie,
        "publicatietekst": zaaktype.publicatietekst,
        "verantwoordingsrelatie": [],
        "productenOfDiensten": list(zaaktype.producten_of_diensten or []),
        "selectielijstProcestype": (
            zaaktype.selectielijst_procestype.url
            if zaaktype.selectielijst_procestype
            else ""
        ),
        "referentieproces": {"naam": zaaktype.referentieproces_naam, "link": ""},
        "verantwoordelijke": zaaktype.verantwoordelijke,
        "zaakobjecttypen": [],
        "catalogus": catalogus_url,
        "statustypen": [
            ref.catalogi_url("statustypen", s.uuid) for s in zaaktype.statustypen.all()
        ],
        "resultaattypen": [
            ref.catalogi_url("resultaattypen", r.uuid)
            for r in zaaktype.resultaattypen.all()
        ],
        "eigenschappen": [
            ref.catalogi_url("eigenschappen", e.uuid)
            for e in zaaktype.eigenschappen.all()
        ],
        "informatieobjecttypen": [
            ref.catalogi_url("informatieobjecttypen", link.informatieobjecttype.uuid)
            for link in zaaktype.zaaktype_iotypen.all()
        ],
        "roltypen": [
            ref.catalogi_url("roltypen", r.uuid) for r in zaaktype.roltypen.all()
        ],
        "besluittypen": [
            ref.catalogi_url("besluittypen", b.uuid)
            for b in zaaktype.besluittypen.all()
        ],
        "deelzaaktypen": [
            ref.catalogi_url("zaaktypen", d.uuid) for d in zaaktype.deelzaaktypen.all()
        ],
        "gerelateerdeZaaktypen": gerelateerd,
        **_versioned(zaaktype),
        "versiedatum": _d(zaaktype.versiedatum),
    }


def _resultaattype(resultaattype: ResultaatType, common: dict) -> dict:
    r = resultaattype
    return {
        "url": ref.catalogi_url("resultaattypen", r.uuid),
        **common,
        "omschrijving": r.omschrijving,
        "resultaattypeomschrijving": ref.referentielijst_url(
            "resultaattypeomschrijvingen", r.resultaattypeomschrijving
        ),
        "omschrijvingGeneriek": r.resultaattypeomschrijving,
        "selectielijstklasse": r.selectielijstklasse.url,
        "toelichting": r.toelichting,
        "archiefnominatie": r.archiefnominatie,
        "archiefactietermijn": _duration(r.archiefactietermijn),
        "brondatumArchiefprocedure": {
            "afleidingswijze": r.brondatum_archiefprocedure_afleidingswijze,
            "datumkenmerk": r.brondatum_archiefprocedure_datumkenmerk,
            "einddatumBekend": r.brondatum_archiefprocedure_einddatum_bekend,
            "objecttype": r.brondatum_archiefprocedure_objecttype,
            "registratie": r.brondatum_archiefprocedure_registratie,
            "procestermijn": _duration(r.brondatum_archiefprocedure_procestermijn),
        },
        "procesobjectaard": None,
        "beginGeldigheid": None,
        "eindeGeldigheid": None,
        "beginObject": None,
        "eindeObject": None,
        "indicatieSpecifiek": None,
        "procestermijn": None,
        "besluittypen": [],
        "besluittypeOmschrijving": [],
        "informatieobjecttypen": [],
        "informatieobjecttypeOmschrijving": [],
        "zaakobjecttypen": [],
    }


# --- Reading an import ------------------------------------------------------------


class CatalogusImportError(Exception):
    """The import was refused; ``problems`` says why, one readable line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def catalogus_document_read(path: Path | str) -> dict[str, list]:
    """Read an import from a JSON file, a directory or a ZIP file into one
    document with a list per collection."""
    path = Path(path)
    if path.is_dir():
        files = {p.name: p.read_bytes() for p in path.iterdir() if p.is_file()}
        return _from_files(files)
    return catalogus_document_parse(path.read_bytes(), name=path.name)


def catalogus_document_parse(data: bytes, *, name: str = "") -> dict[str, list]:
    """An uploaded import: a ZIP file with one JSON file per resource, or one
    JSON document."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                files = {
                    Path(member).name: archive.read(member)
                    for member in archive.namelist()
                    if not member.endswith("/")
                }
        except (zipfile.BadZipFile, OSError) as error:
            raise CatalogusImportError(
                [
                    _("%(file)s is not a valid ZIP file: %(error)s")
                    % {"file": name, "error": error}
                ]
            ) from None
        if not any(file.lower() in FILE_NAMES for file in files):
            raise CatalogusImportError(
                [
                    _("%(file)s holds no Catalogi API files (such as ZaakType.json).")
                    % {"file": name}
                ]
            )
        return _from_files(files)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CatalogusImportError(
            [
                _("%(file)s is not valid JSON: %(error)s")
                % {"file": name, "error": error}
            ]
        ) from None


def _from_files(files: dict[str, bytes]) -> dict[str, list]:
    document: dict[str, list] = {}
    for name, content in sorted(files.items()):
        collection = FILE_NAMES.get(name.lower())
        if collection is None:
            continue
        try:
            data = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CatalogusImportError(
                [
                    _("%(file)s is not valid JSON: %(error)s")
                    % {"file": name, "error": error}
                ]
            ) from None
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        if isinstance(data, dict):
            data = [data]
        document.setdefault(collection, []).extend(data)
    return document


# --- Import ------------------------------------------------------------------------


@dataclass
class ImportReport:
    catalogus: Catalogus | None = None
    created: dict[str, int] = field(default_factory=dict)
    reused: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    zaaktypen: list[ZaakType] = field(default_factory=list)

    def count(self, kind: str, *, created: bool = True) -> None:
        target = self.created if created else self.reused
        target[kind] = target.get(kind, 0) + 1


def _schema_problems(document: dict[str, Any]) -> list[str]:
    problems = []
    if not isinstance(document, dict):
        return [_("The import must be a JSON object with a list per collection.")]
    unknown = (
        set(document) - set(COLLECTIONS) - {"formaat", "formaatversie", "standaarden"}
    )
    for key in sorted(unknown):
        problems.append(_("Unknown collection “%(key)s”.") % {"key": key})
    if not document.get("zaaktypen"):
        problems.append(_("The import holds no zaaktypen."))
    for collection, schema in COLLECTIONS.items():
        items = document.get(collection) or []
        if not isinstance(items, list):
            problems.append(_("“%(key)s” must be a list.") % {"key": collection})
            continue
        for index, item in enumerate(items):
            for error in schema_errors("catalogi", schema, item):
                problems.append(_describe(collection, index, item, error))
    return problems


def _label(collection: str, index: int, item: Any) -> str:
    name = ""
    if isinstance(item, dict):
        name = (
            item.get("identificatie")
            or item.get("omschrijving")
            or item.get("naam")
            or ""
        )
    return f"{collection}[{index}]" + (f" “{name}”" if name else "")


def _describe(collection: str, index: int, item: Any, error) -> str:
    where = _label(collection, index, item)
    path = ".".join(str(part) for part in error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        field_path = f"{path}.{missing}" if path else missing
        return _("%(where)s: the field %(field)s is missing.") % {
            "where": where,
            "field": field_path,
        }
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return _("%(where)s: %(field)s must be one of: %(allowed)s.") % {
            "where": where,
            "field": path,
            "allowed": allowed,
        }
    if kind == "maxLength":
        return _("%(where)s: %(field)s is longer than %(n)s characters.") % {
            "where": where,
            "field": path,
            "n": error.validator_value,
        }
    if kind == "format":
        return _("%(where)s: %(field)s is not a valid %(format)s.") % {
            "where": where,
            "field": path,
            "format": error.validator_value,
        }
    if kind == "type":
        return _("%(where)s: %(field)s must be of type %(type)s.") % {
            "where": where,
            "field": path,
            "type": error.validator_value,
        }
    return _("%(where)s: %(field)s is not valid (%(detail)s).") % {
        "where": where,
        "field": path or "—",
        "detail": error.message,
    }


@transaction.atomic
def catalogus_import(
    *, document: dict[str, Any], catalogus: Catalogus | None = None
) -> ImportReport:
    """Import zaaktypen with their types (see the module doc). Refuses with
    :class:`CatalogusImportError` and writes nothing when anything is wrong.

    ``catalogus``: where the types go; by default the document's own catalogue
    (matched on domein and RSIN, created when new).
    """
    problems = _schema_problems(document)
    if problems:
        raise CatalogusImportError(problems)
    importer = _Importer(document, catalogus)
    importer.run()
    if importer.problems:
        # Raised inside the transaction: everything written so far is undone.
        raise CatalogusImportError(importer.problems)
    return importer.report


class _Importer:
    def __init__(self, document: dict[str, Any], catalogus: Catalogus | None):
        self.document = document
        self.catalogus = catalogus
        self.problems: list[str] = []
        self.report = ImportReport()
        self.by_url: dict[str, Any] = {}

    def items(self, collection: str) -> list[tuple[int, dict]]:
        return list(enumerate(self.document.get(collection) or []))

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def save(self, obj, where: str) -> bool:
        try:
            obj.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.problem(
                        _("%(where)s: %(field)s: %(message)s")
                        % {"where": where, "field": name, "message": message}
                    )
            return False
        obj.save()
        return True

    def resolve(self, url: str, model, where: str, field_name: str):
        if url in self.by_url and isinstance(self.by_url[url], model):
            return self.by_url[url]
        self.problem(
            _("%(where)s: %(field)s refers to %(url)s, which is not in the import.")
            % {"where": where, "field": field_name, "url": url}
        )
        return None

    # -- steps ------------------------------------------------------------------------

    def run(self) -> None:
        self.catalogus_resolve()
        if self.problems:
            return
        self.report.catalogus = self.catalogus
        self.iotypen()
        self.besluittypen()
        self.zaaktypen()
        if self.problems:
            return
        self.zaaktype_links()
        self.statustypen()
        self.roltypen()
        self.resultaattypen()
        self.eigenschappen()
        self.rules()

    def catalogus_resolve(self) -> None:
        given = self.document.get("catalogussen") or []
        if self.catalogus is None:
            if not given:
                self.problem(
                    _(
                        "The import has no catalogue; choose the catalogue the "
                        "zaaktypen go into."
                    )
                )
                return
            data = given[0]
            catalogus = Catalogus.objects.filter(
                domein=data["domein"], rsin=data["rsin"]
            ).first()
            if catalogus is None:
                catalogus = Catalogus(
                    domein=data["domein"],
                    rsin=data["rsin"],
                    naam=data.get("naam") or data["domein"],
                    versie=data.get("versie") or "",
                    begindatum_versie=data.get("begindatumVersie"),
                    contactpersoon_beheer_naam=data["contactpersoonBeheerNaam"],
                    contactpersoon_beheer_emailadres=data.get(
                        "contactpersoonBeheerEmailadres"
                    )
                    or "",
                )
                if not self.save(catalogus, _label("catalogussen", 0, data)):
                    return
                self.report.count("catalogussen")
            self.catalogus = catalogus
        for data in given:
            self.by_url[data["url"]] = self.catalogus

    def iotypen(self) -> None:
        for index, data in self.items("informatieobjecttypen"):
            where = _label("informatieobjecttypen", index, data)
            existing = InformatieObjectType.objects.filter(
                catalogus=self.catalogus,
                omschrijving=data["omschrijving"],
                begin_geldigheid=data["beginGeldigheid"],
            ).first()
            if existing is not None:
                # The same document type (same version) is shared, not doubled.
                self.by_url[data["url"]] = existing
                self.report.count("informatieobjecttypen", created=False)
                continue
            iot = InformatieObjectType(
                catalogus=self.catalogus,
                omschrijving=data["omschrijving"],
                vertrouwelijkheidaanduiding=data["vertrouwelijkheidaanduiding"],
                informatieobjectcategorie=data["informatieobjectcategorie"],
                trefwoord=list(data.get("trefwoord") or []),
                begin_geldigheid=data["beginGeldigheid"],
                einde_geldigheid=data.get("eindeGeldigheid"),
                concept=bool(data.get("concept", False)),
            )
            if self.save(iot, where):
                self.by_url[data["url"]] = iot
                self.report.count("informatieobjecttypen")

    def besluittypen(self) -> None:
        for index, data in self.items("besluittypen"):
            where = _label("besluittypen", index, data)
            existing = BesluitType.objects.filter(
                catalogus=self.catalogus,
                omschrijving=data.get("omschrijving") or "",
                begin_geldigheid=data["beginGeldigheid"],
            ).first()
            if existing is not None:
                self.by_url[data["url"]] = existing
                self.report.count("besluittypen", created=False)
                continue
            besluittype = BesluitType(
                catalogus=self.catalogus,
                omschrijving=data.get("omschrijving") or "",
                omschrijving_generiek=data.get("omschrijvingGeneriek") or "",
                besluitcategorie=data.get("besluitcategorie") or "",
                reactietermijn=data.get("reactietermijn") or "",
                publicatie_indicatie=data["publicatieIndicatie"],
                publicatietekst=data.get("publicatietekst") or "",
                publicatietermijn=data.get("publicatietermijn") or "",
                toelichting=data.get("toelichting") or "",
                begin_geldigheid=data["beginGeldigheid"],
                einde_geldigheid=data.get("eindeGeldigheid"),
                concept=bool(data.get("concept", False)),
            )
            if not self.save(besluittype, where):
                continue
            self.by_url[data["url"]] = besluittype
            self.report.count("besluittypen")
            for url in data.get("informatieobjecttypen") or []:
                iot = self.resolve(
                    url, InformatieObjectType, where, "informatieobjecttypen"
                )
                if iot is not None:
                    besluittype.informatieobjecttypen.add(iot)

    def zaaktypen(self) -> None:
        for index, data in self.items("zaaktypen"):
            where = _label("zaaktypen", index, data)
            if ZaakType.objects.filter(
                catalogus=self.catalogus,
                identificatie=data["identificatie"],
                begin_geldigheid=data["beginGeldigheid"],
            ).exists():
                self.problem(
                    _(
                        "%(where)s: zaaktype %(id)s valid from %(date)s already "
                        "exists in catalogue %(catalogus)s. Import a new version "
                        "(a later beginGeldigheid) instead."
                    )
                    % {
                        "where": where,
                        "id": data["identificatie"],
                        "date": data["beginGeldigheid"],
                        "catalogus": self.catalogus,
                    }
                )
                continue
            procestype = None
            if data.get("selectielijstProcestype"):
                procestype = SelectielijstProcestype.objects.filter(
                    uuid=_uuid(data["selectielijstProcestype"])
                ).first()
                if procestype is None:
                    self.problem(
                        _(
                            "%(where)s: selectielijstProcestype %(url)s is not a "
                            "procestype of the Selectielijst 2020 that Zaakwijs knows."
                        )
                        % {"where": where, "url": data["selectielijstProcestype"]}
                    )
                    continue
            zaaktype = ZaakType(
                catalogus=self.catalogus,
                identificatie=data["identificatie"],
                omschrijving=data["omschrijving"],
                omschrijving_generiek=data.get("omschrijvingGeneriek") or "",
                vertrouwelijkheidaanduiding=data["vertrouwelijkheidaanduiding"],
                doel=data["doel"],
                aanleiding=data["aanleiding"],
                toelichting=data.get("toelichting") or "",
                indicatie_intern_of_extern=data["indicatieInternOfExtern"],
                handeling_initiator=data["handelingInitiator"],
                onderwerp=data["onderwerp"],
                handeling_behandelaar=data["handelingBehandelaar"],
                doorlooptijd=data["doorlooptijd"],
                servicenorm=data.get("servicenorm") or "",
                opschorting_en_aanhouding_mogelijk=data[
                    "opschortingEnAanhoudingMogelijk"
                ],
                verlenging_mogelijk=data["verlengingMogelijk"],
                verlengingstermijn=data.get("verlengingstermijn") or "",
                trefwoorden=list(data.get("trefwoorden") or []),
                publicatie_indicatie=data["publicatieIndicatie"],
                publicatietekst=data.get("publicatietekst") or "",
                producten_of_diensten=list(data.get("productenOfDiensten") or []),
                selectielijst_procestype=procestype,
                referentieproces_naam=(data.get("referentieproces") or {}).get("naam")
                or "",
                verantwoordelijke=data["verantwoordelijke"],
                versiedatum=data["versiedatum"],
                begin_geldigheid=data["beginGeldigheid"],
                einde_geldigheid=data.get("eindeGeldigheid"),
                concept=bool(data.get("concept", False)),
            )
            if zaaktype.verlenging_mogelijk and not zaaktype.verlengingstermijn:
                self.problem(
                    _(
                        "%(where)s: verlengingMogelijk is true, so a "
                        "verlengingstermijn is needed."
                    )
                    % {"where": where}
                )
                continue
            if self.save(zaaktype, where):
                self.by_url[data["url"]] = zaaktype
                self.report.count("zaaktypen")
                self.report.zaaktypen.append(zaaktype)

    def zaaktype_links(self) -> None:
        """Besluittypen, document types, deelzaaktypen and related zaaktypen."""
        links = {
            (d["zaaktype"], d["informatieobjecttype"]): d
            for _i, d in self.items("zaaktype-informatieobjecttypen")
        }
        for index, data in self.items("zaaktypen"):
            where = _label("zaaktypen", index, data)
            zaaktype = self.by_url[data["url"]]
            for url in data.get("besluittypen") or []:
                besluittype = self.resolve(url, BesluitType, where, "besluittypen")
                if besluittype is not None:
                    zaaktype.besluittypen.add(besluittype)
            iot_urls = list(data.get("informatieobjecttypen") or [])
            iot_urls += [
                iot_url
                for (zt_url, iot_url) in links
                if zt_url == data["url"] and iot_url not in iot_urls
            ]
            used_numbers = {
                links[(data["url"], u)]["volgnummer"]
                for u in iot_urls
                if (data["url"], u) in links
            }
            next_number = max(used_numbers, default=0)
            for url in iot_urls:
                iot = self.resolve(
                    url, InformatieObjectType, where, "informatieobjecttypen"
                )
                if iot is None:
                    continue
                link = links.get((data["url"], url))
                if link is None:
                    next_number += 1
                    volgnummer, richting = next_number, Richting.INTERN
                    self.report.warnings.append(
                        _(
                            "%(where)s: no zaaktype-informatieobjecttype for "
                            "“%(iot)s”; its direction is set to “intern”."
                        )
                        % {"where": where, "iot": iot.omschrijving}
                    )
                else:
                    volgnummer, richting = link["volgnummer"], link["richting"]
                self.save(
                    ZaakTypeInformatieObjectType(
                        zaaktype=zaaktype,
                        informatieobjecttype=iot,
                        volgnummer=volgnummer,
                        richting=richting,
                    ),
                    where,
                )
            for url in data.get("deelzaaktypen") or []:
                deelzaaktype = self.by_url.get(url)
                if isinstance(deelzaaktype, ZaakType):
                    zaaktype.deelzaaktypen.add(deelzaaktype)
                else:
                    self.report.warnings.append(
                        _(
                            "%(where)s: deelzaaktype %(url)s is not in the import; skipped."
                        )
                        % {"where": where, "url": url}
                    )
            for relatie in data.get("gerelateerdeZaaktypen") or []:
                other = self.by_url.get(relatie["zaaktype"])
                if not isinstance(other, ZaakType):
                    self.report.warnings.append(
                        _(
                            "%(where)s: related zaaktype %(url)s is not in the "
                            "import; skipped."
                        )
                        % {"where": where, "url": relatie["zaaktype"]}
                    )
                    continue
                self.save(
                    GerelateerdZaakType(
                        zaaktype=zaaktype,
                        gerelateerd_zaaktype_identificatie=other.identificatie,
                        aard_relatie=relatie["aardRelatie"],
                        toelichting=relatie.get("toelichting") or "",
                    ),
                    where,
                )

    def _zaaktype_of(self, collection: str, index: int, data: dict):
        where = _label(collection, index, data)
        return where, self.resolve(data["zaaktype"], ZaakType, where, "zaaktype")

    def statustypen(self) -> None:
        for index, data in self.items("statustypen"):
            where, zaaktype = self._zaaktype_of("statustypen", index, data)
            if zaaktype is None:
                continue
            statustype = StatusType(
                zaaktype=zaaktype,
                omschrijving=data["omschrijving"],
                omschrijving_generiek=data.get("omschrijvingGeneriek") or "",
                statustekst=data.get("statustekst") or "",
                volgnummer=data["volgnummer"],
                informeren=bool(data.get("informeren", False)),
                doorlooptijd=data.get("doorlooptijd") or "",
                toelichting=data.get("toelichting") or "",
            )
            if self.save(statustype, where):
                self.report.count("statustypen")

    def roltypen(self) -> None:
        for index, data in self.items("roltypen"):
            where, zaaktype = self._zaaktype_of("roltypen", index, data)
            if zaaktype is None:
                continue
            roltype = RolType(
                zaaktype=zaaktype,
                omschrijving=data["omschrijving"],
                omschrijving_generiek=data["omschrijvingGeneriek"],
            )
            if self.save(roltype, where):
                self.report.count("roltypen")

    def resultaattypen(self) -> None:
        for index, data in self.items("resultaattypen"):
            where, zaaktype = self._zaaktype_of("resultaattypen", index, data)
            if zaaktype is None:
                continue
            klasse = SelectielijstResultaat.objects.filter(
                uuid=_uuid(data["selectielijstklasse"])
            ).first()
            if klasse is None:
                self.problem(
                    _(
                        "%(where)s: selectielijstklasse %(url)s is not a result of "
                        "the Selectielijst 2020 that Zaakwijs knows."
                    )
                    % {"where": where, "url": data["selectielijstklasse"]}
                )
                continue
            brondatum = data.get("brondatumArchiefprocedure") or {}
            generiek = (
                data.get("omschrijvingGeneriek")
                or _name_from_url(data["resultaattypeomschrijving"])
                or data["omschrijving"]
            )
            resultaattype = ResultaatType(
                zaaktype=zaaktype,
                omschrijving=data["omschrijving"],
                resultaattypeomschrijving=generiek[:80],
                selectielijstklasse=klasse,
                toelichting=data.get("toelichting") or "",
                # zrc-021: without its own values the result type follows its
                # Selectielijst class.
                archiefnominatie=data.get("archiefnominatie") or klasse.waardering,
                archiefactietermijn=data.get("archiefactietermijn")
                or klasse.bewaartermijn
                or "",
                brondatum_archiefprocedure_afleidingswijze=brondatum.get(
                    "afleidingswijze"
                )
                or "afgehandeld",
                brondatum_archiefprocedure_datumkenmerk=brondatum.get("datumkenmerk")
                or "",
                brondatum_archiefprocedure_einddatum_bekend=bool(
                    brondatum.get("einddatumBekend", False)
                ),
                brondatum_archiefprocedure_objecttype=brondatum.get("objecttype") or "",
                brondatum_archiefprocedure_registratie=brondatum.get("registratie")
                or "",
                brondatum_archiefprocedure_procestermijn=brondatum.get("procestermijn")
                or "",
            )
            if self.save(resultaattype, where):
                self.report.count("resultaattypen")

    def eigenschappen(self) -> None:
        for index, data in self.items("eigenschappen"):
            where, zaaktype = self._zaaktype_of("eigenschappen", index, data)
            if zaaktype is None:
                continue
            spec = data["specificatie"]
            eigenschap = Eigenschap(
                zaaktype=zaaktype,
                naam=data["naam"],
                definitie=data["definitie"],
                toelichting=data.get("toelichting") or "",
                specificatie_groep=spec.get("groep") or "",
                specificatie_formaat=spec["formaat"],
                specificatie_lengte=spec["lengte"],
                specificatie_kardinaliteit=spec["kardinaliteit"],
                specificatie_waardenverzameling=list(
                    spec.get("waardenverzameling") or []
                ),
            )
            if self.save(eigenschap, where):
                self.report.count("eigenschappen")

    def rules(self) -> None:
        """What the sandbox needs to practise with a zaaktype."""
        for zaaktype in self.report.zaaktypen:
            if not zaaktype.statustypen.exists():
                self.problem(
                    _(
                        "Zaaktype %(id)s has no statustypen: a zaak of this type "
                        "could never get a status or be closed."
                    )
                    % {"id": zaaktype.identificatie}
                )
            if not zaaktype.resultaattypen.exists():
                self.report.warnings.append(
                    _(
                        "Zaaktype %(id)s has no resultaattypen: its zaken cannot be "
                        "closed (zrc-007)."
                    )
                    % {"id": zaaktype.identificatie}
                )
            if not zaaktype.roltypen.exists():
                self.report.warnings.append(
                    _("Zaaktype %(id)s has no roltypen.")
                    % {"id": zaaktype.identificatie}
                )


def _uuid(url: str) -> str | None:
    candidate = ref.uuid_from_url(url or "")
    try:
        return str(uuidlib.UUID(candidate))
    except ValueError:
        return None


def _name_from_url(url: str) -> str:
    # Our own export uses the slug of the name; a referentielijsten URL ends in
    # a uuid, which says nothing: then the generic description stays unknown.
    tail = ref.uuid_from_url(url or "")
    if _uuid(url):
        return ""
    return slugify(tail).replace("-", " ").capitalize()
