"""Wagtail admin screens for forwarding to external LRSs (Beheerders only).

Imported from the bottom of ``lms/lrs/wagtail_hooks.py``: the screens join its
"Learning Record Store" menu. The list shows per endpoint what an administrator
needs to see whether delivery keeps up (backlog, lag, last error); a second screen
lists the statements a remote refused, with the remote's message.
"""

from datetime import timedelta

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.log_actions import log

from lms.lrs.forwarding import endpoint_backlog, endpoint_lag, forwarding_endpoint_save
from lms.lrs.models import ForwardingEndpoint, ForwardingRejection

FILTER_HELP = gettext_lazy(
    "Optional. Empty: every statement. Otherwise a JSON object with 'verbs' (a list "
    "of verb IRIs) and/or 'activity_prefixes' (a list of activity id beginnings), "
    'e.g. {"verbs": ["http://adlnet.gov/expapi/verbs/passed"]}. Voiding statements '
    "are always forwarded."
)


class ForwardingEndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=gettext_lazy("Statements endpoint base URL"),
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy(
            "The xAPI endpoint of the other LRS, e.g. https://lrs.example.nl/xapi/ "
            "(statements are POSTed to <url>/statements)."
        ),
    )
    password = forms.CharField(
        label=gettext_lazy("Password / secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=gettext_lazy("Leave empty to keep the current password."),
    )
    statement_filter = forms.JSONField(
        label=gettext_lazy("Filter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=FILTER_HELP,
    )

    class Meta:
        model = ForwardingEndpoint
        fields = [
            "name",
            "url",
            "username",
            "password",
            "xapi_version",
            "statement_filter",
            "batch_size",
            "is_active",
        ]
        help_texts = {
            "username": gettext_lazy("HTTP Basic user name (the LRS key)."),
        }

    def clean_password(self) -> str:
        password = self.cleaned_data.get("password") or ""
        if not password and self.instance.pk:
            return self.instance.password
        return password

    def clean_statement_filter(self) -> dict:
        return self.cleaned_data.get("statement_filter") or {}

    def clean_batch_size(self) -> int:
        size = self.cleaned_data["batch_size"]
        if not 1 <= size <= 1000:
            raise forms.ValidationError(_("Choose a batch size from 1 to 1000."))
        return size


def _backlog(endpoint: ForwardingEndpoint) -> int:
    return endpoint_backlog(endpoint).count()


def _lag(endpoint: ForwardingEndpoint) -> str:
    lag = endpoint_lag(endpoint)
    if lag is None:
        return "—"
    now = timezone.now()
    return timesince(now - lag, now) if lag >= timedelta(minutes=1) else _("< 1 minute")


def _last_error(endpoint: ForwardingEndpoint) -> str:
    if not endpoint.last_error:
        return ""
    text = endpoint.last_error[:120]
    if endpoint.next_attempt_at and endpoint.next_attempt_at > timezone.now():
        text += " " + _("(retry at %(time)s)") % {
            "time": timezone.localtime(endpoint.next_attempt_at).strftime("%H:%M:%S")
        }
    return text


class ForwardingEndpointIndexView(IndexView):
    rejections_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Refused statements"),
                url=reverse(self.rejections_url_name, args=[instance.pk]),
                icon_name="warning",
                priority=30,
            )
        )
        return buttons


class ForwardingEndpointCreateView(CreateView):
    def save_instance(self):
        endpoint = forwarding_endpoint_save(endpoint=self.form.instance)
        log(instance=endpoint, action="wagtail.create", content_changed=True)
        return endpoint


class ForwardingEndpointEditView(EditView):
    def save_instance(self):
        endpoint = forwarding_endpoint_save(endpoint=self.form.instance)
        log(instance=endpoint, action="wagtail.edit", content_changed=True)
        return endpoint


class ForwardingRejectionsView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """The statements one endpoint's remote LRS refused, newest first."""

    permission_required = "view"
    template_name = "lrs/admin/forwarding_rejections.html"
    page_title = gettext_lazy("Refused statements")
    header_icon = "warning"
    index_url_name = None
    per_page = 50

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.endpoint = get_object_or_404(ForwardingEndpoint, pk=pk)

    def get_page_subtitle(self):
        return self.endpoint.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Forwarding")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        rejections = (
            ForwardingRejection.objects.filter(endpoint=self.endpoint)
            .select_related("statement")
            .order_by("-created_at", "-pk")
        )
        page = Paginator(rejections, self.per_page).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            endpoint=self.endpoint,
            page_obj=page,
            index_url=reverse(self.index_url_name),
            **kwargs,
        )


class ForwardingEndpointViewSet(ModelViewSet):
    model = ForwardingEndpoint
    name = "lrs_forwarding"
    url_prefix = "lrs/forwarding"
    icon = "resubmit"
    menu_label = gettext_lazy("Forwarding")
    index_view_class = ForwardingEndpointIndexView
    add_view_class = ForwardingEndpointCreateView
    edit_view_class = ForwardingEndpointEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        Column("url", label=gettext_lazy("URL")),
        Column("xapi_version", label=gettext_lazy("xAPI")),
        BooleanColumn("is_active", label=gettext_lazy("Active")),
        Column("backlog", label=gettext_lazy("Backlog"), accessor=_backlog),
        Column("lag", label=gettext_lazy("Lag"), accessor=_lag),
        DateColumn("last_success_at", label=gettext_lazy("Last delivery")),
        Column("last_error", label=gettext_lazy("Last error"), accessor=_last_error),
        Column(
            "refused",
            label=gettext_lazy("Refused"),
            accessor=lambda endpoint: endpoint.rejections.count(),
        ),
    ]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return ForwardingEndpointForm

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            rejections_url_name=self.get_url_name("rejections"), **kwargs
        )

    @property
    def rejections_view(self):
        return self.construct_view(ForwardingRejectionsView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("rejections/<int:pk>/", self.rejections_view, name="rejections"),
        ]


def _join_lrs_menu() -> bool:
    """Put the screen in the "Learning Record Store" menu group when there is one."""
    from lms.lrs import wagtail_hooks

    group = getattr(wagtail_hooks, "LearningRecordStoreViewSetGroup", None)
    if group is None:
        return False
    if ForwardingEndpointViewSet not in group.items:
        group.items = (*group.items, ForwardingEndpointViewSet)
    return True


if not _join_lrs_menu():

    @hooks.register("register_admin_viewset")
    def register_forwarding_viewset():
        return ForwardingEndpointViewSet()
