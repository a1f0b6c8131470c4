"""What every sandbox action shares: who may act, the action trace, the xAPI hook.

Each public service is wrapped in :func:`sandbox_action`. It runs the service in
one transaction; when the service refuses (:class:`SandboxRuleError`), the
refusal is written to the trace after the rollback, so the coach's replay and
the assessment also see what the learner tried and was not allowed to do.
"""

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeAlias, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import ActionLog, Workspace, Zaak
from sandbox.models.choices import Scope

if TYPE_CHECKING:
    from lms.accounts.models import User

P = ParamSpec("P")
R = TypeVar("R")
# Who acts: the workspace's owner, or None for the scenario itself.
Actor: TypeAlias = "User | None"


def _record(
    *,
    workspace: Workspace,
    actor: Actor,
    action: str,
    outcome: str,
    payload: dict[str, Any],
    sandbox_time,
) -> None:
    """xAPI call site for every sandbox action (done or refused): INTERACTED on
    the kind of action, in the attempt's registration with the scenario as parent
    and the sandbox time as a context extension; moving the clock also delivers
    the scenario's events that are due (``sandbox.scenarios.services``)."""
    from sandbox.scenarios.services import action_record

    action_record(
        workspace=workspace,
        actor=actor,
        action=action,
        outcome=outcome,
        payload=payload,
        sandbox_time=sandbox_time,
    )


def sandbox_action(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def decorator(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                with transaction.atomic():
                    return func(*args, **kwargs)
            except SandboxRuleError as error:
                _trace_refusal(name, kwargs, error)
                raise

        wrapper.action_name = name  # type: ignore[attr-defined]
        return wrapper

    return decorator


def begin(workspace: Workspace | int, actor: Actor) -> Workspace:
    """Lock the workspace row for this action and check that ``actor`` may act.

    ``actor`` None is the scenario itself (setting up the starting state, a
    citizen's reply arriving); otherwise only the owner acts: a coach watching a
    workspace read-only is refused here, before anything is checked or traced.
    """
    pk = workspace.pk if isinstance(workspace, Workspace) else workspace
    locked = Workspace.objects.select_for_update().get(pk=pk)
    if actor is not None and locked.owner_id != actor.pk:
        raise PermissionDenied("Only the owner can act in a practice workspace.")
    return locked


def next_number(workspace: Workspace, counter: str) -> int:
    Workspace.objects.filter(pk=workspace.pk).update(**{counter: F(counter) + 1})
    value = (
        Workspace.objects.filter(pk=workspace.pk).values_list(counter, flat=True).get()
    )
    setattr(workspace, counter, value)
    return value


def trace(
    workspace: Workspace,
    action: str,
    *,
    actor: Actor,
    zaak: Zaak | None = None,
    payload: dict[str, Any] | None = None,
    outcome: str = ActionLog.Outcome.DONE,
    rule: str = "",
) -> ActionLog:
    payload = dict(payload or {})
    if zaak is not None:
        payload.setdefault("zaak", zaak.identificatie)
        payload.setdefault("zaak_uuid", str(zaak.uuid))
    entry = ActionLog.objects.create(
        workspace=workspace,
        sequence=next_number(workspace, "action_counter"),
        action=action,
        outcome=outcome,
        rule=rule,
        actor=actor,
        zaak=zaak,
        payload=payload,
        sandbox_time=workspace.clock,
        real_time=timezone.now(),
    )
    _record(
        workspace=workspace,
        actor=actor,
        action=action,
        outcome=outcome,
        payload=payload,
        sandbox_time=workspace.clock,
    )
    return entry


def _trace_refusal(name: str, kwargs: dict[str, Any], error: SandboxRuleError) -> None:
    workspace_id, zaak = _subject(kwargs)
    if workspace_id is None:
        return
    actor = kwargs.get("actor")
    with transaction.atomic():
        workspace = Workspace.objects.select_for_update().get(pk=workspace_id)
        if actor is not None and workspace.owner_id != actor.pk:
            return
        if zaak is not None and not Zaak.objects.filter(pk=zaak.pk).exists():
            zaak = None
        trace(
            workspace,
            name,
            actor=actor,
            zaak=zaak,
            payload={"message": error.message},
            outcome=ActionLog.Outcome.REFUSED,
            rule=str(error.rule),
        )


def _subject(kwargs: dict[str, Any]) -> tuple[int | None, Zaak | None]:
    zaak = kwargs.get("zaak")
    if isinstance(zaak, Zaak):
        return zaak.workspace_id, zaak
    workspace = kwargs.get("workspace")
    if isinstance(workspace, Workspace):
        return workspace.pk, None
    for key in ("document", "besluit"):
        obj = kwargs.get(key)
        if obj is not None and hasattr(obj, "workspace_id"):
            return obj.workspace_id, None
    return None, None


# --- Guards shared by the services ------------------------------------------------


def ensure_same_workspace(workspace: Workspace, *objects) -> None:
    """Objects from another workspace never meet: a learner cannot link another
    learner's document or case, whatever ids a form posts."""
    for obj in objects:
        if obj is not None and obj.workspace_id != workspace.pk:
            raise SandboxRuleError(
                Rule.OTHER_WORKSPACE,
                _("That item does not exist in this practice environment."),
            )


def ensure_open(workspace: Workspace, zaak: Zaak) -> None:
    """zrc-007: a closed zaak (and everything under it) stays as it was, unless the
    learner holds the scope for corrections (geforceerd bijwerken)."""
    if zaak.is_closed and not workspace.has_scope(Scope.ZAKEN_GEFORCEERD_BIJWERKEN):
        raise SandboxRuleError(
            Rule.ZAAK_CLOSED,
            _(
                "Case %(zaak)s is closed, so it can no longer be changed. "
                "Reopen it first if something has to change."
            )
            % {"zaak": zaak.identificatie},
        )


def require_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise SandboxRuleError(Rule.REASON_REQUIRED, message)
    return value
