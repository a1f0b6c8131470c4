"""Editors and administrators author practice scenarios in the Wagtail admin
(Snippets → "Practice scenarios"), with a preview of the learner's briefing."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sandbox.models import Scenario


class ScenarioViewSet(SnippetViewSet):
    model = Scenario
    icon = "clipboard-list"
    menu_label = _("Practice scenarios")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "sandbox/scenarios"
    list_display = ["title", "slug", "level", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["title", "summary"]


register_snippet(ScenarioViewSet)
