"""Forms of HR's screens: badge classes (with their criteria), competences, awards."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.core.csv_import import ENCODINGS

from .models import BadgeClass, BadgeCriterion, ProficiencyLevel

Kind = BadgeCriterion.Kind

# Which criterion fields each kind uses, and which of those it requires.
CRITERION_FIELDS = (
    "module",
    "scenario_slug",
    "min_score",
    "competence",
    "level",
    "required_badge",
)
KIND_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Kind.MODULE_COMPLETED: (("module",), ("module",)),
    Kind.MODULE_PASSED: (("module", "min_score"), ("module",)),
    Kind.SCENARIO_PASSED: (("scenario_slug", "min_score"), ("scenario_slug",)),
    Kind.SIGNOFF: (("competence", "level"), ("competence", "level")),
    Kind.BADGE_HELD: (("required_badge",), ("required_badge",)),
}


def _known_scenario_slugs() -> set[str]:
    """The slugs of the practice scenarios the sandbox offers (empty when it offers
    none yet: then any slug is accepted, scenarios being referred to by slug)."""
    from sandbox.scenarios.selectors import scenarios_offered

    return set(scenarios_offered().values_list("slug", flat=True))


def _requires(badge: BadgeClass, target_pk: int, seen: set[int] | None = None) -> bool:
    """Does ``badge`` (transitively, through "another badge held") require target?"""
    seen = seen or set()
    for required in BadgeCriterion.objects.filter(
        badge_class=badge, kind=Kind.BADGE_HELD, required_badge__isnull=False
    ).select_related("required_badge"):
        other = required.required_badge
        if other.pk == target_pk:
            return True
        if other.pk not in seen:
            seen.add(other.pk)
            if _requires(other, target_pk, seen):
                return True
    return False


class BadgeClassForm(WagtailAdminModelForm):
    """A badge and its machine criteria, checked together: each criterion has the
    fields its kind needs (and no others), and the rule fits the number of criteria."""

    def clean(self):
        cleaned = super().clean()
        competence, level = cleaned.get("competence"), cleaned.get("level")
        if competence and not level:
            self.add_error("level", _("Choose the level this badge attests."))
        if level and not competence:
            self.add_error("competence", _("Choose the competence this badge attests."))
        if competence and level:
            levels = set(
                ProficiencyLevel.objects.filter(competence=competence).values_list(
                    "level", flat=True
                )
            )
            if levels and level not in levels:
                self.add_error(
                    "level",
                    _("“%(competence)s” has no level %(level)s (it has %(levels)s).")
                    % {
                        "competence": competence.name,
                        "level": level,
                        "levels": ", ".join(str(n) for n in sorted(levels)),
                    },
                )
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            return False
        return self._criteria_valid()

    def _criteria_valid(self) -> bool:
        formset = self.formsets.get("criteria")
        if formset is None:
            return True
        ok = True
        scenarios = None
        kept = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            kept.append(form)
            kind = data.get("kind")
            if not kind:
                continue
            used, required = KIND_FIELDS[kind]
            for name in required:
                if data.get(name) in (None, ""):
                    form.add_error(name, _("Needed for this kind of criterion."))
                    ok = False
            for name in CRITERION_FIELDS:
                if name not in used and data.get(name) not in (None, ""):
                    form.add_error(
                        name, _("Not used for this kind of criterion: leave it empty.")
                    )
                    ok = False
            min_score = data.get("min_score")
            if min_score is not None and not 0 <= min_score <= 100:
                form.add_error("min_score", _("A score is a percentage from 0 to 100."))
                ok = False
            module = data.get("module")
            if module is not None and module.specific_class.__name__ != "ModulePage":
                form.add_error("module", _("Choose a module page."))
                ok = False
            slug = data.get("scenario_slug")
            if slug and kind == Kind.SCENARIO_PASSED:
                if scenarios is None:
                    scenarios = _known_scenario_slugs() or set()
                if scenarios and slug not in scenarios:
                    form.add_error(
                        "scenario_slug",
                        _("No practice scenario has the slug “%(slug)s”.")
                        % {"slug": slug},
                    )
                    ok = False
            required_badge = data.get("required_badge")
            if required_badge is not None and kind == Kind.BADGE_HELD:
                if self.instance.pk and (
                    required_badge.pk == self.instance.pk
                    or _requires(required_badge, self.instance.pk)
                ):
                    form.add_error(
                        "required_badge",
                        _(
                            "A badge cannot require itself, directly or through another badge."
                        ),
                    )
                    ok = False
        rule = self.cleaned_data.get("rule")
        count = self.cleaned_data.get("required_count")
        if rule == BadgeClass.Rule.N_OF:
            if not count:
                self.add_error(
                    "required_count", _("Say how many criteria must be met (N).")
                )
                ok = False
            elif count > len(kept):
                self.add_error(
                    "required_count",
                    _(
                        "N is %(n)s, but the badge has only %(count)s criteria: it "
                        "could never be earned."
                    )
                    % {"n": count, "count": len(kept)},
                )
                ok = False
        elif count:
            self.add_error(
                "required_count",
                _("N is only used with “at least N criteria”: leave it empty."),
            )
            ok = False
        if rule == BadgeClass.Rule.ANY and len(kept) == 1:
            pass  # one criterion: "any" and "all" are the same; fine.
        return ok


class ManualAwardForm(forms.Form):
    badge_class = forms.ModelChoiceField(
        label=_("Badge"), queryset=BadgeClass.objects.all()
    )
    recipient = forms.ModelChoiceField(
        label=_("Employee"),
        queryset=get_user_model().objects.filter(is_active=True),
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Why this person receives the badge. It is part of the badge and shown to "
            "anyone who verifies it."
        ),
    )


class BulkAwardForm(forms.Form):
    badge_class = forms.ModelChoiceField(
        label=_("Badge"), queryset=BadgeClass.objects.all()
    )
    file = forms.FileField(
        label=_("CSV file with e-mail addresses"),
        help_text=_(
            "One e-mail address per line (UTF-8); a header “email” is allowed."
        ),
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why these people receive the badge (the same for everyone)."),
    )
    dry_run = forms.BooleanField(
        label=_("Check only (award nothing yet)"), required=False, initial=True
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown to the employee and on the public page of the badge, which will "
            "show it as revoked."
        ),
    )


class FrameworkImportForm(forms.Form):
    KIND_CHOICES = [
        ("framework", _("Competences, levels and behavioural indicators")),
        ("requirements", _("Function requirements")),
    ]
    kind = forms.ChoiceField(label=_("What the file holds"), choices=KIND_CHOICES)
    file = forms.FileField(label=_("CSV file"))
    encoding = forms.ChoiceField(
        label=_("Encoding"),
        choices=[(e, e.upper()) for e in ENCODINGS],
        initial="utf-8",
    )
    dry_run = forms.BooleanField(
        label=_("Check only (import nothing yet)"), required=False, initial=True
    )
