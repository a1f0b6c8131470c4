"""HR's screens for the competence framework and badges (Wagtail admin)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from lms.accounts.roles import AWARD_BADGES

from .admin_views import (
    MANAGE_FRAMEWORK,
    AwardIndexView,
    BulkAwardView,
    FrameworkExportView,
    FrameworkImportView,
    ManualAwardView,
    RevokeView,
)
from .forms import BadgeClassForm
from .models import BadgeAward, BadgeClass, Competence, FunctionRequirement


class CompetenceViewSet(ModelViewSet):
    model = Competence
    name = "badges_competence"
    url_prefix = "badges/competences"
    icon = "pick"
    menu_label = _("Competences")
    list_display = ["code", "name", "category", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["code", "name", "description"]
    search_backend_name = None
    list_export = ["code", "name", "category", "description", "is_active"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("category")]),
                    FieldPanel("name"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_active")]),
                ],
                heading=_("Competence"),
            ),
            InlinePanel(
                "levels",
                heading=_("Proficiency levels"),
                label=_("Level"),
                panels=[
                    FieldRowPanel([FieldPanel("level"), FieldPanel("name")]),
                    FieldPanel("description"),
                    InlinePanel(
                        "indicators",
                        heading=_("Behavioural indicators"),
                        label=_("Indicator"),
                        panels=[FieldPanel("text")],
                    ),
                ],
            ),
            InlinePanel(
                "requirements",
                heading=_("Required by job functions"),
                label=_("Requirement"),
                panels=[
                    FieldRowPanel([FieldPanel("job_function"), FieldPanel("level")])
                ],
            ),
        ]
    )


class FunctionRequirementViewSet(ModelViewSet):
    model = FunctionRequirement
    name = "badges_functionrequirement"
    url_prefix = "badges/function-requirements"
    icon = "tag"
    menu_label = _("Function requirements")
    list_display = ["job_function", "competence", "level"]
    list_filter = ["job_function", "competence"]
    search_fields = ["job_function__name", "competence__name", "competence__code"]
    search_backend_name = None
    form_fields = ["job_function", "competence", "level"]


class BadgeClassViewSet(ModelViewSet):
    model = BadgeClass
    name = "badges_badgeclass"
    url_prefix = "badges/badges"
    icon = "success"
    menu_label = _("Badges")
    list_display = [
        "name",
        "competence",
        "level",
        "rule",
        "valid_for_days",
        "is_active",
    ]
    list_filter = ["is_active", "competence"]
    search_fields = ["name", "slug", "description"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("description"),
                    FieldPanel("image"),
                    FieldPanel("criteria_text"),
                ],
                heading=_("Badge"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("competence"), FieldPanel("level")]),
                    FieldPanel("valid_for_days"),
                    FieldPanel("is_active"),
                ],
                heading=_("What it attests and how long"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("rule"), FieldPanel("required_count")])],
                heading=_("How the criteria combine"),
                help_text=_(
                    "A badge without criteria is only awarded by hand. With “at least "
                    "N criteria”, N may not exceed the number of criteria."
                ),
            ),
            InlinePanel(
                "criteria",
                heading=_("Machine criteria"),
                label=_("Criterion"),
                panels=[
                    FieldPanel("kind"),
                    FieldRowPanel(
                        [
                            PageChooserPanel("module", "courses.ModulePage"),
                            FieldPanel("scenario_slug"),
                            FieldPanel("min_score"),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("competence"),
                            FieldPanel("level"),
                            FieldPanel("required_badge"),
                        ]
                    ),
                ],
            ),
        ],
        base_form_class=BadgeClassForm,
    )


class _ReadOnlyAwardPolicy(ModelPermissionPolicy):
    """Awards are made and revoked through their services (own views), never
    created, edited or deleted as plain rows."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class BadgeAwardViewSet(ModelViewSet):
    model = BadgeAward
    name = "badges_award"
    url_prefix = "badges/awards"
    icon = "list-ul"
    menu_label = _("Awards")
    index_view_class = AwardIndexView
    inspect_view_enabled = True
    # The generic add/edit views are never allowed (see the permission policy).
    form_fields = ["narrative"]
    list_display = [
        "badge_class",
        Column("recipient", label=_("Recipient"), accessor="recipient"),
        "awarded_at",
        "method",
        "expires_at",
        "revoked_at",
    ]
    list_filter = ["badge_class", "method", "is_current"]
    search_fields = ["recipient__email", "recipient__last_name", "badge_class__name"]
    search_backend_name = None
    list_export = [
        "badge_class",
        "recipient__email",
        "awarded_at",
        "method",
        "expires_at",
        "revoked_at",
        "revocation_reason",
    ]
    inspect_view_fields = [
        "badge_class",
        "recipient",
        "method",
        "awarded_at",
        "awarded_by",
        "narrative",
        "evidence",
        "expires_at",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "public_id",
        "statement_id",
    ]

    @property
    def permission_policy(self):
        return _ReadOnlyAwardPolicy(self.model)


class BadgesViewSetGroup(ModelViewSetGroup):
    menu_label = _("Competences and badges")
    menu_icon = "success"
    menu_order = 255
    items = (
        CompetenceViewSet,
        FunctionRequirementViewSet,
        BadgeClassViewSet,
        BadgeAwardViewSet,
    )


@hooks.register("register_admin_viewset")
def register_badges_viewsets():
    return BadgesViewSetGroup()


@hooks.register("register_admin_urls")
def register_badges_admin_urls():
    return [
        path("badges/award/", ManualAwardView.as_view(), name="badges_award_manual"),
        path("badges/award/bulk/", BulkAwardView.as_view(), name="badges_award_bulk"),
        path(
            "badges/awards/<int:pk>/revoke/",
            RevokeView.as_view(),
            name="badges_award_revoke",
        ),
        path(
            "badges/framework/import/",
            FrameworkImportView.as_view(),
            name="badges_framework_import",
        ),
        path(
            "badges/framework/export/<slug:kind>.csv",
            FrameworkExportView.as_view(),
            name="badges_framework_export",
        ),
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_award_menu_item():
    return _PermissionMenuItem(
        _("Award a badge"),
        reverse("badges_award_manual"),
        icon_name="pick",
        order=256,
        permission=AWARD_BADGES,
    )


@hooks.register("register_admin_menu_item")
def register_framework_io_menu_item():
    return _PermissionMenuItem(
        _("Import/export competences"),
        reverse("badges_framework_import"),
        icon_name="upload",
        order=257,
        permission=MANAGE_FRAMEWORK,
    )
