"""The words councils and the NHS use about how they work (issue 13, checker item 5):
a lexicon matched in every form, clue words for words that are plain in other senses,
senses that keep suggestions true, initials in mixed case, long official names, and
a common-word share that does not count jargon as common."""

from __future__ import annotations

import pytest

from easyread.checker import check
from easyread.glossary import default_terms
from easyread.inflect import forms
from easyread.lexicon import entries, parse
from easyread.readability import common_word_share
from easyread.rules import WARNING
from easyread.text import words
from tests.unit.easyread import jargon_recall
from tests.unit.easyread.checker_calls import found


def kinds(text: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for finding in check(text).findings:
        result.setdefault(finding.kind, []).append(finding.text)
    return result


def test_the_lexicon_has_300_entries_beyond_the_glossary():
    glossary = {
        form.lower()
        for term in default_terms()
        for form in (*term.forms(), term.acronym_for)
        if form
    }
    beyond = [e for e in entries() if e.phrase.lower() not in glossary]
    assert len(beyond) >= 300
    assert {e.section for e in beyond} >= {
        "People and roles",
        "Deciding",
        "Money",
        "Law, rules and regulation",
        "Buying services",
    }


@pytest.mark.parametrize(
    ("word", "verb", "expected"),
    [
        ("commission", True, {"commissioned", "commissioning", "commissions", "recommission"}),
        ("tenancy", False, {"tenancies"}),
        ("block contract", False, {"block contracts"}),
        ("ICB", None, {"ICBs"}),
        ("triage", True, {"triaged", "triaging"}),
    ],
)
def test_every_form_of_a_word_is_made(word, verb, expected):
    assert expected <= forms(word, verb)


def test_an_entry_line_gives_its_clues_and_its_irregular_forms():
    entry = parse("let (verb) {contract, tender} = be let : given to a group to run")
    assert entry.phrase == "let" and entry.clues == ("contract", "tender")
    assert {"be let", "letting", "let"} <= entry.forms
    assert entry.plain == "given to a group to run"


def test_council_words_are_found_in_any_form_with_a_plain_suggestion():
    [finding] = found("Two officers visited the flats.", "council_word")
    assert finding.text == "officers"
    assert finding.suggestion == "a person who works for the council"
    assert finding.rule_id == "PL-04" and finding.severity == WARNING


def test_a_glossary_word_is_found_in_its_other_forms():
    [finding] = found("The contracts were re-tendered last year.", "jargon")
    assert finding.text == "re-tendered" and finding.term == "tender"


def test_a_word_plain_in_other_senses_needs_a_clue_in_its_sentence():
    assert "council_word" not in kinds("We let the room to a walking club on Fridays.")
    [finding] = found("The contract will be let for five years.", "council_word")
    assert finding.text == "be let"


def test_the_sense_decides_the_suggestion():
    shaping = found("What you say will inform the plan for next year.", "council_word")
    assert [f.suggestion for f in shaping] == ["help shape"]
    telling = found("We will inform you by letter.", "wordy_phrase")
    assert telling and telling[0].suggestion == "tell"
    assert "council_word" not in kinds("We will inform you by letter.")


def test_explained_council_words_are_left_alone():
    text = "Two officers visited the flats."
    assert not [f for f in check(text, explained=["officers"]).findings if f.kind == "council_word"]


def test_initials_in_mixed_case_are_initials():
    text = "We pay for PbR contracts. McKay and YouTube are names, and so is DeSouza."
    assert [f.text for f in check(text).findings if f.kind == "initials"] == ["PbR"]


def test_a_long_official_name_is_flagged_once_and_not_when_spelled_out():
    text = (
        "The Patient Safety Incident Response Framework came in. "
        "The Patient Safety Incident Response Framework is new."
    )
    named = [f for f in check(text).findings if f.kind == "council_word"]
    assert [f.text for f in named] == ["Patient Safety Incident Response Framework"]
    explained = "The Friends and Family Test (a short survey after care) is sent by text."
    assert "Friends and Family Test" not in kinds(explained).get("council_word", [])


def test_jargon_is_never_counted_as_a_common_word():
    text = "The provider and the provider met the provider."
    spans = words(text)
    everyday = common_word_share(spans)
    providers = [(m.start, m.end) for m in spans if m.text == "provider"]
    assert common_word_share(spans, providers) < everyday
    share = check(text).summary["common_word_share"]
    assert share < everyday


@pytest.mark.parametrize("path", jargon_recall.passages("held_out"), ids=lambda p: p.stem)
def test_held_out_jargon_is_caught(path):
    score = jargon_recall.measure(path)
    assert score.caught_share >= 0.75, score.missed
    assert score.plain_words_flagged <= 0.05, score.false_alarms


def test_jargon_caught_overall_and_false_alarms_on_plain_words():
    scores = [jargon_recall.measure(p) for p in jargon_recall.passages("all")]
    held = [s for s in scores if s.name.startswith("h")]
    caught = sum(s.marked - len(s.missed) for s in held) / sum(s.marked for s in held)
    assert caught >= 0.90
    # Written after the lexicon and never tuned to: the floor is what it scored (59%).
    fresh = [s for s in scores if s.name.startswith("f")]
    assert sum(s.marked - len(s.missed) for s in fresh) / sum(s.marked for s in fresh) >= 0.55
    flagged = sum(len(s.false_alarms) for s in scores) / sum(s.plain_words for s in scores)
    assert flagged <= 0.05


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Theatre utilisation fell again.", "utilisation"),
        ("We buy activity from the independent sector.", "independent sector"),
        ("Savings above the upper capital limit count.", "upper capital limit"),
        ("The change will be phased in over two years.", "phased"),
        ("The service was withdrawn in May.", "withdrawn"),
        ("Calls out of hours go to the crisis team.", "out of hours"),
    ],
)
def test_hospital_and_charging_words_are_council_words(sentence, word):
    assert word in [f.text for f in found(sentence, "council_word")]


@pytest.mark.parametrize(
    "sentence",
    [
        "We went to the theatre to see a play.",  # not the operating theatre
        "She withdrew £20 from the bank.",  # not a service taken away
        "We met in the last quarter of the park.",
    ],
)
def test_those_words_in_their_everyday_sense_are_left_alone(sentence):
    assert "council_word" not in kinds(sentence)


def test_a_capital_inside_a_sentence_is_the_clue_for_a_body_or_role():
    # "chair" needs a clue word ("meeting", "board") in lower case; "the Chair" names the role
    assert "Chair" in kinds("Cllr Okafor, the Chair, asked for the figures.").get(
        "council_word", []
    )
    assert "chair" not in kinds("Bring a chair if you have one.").get("council_word", [])
    # a capital at the start of a sentence says nothing
    assert "Lots" not in kinds("Lots of people came to the day.").get("council_word", [])


def test_meeting_and_procurement_words_beyond_the_glossary_are_found():
    said = kinds(
        "The motion was carried unanimously. The contract has a standstill period, "
        "then mobilisation, and the incumbent provider will honour the rates."
    ).get("council_word", [])
    assert {"carried", "unanimously", "standstill period", "incumbent", "honour"} <= set(said)


def test_no_word_is_its_own_clue():
    # "lot {lots, ...}" flagged "Lots of people came": the plural was its own clue
    for entry in entries():
        own = {form.lower() for form in entry.forms}
        assert not own & set(entry.clues), entry.phrase
