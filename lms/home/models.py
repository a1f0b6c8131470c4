from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from lms.accounts.roles import (
    ACCESS_CMS,
    IMPORT_EMPLOYEES,
    VIEW_EMPLOYEES,
    Role,
    role_labels,
    user_has_role,
    user_roles,
)
from lms.organisation.selectors import (
    coached_floor_summaries,
    employee_profile_for,
    floor_coaches,
    organisation_totals,
)


class HomePage(Page):
    """The start page: a greeting and what matters for the visitor's roles."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Shown to everyone under the greeting, e.g. the programme's vision."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        profile = employee_profile_for(user=user)
        context.update(
            profile=profile,
            role_names=role_labels(user_roles(user)),
            my_coaches=floor_coaches(floor=profile.floor if profile else None),
            is_coach=user_has_role(user, Role.COACH),
            can_use_cms=user.has_perm(ACCESS_CMS),
            can_view_employees=user.has_perm(VIEW_EMPLOYEES),
            can_import_employees=user.has_perm(IMPORT_EMPLOYEES),
            is_editor=user_has_role(user, Role.EDITOR),
        )
        # Feature apps hand the home page a summary through their selectors.
        from courses.selectors import learning_summary_for

        context["learning_summary"] = learning_summary_for(user=user, request=request)
        if context["is_coach"]:
            context["coached_floors"] = coached_floor_summaries(coach=user)
        if context["can_view_employees"]:
            context["organisation_totals"] = organisation_totals()
        return context
