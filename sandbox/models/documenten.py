"""Documents, modelled on the Documenten API 1.4.3 (DRC).

``EnkelvoudigInformatieObject`` holds the current version of a document; every
create and every update also writes an ``EnkelvoudigInformatieObjectVersie`` (the
API's ``versie`` 1, 2, 3 ...), so earlier versions stay readable. Documents
belong to a workspace and are filed in a case through ``ZaakInformatieObject``.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from sandbox.models.catalogue import InformatieObjectType
from sandbox.models.choices import (
    DocumentStatus,
    OndertekeningSoort,
    Vertrouwelijkheidaanduiding,
)
from sandbox.models.workspace import Workspace


def document_upload_to(instance: "EnkelvoudigInformatieObjectVersie", filename: str):
    # One folder per workspace, so deleting an attempt can remove all its files.
    document = instance.document
    return (
        f"sandbox/{document.workspace.uuid}/documenten/"
        f"{document.uuid}/v{instance.versie}/{filename}"
    )


class EnkelvoudigInformatieObject(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="documenten",
        verbose_name=_("workspace"),
    )
    identificatie = models.CharField(_("identification"), max_length=40)
    bronorganisatie = models.CharField(_("source organisation (RSIN)"), max_length=9)
    informatieobjecttype = models.ForeignKey(
        InformatieObjectType,
        on_delete=models.PROTECT,
        related_name="documenten",
        verbose_name=_("document type"),
    )
    creatiedatum = models.DateField(_("creation date"))
    titel = models.CharField(_("title"), max_length=200)
    vertrouwelijkheidaanduiding = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Vertrouwelijkheidaanduiding.choices,
    )
    auteur = models.CharField(_("author"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, blank=True
    )
    formaat = models.CharField(_("format (media type)"), max_length=255, blank=True)
    taal = models.CharField(_("language"), max_length=3, default="dut")
    bestandsnaam = models.CharField(_("file name"), max_length=255, blank=True)
    beschrijving = models.CharField(_("description"), max_length=1000, blank=True)
    ontvangstdatum = models.DateField(_("date received"), null=True, blank=True)
    verzenddatum = models.DateField(_("date sent"), null=True, blank=True)
    # None means "not known yet"; a zaak cannot be closed while any of its
    # documents is still None (zrc-007, indicatiegebruiksrecht-unset).
    indicatie_gebruiksrecht = models.BooleanField(
        _("usage rights apply"), null=True, blank=True
    )
    ondertekening_soort = models.CharField(
        _("signature"), max_length=10, choices=OndertekeningSoort.choices, blank=True
    )
    ondertekening_datum = models.DateField(_("signed on"), null=True, blank=True)
    versie = models.PositiveIntegerField(_("version"), default=1)
    begin_registratie = models.DateTimeField(_("version registered at"))
    # The checkout token: empty when unlocked. Only its holder may update or unlock.
    lock = models.CharField(max_length=100, blank=True, editable=False)

    class Meta:
        ordering = ["workspace", "-begin_registratie", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "bronorganisatie", "identificatie"],
                name="sandbox_eio_unique_identificatie",
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def locked(self) -> bool:
        return bool(self.lock)

    def current_version(self) -> "EnkelvoudigInformatieObjectVersie | None":
        return self.versies.filter(versie=self.versie).first()


class EnkelvoudigInformatieObjectVersie(models.Model):
    """One version of a document: its metadata as it was, and its content."""

    document = models.ForeignKey(
        EnkelvoudigInformatieObject,
        on_delete=models.CASCADE,
        related_name="versies",
        verbose_name=_("document"),
    )
    versie = models.PositiveIntegerField(_("version"))
    begin_registratie = models.DateTimeField(_("registered at"))
    metadata = models.JSONField(_("metadata"), default=dict)
    inhoud = models.FileField(
        _("content"), upload_to=document_upload_to, max_length=500, blank=True
    )
    bestandsomvang = models.PositiveBigIntegerField(
        _("file size"), null=True, blank=True
    )

    class Meta:
        ordering = ["document", "versie"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "versie"], name="sandbox_eioversie_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.versie}"
