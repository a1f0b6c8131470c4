"""ISO 8601 durations as the ZGW APIs use them (``P8W``, ``P1M``, ``P5Y``, ``P14D``).

Django's own ``parse_duration`` has no months or years, and a legal term of "one
month" is not 30 days, so terms are kept as text and applied to dates here.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PATTERN = re.compile(
    r"^P(?!$)"
    r"(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


@dataclass(frozen=True)
class IsoDuration:
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: int = 0

    @classmethod
    def parse(cls, value: str) -> "IsoDuration":
        match = _PATTERN.match(value.strip().upper()) if value else None
        if match is None:
            raise ValueError(f"not an ISO 8601 duration: {value!r}")
        return cls(**{k: int(v) for k, v in match.groupdict().items() if v})

    @property
    def in_calendar_months(self) -> bool:
        # The Algemene termijnenwet treats terms in months or years differently.
        return bool(self.years or self.months)

    def add_to(self, start: date) -> date:
        """``start`` plus the date part of this duration; months and years keep
        the day of the month, clipped to the month's last day (31 January + P1M is
        28 or 29 February)."""
        total_months = start.month - 1 + self.months + 12 * self.years
        year = start.year + total_months // 12
        month = total_months % 12 + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        # A date has no time of day: hours, minutes and seconds are left out here
        # (sandbox.clock.advance applies them to a moment).
        return date(year, month, day) + timedelta(weeks=self.weeks, days=self.days)

    def __str__(self) -> str:
        date_part = "".join(
            f"{value}{unit}"
            for value, unit in (
                (self.years, "Y"),
                (self.months, "M"),
                (self.weeks, "W"),
                (self.days, "D"),
            )
            if value
        )
        time_part = "".join(
            f"{value}{unit}"
            for value, unit in (
                (self.hours, "H"),
                (self.minutes, "M"),
                (self.seconds, "S"),
            )
            if value
        )
        text = "P" + date_part + (f"T{time_part}" if time_part else "")
        return text if text != "P" else "P0D"


def parse_duration(value: str | IsoDuration) -> IsoDuration:
    if isinstance(value, IsoDuration):
        return value
    return IsoDuration.parse(value)


def add_duration(start: date, duration: str | IsoDuration) -> date:
    return parse_duration(duration).add_to(start)


def validate_iso_duration(value: str) -> None:
    """Model field validator for ZGW duration fields."""
    try:
        IsoDuration.parse(value)
    except ValueError:
        raise ValidationError(
            _("Enter an ISO 8601 duration such as P8W, P6W, P1M or P5Y."),
            code="invalid_duration",
        ) from None
