"""Importing a municipality's own zaaktypen in the Wagtail admin.

An administrator or editor uploads a Catalogi API 1.3 export (JSON, or the ZIP
an Open Zaak catalogue export gives) and gets either the zaaktypen, ready to
practise with, or the full list of problems with nothing written
(``sandbox.interchange.catalogi``). Registered from ``sandbox/wagtail_hooks.py``.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sandbox.interchange.catalogi import (
    CatalogusImportError,
    catalogus_document_parse,
    catalogus_import,
)
from sandbox.models import Catalogus

# Who may bring zaaktypen into the practice catalogue (lms.accounts.roles).
IMPORT_ZAAKTYPEN = "sandbox.add_zaaktype"
MAX_UPLOAD = 20 * 1024 * 1024


class CatalogusImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Catalogi API export"),
        help_text=gettext_lazy(
            "A JSON file, or the ZIP file of an Open Zaak catalogue export "
            "(ZaakType.json, StatusType.json, ...)."
        ),
    )
    catalogus = forms.ModelChoiceField(
        label=gettext_lazy("Catalogue"),
        queryset=Catalogus.objects.order_by("naam"),
        required=False,
        empty_label=gettext_lazy("The catalogue in the file"),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Check only, import nothing"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class _DryRun(Exception):
    pass


class CatalogusImportView(WagtailAdminTemplateMixin, FormView):
    form_class = CatalogusImportForm
    template_name = "sandbox/admin/catalogus_import.html"
    page_title = gettext_lazy("Import zaaktypen")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_ZAAKTYPEN):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        dry_run = form.cleaned_data["dry_run"]
        problems, report = [], None
        try:
            document = catalogus_document_parse(upload.read(), name=upload.name)
            with transaction.atomic():
                report = catalogus_import(
                    document=document, catalogus=form.cleaned_data["catalogus"]
                )
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        except CatalogusImportError as error:
            problems = error.problems
        if problems:
            messages.error(
                self.request,
                _("Nothing was imported: the file has problems. See the list below."),
            )
        elif not dry_run:
            messages.success(
                self.request,
                _("Imported %(n)s zaaktypen into %(catalogus)s.")
                % {
                    "n": len(report.zaaktypen),
                    "catalogus": report.catalogus,
                },
            )
        return self.render_to_response(
            self.get_context_data(
                form=form, problems=problems, report=report, dry_run=dry_run
            )
        )


@hooks.register("register_admin_urls")
def register_catalogus_import_url():
    return [
        path(
            "sandbox/zaaktypen-importeren/",
            CatalogusImportView.as_view(),
            name="sandbox_catalogus_import",
        )
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_ZAAKTYPEN)


@hooks.register("register_admin_menu_item")
def register_catalogus_import_menu_item():
    return _ImportMenuItem(
        _("Import zaaktypen"),
        reverse("sandbox_catalogus_import"),
        icon_name="upload",
        order=420,
    )
