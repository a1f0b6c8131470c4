from django import forms
from django.utils.translation import gettext_lazy as _

from courses.selectors import CatalogueFilters
from courses.services import REFLECTION_MAX_LENGTH
from lms.organisation.models import JobFunction


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
    mandatory = forms.BooleanField(label=_("Mandatory modules only"), required=False)
    # TODO(competences): a competence filter once the competence framework exists.

    def filters(self) -> CatalogueFilters:
        data = self.cleaned_data
        return CatalogueFilters(
            query=data.get("q") or "",
            function=data.get("function"),
            duration=data.get("duration") or "",
            mandatory=bool(data.get("mandatory")),
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
