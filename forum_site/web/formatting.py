"""Template filters for dates and money in the reader's language and time zone."""

from __future__ import annotations

from datetime import datetime

from babel.numbers import format_decimal
from flask import Flask, current_app
from flask_babel import format_date, format_datetime, format_time, get_locale

from forum_site.models.base import as_utc


def long_date(moment: datetime | None) -> str:
    return format_date(as_utc(moment), "EEEE d MMMM y") if moment else ""


def date_and_time(moment: datetime | None) -> str:
    if not moment:
        return ""
    moment = as_utc(moment)
    return f"{format_date(moment, 'EEEE d MMMM y')}, {format_time(moment, 'h:mm a')}"


def short_datetime(moment: datetime | None) -> str:
    return format_datetime(as_utc(moment), "d MMM y, HH:mm") if moment else ""


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


def init_app(app: Flask) -> None:
    app.add_template_filter(number)
    app.add_template_filter(long_date)
    app.add_template_filter(date_and_time)
    app.add_template_filter(short_datetime)
    app.add_template_filter(iso)
