"""The sandbox calendar: Dutch working days and legal terms.

Decision (documented in docs/sandbox.md): a *working day* is a day that is not a
Saturday, a Sunday or one of the holidays of the Algemene termijnenwet (Atw),
article 3 lid 1 and 2. That list is the one Dutch law uses for terms, and it
answers the usual municipal questions the same way a legal deadline does:

- Nieuwjaarsdag, Goede Vrijdag (Atw art. 3 lid 2), Eerste en Tweede Paasdag,
  Koningsdag, Bevrijdingsdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste
  en Tweede Kerstdag;
- Bevrijdingsdag (5 May) counts **every** year, as the Atw says, even though many
  employers give the day off only once every five years;
- Koningsdag is 27 April, or Saturday 26 April when the 27th is a Sunday (since
  2014); before 2014 Koninginnedag was 30 April, or the 29th when that was a Sunday;
- the extra days the government designates every three years under Atw art. 3
  lid 3 (such as the Friday after Ascension) are *not* included: they are decided
  by decree, and the sandbox does not guess them.

A legal term (doorlooptijd, verlengingstermijn, reactietermijn) is added in
calendar terms and then moved by the Atw: a term that would end on a
non-working day ends on the next working day (art. 1), and a term of three days
or more that is not set in months or years always contains at least two working
days (art. 2).
"""

from datetime import date, datetime, timedelta
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sandbox.durations import IsoDuration, parse_duration


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter: the anonymous Gregorian algorithm (Meeus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    if year >= 2014:
        day = date(year, 4, 27)
        return day - timedelta(days=1) if day.weekday() == 6 else day
    day = date(year, 4, 30)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@lru_cache(maxsize=64)
def dutch_holidays(year: int) -> dict[date, str]:
    """The Atw holidays of ``year``, each with its (translatable) name."""
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): _("New Year's Day"),
        easter - timedelta(days=2): _("Good Friday"),
        easter: _("Easter Sunday"),
        easter + timedelta(days=1): _("Easter Monday"),
        kings_day(year): _("King's Day") if year >= 2014 else _("Queen's Day"),
        date(year, 5, 5): _("Liberation Day"),
        easter + timedelta(days=39): _("Ascension Day"),
        easter + timedelta(days=49): _("Whit Sunday"),
        easter + timedelta(days=50): _("Whit Monday"),
        date(year, 12, 25): _("Christmas Day"),
        date(year, 12, 26): _("Boxing Day"),
    }
    return dict(sorted(days.items()))


def holiday_name(day: date) -> str | None:
    name = dutch_holidays(day.year).get(day)
    return str(name) if name is not None else None


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in dutch_holidays(day.year)


def next_working_day(day: date, *, include_today: bool = True) -> date:
    """``day`` itself when it is a working day (unless ``include_today`` is off),
    otherwise the first working day after it."""
    if not include_today:
        day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted);
    a negative count goes back. ``count == 0`` gives ``start`` unchanged."""
    step = 1 if count >= 0 else -1
    day = start
    remaining = abs(count)
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_term(start: date, duration: str | IsoDuration) -> date:
    """``start`` plus a calendar term, without any holiday correction."""
    return parse_duration(duration).add_to(start)


def atw_adjust(start: date, end: date, *, in_months_or_years: bool = False) -> date:
    """Move the raw last day ``end`` of a term that started on ``start`` by the
    Algemene termijnenwet: art. 2 (at least two working days in a term of three
    days or more, unless set in months or years), then art. 1 (never end on a
    Saturday, Sunday or holiday)."""
    if not in_months_or_years and (end - start).days >= 3:
        while working_days_between(start, end) < 2:
            end += timedelta(days=1)
    return next_working_day(end)


def term_end(start: date, duration: str | IsoDuration) -> date:
    """The last day of a legal term that starts running on ``start``, moved by the
    Algemene termijnenwet (see the module docstring)."""
    term = parse_duration(duration)
    return atw_adjust(
        start, term.add_to(start), in_months_or_years=term.in_calendar_months
    )


def advance(moment: datetime, duration: str | IsoDuration) -> datetime:
    """``moment`` moved forward by an ISO duration, in local (Dutch) time, so that
    "P1D" means the same clock time tomorrow, also across a DST change."""
    term = parse_duration(duration)
    local = timezone.localtime(moment)
    day = term.add_to(local.date())
    wall = datetime.combine(day, local.time().replace(tzinfo=None))
    wall += timedelta(hours=term.hours, minutes=term.minutes, seconds=term.seconds)
    return timezone.make_aware(wall)
