"""The filter forms of the report pages (GET forms: the filters live in the URL, so
a filtered page, its export links and its pagination all carry them)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.reports.compliance import (
    DUE_SOON_DAYS_DEFAULT,
    ComplianceStatus,
    assigned_items,
)
from lms.reports.selectors import (
    EXPIRING_DAYS_DEFAULT,
    MatrixStatusFilter,
    ReportFilters,
    ReportScope,
    filter_options,
)


class _UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.email


class ReportFilterForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=None, required=False, empty_label=_("All")
    )
    floor = forms.ModelChoiceField(
        label=_("Floor"), queryset=None, required=False, empty_label=_("All")
    )
    job_function = forms.ModelChoiceField(
        label=_("Job function"), queryset=None, required=False, empty_label=_("All")
    )
    manager = _UserChoiceField(
        label=_("Manager"), queryset=None, required=False, empty_label=_("All")
    )
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)

    def __init__(self, data=None, *, scope: ReportScope, **kwargs):
        super().__init__(data, **kwargs)
        options = filter_options(scope=scope)
        self.fields["department"].queryset = options["departments"]
        self.fields["floor"].queryset = options["floors"]
        self.fields["job_function"].queryset = options["job_functions"]
        self.fields["manager"].queryset = options["managers"]
        if not scope.everyone:
            # A manager's own team: filtering by manager says nothing new.
            del self.fields["manager"]

    def _id(self, name: str) -> int | None:
        value = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
        return value.pk if value is not None else None

    def filters(self) -> ReportFilters:
        """The filters to apply; invalid input is reported on the form and the
        page shows everyone in scope rather than nothing."""
        if not self.is_valid():
            return ReportFilters()
        return ReportFilters(
            department=self._id("department"),
            floor=self._id("floor"),
            job_function=self._id("job_function"),
            manager=self._id("manager"),
            q=self.cleaned_data.get("q", "").strip(),
            **self.extra_filters(),
        )

    def extra_filters(self) -> dict:
        return {}


class MatrixFilterForm(ReportFilterForm):
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (MatrixStatusFilter.ANY, _("Everyone")),
            (MatrixStatusFilter.GAP, _("Only people with a gap")),
            (MatrixStatusFilter.EXPIRING, _("Only people with a level expiring soon")),
        ],
    )
    expiring_days = forms.IntegerField(
        label=_("Expiring soon: within (days)"),
        required=False,
        min_value=1,
        max_value=730,
        initial=EXPIRING_DAYS_DEFAULT,
    )

    def extra_filters(self) -> dict:
        return {
            "status": self.cleaned_data.get("status") or "",
            "expiring_days": self.cleaned_data.get("expiring_days")
            or EXPIRING_DAYS_DEFAULT,
        }


class ComplianceFilterForm(ReportFilterForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *ComplianceStatus.choices()],
    )
    item = forms.ChoiceField(label=_("Training"), required=False, choices=[])
    due_soon_days = forms.IntegerField(
        label=_("Due soon: within (days)"),
        required=False,
        min_value=1,
        max_value=365,
        initial=DUE_SOON_DAYS_DEFAULT,
    )
    include_optional = forms.BooleanField(
        label=_("Also training that is not mandatory"), required=False
    )

    def __init__(self, data=None, *, scope: ReportScope, **kwargs):
        super().__init__(data, scope=scope, **kwargs)
        self.fields["item"].choices = [("", _("All")), *assigned_items()]

    def extra_filters(self) -> dict:
        return {"status": self.cleaned_data.get("status") or ""}

    @property
    def selected_item(self) -> str:
        return self.cleaned_data.get("item", "") if self.is_valid() else ""

    @property
    def due_soon(self) -> int:
        if self.is_valid() and self.cleaned_data.get("due_soon_days"):
            return self.cleaned_data["due_soon_days"]
        return DUE_SOON_DAYS_DEFAULT

    @property
    def with_optional(self) -> bool:
        return bool(self.is_valid() and self.cleaned_data.get("include_optional"))

    def extra_log(self) -> dict:
        result = {}
        if self.selected_item:
            result["item"] = self.selected_item
        if self.due_soon != DUE_SOON_DAYS_DEFAULT:
            result["due_soon_days"] = self.due_soon
        if self.with_optional:
            result["include_optional"] = True
        return result
