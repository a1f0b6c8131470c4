"""Wagtail admin screens for LRS credentials (Beheerders only).

Writes go through :mod:`lms.lrs.services_credentials`, never ``form.save()``. The
secret exists in plain text only in the response to the create request: it is
stored as a hash, so it is shown once and never again.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.log_actions import log

from lms.lrs.models import LRSCredential, Scope
from lms.lrs.services_credentials import (
    lrs_credential_create,
    lrs_credential_deactivate,
    lrs_credential_update,
)


class _ScopesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            choices=Scope.choices,
            label=gettext_lazy("Scopes"),
            help_text=gettext_lazy(
                "What the credential may do (xAPI scopes). 'Everything' includes all."
            ),
            **kwargs,
        )


class LRSCredentialCreateForm(WagtailAdminModelForm):
    scopes = _ScopesField()

    class Meta:
        model = LRSCredential
        fields = ["name", "scopes", "expires_at"]


class LRSCredentialEditForm(WagtailAdminModelForm):
    scopes = _ScopesField()

    class Meta:
        model = LRSCredential
        fields = ["name", "scopes", "expires_at", "is_active"]


class _ServiceErrorMixin:
    """Show a service's ValidationError on the form, as Wagtail shows its own."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class LRSCredentialIndexView(IndexView):
    deactivate_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_active and self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            buttons.append(
                MenuItem(
                    _("Deactivate"),
                    url=reverse(self.deactivate_url_name, args=[instance.pk]),
                    icon_name="lock",
                    priority=30,
                )
            )
        return buttons


class LRSCredentialCreateView(_ServiceErrorMixin, CreateView):
    created_template_name = "lrs/admin/credential_created.html"

    def save_instance(self):
        data = self.form.cleaned_data
        credential, self.secret = lrs_credential_create(
            name=data["name"],
            scopes=data["scopes"],
            expires_at=data.get("expires_at"),
            created_by=self.request.user,
        )
        log(instance=credential, action="wagtail.create", content_changed=True)
        return credential

    def save_action(self):
        # Rendered, not redirected: the secret is never stored, so this response
        # is the only place it appears.
        context = self.get_context_data(form=self.form)
        context.update(
            credential=self.object,
            secret=self.secret,
            index_url=reverse(self.index_url_name),
            endpoint=settings.LMS_BASE_URL + reverse("lrs:about").removesuffix("about"),
            header_title=_("Credential created"),
            page_title=_("Credential created"),
        )
        response = TemplateResponse(self.request, self.created_template_name, context)
        response["Cache-Control"] = "no-store"
        return response


class LRSCredentialEditView(_ServiceErrorMixin, EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        credential = lrs_credential_update(
            credential=self.object,
            name=data["name"],
            scopes=data["scopes"],
            expires_at=data.get("expires_at"),
            is_active=data["is_active"],
        )
        log(instance=credential, action="wagtail.edit", content_changed=True)
        return credential


class LRSCredentialDeactivateView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission_required = "change"
    template_name = "lrs/admin/credential_deactivate.html"
    page_title = gettext_lazy("Deactivate credential")
    header_icon = "key"
    queryset = None
    index_url_name = None

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.queryset, pk=pk)

    def get_page_subtitle(self):
        return self.object.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Credentials")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            credential=self.object, index_url=reverse(self.index_url_name), **kwargs
        )

    def post(self, request, *args, **kwargs):
        lrs_credential_deactivate(credential=self.object)
        log(instance=self.object, action="wagtail.edit", content_changed=True)
        messages.success(
            request,
            _("Credential '%(name)s' deactivated: it no longer authenticates.")
            % {"name": self.object.name},
        )
        return redirect(self.index_url_name)
