"""Badge images: the uploaded one, or one generated from the badge's name and level.

The generated image is a round seal in the platform's colours with the level as a
row of stars and the name underneath; PNG (for baking and backpacks) and SVG.
"""

from __future__ import annotations

import base64
import hashlib
import io
import math
import textwrap
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

from badges.models import BadgeClass

SIZE = 400
# Dark and light tone per competence category/badge (picked from the name's hash),
# all with a contrast of at least 4.5:1 against white text.
PALETTE = [
    ("#154273", "#e6eef7"),  # Rijksblauw
    ("#0b5e55", "#e3f2ef"),
    ("#7a1f5c", "#f6e8f1"),
    ("#8a4b00", "#fbefe0"),
    ("#3b3b8f", "#ebebf8"),
]


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _colours(badge_class: BadgeClass) -> tuple[str, str]:
    seed = (
        badge_class.competence.code if badge_class.competence_id else badge_class.slug
    )
    digest = hashlib.sha256((seed or badge_class.name).encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def _level_label(badge_class: BadgeClass) -> str:
    if not badge_class.level:
        return ""
    level = None
    if badge_class.competence_id:
        level = badge_class.competence.levels.filter(level=badge_class.level).first()
    return level.name if level else str(badge_class.level)


def _lines(name: str) -> list[str]:
    lines = textwrap.wrap(name, width=18)[:3]
    if len(textwrap.wrap(name, width=18)) > 3:
        lines[-1] = lines[-1][:17] + "…"
    return lines


def _font(size: int) -> ImageFont.ImageFont:
    # A bold system font when there is one (Debian: fonts-dejavu), else Pillow's own.
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType
        return ImageFont.load_default()


def _star(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    points = []
    for n in range(10):
        r = radius if n % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + n * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    return points


def _star_centres(level: int) -> list[float]:
    return [SIZE / 2 + (n - (level - 1) / 2) * 40 for n in range(level)]


def generated_png(badge_class: BadgeClass) -> bytes:
    dark, light = _colours(badge_class)
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=dark)
    draw.ellipse((28, 28, SIZE - 28, SIZE - 28), outline=light, width=4)
    for cx in _star_centres(badge_class.level or 0):
        draw.polygon(_star(cx, 92, 17), fill=light)
    lines = _lines(badge_class.name)
    font = _font(28)
    top = SIZE / 2 - (len(lines) - 1) * 19
    for number, line in enumerate(lines):
        draw.text(
            (SIZE / 2, top + number * 38), line, fill="#ffffff", font=font, anchor="mm"
        )
    label = _level_label(badge_class)
    if label:
        draw.text((SIZE / 2, SIZE - 96), label, fill=light, font=_font(26), anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def generated_svg(badge_class: BadgeClass) -> str:
    dark, light = _colours(badge_class)
    lines = _lines(badge_class.name)
    top = SIZE / 2 - (len(lines) - 1) * 19
    texts = "".join(
        f'<text x="200" y="{top + n * 38:.0f}" font-size="30" fill="#ffffff">'
        f"{escape(line)}</text>"
        for n, line in enumerate(lines)
    )
    stars = "".join(
        '<polygon fill="{}" points="{}"/>'.format(
            light, " ".join(f"{x:.1f},{y:.1f}" for x, y in _star(cx, 92, 17))
        )
        for cx in _star_centres(badge_class.level or 0)
    )
    label = _level_label(badge_class)
    label_text = (
        f'<text x="200" y="{SIZE - 96}" font-size="26" fill="{light}">'
        f"{escape(label)}</text>"
        if label
        else ""
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label="{_attr(badge_class.name)}">'
        f"<title>{escape(badge_class.name)}</title>"
        f'<circle cx="200" cy="200" r="192" fill="{dark}"/>'
        f'<circle cx="200" cy="200" r="172" fill="none" stroke="{light}" '
        f'stroke-width="4"/>'
        f'<g font-family="sans-serif" font-weight="bold" text-anchor="middle" '
        f'dominant-baseline="middle">{stars}{texts}{label_text}</g>'
        f"</svg>"
    )


def badge_png(badge_class: BadgeClass) -> bytes:
    """The badge as PNG: the upload (converted when needed) or a generated one."""
    if badge_class.image:
        try:
            with badge_class.image.open("rb") as handle:
                data = handle.read()
            with Image.open(io.BytesIO(data)) as uploaded:
                if uploaded.format == "PNG":
                    return data
                out = io.BytesIO()
                uploaded.convert("RGBA").save(out, format="PNG")
                return out.getvalue()
        except (OSError, ValueError):
            pass  # A missing or broken upload falls back to the generated image.
    return generated_png(badge_class)


def badge_svg(badge_class: BadgeClass) -> str:
    """The badge as SVG: generated, or the upload embedded as a PNG."""
    if badge_class.image:
        png = badge_png(badge_class)
        encoded = base64.b64encode(png).decode()
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{SIZE}" '
            f'height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}" role="img" '
            f'aria-label="{_attr(badge_class.name)}">'
            f"<title>{escape(badge_class.name)}</title>"
            f'<image width="{SIZE}" height="{SIZE}" '
            f'href="data:image/png;base64,{encoded}"/></svg>'
        )
    return generated_svg(badge_class)
