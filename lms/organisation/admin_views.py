from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from lms.accounts.roles import IMPORT_EMPLOYEES
from lms.organisation.employee_import import employees_import
from lms.organisation.forms import EmployeeImportForm
from lms.organisation.models import EmployeeProfile
from lms.organisation.services import (
    EmployeeData,
    employee_roles_assign,
    employee_upsert,
)


class _EmployeeSaveMixin:
    """Saving goes through the organisation services, never ``form.save()``."""

    def save_instance(self):
        data = self.form.cleaned_data
        try:
            with transaction.atomic():
                profile, _created = employee_upsert(
                    data=EmployeeData(
                        email=data["email"],
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                        department=data["department"],
                        floor=data["floor"],
                        job_function=data["job_function"],
                        manager=data["manager"],
                    ),
                    # Editing: this account, even when its e-mail address changes.
                    user=self.form.instance.user if self.form.instance.pk else None,
                )
                employee_roles_assign(
                    actor=self.request.user,
                    profile=profile,
                    roles=data["roles"],
                    coached_floors=list(data["coached_floors"]),
                )
            log(
                instance=profile,
                action="wagtail.create"
                if self.form.instance.pk is None
                else "wagtail.edit",
                content_changed=True,
            )
        except (ValidationError, PermissionDenied) as error:
            message = (
                error.messages[0] if isinstance(error, ValidationError) else str(error)
            )
            self.form.add_error(None, message)
            raise _FormInvalid from error
        return profile

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except _FormInvalid:
            # Wagtail's form_invalid expects what its is_valid() sets on failure.
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class _FormInvalid(Exception):
    pass


class EmployeeIndexView(IndexView):
    def get_base_queryset(self):
        # Row-level visibility comes from the model's QuerySet, as everywhere else.
        return EmployeeProfile.objects.visible_to(self.request.user).select_related(
            "user", "department", "floor__building", "job_function"
        )


class EmployeeCreateView(_EmployeeSaveMixin, CreateView):
    pass


class EmployeeEditView(_EmployeeSaveMixin, EditView):
    pass


class EmployeeImportView(WagtailAdminTemplateMixin, FormView):
    form_class = EmployeeImportForm
    template_name = "organisation/admin/employee_import.html"
    page_title = gettext_lazy("Import employees")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_EMPLOYEES):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        report = employees_import(
            data=upload.read(),
            encoding=form.cleaned_data["encoding"],
            dry_run=form.cleaned_data["dry_run"],
        )
        if report.ok and not report.dry_run:
            messages.success(
                self.request,
                _("Imported %(total)s employees: %(created)s new, %(updated)s updated.")
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
