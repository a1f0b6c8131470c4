"""The "Learning Record Store" menu of the Wagtail admin."""

from django.urls import path
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from lms.lrs.admin_views import (
    LRSCredentialCreateForm,
    LRSCredentialCreateView,
    LRSCredentialDeactivateView,
    LRSCredentialEditForm,
    LRSCredentialEditView,
    LRSCredentialIndexView,
)
from lms.lrs.models import LRSCredential


def _expiry(credential: LRSCredential) -> str:
    if credential.expires_at is None:
        return str(_("never"))
    return date_format(localtime(credential.expires_at), "SHORT_DATETIME_FORMAT")


def _operator_credentials():
    # Launch credentials are issued and expire by themselves, one per launch; the
    # screen shows the credentials operators manage.
    return LRSCredential.objects.filter(user__isnull=True)


class LRSCredentialViewSet(ModelViewSet):
    model = LRSCredential
    name = "lrs_credential"
    url_prefix = "lrs/credentials"
    icon = "key"
    menu_label = _("Credentials")
    index_view_class = LRSCredentialIndexView
    add_view_class = LRSCredentialCreateView
    edit_view_class = LRSCredentialEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        Column(
            "scopes",
            label=_("Scopes"),
            accessor=lambda credential: ", ".join(credential.scopes),
        ),
        BooleanColumn("is_active", label=_("Active")),
        # An absolute date: the human-readable date cell calls a future date "just now".
        Column("expires_at", label=_("Expires"), accessor=_expiry),
        DateColumn("last_used_at", label=_("Last used")),
    ]
    list_filter = ["is_active"]
    search_fields = ["name", "key"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return LRSCredentialEditForm if for_update else LRSCredentialCreateForm

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=_operator_credentials(),
            deactivate_url_name=self.get_url_name("deactivate"),
            **kwargs,
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(queryset=_operator_credentials(), **kwargs)

    @property
    def deactivate_view(self):
        return self.construct_view(
            LRSCredentialDeactivateView, queryset=_operator_credentials()
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("deactivate/<int:pk>/", self.deactivate_view, name="deactivate"),
        ]


class LearningRecordStoreViewSetGroup(ModelViewSetGroup):
    menu_label = _("Learning Record Store")
    menu_icon = "key"
    menu_order = 270
    # The forwarding endpoints' screen joins this group.
    items = (LRSCredentialViewSet,)


@hooks.register("register_admin_viewset")
def register_lrs_viewsets():
    return LearningRecordStoreViewSetGroup()


# Wagtail loads only modules named wagtail_hooks; the forwarding screens live in
# their own module and add themselves to the group above when imported.
import lms.lrs.wagtail_hooks_forwarding  # noqa: E402, F401
