"""The URLs that identify sandbox objects in exported ZGW documents.

The ZGW APIs refer to everything by URL. Zaakwijs serves no ZGW API, so its
exports use stable URLs under ``LMS_BASE_URL`` shaped like the API paths of each
component (``…/zaken/api/v1/zaken/{uuid}``). Catalogue objects are shared by all
workspaces; practice objects carry their workspace in the path, so two learners'
exports never name the same URL. Selectielijst classes keep their real URLs
(selectielijst.openzaak.nl), because the UUIDs in the reference data are the
published ones.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify

PREFIX = "/oefenen/zgw"


def _base() -> str:
    return settings.LMS_BASE_URL.rstrip("/") + PREFIX


def catalogi_url(resource: str, uuid) -> str:
    """``resource`` as in the Catalogi API path: zaaktypen, statustypen, ..."""
    return f"{_base()}/catalogi/api/v1/{resource}/{uuid}"


def zaken_url(workspace, resource: str, uuid) -> str:
    return f"{_base()}/{workspace.uuid}/zaken/api/v1/{resource}/{uuid}"


def documenten_url(workspace, resource: str, uuid) -> str:
    return f"{_base()}/{workspace.uuid}/documenten/api/v1/{resource}/{uuid}"


def besluiten_url(workspace, resource: str, uuid) -> str:
    return f"{_base()}/{workspace.uuid}/besluiten/api/v1/{resource}/{uuid}"


def referentielijst_url(resource: str, name: str) -> str:
    """An entry of the VNG referentielijsten (communicatiekanalen,
    resultaattypeomschrijvingen), which the sandbox keeps by name."""
    return f"{_base()}/referentielijsten/api/v1/{resource}/{slugify(name)}"


def document_inhoud_url(workspace, document) -> str:
    """The real download address of a document's content: it answers only to
    someone who may open the workspace."""
    return settings.LMS_BASE_URL.rstrip("/") + reverse(
        "sandbox:document_content",
        kwargs={"workspace": workspace.uuid, "document": document.uuid},
    )


def uuid_from_url(url: str) -> str:
    """The last path segment of a ZGW URL (its UUID, as the APIs build them)."""
    return url.rstrip("/").rsplit("/", 1)[-1]
