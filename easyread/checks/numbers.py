"""Numbers readers can picture: digits, "6 in every 10", "2pm", "Monday 5 June"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from easyread.checks.base import Document, Finding
from easyread.formats import easy_date
from easyread.numbers import is_change

_UNITS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = {w: i + 2 for i, w in enumerate(_UNITS)}
NUMBER_WORDS |= {w: i + 10 for i, w in enumerate(_TEENS)}
NUMBER_WORDS |= {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
_ALL_UNITS = {"one": 1, **{w: NUMBER_WORDS[w] for w in _UNITS}}
_NUMBER_WORD = re.compile(
    r"\b(?:(?:(?P<tens>" + "|".join(_TENS) + r")(?:[-\s](?P<unit>one|" + "|".join(_UNITS) + r"))?"
    r"|(?P<small>one|" + "|".join(_UNITS + _TEENS) + r"))(?:\s+(?P<times>hundred|thousand))?"
    r"|(?P<big>hundred|thousand))\b",
    re.IGNORECASE,
)
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}
_PERCENT = re.compile(
    r"(?P<number>\d+(?:\.\d+)?|\b[a-z]+(?:-[a-z]+)?)\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE
)
_TIME_12 = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?(?P<gap>\s*)(?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b)",
)
_TIME_24 = re.compile(
    r"(?<![£$€\d.,:])\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?!\s*(?:[ap]\.?m\b|%))", re.I
)
_DATE = re.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<mo>[01]?\d)[/.](?P<y>(?:19|20)?\d\d)\b")


def number_words(doc: Document, skip: list[tuple[int, int]]) -> Iterator[Finding]:
    """ER-06: "three" is harder to spot than "3" (except "one")."""
    for match in _NUMBER_WORD.finditer(doc.prose):
        if any(start <= match.start() < end for start, end in skip):
            continue
        value = _value(match)
        if value is None:
            continue
        yield doc.finding(
            "ER-06",
            "number_in_words",
            match.start(),
            match.end(),
            f'Write "{match.group()}" as a number: {value}. Numbers are easier to spot.',
            value,
        )


def _value(match: re.Match) -> str | None:
    """The digits for a number in words, or None for a lone "one" (which stays a word)."""
    if match.group("big"):
        return f"{_MULTIPLIERS[match.group('big').lower()]:,}"
    if match.group("small"):
        total = (
            _ALL_UNITS.get(match.group("small").lower())
            or NUMBER_WORDS[match.group("small").lower()]
        )
    else:
        total = NUMBER_WORDS[match.group("tens").lower()]
        if match.group("unit"):
            total += _ALL_UNITS[match.group("unit").lower()]
    if match.group("times"):
        total *= _MULTIPLIERS[match.group("times").lower()]
    elif total == 1:
        return None
    return f"{total:,}"


def percentages(doc: Document) -> Iterator[Finding]:
    """PL-09 / ER-06: "60%" is harder to picture than "6 in every 10"."""
    rule_id = "ER-06" if doc.easy else "PL-09"
    for match in _PERCENT.finditer(doc.prose):
        value = _percent_value(match.group("number"))
        if value is None or is_change(doc.prose[: match.start()], doc.prose[match.end() :]):
            continue  # DN-04: "went up by 40%" is a change, not "4 in every 10"
        message = (
            f'Percentages like "{match.group()}" are hard for many people to picture. '
            "Say how many in every 10 (or 100) instead."
        )
        yield doc.finding(
            rule_id, "percentage", match.start(), match.end(), message, in_every(value)
        )


def _percent_value(number: str) -> float | None:
    try:
        return float(number)
    except ValueError:
        pass
    words = re.split(r"[-\s]", number.lower())
    if all(w in NUMBER_WORDS or w in _ALL_UNITS for w in words):
        return float(sum(NUMBER_WORDS.get(w) or _ALL_UNITS[w] for w in words))
    return None


def in_every(percent: float) -> str:
    """60 -> "6 in every 10"; 25 -> "1 in every 4"; 12 -> "about 1 in every 8"."""
    if percent <= 0:
        return "0 in every 100"  # never "none" (DN-04)
    if percent >= 100:
        return "all"
    for every in (10, 4, 3, 5, 20):
        count = percent * every / 100
        if abs(count - round(count)) < 0.05 and round(count) >= 1:
            return f"{round(count)} in every {every}"
    if percent < 10 and abs(100 / percent - round(100 / percent)) <= 0.5:
        return f"about 1 in every {round(100 / percent)}"
    if abs(percent / 10 - round(percent / 10)) <= 0.2 and round(percent / 10) >= 1:
        return f"about {round(percent / 10)} in every 10"
    return f"about {round(percent)} in every 100"


def times_and_dates(doc: Document) -> Iterator[Finding]:
    """ER-06: times as "2pm" and dates as "Monday 5 June"."""
    for match in _TIME_12.finditer(doc.prose):
        easy = _twelve_hour(int(match.group("h")), match.group("m"), match.group("ampm"))
        if easy != match.group():
            yield _time_finding(doc, match, easy)
    for match in _TIME_24.finditer(doc.prose):
        hour = int(match.group("h"))
        ampm = "am" if hour < 12 else "pm"
        easy = _twelve_hour(hour % 12 or 12, match.group("m"), ampm)
        yield _time_finding(doc, match, easy)
    for match in _DATE.finditer(doc.prose):
        easy = _long_date(match)
        if easy:
            yield doc.finding(
                "ER-06",
                "time_or_date",
                match.start(),
                match.end(),
                f'Write the date "{match.group()}" in words, like "{easy}".',
                easy,
            )


def _twelve_hour(hour: int, minutes: str | None, ampm: str) -> str:
    suffix = "am" if ampm.lower().startswith("a") else "pm"
    if minutes and minutes != "00":
        return f"{hour}:{minutes}{suffix}"
    return f"{hour}{suffix}"


def _time_finding(doc: Document, match: re.Match, easy: str) -> Finding:
    return doc.finding(
        "ER-06",
        "time_or_date",
        match.start(),
        match.end(),
        f'Write the time "{match.group()}" as "{easy}". It is easier to read.',
        easy,
    )


def _long_date(match: re.Match) -> str | None:
    year = int(match.group("y"))
    year += 2000 if year < 100 else 0
    try:
        day = dt.date(year, int(match.group("mo")), int(match.group("d")))
    except ValueError:
        return None
    return easy_date(day)
