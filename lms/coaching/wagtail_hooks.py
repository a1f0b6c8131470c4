"""HR and administrators keep ICT experts' availability and stand-ins in the
Wagtail admin (floors are assigned to coaches on the employee form), and find the
access log and response figures from the menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from lms.coaching.models import CoachAbsence, CoachProfile


class CoachProfileViewSet(ModelViewSet):
    model = CoachProfile
    name = "coaching_coachprofile"
    url_prefix = "coaching/availability"
    icon = "user"
    menu_label = _("ICT expert availability")
    list_display = ["__str__", "location", "availability"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    search_backend_name = None
    form_fields = ["user", "location", "availability", "phone"]


class CoachAbsenceViewSet(ModelViewSet):
    model = CoachAbsence
    name = "coaching_coachabsence"
    url_prefix = "coaching/stand-ins"
    icon = "date"
    menu_label = _("Absences and stand-ins")
    list_display = ["coach", "starts_on", "ends_on", "stand_in", "note"]
    list_filter = ["starts_on"]
    search_fields = ["coach__last_name", "coach__email", "stand_in__last_name"]
    search_backend_name = None
    form_fields = ["coach", "starts_on", "ends_on", "stand_in", "note"]


class CoachingViewSetGroup(ModelViewSetGroup):
    menu_label = _("Coaching")
    menu_icon = "help"
    menu_order = 260
    items = (CoachProfileViewSet, CoachAbsenceViewSet)


@hooks.register("register_admin_viewset")
def register_coaching_viewsets():
    return CoachingViewSetGroup()


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_access_log_menu_item():
    return _PermissionMenuItem(
        _("Coaching access log"),
        reverse("coaching:access_log"),
        icon_name="view",
        order=265,
        permission="coaching.view_coachaccesslog",
    )


@hooks.register("register_admin_menu_item")
def register_metrics_menu_item():
    return _PermissionMenuItem(
        _("Help response times"),
        reverse("coaching:metrics"),
        icon_name="time",
        order=266,
        permission="coaching.view_help_metrics",
    )
