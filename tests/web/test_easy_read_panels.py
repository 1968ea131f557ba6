"""Panels and lists in easy-read form (issue 14): impact figures, budget history, times
and the commissioning cycle read as easy read, and their numbers are the ones recorded."""

from __future__ import annotations

import re

import pytest

from forum_site.models import Status
from tests.factories import make_user
from tests.factories_meetings import make_meeting, make_review
from tests.web.easy_read_sentences import easy_read_on, long_sentences, main_sentences
from tests.web.test_contributions_feedback import _answered
from tests.web.test_contributions_feedback import world as world  # noqa: F401 (fixture)

NO_STANDARD_WORDS = ("median", "%", "UK time", " PM", " AM", "with a final answer)")


def _main_text(page) -> str:
    return " ".join(page.soup.find("main").get_text(" ", strip=True).split())


def _sentences(page) -> list[str]:
    """The page's sentences, with the space a bold word leaves before a full stop gone."""
    return [re.sub(r"\s+([.,:])", r"\1", s) for s in main_sentences(page.soup)]


def _reviews(db, world):
    meeting = make_meeting(db, world["forum"], title="Spring meeting")
    for purpose, listened in ((3, 3), (3, 2), (1, 1)):
        make_review(db, meeting, make_user(db), purpose_clear=purpose, listened_to=listened)


def test_impact_in_easy_read_is_sentences_with_the_same_numbers(client, db, world):
    _answered(db, world, "buses", Status.CHANGED, 1)
    _answered(db, world, "parks", Status.NOT_TAKEN_FORWARD, 3)
    _answered(db, world, "lunch", Status.NOT_TAKEN_FORWARD, 3)
    _reviews(db, world)
    easy_read_on(client)
    page = client.get(f"/forums/{world['forum'].slug}/impact")
    sentences = _sentences(page)
    assert "Members made 3 points." in sentences
    assert "3 out of 3 points got an answer." in sentences
    assert "Half of the answers came in 3 days or less." in sentences
    assert "1 out of 3 points with a final answer changed something." in sentences
    assert "2 out of 3 people said the purpose was clear." in sentences
    assert "1 out of 3 said it was not clear." in sentences
    assert "1 out of 3 people felt listened to." in sentences
    assert "Spring meeting on" in _main_text(page)
    assert "In March 2026, members made 3 points." in sentences
    text = _main_text(page)
    for word in NO_STANDARD_WORDS:
        assert word not in text, word
    assert not page.soup.select("main svg.chart-svg, main table, main dl.figures")
    assert page.soup.select("main svg.er-bar[aria-hidden=true]")
    assert long_sentences(page.soup) == []


def test_impact_in_standard_form_keeps_its_figures_and_chart(client, db, world):
    _answered(db, world, "buses", Status.CHANGED, 1)
    page = client.get(f"/forums/{world['forum'].slug}/impact")
    assert page.soup.select("main dl.figures")
    assert page.soup.select("main svg.chart-svg")
    assert "Members made" not in _main_text(page)


def test_organisation_impact_in_easy_read(client, db, world):
    _answered(db, world, "buses", Status.CHANGED, 1)
    council = world["forum"].organisations[0]
    easy_read_on(client)
    page = client.get(f"/organisations/{council.id}/impact")
    sentences = _sentences(page)
    assert "Members made 1 point." in sentences
    assert any(s.startswith("Parkside Council promises an answer in") for s in sentences)
    assert "median" not in _main_text(page)


@pytest.mark.parametrize("hide", [False, True])
def test_impact_easy_read_with_no_figures(client, db, world, hide):
    easy_read_on(client, hide_pictures=hide)
    page = client.get(f"/forums/{world['forum'].slug}/impact")
    assert "Members made 0 points." in _sentences(page)
    assert "Nobody has answered the questions after meetings yet." in _sentences(page)
