"""How every practice view reaches its data: through a workspace the user may see.

Another learner's workspace, zaak or document answers 404 (its existence is not
confirmed); a coach who may look but not act gets 403 on anything that changes.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from sandbox import selectors
from sandbox.models import Workspace, Zaak


def workspace_or_404(request, uuid) -> Workspace:
    workspace = selectors.workspace_open(user=request.user, uuid=uuid)
    if workspace is None:
        raise Http404
    return workspace


def workspace_for_change(request, uuid) -> Workspace:
    """The workspace, if the user may act in it (``Workspace.changeable_by``)."""
    workspace = workspace_or_404(request, uuid)
    if not workspace.changeable:
        raise PermissionDenied
    return workspace


def zaak_or_404(workspace: Workspace, identificatie: str) -> Zaak:
    zaak = (
        selectors.zaken_in(workspace=workspace)
        .select_related("resultaat__resultaattype")
        .filter(identificatie=identificatie)
        .first()
    )
    if zaak is None:
        raise Http404
    return zaak
