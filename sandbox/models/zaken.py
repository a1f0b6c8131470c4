"""Practice cases, modelled on the Zaken API 1.5.1 (ZRC).

Names follow the VNG resource fields in snake_case (``uiterlijke_einddatum_afdoening``
is ``uiterlijkeEinddatumAfdoening``); the ``opschorting`` and ``verlenging`` groups
are flattened with their group as prefix. Every zaak lives in one workspace and is
only reached through it (``Zaak.objects.in_workspace`` / ``visible_to``).
Changes go through ``sandbox.services``, which enforce the standard's rules.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sandbox.durations import validate_iso_duration
from sandbox.models.catalogue import Eigenschap, ResultaatType, StatusType, ZaakType
from sandbox.models.choices import (
    AardRelatie,
    Archiefnominatie,
    Archiefstatus,
    Betalingsindicatie,
    Communicatiekanaal,
    Vertrouwelijkheidaanduiding,
    ZaakObjectType,
)
from sandbox.models.selectielijst import SelectielijstResultaat
from sandbox.models.workspace import Workspace


class ZaakQuerySet(models.QuerySet):
    def in_workspace(self, workspace: Workspace) -> "ZaakQuerySet":
        return self.filter(workspace=workspace)

    def visible_to(self, user) -> "ZaakQuerySet":
        return self.filter(workspace__in=Workspace.objects.visible_to(user))

    def open(self) -> "ZaakQuerySet":
        return self.filter(einddatum__isnull=True)

    def closed(self) -> "ZaakQuerySet":
        return self.filter(einddatum__isnull=False)


class Zaak(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="zaken",
        verbose_name=_("workspace"),
    )
    identificatie = models.CharField(_("case number"), max_length=40)
    bronorganisatie = models.CharField(_("source organisation (RSIN)"), max_length=9)
    verantwoordelijke_organisatie = models.CharField(
        _("responsible organisation (RSIN)"), max_length=9
    )
    omschrijving = models.CharField(_("description"), max_length=80, blank=True)
    toelichting = models.CharField(_("explanation"), max_length=1000, blank=True)
    zaaktype = models.ForeignKey(
        ZaakType,
        on_delete=models.PROTECT,
        related_name="zaken",
        verbose_name=_("case type"),
    )
    registratiedatum = models.DateField(_("registration date"))
    startdatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    einddatum_gepland = models.DateField(_("planned end date"), null=True, blank=True)
    uiterlijke_einddatum_afdoening = models.DateField(
        _("final date for settlement"), null=True, blank=True
    )
    publicatiedatum = models.DateField(_("publication date"), null=True, blank=True)
    communicatiekanaal = models.CharField(
        _("channel"), max_length=20, choices=Communicatiekanaal.choices, blank=True
    )
    vertrouwelijkheidaanduiding = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Vertrouwelijkheidaanduiding.choices,
    )
    betalingsindicatie = models.CharField(
        _("payment"), max_length=12, choices=Betalingsindicatie.choices, blank=True
    )
    laatste_betaaldatum = models.DateTimeField(
        _("last payment date"), null=True, blank=True
    )
    zaakgeometrie = models.JSONField(_("location (GeoJSON)"), null=True, blank=True)
    # Groep "verlenging": set once, by zaak_verlengen.
    verlenging_reden = models.CharField(
        _("extension reason"), max_length=200, blank=True
    )
    verlenging_duur = models.CharField(
        _("extension length"),
        max_length=30,
        blank=True,
        validators=[validate_iso_duration],
    )
    # Groep "opschorting".
    opschorting_indicatie = models.BooleanField(_("suspended"), default=False)
    opschorting_reden = models.CharField(
        _("suspension reason"), max_length=200, blank=True
    )
    # Sandbox bookkeeping (not in the API): when the current opschorting started and
    # how many calendar days earlier ones took, to recompute the legal end date.
    opschorting_sinds = models.DateField(_("suspended since"), null=True, blank=True)
    opschorting_dagen = models.PositiveIntegerField(
        _("days suspended so far"), default=0
    )
    selectielijstklasse = models.ForeignKey(
        SelectielijstResultaat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaken",
        verbose_name=_("selectielijst class"),
    )
    hoofdzaak = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deelzaken",
        verbose_name=_("main case"),
    )
    relevante_andere_zaken = models.ManyToManyField(
        "self",
        through="RelevanteZaak",
        symmetrical=False,
        related_name="+",
        verbose_name=_("related cases"),
    )
    archiefnominatie = models.CharField(
        _("archive nomination"),
        max_length=20,
        choices=Archiefnominatie.choices,
        blank=True,
    )
    archiefstatus = models.CharField(
        _("archive status"),
        max_length=40,
        choices=Archiefstatus.choices,
        default=Archiefstatus.NOG_TE_ARCHIVEREN,
    )
    archiefactiedatum = models.DateField(
        _("archive action date"), null=True, blank=True
    )
    startdatum_bewaartermijn = models.DateField(
        _("retention start date"), null=True, blank=True
    )
    # The latest status, kept here so a work queue needs no subquery (Zaak.status in
    # the API is derived the same way).
    status = models.ForeignKey(
        "sandbox.Status",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current status"),
    )

    objects = ZaakQuerySet.as_manager()

    class Meta:
        ordering = ["-registratiedatum", "-identificatie"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            # zrc-002: identificatie is unique within the bronorganisatie (per workspace).
            models.UniqueConstraint(
                fields=["workspace", "bronorganisatie", "identificatie"],
                name="sandbox_zaak_unique_identificatie",
            ),
            # zrc-013: a zaak is never its own hoofdzaak.
            models.CheckConstraint(
                condition=~Q(hoofdzaak=models.F("pk")),
                name="sandbox_zaak_not_own_hoofdzaak",
            ),
        ]

    def __str__(self) -> str:
        return self.identificatie

    @property
    def is_closed(self) -> bool:
        return self.einddatum is not None


class RelevanteZaak(models.Model):
    """relevanteAndereZaken: another case that matters to this one, and how."""

    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="relevante_zaak_relaties"
    )
    andere_zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="+")
    aard_relatie = models.CharField(
        _("nature of the relation"), max_length=20, choices=AardRelatie.choices
    )

    class Meta:
        verbose_name = _("related case")
        verbose_name_plural = _("related cases")
        constraints = [
            models.UniqueConstraint(
                fields=["zaak", "andere_zaak"], name="sandbox_relevantezaak_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaak} → {self.andere_zaak} ({self.aard_relatie})"


class Status(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.CASCADE, related_name="statussen", verbose_name=_("case")
    )
    statustype = models.ForeignKey(
        StatusType,
        on_delete=models.PROTECT,
        related_name="statussen",
        verbose_name=_("status type"),
    )
    datum_status_gezet = models.DateTimeField(_("date status set"))
    statustoelichting = models.CharField(
        _("status explanation"), max_length=1000, blank=True
    )
    gezetdoor = models.ForeignKey(
        "sandbox.Rol",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gezette_statussen",
        verbose_name=_("set by"),
    )

    class Meta:
        ordering = ["zaak", "datum_status_gezet", "pk"]
        verbose_name = _("status")
        verbose_name_plural = _("statuses")

    def __str__(self) -> str:
        return f"{self.zaak}: {self.statustype}"


class Resultaat(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.OneToOneField(
        Zaak, on_delete=models.CASCADE, related_name="resultaat", verbose_name=_("case")
    )
    resultaattype = models.ForeignKey(
        ResultaatType,
        on_delete=models.PROTECT,
        related_name="resultaten",
        verbose_name=_("result type"),
    )
    toelichting = models.CharField(_("explanation"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return f"{self.zaak}: {self.resultaattype}"


class ZaakEigenschap(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.ForeignKey(
        Zaak,
        on_delete=models.CASCADE,
        related_name="zaakeigenschappen",
        verbose_name=_("case"),
    )
    eigenschap = models.ForeignKey(
        Eigenschap,
        on_delete=models.PROTECT,
        related_name="zaakeigenschappen",
        verbose_name=_("property"),
    )
    waarde = models.TextField(_("value"))

    class Meta:
        ordering = ["zaak", "eigenschap__naam", "pk"]
        verbose_name = _("case property")
        verbose_name_plural = _("case properties")

    def __str__(self) -> str:
        return f"{self.naam}: {self.waarde}"

    @property
    def naam(self) -> str:
        return self.eigenschap.naam


class ZaakObject(models.Model):
    """An object the case is about: an address, a building, a piece of public space."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.ForeignKey(
        Zaak,
        on_delete=models.CASCADE,
        related_name="zaakobjecten",
        verbose_name=_("case"),
    )
    object_type = models.CharField(
        _("object type"), max_length=40, choices=ZaakObjectType.choices
    )
    object_type_overige = models.CharField(
        _("other object type"), max_length=100, blank=True
    )
    relatieomschrijving = models.CharField(
        _("relation description"), max_length=80, blank=True
    )
    # objectIdentificatie as in the API, e.g. {"wplWoonplaatsNaam": ..., "huisnummer": 1}.
    object_identificatie = models.JSONField(
        _("object identification"), default=dict, blank=True
    )

    class Meta:
        ordering = ["zaak", "pk"]
        verbose_name = _("case object")
        verbose_name_plural = _("case objects")

    def __str__(self) -> str:
        return f"{self.zaak}: {self.get_object_type_display()}"


class KlantContact(models.Model):
    """A contact with the customer about the case (a call, an e-mail, a visit)."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.ForeignKey(
        Zaak,
        on_delete=models.CASCADE,
        related_name="klantcontacten",
        verbose_name=_("case"),
    )
    identificatie = models.CharField(_("identification"), max_length=14)
    datumtijd = models.DateTimeField(_("date and time"))
    kanaal = models.CharField(_("channel"), max_length=20, blank=True)
    onderwerp = models.CharField(_("subject"), max_length=200, blank=True)
    toelichting = models.CharField(_("explanation"), max_length=1000, blank=True)

    class Meta:
        ordering = ["zaak", "datumtijd", "pk"]
        verbose_name = _("customer contact")
        verbose_name_plural = _("customer contacts")

    def __str__(self) -> str:
        return f"{self.zaak}: {self.onderwerp}"


class ZaakInformatieObject(models.Model):
    """A document filed in the case dossier (aardRelatieWeergave "Hoort bij")."""

    AARD_RELATIE_WEERGAVE = "Hoort bij, omgekeerd: kent"

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.ForeignKey(
        Zaak,
        on_delete=models.CASCADE,
        related_name="zaakinformatieobjecten",
        verbose_name=_("case"),
    )
    informatieobject = models.ForeignKey(
        "sandbox.EnkelvoudigInformatieObject",
        on_delete=models.CASCADE,
        related_name="zaakinformatieobjecten",
        verbose_name=_("document"),
    )
    titel = models.CharField(_("title"), max_length=200, blank=True)
    beschrijving = models.TextField(_("description"), blank=True)
    registratiedatum = models.DateTimeField(_("registered at"))
    status = models.ForeignKey(
        Status,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zaakinformatieobjecten",
        verbose_name=_("status"),
    )

    class Meta:
        ordering = ["zaak", "registratiedatum", "pk"]
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")
        constraints = [
            models.UniqueConstraint(
                fields=["zaak", "informatieobject"], name="sandbox_zio_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaak}: {self.informatieobject}"
