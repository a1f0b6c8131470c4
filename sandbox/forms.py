"""Forms of the practice UI. They only collect and check input; every change goes
through ``sandbox.services``, which enforce the ZGW rules and refuse with a
``SandboxRuleError`` that the view shows in the form."""

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from sandbox.models import (
    BesluitType,
    EnkelvoudigInformatieObject,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
)
from sandbox.models.choices import (
    Communicatiekanaal,
    DocumentStatus,
    Vertrouwelijkheidaanduiding,
)
from sandbox.services import NatuurlijkPersoonGegevens
from sandbox.validators import is_valid_bsn, is_valid_postcode

# The channels an intake arrives through at a municipal front office.
INTAKE_KANALEN = [
    (Communicatiekanaal.EMAIL.value, Communicatiekanaal.EMAIL.label),
    (Communicatiekanaal.BRIEF.value, Communicatiekanaal.BRIEF.label),
    (Communicatiekanaal.TELEFOON.value, Communicatiekanaal.TELEFOON.label),
    (Communicatiekanaal.BALIE.value, Communicatiekanaal.BALIE.label),
]


def date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LinkedErrorsBoundField(BoundField):
    """A screen reader announces a field's error with the field itself: the
    widget's aria-describedby names the error (and the help text)."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if self.errors and not widget.is_hidden:
            ids = [f"{self.auto_id}_error"]
            if self.help_text:
                ids.append(f"{self.auto_id}_helptext")
            attrs["aria-describedby"] = " ".join(ids)
        return attrs


class SandboxForm(forms.Form):
    bound_field_class = LinkedErrorsBoundField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class WorkspaceCreateForm(SandboxForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        initial=_("Free practice"),
        help_text=_("For example: practising melding openbare ruimte."),
    )


class ClockAdvanceForm(SandboxForm):
    working_days = forms.IntegerField(
        label=_("Number of working days"),
        min_value=1,
        max_value=130,
        initial=1,
        help_text=_("Weekends and public holidays are skipped."),
    )


class ZaakRegisterForm(SandboxForm):
    """An intake: what came in, through which channel, and from whom."""

    zaaktype = forms.ModelChoiceField(
        label=_("Case type"), queryset=ZaakType.objects.none(), empty_label=None
    )
    communicatiekanaal = forms.ChoiceField(
        label=_("Received through"), choices=INTAKE_KANALEN, widget=forms.RadioSelect
    )
    startdatum = forms.DateField(
        label=_("Date received"),
        widget=date_widget(),
        help_text=_("The day the request came in; terms run from this date."),
    )
    omschrijving = forms.CharField(label=_("Short description"), max_length=80)
    toelichting = forms.CharField(
        label=_("Explanation"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The initiator (optional: a melding can be anonymous).
    inp_bsn = forms.CharField(label=_("BSN"), max_length=9, required=False)
    voorletters = forms.CharField(label=_("Initials"), max_length=20, required=False)
    voorvoegsel_geslachtsnaam = forms.CharField(
        label=_("Surname prefix"), max_length=80, required=False
    )
    geslachtsnaam = forms.CharField(label=_("Surname"), max_length=200, required=False)
    straat = forms.CharField(label=_("Street"), max_length=80, required=False)
    huisnummer = forms.IntegerField(
        label=_("House number"), min_value=1, required=False
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    woonplaats = forms.CharField(label=_("Town"), max_length=80, required=False)

    INITIATOR_FIELDS = (
        "inp_bsn",
        "voorletters",
        "voorvoegsel_geslachtsnaam",
        "geslachtsnaam",
        "straat",
        "huisnummer",
        "postcode",
        "woonplaats",
    )

    def __init__(self, *args, zaaktypen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zaaktype"].queryset = zaaktypen

    def intake_fields(self):
        return [self[name] for name in ("zaaktype", "communicatiekanaal", "startdatum")]

    def description_fields(self):
        return [self["omschrijving"], self["toelichting"]]

    def initiator_fields(self):
        return [self[name] for name in self.INITIATOR_FIELDS]

    def initiator(self) -> NatuurlijkPersoonGegevens | None:
        data = self.cleaned_data
        if not any(data.get(name) for name in self.INITIATOR_FIELDS):
            return None
        return NatuurlijkPersoonGegevens(
            inp_bsn=data["inp_bsn"].strip(),
            voorletters=data["voorletters"].strip(),
            voorvoegsel_geslachtsnaam=data["voorvoegsel_geslachtsnaam"].strip(),
            geslachtsnaam=data["geslachtsnaam"].strip(),
            verblijfsadres_gor_openbare_ruimte_naam=data["straat"].strip(),
            verblijfsadres_aoa_huisnummer=data["huisnummer"],
            verblijfsadres_aoa_postcode=data["postcode"].strip().upper(),
            verblijfsadres_wpl_woonplaats_naam=data["woonplaats"].strip(),
        )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        initiator = self.initiator()
        # Checked before the zaak is registered, so a wrong BSN never leaves a
        # zaak without its initiator behind.
        problem = initiator.problem() if initiator else None
        if problem:
            field = None
            if initiator.inp_bsn and not is_valid_bsn(initiator.inp_bsn):
                field = "inp_bsn"
            elif initiator.verblijfsadres_aoa_postcode and not is_valid_postcode(
                initiator.verblijfsadres_aoa_postcode
            ):
                field = "postcode"
            self.add_error(field, problem)
        return cleaned


class BehandelaarForm(SandboxForm):
    identificatie = forms.CharField(label=_("User name"), max_length=24, required=False)
    voorletters = forms.CharField(label=_("Initials"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Surname"), max_length=200)
    roltoelichting = forms.CharField(
        label=_("Explanation"), max_length=1000, required=False
    )


class StatusForm(SandboxForm):
    statustype = forms.ModelChoiceField(
        label=_("New status"), queryset=StatusType.objects.none(), empty_label=None
    )
    statustoelichting = forms.CharField(
        label=_("Explanation"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened, in words the customer understands."),
    )

    def __init__(self, *args, statustypen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statustype"].queryset = statustypen


class ReopenForm(StatusForm):
    statustoelichting = forms.CharField(
        label=_("Reason for reopening"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CloseForm(SandboxForm):
    statustoelichting = forms.CharField(
        label=_("Explanation"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RequestInformationForm(SandboxForm):
    kanaal = forms.ChoiceField(label=_("Sent through"), choices=INTAKE_KANALEN)
    onderwerp = forms.CharField(
        label=_("What is asked for"),
        max_length=200,
        initial=_("Request for additional information"),
    )
    toelichting = forms.CharField(
        label=_("Explanation"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    opschorten = forms.BooleanField(
        label=_("Suspend the case (stop the clock) until the answer arrives"),
        required=False,
        initial=True,
    )
    reden = forms.CharField(
        label=_("Reason for suspension"),
        max_length=200,
        required=False,
        initial=_("Waiting for additional information (Awb 4:15)"),
    )


class OpschortenForm(SandboxForm):
    reden = forms.CharField(label=_("Reason for suspension"), max_length=200)


class HervattenForm(SandboxForm):
    toelichting = forms.CharField(
        label=_("Explanation"), max_length=1000, required=False
    )


class VerlengenForm(SandboxForm):
    UNITS = [("D", _("days")), ("W", _("weeks"))]

    aantal = forms.IntegerField(label=_("Length"), min_value=1, max_value=52)
    eenheid = forms.ChoiceField(label=_("Unit"), choices=UNITS, initial="W")
    reden = forms.CharField(label=_("Reason for the extension"), max_length=200)

    def duur(self) -> str:
        return f"P{self.cleaned_data['aantal']}{self.cleaned_data['eenheid']}"


class KlantContactForm(SandboxForm):
    kanaal = forms.ChoiceField(label=_("Channel"), choices=INTAKE_KANALEN)
    onderwerp = forms.CharField(label=_("Subject"), max_length=200)
    toelichting = forms.CharField(
        label=_("Explanation"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DocumentUploadForm(SandboxForm):
    GEBRUIKSRECHT = [
        ("", _("Not known yet")),
        ("nee", _("No usage rights apply")),
        ("ja", _("Usage rights apply")),
    ]

    informatieobjecttype = forms.ModelChoiceField(
        label=_("Document type"), queryset=InformatieObjectType.objects.none()
    )
    titel = forms.CharField(label=_("Title"), max_length=200)
    auteur = forms.CharField(label=_("Author"), max_length=200)
    vertrouwelijkheidaanduiding = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=[("", _("As the document type says"))]
        + list(Vertrouwelijkheidaanduiding.choices),
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", "—")] + list(DocumentStatus.choices),
        required=False,
    )
    ontvangstdatum = forms.DateField(
        label=_("Date received"), widget=date_widget(), required=False
    )
    verzenddatum = forms.DateField(
        label=_("Date sent"), widget=date_widget(), required=False
    )
    indicatie_gebruiksrecht = forms.ChoiceField(
        label=_("Usage rights"), choices=GEBRUIKSRECHT, required=False
    )
    inhoud = forms.FileField(label=_("File"), required=False)

    def __init__(self, *args, informatieobjecttypen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informatieobjecttype"].queryset = informatieobjecttypen

    def gebruiksrecht(self) -> bool | None:
        return {"ja": True, "nee": False}.get(
            self.cleaned_data["indicatie_gebruiksrecht"]
        )


class DocumentLinkForm(SandboxForm):
    document = forms.ModelChoiceField(
        label=_("Document"), queryset=EnkelvoudigInformatieObject.objects.none()
    )

    def __init__(self, *args, documenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documenten
        self.fields["document"].label_from_instance = lambda d: (
            f"{d.identificatie} — {d.titel}"
        )


class BesluitForm(SandboxForm):
    besluittype = forms.ModelChoiceField(
        label=_("Decision type"), queryset=BesluitType.objects.none(), empty_label=None
    )
    datum = forms.DateField(label=_("Decision date"), widget=date_widget())
    ingangsdatum = forms.DateField(label=_("Takes effect on"), widget=date_widget())
    verzenddatum = forms.DateField(
        label=_("Date sent"), widget=date_widget(), required=False
    )
    toelichting = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, besluittypen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluittype"].queryset = besluittypen


class ResultaatForm(SandboxForm):
    resultaattype = forms.ModelChoiceField(
        label=_("Result"), queryset=ResultaatType.objects.none(), empty_label=None
    )
    toelichting = forms.CharField(
        label=_("Explanation"), max_length=1000, required=False
    )

    def __init__(self, *args, resultaattypen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resultaattype"].queryset = resultaattypen


class SearchForm(SandboxForm):
    q = forms.CharField(
        label=_("Search by case number, BSN or name"), max_length=100, required=False
    )
