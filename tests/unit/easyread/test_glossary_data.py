"""The shipped glossary: enough terms, complete, and easy definitions that are easy."""

from collections import Counter

import pytest

from easyread.glossary import default_terms, load_terms
from easyread.text import sentences, words

TERMS = load_terms()


def test_at_least_160_terms():
    assert len(TERMS) >= 160


def test_slugs_are_unique():
    duplicates = [slug for slug, n in Counter(t.slug for t in TERMS).items() if n > 1]
    assert duplicates == []


def test_no_form_belongs_to_two_terms():
    owner: dict[str, str] = {}
    clashes = []
    for term in TERMS:
        for form in {f.lower() for f in (*term.forms(), term.acronym_for) if f}:
            if form in owner:
                clashes.append((form, owner[form], term.slug))
            owner[form] = term.slug
    assert clashes == []


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.slug)
def test_every_term_has_a_plain_and_an_easy_definition(term):
    assert term.plain.strip().endswith(".") and term.easy.strip().endswith(".")
    assert 1 <= len(sentences(term.plain)) <= 2


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.slug)
def test_easy_definitions_use_short_sentences(term):
    lengths = [len(words(s.text)) for s in sentences(term.easy)]
    assert max(lengths) <= 12, term.easy


def test_core_commissioning_terms_are_present():
    headwords = {t.term.lower() for t in TERMS}
    wanted = {
        "commissioning",
        "decommissioning",
        "tender",
        "procurement",
        "jsna",
        "icb",
        "ics",
        "ccg",
        "personal budget",
        "direct payment",
        "social model of disability",
        "outcome",
        "provider",
        "co-production",
        "capacity",
        "package of care",
        "assessment",
        "safeguarding",
        "advocacy",
        "reablement",
        "respite",
        "eligibility",
        "market shaping",
        "gp",
        "nhs",
        "cqc",
        "ehcp",
        "camhs",
        "iapt",
        "learning disability",
        "send",
        "kpi",
        "vcs",
    }
    assert wanted - headwords == set()


def test_initials_say_what_they_stand_for():
    for slug in ("jsna", "icb", "kpi", "ehcp", "camhs"):
        term = next(t for t in default_terms() if t.slug == slug)
        assert term.acronym_for, slug


def test_jargon_sense_words_are_marked():
    marked = {t.term for t in TERMS if t.jargon_sense}
    assert {"capacity", "provider", "package of care", "assessment", "outcome"} <= marked
