"""Dates, times and money written the easy-read way (ER-06)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal


def easy_time(moment: time | datetime) -> str:
    """14:00 -> "2pm"; 10:30 -> "10:30am"; 12:00 -> "12 noon"."""
    hour, minute = moment.hour, moment.minute
    if (hour, minute) == (12, 0):
        return "12 noon"
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}:{minute:02d}{suffix}" if minute else f"{shown}{suffix}"


def easy_date(day: date | datetime, with_year: bool = True) -> str:
    """ "Monday 5 June 2026": the day name helps, digits for the date."""
    text = f"{day:%A} {day.day} {day:%B}"
    return f"{text} {day.year}" if with_year else text


def day_month_year(day: date | datetime) -> str:
    """ "5 June 2026"."""
    return f"{day.day} {day:%B %Y}"


def easy_when(start: datetime | date | str, end: datetime | time | None = None) -> list[str]:
    """Sentences saying when: one for the day, one for the time."""
    if isinstance(start, str):
        return [start]
    sentences = [f"The date is {easy_date(start)}."]
    if isinstance(start, datetime):
        if end is not None:
            sentences.append(f"It starts at {easy_time(start)} and ends at {easy_time(end)}.")
        else:
            sentences.append(f"It starts at {easy_time(start)}.")
    return sentences


def money(amount: int | float | Decimal) -> str:
    """£2,400,000 -> "£2.4 million"; £250,000 -> "£250,000"; £12.50 -> "£12.50"."""
    value = Decimal(str(amount))
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1_000_000:
        millions = (value / 1_000_000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        shown = f"{millions:f}".removesuffix(".0")
        return f"{sign}£{shown} million"
    if value == value.to_integral_value():
        return f"{sign}£{int(value):,}"
    return f"{sign}£{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"


def per_person_per_week(amount: int | float | Decimal, people: int, period: str = "year") -> str:
    """What an amount comes to for each person each week, rounded to whole pounds."""
    weeks = {"year": Decimal(52), "month": Decimal(52) / 12, "week": Decimal(1)}[period]
    each = Decimal(str(amount)) / Decimal(people) / weeks
    return money(each.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
