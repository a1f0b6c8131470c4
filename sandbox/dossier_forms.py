"""Forms of the case file: parties involved (one form per betrokkeneType), notes,
and document check-out, editing and new versions.

As in ``sandbox.forms`` they only collect and check input; every change goes
through ``sandbox.services``. The identifier checks (BSN and RSIN 11-proef, KvK
and branch numbers, postcode) are repeated here so the error sits next to the
field; the services check them again.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from sandbox.forms import SandboxForm, date_widget
from sandbox.models import Rol, RolType
from sandbox.models.choices import (
    BetrokkeneType,
    DocumentStatus,
    Geslachtsaanduiding,
    IndicatieMachtiging,
    InnRechtsvorm,
    OndertekeningSoort,
    Vertrouwelijkheidaanduiding,
)
from sandbox.services import (
    MedewerkerGegevens,
    NatuurlijkPersoonGegevens,
    NietNatuurlijkPersoonGegevens,
    OrganisatorischeEenheidGegevens,
    VestigingGegevens,
)
from sandbox.validators import (
    is_valid_bsn,
    is_valid_kvk_nummer,
    is_valid_postcode,
    is_valid_rsin,
    is_valid_vestigingsnummer,
)


def _text(label, max_length, **kwargs):
    kwargs.setdefault("required", False)
    return forms.CharField(label=label, max_length=max_length, **kwargs)


# --- Parties involved --------------------------------------------------------------


class RolForm(SandboxForm):
    """What every role has, whoever plays it."""

    betrokkene_type: str = ""
    betrokkene_fields: tuple[str, ...] = ()

    roltype = forms.ModelChoiceField(
        label=_("Role"), queryset=RolType.objects.none(), empty_label=None
    )
    roltoelichting = _text(_("Explanation of the role"), 1000)
    afwijkende_naam_betrokkene = _text(
        _("Name to address them by"),
        625,
        help_text=_("Only when it differs from the registered name."),
    )
    indicatie_machtiging = forms.ChoiceField(
        label=_("Authorisation"),
        choices=[("", _("No authorisation"))] + list(IndicatieMachtiging.choices),
        required=False,
        help_text=_(
            "An authorised representative acts on behalf of another party in this "
            "case; the principal is the party who gave the authorisation."
        ),
    )

    ROL_FIELDS = ("roltype", "roltoelichting", "afwijkende_naam_betrokkene")

    def __init__(self, *args, roltypen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roltype"].queryset = roltypen

    def rol_fields(self):
        return [self[name] for name in self.ROL_FIELDS]

    def machtiging_fields(self):
        return [self["indicatie_machtiging"]]

    def party_fields(self):
        return [self[name] for name in self.betrokkene_fields]

    def gegevens(self):
        raise NotImplementedError

    @classmethod
    def initial_for(cls, rol: Rol) -> dict:
        initial = {
            "roltype": rol.roltype_id,
            "roltoelichting": rol.roltoelichting,
            "afwijkende_naam_betrokkene": rol.afwijkende_naam_betrokkene,
            "indicatie_machtiging": rol.indicatie_machtiging,
        }
        betrokkene = rol.betrokkene
        if betrokkene is not None:
            initial.update(cls.betrokkene_initial(betrokkene))
        return initial

    @classmethod
    def betrokkene_initial(cls, betrokkene) -> dict:
        return {name: getattr(betrokkene, name) for name in cls.betrokkene_fields}

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            problem = self.gegevens().problem()
            if problem:
                self.add_error(None, problem)
        return cleaned


class NatuurlijkPersoonForm(RolForm):
    betrokkene_type = BetrokkeneType.NATUURLIJK_PERSOON
    betrokkene_fields = (
        "inp_bsn",
        "voorletters",
        "voornamen",
        "voorvoegsel_geslachtsnaam",
        "geslachtsnaam",
        "geslachtsaanduiding",
        "geboortedatum",
        "straat",
        "huisnummer",
        "huisletter",
        "huisnummertoevoeging",
        "postcode",
        "woonplaats",
    )
    ADRES = {
        "straat": "verblijfsadres_gor_openbare_ruimte_naam",
        "huisnummer": "verblijfsadres_aoa_huisnummer",
        "huisletter": "verblijfsadres_aoa_huisletter",
        "huisnummertoevoeging": "verblijfsadres_aoa_huisnummertoevoeging",
        "postcode": "verblijfsadres_aoa_postcode",
        "woonplaats": "verblijfsadres_wpl_woonplaats_naam",
    }

    inp_bsn = _text(
        _("BSN"), 9, help_text=_("Nine digits; the number must pass the 11-proef.")
    )
    voorletters = _text(_("Initials"), 20)
    voornamen = _text(_("First names"), 200)
    voorvoegsel_geslachtsnaam = _text(_("Surname prefix"), 80)
    geslachtsnaam = _text(_("Surname"), 200)
    geslachtsaanduiding = forms.ChoiceField(
        label=_("Sex"),
        choices=[("", "—")] + list(Geslachtsaanduiding.choices),
        required=False,
    )
    geboortedatum = forms.DateField(
        label=_("Date of birth"), widget=date_widget(), required=False
    )
    straat = _text(_("Street"), 80)
    huisnummer = forms.IntegerField(
        label=_("House number"), min_value=1, max_value=99999, required=False
    )
    huisletter = _text(_("House letter"), 1)
    huisnummertoevoeging = _text(_("House number addition"), 4)
    postcode = _text(_("Postcode"), 7)
    woonplaats = _text(_("Town"), 80)

    def clean_inp_bsn(self):
        bsn = self.cleaned_data["inp_bsn"].strip()
        if bsn and not is_valid_bsn(bsn):
            raise forms.ValidationError(
                _("BSN %(bsn)s is not valid: it does not pass the 11-proef.")
                % {"bsn": bsn}
            )
        return bsn

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip().upper()
        if postcode and not is_valid_postcode(postcode):
            raise forms.ValidationError(
                _("Postcode %(postcode)s is not valid, e.g. 1234 AB.")
                % {"postcode": postcode}
            )
        return postcode

    def gegevens(self) -> NatuurlijkPersoonGegevens:
        data = self.cleaned_data
        geboortedatum = data.get("geboortedatum")
        return NatuurlijkPersoonGegevens(
            inp_bsn=data.get("inp_bsn", ""),
            voorletters=data.get("voorletters", "").strip(),
            voornamen=data.get("voornamen", "").strip(),
            voorvoegsel_geslachtsnaam=data.get("voorvoegsel_geslachtsnaam", "").strip(),
            geslachtsnaam=data.get("geslachtsnaam", "").strip(),
            geslachtsaanduiding=data.get("geslachtsaanduiding", ""),
            geboortedatum=geboortedatum.isoformat() if geboortedatum else "",
            **{
                model_field: (
                    data.get(form_field)
                    if form_field == "huisnummer"
                    else (data.get(form_field) or "").strip()
                )
                for form_field, model_field in self.ADRES.items()
            },
        )

    @classmethod
    def betrokkene_initial(cls, betrokkene) -> dict:
        initial = {
            name: getattr(betrokkene, name)
            for name in cls.betrokkene_fields
            if name not in cls.ADRES
        }
        initial.update(
            {
                form_field: getattr(betrokkene, model_field)
                for form_field, model_field in cls.ADRES.items()
            }
        )
        return initial


class NietNatuurlijkPersoonForm(RolForm):
    betrokkene_type = BetrokkeneType.NIET_NATUURLIJK_PERSOON
    betrokkene_fields = (
        "statutaire_naam",
        "kvk_nummer",
        "inn_nnp_id",
        "inn_rechtsvorm",
        "bezoekadres",
    )

    statutaire_naam = _text(_("Registered name"), 500)
    kvk_nummer = _text(_("KvK number"), 8, help_text=_("Eight digits."))
    inn_nnp_id = _text(
        _("RSIN"), 9, help_text=_("Nine digits; the number must pass the 11-proef.")
    )
    inn_rechtsvorm = forms.ChoiceField(
        label=_("Legal form"),
        choices=[("", "—")] + list(InnRechtsvorm.choices),
        required=False,
    )
    bezoekadres = _text(_("Visiting address"), 1000)

    def clean_inn_nnp_id(self):
        rsin = self.cleaned_data["inn_nnp_id"].strip()
        if rsin and not is_valid_rsin(rsin):
            raise forms.ValidationError(
                _("RSIN %(rsin)s is not valid: it does not pass the 11-proef.")
                % {"rsin": rsin}
            )
        return rsin

    def clean_kvk_nummer(self):
        kvk = self.cleaned_data["kvk_nummer"].strip()
        if kvk and not is_valid_kvk_nummer(kvk):
            raise forms.ValidationError(_("A KvK number has eight digits."))
        return kvk

    def gegevens(self) -> NietNatuurlijkPersoonGegevens:
        data = self.cleaned_data
        return NietNatuurlijkPersoonGegevens(
            statutaire_naam=data.get("statutaire_naam", "").strip(),
            kvk_nummer=data.get("kvk_nummer", ""),
            inn_nnp_id=data.get("inn_nnp_id", ""),
            inn_rechtsvorm=data.get("inn_rechtsvorm", ""),
            bezoekadres=data.get("bezoekadres", "").strip(),
        )


class VestigingForm(RolForm):
    betrokkene_type = BetrokkeneType.VESTIGING
    betrokkene_fields = ("handelsnaam", "vestigings_nummer", "kvk_nummer")

    handelsnaam = forms.CharField(
        label=_("Trade names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line."),
    )
    vestigings_nummer = _text(
        _("Branch number"), 12, help_text=_("Twelve digits (vestigingsnummer).")
    )
    kvk_nummer = _text(_("KvK number"), 8, help_text=_("Eight digits."))

    def clean_vestigings_nummer(self):
        nummer = self.cleaned_data["vestigings_nummer"].strip()
        if nummer and not is_valid_vestigingsnummer(nummer):
            raise forms.ValidationError(_("A branch number has twelve digits."))
        return nummer

    clean_kvk_nummer = NietNatuurlijkPersoonForm.clean_kvk_nummer

    def gegevens(self) -> VestigingGegevens:
        data = self.cleaned_data
        names = [
            line.strip()[:625]
            for line in data.get("handelsnaam", "").splitlines()
            if line.strip()
        ]
        return VestigingGegevens(
            vestigings_nummer=data.get("vestigings_nummer", ""),
            kvk_nummer=data.get("kvk_nummer", ""),
            handelsnaam=names,
        )

    @classmethod
    def betrokkene_initial(cls, betrokkene) -> dict:
        return {
            "handelsnaam": "\n".join(betrokkene.handelsnaam or []),
            "vestigings_nummer": betrokkene.vestigings_nummer,
            "kvk_nummer": betrokkene.kvk_nummer,
        }


class MedewerkerForm(RolForm):
    betrokkene_type = BetrokkeneType.MEDEWERKER
    betrokkene_fields = (
        "identificatie",
        "voorletters",
        "voorvoegsel_achternaam",
        "achternaam",
    )

    identificatie = _text(_("User name"), 24)
    voorletters = _text(_("Initials"), 20)
    voorvoegsel_achternaam = _text(_("Surname prefix"), 10)
    achternaam = _text(_("Surname"), 200)

    def gegevens(self) -> MedewerkerGegevens:
        data = self.cleaned_data
        return MedewerkerGegevens(
            **{name: data.get(name, "").strip() for name in self.betrokkene_fields}
        )


class OrganisatorischeEenheidForm(RolForm):
    betrokkene_type = BetrokkeneType.ORGANISATORISCHE_EENHEID
    betrokkene_fields = ("naam", "identificatie", "is_gehuisvest_in")

    naam = _text(_("Name of the team or department"), 50)
    identificatie = _text(_("Identification"), 24)
    is_gehuisvest_in = _text(_("Housed in"), 24)

    def gegevens(self) -> OrganisatorischeEenheidGegevens:
        data = self.cleaned_data
        return OrganisatorischeEenheidGegevens(
            **{name: data.get(name, "").strip() for name in self.betrokkene_fields}
        )


# URL slug → form; the slugs are the betrokkeneType values with hyphens.
ROL_FORMS: dict[str, type[RolForm]] = {
    "natuurlijk-persoon": NatuurlijkPersoonForm,
    "niet-natuurlijk-persoon": NietNatuurlijkPersoonForm,
    "vestiging": VestigingForm,
    "medewerker": MedewerkerForm,
    "organisatorische-eenheid": OrganisatorischeEenheidForm,
}


def rol_form_for(betrokkene_type: str) -> tuple[str, type[RolForm]]:
    slug = betrokkene_type.replace("_", "-")
    return slug, ROL_FORMS[slug]


# --- Notes ------------------------------------------------------------------------


class NotitieForm(SandboxForm):
    onderwerp = _text(_("Subject"), 200)
    tekst = forms.CharField(
        label=_("Note"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Plain text, or simple HTML: paragraphs, lists, bold, italics and "
            "links. Never write a BSN in a note."
        ),
    )


# --- Documents --------------------------------------------------------------------

GEBRUIKSRECHT = [
    ("", _("Not known yet")),
    ("nee", _("No usage rights apply")),
    ("ja", _("Usage rights apply")),
]


class DocumentEditForm(SandboxForm):
    """The metadata a case handler changes on a checked-out document."""

    titel = forms.CharField(label=_("Title"), max_length=200)
    beschrijving = _text(_("Description"), 1000)
    vertrouwelijkheidaanduiding = forms.ChoiceField(
        label=_("Confidentiality"), choices=Vertrouwelijkheidaanduiding.choices
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", "—")] + list(DocumentStatus.choices),
        required=False,
        help_text=_("A final document can no longer be changed."),
    )
    indicatie_gebruiksrecht = forms.ChoiceField(
        label=_("Usage rights"), choices=GEBRUIKSRECHT, required=False
    )
    ontvangstdatum = forms.DateField(
        label=_("Date received"), widget=date_widget(), required=False
    )
    verzenddatum = forms.DateField(
        label=_("Date sent"), widget=date_widget(), required=False
    )
    ondertekening_soort = forms.ChoiceField(
        label=_("Signature"),
        choices=[("", _("Not signed"))] + list(OndertekeningSoort.choices),
        required=False,
    )
    ondertekening_datum = forms.DateField(
        label=_("Signed on"), widget=date_widget(), required=False
    )

    FIELDS = (
        "titel",
        "beschrijving",
        "vertrouwelijkheidaanduiding",
        "status",
        "indicatie_gebruiksrecht",
        "ontvangstdatum",
        "verzenddatum",
        "ondertekening_soort",
        "ondertekening_datum",
    )

    @classmethod
    def initial_for(cls, document) -> dict:
        initial = {name: getattr(document, name) for name in cls.FIELDS}
        initial["indicatie_gebruiksrecht"] = {True: "ja", False: "nee"}.get(
            document.indicatie_gebruiksrecht, ""
        )
        return initial

    def changes(self, document) -> dict:
        """Only what differs from the document as it is."""
        data = dict(self.cleaned_data)
        data["indicatie_gebruiksrecht"] = {"ja": True, "nee": False}.get(
            data["indicatie_gebruiksrecht"]
        )
        data["titel"] = data["titel"].strip()
        return {
            name: value
            for name, value in data.items()
            if getattr(document, name) != value
        }


class DocumentVersionForm(SandboxForm):
    inhoud = forms.FileField(label=_("File of the new version"))
