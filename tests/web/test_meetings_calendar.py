"""Calendar files: one per meeting, a public feed, and personal secret links."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from forum_site.models.meetings import MeetingStatus
from tests.factories_meetings import People, make_meeting, text_of


def _events(response):
    assert response.mimetype == "text/calendar"
    return Calendar.from_ical(response.get_data()).walk("VEVENT")


def test_meeting_ics_has_the_time_place_and_link(client, db):
    people = People(db)
    meeting = make_meeting(
        db, people.forum, title="Lunch clubs", joining_details="Phone 0300 555 0100"
    )
    meeting.starts_at = datetime(2031, 7, 1, 13, 0, tzinfo=UTC)
    meeting.ends_at = datetime(2031, 7, 1, 15, 0, tzinfo=UTC)
    db.flush()
    response = client.get(f"/meetings/{meeting.id}/calendar.ics")
    assert "attachment" in response.headers["Content-Disposition"]
    [event] = _events(response)
    assert str(event["SUMMARY"]) == "Lunch clubs"
    assert event.decoded("DTSTART") == datetime(2031, 7, 1, 13, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2031, 7, 1, 15, 0, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Riverside Community Hall"
    assert f"http://localhost/meetings/{meeting.id}" in str(event["DESCRIPTION"])
    assert "Phone 0300 555 0100" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"


def test_cancelled_meeting_ics_says_cancelled(client, db):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.CANCELLED)
    [event] = _events(client.get(f"/meetings/{meeting.id}/calendar.ics"))
    assert str(event["STATUS"]) == "CANCELLED"


def test_public_feed_lists_published_meetings_not_drafts(client, db):
    people = People(db)
    make_meeting(db, people.forum, title="Open one")
    make_meeting(db, people.forum, title="Draft one", status=MeetingStatus.DRAFT)
    events = _events(client.get(f"/forums/{people.forum.slug}/meetings.ics"))
    assert [str(e["SUMMARY"]) for e in events] == ["Open one"]


def test_private_forum_feed_only_through_a_personal_link_that_can_be_reset(client, db, sign_in):
    people = People(db, private=True)
    make_meeting(db, people.forum, title="Private one")
    assert client.get(f"/forums/{people.forum.slug}/meetings.ics").status_code == 404
    sign_in(people.member)
    assert client.get(f"/forums/{people.forum.slug}/meetings.ics").status_code == 404
    page = client.get(f"/forums/{people.forum.slug}/meetings/calendar")
    link = page.soup.select_one(".calendar-link a")["href"]
    path = link.removeprefix("http://localhost")
    client.post("/sign-out")
    assert [str(e["SUMMARY"]) for e in _events(client.get(path))] == ["Private one"]
    # Someone else's id with this token, or a changed token, does not work.
    other = path.replace(f"/{people.member.id}/", f"/{people.other_member.id}/")
    assert client.get(other).status_code == 404
    assert client.get(path[:-8] + "0000.ics").status_code == 404

    sign_in(people.member)
    response = client.post(f"/forums/{people.forum.slug}/meetings/calendar/reset")
    assert response.status_code == 303
    page = client.get(f"/forums/{people.forum.slug}/meetings/calendar")
    assert "The old link no longer works." in text_of(page)
    new_path = page.soup.select_one(".calendar-link a")["href"].removeprefix("http://localhost")
    assert new_path != path
    assert client.get(path).status_code == 404
    assert client.get(new_path).status_code == 200


def test_personal_link_stops_working_when_someone_leaves_a_private_forum(client, db, sign_in):
    from sqlalchemy import delete

    from forum_site.models import Membership

    people = People(db, private=True)
    sign_in(people.member)
    page = client.get(f"/forums/{people.forum.slug}/meetings/calendar")
    path = page.soup.select_one(".calendar-link a")["href"].removeprefix("http://localhost")
    assert client.get(path).status_code == 200
    db.execute(delete(Membership).where(Membership.user_id == people.member.id))
    db.flush()
    assert client.get(path).status_code == 404
