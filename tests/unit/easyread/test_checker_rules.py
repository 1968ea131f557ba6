"""Every finding links to a rule page: the registry covers all reported rule ids."""

import importlib.util
from pathlib import Path

import pytest

from easyread.checker import check
from easyread.rules import RULES, SEVERITIES, rule

BENCH = Path(__file__).resolve().parents[3] / "bench" / "bench_checker.py"


def _briefing() -> str:
    spec = importlib.util.spec_from_file_location("bench_checker", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.briefing(2000)


BRIEFING = _briefing()


@pytest.mark.parametrize("level", ["standard", "easy"])
def test_every_reported_rule_is_registered_and_every_span_is_exact(level):
    report = check(BRIEFING, level=level)
    assert len(report.findings) > 50
    for finding in report.findings:
        assert finding.rule_id in RULES
        assert finding.severity in SEVERITIES
        assert BRIEFING[finding.start : finding.end] == finding.text
        assert finding.message


def test_rule_registry_covers_pl_01_to_pl_11():
    assert {f"PL-{n:02d}" for n in range(1, 12)} <= set(RULES)


def test_each_rule_explains_why_and_names_its_source():
    for rule_id, entry in RULES.items():
        assert entry.id == rule_id
        assert entry.severity in SEVERITIES
        assert len(entry.why) > 80 and entry.source and entry.title


def test_rule_lookup_ignores_case_and_rejects_unknown_ids():
    assert rule("pl-06").title == "Spell out initials the first time"
    with pytest.raises(KeyError):
        rule("PL-99")


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="level must be one of"):
        check("Hello.", level="simple")


def test_findings_come_in_text_order():
    report = check(BRIEFING)
    starts = [f.start for f in report.findings]
    assert starts == sorted(starts)


def test_package_level_check_is_the_checker():
    import easyread

    assert easyread.check("The ICB met.").summary["by_kind"] == {"initials": 1, "jargon": 1}


@pytest.mark.parametrize(
    "text",
    [
        "The ICB met.\r\n\r\nWe agreed the plan in order to help.\r\n",
        "Zero\u200bwidth, emoji \U0001f600, right-to-left \u202emark, no\u00a0break ICB.",
        "<script>alert('x')</script> <p>Pasted <b>Word</b> HTML</p> ICB",
        "\x00\x01 odd control characters ICB",
        "(((((((((( [[[[[[ ]]]]] )))) ** __ `` ## -- ICB",
    ],
)
def test_odd_input_never_crashes_and_spans_stay_exact(text):
    report = check(text, level="easy")
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.text
    assert "initials" in report.summary["by_kind"]


def test_words_inside_addresses_are_not_checked():
    text = "See https://example.org/the-handicapped-page/ICB-wheelchair-bound for more."
    assert check(text).findings == []
