"""``{% load coaching %}``: who is my coach, and "Ask for help" with the page's
context, for any template (lessons, sandbox pages, the home page)."""

from datetime import timedelta
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.coaching import selectors

register = template.Library()


def _user(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return request, None
    return request, user


@register.inclusion_tag("coaching/includes/coach_cards.html", takes_context=True)
def my_coaches(context):
    """The ICT experts of the visitor's floor: where, when, and stand-ins."""
    _request, user = _user(context)
    return {"cards": selectors.my_coach_cards(user=user) if user else []}


def _detect(context) -> dict:
    """What the page shows, from its template context: a lesson or module page, a
    sandbox workspace (with its scenario attempt and zaak, if any)."""
    found: dict = {}
    page = context.get("page")
    workspace = context.get("workspace")
    attempt = context.get("attempt")
    if attempt is None and workspace is not None:
        attempt = getattr(workspace, "attempt", None)
    if attempt is not None and not hasattr(attempt, "scenario"):
        attempt = None
    if workspace is not None or attempt is not None:
        scenario = getattr(attempt, "scenario", None)
        found["kind"] = "scenario" if scenario is not None else "sandbox"
        if workspace is not None:
            found["label"] = str(getattr(workspace, "name", "") or "")
            found["workspace"] = str(getattr(workspace, "uuid", "") or "")
        if scenario is not None:
            found["scenario"] = str(getattr(scenario, "slug", "") or scenario)
            found["label"] = str(getattr(scenario, "title", "") or scenario)
        if attempt is not None:
            found["attempt"] = str(getattr(attempt, "uuid", None) or attempt.pk)
        zaak = context.get("zaak")
        if zaak is not None and getattr(zaak, "identificatie", None):
            found["zaak"] = zaak.identificatie
            found["label"] = f"{found.get('label', '')} · {zaak.identificatie}".strip(
                " ·"
            )
    elif page is not None and getattr(page, "pk", None):
        model = page.specific_class.__name__ if hasattr(page, "specific_class") else ""
        found["label"] = str(page.title)
        if model == "LessonPage":
            found["kind"] = "lesson"
            found["lesson"] = page.pk
        elif model == "ModulePage":
            found["kind"] = "module"
    return found


def _own_work(context, user) -> bool:
    """Someone looking at a colleague's work (a coach's replay) gets no help box."""
    workspace = context.get("workspace")
    owner = getattr(workspace, "owner_id", None)
    attempt = context.get("attempt")
    learner = getattr(attempt, "learner_id", None)
    return (owner is None or owner == user.pk) and (
        learner is None or learner == user.pk
    )


@register.inclusion_tag("coaching/includes/help_box.html", takes_context=True)
def help_button(context, **overrides):
    """ "Ask for help" with the coaches of the floor; the link carries the page's
    address and what it shows. Keyword arguments (kind, label, lesson, question,
    scenario, attempt, workspace, zaak, step) override what is detected;
    ``compact=True`` gives one line instead of a box (for page headers)."""
    request, user = _user(context)
    compact = bool(overrides.pop("compact", False))
    if user is None or not _own_work(context, user):
        return {"show": False}
    cards = selectors.my_coach_cards(user=user)
    params = _detect(context)
    params.update({k: v for k, v in overrides.items() if v not in (None, "")})
    if request is not None:
        params.setdefault("next", request.get_full_path())
    params.setdefault("kind", "other")
    label = params.get("label", "")
    return {
        "show": bool(cards),
        "compact": compact,
        "cards": cards,
        "label": label,
        "help_url": reverse("coaching:request_new")
        + "?"
        + urlencode({k: str(v)[:300] for k, v in params.items()}),
    }


@register.simple_tag(takes_context=True)
def help_url(context, **params):
    """Only the address of "Ask for help" with the current page as context."""
    request, _user_ = _user(context)
    data = _detect(context)
    data.update({k: v for k, v in params.items() if v not in (None, "")})
    if request is not None:
        data.setdefault("next", request.get_full_path())
    return (
        reverse("coaching:request_new")
        + "?"
        + urlencode({k: str(v)[:300] for k, v in data.items()})
    )


@register.filter
def duration_text(value: timedelta | None) -> str:
    """A duration as people say it: "45 minutes", "3 hours", "2 days"."""
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    if minutes < 60:
        return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
    hours = minutes / 60
    if hours < 48:
        n = round(hours, 1)
        return _("%(n)s hours") % {"n": f"{n:g}"}
    days = round(hours / 24, 1)
    return _("%(n)s days") % {"n": f"{days:g}"}


@register.filter
def access_label(what: str) -> str:
    from lms.coaching.services import ACCESS_WHAT_LABELS

    return str(ACCESS_WHAT_LABELS.get(what, what))


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")
