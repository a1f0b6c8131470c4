"""Scenarios and attempts: choose a scenario, start it (from the list or from a
lesson), see the briefing, tasks and inbox while working, hand in, the result,
reset and retry, and the read-only replay for the learner and their coach."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.core.sanitize import sanitize_html
from lms.core.signals import learner_record_viewed
from sandbox.models import ActionLog, Zaak
from sandbox.scenarios import selectors
from sandbox.scenarios.assessment import attempt_subject
from sandbox.scenarios.lessons import lesson_link
from sandbox.scenarios.services import (
    attempt_delete,
    attempt_finish,
    attempt_inbox,
    attempt_reset,
    attempt_retry,
    attempt_start,
)


def _attempt_or_404(request, uuid):
    attempt = selectors.attempt_get(viewer=request.user, uuid=uuid)
    if attempt is None:
        raise Http404
    if attempt.learner_id != request.user.pk:
        # A coach opening a colleague's practice work: coaching keeps the log.
        learner_record_viewed.send(
            sender=type(attempt),
            viewer=request.user,
            learner=attempt.learner,
            what="sandbox_attempt",
            object_id=str(attempt.uuid),
        )
    return attempt


def _own_attempt(request, uuid):
    attempt = _attempt_or_404(request, uuid)
    if attempt.learner_id != request.user.pk:
        raise PermissionDenied
    return attempt


@require_GET
def scenario_list(request):
    return render(
        request,
        "sandbox/scenarios/scenario_list.html",
        {
            "scenarios": list(selectors.scenarios_offered()),
            "attempts": list(
                selectors.attempts_visible(viewer=request.user, learner=request.user)
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def scenario_detail(request, slug):
    scenario = selectors.scenario_offered(slug=slug)
    if scenario is None:
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    link = None
    if source.get("registration") and source.get("assignment"):
        link = lesson_link(
            user=request.user,
            slug=slug,
            registration=source["registration"],
            assignment=source["assignment"],
        )
    if request.method == "POST":
        attempt = attempt_start(
            scenario=scenario,
            learner=request.user,
            course_registration=link.course_registration if link else None,
            assignment_id=link.assignment_id if link else None,
            return_url=link.lesson_url if link else "",
        )
        messages.success(request, _("Your attempt has started. Good luck!"))
        return redirect("sandbox:attempt", attempt=attempt.uuid)
    from sandbox.scenarios.authoring import scenario_definition

    return render(
        request,
        "sandbox/scenarios/scenario_detail.html",
        {
            "scenario": scenario,
            "briefing": sanitize_html(scenario.briefing),
            "definition": scenario_definition(scenario),
            "competences": list(scenario.competences.all()),
            "link": link,
            "registration": source.get("registration", "") if link else "",
            "assignment": source.get("assignment", "") if link else "",
            "attempts": list(
                selectors.attempts_visible(
                    viewer=request.user, learner=request.user
                ).filter(scenario=scenario)
            ),
        },
    )


@require_GET
def attempt_detail(request, attempt):
    attempt = _attempt_or_404(request, attempt)
    if attempt.is_finished:
        return redirect("sandbox:attempt_result", attempt=attempt.uuid)
    workspace = attempt.workspace
    if workspace is None:
        # Its practice environment was deleted from the list: start over.
        if attempt.learner_id == request.user.pk:
            return redirect("sandbox:attempt_reset", attempt=attempt.uuid)
        raise Http404
    workspace.changeable = attempt.learner_id == request.user.pk
    return render(
        request,
        "sandbox/scenarios/attempt_detail.html",
        {
            "attempt": attempt,
            "workspace": workspace,
            "briefing": sanitize_html(attempt.scenario.briefing),
            "tasks": attempt.definition.get("tasks", []),
            "inbox": attempt_inbox(attempt),
            "own": attempt.learner_id == request.user.pk,
        },
    )


@require_http_methods(["GET", "POST"])
def attempt_finish_view(request, attempt):
    attempt = _own_attempt(request, attempt)
    if attempt.is_finished:
        return redirect("sandbox:attempt_result", attempt=attempt.uuid)
    if request.method == "POST":
        attempt = attempt_finish(attempt=attempt, actor=request.user)
        return redirect("sandbox:attempt_result", attempt=attempt.uuid)
    return render(
        request,
        "sandbox/scenarios/attempt_confirm.html",
        {
            "attempt": attempt,
            "title": _("Hand in your attempt"),
            "text": _(
                "When you hand in, your work is assessed and you can no longer "
                "change it. Have you done every task?"
            ),
            "button": _("Hand in"),
        },
    )


@require_http_methods(["GET", "POST"])
def attempt_reset_view(request, attempt):
    attempt = _own_attempt(request, attempt)
    if attempt.is_finished:
        return redirect("sandbox:attempt_result", attempt=attempt.uuid)
    if request.method == "POST":
        attempt = attempt_reset(attempt=attempt, actor=request.user)
        messages.success(request, _("You are starting over with a fresh case system."))
        return redirect("sandbox:attempt", attempt=attempt.uuid)
    return render(
        request,
        "sandbox/scenarios/attempt_confirm.html",
        {
            "attempt": attempt,
            "title": _("Start over"),
            "text": _(
                "Everything you did in this attempt is deleted and the scenario "
                "starts again from the beginning."
            ),
            "button": _("Start over"),
            "danger": True,
        },
    )


@require_http_methods(["GET", "POST"])
def attempt_delete_view(request, attempt):
    attempt = _own_attempt(request, attempt)
    if request.method == "POST":
        title = attempt.definition.get("title", "")
        attempt_delete(attempt=attempt, actor=request.user)
        messages.success(
            request,
            _("Your attempt at “%(title)s” and all its data were deleted.")
            % {"title": title},
        )
        return redirect("sandbox:scenario_list")
    return render(
        request,
        "sandbox/scenarios/attempt_confirm.html",
        {
            "attempt": attempt,
            "title": _("Delete this attempt"),
            "text": _(
                "The attempt, its cases, documents, trace and result are deleted "
                "for good. Your learning record keeps that you practised."
            ),
            "button": _("Delete"),
            "danger": True,
        },
    )


@require_POST
def attempt_retry_view(request, attempt):
    attempt = _own_attempt(request, attempt)
    new = attempt_retry(attempt=attempt, actor=request.user)
    messages.success(request, _("A new attempt has started."))
    return redirect("sandbox:attempt", attempt=new.uuid)


@require_GET
def attempt_result(request, attempt):
    attempt = _attempt_or_404(request, attempt)
    if not attempt.is_finished:
        return redirect("sandbox:attempt", attempt=attempt.uuid)
    codes = {
        r["competence"] for r in attempt.results if r["competence"] and not r["passed"]
    }
    from badges.models import Competence

    to_practise = list(Competence.objects.filter(code__in=codes)) if codes else []
    study = [
        {"title": link.value["title"], "url": link.value["page"].url}
        for link in attempt.scenario.study
        if link.value["page"] is not None and link.value["page"].live
    ]
    return render(
        request,
        "sandbox/scenarios/attempt_result.html",
        {
            "attempt": attempt,
            "own": attempt.learner_id == request.user.pk,
            "passed_results": [r for r in attempt.results if r["passed"]],
            "failed_results": [r for r in attempt.results if not r["passed"]],
            "to_practise": to_practise,
            "study": study,
            "replay_url": selectors.attempt_replay_url(attempt),
        },
    )


@require_GET
def attempt_replay(request, attempt):
    """The trace step by step on the sandbox clock, the cases as they ended, and
    (once handed in) the checks. Read-only for everyone."""
    attempt = _attempt_or_404(request, attempt)
    workspace = attempt.workspace
    steps = (
        list(
            ActionLog.objects.filter(workspace=workspace)
            .select_related("actor")
            .order_by("sequence")
        )
        if workspace
        else []
    )
    try:
        current = int(request.GET.get("stap", "") or (len(steps) or 1))
    except ValueError:
        current = len(steps)
    current = min(max(current, 1), max(len(steps), 1))
    step = steps[current - 1] if steps else None
    zaken = (
        list(
            Zaak.objects.filter(workspace=workspace).select_related(
                "zaaktype", "status__statustype", "resultaat__resultaattype"
            )
        )
        if workspace
        else []
    )
    subject = attempt_subject(attempt, steps, zaken) if workspace else None
    return render(
        request,
        "sandbox/scenarios/attempt_replay.html",
        {
            "attempt": attempt,
            "steps": steps,
            "step": step,
            "current": current,
            "previous": current - 1 if current > 1 else None,
            "next": current + 1 if current < len(steps) else None,
            "step_details": _details(step) if step else [],
            "zaken": zaken,
            "subject": subject,
            "own": attempt.learner_id == request.user.pk,
        },
    )


_HIDDEN_KEYS = {
    "zaak_uuid",
    "zaaktype_uuid",
    "statustype_uuid",
    "roltype_uuid",
    "resultaattype_uuid",
    "besluittype_uuid",
    "informatieobjecttype_uuid",
}


def _details(step: ActionLog) -> list[tuple[str, str]]:
    rows = []
    for key, value in (step.payload or {}).items():
        if key in _HIDDEN_KEYS or value in (None, "", [], {}):
            continue
        if isinstance(value, dict):
            value = ", ".join(
                f"{k}: {v}" for k, v in value.items() if v not in (None, "", [])
            )
        rows.append((key.replace("_", " "), str(value)))
    return rows
