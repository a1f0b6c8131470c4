"""Reads the practice UI shares. Every zaak is reached through a workspace the user
may see, so no view can forget the isolation."""

from datetime import date
from uuid import UUID

from django.db.models import QuerySet

from sandbox.models import ActionLog, Workspace, Zaak, ZaakType


def workspaces_for(*, user) -> QuerySet[Workspace]:
    return Workspace.objects.visible_to(user).select_related("owner")


def workspace_get(
    *, user, uuid: UUID | str, for_change: bool = False
) -> Workspace | None:
    """The workspace with ``uuid`` if ``user`` may open it (or act in it, with
    ``for_change``); None otherwise, so a view answers 404 either way."""
    workspaces = (
        Workspace.objects.changeable_by(user)
        if for_change
        else Workspace.objects.visible_to(user)
    )
    return workspaces.filter(uuid=uuid).first()


def zaken_in(*, workspace: Workspace) -> QuerySet[Zaak]:
    return Zaak.objects.in_workspace(workspace).select_related(
        "zaaktype", "status__statustype"
    )


def zaak_get(*, workspace: Workspace, identificatie: str) -> Zaak | None:
    return zaken_in(workspace=workspace).filter(identificatie=identificatie).first()


def action_trace(*, workspace: Workspace) -> QuerySet[ActionLog]:
    return workspace.actions.select_related("actor", "zaak").order_by("sequence")


def zaaktypen_available(*, on: date) -> QuerySet[ZaakType]:
    """Case types a new zaak can be registered with on ``on`` (published, in force)."""
    return ZaakType.objects.valid_on(on).order_by("omschrijving")
