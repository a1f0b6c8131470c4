import functools

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from lms.reports.selectors import CellStatus, user_sees_reports

register = template.Library()


@register.simple_tag(takes_context=True)
def sees_reports(context) -> bool:
    """For the site navigation: HR, administrators and managers see the reports."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return bool(user is not None and user_sees_reports(user=user))


_SYMBOLS = {
    CellStatus.MET: "✓",
    CellStatus.EXPIRING: "!",
    CellStatus.GAP: "✗",
}


@functools.cache
def _words_in(language: str) -> dict[str, str]:
    return {
        CellStatus.MET: gettext("met"),
        CellStatus.EXPIRING: gettext("expiring soon"),
        CellStatus.GAP: gettext("gap"),
        CellStatus.NOT_REQUIRED: gettext("not required"),
        "expired": gettext("expired"),
    }


def _words() -> dict[str, str]:
    """The status words in the active language, translated once per language
    (2,000 cells would otherwise mean 8,000 catalogue look-ups)."""
    return _words_in(get_language() or "")


@register.filter
def matrix_cells(row) -> str:
    """All cells of a matrix row (one filter call per row, not per cell)."""
    words = _words()
    return mark_safe("".join(_cell(cell, words) for cell in row.cells))  # noqa: S308


def _cell(cell, words: dict[str, str]) -> str:
    """One matrix cell as a ``<td>``: built here rather than with an include per
    cell, which for 50 people × 40 competences costs a noticeable part of a second.
    Colour is never the only signal: a symbol and a visually hidden word."""
    status = cell.status
    if status == CellStatus.NOT_REQUIRED:
        if cell.level:
            inner = format_html(
                '{}<span class="zw-visually-hidden"> {}</span>',
                cell.level,
                words[status],
            )
        else:
            inner = format_html(
                '<span aria-hidden="true">·</span>'
                '<span class="zw-visually-hidden">{}</span>',
                words[status],
            )
    else:
        hidden = words[status]
        if cell.is_expired:
            hidden = f"{hidden}, {words['expired']}"
        inner = format_html(
            '<span aria-hidden="true">{}</span> {}/{}'
            '<span class="zw-visually-hidden"> {}</span>',
            _SYMBOLS[status],
            cell.level or 0,
            cell.required,
            hidden,
        )
    return format_html(
        '<td class="zw-matrix__cell zw-matrix__cell--{}">{}</td>', status, inner
    )
