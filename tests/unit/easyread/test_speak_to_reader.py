"""Offers to the people an easy read is for are said to "you" (issue 13), only when safe."""

import pytest

from easyread.builders import build_briefing
from easyread.model import Point
from easyread.rewrites import speak_to_reader


@pytest.mark.parametrize(
    ("writer", "easy"),
    [
        (
            "Residents would also be invited to join a quarterly meeting.",
            "You would also be invited to join a quarterly meeting.",
        ),
        (
            "Under the proposed model, residents would be able to ask for help.",
            "Under the proposed model, you would be able to ask for help.",
        ),
        (
            "Patients, carers and the public will be able to give their views online.",
            "You will be able to give your views online.",
        ),
        (
            "Service users will be able to choose their provider.",
            "You will be able to choose your provider.",
        ),
    ],
)
def test_offers_to_readers_speak_to_you(writer, easy):
    assert speak_to_reader(writer) == easy


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents have their own front door.",  # a fact about others, not an offer
        "Service users can ask staff to change their rota.",  # whose rota?
        "Members are asked to note the report.",  # members here are councillors
        "People can lose strength in hospital.",
        "Then they said people would be fine.",
    ],
)
def test_other_sentences_are_left_alone(sentence):
    assert speak_to_reader(sentence) == sentence


def test_the_renderer_speaks_to_the_reader():
    document = build_briefing("Residents will be able to ask for help at any time.")
    (row,) = [i for i in document.all_items() if isinstance(i, Point)]
    assert row.sentences == ["You will be able to ask for help at any time."]
