"""Reference data: the Selectielijst gemeenten 2020, as far as the catalogue uses it.

Loaded from ``sandbox/reference/selectielijst-2020-used.json`` by
``sandbox.catalogue.selectielijst_load``; never edited by hand.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from sandbox.models.choices import Archiefnominatie

SELECTIELIJST_API_ROOT = "https://selectielijst.openzaak.nl/api/v1/"


class SelectielijstProcestype(models.Model):
    """A procestype: the group of processes a zaaktype belongs to for archiving."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    nummer = models.PositiveSmallIntegerField(_("number"))
    jaar = models.PositiveSmallIntegerField(_("year"))
    naam = models.CharField(_("name"), max_length=100)
    omschrijving = models.TextField(_("description"), blank=True)
    toelichting = models.TextField(_("explanation"), blank=True)
    procesobject = models.CharField(_("process object"), max_length=200, blank=True)

    class Meta:
        ordering = ["jaar", "nummer"]
        verbose_name = _("selectielijst process type")
        verbose_name_plural = _("selectielijst process types")
        constraints = [
            models.UniqueConstraint(
                fields=["jaar", "nummer"], name="sandbox_procestype_unique_nummer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam}"

    @property
    def url(self) -> str:
        return f"{SELECTIELIJST_API_ROOT}procestypen/{self.uuid}"


class SelectielijstResultaat(models.Model):
    """A selectielijstklasse, e.g. 11.1.6 "Verleend" (blijvend bewaren)."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    procestype = models.ForeignKey(
        SelectielijstProcestype,
        on_delete=models.PROTECT,
        related_name="resultaten",
        verbose_name=_("process type"),
    )
    # "11.1.6": procestype, generic result, specific result.
    volledig_nummer = models.CharField(_("full number"), max_length=20)
    generiek_resultaat = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="specifieke_resultaten",
        verbose_name=_("generic result"),
    )
    nummer = models.PositiveSmallIntegerField(_("number"))
    naam = models.CharField(_("name"), max_length=40)
    omschrijving = models.CharField(_("description"), max_length=150, blank=True)
    herkomst = models.CharField(_("origin"), max_length=200, blank=True)
    waardering = models.CharField(
        _("appraisal"), max_length=20, choices=Archiefnominatie.choices
    )
    # "nihil", "bestaansduur_procesobject", ... or empty for permanent records.
    procestermijn = models.CharField(_("process term"), max_length=50, blank=True)
    bewaartermijn = models.CharField(
        _("retention period"),
        max_length=20,
        blank=True,
        help_text=_("ISO 8601 duration; empty when kept permanently."),
    )
    toelichting = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["procestype__jaar", "procestype__nummer", "volledig_nummer"]
        verbose_name = _("selectielijst result")
        verbose_name_plural = _("selectielijst results")
        constraints = [
            models.UniqueConstraint(
                fields=["procestype", "volledig_nummer"],
                name="sandbox_selectielijstresultaat_unique_nummer",
            )
        ]

    def __str__(self) -> str:
        label = f"{self.volledig_nummer} {self.naam}"
        if self.omschrijving:
            label += f" ({self.omschrijving})"
        return label

    @property
    def url(self) -> str:
        return f"{SELECTIELIJST_API_ROOT}resultaten/{self.uuid}"
