"""The meeting page and the forum's meeting list: what each kind of person sees."""

from __future__ import annotations

import pytest

from forum_site.models.meetings import CycleStage, MeetingStatus
from tests.factories_meetings import People, make_meeting, text_of


def test_meeting_page_shows_purpose_agenda_influence_and_who_decides(client, db):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=4, purpose="To choose the **new** lunch menu.")
    page = client.get(f"/meetings/{meeting.id}")
    assert page.status_code == 200
    text = text_of(page)
    assert "To choose the new lunch menu." in text
    assert page.soup.select_one("#purpose strong").get_text() == "new"
    for label in [
        "We are telling you",
        "We want your views",
        "We will decide together",
        "You decide",
    ]:
        assert label in text
    assert "Members make the decision." in text  # the short explanation of "you decide"
    assert "The council's Cabinet, 12 March" in text
    assert "Everything at this meeting is open for discussion" in text


def test_closed_topics_are_listed_with_their_reasons(client, db):
    people = People(db)
    meeting = make_meeting(db, people.forum, closed=2)
    page = client.get(f"/meetings/{meeting.id}")
    items = page.soup.select("#closed .closed-topics li")
    assert [" ".join(li.get_text(" ").split()) for li in items] == [
        "Closed thing 1 Why not: Already decided by the full council.",
        "Closed thing 2 Why not: Already decided by the full council.",
    ]


def test_cycle_picture_marks_the_stage_with_a_text_equivalent(client, db):
    people = People(db)
    meeting = make_meeting(db, people.forum, cycle_stage=CycleStage.DECISION_POINT)
    page = client.get(f"/meetings/{meeting.id}")
    svg = page.soup.select_one("svg.cycle-picture")
    assert svg["role"] == "img"
    assert "stage 8 of 12: Decision point" in svg.select_one("title").get_text()
    assert len(svg.select(".cycle-dot")) == 12
    assert svg.select_one(".cycle-dot.is-current text").get_text() == "8"
    stages = page.soup.select("ol.cycle-stages li")
    assert len(stages) == 12
    current = page.soup.select_one("ol.cycle-stages li[aria-current=step]")
    assert "Decision point (this meeting is at this stage)" in " ".join(
        current.get_text(" ").split()
    )


def test_access_money_and_times_are_shown_in_uk_time(client, db):
    from datetime import UTC, datetime

    people = People(db)
    meeting = make_meeting(
        db,
        people.forum,
        paid_for_time=True,
        expenses_travel=True,
        how_to_claim="Use the yellow form.",
        contact_on_the_day="Grace, 07700 900123",
    )
    meeting.starts_at = datetime(2031, 7, 1, 13, 0, tzinfo=UTC)  # 2pm in London (summer time)
    meeting.ends_at = datetime(2031, 7, 1, 15, 0, tzinfo=UTC)
    db.flush()
    text = text_of(client.get(f"/meetings/{meeting.id}"))
    assert "Tuesday 1 July 2031, 2:00 PM to 4:00 PM" in text
    assert "You will be paid for your time." in text
    assert "Travel: you can claim it back" in text
    assert "Lunch or refreshments: cannot be claimed" in text
    assert "Use the yellow form." in text
    assert "Step-free access Not checked yet" in text
    assert "Contact on the day Grace, 07700 900123" in text


def test_script_tags_in_text_are_never_run(client, db):
    people = People(db)
    meeting = make_meeting(
        db, people.forum, purpose="Hello <script>alert(1)</script> [x](javascript:alert(2))"
    )
    page = client.get(f"/meetings/{meeting.id}")
    assert "<script>alert(1)" not in page.get_data(as_text=True)
    assert not page.soup.select("main script")
    assert not page.soup.select('a[href^="javascript"]')
    assert "Hello <script>alert(1)</script>" in page.soup.select_one("#purpose").get_text()


@pytest.mark.parametrize("who", ["anonymous", "outsider", "unlinked_commissioner"])
def test_private_forum_meetings_look_missing_to_outsiders(client, db, sign_in, who):
    people = People(db, private=True)
    meeting = make_meeting(db, people.forum, title="Secret clinic meeting")
    if who != "anonymous":
        sign_in(getattr(people, who))
    for url in [
        f"/meetings/{meeting.id}",
        f"/meetings/{meeting.id}/calendar.ics",
        f"/forums/{people.forum.slug}/meetings",
        f"/forums/{people.forum.slug}/meetings.ics",
    ]:
        page = client.get(url)
        assert page.status_code == 404, url
        assert "Secret clinic meeting" not in page.get_data(as_text=True)


@pytest.mark.parametrize("who", ["member", "convenor", "commissioner"])
def test_private_forum_meetings_are_visible_inside(client, db, sign_in, who):
    people = People(db, private=True)
    meeting = make_meeting(db, people.forum, title="Clinic meeting")
    sign_in(getattr(people, who))
    assert "Clinic meeting" in text_of(client.get(f"/meetings/{meeting.id}"))


def test_drafts_are_only_seen_by_editors(client, db, sign_in):
    people = People(db)
    draft = make_meeting(db, people.forum, title="Not ready", status=MeetingStatus.DRAFT)
    assert client.get(f"/meetings/{draft.id}").status_code == 404
    assert "Not ready" not in text_of(client.get(f"/forums/{people.forum.slug}/meetings"))
    sign_in(people.member)
    assert client.get(f"/meetings/{draft.id}").status_code == 404
    sign_in(people.commissioner)
    page = client.get(f"/meetings/{draft.id}")
    assert "Draft: members cannot see this yet" in text_of(page)
    assert "Not ready" in text_of(client.get(f"/forums/{people.forum.slug}/meetings"))


def test_forum_meetings_list_splits_upcoming_and_past(client, db):
    people = People(db)
    make_meeting(db, people.forum, title="Next month", days_from_now=30)
    make_meeting(db, people.forum, title="Last month", days_from_now=-30)
    page = client.get(f"/forums/{people.forum.slug}/meetings")
    headings = [h.get_text() for h in page.soup.select("h2, h3")]
    assert (
        headings.index("Next month")
        < headings.index("Past meetings")
        < headings.index("Last month")
    )


def test_forum_page_panel_lists_upcoming_meetings(client, db):
    people = People(db)
    make_meeting(db, people.forum, title="Soon", days_from_now=3)
    make_meeting(db, people.forum, title="Hidden draft", status=MeetingStatus.DRAFT)
    page = client.get(f"/forums/{people.forum.slug}")
    panel = page.soup.select_one(".meetings-panel")
    assert "Soon" in panel.get_text()
    assert "Hidden draft" not in panel.get_text()


def test_meeting_page_has_a_papers_area_for_other_areas(client, db):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    page = client.get(f"/meetings/{meeting.id}")
    assert page.soup.select_one("#papers h2").get_text() == "Papers and more"


def test_easy_read_version_says_what_you_can_and_cannot_change(client, db, sign_in):
    people = People(db)
    people.member.easy_read = True
    meeting = make_meeting(db, people.forum, closed=1, paid_for_time=True, expenses_travel=True)
    sign_in(people.member)
    page = client.get(f"/meetings/{meeting.id}")
    assert "easy-read" in page.soup.body["class"]
    easy = " ".join(page.soup.select_one(".meeting-easy-read").get_text(" ").split())
    assert "What the meeting is for" in easy
    assert "What we cannot change at this meeting" in easy
    assert "Closed thing 1" in easy
    assert "Who makes the decision" in easy
    assert "When and where" in easy
    assert "Money for your time" in easy
    assert "You will be paid for your time." in easy
    assert page.soup.select_one(".meeting-easy-read svg") is not None  # pictures by default


def test_the_first_screen_in_easy_read_says_who_decides_every_item(client, db, sign_in):
    # a walk found the items members decide only behind "More about this"
    people = People(db)
    people.member.easy_read = True
    meeting = make_meeting(db, people.forum, agenda=4)
    deciders = ["The council's Cabinet", "Council officers", "Forum members", "The panel"]
    for item, who in zip(meeting.agenda_items, deciders, strict=True):
        item.decision_maker = who
    db.flush()
    sign_in(people.member)
    page = client.get(f"/meetings/{meeting.id}")
    first = " ".join(page.soup.select_one(".er-key-points").get_text(" ").split())
    for n, who in enumerate(deciders, 1):
        assert f"{who} will make the final decision. This is about: Item {n}." in first, first


def test_the_facts_at_the_top_lead_to_are_you_coming(client, db):
    # a walk needed about 40 Tab presses to reach "Are you coming?"
    people = People(db)
    meeting = make_meeting(db, people.forum)
    page = client.get(f"/meetings/{meeting.id}")
    link = page.soup.select_one(".meeting-facts a[href='#reply']")
    assert link is not None and page.soup.select_one("#reply") is not None
