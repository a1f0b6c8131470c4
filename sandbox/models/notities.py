"""Notes on a case: what a case handler writes down for colleagues.

Zaken API 1.5 has no notes (``zaaknotities`` arrive in Zaken 1.7), but every
zaaksysteem has them. A note belongs to a zaak, is written on the sandbox clock
and is never edited: a correction is a new note, as in a paper file.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sandbox.models.zaken import Zaak


class Notitie(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    zaak = models.ForeignKey(
        Zaak,
        on_delete=models.CASCADE,
        related_name="notities",
        verbose_name=_("case"),
    )
    # None when the scenario wrote it (a colleague's note in the starting state).
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    auteur_naam = models.CharField(_("author name"), max_length=200, blank=True)
    onderwerp = models.CharField(_("subject"), max_length=200, blank=True)
    # Sanitised HTML (lms.core.sanitize.sanitize_html): paragraphs, lists, emphasis.
    tekst = models.TextField(_("text"))
    sandbox_time = models.DateTimeField(_("sandbox time"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["zaak", "-sandbox_time", "-pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return self.onderwerp or f"{self.zaak}: {self.sandbox_time:%Y-%m-%d %H:%M}"
