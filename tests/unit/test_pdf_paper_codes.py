"""Paper form codes, the questions a form prints, and small print helpers."""

from __future__ import annotations

from types import SimpleNamespace

from easyread.glossary import Term
from forum_site.pdf.formatting import dir_attr
from forum_site.pdf.glossary import terms_used
from forum_site.services.paper_forms import (
    CODE_ALPHABET,
    OTHER_QUESTION,
    normalise_code,
    questions_for,
)


def test_codes_are_typed_any_way():
    assert normalise_code(" k7m-2qx ") == "K7M2QX"
    assert normalise_code("K7M 2QX") == "K7M2QX"
    assert normalise_code("k7m_2qx.") == "K7M2QX"


def test_code_alphabet_has_no_look_alikes():
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_questions_follow_the_agenda_then_anything_else():
    items = [
        SimpleNamespace(id=7, title="Transport", what_we_want="How do you get there?"),
        SimpleNamespace(id=3, title="Lunch", what_we_want="  "),
    ]
    questions = questions_for(SimpleNamespace(agenda_items=items))
    assert [q["key"] for q in questions] == ["item-7", "item-3", OTHER_QUESTION]
    assert questions[0]["prompt"] == "How do you get there?"
    assert questions[1]["prompt"] == "What do you think about this?"
    assert questions_for(SimpleNamespace(agenda_items=[]))[0]["key"] == OTHER_QUESTION


def test_hard_words_used_are_found_whole_and_initials_only_in_capitals():
    terms = [
        Term(
            term="provider",
            plain="Who runs a service.",
            easy="Who runs it.",
            aliases=("providers",),
        ),
        Term(term="ICB", plain="The local NHS body.", easy="The NHS here."),
        Term(term="tender", plain="Asking for bids.", easy="Asking for offers."),
    ]
    used = terms_used(["Two Providers spoke.", "the icb met", "tenderness is not a tender"], terms)
    assert [t.term for t in used] == ["provider", "tender"]
    assert [t.term for t in terms_used(["The ICB met."], terms)] == ["ICB"]


def test_direction_of_writers_text_comes_from_its_first_letter():
    assert dir_attr("Hello") == ' dir="ltr"'
    assert dir_attr("  مرحبا, hello") == ' dir="rtl"'
    assert dir_attr("2030: שלום") == ' dir="rtl"'
    assert dir_attr("") == ""
