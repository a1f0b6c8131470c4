from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from badges.models import Competence
from courses.models import Assignment, ModulePage
from courses.selectors import CatalogueFilters
from courses.services import REFLECTION_MAX_LENGTH
from lms.organisation.models import JobFunction


class _CompetenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    function = forms.ModelChoiceField(
        label=_("Job function"),
        queryset=JobFunction.objects.order_by("name"),
        required=False,
        empty_label=_("All functions"),
    )
    duration = forms.ChoiceField(
        label=_("Duration"),
        required=False,
        choices=[
            ("", _("Any duration")),
            ("short", _("Up to 15 minutes")),
            ("medium", _("16 to 45 minutes")),
            ("long", _("More than 45 minutes")),
        ],
    )
    competence = _CompetenceChoiceField(
        label=_("Competence"),
        queryset=Competence.objects.filter(is_active=True).order_by(
            "sort_order", "code"
        ),
        required=False,
        empty_label=_("All competences"),
        to_field_name="code",
    )
    mandatory = forms.BooleanField(label=_("Mandatory modules only"), required=False)

    def filters(self) -> CatalogueFilters:
        data = self.cleaned_data
        return CatalogueFilters(
            query=data.get("q") or "",
            function=data.get("function"),
            duration=data.get("duration") or "",
            mandatory=bool(data.get("mandatory")),
            competence=data.get("competence"),
        )

    @staticmethod
    def empty_filters() -> CatalogueFilters:
        return CatalogueFilters()


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reflection"),
        max_length=REFLECTION_MAX_LENGTH,
        strip=True,
        error_messages={"required": _("Write your reflection before saving it.")},
        widget=forms.Textarea,
    )


class AssignmentForm(WagtailAdminModelForm):
    """HR assigns a learning path or a module, to people, a department or a job
    function, with a due date. Saved through ``assignment_create``."""

    what = forms.ChoiceField(
        label=_("Assign"),
        choices=[("path", _("A learning path")), ("module", _("A module"))],
        widget=forms.RadioSelect,
        initial="path",
    )

    class Meta:
        model = Assignment
        fields = [
            "path",
            "module",
            "target_type",
            "people",
            "department",
            "job_function",
            "due_date",
            "mandatory",
        ]
        widgets = {
            "target_type": forms.RadioSelect,
            "due_date": AdminDateInput,
            "people": forms.SelectMultiple(attrs={"size": 12}),
        }
        help_texts = {
            "target_type": _(
                "A department or job function includes whoever joins it later."
            ),
            "people": _("Only when assigning to people."),
            "department": _("Only when assigning to a department."),
            "job_function": _("Only when assigning to a job function."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = ModulePage.objects.live().order_by("title")
        self.fields["people"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .order_by("last_name", "first_name")
        )
        self.fields["target_type"].choices = Assignment.Target.choices

    def clean(self):
        data = super().clean()
        what = data.get("what")
        if what == "path" and not data.get("path"):
            self.add_error("path", _("Choose a learning path."))
        if what == "module" and not data.get("module"):
            self.add_error("module", _("Choose a module."))
        if what == "path":
            data["module"] = None
        elif what == "module":
            data["path"] = None
        target = data.get("target_type")
        required = {
            Assignment.Target.PERSONS: ("people", _("Choose at least one person.")),
            Assignment.Target.DEPARTMENT: ("department", _("Choose a department.")),
            Assignment.Target.FUNCTION: ("job_function", _("Choose a job function.")),
        }
        if target in required:
            name, message = required[target]
            if not data.get(name):
                self.add_error(name, message)
        due = data.get("due_date")
        if due and due < timezone.localdate():
            self.add_error("due_date", _("The due date cannot be in the past."))
        return data

    def _post_clean(self):
        # The model's checks (one target, path or module) are the service's to
        # enforce on the cleaned values, not on the half-filled instance.
        pass


class AssignmentChangeForm(WagtailAdminModelForm):
    """Once made, an assignment's due date and mandatory flag can change; who and
    what cannot (withdraw it and assign anew)."""

    class Meta:
        model = Assignment
        fields = ["due_date", "mandatory"]
        widgets = {"due_date": AdminDateInput}
