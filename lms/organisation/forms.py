from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.accounts.roles import Role, roles_grantable_by, user_role_memberships
from lms.core.csv_import import ENCODINGS
from lms.organisation.models import EmployeeProfile

User = get_user_model()


class EmployeeForm(WagtailAdminModelForm):
    """Account, place in the organisation and roles of one employee, on one page."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Every employee is a learner. ICT experts need at least one floor to "
            "coach. Only administrators can grant HR and administrator roles."
        ),
    )

    class Meta:
        model = EmployeeProfile
        fields = ["department", "floor", "job_function", "manager", "coached_floors"]
        widgets = {"coached_floors": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = User.objects.filter(is_active=True)
        user = getattr(self.instance, "user", None) if self.instance.pk else None
        if user is not None:
            self.initial.update(
                first_name=user.first_name,
                last_name=user.last_name,
                email=user.email,
                roles=[role.value for role in user_role_memberships(user)],
            )
        else:
            self.initial.setdefault("roles", [Role.LEARNER.value])
        if self.for_user is not None:
            grantable = roles_grantable_by(self.for_user)
            held = set(user_role_memberships(user)) if user else set()
            # Show what this editor may hand out, and the roles the employee already
            # holds; taking away a role the editor may not grant is refused on save.
            self.fields["roles"].choices = [
                (value, label)
                for value, label in Role.choices
                if Role(value) in grantable or Role(value) in held
            ]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        clash = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.user_id)
        if clash.exists():
            raise forms.ValidationError(
                _("Another account already uses this e-mail address.")
            )
        return email

    def clean_roles(self) -> set[Role]:
        return {Role(value) for value in self.cleaned_data["roles"]} | {Role.LEARNER}


class EmployeeImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: name, email, department, floor, function, manager (or the Dutch "
            "naam, e-mail, afdeling, verdieping, functie, leidinggevende), separated "
            "by commas or semicolons. Floor is the floor code; manager is an e-mail address."
        ),
    )
    encoding = forms.ChoiceField(label=_("Encoding"), choices=list(ENCODINGS.items()))
    dry_run = forms.BooleanField(
        label=_("Only check the file, do not import"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
