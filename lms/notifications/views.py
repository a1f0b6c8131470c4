"""The notifications inbox, "mark as read" and the e-mail preferences per kind."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from lms.notifications.models import Kind, Notification, NotificationPreference
from lms.notifications.services import (
    notification_preference_set,
    notifications_mark_read,
)


def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    show = request.GET.get("show", "")
    if show == "unread":
        notifications = notifications.unread()
    page = Paginator(notifications, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {
            "page_obj": page,
            "show": show,
            "unread_count": Notification.objects.for_user(request.user)
            .unread()
            .count(),
        },
    )


@require_POST
def mark_read(request):
    pks = request.POST.getlist("notification")
    if request.POST.get("all"):
        count = notifications_mark_read(user=request.user)
    else:
        count = notifications_mark_read(
            user=request.user, pks=[int(pk) for pk in pks if pk.isdigit()]
        )
    if count:
        messages.success(request, _("Marked as read."))
    return redirect("notifications:list")


@require_POST
def notification_open(request, pk: int):
    """Mark one notification read and go where it points (a path on this site)."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    notifications_mark_read(user=request.user, pks=[notification.pk])
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return redirect(url)
    return redirect("notifications:list")


class PreferencesForm(forms.Form):
    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.BooleanField(
                label=kind.label,
                required=False,
                initial=current.get(kind.value, True),
            )


PREFERENCES_HELP = gettext_lazy(
    "You always see notifications here in Zaakwijs. Choose which ones you also "
    "want by e-mail."
)


@require_http_methods(["GET", "POST"])
def preferences(request):
    current = dict(
        NotificationPreference.objects.filter(user=request.user).values_list(
            "kind", "email"
        )
    )
    form = PreferencesForm(
        request.POST if request.method == "POST" else None, current=current
    )
    if request.method == "POST" and form.is_valid():
        for kind in Kind:
            wanted = form.cleaned_data[kind.value]
            if current.get(kind.value, True) != wanted:
                notification_preference_set(user=request.user, kind=kind, email=wanted)
        messages.success(request, _("Your preferences have been saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "help": PREFERENCES_HELP},
    )
