"""Cancelling and moving: everyone who replied is told, and the page shows what changed."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models.meetings import Meeting, MeetingChange, MeetingStatus, ReplyAnswer
from tests.factories_meetings import People, inbox_subjects, make_meeting, make_reply, text_of


def test_cancel_tells_everyone_who_replied_and_shows_why(client, db, sign_in, outbox):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Spring meeting")
    make_reply(db, meeting, people.member)
    make_reply(db, meeting, people.other_member, ReplyAnswer.NOT_GOING)
    sign_in(people.convenor)
    response = client.post(f"/meetings/{meeting.id}/cancel", data={"reason": "The hall flooded."})
    assert response.status_code == 303
    for person in (people.member, people.other_member):
        assert inbox_subjects(db, person) == ["Cancelled: Spring meeting"]
    emails = [e for e in outbox() if e.subject == "Cancelled: Spring meeting"]
    assert sorted(e.to_address for e in emails) == sorted(
        [people.member.email, people.other_member.email]
    )
    assert "The hall flooded." in emails[0].body_text
    assert inbox_subjects(db, people.outsider) == []
    page = client.get(f"/meetings/{meeting.id}")
    changes = " ".join(page.soup.select_one("#changes").get_text(" ").split())
    assert "Cancelled" in changes and "Why: The hall flooded." in changes
    assert "Cancelled" in text_of(client.get(f"/forums/{people.forum.slug}/meetings"))


def test_cancel_needs_a_reason(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.convenor)
    page = client.post(f"/meetings/{meeting.id}/cancel", data={"reason": ""})
    assert page.status_code == 400
    assert "Say why, so members understand." in text_of(page)
    db.expire_all()
    assert db.get(Meeting, meeting.id).status == MeetingStatus.PUBLISHED


def test_move_tells_repliers_and_keeps_old_and_new_times(client, db, sign_in, outbox):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Summer meeting")
    make_reply(db, meeting, people.member, ReplyAnswer.MAYBE)
    sign_in(people.convenor)
    response = client.post(
        f"/meetings/{meeting.id}/move",
        data={
            "start_date": "2031-07-01",
            "start_time": "10:00",
            "end_time": "12:00",
            "venue_name": "Library, Room 1",
            "venue_address": "",
            "reason": "The hall is being repaired.",
        },
    )
    assert response.status_code == 303
    assert inbox_subjects(db, people.member) == ["Moved: Summer meeting"]
    email = next(e for e in outbox() if e.subject == "Moved: Summer meeting")
    assert "The time is now Tuesday 1 July 2031, 10:00 AM" in email.body_text
    assert "The hall is being repaired." in email.body_text
    change = db.scalar(select(MeetingChange).where(MeetingChange.meeting_id == meeting.id))
    # Told: the member who said maybe and the one who has not replied (may still come).
    assert change.people_told == 2 and change.new_place == "Library, Room 1"
    page = client.get(f"/meetings/{meeting.id}")
    changes = " ".join(page.soup.select_one("#changes").get_text(" ").split())
    assert "It is now on Tuesday 1 July 2031, 10:00 AM" in changes
    assert "It was at Riverside Community Hall. It is now at Library, Room 1." in changes
    assert "Why: The hall is being repaired." in changes


def test_move_to_end_before_start_is_refused(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.convenor)
    page = client.post(
        f"/meetings/{meeting.id}/move",
        data={
            "start_date": "2031-07-01",
            "start_time": "10:00",
            "end_time": "09:00",
            "reason": "x",
        },
    )
    assert page.status_code == 400
    assert "The meeting must end after it starts." in text_of(page)
    assert page.soup.select_one("#reason").get_text().strip() == "x"


def test_change_log_is_append_only(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.convenor)
    for day, why in (("2031-07-01", "First move."), ("2031-07-08", "Second move.")):
        client.post(
            f"/meetings/{meeting.id}/move",
            data={"start_date": day, "start_time": "10:00", "end_time": "11:00",
                  "venue_name": "Riverside Community Hall", "reason": why},
        )  # fmt: skip
    client.post(f"/meetings/{meeting.id}/cancel", data={"reason": "Third: cancelled."})
    page = client.get(f"/meetings/{meeting.id}")
    entries = page.soup.select("#changes .change-log > li")
    assert len(entries) == 3
    assert "First move." in entries[0].get_text() and "Third: cancelled." in entries[2].get_text()


def test_members_cannot_cancel(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    assert client.post(f"/meetings/{meeting.id}/cancel", data={"reason": "x"}).status_code == 403
    assert client.get(f"/meetings/{meeting.id}/move").status_code == 403
    db.expire_all()
    assert db.get(Meeting, meeting.id).status == MeetingStatus.PUBLISHED
