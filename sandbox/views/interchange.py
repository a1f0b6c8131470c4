"""Downloads in the ZGW JSON shapes: a practice zaak as Zaken API 1.5 resources.

The export reads through the same workspace check as the case page, so a coach
who may look at a learner's workspace may download it too, and anyone else gets
404. It changes nothing, so it is not an action in the trace.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from sandbox.interchange.zaken_export import zaak_export as zaak_export_build
from sandbox.views._access import workspace_or_404, zaak_or_404


@require_GET
def zaak_export(request, workspace, identificatie):
    workspace = workspace_or_404(request, workspace)
    zaak = zaak_or_404(workspace, identificatie)
    document = zaak_export_build(zaak=zaak)
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{zaak.identificatie}-zgw.json"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
