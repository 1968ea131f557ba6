"""Template filters for dates and money in the reader's language and time zone."""

from __future__ import annotations

from datetime import datetime

from babel.numbers import format_decimal
from flask import Flask, current_app, g
from flask_babel import get_locale

from forum_site.dates import (
    date_and_time,
    day_and_date,
    easy_clock,
    easy_date_and_time,
    long_date,
    month_name,
    short_datetime,
    time_of,
)
from forum_site.models.base import as_utc


def iso(moment: datetime | None) -> str:
    return as_utc(moment).isoformat() if moment else ""


# Babel changes the separators for a numbering system but not the digits themselves.
_DIGITS = {
    "arab": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    "arabext": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
}


def number(value: int | float) -> str:
    """A number in the reader's language: grouping, and the locale's own digits when
    the ``NATIVE_DIGITS`` setting names the language."""
    locale = get_locale() or "en"
    native = locale.language in current_app.config.get("NATIVE_DIGITS", ())
    system = locale.other_numbering_systems.get("native", "latn") if native else "latn"
    text = format_decimal(value, locale=locale, numbering_system=system)
    return text.translate(_DIGITS[system]) if system in _DIGITS else text


def easy_read_on() -> bool:
    prefs = getattr(g, "prefs", None)
    return bool(prefs and prefs.easy_read)


def when(moment: datetime | None) -> str:
    """A date and time: "Wednesday 25 November 2026, 6:30 PM", or in easy read "..., 6:30pm"."""
    return easy_date_and_time(moment) if easy_read_on() else date_and_time(moment)


def when_short(moment: datetime | None) -> str:
    """ "25 Nov 2026, 18:30" in lists and logs; easy read never shows a 24-hour clock."""
    return easy_date_and_time(moment) if easy_read_on() else short_datetime(moment)


def clock(moment: datetime | None) -> str:
    """Just the time: "6:30 PM", or "6:30pm" in easy read."""
    return easy_clock(moment) if easy_read_on() else time_of(moment)


def language_name(code: str) -> str:
    return current_app.config["LANGUAGES"].get(code, code)


def init_app(app: Flask) -> None:
    app.add_template_filter(number)
    app.add_template_filter(language_name)
    app.add_template_filter(long_date)
    app.add_template_filter(day_and_date)
    app.add_template_filter(when, "date_and_time")
    app.add_template_filter(when_short, "short_datetime")
    app.add_template_filter(iso)
    app.add_template_filter(month_name)
