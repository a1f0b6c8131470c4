"""Roles in a case and who plays them (Zaken API 1.5.1: Rol and its betrokkeneIdentificatie).

As in Open Zaak, each kind of betrokkene has its own table, linked one-to-one to
the Rol; ``Rol.betrokkene_type`` says which one is filled in.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from sandbox.models.catalogue import RolType
from sandbox.models.choices import (
    BetrokkeneType,
    Geslachtsaanduiding,
    IndicatieMachtiging,
    InnRechtsvorm,
)
from sandbox.models.zaken import Zaak


class Rol(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="rollen", verbose_name=_("case")
    )
    roltype = models.ForeignKey(
        RolType,
        on_delete=models.PROTECT,
        related_name="rollen",
        verbose_name=_("role type"),
    )
    betrokkene_type = models.CharField(
        _("kind of party"), max_length=30, choices=BetrokkeneType.choices
    )
    afwijkende_naam_betrokkene = models.CharField(
        _("name to address the party by"), max_length=625, blank=True
    )
    roltoelichting = models.CharField(
        _("role explanation"), max_length=1000, blank=True
    )
    registratiedatum = models.DateTimeField(_("registered at"))
    indicatie_machtiging = models.CharField(
        _("authorisation"),
        max_length=20,
        choices=IndicatieMachtiging.choices,
        blank=True,
    )

    class Meta:
        ordering = ["zaak", "registratiedatum", "pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return f"{self.roltype}: {self.betrokkene_naam}"

    @property
    def omschrijving(self) -> str:
        return self.roltype.omschrijving

    @property
    def omschrijving_generiek(self) -> str:
        return self.roltype.omschrijving_generiek

    @property
    def betrokkene(self):
        """The identification row for ``betrokkene_type`` (or None)."""
        attribute = {
            BetrokkeneType.NATUURLIJK_PERSOON: "natuurlijk_persoon",
            BetrokkeneType.NIET_NATUURLIJK_PERSOON: "niet_natuurlijk_persoon",
            BetrokkeneType.VESTIGING: "vestiging",
            BetrokkeneType.ORGANISATORISCHE_EENHEID: "organisatorische_eenheid",
            BetrokkeneType.MEDEWERKER: "medewerker",
        }[self.betrokkene_type]
        return getattr(self, attribute, None)

    @property
    def betrokkene_naam(self) -> str:
        if self.afwijkende_naam_betrokkene:
            return self.afwijkende_naam_betrokkene
        betrokkene = self.betrokkene
        return betrokkene.naam if betrokkene is not None else ""


class NatuurlijkPersoon(models.Model):
    """A citizen. ``inp_bsn`` must pass the 11-proef; the sandbox only ever holds
    fictitious numbers."""

    rol = models.OneToOneField(
        Rol, on_delete=models.CASCADE, related_name="natuurlijk_persoon"
    )
    inp_bsn = models.CharField(_("BSN"), max_length=9, blank=True, db_index=True)
    anp_identificatie = models.CharField(
        _("municipal person number"), max_length=17, blank=True
    )
    geslachtsnaam = models.CharField(_("surname"), max_length=200, blank=True)
    voorvoegsel_geslachtsnaam = models.CharField(
        _("surname prefix"), max_length=80, blank=True
    )
    voorletters = models.CharField(_("initials"), max_length=20, blank=True)
    voornamen = models.CharField(_("first names"), max_length=200, blank=True)
    geslachtsaanduiding = models.CharField(
        _("sex"), max_length=1, choices=Geslachtsaanduiding.choices, blank=True
    )
    geboortedatum = models.CharField(_("date of birth"), max_length=18, blank=True)
    # Group "verblijfsadres".
    verblijfsadres_aoa_identificatie = models.CharField(
        _("address identification"), max_length=100, blank=True
    )
    verblijfsadres_gor_openbare_ruimte_naam = models.CharField(
        _("street"), max_length=80, blank=True
    )
    verblijfsadres_aoa_huisnummer = models.PositiveIntegerField(
        _("house number"), null=True, blank=True
    )
    verblijfsadres_aoa_huisletter = models.CharField(
        _("house letter"), max_length=1, blank=True
    )
    verblijfsadres_aoa_huisnummertoevoeging = models.CharField(
        _("house number addition"), max_length=4, blank=True
    )
    verblijfsadres_aoa_postcode = models.CharField(
        _("postcode"), max_length=7, blank=True
    )
    verblijfsadres_wpl_woonplaats_naam = models.CharField(
        _("town"), max_length=80, blank=True
    )

    class Meta:
        verbose_name = _("natural person")
        verbose_name_plural = _("natural persons")

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        parts = [
            self.voorletters or self.voornamen,
            self.voorvoegsel_geslachtsnaam,
            self.geslachtsnaam,
        ]
        return " ".join(part for part in parts if part)

    @property
    def adres(self) -> str:
        number = "".join(
            str(part)
            for part in (
                self.verblijfsadres_aoa_huisnummer or "",
                self.verblijfsadres_aoa_huisletter,
                f"-{self.verblijfsadres_aoa_huisnummertoevoeging}"
                if self.verblijfsadres_aoa_huisnummertoevoeging
                else "",
            )
        )
        street = " ".join(
            p for p in (self.verblijfsadres_gor_openbare_ruimte_naam, number) if p
        )
        town = " ".join(
            p
            for p in (
                self.verblijfsadres_aoa_postcode,
                self.verblijfsadres_wpl_woonplaats_naam,
            )
            if p
        )
        return ", ".join(p for p in (street, town) if p)


class NietNatuurlijkPersoon(models.Model):
    """A company, foundation or other legal person (RSIN, KvK number)."""

    rol = models.OneToOneField(
        Rol, on_delete=models.CASCADE, related_name="niet_natuurlijk_persoon"
    )
    # innNnpId: the RSIN.
    inn_nnp_id = models.CharField(_("RSIN"), max_length=9, blank=True, db_index=True)
    # kvkNummer arrives on niet-natuurlijk persoon in Zaken 1.6; 1.5 only has it on
    # vestiging. Kept here because a case handler looks companies up by it.
    kvk_nummer = models.CharField(
        _("Chamber of Commerce number"), max_length=8, blank=True, db_index=True
    )
    ann_identificatie = models.CharField(
        _("municipal organisation number"), max_length=17, blank=True
    )
    statutaire_naam = models.CharField(_("registered name"), max_length=500, blank=True)
    inn_rechtsvorm = models.CharField(
        _("legal form"), max_length=50, choices=InnRechtsvorm.choices, blank=True
    )
    bezoekadres = models.CharField(_("visiting address"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return self.statutaire_naam


class Vestiging(models.Model):
    rol = models.OneToOneField(Rol, on_delete=models.CASCADE, related_name="vestiging")
    vestigings_nummer = models.CharField(_("branch number"), max_length=24, blank=True)
    kvk_nummer = models.CharField(
        _("Chamber of Commerce number"), max_length=8, blank=True
    )
    handelsnaam = models.JSONField(_("trade names"), default=list, blank=True)

    class Meta:
        verbose_name = _("branch")
        verbose_name_plural = _("branches")

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return ", ".join(self.handelsnaam or [])


class OrganisatorischeEenheid(models.Model):
    """A team or department, e.g. "Team Buitendienst"."""

    rol = models.OneToOneField(
        Rol, on_delete=models.CASCADE, related_name="organisatorische_eenheid"
    )
    identificatie = models.CharField(_("identification"), max_length=24, blank=True)
    naam = models.CharField(_("name"), max_length=50, blank=True)
    is_gehuisvest_in = models.CharField(_("housed in"), max_length=24, blank=True)

    class Meta:
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")

    def __str__(self) -> str:
        return self.naam


class Medewerker(models.Model):
    """An employee of the (fictitious) municipality in a role, e.g. the behandelaar."""

    rol = models.OneToOneField(Rol, on_delete=models.CASCADE, related_name="medewerker")
    identificatie = models.CharField(_("identification"), max_length=24, blank=True)
    achternaam = models.CharField(_("surname"), max_length=200, blank=True)
    voorletters = models.CharField(_("initials"), max_length=20, blank=True)
    voorvoegsel_achternaam = models.CharField(
        _("surname prefix"), max_length=10, blank=True
    )

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        parts = [self.voorletters, self.voorvoegsel_achternaam, self.achternaam]
        return " ".join(part for part in parts if part)
