"""The Zaken 1.5 / Documenten 1.4 / Besluiten 1.0 export of a practice zaak.

These tests are the proof that the sandbox's model matches the standard: every
exported resource is validated with ``jsonschema`` against the VNG component
schema it claims to follow (the project's copy in
sandbox/reference/zgw-openapi/), read-only fields included.
"""

import json
from datetime import date

import pytest
from django.conf import settings

from sandbox.interchange import schemas
from sandbox.interchange.zaken_export import RESOURCES, export_errors, zaak_export
from sandbox.models.choices import Scope
from sandbox.services import (
    MedewerkerGegevens,
    NatuurlijkPersoonGegevens,
    NietNatuurlijkPersoonGegevens,
    OrganisatorischeEenheidGegevens,
    VestigingGegevens,
    besluit_record,
    workspace_clock_advance,
    zaak_close,
    zaak_document_link,
    zaak_eigenschap_set,
    zaak_klantcontact_add,
    zaak_object_add,
    zaak_opschorten,
    zaak_register,
    zaak_relevante_zaak_add,
    zaak_resultaat_set,
    zaak_rol_add,
    zaak_status_set,
    zaak_verlengen,
)
from tests.sandbox.views_support import signed_in, url


def _validate_all(document):
    """Validate every resource with jsonschema; return how many were checked."""
    checked = 0
    for key, (api, schema) in RESOURCES.items():
        value = document[key]
        items = value if isinstance(value, list) else [value] if value else []
        for item in items:
            variant = schemas.resolve_variant(api, schema, item)
            validator = schemas.validator(api, variant)
            problems = [
                f"{key}/{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in validator.iter_errors(item)
            ]
            assert not problems, problems
            checked += 1
    return checked


@pytest.fixture
def full_zaak(zaak, cat, learner, new_document):
    """A zaak with every kind of sub-resource the export covers."""
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=NatuurlijkPersoonGegevens(
            inp_bsn="111222333",
            voorletters="J.",
            geslachtsnaam="Jansen",
            geslachtsaanduiding="v",
            verblijfsadres_gor_openbare_ruimte_naam="Dorpsstraat",
            verblijfsadres_aoa_huisnummer=1,
            verblijfsadres_aoa_postcode="1234 AB",
            verblijfsadres_wpl_woonplaats_naam="Zaakwijk",
        ),
        roltoelichting="Aanvrager",
    )
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=NietNatuurlijkPersoonGegevens(
            inn_nnp_id="123456782",
            kvk_nummer="12345678",
            statutaire_naam="Bouwbedrijf De Steiger B.V.",
            inn_rechtsvorm="besloten_vennootschap",
        ),
        indicatie_machtiging="gemachtigde",
    )
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=VestigingGegevens(
            vestigings_nummer="000012345678",
            kvk_nummer="12345678",
            handelsnaam=["De Steiger"],
        ),
    )
    behandelaar = zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.behandelaar,
        betrokkene=MedewerkerGegevens(identificatie="medewerker", achternaam="Visser"),
    )
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.behandelaar,
        betrokkene=OrganisatorischeEenheidGegevens(naam="Team Vergunningen"),
    )
    zaak_status_set(
        zaak=zaak,
        actor=learner,
        statustype=cat.in_behandeling,
        statustoelichting="We nemen uw aanvraag in behandeling.",
        gezetdoor=behandelaar,
    )
    zaak_eigenschap_set(
        zaak=zaak, actor=learner, eigenschap=cat.bouwkosten, waarde="25000"
    )
    zaak_object_add(
        zaak=zaak,
        actor=learner,
        object_type="adres",
        relatieomschrijving="Bouwlocatie",
        object_identificatie={
            "identificatie": "0363200000123456",
            "wplWoonplaatsNaam": "Zaakwijk",
            "gorOpenbareRuimteNaam": "Dorpsstraat",
            "huisnummer": 1,
            "postcode": "1234AB",
        },
    )
    zaak_object_add(
        zaak=zaak, actor=learner, object_type="pand", relatieomschrijving="Woning"
    )
    zaak_klantcontact_add(
        zaak=zaak,
        actor=learner,
        kanaal="telefoon",
        onderwerp="Vraag over de tekeningen",
    )
    aanvraag = new_document(
        cat.aanvraag,
        titel="Aanvraagformulier",
        status="definitief",
        ontvangstdatum=date(2025, 3, 3),
        indicatie_gebruiksrecht=False,
        formaat="text/plain",
        bestandsnaam="aanvraag.txt",
        inhoud=b"Ik vraag een vergunning aan.",
    )
    zaak_document_link(zaak=zaak, actor=learner, document=aanvraag)
    zaak_opschorten(zaak=zaak, actor=learner, reden="Wachten op tekeningen")
    zaak_verlengen(zaak=zaak, actor=learner, reden="Advies nodig", duur="P2W")
    beschikking = new_document(
        cat.beschikking,
        titel="Beschikking",
        status="definitief",
        indicatie_gebruiksrecht=False,
    )
    zaak_document_link(zaak=zaak, actor=learner, document=beschikking)
    besluit_record(
        workspace=zaak.workspace,
        actor=learner,
        zaak=zaak,
        besluittype=cat.besluittype,
        datum=date(2025, 3, 3),
        ingangsdatum=date(2025, 3, 4),
        documenten=[beschikking],
    )
    zaak.refresh_from_db()
    return zaak


def test_every_resource_of_a_full_zaak_matches_the_vng_schemas(full_zaak):
    document = zaak_export(zaak=full_zaak)

    checked = _validate_all(document)

    assert checked >= 15
    assert export_errors(document) == []
    assert len(document["rollen"]) == 5
    assert {r["betrokkeneType"] for r in document["rollen"]} == {
        "natuurlijk_persoon",
        "niet_natuurlijk_persoon",
        "vestiging",
        "medewerker",
        "organisatorische_eenheid",
    }
    assert len(document["enkelvoudiginformatieobjecten"]) == 2
    assert len(document["besluiten"]) == 1
    assert len(document["besluitinformatieobjecten"]) == 1


def test_the_export_maps_the_model_back_to_the_api_shapes(full_zaak):
    document = zaak_export(zaak=full_zaak)
    zaak = document["zaak"]
    base = settings.LMS_BASE_URL

    assert zaak["url"].startswith(f"{base}/oefenen/zgw/{full_zaak.workspace.uuid}/")
    assert zaak["url"].endswith(f"/zaken/api/v1/zaken/{full_zaak.uuid}")
    assert zaak["identificatie"] == full_zaak.identificatie
    assert zaak["zaaktype"].endswith(f"/zaaktypen/{full_zaak.zaaktype.uuid}")
    assert zaak["opschorting"] == {"indicatie": True, "reden": "Wachten op tekeningen"}
    assert zaak["verlenging"] == {"reden": "Advies nodig", "duur": "P2W"}
    assert zaak["communicatiekanaal"].endswith("/communicatiekanalen/e-mail")
    assert zaak["status"] == document["statussen"][-1]["url"]
    assert [s["indicatieLaatstGezetteStatus"] for s in document["statussen"]] == [
        False,
        True,
    ]
    assert sorted(zaak["rollen"]) == sorted(r["url"] for r in document["rollen"])
    persoon = next(
        r for r in document["rollen"] if r["betrokkeneType"] == "natuurlijk_persoon"
    )
    assert persoon["betrokkeneIdentificatie"]["inpBsn"] == "111222333"
    assert persoon["betrokkeneIdentificatie"]["verblijfsadres"]["aoaHuisnummer"] == 1
    nnp = next(
        r
        for r in document["rollen"]
        if r["betrokkeneType"] == "niet_natuurlijk_persoon"
    )
    assert nnp["indicatieMachtiging"] == "gemachtigde"
    assert "kvkNummer" not in nnp["betrokkeneIdentificatie"]  # arrives in Zaken 1.6
    behandelaar = next(
        r for r in document["rollen"] if r["betrokkeneType"] == "medewerker"
    )
    assert behandelaar["statussen"] == [document["statussen"][-1]["url"]]
    assert document["zaakeigenschappen"][0]["naam"] == "Bouwkosten"
    aanvraag = next(
        d
        for d in document["enkelvoudiginformatieobjecten"]
        if d["titel"] == "Aanvraagformulier"
    )
    assert aanvraag["inhoud"].startswith(base)
    assert aanvraag["bestandsomvang"] == len(b"Ik vraag een vergunning aan.")
    assert aanvraag["locked"] is False
    zio_urls = {z["informatieobject"] for z in document["zaakinformatieobjecten"]}
    assert aanvraag["url"] in zio_urls
    besluit = document["besluiten"][0]
    assert besluit["zaak"] == zaak["url"]
    assert document["zaakbesluiten"][0]["besluit"] == besluit["url"]
    assert "uiterlijkeReactiedatum" in besluit
    json.dumps(document)  # plain JSON, nothing left to serialise


def test_a_closed_zaak_exports_its_result_and_archive_fields(zaak, cat, learner):
    zaak_resultaat_set(zaak=zaak, actor=learner, resultaattype=cat.geweigerd)
    zaak_close(zaak=zaak, actor=learner, statustoelichting="Afgehandeld")
    zaak.refresh_from_db()

    document = zaak_export(zaak=zaak)

    _validate_all(document)
    assert document["zaak"]["einddatum"] == zaak.einddatum.isoformat()
    assert document["zaak"]["archiefnominatie"] == "vernietigen"
    assert document["zaak"]["archiefactiedatum"] == zaak.archiefactiedatum.isoformat()
    assert document["resultaat"]["resultaattype"].endswith(str(cat.geweigerd.uuid))
    assert document["zaak"]["resultaat"] == document["resultaat"]["url"]


def test_a_bare_zaak_is_valid_too(zaak):
    document = zaak_export(zaak=zaak)

    _validate_all(document)
    assert document["resultaat"] is None
    assert document["zaak"]["archiefnominatie"] is None
    assert document["zaak"]["verlenging"] is None


def test_related_zaken_hoofdzaak_and_deelzaken(zaak, cat, learner, workspace):
    deelzaak = zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        startdatum=date(2025, 3, 3),
        hoofdzaak=zaak,
    )
    andere = zaak_register(
        workspace=workspace,
        actor=learner,
        zaaktype=cat.zaaktype,
        startdatum=date(2025, 3, 3),
    )
    zaak_relevante_zaak_add(
        zaak=zaak, actor=learner, andere_zaak=andere, aard_relatie="vervolg"
    )

    hoofd = zaak_export(zaak=zaak)
    deel = zaak_export(zaak=deelzaak)

    _validate_all(hoofd)
    _validate_all(deel)
    assert hoofd["zaak"]["deelzaken"] == [deel["zaak"]["url"]]
    assert deel["zaak"]["hoofdzaak"] == hoofd["zaak"]["url"]
    assert hoofd["zaak"]["relevanteAndereZaken"][0]["aardRelatie"] == "vervolg"


def test_the_schema_check_catches_what_the_standard_forbids(zaak):
    """The validators are not vacuous: a wrong enum value, a missing required
    field, a too long text and a bad date are each reported."""
    document = zaak_export(zaak=zaak)
    document["zaak"]["vertrouwelijkheidaanduiding"] = "geheimzinnig"
    del document["zaak"]["bronorganisatie"]
    document["zaak"]["omschrijving"] = "x" * 81
    document["zaak"]["startdatum"] = "3 maart 2025"

    problems = export_errors(document)

    assert any("vertrouwelijkheidaanduiding" in p for p in problems)
    assert any("bronorganisatie" in p for p in problems)
    assert any("omschrijving" in p for p in problems)
    assert any("startdatum" in p for p in problems)


def test_a_rol_is_checked_against_its_betrokkene_variant(zaak, cat, learner):
    zaak_rol_add(
        zaak=zaak,
        actor=learner,
        roltype=cat.initiator,
        betrokkene=NatuurlijkPersoonGegevens(inp_bsn="111222333"),
    )
    rol = zaak_export(zaak=zaak)["rollen"][0]
    rol["betrokkeneIdentificatie"]["inpBsn"] = "1112223334"  # ten characters

    assert schemas.resolve_variant("zaken", "Rol", rol) == "natuurlijk_persoon_Rol"
    assert schemas.errors("zaken", "Rol", rol)


# --- The download on the case page -------------------------------------------------


def _export_url(zaak):
    return url(
        "zaak_export", workspace=zaak.workspace.uuid, identificatie=zaak.identificatie
    )


def test_the_owner_downloads_the_export(full_zaak, learner):
    client = signed_in(learner)
    page = client.get(
        url(
            "zaak",
            workspace=full_zaak.workspace.uuid,
            identificatie=full_zaak.identificatie,
            tab="gegevens",
        )
    )
    assert _export_url(full_zaak) in page.content.decode()
    assert "Export (ZGW JSON)" in page.content.decode()

    response = client.get(_export_url(full_zaak))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert full_zaak.identificatie in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["zaak"]["identificatie"] == full_zaak.identificatie
    _validate_all(document)


def test_the_floor_coach_may_download_read_only(zaak, coach_client):
    # The learner fixture sits on the coach's floor (see tests/conftest.py).
    response = coach_client.get(_export_url(zaak))

    assert response.status_code == 200


def test_another_learner_gets_404(zaak, other_client):
    assert other_client.get(_export_url(zaak)).status_code == 404


def test_anonymous_users_are_sent_to_sign_in(zaak, client):
    response = client.get(_export_url(zaak))
    assert response.status_code == 302


def test_export_is_not_traced_as_a_case_action(zaak, learner):
    """Downloading changes nothing: the trace (and the assessment) ignore it."""
    before = zaak.workspace.actions.count()
    signed_in(learner).get(_export_url(zaak))
    assert zaak.workspace.actions.count() == before


def test_times_are_sandbox_times(zaak, learner, workspace):
    workspace_clock_advance(workspace=workspace, actor=learner, working_days=3)
    workspace.refresh_from_db()
    zaak_status_set(zaak=zaak, actor=learner, statustype=_second(zaak))
    zaak.refresh_from_db()

    document = zaak_export(zaak=zaak)

    gezet = document["statussen"][-1]["datumStatusGezet"]
    assert gezet.startswith(workspace.sandbox_today().isoformat())


def _second(zaak):
    return zaak.zaaktype.statustypen.order_by("volgnummer")[1]


def test_scopes_do_not_change_the_export(zaak, workspace):
    workspace.scopes = [Scope.ZAKEN_HEROPENEN]
    workspace.save()
    _validate_all(zaak_export(zaak=zaak))
