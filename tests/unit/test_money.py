"""Exact money: parsing what people type, and formatting for the reader's locale."""

from __future__ import annotations

import ast
from fractions import Fraction
from pathlib import Path

import pytest

from forum_site.services.money import (
    MAX_PENCE,
    MoneyError,
    format_money,
    parse_pence,
    pounds_text,
    share_in_pence,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("typed", "pence"),
    [
        ("£1,250.50", 125050),
        ("1250.5", 125050),
        ("1250", 125000),
        (" £ 1 250 ", 125000),
        ("£0", 0),
        ("0.01", 1),
        (".5", 50),
        ("1.", 100),
        ("1,250,000.00", 125000000),
        ("£2.4m", 240000000),
        ("2 million", 200000000),
        ("300k", 30000000),
        ("£1.25bn", 125000000000),
        ("GBP 12.34", 1234),
        ("0.1", 10),  # a float would give 0.1 * 100 = 10.000000000000002
        ("1.15", 115),  # and here 114.99999999999999
        ("10000000000", MAX_PENCE),
    ],
)
def test_typed_amounts_become_exact_pence(typed, pence):
    result = parse_pence(typed)
    assert result == pence
    assert type(result) is int


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter an amount"),
        ("   ", "Enter an amount"),
        (None, "Enter an amount"),
        ("-5", "£0 or more"),
        ("−5", "£0 or more"),  # a real minus sign
        ("(250)", "£0 or more"),
        ("abc", "numbers only"),
        ("twelve pounds", "numbers only"),
        ("1e5", "numbers only"),
        ("nan", "numbers only"),
        ("Infinity", "numbers only"),
        ("1.2.3", "numbers only"),
        ("١٢", "numbers only"),  # Arabic-Indic digits are not accepted silently
        ("12p", "numbers only"),
        ("1.234", "2 numbers after the decimal point"),
        ("0.001", "2 numbers after the decimal point"),
        ("1.234567891m", "2 numbers after the decimal point"),
        ("1,25", "groups of 3"),
        ("12,50.00", "groups of 3"),
        ("10000000000.01", "more than £10 billion"),
        ("9" * 400, "more than £10 billion"),
    ],
)
def test_bad_amounts_get_a_clear_message(typed, message):
    with pytest.raises(MoneyError) as caught:
        parse_pence(typed)
    assert message in caught.value.message


def test_pounds_text_round_trips_through_the_parser():
    for pence in [0, 1, 99, 100, 125050, MAX_PENCE]:
        assert parse_pence(pounds_text(pence)) == pence
    assert pounds_text(5) == "0.05"


def test_british_english_formatting():
    assert format_money(125050, "en_GB") == "£1,250.50"
    assert format_money(125000000, "en_GB") == "£1,250,000"
    assert format_money(5, "en_GB") == "£0.05"
    assert format_money(125000000, "en_GB", whole=False) == "£1,250,000.00"


def test_other_locales_use_their_own_separators_and_symbol_position():
    assert format_money(125050, "de_DE") == "1.250,50\xa0£"
    assert format_money(125050, "pl") == "1\xa0250,50\xa0GBP"
    assert format_money(125000000, "fr_FR").startswith("1\u202f250\u202f000")
    assert format_money(125050, "cy") == "£1,250.50"


def test_the_largest_amount_formats_exactly():
    assert format_money(MAX_PENCE - 1, "en_GB") == "£9,999,999,999.99"


def test_per_person_per_week_is_exact_until_the_last_penny():
    # £1,000 for 3 people over 52 weeks = 641.025... pence each week
    assert share_in_pence(100000, 3, Fraction(52)) == 641
    # exactly half a penny rounds up
    assert share_in_pence(1, 2, Fraction(1)) == 1
    with pytest.raises(ValueError):
        share_in_pence(100, 0, Fraction(52))


def _uses_float(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "float":
            found.append(f"{path.name}:{node.lineno} float")
        if isinstance(node, ast.Constant) and isinstance(node.value, float):
            found.append(f"{path.name}:{node.lineno} {node.value!r}")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            found.append(f"{path.name}:{node.lineno} true division")
    return found


def test_no_float_in_the_money_code():
    """True division of ints gives a float, so it is banned too (Fraction/Decimal only)."""
    allowed_division = {"money.py"}  # only on Decimal and Fraction operands there
    problems = []
    for name in ["money.py", "budgets/__init__.py", "budgets/history.py", "budgets/show.py"]:
        path = ROOT / "forum_site" / "services" / name
        problems += [
            p for p in _uses_float(path) if not (name in allowed_division and "division" in p)
        ]
    assert problems == []
