from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from lms.accounts.roles import IMPORT_EMPLOYEES
from lms.organisation.admin_views import (
    EmployeeCreateView,
    EmployeeEditView,
    EmployeeImportView,
    EmployeeIndexView,
)
from lms.organisation.forms import EmployeeForm
from lms.organisation.models import Building, Department, EmployeeProfile, JobFunction


class DepartmentViewSet(ModelViewSet):
    model = Department
    name = "organisation_department"
    url_prefix = "organisation/departments"
    icon = "group"
    menu_label = _("Departments")
    list_display = ["name"]
    search_fields = ["name", "description"]
    search_backend_name = None


class BuildingViewSet(ModelViewSet):
    model = Building
    name = "organisation_building"
    url_prefix = "organisation/buildings"
    icon = "home"
    menu_label = _("Buildings and floors")
    list_display = ["name", "address"]
    search_fields = ["name", "address"]
    search_backend_name = None


class JobFunctionViewSet(ModelViewSet):
    model = JobFunction
    name = "organisation_jobfunction"
    url_prefix = "organisation/functions"
    icon = "tag"
    menu_label = _("Job functions")
    list_display = ["name"]
    search_fields = ["name", "description"]
    search_backend_name = None


class EmployeeViewSet(ModelViewSet):
    model = EmployeeProfile
    name = "organisation_employeeprofile"
    icon = "user"
    menu_label = _("Employees")
    url_prefix = "organisation/employees"
    index_view_class = EmployeeIndexView
    add_view_class = EmployeeCreateView
    edit_view_class = EmployeeEditView
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("first_name"),
                    FieldPanel("last_name"),
                    FieldPanel("email"),
                ],
                heading=_("Account"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("department"),
                    FieldPanel("floor"),
                    FieldPanel("job_function"),
                    FieldPanel("manager"),
                ],
                heading=_("Place in the organisation"),
            ),
            MultiFieldPanel(
                [FieldPanel("roles"), FieldPanel("coached_floors")],
                heading=_("Roles"),
            ),
        ],
        base_form_class=EmployeeForm,
    )
    list_display = [
        "__str__",
        Column("email", label=_("E-mail address"), accessor="user.email"),
        "department",
        "floor",
        "job_function",
    ]
    list_filter = ["department", "floor", "job_function"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    search_backend_name = None
    list_export = [
        "user__first_name",
        "user__last_name",
        "user__email",
        "department",
        "floor",
        "job_function",
        "manager",
    ]


class OrganisationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 250
    items = (EmployeeViewSet, DepartmentViewSet, BuildingViewSet, JobFunctionViewSet)


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()


@hooks.register("register_admin_urls")
def register_employee_import_url():
    return [
        path(
            "organisation/import/",
            EmployeeImportView.as_view(),
            name="organisation_employee_import",
        )
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_EMPLOYEES)


@hooks.register("register_admin_menu_item")
def register_employee_import_menu_item():
    return _ImportMenuItem(
        _("Import employees"),
        reverse("organisation_employee_import"),
        icon_name="upload",
        order=260,
    )
