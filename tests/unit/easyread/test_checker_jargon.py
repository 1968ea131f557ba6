"""Glossary jargon (PL-04) and initials (PL-06 / ER-05)."""

from easyread.glossary import Term
from tests.unit.easyread.checker_calls import found


def test_glossary_term_is_flagged_with_its_plain_alternative_and_exact_span():
    text = "The council will start decommissioning the centre next year."
    [finding] = found(text, "jargon")
    assert (finding.rule_id, finding.severity, finding.text) == (
        "PL-04",
        "must fix",
        "decommissioning",
    )
    assert finding.start == text.index("decommissioning")
    assert finding.suggestion == "stopping a service"
    assert finding.term == "decommissioning"


def test_common_word_used_in_a_jargon_sense_is_flagged():
    [finding] = found("We have no capacity left this winter.", "jargon")
    assert finding.text == "capacity"
    assert "special meaning" in finding.message


def test_text_without_glossary_terms_has_no_jargon():
    assert found("We will meet in the town hall on Monday to talk about the park.", "jargon") == []


def test_matching_ignores_case_and_respects_word_boundaries():
    text = "MARKET SHAPING matters. Providers disagree. Capacitor and outcomes-led are fine."
    texts = [f.text for f in found(text, "jargon")]
    assert texts == ["MARKET SHAPING", "Providers"]


def test_longest_match_wins_for_multi_word_terms():
    text = "Ask for a carer's assessment today."
    [finding] = found(text, "jargon")
    assert finding.text == "carer's assessment"
    assert finding.term == "carer-s-assessment"


def test_multi_word_term_can_break_across_lines():
    text = "We looked at the personal\nbudget rules."
    [finding] = found(text, "jargon")
    assert finding.text == "personal\nbudget"


def test_only_the_first_use_of_each_term_is_reported():
    text = "The provider is new. Each provider will meet us. Providers must sign."
    findings = found(text, "jargon")
    assert [(f.text, f.start) for f in findings] == [("provider", 4)]


def test_explained_terms_are_not_reported():
    text = "Commissioning is changing. The provider will tell you."
    findings = found(text, "jargon", explained=["commissioning", "Provider"])
    assert findings == []


def test_explaining_a_term_in_the_text_counts():
    text = "Respite means a short break for carers. Respite is popular."
    assert found(text, "jargon") == []


def test_everyday_glossary_terms_are_not_flagged():
    assert found("Talk to your GP or the NHS about social care.", "jargon") == []


def test_initials_in_capitals_do_not_match_ordinary_words():
    assert found("Please send us your views.", "jargon") == []
    [finding] = found("Children with SEND need support.", "jargon")
    assert finding.text == "SEND"


def test_a_custom_glossary_can_be_passed():
    terms = [Term(term="widget board", plain="A board.", easy="A board.", slug="widget-board")]
    [finding] = found("The widget board met. The provider came.", "jargon", terms=terms)
    assert finding.text == "widget board"


def test_initials_not_spelled_out_are_a_must_fix():
    text = "The ICB has agreed the plan."
    [finding] = found(text, "initials")
    assert (finding.rule_id, finding.severity, finding.text) == ("PL-06", "must fix", "ICB")
    assert finding.suggestion == "integrated care board (ICB)"


def test_initials_spelled_out_before_in_brackets_are_fine():
    text = "The Joint Strategic Needs Assessment (JSNA) is out. The JSNA shows need."
    assert found(text, "initials") == []


def test_initials_followed_by_their_meaning_in_brackets_are_fine():
    assert found("The VCS (voluntary and community sector) met.", "initials") == []


def test_unknown_initials_spelled_out_by_first_letters_are_fine():
    assert found("The Wessex Advice Line (WAL) opens soon. Ring WAL.", "initials") == []


def test_unknown_initials_not_spelled_out_are_flagged_once():
    findings = found("The WAL opens soon. Ring the WAL.", "initials")
    assert [(f.text, f.start) for f in findings] == [("WAL", 4)]
    assert findings[0].suggestion is None


def test_initials_used_before_being_spelled_out_are_flagged():
    text = "The ICB met. The integrated care board (ICB) agreed."
    [finding] = found(text, "initials")
    assert finding.start == 4


def test_nhs_and_gp_do_not_need_spelling_out():
    assert found("The NHS and your GP can help. Ask GPs.", "initials") == []


def test_shouted_words_and_roman_numerals_are_not_initials():
    assert found("IMPORTANT: read part II first.", "initials") == []


def test_explained_initials_are_not_flagged():
    assert found("The WAL opens soon.", "initials", explained=["WAL"]) == []


def test_easy_level_reports_initials_under_er_05_without_brackets():
    [finding] = found("The CQC checks care homes.", "initials", level="easy")
    assert finding.rule_id == "ER-05"
    assert finding.suggestion == "Care Quality Commission"


def test_explaining_a_term_by_its_initials_covers_its_full_name():
    text = "The Joint Strategic Needs Assessment (JSNA) is out."
    assert found(text, "jargon", explained=["JSNA"]) == []
    assert found(text, "initials", explained=["JSNA"]) == []


def test_initials_in_brackets_are_not_an_explanation_of_the_term():
    [finding] = found("The integrated care board (ICB) met.", "jargon")
    assert finding.text == "integrated care board"


def test_terms_built_without_slugs_are_each_reported():
    terms = [
        Term(term="widget board", plain="A board.", easy="A board."),
        Term(term="gadget panel", plain="A panel.", easy="A panel."),
    ]
    findings = found("The widget board met the gadget panel.", "jargon", terms=terms)
    assert [(f.text, f.term) for f in findings] == [
        ("widget board", "widget-board"),
        ("gadget panel", "gadget-panel"),
    ]
