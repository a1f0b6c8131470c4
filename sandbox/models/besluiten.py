"""Decisions, modelled on the Besluiten API 1.0.2 (BRC)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from sandbox.models.catalogue import BesluitType
from sandbox.models.choices import Vervalreden
from sandbox.models.documenten import EnkelvoudigInformatieObject
from sandbox.models.workspace import Workspace
from sandbox.models.zaken import Zaak


class Besluit(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="besluiten",
        verbose_name=_("workspace"),
    )
    identificatie = models.CharField(_("identification"), max_length=50)
    verantwoordelijke_organisatie = models.CharField(
        _("responsible organisation (RSIN)"), max_length=9
    )
    besluittype = models.ForeignKey(
        BesluitType,
        on_delete=models.PROTECT,
        related_name="besluiten",
        verbose_name=_("decision type"),
    )
    zaak = models.ForeignKey(
        Zaak,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("case"),
    )
    datum = models.DateField(_("decision date"))
    toelichting = models.TextField(_("explanation"), blank=True)
    bestuursorgaan = models.CharField(
        _("administrative body"), max_length=50, blank=True
    )
    ingangsdatum = models.DateField(_("effective from"))
    vervaldatum = models.DateField(_("expires on"), null=True, blank=True)
    vervalreden = models.CharField(
        _("reason for expiry"), max_length=30, choices=Vervalreden.choices, blank=True
    )
    publicatiedatum = models.DateField(_("publication date"), null=True, blank=True)
    verzenddatum = models.DateField(_("date sent"), null=True, blank=True)
    uiterlijke_reactiedatum = models.DateField(
        _("final date for objection"), null=True, blank=True
    )
    informatieobjecten = models.ManyToManyField(
        EnkelvoudigInformatieObject,
        through="BesluitInformatieObject",
        related_name="besluiten",
        verbose_name=_("documents"),
    )

    class Meta:
        ordering = ["workspace", "-datum", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "verantwoordelijke_organisatie", "identificatie"],
                name="sandbox_besluit_unique_identificatie",
            )
        ]

    def __str__(self) -> str:
        return self.identificatie


class BesluitInformatieObject(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    besluit = models.ForeignKey(
        Besluit, on_delete=models.CASCADE, related_name="besluitinformatieobjecten"
    )
    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject,
        on_delete=models.CASCADE,
        related_name="besluitinformatieobjecten",
    )

    class Meta:
        verbose_name = _("decision document")
        verbose_name_plural = _("decision documents")
        constraints = [
            models.UniqueConstraint(
                fields=["besluit", "informatieobject"], name="sandbox_bio_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.besluit}: {self.informatieobject}"
