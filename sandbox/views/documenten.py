"""A document's page and its content, served through the workspace check.

Files are never linked by their media URL: every download goes through this
view, which answers 404 unless the document lies in a workspace the user may see.
"""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from sandbox.models import EnkelvoudigInformatieObject
from sandbox.views._access import workspace_or_404

# Shown in the browser; anything else (HTML, SVG, office files) is downloaded,
# so an uploaded file can never run script in the site's origin.
INLINE_TYPES = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/gif",
    "text/plain",
}


def _document_or_404(workspace, uuid) -> EnkelvoudigInformatieObject:
    document = (
        EnkelvoudigInformatieObject.objects.filter(workspace=workspace, uuid=uuid)
        .select_related("informatieobjecttype")
        .first()
    )
    if document is None:
        raise Http404
    return document


@require_GET
def document_detail(request, workspace, document):
    workspace = workspace_or_404(request, workspace)
    document = _document_or_404(workspace, document)
    versies = list(document.versies.order_by("-versie"))
    zaken = list(
        document.zaakinformatieobjecten.select_related("zaak").order_by("zaak__pk")
    )
    return render(
        request,
        "sandbox/document_detail.html",
        {
            "workspace": workspace,
            "document": document,
            "versies": versies,
            "zaakdocumenten": zaken,
            "inline": document.formaat in INLINE_TYPES,
            "viewer": _viewer_kind(document.formaat),
        },
    )


@require_GET
@xframe_options_sameorigin  # the viewer on the document page frames it
def document_content(request, workspace, document):
    workspace = workspace_or_404(request, workspace)
    document = _document_or_404(workspace, document)
    versie_nummer = request.GET.get("versie") or document.versie
    try:
        versie_nummer = int(versie_nummer)
    except (TypeError, ValueError):
        raise Http404 from None
    versie = document.versies.filter(versie=versie_nummer).first()
    if versie is None or not versie.inhoud:
        raise Http404
    content_type = versie.metadata.get("formaat") or document.formaat
    inline = request.GET.get("bekijken") == "1" and content_type in INLINE_TYPES
    filename = (
        versie.metadata.get("bestandsnaam")
        or document.bestandsnaam
        or document.identificatie
    )
    response = FileResponse(
        versie.inhoud.open("rb"),
        as_attachment=not inline,
        filename=filename,
        content_type=content_type if inline else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    # A file shown inline runs nothing and reaches nothing. Chromium's PDF
    # viewer refuses to run in a sandboxed document, and a PDF runs no script
    # in the site's origin anyway.
    if content_type != "application/pdf" or not inline:
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def _viewer_kind(formaat: str) -> str:
    """How the document page shows the current version: as an image, in a frame
    (PDF, plain text), or not at all (download only)."""
    if formaat not in INLINE_TYPES:
        return ""
    return "image" if formaat.startswith("image/") else "frame"
