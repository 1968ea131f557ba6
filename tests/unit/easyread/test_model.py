"""The easy-read document model: stored as JSON, checked by a named person."""

import json

import pytest

from easyread.model import (
    ContactBox,
    Document,
    HardWordBox,
    NextStep,
    NumberCallout,
    Point,
    Section,
    WordListEntry,
    item_from_dict,
    visible_text,
    word_count,
)


def _document() -> Document:
    return Document(
        title="Changes to day services",
        title_picture="hi-group-discussion-meetingx3",
        sections=[
            Section(
                "What is changing",
                [
                    Point(["The council will close **2** day centres."], "fe-stop-sign"),
                    HardWordBox("Commissioning", "Commissioning means paying for services."),
                    NumberCallout("£2 million", "The council has £2 million for day services."),
                    NextStep(["Tell us what you think."], "Fill in the form", "/have-your-say"),
                ],
            )
        ],
        word_list=[WordListEntry("Commissioning", "Commissioning means paying for services.")],
        contact=ContactBox(name="Forum team", phone="01234 567890"),
    )


def test_document_survives_a_round_trip_through_json():
    document = _document()
    stored = json.dumps(document.to_dict())
    loaded = Document.from_dict(json.loads(stored))
    assert loaded == document
    assert isinstance(loaded.sections[0].items[2], NumberCallout)


def test_each_item_records_its_kind_for_storage():
    kinds = [item["kind"] for item in _document().to_dict()["sections"][0]["items"]]
    assert kinds == ["point", "hard_word", "number", "next_step"]


def test_unknown_item_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        item_from_dict({"kind": "banner", "text": "hello"})


def test_new_document_says_it_was_made_automatically():
    document = _document()
    assert document.made_automatically
    assert not document.checked_by_a_person


def test_marking_checked_records_who_and_when():
    document = _document()
    document.mark_checked("Asha Patel", "2026-11-25T09:00:00")
    assert document.checked_by_a_person
    assert (document.checked_by, document.checked_at) == ("Asha Patel", "2026-11-25T09:00:00")
    assert Document.from_dict(document.to_dict()).checked_by_a_person


def test_checked_needs_a_name():
    with pytest.raises(ValueError):
        _document().mark_checked("  ", "2026-11-25")


def test_all_sentences_include_boxes_and_callouts():
    sentences = _document().all_sentences()
    assert "Commissioning means paying for services." in sentences
    assert "The council has £2 million for day services." in sentences


def test_word_count_ignores_markup_and_link_addresses():
    sentence = "Read **the plan** at [our web page](https://example.org/a/b/c)."
    assert visible_text(sentence) == "Read the plan at our web page."
    assert word_count(sentence) == 7


def test_a_box_with_two_sentences_counts_as_two():
    doc = Document(
        "T", [Section("S", [HardWordBox("Tender", "A tender is a contest. The best offer wins.")])]
    )
    assert doc.all_sentences() == ["A tender is a contest.", "The best offer wins."]
