"""A learner's practice environments: list, start, delete, and the sandbox clock."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sandbox import selectors
from sandbox.errors import SandboxRuleError
from sandbox.forms import ClockAdvanceForm, WorkspaceCreateForm
from sandbox.services import (
    workspace_clock_advance,
    workspace_create,
    workspace_delete,
)
from sandbox.views._access import workspace_for_change, workspace_or_404


@require_http_methods(["GET", "POST"])
def workspace_list(request):
    form = WorkspaceCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # A free-practice workspace: no scenario, an empty case system.
        workspace = workspace_create(owner=request.user, name=form.cleaned_data["name"])
        messages.success(request, _("Your practice environment is ready."))
        return redirect("sandbox:werkvoorraad", workspace=workspace.uuid)
    workspaces = list(selectors.workspaces_for(user=request.user))
    return render(
        request,
        "sandbox/workspace_list.html",
        {
            "form": form,
            "own": [w for w in workspaces if w.owner_id == request.user.pk],
            "coached": [w for w in workspaces if w.owner_id != request.user.pk],
        },
    )


@require_http_methods(["GET", "POST"])
def workspace_delete_view(request, workspace):
    workspace = workspace_for_change(request, workspace)
    if request.method == "POST":
        workspace_delete(workspace=workspace, actor=request.user)
        messages.success(
            request,
            _("Practice environment “%(name)s” and all its data were deleted.")
            % {"name": workspace.name},
        )
        return redirect("sandbox:workspace_list")
    return render(
        request,
        "sandbox/workspace_delete.html",
        {"workspace": workspace},
    )


@require_http_methods(["GET", "POST"])
def clock_advance(request, workspace):
    workspace = workspace_for_change(request, workspace)
    form = ClockAdvanceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            workspace_clock_advance(
                workspace=workspace,
                actor=request.user,
                working_days=form.cleaned_data["working_days"],
            )
        except SandboxRuleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The sandbox clock was moved forward."))
            return redirect("sandbox:werkvoorraad", workspace=workspace.uuid)
    return render(
        request,
        "sandbox/clock_advance.html",
        {"workspace": workspace, "form": form},
    )


def workspace_home(request, workspace):
    workspace = workspace_or_404(request, workspace)
    return redirect("sandbox:werkvoorraad", workspace=workspace.uuid)
