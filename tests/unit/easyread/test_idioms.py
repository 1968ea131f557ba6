"""Idioms: one list (data/idioms.txt) for the checker's PL-07 finding and the renderer's swaps."""

from easyread.builders import build_briefing
from easyread.checker import check
from easyread.idioms import idioms, plain_idioms
from easyread.model import Point
from easyread.rewrites import drop_meta_comment


def test_an_idiom_is_swapped_for_plain_words_keeping_the_capital():
    assert plain_idioms("In a nutshell, residents value it.") == (
        "In short, residents value it.",
        [],
    )


def test_words_in_quotation_marks_are_never_changed():
    text = 'One carer said she was "passed from pillar to post" all weekend.'
    assert plain_idioms(text) == (text, [])


def test_a_plain_version_that_does_not_fit_keeps_the_idiom_and_says_so():
    text, kept = plain_idioms("We will run a light touch review.")
    assert text == "We will run a light touch review." and kept == ["light touch"]


def test_the_article_agrees_with_the_plain_words():
    assert plain_idioms("We gave them a heads up.")[0] == "We gave them an early warning."


def test_the_renderer_marks_a_row_whose_idiom_had_to_stay():
    document = build_briefing("We will run a light touch review of the contract.")
    (row,) = [i for i in document.all_items() if isinstance(i, Point)]
    assert row.needs_attention and "light touch" in row.attention_note


def test_the_renderer_swaps_an_idiom_that_fits():
    document = build_briefing("Some people are slipping through the net.")
    (row,) = [i for i in document.all_items() if isinstance(i, Point)]
    assert row.sentences == ["Some people are being missed."]


def test_the_checker_flags_idioms_from_the_same_list():
    report = check("In a nutshell, some people are slipping through the net.")
    found = [f for f in report.findings if f.kind == "idiom"]
    assert [f.text for f in found] == ["In a nutshell", "slipping through the net"]
    assert found[0].rule_id == "PL-07" and found[0].suggestion == "in short"


def test_the_list_is_ours_and_of_a_useful_size():
    assert len(idioms()) >= 100
    assert all(i.phrase and i.plain for i in idioms())


def test_a_meta_comment_that_carries_no_fact_is_dropped():
    assert drop_meta_comment("It is fair to say that the model is stretched.") == (
        "The model is stretched."
    )


def test_a_pronoun_in_an_idiom_stands_for_any_other_and_is_then_not_swapped():
    # "roll up your sleeves" in the list finds "roll up our sleeves"; the plain words were
    # written for the listed pronoun, so the idiom stays and the row goes to a person
    assert plain_idioms("We had to roll up our sleeves.") == (
        "We had to roll up our sleeves.",
        ["roll up our sleeves"],
    )
    assert plain_idioms("They took that on the chin.")[1] == ["took that on the chin"]


def test_the_same_pronoun_as_listed_is_swapped_as_before():
    assert plain_idioms("Staff are feeling the pinch.") == ("Staff are short of money.", [])


def test_no_idiom_is_also_a_glossary_term_or_a_council_word():
    # a term the glossary explains is not a figure of speech to remove ("lived experience")
    from easyread.glossary import default_terms
    from easyread.lexicon import entries

    phrases = {i.phrase.lower() for i in idioms()}
    assert not phrases & {t.term.lower() for t in default_terms()}
    assert not phrases & {e.phrase.lower() for e in entries()}
