"""Importing a municipality's own zaaktypen through the Wagtail admin."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sandbox.demo import catalogue_demo_load
from sandbox.interchange.catalogi import catalogus_export
from sandbox.models import Catalogus, ZaakType

IMPORT_URL = "/cms/sandbox/zaaktypen-importeren/"


@pytest.fixture
def export(db):
    document = catalogus_export(catalogus=catalogue_demo_load())
    document["catalogussen"][0]["domein"] = "GEM"
    document["catalogussen"][0]["naam"] = "Gemeente Voorbeeld"
    return document


def upload(client, data: bytes, name="catalogus.json", **fields):
    form = {"file": SimpleUploadedFile(name, data), **fields}
    return client.post(IMPORT_URL, form)


def english(client, user):
    client.force_login(user)
    client.cookies["zaakwijs_language"] = "en"
    return client


def test_url_name():
    assert reverse("sandbox_catalogus_import") == IMPORT_URL


@pytest.mark.parametrize("who", ["admin_user", "editor"])
def test_admin_and_editor_import_a_catalogue(
    client, request, export, who, no_mfa_enforcement
):
    english(client, request.getfixturevalue(who))
    assert client.get(IMPORT_URL).status_code == 200

    response = upload(client, json.dumps(export).encode())

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="import-summary"' in page
    catalogus = Catalogus.objects.get(domein="GEM")
    assert catalogus.zaaktypen.count() == len(export["zaaktypen"])
    assert "Imported" in page


def test_a_zip_with_one_file_per_resource(
    client, admin_user, export, no_mfa_enforcement
):
    english(client, admin_user)
    buffer = io.BytesIO()
    names = {
        "catalogussen": "Catalogus.json",
        "zaaktypen": "ZaakType.json",
        "statustypen": "StatusType.json",
        "roltypen": "RolType.json",
        "resultaattypen": "ResultaatType.json",
        "eigenschappen": "Eigenschap.json",
        "informatieobjecttypen": "InformatieObjectType.json",
        "besluittypen": "BesluitType.json",
        "zaaktype-informatieobjecttypen": "ZaakTypeInformatieObjectType.json",
    }
    with zipfile.ZipFile(buffer, "w") as archive:
        for collection, name in names.items():
            archive.writestr(f"export/{name}", json.dumps(export[collection]))

    upload(client, buffer.getvalue(), name="export.zip")

    assert Catalogus.objects.get(domein="GEM").zaaktypen.count() == len(
        export["zaaktypen"]
    )


def test_problems_are_listed_and_nothing_is_written(
    client, admin_user, export, no_mfa_enforcement
):
    english(client, admin_user)
    export["zaaktypen"][0]["doorlooptijd"] = "zes weken"
    before = ZaakType.objects.count()

    response = upload(client, json.dumps(export).encode())

    page = response.content.decode()
    assert 'id="import-problems"' in page
    assert "doorlooptijd is not a valid duration" in page
    assert "Nothing was imported" in page
    assert ZaakType.objects.count() == before
    assert not Catalogus.objects.filter(domein="GEM").exists()


def test_check_only_writes_nothing(client, admin_user, export, no_mfa_enforcement):
    english(client, admin_user)

    response = upload(client, json.dumps(export).encode(), dry_run="on")

    assert "The file is correct" in response.content.decode()
    assert not Catalogus.objects.filter(domein="GEM").exists()


def test_a_broken_file_is_a_problem_not_a_crash(
    client, admin_user, db, no_mfa_enforcement
):
    english(client, admin_user)
    response = upload(client, b"\x00\x01 geen json", name="kapot.json")
    assert response.status_code == 200
    assert "is not valid JSON" in response.content.decode()


@pytest.mark.parametrize("who", ["learner", "coach", "hr"])
def test_other_roles_are_refused(client, request, export, who, no_mfa_enforcement):
    client.force_login(request.getfixturevalue(who))

    for response in (
        client.get(IMPORT_URL),
        upload(client, json.dumps(export).encode()),
    ):
        if response.status_code != 403:
            assert response.status_code == 302
            assert response["Location"].split("?")[0] in {
                reverse("cms_login"),
                reverse("wagtailadmin_home"),
            }
    assert not Catalogus.objects.filter(domein="GEM").exists()
