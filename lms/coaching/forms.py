from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.coaching.models import CoachAbsence, HelpRequest
from lms.coaching.services import ATTACHMENT_MAX_COUNT, attachment_validate


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments (optional)"))
        kwargs.setdefault(
            "help_text",
            _(
                "Up to %(count)s files of at most 5 MB: screenshots (PNG, JPEG), PDF, "
                "Word, Excel or text."
            )
            % {"count": ATTACHMENT_MAX_COUNT},
        )
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault(
            "accept", ".png,.jpg,.jpeg,.gif,.pdf,.txt,.docx,.xlsx"
        )

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(d, initial) for d in data if d]
        else:
            files = [single(data, initial)] if data else []
        if len(files) > ATTACHMENT_MAX_COUNT:
            raise forms.ValidationError(
                _("At most %(count)s files per message.")
                % {"count": ATTACHMENT_MAX_COUNT}
            )
        for upload in files:
            attachment_validate(upload)
        return files


MESSAGE_HELP = _(
    "Plain text is fine. Simple formatting (bold, lists, links) is kept; "
    "anything else is removed."
)


class HelpRequestForm(forms.Form):
    subject = forms.CharField(
        label=_("What do you need help with?"),
        max_length=200,
        help_text=_('In a few words, for example "Which result type do I choose?"'),
    )
    body = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MESSAGE_HELP,
    )
    attachments = AttachmentsField()
    # Context, filled in by the "Ask for help" link of the page the learner was on.
    context_kind = forms.CharField(
        required=False, max_length=20, widget=forms.HiddenInput
    )
    context_label = forms.CharField(
        required=False, max_length=300, widget=forms.HiddenInput
    )
    page_url = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    ref_lesson = forms.CharField(
        required=False, max_length=20, widget=forms.HiddenInput
    )
    ref_question = forms.CharField(
        required=False, max_length=100, widget=forms.HiddenInput
    )
    ref_scenario = forms.CharField(
        required=False, max_length=100, widget=forms.HiddenInput
    )
    ref_attempt = forms.CharField(
        required=False, max_length=100, widget=forms.HiddenInput
    )
    ref_workspace = forms.CharField(
        required=False, max_length=100, widget=forms.HiddenInput
    )
    ref_zaak = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    ref_step = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)

    REF_FIELDS = (
        "lesson",
        "question",
        "scenario",
        "attempt",
        "workspace",
        "zaak",
        "step",
    )

    def clean_context_kind(self) -> str:
        # Handed over by the page; an unknown kind is "other", never an error the
        # colleague cannot see or fix.
        kind = self.cleaned_data.get("context_kind")
        if kind in HelpRequest.ContextKind.values:
            return kind
        return HelpRequest.ContextKind.OTHER

    def context_ref(self) -> dict:
        """The stable ids handed over by the page (a lesson id is a number)."""
        found = {
            name: self.cleaned_data[f"ref_{name}"]
            for name in self.REF_FIELDS
            if self.cleaned_data.get(f"ref_{name}") not in (None, "")
        }
        if "lesson" in found:
            if str(found["lesson"]).isdigit():
                found["lesson"] = int(found["lesson"])
            else:
                del found["lesson"]
        return found


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MESSAGE_HELP,
    )
    attachments = AttachmentsField()


class VisitForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("When can you drop by?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=200,
        required=False,
        help_text=_('For example "I will bring the checklist".'),
    )

    def clean_starts_at(self):
        value = self.cleaned_data["starts_at"]
        if value < timezone.now():
            raise forms.ValidationError(_("Propose a time in the future."))
        return value


class SignOffForm(forms.Form):
    learner = forms.ModelChoiceField(
        label=_("Colleague"), queryset=get_user_model().objects.none()
    )
    competence = forms.ChoiceField(label=_("Competence and level"))
    observed_on = forms.DateField(
        label=_("Observed on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    note = forms.CharField(
        label=_("What did you see?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("The colleague reads this note with the sign-off."),
    )

    def __init__(self, *args, learners, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learner"].queryset = learners
        self.fields["learner"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.email} ({u.email})"
        )
        self.competences = {c.code: c for c in competences}
        choices = [("", _("Choose a competence and level"))]
        for competence in competences:
            choices.append(
                (
                    competence.name,
                    [
                        (
                            f"{competence.code}:{level.level}",
                            f"{level.level} – {level.name}",
                        )
                        for level in competence.levels.all()
                    ],
                )
            )
        self.fields["competence"].choices = choices

    def clean_observed_on(self):
        value = self.cleaned_data["observed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The observation cannot be in the future."))
        return value

    def clean(self):
        data = super().clean()
        choice = data.get("competence")
        if choice:
            code, _sep, level = choice.rpartition(":")
            data["competence_obj"] = self.competences.get(code)
            data["level"] = int(level) if level.isdigit() else None
            if data["competence_obj"] is None or data["level"] is None:
                self.add_error("competence", _("Choose a competence and level."))
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this sign-off withdrawn?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CoachProfileForm(forms.Form):
    location = forms.CharField(
        label=_("Where can colleagues find you?"),
        max_length=200,
        required=False,
        help_text=_('For example "Desk 2.14, next to the coffee machine".'),
    )
    availability = forms.CharField(
        label=_("When are you available?"),
        max_length=200,
        required=False,
        help_text=_('For example "Mon, Tue and Thu 9:00–16:00".'),
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)


class AbsenceForm(forms.ModelForm):
    class Meta:
        model = CoachAbsence
        fields = ["starts_on", "ends_on", "stand_in", "note"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, stand_ins, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stand_in"].queryset = stand_ins
        self.fields["stand_in"].label_from_instance = lambda u: (
            u.get_full_name() or u.email
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("starts_on")
            and data.get("ends_on")
            and data["ends_on"] < data["starts_on"]
        ):
            self.add_error("ends_on", _("The absence cannot end before it starts."))
        return data
