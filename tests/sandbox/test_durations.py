from datetime import date

import pytest
from django.core.exceptions import ValidationError

from sandbox.durations import (
    IsoDuration,
    add_duration,
    parse_duration,
    validate_iso_duration,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P8W", IsoDuration(weeks=8)),
        ("P1M", IsoDuration(months=1)),
        ("P5Y", IsoDuration(years=5)),
        ("P14D", IsoDuration(days=14)),
        ("P1Y2M3D", IsoDuration(years=1, months=2, days=3)),
        ("PT2H30M", IsoDuration(hours=2, minutes=30)),
        ("p6w", IsoDuration(weeks=6)),
    ],
)
def test_parse_reads_zgw_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["", "P", "PT", "8W", "P8", "P-1D", "P1.5D", "zes weken"]
)
def test_parse_refuses_what_is_not_a_duration(text):
    with pytest.raises(ValueError):
        IsoDuration.parse(text)


def test_text_form_round_trips():
    for text in ["P8W", "P1M", "P5Y", "P1Y2M3D", "PT2H", "P0D"]:
        assert str(parse_duration(text)) == text


def test_months_keep_the_day_and_clip_at_month_end():
    assert add_duration(date(2025, 1, 15), "P1M") == date(2025, 2, 15)
    assert add_duration(date(2025, 1, 31), "P1M") == date(2025, 2, 28)
    assert add_duration(date(2024, 1, 31), "P1M") == date(2024, 2, 29)
    assert add_duration(date(2024, 2, 29), "P1Y") == date(2025, 2, 28)
    assert add_duration(date(2025, 11, 30), "P3M") == date(2026, 2, 28)


def test_weeks_and_days_are_calendar_days():
    assert add_duration(date(2025, 3, 3), "P8W") == date(2025, 4, 28)
    assert add_duration(date(2025, 3, 3), "P30D") == date(2025, 4, 2)


def test_time_part_does_not_move_a_date():
    assert add_duration(date(2025, 3, 3), "PT36H") == date(2025, 3, 3)


def test_validator_accepts_durations_and_refuses_other_text():
    validate_iso_duration("P6W")
    with pytest.raises(ValidationError):
        validate_iso_duration("6 weken")
