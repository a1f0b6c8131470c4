from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.admin_views import (
    AssignmentCreateView,
    AssignmentEditView,
    AssignmentIndexView,
    AssignmentWithdrawView,
)
from courses.forms import AssignmentChangeForm, AssignmentForm
from courses.models import Assignment, LearningPath
from courses.services import lesson_copies_renew_ids


@hooks.register("after_copy_page")
def renew_copied_question_ids(request, page, new_page):
    # Wagtail runs this hook after making an alias too. An alias mirrors its
    # original (ids included) and cannot be edited on its own: leave it be.
    if new_page.alias_of_id:
        return
    lesson_copies_renew_ids(page=new_page, user=request.user)


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = _("Learning paths")
    menu_order = 240
    add_to_admin_menu = True
    url_prefix = "courses/learning-paths"
    list_display = ["title"]
    search_fields = ["title", "description"]


register_snippet(LearningPathViewSet)


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    name = "courses_assignment"
    url_prefix = "courses/assignments"
    icon = "date"
    menu_label = _("Training assignments")
    menu_order = 245
    add_to_admin_menu = True
    index_view_class = AssignmentIndexView
    add_view_class = AssignmentCreateView
    edit_view_class = AssignmentEditView
    delete_view_class = AssignmentWithdrawView
    inspect_view_enabled = False
    list_display = [
        Column("content", label=_("Training"), accessor="content_title"),
        Column("target", label=_("Assigned to"), accessor="target_label"),
        "due_date",
        "mandatory",
    ]
    list_filter = ["mandatory", "target_type"]
    search_fields = ["path__title", "module__title"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return AssignmentChangeForm if for_update else AssignmentForm


@hooks.register("register_admin_viewset")
def register_assignment_viewset():
    return AssignmentViewSet()
