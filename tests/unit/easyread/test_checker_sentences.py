"""Sentence and paragraph checks: length (PL-01 / ER-01), joining words, passive, negatives."""

from easyread.checker import check
from easyread.text import sentences
from tests.unit.easyread.checker_calls import found, sentence_of


def test_sentence_of_24_words_is_only_a_warning_at_standard_level():
    text = sentence_of(24)
    [finding] = found(text, "long_sentence")
    assert (finding.rule_id, finding.severity) == ("PL-01", "warning")
    assert (finding.start, finding.end) == (0, len(text))
    assert finding.message.startswith("This sentence has 24 words.")


def test_sentence_of_20_words_is_fine_at_standard_level():
    assert found(sentence_of(20), "long_sentence") == []


def test_sentence_over_25_words_must_be_fixed():
    text = sentence_of(8) + " " + sentence_of(26)
    [finding] = found(text, "long_sentence")
    assert finding.severity == "must fix"
    assert finding.start == len(sentence_of(8)) + 1
    assert "26 words" in finding.message and "under 25 words" in finding.message


def test_easy_level_allows_15_words_and_no_more():
    assert found(sentence_of(15), "long_sentence", level="easy") == []
    [finding] = found(sentence_of(16), "long_sentence", level="easy")
    assert (finding.rule_id, finding.severity) == ("ER-01", "must fix")


def test_links_do_not_count_as_words():
    link = "(https://example.org/a/very/long/address/with/many/parts/in/it/for/sure/yes)"
    text = sentence_of(18)[:-1] + " [the plan]" + link + "."
    assert found(text, "long_sentence") == []


def test_paragraph_of_four_sentences_is_a_wall_of_text():
    paragraph = " ".join(sentence_of(5) for _ in range(4))
    text = "Short one.\n\n" + paragraph
    [finding] = found(text, "long_paragraph")
    assert (finding.rule_id, finding.severity) == ("PL-01", "warning")
    assert (finding.start, finding.end) == (12, len(text))


def test_paragraph_of_three_sentences_and_lists_are_fine():
    three = " ".join(sentence_of(5) for _ in range(3))
    items = "\n".join(f"- {sentence_of(4)}" for _ in range(6))
    assert found(three + "\n\n" + items, "long_paragraph") == []


def test_passive_voice_is_a_maybe():
    text = "The decision was made by the board."
    [finding] = found(text, "passive_voice")
    assert finding.text == "was made"
    assert finding.message.startswith("Maybe passive")
    assert (finding.rule_id, finding.severity) == ("PL-07", "warning")


def test_active_sentences_and_adjectives_are_not_passive():
    assert (
        found("The board made the decision. We are pleased. She is disabled.", "passive_voice")
        == []
    )


def test_more_than_one_joining_word_in_easy_read():
    [finding] = found("We met and we talked but we did not agree.", "joined_sentence", level="easy")
    assert finding.rule_id == "ER-02"
    assert found("We met and we talked.", "joined_sentence", level="easy") == []
    assert found("We met and we talked but we did not agree.", "joined_sentence") == []


def test_negative_short_forms_in_easy_read():
    [finding] = found("We don't know yet.", "negative_short_form", level="easy")
    assert (finding.text, finding.suggestion) == ("don't", "do not")
    [cant] = found("Can't come.", "negative_short_form", level="easy")
    assert cant.suggestion == "Cannot"


def test_double_negatives_in_easy_read():
    [finding] = found("It is not unusual to wait.", "double_negative", level="easy")
    assert finding.text == "not unusual"
    assert found("We did not understand it.", "double_negative", level="easy") == []


def test_long_easy_read_document_is_flagged_where_it_goes_over():
    text = " ".join(sentence_of(10) for _ in range(101))
    [finding] = found(text, "long_document", level="easy")
    assert finding.rule_id == "ER-12"
    assert found(" ".join(sentence_of(10) for _ in range(100)), "long_document", level="easy") == []


def test_reading_level_is_advisory_and_only_for_hard_text():
    hard = " ".join(
        "Comprehensive organisational considerations necessitate extraordinary deliberation."
        for _ in range(6)
    )
    [finding] = found(hard, "reading_level")
    assert (finding.rule_id, finding.severity, finding.start, finding.end) == (
        "PL-02",
        "advisory",
        0,
        0,
    )
    easy = " ".join(sentence_of(8) for _ in range(6))
    assert found(easy, "reading_level") == []


def test_summary_counts_and_scores():
    report = check(sentence_of(26) + "\n\n" + sentence_of(10))
    summary = report.summary
    assert summary["words"] == 36 and summary["sentences"] == 2 and summary["paragraphs"] == 2
    assert summary["average_sentence_length"] == 18.0
    assert summary["by_kind"] == {"long_sentence": 1}
    assert summary["by_severity"] == {"must fix": 1, "warning": 0, "advisory": 0}
    assert summary["flesch_reading_ease"] > 60


def test_empty_text_has_no_findings_and_no_scores():
    report = check("")
    assert report.findings == []
    assert report.summary["flesch_reading_ease"] is None
    assert report.summary["words"] == 0


def test_a_heading_is_not_counted_into_the_next_sentence():
    text = "## What is changing for day services\n" + sentence_of(20)
    assert [s.text for s in sentences(text)][0] == "## What is changing for day services"
    assert found(text, "long_sentence") == []


def test_easy_read_text_with_too_few_common_words_gets_a_whole_text_warning():
    hard = " ".join("Perspicacious stakeholders ruminate." for _ in range(12))
    [finding] = found(hard, "common_words", level="easy")
    assert (finding.rule_id, finding.severity, finding.text) == ("ER-04", "warning", "")
    plain = " ".join(sentence_of(8) for _ in range(6))
    assert found(plain, "common_words", level="easy") == []
    assert found(hard, "common_words") == []


def test_a_persons_initial_does_not_end_a_sentence():
    from easyread.text import sentences

    text = "Present: Cllr J. Okafor (Chair), Cllrs A. Begum and S. Whitcombe. Cllr Begum asked."
    assert [s.text for s in sentences(text)] == [
        "Present: Cllr J. Okafor (Chair), Cllrs A. Begum and S. Whitcombe.",
        "Cllr Begum asked.",
    ]
    # a letter after a small word still ends one
    assert len(sentences("We chose plan B. Then we met.")) == 2


def test_a_question_in_quotation_marks_does_not_end_the_sentence_around_it():
    from easyread.text import sentences

    text = 'The key question "Is it safe?" was rated Inadequate. It was fixed.'
    assert [s.text for s in sentences(text)] == [
        'The key question "Is it safe?" was rated Inadequate.',
        "It was fixed.",
    ]
