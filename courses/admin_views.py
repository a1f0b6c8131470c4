"""HR's screens for training assignments in the Wagtail admin. Saving goes through
the services, never ``form.save()``."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.log_actions import log

from courses.models import Assignment
from courses.services import assignment_create, assignment_update, assignment_withdraw


class AssignmentIndexView(IndexView):
    def get_base_queryset(self):
        return (
            Assignment.objects.visible_to(self.request.user)
            .active()
            .select_related("path", "module", "department", "job_function")
        )


class AssignmentCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        assignment = assignment_create(
            actor=self.request.user,
            path=data.get("path"),
            module=data.get("module"),
            target_type=data["target_type"],
            people=data.get("people") or (),
            department=data.get("department"),
            job_function=data.get("job_function"),
            due_date=data["due_date"],
            mandatory=data["mandatory"],
        )
        log(instance=assignment, action="wagtail.create", content_changed=True)
        return assignment


class AssignmentEditView(EditView):
    def get_object(self, queryset=None):
        return super().get_object(Assignment.objects.active())

    def save_instance(self):
        data = self.form.cleaned_data
        assignment = assignment_update(
            actor=self.request.user,
            assignment=Assignment.objects.get(pk=self.object.pk),
            due_date=data["due_date"],
            mandatory=data["mandatory"],
        )
        log(instance=assignment, action="wagtail.edit", content_changed=True)
        return assignment


class AssignmentWithdrawView(DeleteView):
    """ "Delete" withdraws: learners stop seeing it; the reminder log stays."""

    page_title = _("Withdraw")
    success_message = _("Assignment '%(object)s' withdrawn.")

    @property
    def confirmation_message(self):
        return _(
            "Withdraw this assignment? Learners no longer see it or get reminders; "
            "their progress in the modules stays."
        )

    def get_object(self, queryset=None):
        return super().get_object(Assignment.objects.active())

    def delete_action(self):
        assignment_withdraw(actor=self.request.user, assignment=self.object)
        log(instance=self.object, action="wagtail.delete")
