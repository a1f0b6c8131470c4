"""HR's badge screens in the Wagtail admin beyond plain create/edit: awarding by hand
(one person, or many from a CSV), revoking, and the framework's CSV import/export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.accounts.roles import AWARD_BADGES, REVOKE_BADGES

from .forms import BulkAwardForm, FrameworkImportForm, ManualAwardForm, RevokeForm
from .framework_io import (
    framework_export,
    framework_import,
    requirements_export,
    requirements_import,
)
from .models import BadgeAward
from .selectors import award_status
from .services import (
    BadgeError,
    badge_award_manual,
    badge_award_revoke,
    badges_award_bulk,
)

MANAGE_FRAMEWORK = "badges.change_competence"


class _PermissionMixin:
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _AdminFormView(_PermissionMixin, WagtailAdminTemplateMixin, FormView):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


class AwardIndexView(IndexView):
    """Awards, with a "Revoke" button on each valid one."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("badge_class", "recipient")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.revoked_at is None and self.request.user.has_perm(REVOKE_BADGES):
            buttons.append(
                MenuItem(
                    _("Revoke"),
                    url=reverse("badges_award_revoke", args=[instance.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


class ManualAwardView(_AdminFormView):
    permission = AWARD_BADGES
    form_class = ManualAwardForm
    template_name = "badges/admin/award_manual.html"
    page_title = gettext_lazy("Award a badge by hand")
    header_icon = "pick"

    def form_valid(self, form):
        try:
            award = badge_award_manual(
                actor=self.request.user,
                badge_class=form.cleaned_data["badge_class"],
                recipient=form.cleaned_data["recipient"],
                narrative=form.cleaned_data["narrative"],
            )
        except BadgeError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(person)s received the badge “%(badge)s”.")
            % {"person": award.recipient, "badge": award.badge_class},
        )
        return redirect("badges_award:index")


class BulkAwardView(_AdminFormView):
    permission = AWARD_BADGES
    form_class = BulkAwardForm
    template_name = "badges/admin/award_bulk.html"
    page_title = gettext_lazy("Award a badge to many people (CSV)")
    header_icon = "upload"

    def form_valid(self, form):
        report = badges_award_bulk(
            actor=self.request.user,
            badge_class=form.cleaned_data["badge_class"],
            data=form.cleaned_data["file"].read(),
            narrative=form.cleaned_data["narrative"],
            dry_run=form.cleaned_data["dry_run"],
        )
        if not report.ok:
            messages.error(
                self.request,
                _("Nobody received the badge: the file has errors. See the report."),
            )
        elif not report.dry_run:
            messages.success(
                self.request,
                _("%(count)s people received the badge.")
                % {"count": len(report.awarded)},
            )
        return self.render_to_response(self.get_context_data(form=form, report=report))


class RevokeView(_AdminFormView):
    permission = REVOKE_BADGES
    form_class = RevokeForm
    template_name = "badges/admin/award_revoke.html"
    page_title = gettext_lazy("Revoke a badge")
    header_icon = "cross"

    def dispatch(self, request, *args, **kwargs):
        self.award = get_object_or_404(
            BadgeAward.objects.select_related("badge_class", "recipient"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            award=self.award, status=award_status(self.award), **kwargs
        )

    def form_valid(self, form):
        try:
            badge_award_revoke(
                actor=self.request.user,
                award=self.award,
                reason=form.cleaned_data["reason"],
            )
        except BadgeError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The badge “%(badge)s” of %(person)s is revoked.")
            % {"badge": self.award.badge_class, "person": self.award.recipient},
        )
        return redirect("badges_award:index")


class FrameworkImportView(_AdminFormView):
    permission = MANAGE_FRAMEWORK
    form_class = FrameworkImportForm
    template_name = "badges/admin/framework_import.html"
    page_title = gettext_lazy("Import and export the competence framework")
    header_icon = "upload"

    def form_valid(self, form):
        importer = (
            framework_import
            if form.cleaned_data["kind"] == "framework"
            else requirements_import
        )
        report = importer(
            data=form.cleaned_data["file"].read(),
            encoding=form.cleaned_data["encoding"],
            dry_run=form.cleaned_data["dry_run"],
        )
        if report.ok and not report.dry_run:
            messages.success(
                self.request,
                _("Imported %(total)s rows: %(created)s new, %(updated)s updated.")
                % {
                    "total": report.total,
                    "created": len(report.created),
                    "updated": len(report.updated),
                },
            )
        elif not report.ok:
            messages.error(
                self.request,
                _("Nothing was imported: the file has errors. See the report below."),
            )
        return self.render_to_response(self.get_context_data(form=form, report=report))


class FrameworkExportView(_PermissionMixin, View):
    permission = "badges.view_competence"
    exporters = {"framework": framework_export, "requirements": requirements_export}

    def get(self, request, kind):
        if kind not in self.exporters:
            raise PermissionDenied
        content = self.exporters[kind]()
        response = HttpResponse(
            # A byte order mark, so that Excel reads the UTF-8 correctly.
            "\ufeff" + content,
            content_type="text/csv; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        name = "competenties" if kind == "framework" else "functie-eisen"
        response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
        return response
