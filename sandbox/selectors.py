"""Reads the practice UI shares. Every zaak is reached through a workspace the user
may see, so no view can forget the isolation."""

from datetime import date
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet

from sandbox.models import ActionLog, Workspace, Zaak, ZaakType
from sandbox.models.choices import RolOmschrijvingGeneriek


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


# --- The practice UI -------------------------------------------------------------


def medewerker_identificatie(user) -> str:
    """The user name a learner has in the practice zaaksysteem: the local part of
    their e-mail address (Medewerker.identificatie holds at most 24 characters)."""
    return (user.email or str(user.pk)).split("@")[0][:24]


def workspace_open(*, user, uuid: UUID | str) -> Workspace | None:
    """The workspace ``uuid`` if ``user`` may see it, in one query, annotated with
    ``changeable``: whether ``user`` may also act in it (``changeable_by``)."""
    changeable = Workspace.objects.changeable_by(user).filter(pk=OuterRef("pk"))
    return (
        Workspace.objects.visible_to(user)
        .select_related("owner", "attempt")
        .annotate(changeable=Exists(changeable))
        .filter(uuid=uuid)
        .first()
    )


def werkvoorraad(
    *, workspace: Workspace, user, mine: bool = False, query: str = ""
) -> QuerySet[Zaak]:
    """The work queue: open zaken of the team, or only those the user handles;
    a search (case number, BSN or name) also finds closed zaken."""
    zaken = zaken_in(workspace=workspace)
    if mine:
        zaken = zaken.filter(
            rollen__roltype__omschrijving_generiek=RolOmschrijvingGeneriek.BEHANDELAAR,
            rollen__medewerker__identificatie=medewerker_identificatie(user),
        )
    query = query.strip()
    if query:
        zaken = zaken.filter(
            Q(identificatie__icontains=query)
            | Q(omschrijving__icontains=query)
            | Q(rollen__natuurlijk_persoon__inp_bsn=query)
            | Q(rollen__natuurlijk_persoon__geslachtsnaam__icontains=query)
            | Q(rollen__niet_natuurlijk_persoon__statutaire_naam__icontains=query)
            | Q(rollen__niet_natuurlijk_persoon__kvk_nummer=query)
        )
    else:
        zaken = zaken.open()
    return zaken.distinct().order_by("uiterlijke_einddatum_afdoening", "identificatie")
