"""The public "verify a badge" form: paste a credential or upload a badge file."""

from __future__ import annotations

import json
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from . import baking

MAX_BYTES = 512 * 1024
_SVG_VERIFY = re.compile(
    r"<openbadges:assertion\b[^>]*\bverify\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE
)


class CredentialVerifyForm(forms.Form):
    credential = forms.CharField(
        label=_("Credential (JSON)"),
        help_text=_("Paste an Open Badges 3.0 credential."),
        required=False,
        max_length=MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    file = forms.FileField(
        label=_("Or choose a file"),
        help_text=_(
            "A downloaded credential (.json) or a badge image with the badge inside "
            "(.png, .svg)."
        ),
        required=False,
    )

    def _from_file(self, upload) -> dict | str:
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 512 KB)."))
        data = upload.read()
        if data.startswith(b"\x89PNG"):
            try:
                found = baking.unbake_png(data, baking.OB3_PNG_KEYWORD)
                found = found or baking.unbake_png(data)
            except (OSError, ValueError) as exc:
                raise forms.ValidationError(_("This PNG cannot be read.")) from exc
            if found is None:
                raise forms.ValidationError(_("This image carries no badge."))
            return found
        text = data.decode("utf-8", errors="replace")
        if "<svg" in text[:2048]:
            match = _SVG_VERIFY.search(text)
            if match is None:
                raise forms.ValidationError(_("This image carries no badge."))
            return match.group(1)  # the hosted assertion's URL
        return self._parse(text)

    @staticmethod
    def _parse(text: str) -> dict:
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise forms.ValidationError(_("This is not valid JSON.")) from exc
        if not isinstance(document, dict):
            raise forms.ValidationError(_("This is not a credential."))
        return document

    def clean(self):
        cleaned = super().clean()
        text = (cleaned.get("credential") or "").strip()
        upload = cleaned.get("file")
        if upload:
            cleaned["document"] = self._from_file(upload)
        elif text:
            cleaned["document"] = self._parse(text)
        else:
            raise forms.ValidationError(_("Paste a credential or choose a file."))
        return cleaned
