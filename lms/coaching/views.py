"""Front-end pages of coaching: asking for help and the conversation, the coaching
dashboard, a colleague's overview and timeline, sign-offs, availability, response
figures and the access log."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms.coaching import selectors, services
from lms.coaching.forms import (
    AbsenceForm,
    CoachProfileForm,
    HelpRequestForm,
    MessageForm,
    SignOffForm,
    VisitForm,
    WithdrawForm,
)
from lms.coaching.models import (
    CoachAbsence,
    CoachAccessLog,
    CoachProfile,
    HelpAttachment,
    HelpRequest,
    VisitProposal,
)
from lms.core.signals import learner_record_viewed

User = get_user_model()

VIEW_ACCESS_LOG = "coaching.view_coachaccesslog"
VIEW_HELP_METRICS = "coaching.view_help_metrics"


def _require_coach(request):
    if not selectors.is_coach(request.user):
        raise PermissionDenied


def _coached_learner_or_404(request, user_id: int):
    """A colleague on one of the coach's floors; anyone else is a 404, so a coach
    cannot even learn whether someone exists elsewhere."""
    _require_coach(request)
    profile = (
        selectors.coached_learners(coach=request.user)
        .select_related("user", "floor__building", "department", "job_function")
        .filter(user_id=user_id)
        .first()
    )
    if profile is None:
        raise Http404
    return profile


def _viewed(request, learner, what: str, object_id="") -> None:
    learner_record_viewed.send(
        sender=None,
        viewer=request.user,
        learner=learner,
        what=what,
        object_id=object_id,
    )


# --- Help requests ------------------------------------------------------------------


def index(request):
    if selectors.is_coach(request.user):
        return redirect("coaching:dashboard")
    return redirect("coaching:request_list")


def request_list(request):
    visible = HelpRequest.objects.visible_to(request.user).select_related(
        "learner", "floor__building", "handled_by"
    )
    status = request.GET.get("status", "")
    is_coach = selectors.is_coach(request.user)
    own = visible.filter(learner=request.user)
    floor_requests = visible.exclude(learner=request.user) if is_coach else None
    if floor_requests is not None:
        if status in HelpRequest.Status.values:
            floor_requests = floor_requests.filter(status=status)
        elif status != "all":
            floor_requests = floor_requests.open()
    return render(
        request,
        "coaching/request_list.html",
        {
            "own": own,
            "floor_requests": floor_requests,
            "is_coach": is_coach,
            "status": status,
            "statuses": HelpRequest.Status.choices,
            "my_coaches": selectors.my_coach_cards(user=request.user),
        },
    )


def _initial_from_query(request) -> dict:
    """The page the learner came from hands its context over in the query string."""
    get = request.GET
    initial = {
        "context_kind": get.get("kind")
        if get.get("kind") in HelpRequest.ContextKind.values
        else HelpRequest.ContextKind.OTHER,
        "context_label": get.get("label", "")[:300],
        "page_url": selectors.safe_page_url(get.get("next", "")),
    }
    for name in HelpRequestForm.REF_FIELDS:
        if get.get(name):
            initial[f"ref_{name}"] = get[name][:100]
    return initial


@require_http_methods(["GET", "POST"])
def request_new(request):
    if request.method == "POST":
        form = HelpRequestForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                help_request = services.help_request_create(
                    learner=request.user,
                    subject=data["subject"],
                    body=data["body"],
                    context_kind=data["context_kind"] or HelpRequest.ContextKind.OTHER,
                    context_label=data["context_label"],
                    page_url=data["page_url"],
                    context_ref=form.context_ref(),
                    attachments=data["attachments"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your question has been sent to the ICT experts of your floor."),
                )
                return redirect("coaching:request_detail", pk=help_request.pk)
    else:
        form = HelpRequestForm(initial=_initial_from_query(request))
    initial = form.initial if not form.is_bound else form.data
    return render(
        request,
        "coaching/request_new.html",
        {
            "form": form,
            "context_label": initial.get("context_label", ""),
            "page_url": selectors.safe_page_url(initial.get("page_url", "")),
            "my_coaches": selectors.my_coach_cards(user=request.user),
            "recent_actions": selectors.recent_actions_display(
                selectors.recent_actions(user=request.user)
            ),
        },
    )


def _visible_request_or_404(request, pk: int) -> HelpRequest:
    return get_object_or_404(
        HelpRequest.objects.visible_to(request.user).select_related(
            "learner", "floor__building", "handled_by"
        ),
        pk=pk,
    )


def request_detail(request, pk: int, message_form=None, visit_form=None):
    help_request = _visible_request_or_404(request, pk)
    is_learner = help_request.learner_id == request.user.pk
    is_coach = not is_learner
    if is_coach and request.method == "GET":
        _viewed(request, help_request.learner, "help_request", help_request.pk)
    conversation = help_request.messages.select_related("author").prefetch_related(
        "attachments"
    )
    attempt_url = ""
    attempt = help_request.context_ref.get("attempt")
    if attempt and is_coach:
        attempt_url = selectors.sandbox_replay_url(attempt)
    context_links = selectors.context_links(help_request.context_ref)
    return render(
        request,
        "coaching/request_detail.html",
        {
            "help_request": help_request,
            "conversation": conversation,
            "visits": help_request.visits.select_related("coach"),
            "is_learner": is_learner,
            "is_coach": is_coach,
            "status_changes": [
                (value, HelpRequest.Status(value).label)
                for value in services.status_changes_for(help_request, request.user)
            ],
            "message_form": message_form or MessageForm(),
            "visit_form": visit_form or VisitForm(),
            "recent_actions": selectors.recent_actions_display(
                help_request.recent_actions
            ),
            "attempt_url": attempt_url,
            "context_links": context_links,
            "page_url": selectors.safe_page_url(help_request.page_url),
        },
    )


@require_POST
def request_reply(request, pk: int):
    help_request = _visible_request_or_404(request, pk)
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.help_message_add(
                help_request=help_request,
                author=request.user,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your reply has been sent."))
            return redirect(
                reverse("coaching:request_detail", kwargs={"pk": pk}) + "#reply"
            )
    return request_detail(request, pk, message_form=form)


@require_POST
def request_status(request, pk: int):
    help_request = _visible_request_or_404(request, pk)
    try:
        help_request = services.help_request_status_set(
            help_request=help_request,
            actor=request.user,
            status=request.POST.get("status", ""),
        )
    except (ValueError, PermissionDenied):
        messages.error(request, _("This status change is not possible."))
    else:
        messages.success(
            request,
            _("Status changed to “%(status)s”.")
            % {"status": help_request.get_status_display()},
        )
    return redirect("coaching:request_detail", pk=pk)


@require_POST
def visit_propose(request, pk: int):
    help_request = _visible_request_or_404(request, pk)
    form = VisitForm(request.POST)
    if form.is_valid():
        try:
            services.help_visit_propose(
                help_request=help_request,
                coach=request.user,
                starts_at=form.cleaned_data["starts_at"],
                note=form.cleaned_data["note"],
            )
        except PermissionDenied:
            raise
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your proposal has been sent."))
            return redirect("coaching:request_detail", pk=pk)
    return request_detail(request, pk, visit_form=form)


@require_POST
def visit_respond(request, pk: int, visit: int):
    help_request = _visible_request_or_404(request, pk)
    visit = get_object_or_404(VisitProposal, pk=visit, request=help_request)
    try:
        services.help_visit_respond(
            visit=visit,
            learner=request.user,
            accept=request.POST.get("answer") == "yes",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your answer has been sent."))
    return redirect("coaching:request_detail", pk=pk)


def attachment_download(request, pk: int, attachment: int):
    help_request = _visible_request_or_404(request, pk)
    attachment = get_object_or_404(
        HelpAttachment, pk=attachment, message__request=help_request
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=not attachment.content_type.startswith("image/"),
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Coaching dashboard ---------------------------------------------------------------


def dashboard(request):
    _require_coach(request)
    get = request.GET
    floors = selectors.coach_floors(coach=request.user)
    floor_ids = {f.pk for f in floors}
    try:
        floor = int(get.get("floor", "") or 0) or None
    except ValueError:
        floor = None
    filters = selectors.DashboardFilters(
        floor=floor if floor in floor_ids else None,
        signal=get.get("signal", "")
        if get.get("signal") in selectors.DashboardFilters.SIGNALS
        else "",
        query=get.get("q", "").strip()[:100],
        sort=get.get("sort")
        if get.get("sort") in selectors.DashboardFilters.SORTS
        else "attention",
    )
    rows = selectors.coaching_dashboard(coach=request.user, filters=filters)
    open_requests = (
        HelpRequest.objects.visible_to(request.user)
        .open()
        .exclude(learner=request.user)
        .select_related("learner", "floor__building")
        .order_by("created_at")
    )
    figures = [
        m
        for m in selectors.help_metrics(since=timezone.now() - timedelta(days=90))
        if m.floor is not None and m.floor.pk in floor_ids
    ]
    return render(
        request,
        "coaching/dashboard.html",
        {
            "figures": figures,
            "rows": rows,
            "filters": filters,
            "floors": floors,
            "open_requests": open_requests[:10],
            "open_count": open_requests.count(),
            "sorts": [
                ("attention", _("Needs attention")),
                ("name", _("Name")),
                ("progress", _("Progress")),
                ("activity", _("Last activity")),
                ("floor", _("Floor")),
            ],
            "signals": [
                ("help", _("Open help request")),
                ("overdue", _("Overdue mandatory training")),
                ("failures", _("Repeated failed attempts")),
                ("stalled", _("Stalled")),
            ],
            "stalled_days": selectors.STALLED_DAYS,
            "failed_window": selectors.FAILED_WINDOW_DAYS,
        },
    )


def learner_detail(request, user_id: int):
    profile = _coached_learner_or_404(request, user_id)
    learner = profile.user
    _viewed(request, learner, "learner_detail", learner.pk)
    (row,) = selectors.coaching_dashboard(
        coach=request.user,
        filters=selectors.DashboardFilters(learner=learner.pk),
    ) or [None]
    attempts = selectors.sandbox_attempts_for(viewer=request.user, learner=learner)
    return render(
        request,
        "coaching/learner_detail.html",
        {
            "profile": profile,
            "learner": learner,
            "row": row,
            "help_requests": HelpRequest.objects.visible_to(request.user)
            .filter(learner=learner)
            .select_related("floor__building")[:20],
            "signoffs": selectors.learner_signoffs(learner=learner),
            "attempts": attempts,
            "timeline": selectors.learner_timeline(user=learner, limit=10)[0],
        },
    )


def learner_timeline(request, user_id: int):
    profile = _coached_learner_or_404(request, user_id)
    learner = profile.user
    before = request.GET.get("before")
    before = int(before) if before and before.isdigit() else None
    _viewed(request, learner, "timeline", learner.pk)
    entries, next_before = selectors.learner_timeline(
        user=learner, limit=50, before=before
    )
    return render(
        request,
        "coaching/learner_timeline.html",
        {
            "profile": profile,
            "learner": learner,
            "entries": entries,
            "next_before": next_before,
        },
    )


# --- Sign-offs ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def signoff_new(request):
    _require_coach(request)
    learners = User.objects.filter(
        pk__in=selectors.coached_learners(coach=request.user).values("user_id")
    ).order_by("first_name", "last_name")
    competences = list(selectors.competences_for_signoff())
    initial = {}
    if request.GET.get("learner", "").isdigit():
        initial["learner"] = int(request.GET["learner"])
    form = SignOffForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        learners=learners,
        competences=competences,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            signoff = services.signoff_record(
                coach=request.user,
                learner=data["learner"],
                competence=data["competence_obj"],
                level=data["level"],
                note=data["note"],
                observed_on=data["observed_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Sign-off recorded: %(competence)s, level %(level)s.")
                % {"competence": signoff.competence.name, "level": signoff.level},
            )
            return redirect("coaching:learner_detail", user_id=signoff.learner_id)
    return render(
        request,
        "coaching/signoff_new.html",
        {"form": form, "competences": competences},
    )


@require_http_methods(["GET", "POST"])
def signoff_withdraw(request, pk: int):
    _require_coach(request)
    signoff = get_object_or_404(selectors.coach_signoffs(coach=request.user), pk=pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signoff_withdraw(
                signoff=signoff, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The sign-off has been withdrawn."))
            return redirect("coaching:learner_detail", user_id=signoff.learner_id)
    return render(
        request, "coaching/signoff_withdraw.html", {"form": form, "signoff": signoff}
    )


def my_signoffs(request):
    return render(
        request,
        "coaching/my_signoffs.html",
        {"signoffs": selectors.learner_signoffs(learner=request.user)},
    )


# --- Availability and stand-ins -------------------------------------------------------


@require_http_methods(["GET", "POST"])
def availability(request):
    _require_coach(request)
    profile = CoachProfile.objects.filter(user=request.user).first()
    stand_ins = (
        User.objects.filter(is_active=True, groups__permissions__codename="coach_floor")
        .exclude(pk=request.user.pk)
        .distinct()
        .order_by("first_name", "last_name")
    )
    profile_form = CoachProfileForm(
        request.POST if request.POST.get("form") == "profile" else None,
        initial={
            "location": profile.location if profile else "",
            "availability": profile.availability if profile else "",
            "phone": profile.phone if profile else "",
        },
    )
    absence_form = AbsenceForm(
        request.POST if request.POST.get("form") == "absence" else None,
        stand_ins=stand_ins,
        prefix="absence",
    )
    if request.method == "POST":
        if request.POST.get("form") == "profile" and profile_form.is_valid():
            services.coach_profile_set(user=request.user, **profile_form.cleaned_data)
            messages.success(request, _("Your availability has been saved."))
            return redirect("coaching:availability")
        if request.POST.get("form") == "absence" and absence_form.is_valid():
            try:
                services.coach_absence_add(
                    coach=request.user, **absence_form.cleaned_data
                )
            except ValidationError as error:
                absence_form.add_error(None, error)
            else:
                messages.success(request, _("Your absence has been saved."))
                return redirect("coaching:availability")
        if request.POST.get("form") == "delete_absence":
            absence = get_object_or_404(
                CoachAbsence, pk=request.POST.get("absence"), coach=request.user
            )
            services.coach_absence_delete(absence=absence, actor=request.user)
            messages.success(request, _("The absence has been removed."))
            return redirect("coaching:availability")
    return render(
        request,
        "coaching/availability.html",
        {
            "profile_form": profile_form,
            "absence_form": absence_form,
            "absences": CoachAbsence.objects.filter(
                coach=request.user, ends_on__gte=timezone.localdate()
            ).select_related("stand_in"),
            "standing_in": CoachAbsence.objects.filter(
                stand_in=request.user, ends_on__gte=timezone.localdate()
            ).select_related("coach"),
            "floors": selectors.coach_floors(coach=request.user),
        },
    )


# --- Figures and the access log -------------------------------------------------------

PERIODS = {"30": 30, "90": 90, "365": 365}


def metrics(request):
    if not (
        selectors.is_coach(request.user) or request.user.has_perm(VIEW_HELP_METRICS)
    ):
        raise PermissionDenied
    period = request.GET.get("period", "90")
    days = PERIODS.get(period, 90)
    since = timezone.now() - timedelta(days=days)
    return render(
        request,
        "coaching/metrics.html",
        {
            "rows": selectors.help_metrics(since=since),
            "period": str(days),
            "periods": [
                ("30", _("last 30 days")),
                ("90", _("last 90 days")),
                ("365", _("last year")),
            ],
        },
    )


def access_log(request):
    if not request.user.has_perm(VIEW_ACCESS_LOG):
        raise PermissionDenied
    entries = CoachAccessLog.objects.visible_to(request.user).select_related(
        "viewer", "learner"
    )
    query = request.GET.get("q", "").strip()[:100]
    if query:
        from django.db.models import Q

        entries = entries.filter(
            Q(learner__email__icontains=query)
            | Q(learner__last_name__icontains=query)
            | Q(viewer__email__icontains=query)
            | Q(viewer__last_name__icontains=query)
        )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "coaching/access_log.html",
        {"page_obj": page, "query": query, "labels": services.ACCESS_WHAT_LABELS},
    )
