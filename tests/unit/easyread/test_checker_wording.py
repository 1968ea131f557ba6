"""Word choice: wordy phrases (PL-03/PL-07), respectful wording (PL-08), link text (PL-10),
rare words (PL-05/ER-04) and short forms (ER-05)."""

import tomllib
from pathlib import Path

import pytest

from tests.unit.easyread.checker_calls import found

DATA = Path(__file__).resolve().parents[3] / "easyread" / "data"


def test_wordy_phrase_gets_a_plain_swap():
    text = "We met in order to plan."
    [finding] = found(text, "wordy_phrase")
    assert (finding.text, finding.start, finding.rule_id) == ("in order to", 7, "PL-03")
    assert finding.suggestion == "to"


def test_other_forms_of_a_wordy_word_are_found():
    [finding] = found("We utilised the hall.", "wordy_phrase")
    assert finding.text == "utilised" and finding.suggestion == "use"


def test_plain_text_has_no_wordy_phrases():
    assert found("We met to plan. We used the hall.", "wordy_phrase") == []


def test_management_speak_is_a_style_warning():
    [finding] = found("Going forward we will meet monthly.", "style")
    assert (finding.rule_id, finding.severity, finding.text) == (
        "PL-07",
        "warning",
        "Going forward",
    )


def test_swap_list_has_at_least_60_entries():
    with (DATA / "plain_swaps.toml").open("rb") as handle:
        assert len(tomllib.load(handle)["swap"]) >= 60


@pytest.mark.parametrize(
    ("text", "phrase", "suggestion_part"),
    [
        ("Services for the disabled are changing.", "the disabled", "disabled people"),
        ("She suffers from arthritis.", "suffers from", "has"),
        ("He is wheelchair-bound.", "wheelchair-bound", "wheelchair user"),
        ("Support for the mentally ill is poor.", "the mentally ill", "mental health"),
        ("Handicapped children need places.", "Handicapped", "disabled"),
    ],
)
def test_disrespectful_wording_must_be_fixed(text, phrase, suggestion_part):
    [finding] = found(text, "disrespectful_wording")
    assert (finding.text, finding.rule_id, finding.severity) == (phrase, "PL-08", "must fix")
    assert suggestion_part in finding.suggestion


def test_respectful_wording_is_not_flagged():
    text = "Disabled people and wheelchair users told us what they need. She has arthritis."
    assert found(text, "disrespectful_wording") == []


def test_easy_level_reports_respectful_wording_under_er_15():
    [finding] = found("Help for the disabled.", "disrespectful_wording", level="easy")
    assert finding.rule_id == "ER-15"


def test_vague_link_text_must_be_fixed():
    text = "Click here to see the plan. Or [read more](https://example.org). Or [here](/x)."
    findings = found(text, "link_text")
    assert [f.text for f in findings] == ["Click here", "read more", "here"]
    assert {(f.rule_id, f.severity) for f in findings} == {("PL-10", "must fix")}


def test_descriptive_link_text_is_fine():
    text = "Read [the full report on day services](https://example.org/report). More soon."
    assert found(text, "link_text") == []


def test_rare_word_is_a_warning_on_first_use_only():
    text = "The plan is perspicacious. Truly perspicacious."
    [finding] = found(text, "rare_word")
    assert (finding.text, finding.start, finding.rule_id) == ("perspicacious", 12, "PL-05")


def test_common_words_names_glossary_terms_and_allowed_words_are_not_rare():
    text = "Carers met Councillor Pennington about reablement in Wolverhampton."
    assert found(text, "rare_word") == []


def test_web_addresses_are_not_words():
    text = "See https://example.org/zxqv-report or email team@zxqv.example.org for details."
    assert found(text, "rare_word") == []


def test_easy_level_uses_a_stricter_common_word_threshold():
    text = "The meeting was hectic."
    assert found(text, "rare_word") == []
    [finding] = found(text, "rare_word", level="easy")
    assert (finding.text, finding.rule_id) == ("hectic", "ER-04")


def test_writer_can_keep_a_rare_word():
    assert found("The plan is perspicacious.", "rare_word", explained=["perspicacious"]) == []


def test_short_forms_must_be_spelled_out_in_easy_read():
    text = "Bring things, e.g. a coat. Ask Cllr Shah."
    findings = found(text, "short_form", level="easy")
    assert [(f.text, f.suggestion) for f in findings] == [
        ("e.g.", "for example"),
        ("Cllr", "Councillor"),
    ]
    assert {f.rule_id for f in findings} == {"ER-05"}


def test_short_forms_are_a_wordy_phrase_at_standard_level():
    assert found("Bring things, e.g. a coat.", "short_form") == []
    [finding] = found("Bring things, e.g. a coat.", "wordy_phrase")
    assert finding.text == "e.g."


def test_one_finding_per_stretch_of_words():
    # "purchase" is a wordy word, but inside the glossary term "spot purchase" only jargon shows.
    text = "We use spot purchase for care."
    report_kinds = [f.kind for f in found(text, "jargon") + found(text, "wordy_phrase")]
    assert report_kinds == ["jargon"]
