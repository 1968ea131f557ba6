"""Issue 13's figures on our own hard passages (council, NHS board, research, consultation).

The held-out passages are measured the same way; they were not looked at while tuning.
"""

import pytest

from easyread.builders import build_briefing
from easyread.glossary import default_terms
from tests.unit.easyread import hard_quality, quality

ALL = hard_quality.passages()

# Found on the third unseen set (fresh3) at its first run and not put right yet: strict,
# so a fix makes these tests fail until the entry is removed. What is left in k1 is the
# writer's own front matter, kept as written and marked for a person (DN-07: readers get
# the standard text), which this measure counts because it counts flagged rows too.
NOT_YET = {
    ("broken", "k1_trust_board_waiting_lists"): (
        "front matter with no verb ('Report of the Chief Operating Officer. For assurance.')"
    ),
    # The fourth unseen set (fresh4): a byline kept as written and marked; and this
    # measure reads rows without knowing which were bullets, so it counts a list's intro
    # ("Over the year, panel members:") and its last bullet, which the renderer accepts.
    ("broken", "m3_coproduction_report"): "front matter (a byline) and a list read as rows",
}


def _cases(check: str) -> list:
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(reason=NOT_YET[check, path.stem], strict=True)]
            if (check, path.stem) in NOT_YET
            else [],
        )
        for path in ALL
    ]


def test_there_are_at_least_15_passages_of_300_to_500_words_and_a_held_out_set():
    assert len(ALL) >= 15
    assert len(hard_quality.passages("held_out")) >= 4
    lengths = {p.name: len(p.read_text(encoding="utf-8").split()) for p in ALL}
    assert all(300 <= n <= 500 for n in lengths.values()), lengths


@pytest.fixture(scope="module")
def reports():
    return {path.name: hard_quality.measure(path) for path in ALL}


@pytest.mark.parametrize("path", _cases("broken"))
def test_at_most_one_broken_sentence_per_400_words(reports, path):
    report = reports[path.name]
    assert report.broken_per_400 <= 1.0 or len(report.broken) <= 1, report.broken


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_sentences_are_short_or_marked_for_a_person(reports, path):
    assert reports[path.name].share_ok >= 0.95


@pytest.mark.parametrize("path", _cases("numbers"))
def test_every_number_keeps_its_meaning(reports, path):
    """DN-04 on every hard passage: digits kept, changes stay changes, 0% is never "none"."""
    assert reports[path.name].numbers_lost == []
    assert "0% became none" not in reports[path.name].broken


@pytest.mark.parametrize("path", quality.passages(), ids=lambda p: p.stem)
def test_every_number_is_kept_in_the_older_corpus_too(path):
    source = path.read_text(encoding="utf-8")
    document = build_briefing(source, terms=default_terms())
    assert hard_quality.lost_numbers(source, document) == []


def test_the_broken_sentence_count_can_fail():
    document = build_briefing("We met the panel.")
    document.sections[0].items[0].sentences = ["This was by the panel as key.", "Or lost."]
    assert len(hard_quality.broken(document, "We met the panel.")) == 2


def test_rows_that_need_a_person_are_counted_and_shown():
    from easyread.render import render_html, render_text

    text = (
        "The council, which the panel and the board and the staff who work there all said "
        "was a good partner for many years before the change, agreed with everyone."
    )
    document = build_briefing(text)
    flagged = document.rows_needing_a_person()
    assert flagged and flagged[0].attention_note
    assert "Rows that need a person to check them: 1" in render_text(document, show_flags=True)
    html = str(render_html(document, show_notes=True))
    assert "er-flags-summary" in html and flagged[0].attention_note in html


def test_and_so_on_at_the_end_is_not_counted_as_broken():
    document = build_briefing("We met the panel.")
    document.sections[0].items[0].sentences = ["We fund clubs, walks and so on.", "We met the."]
    assert hard_quality.broken(document, "We met the panel.") == ["We met the."]
