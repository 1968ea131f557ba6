"""Exact money: what people type becomes integer pence; pence become text for the reader.

No float is used anywhere: parsing goes through ``Decimal`` and formatting hands Babel a
``Decimal`` made from whole pence. Amounts people type may look like "£1,250.50",
"1250.5", "£2.4m", "£300k" or "2 million"; anything else gets a message that says
exactly what to change.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from babel import Locale
from babel.numbers import format_currency, parse_pattern

from forum_site.words import LazyWords, _l

MAX_PENCE = 10_000_000_000 * 100  # £10 billion: more than any one local budget
CURRENCY = "GBP"

_MULTIPLIERS = {
    "": 1,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_AMOUNT = re.compile(r"^(?P<number>[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)(?P<unit>[a-z]*)$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})*$")
_MINUS_SIGNS = ("-", "\u2212", "\u2013", "\u2012", "(")


class MoneyError(ValueError):
    """The text is not an amount of money we can store exactly."""

    def __init__(self, message: str | LazyWords):
        super().__init__(message)
        self.words = message

    @property
    def message(self) -> str:
        return str(self.words)

    def __str__(self) -> str:
        return self.message


def parse_pence(text: str | None) -> int:
    """Turn typed money into whole pence, or raise MoneyError with a plain message."""
    cleaned = _normalise(text)
    if not cleaned:
        raise MoneyError(_l("Enter an amount in pounds, for example £1,250.50."))
    if cleaned.startswith(_MINUS_SIGNS):
        raise MoneyError(_l("Enter an amount of £0 or more. To show a cut, enter the new amount."))
    match = _AMOUNT.match(cleaned)
    if not match or match["unit"] not in _MULTIPLIERS:
        raise MoneyError(_l("Enter the amount using numbers only, for example £1,250.50."))
    pounds = _pounds(match["number"], _MULTIPLIERS[match["unit"]])
    pence = pounds * 100
    if pence != pence.to_integral_value():
        raise MoneyError(_l("Use no more than 2 numbers after the decimal point (pence)."))
    if pence > MAX_PENCE:
        raise MoneyError(_l("That is more than £10 billion. Check the number of zeros."))
    return int(pence)


def _normalise(text: str | None) -> str:
    text = (text or "").strip().lower()
    for ignored in ("£", "gbp", " ", "\u00a0", "\u202f"):
        text = text.replace(ignored, "")
    return text


def _pounds(number: str, multiplier: int) -> Decimal:
    whole, _, _ = number.partition(".")
    if "," in whole and not _GROUPED.match(whole):
        raise MoneyError(_l("Put commas only between groups of 3 numbers, for example 1,250,000."))
    try:
        value = Decimal(number.replace(",", "") or "0")
    except InvalidOperation:  # pragma: no cover - the pattern lets through digits only
        raise MoneyError(
            _l("Enter the amount using numbers only, for example £1,250.50.")
        ) from None
    return value * multiplier


def pounds_text(pence: int) -> str:
    """Pence as plain pounds for forms and CSV: 125050 -> "1250.50" (no symbol, no commas)."""
    return f"{pence // 100}.{pence % 100:02d}"


def to_decimal(pence: int) -> Decimal:
    return Decimal(pence) / 100


def format_money(pence: int, locale: str | Locale = "en_GB", *, whole: bool | None = None) -> str:
    """Pence for a reader in ``locale``. Whole pounds drop the ".00" unless ``whole`` is False."""
    if whole is None:
        whole = pence % 100 == 0
    if not whole:
        return format_currency(to_decimal(pence), CURRENCY, locale=locale)
    pattern = parse_pattern(Locale.parse(locale).currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    rounded = to_decimal(pence).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return pattern.apply(rounded, Locale.parse(locale), currency=CURRENCY, currency_digits=False)


def share_in_pence(pence: int, people: int, weeks: Fraction) -> int:
    """Pence per person per week, rounded to the nearest penny (exact until that step)."""
    if people <= 0 or weeks <= 0:
        raise ValueError("People and weeks must both be more than 0.")
    exact = Fraction(pence) / people / weeks
    return (2 * exact.numerator + exact.denominator) // (2 * exact.denominator)
