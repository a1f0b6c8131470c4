"""Forms for the case actions scenarios need beyond the basic set: recording the
object of a case (its location) and relating another case."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sandbox.forms import SandboxForm
from sandbox.models import Zaak
from sandbox.models.choices import AardRelatie, ZaakObjectType


class ZaakObjectForm(SandboxForm):
    object_type = forms.ChoiceField(
        label=_("Kind of object"),
        choices=[
            (value, label)
            for value, label in ZaakObjectType.choices
            if value
            in (
                ZaakObjectType.ADRES,
                ZaakObjectType.OPENBARE_RUIMTE,
                ZaakObjectType.PAND,
                ZaakObjectType.KADASTRALE_ONROERENDE_ZAAK,
            )
        ],
    )
    straat = forms.CharField(label=_("Street or public space"), max_length=80)
    huisnummer = forms.IntegerField(
        label=_("House number"), min_value=1, required=False
    )
    woonplaats = forms.CharField(label=_("Town"), max_length=80, initial="Zaakwijk")
    relatieomschrijving = forms.CharField(
        label=_("What it has to do with the case"), max_length=80, required=False
    )

    def object_identificatie(self) -> dict:
        data = self.cleaned_data
        identificatie = {
            "gorOpenbareRuimteNaam": data["straat"],
            "wplWoonplaatsNaam": data["woonplaats"],
        }
        if data.get("huisnummer"):
            identificatie["huisnummer"] = data["huisnummer"]
        return identificatie


class RelevanteZaakForm(SandboxForm):
    andere_zaak = forms.ModelChoiceField(
        label=_("Other case"), queryset=Zaak.objects.none()
    )
    aard_relatie = forms.ChoiceField(
        label=_("Relation"),
        choices=AardRelatie.choices,
        initial=AardRelatie.ONDERWERP,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, zaken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["andere_zaak"].queryset = zaken
        self.fields["andere_zaak"].label_from_instance = lambda zaak: (
            f"{zaak.identificatie} — {zaak.omschrijving}"
        )
