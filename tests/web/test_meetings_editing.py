"""Setting up, editing and publishing meetings; building the agenda inline."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from forum_site.models.meetings import AgendaItem, InfluenceLevel, Meeting, MeetingStatus
from tests.factories_meetings import HTMX, People, fragment_text, make_meeting, text_of

GOOD = {
    "title": "Housing: what next",
    "start_date": "2031-03-14",
    "start_time": "14:00",
    "end_time": "16:30",
    "venue_name": "Town Hall, Room 4",
    "step_free": "yes",
    "purpose": "To hear what members think about **supported housing**.",
    "cycle_stage": "needs_assessment",
    "expenses_travel": "y",
}


def _new(client, people, **changes):
    return client.post(f"/forums/{people.forum.slug}/meetings/new", data={**GOOD, **changes})


def test_convenor_creates_a_draft_in_uk_time_stored_as_utc(client, db, sign_in):
    people = People(db)
    sign_in(people.convenor)
    page = _new(client, people, start_date="2031-07-01")
    assert page.status_code == 303
    meeting = db.scalar(select(Meeting).where(Meeting.title == "Housing: what next"))
    assert meeting.status == MeetingStatus.DRAFT
    # 14:00 in London in July is 13:00 UTC (British Summer Time).
    assert meeting.starts_at.replace(tzinfo=UTC) == datetime(2031, 7, 1, 13, 0, tzinfo=UTC)
    assert meeting.ends_at.replace(tzinfo=UTC) == datetime(2031, 7, 1, 15, 30, tzinfo=UTC)
    assert meeting.expenses_travel and not meeting.expenses_lunch
    assert len(meeting.prep_tasks) >= 5


def test_winter_times_are_gmt(client, db, sign_in):
    people = People(db)
    sign_in(people.convenor)
    _new(client, people, start_date="2031-01-15")
    meeting = db.scalar(select(Meeting).where(Meeting.title == "Housing: what next"))
    assert meeting.starts_at.replace(tzinfo=UTC) == datetime(2031, 1, 15, 14, 0, tzinfo=UTC)


def test_end_before_start_is_refused_and_everything_typed_is_kept(client, db, sign_in):
    people = People(db)
    sign_in(people.convenor)
    page = _new(client, people, end_time="13:00", title="Kept <b>title</b>")
    assert page.status_code == 400
    assert "The meeting must end after it starts." in text_of(page)
    assert page.soup.select_one("#title")["value"] == "Kept <b>title</b>"
    assert "supported housing" in page.soup.select_one("#purpose").get_text()
    assert page.soup.select_one("#end_time")["aria-invalid"] == "true"
    assert db.scalar(select(Meeting).where(Meeting.forum_id == people.forum.id)) is None


@pytest.mark.parametrize("bad", ["2031-02-30", "31/02/2031", "tomorrow"])
def test_impossible_dates_get_a_clear_message(client, db, sign_in, bad):
    people = People(db)
    sign_in(people.convenor)
    page = _new(client, people, start_date=bad)
    assert page.status_code == 400
    summary = page.soup.select_one(".error-summary")
    assert "Enter a real date" in summary.get_text()
    assert summary.select_one("a")["href"] == "#start_date"
    assert page.soup.select_one("#start_date")["value"] == bad


def test_over_long_text_is_refused_with_the_limit(client, db, sign_in):
    people = People(db)
    sign_in(people.convenor)
    page = _new(client, people, title="x" * 201, purpose="y" * 5001)
    assert page.status_code == 400
    text = text_of(page)
    assert "up to 200 characters" in text
    assert "up to 5000 characters" in text


def test_members_and_unlinked_commissioners_cannot_set_up_meetings(client, db, sign_in):
    people = People(db)
    for person in (people.member, people.unlinked_commissioner, people.outsider):
        sign_in(person)
        assert _new(client, people).status_code == 403
        assert client.get(f"/forums/{people.forum.slug}/meetings/new").status_code == 403
    assert db.scalar(select(Meeting).where(Meeting.forum_id == people.forum.id)) is None


def test_linked_commissioner_can_set_up_and_edit(client, db, sign_in):
    people = People(db)
    sign_in(people.commissioner)
    assert _new(client, people).status_code == 303
    meeting = db.scalar(select(Meeting).where(Meeting.forum_id == people.forum.id))
    page = client.get(f"/meetings/{meeting.id}/edit")
    assert page.soup.select_one("#start_time")["value"] == "14:00"
    page = client.post(f"/meetings/{meeting.id}/edit", data={**GOOD, "title": "Renamed"})
    assert page.status_code == 303
    db.expire_all()
    assert db.get(Meeting, meeting.id).title == "Renamed"


def test_member_cannot_edit_or_publish(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT)
    sign_in(people.member)
    assert client.post(f"/meetings/{meeting.id}/edit", data=GOOD).status_code == 404  # draft
    published = make_meeting(db, people.forum)
    assert client.post(f"/meetings/{published.id}/edit", data=GOOD).status_code == 403
    page = client.post(
        f"/meetings/{published.id}/agenda", data={"title": "Sneaky", "influence": "you_decide"}
    )
    assert page.status_code == 403
    assert client.post(f"/meetings/{published.id}/cancel", data={"reason": "no"}).status_code == 403


def test_publishing_needs_a_purpose(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT, purpose="")
    sign_in(people.convenor)
    page = client.post(f"/meetings/{meeting.id}/publish")
    assert page.status_code == 400
    assert "Say what the meeting is for before you publish it." in text_of(page)
    db.expire_all()
    assert db.get(Meeting, meeting.id).status == MeetingStatus.DRAFT


def test_publishing_needs_closed_topics_or_everything_open(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT, everything_open=False)
    sign_in(people.convenor)
    page = client.post(f"/meetings/{meeting.id}/publish")
    assert page.status_code == 400
    assert "List what is not up for discussion" in text_of(page)
    assert (
        client.post(
            f"/meetings/{meeting.id}/closed",
            data={"topic": "The budget total", "reason": "Set by full council in February."},
        ).status_code
        == 303
    )
    assert client.post(f"/meetings/{meeting.id}/publish").status_code == 303
    db.expire_all()
    assert db.get(Meeting, meeting.id).status == MeetingStatus.PUBLISHED


def test_everything_open_flag_alone_allows_publishing(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT, everything_open=True)
    sign_in(people.convenor)
    assert client.post(f"/meetings/{meeting.id}/publish").status_code == 303
    db.expire_all()
    assert db.get(Meeting, meeting.id).status == MeetingStatus.PUBLISHED


def test_closed_topic_needs_a_reason(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT)
    sign_in(people.convenor)
    page = client.post(f"/meetings/{meeting.id}/closed", data={"topic": "Staffing", "reason": ""})
    assert page.status_code == 400
    assert "Give the reason it is not up for discussion." in text_of(page)
    assert page.soup.select_one("#topic")["value"] == "Staffing"


def test_agenda_item_without_influence_level_is_refused(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=0)
    sign_in(people.convenor)
    page = client.post(
        f"/meetings/{meeting.id}/agenda",
        data={"title": "Transport", "what_we_want": "Your stories"},
    )
    assert page.status_code == 400
    assert "Choose how much say members have on this item." in text_of(page)
    assert page.soup.select_one("#title")["value"] == "Transport"
    assert "Your stories" in page.soup.select_one("#what_we_want").get_text()
    assert db.scalar(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)) is None


def test_agenda_item_added_with_htmx_returns_only_the_agenda(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=1)
    sign_in(people.convenor)
    response = client.post(
        f"/meetings/{meeting.id}/agenda",
        data={"title": "Lunch menu", "influence": "you_decide", "decision_maker": "Members"},
        headers=HTMX,
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<section id="agenda"')
    assert "<html" not in html and "<h1" not in html
    assert "Lunch menu" in fragment_text(response)
    assert 'data-announce="Agenda item added."' in html
    item = db.scalar(select(AgendaItem).where(AgendaItem.title == "Lunch menu"))
    assert item.influence == InfluenceLevel.YOU_DECIDE and item.position == 2


def test_agenda_item_added_without_javascript_redirects(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=0)
    sign_in(people.convenor)
    response = client.post(
        f"/meetings/{meeting.id}/agenda", data={"title": "Lunch", "influence": "views"}
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}#agenda")


def test_agenda_items_reorder_up_and_down(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=3)
    sign_in(people.convenor)
    items = sorted(meeting.agenda_items, key=lambda i: i.position)
    response = client.post(f"/meetings/{meeting.id}/agenda/{items[2].id}/move/up", headers=HTMX)
    assert response.status_code == 200
    titles = [h.strip() for h in _titles(response)]
    assert titles == ["Item 1", "Item 3", "Item 2"]
    client.post(f"/meetings/{meeting.id}/agenda/{items[0].id}/move/down")
    page = client.get(f"/meetings/{meeting.id}")
    assert [h.get_text() for h in page.soup.select(".agenda-item h3")] == [
        "Item 3",
        "Item 1",
        "Item 2",
    ]


def _titles(response):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return [h.get_text() for h in soup.select(".agenda-item h3")]


def test_agenda_item_can_be_changed_and_removed(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=2)
    sign_in(people.convenor)
    item = meeting.agenda_items[0]
    page = client.get(f"/meetings/{meeting.id}/agenda/{item.id}")
    assert page.soup.select_one("#influence-0")  # the radio buttons are there
    response = client.post(
        f"/meetings/{meeting.id}/agenda/{item.id}",
        data={"title": "Changed", "influence": "decide_together"},
    )
    assert response.status_code == 303
    client.post(f"/meetings/{meeting.id}/agenda/{meeting.agenda_items[1].id}/remove")
    page = client.get(f"/meetings/{meeting.id}")
    assert [h.get_text() for h in page.soup.select(".agenda-item h3")] == ["Changed"]


def test_published_meeting_time_changes_only_through_move(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.convenor)
    page = client.post(f"/meetings/{meeting.id}/edit", data=GOOD)
    assert page.status_code == 400
    assert "use 'Move this meeting'" in text_of(page)
