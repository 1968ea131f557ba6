"""Panels and lists in easy-read form (issue 14): impact figures, budget history, times
and the commissioning cycle read as easy read, and their numbers are the ones recorded."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from forum_site.models import Budget, InboxMessage, Status
from tests.factories import make_user
from tests.factories_meetings import People, make_meeting, make_reply, make_review
from tests.web.easy_read_sentences import easy_read_on, long_sentences, main_sentences
from tests.web.test_budgets_changes import _change_form
from tests.web.test_budgets_changes import _setup as _budget_setup
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


def test_budget_change_in_easy_read_says_what_moved_with_exact_amounts(client, db, sign_in):
    world, budget = _budget_setup(db)
    sign_in(world["commissioner"])
    moved = client.post(
        f"/budgets/{budget.id}/change",
        data=_change_form(
            budget,
            total="99,999.99",
            reason="The council's grant went down.",
            **{"lines-0-amount": "59,999.99"},
        ),
    )
    assert moved.status_code == 303, moved.get_data(as_text=True)[:2000]
    client.post("/sign-out")
    world["member"].easy_read = True
    db.flush()
    sign_in(world["member"])
    page = client.get(f"/budgets/{budget.id}")
    notice = page.soup.select_one(".budget-changed")
    said = [
        re.sub(r"\s+([.,:])", r"\1", " ".join(p.get_text(" ", strip=True).split()))
        for p in notice.select("p.er-sentence")
    ]
    assert "The total money went down from £100,000 to £99,999.99." in said
    assert "The money for Day centre places went down from £60,000 to £59,999.99." in said
    assert "This is why: The council's grant went down." in said
    assert any(s.startswith("This changed on ") for s in said)
    assert "Why:" not in notice.get_text()
    history = page.soup.select_one(".budget-history")
    history_text = " ".join(history.get_text(" ", strip=True).split())
    assert "£59,999.99" in history_text and "The budget was published on" in history_text
    assert " AM" not in history_text and " PM" not in history_text
    assert long_sentences(page.soup) == []
    meeting = db.get(Budget, budget.id).meetings[0]
    panel = client.get(f"/meetings/{meeting.id}").soup.select_one(".budget-changed")
    assert "went down from £100,000 to £99,999.99" in " ".join(panel.get_text(" ").split())


def test_budget_history_in_standard_form_is_unchanged(client, db, sign_in):
    world, budget = _budget_setup(db)
    page = client.get(f"/budgets/{budget.id}")
    history = page.soup.select_one(".budget-history")
    assert "The budget was published." in history.get_text()
    assert not history.select(".er-sentence")


TWENTY_FOUR_HOUR = re.compile(r"\b\d{1,2}:\d{2}\b(?!\s?(am|pm))")
EASY_TIME = re.compile(r"\b\d{1,2}(:\d{2})?(am|pm)\b|\b12 noon\b")


def _fixed_meeting(db, forum):
    meeting = make_meeting(db, forum, title="January meeting")
    meeting.starts_at = datetime(2027, 1, 14, 14, 0, tzinfo=UTC)
    meeting.ends_at = datetime(2027, 1, 14, 16, 30, tzinfo=UTC)
    db.flush()
    return meeting


def test_meeting_times_in_easy_read_are_2pm_style(client, db, world):
    meeting = _fixed_meeting(db, world["forum"])
    easy_read_on(client)
    text = _main_text(client.get(f"/meetings/{meeting.id}"))
    assert "2pm to 4:30pm" in text
    for standard in ("UK time", "2:00 PM", "4:30 PM", "14:00"):
        assert standard not in text, standard


def test_meeting_times_in_standard_form_are_unchanged(client, db, world):
    meeting = _fixed_meeting(db, world["forum"])
    text = _main_text(client.get(f"/meetings/{meeting.id}"))
    assert "2:00 PM to 4:30 PM (UK time)" in text


def test_inbox_times_in_easy_read_have_no_24_hour_clock(client, db, sign_in):
    world, budget = _budget_setup(db)
    sign_in(world["commissioner"])
    client.post(f"/budgets/{budget.id}/change", data=_change_form(budget, total="90000"))
    client.post("/sign-out")
    world["member"].easy_read = True
    db.flush()
    sign_in(world["member"])
    inbox = client.get("/inbox")
    listed = _main_text(inbox)
    assert "Sent on" in listed
    assert not TWENTY_FOUR_HOUR.search(listed), listed
    message = inbox.soup.select_one("main a[href^='/inbox/']")
    shown = _main_text(client.get(message["href"]))
    assert not TWENTY_FOUR_HOUR.search(shown) and " AM" not in shown and " PM" not in shown


def test_a_moved_meeting_message_in_easy_read_says_2pm(client, db, sign_in):
    people = People(db)
    meeting = _fixed_meeting(db, people.forum)
    make_reply(db, meeting, people.member)
    people.member.easy_read = True
    db.flush()
    sign_in(people.convenor)
    moved = client.post(
        f"/meetings/{meeting.id}/move",
        data={
            "start_date": "2027-01-21",
            "start_time": "14:00",
            "end_time": "16:30",
            "venue_name": "Riverside Community Hall",
            "venue_address": "",
            "reason": "The hall is closed that day.",
        },
    )
    assert moved.status_code == 303, moved.get_data(as_text=True)[:1500]
    message = db.scalars(select(InboxMessage).where(InboxMessage.user_id == people.member.id)).one()
    client.post("/sign-out")
    sign_in(people.member)
    easy = _main_text(client.get(f"/inbox/{message.id}"))
    assert "It was Thursday 14 January 2027, 2pm." in easy
    assert "Thursday 21 January 2027, 2pm" in easy
    assert " PM" not in easy and "14:00" not in easy
    people.member.easy_read = False
    db.flush()
    standard = _main_text(client.get(f"/inbox/{message.id}"))
    assert "2:00 PM" in standard


STAGE_JARGON = ("Operating context", "Strategic framework", "Needs assessment", "stage 3")


def test_where_the_meeting_fits_in_easy_read_is_plain_sentences(client, db, world):
    from forum_site.models.meetings import CycleStage

    meeting = make_meeting(db, world["forum"], cycle_stage=CycleStage.NEEDS_ASSESSMENT)
    easy_read_on(client)
    page = client.get(f"/meetings/{meeting.id}")
    fits = page.soup.select_one("#cycle")
    said = [p.get_text(" ", strip=True) for p in fits.select("p.er-sentence")]
    assert said[:2] == [
        "The council started working out what people need.",
        "Next, the council will work out how much money there is.",
    ]
    text = _main_text(page)
    for word in STAGE_JARGON:
        assert word not in text, word
    assert not page.soup.select("main .cycle-picture, main .cycle-stages")


def test_after_review_the_circle_starts_again_in_easy_read(client, db, world):
    from forum_site.models.meetings import CycleStage

    meeting = make_meeting(db, world["forum"], cycle_stage=CycleStage.REVIEW)
    easy_read_on(client)
    said = _sentences(client.get(f"/meetings/{meeting.id}"))
    assert "The council started looking back to learn for next time." in said
    assert "Next, everyone will agree again how members have their say." in said


def _cycle_sentences(client, meeting) -> list[str]:
    page = client.get(f"/meetings/{meeting.id}")
    return [p.get_text(" ", strip=True) for p in page.soup.select("#cycle p.er-sentence")]


def test_where_the_meeting_fits_names_the_nhs_when_the_nhs_plans_it(client, db, world):
    from forum_site.models import OrganisationKind
    from forum_site.models.meetings import CycleStage
    from tests.factories import make_forum, make_organisation

    nhs = make_organisation(db, name="Northbridge NHS Trust", kind=OrganisationKind.NHS)
    forum = make_forum(db, organisations=[nhs])
    meeting = make_meeting(db, forum, cycle_stage=CycleStage.NEEDS_ASSESSMENT)
    easy_read_on(client)
    said = _cycle_sentences(client, meeting)
    assert said[:2] == [
        "The NHS started working out what people need.",
        "Next, the NHS will work out how much money there is.",
    ]
    assert "council" not in " ".join(said).lower()


def test_where_the_meeting_fits_names_both_bodies_or_a_charity_by_its_name(client, db, world):
    from forum_site.models import OrganisationKind
    from forum_site.models.meetings import CycleStage
    from tests.factories import make_forum, make_organisation

    council = make_organisation(db, name="Eastvale Council")
    nhs = make_organisation(db, name="Eastvale NHS", kind=OrganisationKind.NHS)
    both = make_meeting(
        db, make_forum(db, organisations=[nhs, council]), cycle_stage=CycleStage.PROCUREMENT
    )
    charity = make_organisation(db, name="Carers Together", kind=OrganisationKind.VOLUNTARY)
    theirs = make_meeting(
        db, make_forum(db, organisations=[charity]), cycle_stage=CycleStage.REVIEW
    )
    easy_read_on(client)
    assert _cycle_sentences(client, both)[:2] == [
        "The council and the NHS started choosing who will run the service.",
        "Next, the new service will start.",
    ]
    assert _cycle_sentences(client, theirs)[:2] == [
        "Carers Together started looking back to learn for next time.",
        "Next, everyone will agree again how members have their say.",
    ]


def test_a_meeting_in_an_nhs_topic_names_the_nhs_on_a_council_forum(client, db, world):
    from forum_site.models import OrganisationKind
    from forum_site.models.meetings import CycleStage
    from forum_site.services.topics import core
    from forum_site.services.viewer import load_viewer
    from tests.factories import make_commissioner, make_organisation

    nhs = make_organisation(db, name="Parkside NHS", kind=OrganisationKind.NHS)
    world["forum"].organisations.append(nhs)
    commissioner = make_commissioner(db, nhs)
    viewer = load_viewer(db, commissioner)
    draft = core.TopicDraft(
        title="Community nursing",
        summary="Nurses at home.",
        stage=CycleStage.AGREE_PRIORITIES,
        started_on=datetime(2026, 3, 2).date(),
    )
    topic = core.create_topic(db, viewer, world["forum"], draft)
    meeting = make_meeting(db, world["forum"], cycle_stage=CycleStage.AGREE_PRIORITIES)
    core.set_links(db, viewer, topic, {"meetings": [meeting.id]})
    db.flush()
    easy_read_on(client)
    assert _cycle_sentences(client, meeting)[:2] == [
        "The NHS started agreeing what matters most.",
        "Next, the NHS will make the decision.",
    ]


def test_the_cycle_picture_stays_in_standard_form(client, db, world):
    from forum_site.models.meetings import CycleStage

    meeting = make_meeting(db, world["forum"], cycle_stage=CycleStage.NEEDS_ASSESSMENT)
    page = client.get(f"/meetings/{meeting.id}")
    assert page.soup.select_one("#cycle .cycle-picture")
    assert "Needs assessment" in page.soup.select_one("#cycle").get_text()


def test_meeting_reviews_on_the_meetings_list_in_easy_read(client, db, world):
    _reviews(db, world)
    easy_read_on(client)
    page = client.get(f"/forums/{world['forum'].slug}/meetings")
    said = _sentences(page)
    assert "2 out of 3 people said the purpose was clear." in said
    assert "1 out of 3 people felt listened to." in said
    assert not page.soup.select("main table.review-table")


def test_budget_picture_in_easy_read_never_cuts_a_name(client, db):
    from tests.factories_budgets import budget_world, line, make_budget

    world = budget_world(db)
    long_name = "Activities members choose: art, sport, trips and days out together"
    budget = make_budget(
        db,
        world["commissioner"],
        world["council"],
        [world["forum"]],
        total=100_000_00,
        lines=[line("Day centre places", 60_000_00), line(long_name, 40_000_00, open_=True)],
    )
    easy_read_on(client)
    page = client.get(f"/budgets/{budget.id}")
    rows = page.soup.select(".budget-easy-bars .er-row")
    said = [" ".join(r.get_text(" ", strip=True).split()) for r in rows]
    assert said[1].startswith(f"{long_name} : £40,000.")
    assert "You can have a say about this money." in said[1]
    assert "This money is fixed." in said[0]
    assert not page.soup.select(".budget-easy-read svg.budget-chart-svg")
    assert "…" not in " ".join(said)
