"""Bulk inserts for statement ingest.

On PostgreSQL rows go in with ``COPY ... FROM STDIN`` (psycopg 3 writes them in C):
about twice as fast as Django's ``bulk_create``, whose client-side parameter quoting
of large JSON payloads dominates a 100-statement batch. Elsewhere (SQLite) this is
``bulk_create``. Both run inside the caller's transaction.
"""

import json
from collections.abc import Sequence

from django.db import connection, models


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def bulk_insert(model: type[models.Model], fields: Sequence[str], rows: list[tuple]):
    """Insert ``rows`` (tuples of values for the ``fields`` attnames) into ``model``.

    Unique violations raise ``django.db.IntegrityError`` on every backend.
    """
    if not rows:
        return
    if not _postgresql():
        model.objects.bulk_create(
            [model(**dict(zip(fields, row, strict=True))) for row in rows],
            batch_size=500,
        )
        return
    meta_fields = [model._meta.get_field(name) for name in fields]
    json_positions = [
        i for i, f in enumerate(meta_fields) if isinstance(f, models.JSONField)
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in meta_fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, connection.wrap_database_errors:
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                if json_positions:
                    row = list(row)
                    for i in json_positions:
                        row[i] = json.dumps(row[i])
                copy.write_row(row)


def primary_keys_allocate(model: type[models.Model], count: int) -> list[int] | None:
    """``count`` new primary key values from the table's sequence, ascending; None
    where rows get theirs on insert instead (not PostgreSQL)."""
    if not _postgresql() or count == 0:
        return None
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return sorted(value for (value,) in cursor.fetchall())
