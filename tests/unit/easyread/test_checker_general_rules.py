"""General checker rules for text nobody here wrote (issue 13): another word for a term
already flagged, numbered labels, abstract nouns, prefix compounds, and long official
names flagged whole. Sentences are our own, not taken from the corpus."""

from __future__ import annotations

from easyread.checker import check


def flagged(text: str) -> dict[str, str]:
    return {f.text: f.kind for f in check(text).findings if f.kind != "long_paragraph"}


def test_a_second_word_for_the_same_term_is_flagged_too():
    text = "Carers asked for short breaks. A week of respite made a real difference."
    findings = [f for f in check(text).findings if f.kind == "jargon"]
    assert [f.text for f in findings] == ["short breaks", "respite"]
    assert '"respite" means the same as "short breaks"' in findings[1].message


def test_forms_of_one_word_are_not_flagged_twice():
    text = "The day services are open. One day service is closing. Formal consultation began."
    text += " The consultation ends soon."
    jargon = [f.text for f in check(text).findings if f.kind == "jargon"]
    assert "day service" not in jargon and "consultation" not in jargon


def test_a_term_explained_at_first_use_may_be_called_by_its_other_words():
    text = "Respite (a break for carers while someone else helps) matters. Short breaks help."
    assert [f for f in check(text).findings if f.kind == "jargon"] == []


def test_numbered_labels_are_council_words():
    found = flagged("In quarter 3 the figures rose. Vacancies for band 5 nurses rose. Q4 too.")
    assert found.get("quarter 3") == "council_word"
    assert found.get("band 5") == "council_word"
    assert found.get("Q4") == "council_word"
    assert "band 5" in flagged("The band 5 role is open.")
    assert not {"tier 10", "band"} & set(flagged("Tier 10 of the car park. The band played."))


def test_abstract_nouns_need_to_be_more_common_than_other_words():
    found = flagged("The move caused disruption for tenants. We want continuity for everyone.")
    assert "disruption" in found and "continuity" in found
    plain = flagged("We asked a question about information and the community.")
    assert not {"question", "information", "community"} & set(plain)


def test_prefix_compounds_are_judged_whole():
    found = flagged("People want self-contained flats. Providers bid in mini-competitions.")
    assert "self-contained" in found and "mini-competitions" in found
    assert "well-known" not in flagged("It is a well-known place.")


def test_a_long_official_name_is_one_finding_not_its_lexicon_words():
    text = "The Serious Incident Learning Review Panel met. Each serious incident was read."
    found = [(f.text, f.kind) for f in check(text).findings if f.kind == "council_word"]
    assert ("Serious Incident Learning Review Panel", "council_word") in found
    assert ("Serious Incident", "council_word") not in found
    assert ("serious incident", "council_word") in found  # used alone, later
