"""CSV and XLSX exports of the report tables, with the page's filters applied.

A table is a header row and an iterator of rows, read in chunks, so an export of
5,000 employees never holds them all in memory. CSV is streamed as it is written
(first bytes straight away); XLSX is written by openpyxl's write-only workbook into
a spooled temporary file (in memory up to 8 MB, then on disk) and streamed from there
in 64 KB chunks: memory stays bounded, but the first byte waits for the workbook.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

CHUNK = 500
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Table:
    name: str  # also the file name and the sheet title
    headers: list[str]
    rows: Iterable[list]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _safe_text(text: str) -> str:
    """Spreadsheet programs run a cell that starts with =, +, - or @ as a formula:
    a name like "=HYPERLINK(...)" must stay text (CSV injection)."""
    if text and text[0] in "=+-@\t\r" and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_chunks(table: Table) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";")
    # A byte order mark, so Excel reads the UTF-8 (ë, é) correctly.
    yield "\ufeff" + writer.writerow(table.headers)
    buffer = []
    for row in table.rows:
        buffer.append(writer.writerow([_safe_text(_cell_text(v)) for v in row]))
        if len(buffer) >= 200:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def _xlsx_value(value):
    if isinstance(value, datetime):
        # Excel has no time zones: local time, without tzinfo.
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, bool):
        return _cell_text(value)
    if value is None or isinstance(value, int | float | date):
        return value
    return _safe_text(str(value))


def _xlsx_file(table: Table):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=table.name[:31])
    bold = Font(bold=True)
    header = []
    for title in table.headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_xlsx_value(v) for v in row])
    spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    workbook.save(spooled)
    spooled.seek(0)
    return spooled


def _file_chunks(opener: Callable) -> Iterator[bytes]:
    handle = opener()
    try:
        while chunk := handle.read(64 * 1024):
            yield chunk
    finally:
        handle.close()


def export_response(*, table: Table, format: str) -> StreamingHttpResponse:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    filename = f"zaakwijs-{table.name}-{stamp}.{format}"
    if format == "csv":
        response = StreamingHttpResponse(
            _csv_chunks(table), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            _file_chunks(lambda: _xlsx_file(table)), content_type=XLSX_CONTENT_TYPE
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def chunked(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
