"""The easy-read service's pure parts: fingerprints of the source, a person's edits,
and the list of pictures a person can choose from."""

from __future__ import annotations

import pytest

from easyread.model import Document, HardWordBox, NumberCallout, Point, Section
from forum_site.services.easy_read import (
    PointEdit,
    apply_edits,
    editable_text,
    picture_choices,
    source_hash,
)
from forum_site.services.errors import DomainError
from forum_site.web.easy_read.pictures import SITE_PICTURES


def _document() -> Document:
    return Document(
        title="Day centre",
        sections=[
            Section(
                heading="What is changing",
                items=[
                    Point(["The day centre moves in May."], picture="hi-home"),
                    HardWordBox("provider", "The group that runs a service."),
                    NumberCallout("£40,000", "This is the money for the move."),
                ],
            )
        ],
    )


def test_source_hash_changes_with_any_part_and_not_otherwise():
    assert source_hash("Title", "Body") == source_hash("Title", "Body")
    assert source_hash("Title", "Body") != source_hash("Title", "Body.")
    assert source_hash("ab", "c") != source_hash("a", "bc")
    assert len(source_hash("x")) == 64


def test_edits_replace_sentences_tidy_spaces_and_record_the_authors_picture():
    document = apply_edits(
        _document(),
        [PointEdit(0, 0, ["  The centre   moves.", "", "It moves in **May**."], "fe-bus")],
    )
    point = document.sections[0].items[0]
    assert point.sentences == ["The centre moves.", "It moves in **May**."]
    assert point.picture == "fe-bus" and point.picture_chosen_by_author


def test_edits_to_boxes_and_numbers_change_their_sentence():
    document = apply_edits(
        _document(),
        [
            PointEdit(0, 1, ["The people who run a service."], None),
            PointEdit(0, 2, ["Money for the move."], "fe-money-bag"),
        ],
    )
    box, number = document.sections[0].items[1:]
    assert box.explanation == "The people who run a service."
    assert number.sentence == "Money for the move." and number.picture == "fe-money-bag"
    assert editable_text(number) == ["Money for the move."]


def test_a_picture_left_as_it_was_is_not_marked_as_the_authors_choice():
    document = apply_edits(_document(), [PointEdit(0, 0, ["Same."], "hi-home")])
    assert not document.sections[0].items[0].picture_chosen_by_author


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (PointEdit(0, 0, [" ", ""], None), "Write at least one sentence"),
        (PointEdit(0, 0, ["One.", "Two.", "Three.", "Four."], None), "3 short sentences"),
        (PointEdit(0, 0, ["x" * 301], None), "up to 300 characters"),
        (PointEdit(0, 0, ["Fine."], "not-a-picture"), "Choose a picture from the list"),
        (PointEdit(3, 0, ["Fine."], None), "Reload the page"),
    ],
)
def test_bad_edits_are_refused_with_a_plain_message(edit, message):
    with pytest.raises(DomainError) as error:
        apply_edits(_document(), [edit])
    assert message in error.value.message


def test_picture_choices_cover_every_picture_sorted_by_name():
    choices = picture_choices()
    assert len(choices) == 239
    names = [c.name.lower() for c in choices]
    assert names == sorted(names)
    assert all(c.name for c in choices)


def test_every_menu_and_site_picture_name_is_a_real_picture():
    ids = {c.id for c in picture_choices()}
    assert set(SITE_PICTURES.values()) <= ids
