"""Dates and times in the reader's language and time zone, written the same way everywhere
(the web pages, the PDFs, the easy-read versions). The patterns are in vocabulary/dates.py."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import dates as babel_dates
from flask_babel import format_date, format_datetime, format_time, get_locale, to_user_timezone

from easyread.formats import easy_time
from forum_site.models.base import as_utc
from forum_site.vocabulary import dates as patterns


def long_date(moment: datetime | None) -> str:
    """Wednesday 25 November 2026 (the day in the reader's time zone)."""
    return _day(to_user_timezone(as_utc(moment)).date(), patterns.DAY_AND_DATE) if moment else ""


def day_and_date(day: date | None) -> str:
    """Wednesday 25 November 2026, for a calendar day (no time zone)."""
    return _day(day, patterns.DAY_AND_DATE) if day else ""


def plain_date(value: date | datetime | None) -> str:
    """25 November 2026."""
    if isinstance(value, datetime):
        value = to_user_timezone(as_utc(value)).date()
    return _day(value, patterns.DATE) if value else ""


def _day(day: date, pattern: str) -> str:
    return _written_day(day, pattern, str(get_locale() or "en"))


@lru_cache(maxsize=8192)
def _written_day(day: date, pattern: str, locale: str) -> str:
    """A day written out once per language: Babel takes some 60 microseconds a date, and a
    list of 50 contributions writes 50 (issue 20). Only days, never times, are kept."""
    return babel_dates.format_date(day, pattern, locale=locale)


def time_of(moment: datetime | None) -> str:
    """6:30 PM."""
    return format_time(as_utc(moment), patterns.TIME) if moment else ""


def date_and_time(moment: datetime | None) -> str:
    """Wednesday 25 November 2026, 6:30 PM."""
    if not moment:
        return ""
    return f"{long_date(moment)}, {time_of(moment)}"


def short_datetime(moment: datetime | None) -> str:
    """25 Nov 2026, 6:30 PM (histories and logs)."""
    return format_datetime(as_utc(moment), patterns.DATE_AND_TIME_SHORT) if moment else ""


def month_label(month: str) -> str:
    """ "2026-11" as Nov 2026."""
    year, number = (int(part) for part in month.split("-"))
    return format_date(date(year, number, 1), patterns.MONTH)


def month_name(month: str) -> str:
    """ "2026-11" as November 2026 (easy read: no short month names)."""
    year, number = (int(part) for part in month.split("-"))
    return format_date(date(year, number, 1), patterns.MONTH_LONG)


def easy_clock(moment: datetime | None) -> str:
    """6:30pm, 2pm, 12 noon (easy read, ER-06), in the reader's time zone. Other languages
    keep their own way of writing a time, without a ":00" on the hour."""
    if not moment:
        return ""
    local = to_user_timezone(as_utc(moment))
    locale = get_locale()
    if locale is None or locale.language == "en":
        return easy_time(local)
    return format_time(as_utc(moment), "h a" if local.minute == 0 else patterns.TIME)


def easy_date_and_time(moment: datetime | None) -> str:
    """Wednesday 25 November 2026, 6:30pm: for easy read, where a time is never 18:30."""
    return f"{long_date(moment)}, {easy_clock(moment)}" if moment else ""
