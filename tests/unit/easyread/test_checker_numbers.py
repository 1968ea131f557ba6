"""Numbers: percentages (PL-09 / ER-06), numbers in words, times and dates (ER-06)."""

import pytest

from easyread.checks.numbers import in_every
from tests.unit.easyread.checker_calls import found


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (60, "6 in every 10"),
        (25, "1 in every 4"),
        (50, "5 in every 10"),
        (33, "1 in every 3"),
        (75, "3 in every 4"),
        (5, "1 in every 20"),
        (12, "about 1 in every 10"),
        (47, "about 47 in every 100"),
        (100, "all"),
    ],
)
def test_in_every(percent, expected):
    assert in_every(percent) == expected


def test_percentage_gets_an_in_every_10_suggestion():
    text = "About 60% of people agreed."
    [finding] = found(text, "percentage")
    assert (finding.text, finding.start, finding.suggestion) == ("60%", 6, "6 in every 10")
    assert (finding.rule_id, finding.severity) == ("PL-09", "warning")


def test_per_cent_in_words_is_found():
    [finding] = found("Sixty per cent said yes.", "percentage")
    assert finding.text == "Sixty per cent" and finding.suggestion == "6 in every 10"


def test_percentage_must_be_fixed_in_easy_read():
    [finding] = found("Only 30 percent came.", "percentage", level="easy")
    assert (finding.rule_id, finding.severity) == ("ER-06", "must fix")


def test_numbers_without_percent_are_fine():
    assert found("We had 60 replies and 3 meetings.", "percentage") == []


def test_numbers_in_words_are_flagged_in_easy_read_only():
    text = "We have three centres and twenty-five staff. One bus."
    findings = found(text, "number_in_words", level="easy")
    assert [(f.text, f.suggestion) for f in findings] == [("three", "3"), ("twenty-five", "25")]
    assert found(text, "number_in_words") == []


def test_times_and_dates_in_easy_read():
    text = "Come at 18:30 or 2 p.m. on 14/05/2026. Or at 2pm."
    findings = found(text, "time_or_date", level="easy")
    assert [(f.text, f.suggestion) for f in findings] == [
        ("18:30", "6:30pm"),
        ("2 p.m.", "2pm"),
        ("14/05/2026", "Thursday 14 May 2026"),
    ]


def test_money_is_not_a_time():
    assert found("It costs £12.50 or £3:20.", "time_or_date", level="easy") == []


def test_compound_numbers_in_words_become_one_number():
    text = "One bus took two hundred people and one thousand cups."
    findings = found(text, "number_in_words", level="easy")
    assert [(f.text, f.suggestion) for f in findings] == [
        ("two hundred", "200"),
        ("one thousand", "1,000"),
    ]
