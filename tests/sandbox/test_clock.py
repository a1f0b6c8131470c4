from datetime import date, datetime

import pytest
from django.utils import timezone

from sandbox.clock import (
    add_working_days,
    advance,
    dutch_holidays,
    easter_sunday,
    holiday_name,
    is_working_day,
    kings_day,
    next_working_day,
    term_end,
    working_days_between,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2008, date(2008, 3, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


def test_the_holidays_of_2025():
    assert set(dutch_holidays(2025)) == {
        date(2025, 1, 1),
        date(2025, 4, 18),  # Goede Vrijdag (Atw art. 3 lid 2)
        date(2025, 4, 20),
        date(2025, 4, 21),
        date(2025, 4, 26),  # Koningsdag on Saturday: 27 April is a Sunday
        date(2025, 5, 5),
        date(2025, 5, 29),  # Hemelvaartsdag
        date(2025, 6, 8),
        date(2025, 6, 9),
        date(2025, 12, 25),
        date(2025, 12, 26),
    }


def test_kings_day_moves_to_saturday_only_when_the_27th_is_a_sunday():
    assert kings_day(2024) == date(2024, 4, 27)
    assert kings_day(2025) == date(2025, 4, 26)
    assert kings_day(2030) == date(2030, 4, 27)  # a Saturday itself
    assert kings_day(2031) == date(2031, 4, 26)
    # Koninginnedag before 2014: 30 April, or the 29th when that is a Sunday.
    assert kings_day(2013) == date(2013, 4, 30)
    assert kings_day(2006) == date(2006, 4, 29)


def test_liberation_day_is_a_holiday_every_year():
    # Not only in lustrum years (2025, 2030): also Tuesday 5 May 2026.
    assert date(2026, 5, 5).weekday() == 1
    assert not is_working_day(date(2026, 5, 5))
    assert not is_working_day(date(2027, 5, 5))


def test_working_days():
    assert is_working_day(date(2025, 3, 3))  # a Monday
    assert not is_working_day(date(2025, 3, 8))  # a Saturday
    assert not is_working_day(date(2025, 4, 18))  # Goede Vrijdag
    assert not is_working_day(date(2025, 5, 29))  # Hemelvaartsdag
    assert is_working_day(
        date(2025, 5, 30)
    )  # the Friday after: decree days are not guessed
    assert holiday_name(date(2025, 12, 25))
    assert holiday_name(date(2025, 12, 24)) is None


def test_next_working_day():
    assert next_working_day(date(2025, 4, 18)) == date(2025, 4, 22)
    assert next_working_day(date(2025, 3, 3)) == date(2025, 3, 3)
    assert next_working_day(date(2025, 3, 3), include_today=False) == date(2025, 3, 4)


def test_add_working_days_skips_weekends_and_easter():
    # Thursday 17 April 2025 + 1 working day: Goede Vrijdag, the weekend and
    # Tweede Paasdag pass, so Tuesday 22 April.
    assert add_working_days(date(2025, 4, 17), 1) == date(2025, 4, 22)
    assert add_working_days(date(2025, 3, 3), 5) == date(2025, 3, 10)
    assert add_working_days(date(2025, 3, 10), -5) == date(2025, 3, 3)
    assert add_working_days(date(2025, 3, 8), 0) == date(2025, 3, 8)


def test_working_days_between():
    assert working_days_between(date(2025, 3, 3), date(2025, 3, 10)) == 5
    assert working_days_between(date(2025, 3, 10), date(2025, 3, 3)) == 0


def test_term_ending_on_a_holiday_moves_to_the_next_working_day():
    # 8 weeks from Monday 24 February 2025 ends on Tweede Paasdag.
    assert term_end(date(2025, 2, 24), "P8W") == date(2025, 4, 22)


def test_term_ending_on_a_working_day_stays():
    assert term_end(date(2025, 3, 3), "P8W") == date(2025, 4, 28)


def test_short_term_always_holds_two_working_days():
    # Atw art. 2: 3 days from Tuesday 23 December hold only 24 December as working
    # day, so the term runs on to Monday 29 December.
    assert term_end(date(2025, 12, 23), "P3D") == date(2025, 12, 29)


def test_term_in_months_ends_on_the_same_day_of_the_month():
    assert term_end(date(2025, 1, 31), "P1M") == date(2025, 2, 28)
    # 30 November + 1 month is Tuesday 30 December.
    assert term_end(date(2025, 11, 30), "P1M") == date(2025, 12, 30)


def test_advance_keeps_the_local_time_across_daylight_saving():
    before = timezone.make_aware(datetime(2025, 3, 29, 10, 0))
    after = advance(before, "P1D")
    assert timezone.localtime(after).hour == 10
    assert timezone.localtime(after).date() == date(2025, 3, 30)
    assert advance(before, "PT2H") == timezone.make_aware(datetime(2025, 3, 29, 12, 0))
