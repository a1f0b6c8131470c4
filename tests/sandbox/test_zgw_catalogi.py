"""Catalogi API 1.3 export and import of zaaktypen.

The export of the seeded catalogue is validated resource by resource with
``jsonschema`` against the VNG component schemas (the project's copy), and
imported again into a new catalogue: the round trip must give the same
zaaktypen.
"""

import copy
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from sandbox.demo import catalogue_demo_load
from sandbox.interchange import schemas
from sandbox.interchange.catalogi import (
    COLLECTIONS,
    CatalogusImportError,
    catalogus_document_read,
    catalogus_export,
    catalogus_import,
)
from sandbox.models import (
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
)


@pytest.fixture
def demo(db):
    return catalogue_demo_load()


@pytest.fixture
def exported(demo):
    return catalogus_export(catalogus=demo)


def _validate(document):
    checked = 0
    for collection, schema in COLLECTIONS.items():
        for item in document.get(collection, []):
            validator = schemas.validator("catalogi", schema)
            problems = [
                f"{collection}/{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in validator.iter_errors(item)
            ]
            assert not problems, problems
            checked += 1
    return checked


def _as_new_catalogue(document, domein="IMP"):
    document = copy.deepcopy(document)
    document["catalogussen"][0]["domein"] = domein
    document["catalogussen"][0]["naam"] = "Gemeente Voorbeeld"
    return document


def _shape(catalogus):
    """What a zaaktype is, without ids: to compare a round trip."""
    result = {}
    for zaaktype in catalogus.zaaktypen.order_by("identificatie"):
        result[zaaktype.identificatie] = {
            "fields": {
                name: getattr(zaaktype, name)
                for name in (
                    "omschrijving",
                    "doel",
                    "aanleiding",
                    "doorlooptijd",
                    "servicenorm",
                    "opschorting_en_aanhouding_mogelijk",
                    "verlenging_mogelijk",
                    "verlengingstermijn",
                    "vertrouwelijkheidaanduiding",
                    "handeling_initiator",
                    "handeling_behandelaar",
                    "selectielijst_procestype_id",
                    "begin_geldigheid",
                    "concept",
                    "trefwoorden",
                )
            },
            "statustypen": [
                (s.volgnummer, s.omschrijving, s.informeren, s.statustekst)
                for s in zaaktype.statustypen.order_by("volgnummer")
            ],
            "roltypen": sorted(
                (r.omschrijving, r.omschrijving_generiek)
                for r in zaaktype.roltypen.all()
            ),
            "resultaattypen": sorted(
                (
                    r.omschrijving,
                    r.resultaattypeomschrijving,
                    r.selectielijstklasse_id,
                    r.archiefnominatie,
                    r.archiefactietermijn,
                    r.brondatum_archiefprocedure_afleidingswijze,
                )
                for r in zaaktype.resultaattypen.all()
            ),
            "eigenschappen": sorted(
                (e.naam, e.specificatie_formaat, e.specificatie_lengte)
                for e in zaaktype.eigenschappen.all()
            ),
            "documenttypen": [
                (
                    link.volgnummer,
                    link.richting,
                    link.informatieobjecttype.omschrijving,
                    link.informatieobjecttype.vertrouwelijkheidaanduiding,
                )
                for link in zaaktype.zaaktype_iotypen.order_by("volgnummer")
            ],
            "besluittypen": sorted(
                (b.omschrijving, b.reactietermijn) for b in zaaktype.besluittypen.all()
            ),
            "deelzaaktypen": sorted(
                d.identificatie for d in zaaktype.deelzaaktypen.all()
            ),
            "gerelateerd": sorted(
                (g.gerelateerd_zaaktype_identificatie, g.aard_relatie)
                for g in zaaktype.gerelateerde_zaaktypen.all()
            ),
        }
    return result


# --- Export -------------------------------------------------------------------------


def test_the_seeded_catalogue_exports_as_valid_catalogi_resources(demo, exported):
    checked = _validate(exported)

    assert len(exported["zaaktypen"]) == demo.zaaktypen.count() >= 8
    assert checked > 100
    assert len(exported["statustypen"]) == StatusType.objects.count()
    zaaktype = exported["zaaktypen"][0]
    statustypen = [
        s for s in exported["statustypen"] if s["zaaktype"] == zaaktype["url"]
    ]
    assert sorted(zaaktype["statustypen"]) == sorted(s["url"] for s in statustypen)
    assert [s["isEindstatus"] for s in statustypen].count(True) == 1
    resultaattype = exported["resultaattypen"][0]
    assert resultaattype["selectielijstklasse"].startswith(
        "https://selectielijst.openzaak.nl/api/v1/resultaten/"
    )


def test_export_of_one_zaaktype_brings_only_what_it_uses(demo):
    zaaktype = demo.zaaktypen.order_by("identificatie").first()
    document = catalogus_export(catalogus=demo, zaaktypen=[zaaktype])

    _validate(document)
    assert [z["identificatie"] for z in document["zaaktypen"]] == [
        zaaktype.identificatie
    ]
    used = {
        link.informatieobjecttype.omschrijving
        for link in zaaktype.zaaktype_iotypen.all()
    }
    assert {i["omschrijving"] for i in document["informatieobjecttypen"]} >= used


# --- Import -------------------------------------------------------------------------


def test_round_trip_gives_the_same_zaaktypen(demo, exported):
    report = catalogus_import(document=_as_new_catalogue(exported))

    imported = Catalogus.objects.get(domein="IMP")
    assert report.catalogus == imported
    assert report.created["zaaktypen"] == demo.zaaktypen.count()
    assert _shape(imported) == _shape(demo)
    again = catalogus_export(catalogus=imported)
    _validate(again)
    assert len(again["statustypen"]) == len(exported["statustypen"])


def test_import_into_a_chosen_catalogue(demo, exported):
    target = Catalogus.objects.create(
        domein="GEM",
        rsin="123456782",
        naam="Eigen",
        contactpersoon_beheer_naam="Beheer",
    )
    document = copy.deepcopy(exported)
    del document["catalogussen"]

    catalogus_import(document=document, catalogus=target)

    assert target.zaaktypen.count() == demo.zaaktypen.count()


def test_the_same_version_twice_is_refused_and_nothing_is_written(demo, exported):
    before = ZaakType.objects.count(), InformatieObjectType.objects.count()

    with pytest.raises(CatalogusImportError) as info:
        catalogus_import(document=exported)

    assert any("already exists" in p for p in info.value.problems)
    assert (ZaakType.objects.count(), InformatieObjectType.objects.count()) == before


def _minimal(exported, identificatie="IMPORT-1"):
    """One zaaktype of the export, renamed, as a small import."""
    document = _as_new_catalogue(exported)
    zaaktype = document["zaaktypen"][0]
    url = zaaktype["url"]
    zaaktype["identificatie"] = identificatie
    keep = {
        "catalogussen": document["catalogussen"],
        "zaaktypen": [zaaktype],
        "informatieobjecttypen": document["informatieobjecttypen"],
        "besluittypen": document["besluittypen"],
    }
    for collection in (
        "statustypen",
        "roltypen",
        "resultaattypen",
        "eigenschappen",
        "zaaktype-informatieobjecttypen",
    ):
        keep[collection] = [i for i in document[collection] if i["zaaktype"] == url]
    zaaktype["deelzaaktypen"] = []
    zaaktype["gerelateerdeZaaktypen"] = []
    return keep


def test_schema_errors_are_listed_per_resource_and_field(exported):
    document = _minimal(exported)
    document["zaaktypen"][0]["vertrouwelijkheidaanduiding"] = "topgeheim"
    del document["zaaktypen"][0]["doel"]
    document["statustypen"][0]["omschrijving"] = "x" * 81
    document["zaaktypen"][0]["doorlooptijd"] = "acht weken"

    with pytest.raises(CatalogusImportError) as info:
        catalogus_import(document=document)

    problems = "\n".join(info.value.problems)
    assert "vertrouwelijkheidaanduiding must be one of" in problems
    assert "the field doel is missing" in problems
    assert "statustypen[0]" in problems and "longer than 80 characters" in problems
    assert "doorlooptijd is not a valid duration" in problems
    assert not Catalogus.objects.filter(domein="IMP").exists()


def test_references_must_resolve(exported):
    document = _minimal(exported)
    document["statustypen"][0]["zaaktype"] = (
        "https://openzaak.example.nl/catalogi/api/v1/zaaktypen/"
        "00000000-0000-4000-8000-000000000000"
    )

    with pytest.raises(CatalogusImportError) as info:
        catalogus_import(document=document)

    assert any("which is not in the import" in p for p in info.value.problems)
    assert not Catalogus.objects.filter(domein="IMP").exists()
    assert not ZaakType.objects.filter(identificatie="IMPORT-1").exists()


def test_an_unknown_selectielijstklasse_is_refused(exported):
    document = _minimal(exported)
    document["resultaattypen"][0]["selectielijstklasse"] = (
        "https://selectielijst.openzaak.nl/api/v1/resultaten/"
        "00000000-0000-4000-8000-000000000000"
    )

    with pytest.raises(CatalogusImportError) as info:
        catalogus_import(document=document)

    assert any("selectielijstklasse" in p for p in info.value.problems)


def test_duplicate_volgnummers_are_refused_by_the_model_rules(exported):
    document = _minimal(exported)
    document["statustypen"][1]["volgnummer"] = document["statustypen"][0]["volgnummer"]

    with pytest.raises(CatalogusImportError) as info:
        catalogus_import(document=document)

    assert any("statustypen[1]" in p for p in info.value.problems)
    assert not ZaakType.objects.filter(identificatie="IMPORT-1").exists()


def test_a_zaaktype_without_statustypen_is_refused(exported):
    document = _minimal(exported)
    document["statustypen"] = []

    with pytest.raises(CatalogusImportError) as info:
        catalogus_import(document=document)

    assert any("has no statustypen" in p for p in info.value.problems)


def test_result_types_without_archive_values_follow_their_class(exported):
    document = _minimal(exported)
    for resultaattype in document["resultaattypen"]:
        resultaattype["archiefnominatie"] = ""
        resultaattype["archiefactietermijn"] = None

    catalogus_import(document=document)

    for resultaattype in ResultaatType.objects.filter(
        zaaktype__identificatie="IMPORT-1"
    ):
        klasse = resultaattype.selectielijstklasse
        assert resultaattype.archiefnominatie == klasse.waardering
        assert resultaattype.archiefactietermijn == (klasse.bewaartermijn or "")


def test_open_zaak_export_files_in_a_zip(exported, tmp_path):
    """An Open Zaak catalogue export: one file per resource, named after the
    resource, each a list (or a paginated answer)."""
    document = _minimal(exported)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Catalogus.json", json.dumps(document["catalogussen"]))
        zf.writestr("ZaakType.json", json.dumps(document["zaaktypen"]))
        zf.writestr(
            "StatusType.json",
            json.dumps({"count": 1, "results": document["statustypen"]}),
        )
        zf.writestr("RolType.json", json.dumps(document["roltypen"]))
        zf.writestr("ResultaatType.json", json.dumps(document["resultaattypen"]))
        zf.writestr("Eigenschap.json", json.dumps(document["eigenschappen"]))
        zf.writestr(
            "InformatieObjectType.json", json.dumps(document["informatieobjecttypen"])
        )
        zf.writestr("BesluitType.json", json.dumps(document["besluittypen"]))
        zf.writestr(
            "ZaakTypeInformatieObjectType.json",
            json.dumps(document["zaaktype-informatieobjecttypen"]),
        )

    read = catalogus_document_read(archive)
    report = catalogus_import(document=read)

    assert report.created["zaaktypen"] == 1
    assert ZaakType.objects.get(identificatie="IMPORT-1").statustypen.count() == len(
        document["statustypen"]
    )


# --- Management commands -------------------------------------------------------------


def test_commands_export_and_import(demo, tmp_path):
    out = tmp_path / "catalogus.json"
    call_command("zgw_catalogus_export", "--catalogus", demo.domein, "-o", str(out))
    document = json.loads(out.read_text())
    document["catalogussen"][0]["domein"] = "CMD"
    out.write_text(json.dumps(document))

    call_command("zgw_catalogus_import", str(out), "--dry-run", stdout=io.StringIO())
    assert not Catalogus.objects.filter(domein="CMD").exists()

    stdout = io.StringIO()
    call_command("zgw_catalogus_import", str(out), stdout=stdout)
    assert "Imported into" in stdout.getvalue()
    assert (
        Catalogus.objects.get(domein="CMD").zaaktypen.count() == demo.zaaktypen.count()
    )


def test_the_import_command_lists_every_problem(demo, tmp_path):
    out = tmp_path / "kapot.json"
    out.write_text(json.dumps({"zaaktypen": [{"identificatie": "X"}]}))
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="nothing was written"):
        call_command("zgw_catalogus_import", str(out), stderr=stderr)

    assert "the field omschrijving is missing" in stderr.getvalue()


def test_the_import_command_rejects_broken_json(db, tmp_path):
    out = tmp_path / "kapot.json"
    out.write_text("{niet: json")
    with pytest.raises(CommandError):
        call_command("zgw_catalogus_import", str(out), stderr=io.StringIO())
