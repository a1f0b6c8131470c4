"""Reading an uploaded CSV file for an all-or-nothing import.

Shared by the imports (employees, the competence framework): the file's encoding is
chosen by the person uploading, the delimiter (``,`` or ``;``) and the header's
language (Dutch or English column names) are recognised, and every problem becomes
a :class:`RowError` naming the line and column, so the import can report them all
before it writes anything.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ENCODINGS = {
    "utf-8": gettext_lazy("UTF-8 (recommended)"),
    "cp1252": gettext_lazy("Windows-1252 (older Excel on Windows)"),
}


@dataclass(frozen=True)
class RowError:
    line: int  # 1-based line in the file; 0 for problems with the file as a whole
    column: str
    value: str
    message: str


@dataclass
class ImportReport:
    dry_run: bool
    errors: list[RowError] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)


def csv_records(
    data: bytes,
    *,
    encoding: str,
    columns: dict[str, tuple[str, ...]],
    max_rows: int,
    errors: list[RowError],
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, values by canonical column)`` for each non-empty row.

    ``columns`` maps each canonical column to the headers accepted for it; all are
    required. Problems with the file, the header or a row's shape are appended to
    ``errors``; a file or header problem ends the reading.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"Unsupported encoding {encoding!r}")
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError:
        errors.append(
            RowError(
                0,
                "",
                "",
                _(
                    "The file is not valid %(encoding)s text. Choose the right encoding or save the file as UTF-8."
                )
                % {"encoding": encoding},
            )
        )
        return
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        errors.append(RowError(0, "", "", _("The file is empty.")))
        return
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader)]
    header_errors = []
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = next((k for k, names in columns.items() if cell in names), None)
        if key is None:
            header_errors.append(RowError(1, cell, cell, _("Unknown column.")))
        elif key in positions:
            header_errors.append(
                RowError(1, cell, cell, _("This column appears twice."))
            )
        else:
            positions[key] = index
    for key in columns:
        if key not in positions:
            header_errors.append(RowError(1, key, "", _("Required column is missing.")))
    if header_errors:
        errors.extend(header_errors)
        return
    count = 0
    next_line = reader.line_num + 1
    for record in reader:
        # A quoted value may span lines: report the line the record starts on.
        line, next_line = next_line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        count += 1
        if count > max_rows:
            errors.append(
                RowError(
                    line,
                    "",
                    "",
                    _("Too many rows: at most %(max)s per file.") % {"max": max_rows},
                )
            )
            return
        if len(record) != len(header):
            errors.append(
                RowError(
                    line,
                    "",
                    "",
                    _("Expected %(expected)s values, found %(found)s.")
                    % {"expected": len(header), "found": len(record)},
                )
            )
            continue
        yield line, {key: record[pos].strip() for key, pos in positions.items()}
