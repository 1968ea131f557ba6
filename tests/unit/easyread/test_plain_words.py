"""The renderer's safe plain-word swaps (a subset of the checker's list)."""

import pytest

from easyread.builders import build_briefing
from easyread.model import Point
from easyread.plainwords import plain_words


@pytest.mark.parametrize(
    ("wordy", "plain"),
    [
        (
            "We will ensure that staff assist residents.",
            "We will make sure that staff help residents.",
        ),
        ("The majority of individuals obtained help.", "Most people got help."),
        (
            "Work commenced due to the fact that funds arrived.",
            "Work started because funds arrived.",
        ),
        ("Furthermore, approximately 40 people came.", "Also, about 40 people came."),
    ],
)
def test_wordy_phrases_and_every_form_of_a_wordy_verb_are_swapped(wordy, plain):
    assert plain_words(wordy) == plain


@pytest.mark.parametrize(
    "sentence",
    [
        "The views will inform the plan.",  # inform may mean shape: the checker asks instead
        "Staff are required to attend.",  # required may mean obliged, not needed
        'She said "whilst waiting" twice.',  # quoted words are someone's own
    ],
)
def test_swaps_that_depend_on_the_sense_or_are_quoted_are_not_made(sentence):
    assert plain_words(sentence) == sentence


def test_the_renderer_uses_the_plain_words():
    document = build_briefing("We will ensure that the majority of residents are consulted.")
    (row,) = [i for i in document.all_items() if isinstance(i, Point)]
    assert "make sure" in row.sentences[0] and "most residents" in row.sentences[0]
