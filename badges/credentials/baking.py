"""Baked badge images: the image carries the award, so it can be verified alone.

PNG: an ``iTXt`` chunk with keyword ``openbadges`` holds the OB 2.0 assertion
(Open Badges 2.0 Baking) and one with keyword ``openbadgecredential`` the signed
OB 3.0 credential (Open Badges 3.0 §5.3). SVG: an ``openbadges:assertion`` element
with the ``verify`` attribute (the hosted assertion URL) holds the assertion.
"""

from __future__ import annotations

import io
import json
import re

from PIL import Image, PngImagePlugin

OB2_PNG_KEYWORD = "openbadges"
OB3_PNG_KEYWORD = "openbadgecredential"
OB2_SVG_NAMESPACE = "http://openbadges.org"


def bake_png(png: bytes, *, assertion: dict, credential: dict | None = None) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt(OB2_PNG_KEYWORD, json.dumps(assertion, ensure_ascii=False))
    if credential is not None:
        info.add_itxt(OB3_PNG_KEYWORD, json.dumps(credential, ensure_ascii=False))
    with Image.open(io.BytesIO(png)) as image:
        out = io.BytesIO()
        image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def unbake_png(png: bytes, keyword: str = OB2_PNG_KEYWORD) -> dict | None:
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        text = image.text.get(keyword) if hasattr(image, "text") else None
    return json.loads(text) if text else None


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def bake_svg(svg: str, *, assertion: dict) -> str:
    """Insert the assertion right after the root ``<svg …>`` start tag."""
    match = re.search(r"<svg\b[^>]*>", svg)
    if match is None:
        raise ValueError("Not an SVG document.")
    start_tag = match.group(0)
    if "xmlns:openbadges=" not in start_tag:
        start_tag = (
            start_tag[:-1].rstrip("/") + f' xmlns:openbadges="{OB2_SVG_NAMESPACE}">'
        )
    element = (
        f'<openbadges:assertion verify="{assertion["id"]}">'
        f"{_cdata(json.dumps(assertion, ensure_ascii=False))}"
        f"</openbadges:assertion>"
    )
    return svg[: match.start()] + start_tag + element + svg[match.end() :]


def unbake_svg(svg: str) -> dict | None:
    import xml.etree.ElementTree as ET  # noqa: N817, S405 - our own output in tests

    root = ET.fromstring(svg)  # noqa: S314
    element = root.find(f"{{{OB2_SVG_NAMESPACE}}}assertion")
    if element is None:
        return None
    return json.loads(element.text or "null")
