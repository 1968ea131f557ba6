"""Do-no-harm rules found by reading the renderer's output on the second fresh set
(issue 13). Each sentence here is our own, built to hit the same rule."""

from __future__ import annotations

from easyread.builders import build_briefing
from easyread.guard import has_subject_and_verb
from easyread.model import Point
from easyread.plainwords import plain_words
from easyread.splitting import split_sentence


def _lines(text: str) -> list[str]:
    document = build_briefing(text, terms=[])
    items = document.all_items()
    return [line for item in items if isinstance(item, Point) for line in item.sentences]


def test_where_after_a_thing_is_a_condition_not_a_place():
    lines = split_sentence(
        "We will lend tablets and phones to members, where this helps them join meetings."
    )
    assert not any(line.startswith("There this") for line in lines)
    place = split_sentence("The group meets at the library, where there is a lift to every floor.")
    assert "There there is a lift to every floor." in place or len(place) == 1


def test_examples_followed_by_a_clause_of_the_whole_sentence_stay_whole():
    text = (
        "The council will fund small grants for equipment, such as hoists and rails, "
        "where a person's home can be adapted safely."
    )
    assert not any(line.startswith("For example, hoists") for line in split_sentence(text))
    outer = (
        "The review included home visits, group sessions with families, including fathers "
        "and grandparents, and an online form for young carers."
    )
    lines = _lines(outer)
    assert "An online form for young carers." not in lines  # no verb: not a sentence
    assert not has_subject_and_verb("An online form for young carers.")
    assert has_subject_and_verb("A carer put it well.")


def test_a_quotation_is_never_cut():
    lines = split_sentence('A "we asked, you told us" page will be added to the site next month.')
    assert not any(line.endswith('"we asked.') or line.startswith("You told us") for line in lines)


def test_ensure_before_a_noun_is_not_swapped_for_make_sure():
    assert plain_words("The council must ensure continuity of care.") == (
        "The council must ensure continuity of care."
    )
    assert (
        plain_words("We will ensure that you are told.") == "We will make sure that you are told."
    )
    assert plain_words("We will ensure you are told.") == "We will make sure you are told."


def test_a_request_with_a_bare_verb_is_not_turned_into_a_report():
    lines = split_sentence(
        "The chair of the carers' group asked that the council publish the waiting times."
    )
    assert "The council publish the waiting times." not in lines


def test_a_noun_with_a_relative_clause_is_not_a_sentence():
    assert not has_subject_and_verb("Monthly review meetings that involve a family member.")
    assert not has_subject_and_verb("Letters to carers that were posted in March.")
    assert has_subject_and_verb("Carers who had a break said it helped.")
    assert has_subject_and_verb("Staff who work here are kind.")
    lines = split_sentence(
        "We will agree new goals with each tenant, and monthly review meetings that involve "
        "a family member."
    )
    assert "Monthly review meetings that involve a family member." not in lines


def test_a_lettered_item_keeps_its_small_letter():
    lines = _lines(
        "Agreed: (a) that the forum meets in the library from May; (b) that members get "
        "travel costs back."
    )
    assert not any("(B)" in line for line in lines)
