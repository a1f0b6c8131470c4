"""Run 1EdTech's Open Badges 2.0 validator (PyPI ``openbadges``) offline.

Usage: var/obvalidator-venv/bin/python tools/ob-verify/ob2_validate.py URL [EMAIL]

The validator fetches the assertion, badge class, issuer and image over HTTP. Two
changes keep it off the network: the OB 2.0 JSON-LD context is served from the copy
the ``openbadges`` package ships, and only loopback hosts may be fetched (the test
suite's live server). Prints the validator's report as JSON.
"""

import json
import sys
from urllib.parse import urlsplit

from openbadges.verifier import utils, verifier
from openbadges.verifier.openbadges_context import (
    OPENBADGES_CONTEXT_V2_DICT,
    OPENBADGES_CONTEXT_V2_URI,
)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_fetch = utils.CachableDocumentLoader.__call__


def _offline_loader(self, url):
    if url.rstrip("/") == OPENBADGES_CONTEXT_V2_URI:
        document = json.dumps(OPENBADGES_CONTEXT_V2_DICT)
        return {"contextUrl": None, "documentUrl": url, "document": document}
    if urlsplit(url).hostname not in LOOPBACK:
        raise utils.JsonLdError(
            "Offline: only loopback URLs may be fetched.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    return _fetch(self, url)


utils.CachableDocumentLoader.__call__ = _offline_loader


def main(argv):
    url = argv[1]
    profile = {"email": argv[2]} if len(argv) > 2 else None
    report = verifier.verify(url, recipient_profile=profile, use_cache=False)
    json.dump(report, sys.stdout, indent=2, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
