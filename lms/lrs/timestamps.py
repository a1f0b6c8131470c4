"""ISO 8601 timestamps as xAPI uses them (1.0.3 Data §4.5, 2.0 §4.2.7).

The LRS returns every timestamp it sets or normalises in UTC with at least
millisecond precision (Data §4.5.s1.b3, b6), e.g. ``2024-05-04T17:00:00.000Z``.
"""

from datetime import UTC, datetime


def timestamp_parse(value: object) -> datetime | None:
    """An aware datetime for an ISO 8601 timestamp, or None when it is not one.

    A timestamp without a time zone is read as UTC: Data §4.5.s1.b4 only says it
    SHOULD carry one, and UTC is the LRS's own zone. Digits beyond microseconds are
    dropped, which §4.5.s1.b7 allows (truncation to at least milliseconds).
    """
    if not isinstance(value, str) or "T" not in value.upper():
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def timestamp_format(value: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS.fff[fff]Z``: milliseconds always, microseconds when set."""
    value = value.astimezone(UTC)
    spec = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    return value.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def now_milliseconds() -> datetime:
    """The current time truncated to milliseconds.

    ``stored`` is written to its column and into the payload; truncating first keeps
    both identical, so ``since``/``until`` compare the value clients see.
    """
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond - now.microsecond % 1000)
