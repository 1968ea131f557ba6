"""Template filters for dates and money in the reader's language and time zone."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_babel import format_date, format_datetime, format_time

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


def init_app(app: Flask) -> None:
    app.add_template_filter(long_date)
    app.add_template_filter(date_and_time)
    app.add_template_filter(short_datetime)
    app.add_template_filter(iso)
