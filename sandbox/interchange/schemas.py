"""The VNG component schemas, as JSON Schema validators.

The project keeps its own copy of the schema parts it needs
(``sandbox/reference/zgw-openapi/``, extracted from the VNG OpenAPI 3.0 files).
OpenAPI 3.0 schemas are JSON Schema (draft 4/5 based) with a few extras; this
module turns them into plain JSON Schema:

- ``nullable: true`` becomes "this schema, or null";
- ``discriminator`` (Rol by ``betrokkeneType``, ZaakObject by ``objectType``) is
  resolved by :func:`validate`, which picks the mapped variant;
- formats are checked with stdlib parsers (date, date-time, uri, uuid, duration,
  email), so nothing beyond ``jsonschema`` is needed.

``readOnly`` fields are present in the API's responses, so they are validated
like any other field.
"""

import copy
import functools
import json
import re
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sandbox.durations import IsoDuration

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "reference" / "zgw-openapi"

# api → file with its component schemas.
SPECIFICATIONS = {
    "catalogi": "catalogi-1.3.1.json",
    "zaken": "zaken-1.5.1.json",
    "documenten": "documenten-1.4.3.json",
    "besluiten": "besluiten-1.0.2.json",
}

_URI_LIST = {
    "type": "array",
    "items": {"type": "string", "format": "uri", "maxLength": 1000},
    "readOnly": True,
}

# Known errors in the published schemas, corrected on loading:
# - Catalogi 1.3.1 types ZaakType.informatieobjecttypen and
#   InformatieObjectType.zaaktypen as a string; they are lists of URLs, which is
#   what Open Zaak returns (VNG-Realisatie/gemma-zaken#2445, fixed in 1.3.2).
# - ZaakTypeInformatieObjectType.informatieobjecttype is typed as a string of at
#   most 100 characters; Open Zaak returns the URL (open-zaak/open-zaak#1864).
ERRATA: dict[str, dict[tuple[str, str], dict]] = {
    "catalogi": {
        ("ZaakType", "informatieobjecttypen"): _URI_LIST,
        ("InformatieObjectType", "zaaktypen"): _URI_LIST,
        ("ZaakTypeInformatieObjectType", "informatieobjecttype"): {
            "type": "string",
            "format": "uri",
            "maxLength": 1000,
        },
    }
}


def _openapi_to_jsonschema(node: Any) -> Any:
    if isinstance(node, list):
        return [_openapi_to_jsonschema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {}
    for key, value in node.items():
        if key in ("properties", "mapping"):
            converted[key] = {
                name: _openapi_to_jsonschema(sub) for name, sub in value.items()
            }
        elif key in ("nullable", "discriminator"):
            continue
        else:
            converted[key] = _openapi_to_jsonschema(value)
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@functools.cache
def specification(api: str) -> dict:
    """The OpenAPI document (as stored) of ``api``, with the errata applied."""
    path = SCHEMA_DIR / SPECIFICATIONS[api]
    document = json.loads(path.read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    for (schema, field), replacement in ERRATA.get(api, {}).items():
        schemas[schema]["properties"][field] = copy.deepcopy(replacement)
    return document


@functools.cache
def _root(api: str) -> dict:
    schemas = specification(api)["components"]["schemas"]
    return {
        "components": {
            "schemas": {
                name: _openapi_to_jsonschema(schema) for name, schema in schemas.items()
            }
        }
    }


def schema_names(api: str) -> list[str]:
    return sorted(specification(api)["components"]["schemas"])


def resolve_variant(api: str, name: str, instance: Any) -> str:
    """The schema an instance of ``name`` is validated against: the variant its
    discriminator names (``natuurlijk_persoon_Rol`` for a Rol with
    ``betrokkeneType`` ``natuurlijk_persoon``), or ``name`` itself."""
    schema = specification(api)["components"]["schemas"][name]
    discriminator = schema.get("discriminator")
    if not discriminator or not isinstance(instance, dict):
        return name
    value = instance.get(discriminator["propertyName"])
    ref = discriminator.get("mapping", {}).get(value)
    return ref.rsplit("/", 1)[-1] if ref else name


# --- Formats ------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _is_date(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _is_datetime(value) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?", value
    ):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_uri(value) -> bool:
    # The APIs answer "" for a URL that is not set (communicatiekanaal,
    # selectielijstklasse); minLength says where that is not allowed.
    if not isinstance(value, str) or value == "":
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path)) and " " not in value


def _is_uuid(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _is_duration(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        IsoDuration.parse(value)
    except ValueError:
        return False
    return True


def _is_email(value) -> bool:
    return not isinstance(value, str) or bool(_EMAIL.match(value))


FORMATS = {
    "date": _is_date,
    "date-time": _is_datetime,
    "uri": _is_uri,
    "uuid": _is_uuid,
    "duration": _is_duration,
    "email": _is_email,
}


@functools.cache
def _format_checker():
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    return checker


@functools.cache
def validator(api: str, name: str):
    """A ``jsonschema`` validator for component schema ``name`` of ``api``."""
    from jsonschema import Draft4Validator

    if name not in specification(api)["components"]["schemas"]:
        raise KeyError(f"{api} has no component schema {name!r}")
    schema = {"$ref": f"#/components/schemas/{name}", **_root(api)}
    return Draft4Validator(schema, format_checker=_format_checker())


def errors(api: str, name: str, instance: Any) -> list:
    """The validation errors of ``instance`` as a resource ``name`` of ``api``
    (empty when it is valid), deepest first."""
    variant = resolve_variant(api, name, instance)
    found = list(validator(api, variant).iter_errors(instance))
    return sorted(found, key=lambda e: (list(e.absolute_path), e.message))
