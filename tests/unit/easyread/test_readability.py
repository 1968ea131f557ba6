"""Reading scores computed from our own syllable counts (no textstat, nothing downloaded)."""

import sys

import pytest

from easyread.readability import (
    common_word_share,
    flesch_kincaid_grade,
    flesch_reading_ease,
    is_common,
    scores,
)
from easyread.text import words


def test_flesch_formulas_match_the_published_coefficients():
    # 100 words, 5 sentences, 150 syllables: a textbook example.
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert flesch_kincaid_grade(100, 5, 150) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)


def test_no_words_means_no_score():
    assert flesch_reading_ease(0, 0, 0) is None
    assert scores("").flesch_kincaid_grade is None


def test_short_plain_sentences_score_easier_than_long_latinate_ones():
    plain = scores("We will meet on Monday. Bring a friend. We will have tea.")
    hard = scores(
        "Organisational reconfiguration necessitates comprehensive consideration of "
        "interdependencies between commissioning intentions and operational capabilities."
    )
    assert plain.flesch_reading_ease > 90
    assert hard.flesch_reading_ease < 0
    assert plain.flesch_kincaid_grade < 3 < 15 < hard.flesch_kincaid_grade


def test_average_sentence_length():
    assert scores("One two three. Four five six seven eight.").average_sentence_length == 4.0


def test_common_word_share_counts_content_words_only():
    assert common_word_share(words("The people and the town")) == 1.0
    share = common_word_share(words("The people of the town are perspicacious"))
    assert share == pytest.approx(2 / 3)


def test_easy_word_list_and_hyphenated_words():
    assert is_common("carers")
    assert is_common("well-known")
    assert not is_common("perspicacious")


def test_textstat_is_not_used():
    scores("Some text to score.")
    assert "textstat" not in sys.modules


def test_word_endings_do_not_make_common_words_rare():
    assert is_common("closes") and is_common("varies") and is_common("reviewing")
