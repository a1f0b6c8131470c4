"""Extract the component schemas Zaakwijs needs from the VNG ZGW OpenAPI files.

The sandbox validates its ZGW import and export against the VNG specifications,
but the project must install and test on its own, so it keeps a copy of just the
schema parts it uses in ``sandbox/reference/zgw-openapi/`` (EUPL-1.2, VNG
Realisatie). Run this again when moving to another version of a specification:

    .venv/bin/python scripts/zgw_schemas_extract.py /path/to/zgw-openapi-yamls

Descriptions, titles and examples are left out: only the structure (types,
formats, enums, lengths, patterns, required, readOnly, nullable, $ref,
discriminator) is kept.
"""

import json
import sys
from pathlib import Path

import yaml

TARGET = (
    Path(__file__).resolve().parent.parent / "sandbox" / "reference" / "zgw-openapi"
)

SPECS = {
    "catalogi": (
        "catalogi-api-1.3.1.yaml",
        [
            "Catalogus",
            "ZaakType",
            "StatusType",
            "RolType",
            "ResultaatType",
            "InformatieObjectType",
            "Eigenschap",
            "BesluitType",
            "ZaakTypeInformatieObjectType",
        ],
    ),
    "zaken": (
        "zaken-api-1.5.1.yaml",
        [
            "Zaak",
            "Status",
            "Rol",
            "Resultaat",
            "ZaakEigenschap",
            "ZaakObject",
            "KlantContact",
            "ZaakInformatieObject",
            "ZaakBesluit",
        ],
    ),
    "documenten": ("documenten-api-1.4.3.yaml", ["EnkelvoudigInformatieObject"]),
    "besluiten": ("besluiten-api-1.0.2.yaml", ["Besluit", "BesluitInformatieObject"]),
}

DROP = {"description", "title", "example", "examples"}


def _strip(node, *, in_properties=False):
    if isinstance(node, dict):
        return {
            key: _strip(value, in_properties=key == "properties")
            for key, value in node.items()
            # Inside "properties" the keys are field names (a field may be called
            # "titel"); elsewhere drop the prose.
            if in_properties or key not in DROP
        }
    if isinstance(node, list):
        return [_strip(item) for item in node]
    return node


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value.rsplit("/", 1)[-1]
            elif key == "mapping" and isinstance(value, dict):
                for ref in value.values():
                    yield ref.rsplit("/", 1)[-1]
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def extract(source: Path, roots: list[str]) -> dict:
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    wanted: dict[str, dict] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted[name] = _strip(schemas[name])
        todo.extend(_refs(schemas[name]))
    return {
        "openapi": spec["openapi"],
        "info": {
            "title": spec["info"]["title"],
            "version": spec["info"]["version"],
            "license": spec["info"].get("license"),
        },
        "x-source": f"VNG-Realisatie {source.name} (src/openapi.yaml)",
        "components": {"schemas": dict(sorted(wanted.items()))},
    }


def main(directory: str) -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for api, (filename, roots) in SPECS.items():
        document = extract(Path(directory) / filename, roots)
        version = document["info"]["version"]
        out = TARGET / f"{api}-{version}.json"
        out.write_text(
            json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"{out.name}: {len(document['components']['schemas'])} schemas")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/zgw")
