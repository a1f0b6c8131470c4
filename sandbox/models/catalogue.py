"""The case-type catalogue, modelled on the Catalogi API 1.3.1 (ZTC).

Field names are the snake_case form of the VNG names (``begin_geldigheid`` is
``beginGeldigheid``, ``opschorting_en_aanhouding_mogelijk`` is
``opschortingEnAanhoudingMogelijk``); group attributes are flattened with their
group as prefix (``brondatum_archiefprocedure_afleidingswijze`` is
``brondatumArchiefprocedure.afleidingswijze``, ``specificatie_formaat`` is
``specificatie.formaat``). The catalogue is shared by all workspaces: learners
read it, only editors and the demo loader write it.
"""

import uuid
from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sandbox.durations import validate_iso_duration
from sandbox.models.choices import (
    AardRelatie,
    Afleidingswijze,
    Archiefnominatie,
    EigenschapFormaat,
    IndicatieInternOfExtern,
    Richting,
    RolOmschrijvingGeneriek,
    Vertrouwelijkheidaanduiding,
)
from sandbox.models.selectielijst import SelectielijstProcestype, SelectielijstResultaat
from sandbox.validators import validate_rsin


def _duration_field(verbose_name, **kwargs) -> models.CharField:
    return models.CharField(
        verbose_name,
        max_length=30,
        validators=[validate_iso_duration],
        help_text=_("ISO 8601 duration, e.g. P8W (8 weeks) or P1M (1 month)."),
        **kwargs,
    )


class Catalogus(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    naam = models.CharField(_("name"), max_length=200)
    domein = models.CharField(_("domain"), max_length=5)
    rsin = models.CharField(_("RSIN"), max_length=9, validators=[validate_rsin])
    versie = models.CharField(_("version"), max_length=20, blank=True)
    begindatum_versie = models.DateField(_("version start date"), null=True, blank=True)
    contactpersoon_beheer_naam = models.CharField(
        _("maintainer contact name"), max_length=40
    )
    contactpersoon_beheer_emailadres = models.EmailField(
        _("maintainer contact e-mail"), blank=True
    )

    class Meta:
        verbose_name = _("catalogue")
        verbose_name_plural = _("catalogues")
        constraints = [
            models.UniqueConstraint(
                fields=["domein", "rsin"], name="sandbox_catalogus_unique_domein"
            )
        ]

    def __str__(self) -> str:
        return self.naam or self.domein


class VersionedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(concept=False)

    def valid_on(self, day: date):
        """Published versions in force on ``day`` (eindeGeldigheid is inclusive)."""
        return self.published().filter(
            Q(einde_geldigheid__isnull=True) | Q(einde_geldigheid__gte=day),
            begin_geldigheid__lte=day,
        )


class Versioned(models.Model):
    """beginGeldigheid/eindeGeldigheid and the concept flag of catalogue objects.

    A published object is never edited for a new legal situation: a new version
    with a later ``begin_geldigheid`` is made, and zaken keep the version they were
    registered with.
    """

    begin_geldigheid = models.DateField(_("valid from"))
    einde_geldigheid = models.DateField(_("valid until"), null=True, blank=True)
    concept = models.BooleanField(
        _("draft"),
        default=True,
        help_text=_("A draft cannot be used for new cases until it is published."),
    )

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, day: date) -> bool:
        return (
            not self.concept
            and self.begin_geldigheid <= day
            and (self.einde_geldigheid is None or day <= self.einde_geldigheid)
        )


class InformatieObjectType(Versioned):
    """A document type, e.g. "Aanvraagformulier" or "Beschikking"."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    catalogus = models.ForeignKey(
        Catalogus,
        on_delete=models.PROTECT,
        related_name="informatieobjecttypen",
        verbose_name=_("catalogue"),
    )
    omschrijving = models.CharField(_("description"), max_length=80)
    vertrouwelijkheidaanduiding = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Vertrouwelijkheidaanduiding.choices,
    )
    informatieobjectcategorie = models.CharField(_("category"), max_length=80)
    trefwoord = models.JSONField(_("keywords"), default=list, blank=True)

    class Meta:
        ordering = ["omschrijving"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        constraints = [
            models.UniqueConstraint(
                fields=["catalogus", "omschrijving", "begin_geldigheid"],
                name="sandbox_iotype_unique_version",
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving


class BesluitType(Versioned):
    """A decision type; ``reactietermijn`` is the objection or appeal term."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    catalogus = models.ForeignKey(
        Catalogus,
        on_delete=models.PROTECT,
        related_name="besluittypen",
        verbose_name=_("catalogue"),
    )
    omschrijving = models.CharField(_("description"), max_length=80)
    omschrijving_generiek = models.CharField(
        _("generic description"), max_length=80, blank=True
    )
    besluitcategorie = models.CharField(
        _("decision category"), max_length=40, blank=True
    )
    reactietermijn = _duration_field(_("response term"), blank=True)
    publicatie_indicatie = models.BooleanField(_("to be published"), default=False)
    publicatietekst = models.TextField(_("publication text"), blank=True)
    publicatietermijn = _duration_field(_("publication term"), blank=True)
    toelichting = models.TextField(_("explanation"), blank=True)
    informatieobjecttypen = models.ManyToManyField(
        InformatieObjectType,
        blank=True,
        related_name="besluittypen",
        verbose_name=_("document types"),
        help_text=_("The document types a decision of this type is recorded in."),
    )

    class Meta:
        ordering = ["omschrijving"]
        verbose_name = _("decision type")
        verbose_name_plural = _("decision types")
        constraints = [
            models.UniqueConstraint(
                fields=["catalogus", "omschrijving", "begin_geldigheid"],
                name="sandbox_besluittype_unique_version",
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving


class ZaakType(Versioned):
    """A case type, versioned by ``identificatie`` and ``begin_geldigheid``."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    catalogus = models.ForeignKey(
        Catalogus,
        on_delete=models.PROTECT,
        related_name="zaaktypen",
        verbose_name=_("catalogue"),
    )
    identificatie = models.CharField(_("identification"), max_length=50)
    omschrijving = models.CharField(_("description"), max_length=80)
    omschrijving_generiek = models.CharField(
        _("generic description"), max_length=80, blank=True
    )
    vertrouwelijkheidaanduiding = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Vertrouwelijkheidaanduiding.choices,
    )
    doel = models.TextField(_("purpose"))
    aanleiding = models.TextField(_("cause"))
    toelichting = models.TextField(_("explanation"), blank=True)
    indicatie_intern_of_extern = models.CharField(
        _("internal or external"),
        max_length=6,
        choices=IndicatieInternOfExtern.choices,
    )
    handeling_initiator = models.CharField(_("initiator's action"), max_length=20)
    onderwerp = models.CharField(_("subject"), max_length=80)
    handeling_behandelaar = models.CharField(_("case handler's action"), max_length=20)
    # The legal term (uiterlijkeEinddatumAfdoening) and the organisation's own norm
    # (einddatumGepland).
    doorlooptijd = _duration_field(_("lead time"))
    servicenorm = _duration_field(_("service norm"), blank=True)
    opschorting_en_aanhouding_mogelijk = models.BooleanField(
        _("suspension possible"), default=False
    )
    verlenging_mogelijk = models.BooleanField(_("extension possible"), default=False)
    verlengingstermijn = _duration_field(_("extension term"), blank=True)
    trefwoorden = models.JSONField(_("keywords"), default=list, blank=True)
    publicatie_indicatie = models.BooleanField(_("to be published"), default=False)
    publicatietekst = models.TextField(_("publication text"), blank=True)
    producten_of_diensten = models.JSONField(
        _("products or services"), default=list, blank=True
    )
    selectielijst_procestype = models.ForeignKey(
        SelectielijstProcestype,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaaktypen",
        verbose_name=_("selectielijst process type"),
    )
    referentieproces_naam = models.CharField(
        _("reference process"), max_length=80, blank=True
    )
    verantwoordelijke = models.CharField(_("responsible unit"), max_length=50)
    versiedatum = models.DateField(_("version date"))
    informatieobjecttypen = models.ManyToManyField(
        InformatieObjectType,
        through="ZaakTypeInformatieObjectType",
        related_name="zaaktypen",
        verbose_name=_("document types"),
    )
    besluittypen = models.ManyToManyField(
        BesluitType,
        blank=True,
        related_name="zaaktypen",
        verbose_name=_("decision types"),
    )
    deelzaaktypen = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="hoofdzaaktypen",
        verbose_name=_("sub-case types"),
    )

    class Meta:
        ordering = ["omschrijving", "-begin_geldigheid"]
        verbose_name = _("case type")
        verbose_name_plural = _("case types")
        constraints = [
            models.UniqueConstraint(
                fields=["catalogus", "identificatie", "begin_geldigheid"],
                name="sandbox_zaaktype_unique_version",
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving

    def eindstatustype(self) -> "StatusType | None":
        """zrc-007: the eindstatus is the status type with the highest volgnummer."""
        return self.statustypen.order_by("-volgnummer").first()


class ZaakTypeInformatieObjectType(models.Model):
    """Which document types a case type uses, in which order and direction."""

    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="zaaktype_iotypen"
    )
    informatieobjecttype = models.ForeignKey(
        InformatieObjectType, on_delete=models.PROTECT, related_name="zaaktype_iotypen"
    )
    volgnummer = models.PositiveSmallIntegerField(_("sequence number"))
    richting = models.CharField(_("direction"), max_length=8, choices=Richting.choices)

    class Meta:
        ordering = ["zaaktype", "volgnummer"]
        verbose_name = _("document type of a case type")
        verbose_name_plural = _("document types of case types")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "informatieobjecttype"],
                name="sandbox_ztiot_unique_type",
            ),
            models.UniqueConstraint(
                fields=["zaaktype", "volgnummer"],
                name="sandbox_ztiot_unique_volgnummer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.zaaktype} – {self.informatieobjecttype}"


class GerelateerdZaakType(models.Model):
    """gerelateerdeZaaktypen: a case type whose cases matter to this one (a bezwaar
    is about a vergunning). Refers by identificatie, so it survives new versions."""

    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="gerelateerde_zaaktypen"
    )
    gerelateerd_zaaktype_identificatie = models.CharField(
        _("related case type identification"), max_length=50
    )
    aard_relatie = models.CharField(
        _("nature of the relation"), max_length=20, choices=AardRelatie.choices
    )
    toelichting = models.CharField(_("explanation"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("related case type")
        verbose_name_plural = _("related case types")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "gerelateerd_zaaktype_identificatie"],
                name="sandbox_gerelateerdzaaktype_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaaktype} → {self.gerelateerd_zaaktype_identificatie}"


class StatusType(models.Model):
    """A step in a case type's process; the highest volgnummer is the eindstatus."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    zaaktype = models.ForeignKey(
        ZaakType,
        on_delete=models.CASCADE,
        related_name="statustypen",
        verbose_name=_("case type"),
    )
    omschrijving = models.CharField(_("description"), max_length=80)
    omschrijving_generiek = models.CharField(
        _("generic description"), max_length=80, blank=True
    )
    statustekst = models.CharField(
        _("status text"),
        max_length=1000,
        blank=True,
        help_text=_(
            "The text used to inform the initiator that this status is reached."
        ),
    )
    volgnummer = models.PositiveSmallIntegerField(_("sequence number"))
    informeren = models.BooleanField(
        _("inform the initiator"),
        default=False,
        help_text=_("Whether the initiator must be told when this status is set."),
    )
    doorlooptijd = _duration_field(_("lead time"), blank=True)
    toelichting = models.CharField(_("explanation"), max_length=1000, blank=True)

    class Meta:
        ordering = ["zaaktype", "volgnummer"]
        verbose_name = _("status type")
        verbose_name_plural = _("status types")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "volgnummer"],
                name="sandbox_statustype_unique_volgnummer",
            ),
            models.CheckConstraint(
                condition=Q(volgnummer__gte=1, volgnummer__lte=9999),
                name="sandbox_statustype_volgnummer_range",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_eindstatus(self) -> bool:
        # Derived, as in the API: no other status type of the case type comes later.
        return not self.zaaktype.statustypen.filter(
            volgnummer__gt=self.volgnummer
        ).exists()


class RolType(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    zaaktype = models.ForeignKey(
        ZaakType,
        on_delete=models.CASCADE,
        related_name="roltypen",
        verbose_name=_("case type"),
    )
    omschrijving = models.CharField(_("description"), max_length=100)
    omschrijving_generiek = models.CharField(
        _("generic description"),
        max_length=20,
        choices=RolOmschrijvingGeneriek.choices,
    )

    class Meta:
        ordering = ["zaaktype", "omschrijving"]
        verbose_name = _("role type")
        verbose_name_plural = _("role types")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "omschrijving"],
                name="sandbox_roltype_unique_omschrijving",
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving


class ResultaatType(models.Model):
    """A possible outcome; it fixes the archive regime of the case (zrc-021)."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    zaaktype = models.ForeignKey(
        ZaakType,
        on_delete=models.CASCADE,
        related_name="resultaattypen",
        verbose_name=_("case type"),
    )
    omschrijving = models.CharField(_("description"), max_length=30)
    # In the API a URL into the referentielijsten (resultaattypeomschrijvingen);
    # the sandbox keeps the generic name, e.g. "Verleend", "Afgebroken".
    resultaattypeomschrijving = models.CharField(
        _("generic result description"), max_length=80
    )
    selectielijstklasse = models.ForeignKey(
        SelectielijstResultaat,
        on_delete=models.PROTECT,
        related_name="resultaattypen",
        verbose_name=_("selectielijst class"),
    )
    toelichting = models.TextField(_("explanation"), blank=True)
    archiefnominatie = models.CharField(
        _("archive nomination"), max_length=20, choices=Archiefnominatie.choices
    )
    archiefactietermijn = _duration_field(_("archive action term"), blank=True)
    brondatum_archiefprocedure_afleidingswijze = models.CharField(
        _("how the archive source date is derived"),
        max_length=25,
        choices=Afleidingswijze.choices,
    )
    brondatum_archiefprocedure_datumkenmerk = models.CharField(
        _("date attribute"), max_length=80, blank=True
    )
    brondatum_archiefprocedure_einddatum_bekend = models.BooleanField(
        _("end date known"), default=False
    )
    brondatum_archiefprocedure_objecttype = models.CharField(
        _("object type"), max_length=80, blank=True
    )
    brondatum_archiefprocedure_registratie = models.CharField(
        _("registration"), max_length=80, blank=True
    )
    brondatum_archiefprocedure_procestermijn = _duration_field(
        _("process term"), blank=True
    )

    class Meta:
        ordering = ["zaaktype", "omschrijving"]
        verbose_name = _("result type")
        verbose_name_plural = _("result types")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "omschrijving"],
                name="sandbox_resultaattype_unique_omschrijving",
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving


class Eigenschap(models.Model):
    """A case-type specific property (e.g. "Bouwkosten"), filled in per zaak."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    zaaktype = models.ForeignKey(
        ZaakType,
        on_delete=models.CASCADE,
        related_name="eigenschappen",
        verbose_name=_("case type"),
    )
    naam = models.CharField(_("name"), max_length=20)
    definitie = models.CharField(_("definition"), max_length=255)
    toelichting = models.CharField(_("explanation"), max_length=1000, blank=True)
    specificatie_groep = models.CharField(_("group"), max_length=32, blank=True)
    specificatie_formaat = models.CharField(
        _("format"), max_length=10, choices=EigenschapFormaat.choices
    )
    specificatie_lengte = models.CharField(_("length"), max_length=14)
    specificatie_kardinaliteit = models.CharField(
        _("cardinality"),
        max_length=3,
        default="1",
        help_text=_('"1" for one value, "N" for any number of values.'),
    )
    specificatie_waardenverzameling = models.JSONField(
        _("allowed values"), default=list, blank=True
    )

    class Meta:
        ordering = ["zaaktype", "naam"]
        verbose_name = _("property")
        verbose_name_plural = _("properties")
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "naam"], name="sandbox_eigenschap_unique_naam"
            )
        ]

    def __str__(self) -> str:
        return self.naam
