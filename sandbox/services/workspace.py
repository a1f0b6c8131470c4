"""Creating, timing and deleting practice workspaces."""

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sandbox.clock import add_working_days, advance
from sandbox.durations import IsoDuration
from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import EnkelvoudigInformatieObjectVersie, Workspace
from sandbox.models.choices import Scope
from sandbox.models.workspace import DEMO_RSIN
from sandbox.services._actions import Actor, begin, sandbox_action, trace


def _default_start() -> datetime:
    # A working morning, so a fresh workspace does not start at midnight.
    return timezone.make_aware(datetime.combine(timezone.localdate(), time(9)))


@transaction.atomic
def workspace_create(
    *,
    owner,
    name: str,
    clock_start: datetime | None = None,
    scopes: Iterable[str] = (),
    bronorganisatie: str = DEMO_RSIN,
) -> Workspace:
    """A new, empty practice environment for ``owner`` (one per attempt)."""
    scopes = sorted(set(scopes))
    unknown = set(scopes) - set(Scope.values)
    if unknown:
        raise ValueError(f"unknown scopes {sorted(unknown)}")
    workspace = Workspace.objects.create(
        owner=owner,
        name=name[:200],
        clock=clock_start or _default_start(),
        scopes=scopes,
        bronorganisatie=bronorganisatie,
    )
    trace(
        workspace,
        "workspace_create",
        actor=owner,
        payload={"name": workspace.name, "clock": workspace.clock, "scopes": scopes},
    )
    return workspace


@sandbox_action("workspace_clock_advance")
def workspace_clock_advance(
    *,
    workspace: Workspace,
    actor: Actor,
    to: datetime | None = None,
    by: str | IsoDuration | timedelta | None = None,
    working_days: int | None = None,
) -> Workspace:
    """Move the sandbox clock forward: to a moment, by an ISO duration ("P3D",
    "PT2H") or by a number of working days (same time of day). Time never runs
    backwards: deadlines already passed stay passed."""
    workspace = begin(workspace, actor)
    if sum(option is not None for option in (to, by, working_days)) != 1:
        raise ValueError("give exactly one of to, by, working_days")
    before = workspace.clock
    if to is not None:
        after = to
    elif working_days is not None:
        local = timezone.localtime(before)
        day = add_working_days(local.date(), working_days)
        after = timezone.make_aware(
            datetime.combine(day, local.time().replace(tzinfo=None))
        )
    elif isinstance(by, timedelta):
        after = before + by
    else:
        try:
            after = advance(before, by)
        except ValueError:
            raise SandboxRuleError(
                Rule.CLOCK_STEP, _("Enter a period such as P1D (one day).")
            ) from None
    if after < before:
        raise SandboxRuleError(
            Rule.CLOCK_BACKWARDS, _("The sandbox clock cannot be turned back.")
        )
    workspace.clock = after
    workspace.save(update_fields=["clock"])
    trace(
        workspace,
        "workspace_clock_advance",
        actor=actor,
        payload={"from": before, "to": after},
    )
    return workspace


@transaction.atomic
def workspace_delete(*, workspace: Workspace, actor: Actor) -> None:
    """Delete the attempt with all its zaken, documents, decisions, trace and
    files (zrc-023: a hard delete, nothing kept)."""
    workspace = Workspace.objects.select_for_update().get(pk=workspace.pk)
    if actor is not None and workspace.owner_id != actor.pk:
        raise PermissionDenied("Only the owner can delete a practice workspace.")
    names = set(
        EnkelvoudigInformatieObjectVersie.objects.filter(document__workspace=workspace)
        .exclude(inhoud="")
        .values_list("inhoud", flat=True)
    )
    storage = EnkelvoudigInformatieObjectVersie._meta.get_field("inhoud").storage
    workspace.delete()
    # Files go only once the rows are gone for good.
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
