"""Council and NHS talk, idioms, mixed-case initials, word senses and pictures (issue 13)."""

import pytest

from easyread import check
from easyread.builders import build_briefing
from easyread.checks import council
from easyread.glossary import default_terms
from easyread.model import HardWordBox, Point
from easyread.pictures import picture_for


def _kinds(text, kind):
    return [f for f in check(text).findings if f.kind == kind]


def test_the_lexicon_has_at_least_300_entries_beyond_the_glossary():
    glossary = {f.lower() for t in default_terms() for f in (t.term, *t.aliases, t.acronym_for)}
    entries = [e for e in council.load(council.COUNCIL_WORDS_FILE) if e.word not in glossary]
    assert len(entries) >= 300


@pytest.mark.parametrize(
    "text",
    ["The plan was ratified.", "They are ratifying it.", "We will ratify it.", "It ratifies"],
)
def test_words_are_found_in_every_form(text):
    assert _kinds(text, "council_word")


def test_a_suggestion_follows_the_sense():
    [tell] = _kinds("We will inform residents about it.", "council_word")
    [shape] = _kinds("The findings will inform the strategy.", "council_word")
    assert (tell.suggestion, shape.suggestion) == ("tell", "shape")


def test_titles_of_bodies_and_jobs_are_found():
    found = _kinds("The Section 151 Officer told the Audit and Risk Committee.", "council_word")
    assert {f.text for f in found} >= {"Section 151 Officer", "Audit and Risk Committee"}


def test_idioms_are_found_and_given_plain_words():
    [idiom] = _kinds("Providers face a perfect storm this winter.", "idiom")
    assert idiom.suggestion == "many problems at the same time"


def test_initials_with_small_letters_are_found():
    assert [f.text for f in _kinds("The ZoRP team met.", "initials")] == ["ZoRP"]
    assert _kinds("McDonald and Wales met.", "initials") == []


def test_jargon_does_not_count_as_common_words():
    plain = check("We will talk to people about the new bus.", level="easy")
    jargon = check("We will scrutinise the governance of the procurement.", level="easy")
    assert jargon.summary["common_word_share"] < plain.summary["common_word_share"]


# --- word senses (DN-05) -------------------------------------------------------------------


def _boxes(document):
    return {b.term: b.explanation for b in document.all_items() if isinstance(b, HardWordBox)}


def test_the_box_explains_the_sense_the_text_uses():
    text = "The assessment looks at the needs of the whole population of the borough."
    boxes = _boxes(build_briefing(text, terms=default_terms()))
    assert "everyone in the area" in boxes["Assessment"]


def test_a_different_sense_later_gets_its_own_box():
    text = (
        "The service does not have the capacity to meet demand. "
        "A person may lack capacity to decide where to live."
    )
    boxes = [b for b in build_briefing(text, terms=default_terms()).all_items()]
    explanations = [b.explanation for b in boxes if isinstance(b, HardWordBox)]
    assert any("how many people" in e for e in explanations)
    assert any("make a choice" in e for e in explanations)


def test_an_unclear_sense_is_asked_about_not_guessed():
    document = build_briefing("We looked at capacity.", terms=default_terms())
    [row] = [i for i in document.all_items() if isinstance(i, Point)]
    assert row.needs_attention and "Which meaning" in row.attention_note
    assert "Capacity" not in _boxes(document)


def test_the_box_is_titled_with_the_word_as_the_text_has_it():
    document = build_briefing("Most LAs agreed.", terms=default_terms())
    assert "Local authorities" in _boxes(document)


# --- pictures (DN-06) ----------------------------------------------------------------------


def test_money_is_shown_in_pounds():
    assert picture_for("We got £2 million.") == "fe-pound-banknote"


def test_the_picture_comes_from_the_main_clause():
    assert picture_for("The council, which runs a vote each year, agreed.") != picture_for(
        "We will vote."
    )


def test_a_picture_is_used_at_most_twice_a_page():
    text = " ".join(f"We will vote on plan {n}." for n in range(1, 6))
    pictures = [i.picture for i in build_briefing(text).all_items() if i.picture]
    assert max(pictures.count(p) for p in set(pictures)) <= 2
