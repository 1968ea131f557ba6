"""Choosing what we tell you and how, and one-click unsubscribe without signing in."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.delivery.unsubscribe import token_for
from forum_site.mail import as_message
from forum_site.models import Channel, NoticeDelivery, NoticeKind, NoticePreference
from forum_site.models.meetings import MeetingStatus
from tests.factories_meetings import People, make_meeting
from tests.notices import emails_to, subjects_for


def _publish(client, sign_in, people, title="Spring forum"):
    meeting = make_meeting(db := people.db, people.forum, title=title, status=MeetingStatus.DRAFT)
    sign_in(people.convenor)
    assert client.post(f"/meetings/{meeting.id}/publish").status_code == 303
    client.post("/sign-out")
    return db


def _people(db):
    people = People(db)
    people.db = db
    return people


def test_choices_page_shows_my_kinds_and_saves_them(client, db, sign_in):
    people = _people(db)
    sign_in(people.member)
    page = client.get("/settings/notifications")
    legends = [legend.get_text(strip=True) for legend in page.soup.select("legend")]
    assert "New meetings for my forums" in legends
    assert "Someone asks to join a forum I convene" not in legends  # members only see theirs
    response = client.post(
        "/settings/notifications",
        data={"kind_meeting_published": "off", "kind_answer": "weekly"},
    )
    assert response.status_code == 303
    stored = {
        p.kind: (p.wanted, p.channel)
        for p in db.scalars(
            select(NoticePreference).where(NoticePreference.user_id == people.member.id)
        )
    }
    assert stored[NoticeKind.MEETING_PUBLISHED][0] is False
    assert stored[NoticeKind.ANSWER] == (True, Channel.WEEKLY)
    # Kinds left unsent on the form keep the default (email at once for a reminder).
    assert stored[NoticeKind.MEETING_REMINDER] == (True, Channel.EMAIL)
    client.post("/sign-out")
    _publish(client, sign_in, people)
    assert subjects_for(db, people.member) == []  # turned off: not even in the inbox
    assert len(subjects_for(db, people.other_member)) == 1


def test_convenors_see_their_kinds(client, db, sign_in):
    people = _people(db)
    sign_in(people.convenor)
    legends = [
        legend.get_text(strip=True)
        for legend in client.get("/settings/notifications").soup.select("legend")
    ]
    assert "Someone asks to join a forum I convene" in legends
    assert "New points for my organisation to answer" not in legends


def test_inbox_only_means_no_email(client, db, sign_in):
    people = _people(db)
    sign_in(people.member)
    client.post("/settings/notifications", data={"kind_meeting_published": "inbox"})
    client.post("/sign-out")
    _publish(client, sign_in, people)
    assert len(subjects_for(db, people.member)) == 1
    assert emails_to(db, people.member) == []


def test_every_email_has_one_click_unsubscribe_that_works_without_signing_in(client, db, sign_in):
    people = _people(db)
    _publish(client, sign_in, people)
    [email] = emails_to(db, people.member)
    message = as_message(email, "forum-site <no-reply@example.org>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://localhost/unsubscribe/")
    assert "Stop these emails: " + url in email.body_text
    assert "http://localhost/settings/notifications" in email.body_text
    path = url.removeprefix("http://localhost")
    # Following the link only asks; nothing changes on GET.
    page = client.get(path)
    assert page.status_code == 200 and page.soup.select_one("form button")
    assert db.scalar(select(NoticePreference)) is None
    # A mail program's one-click POST: no session, no CSRF token.
    response = client.open(path, method="POST", data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    choice = db.scalar(select(NoticePreference).where(NoticePreference.user_id == people.member.id))
    assert (choice.kind, choice.wanted, choice.channel) == (
        NoticeKind.MEETING_PUBLISHED,
        True,
        Channel.INBOX,
    )
    _publish(client, sign_in, people, title="Summer forum")
    assert len(emails_to(db, people.member)) == 1  # no email for the second meeting
    assert len(subjects_for(db, people.member)) == 2  # but it is in the inbox


def test_a_tampered_unsubscribe_link_is_not_found(client, db):
    people = _people(db)
    with client.application.app_context():
        token = token_for(people.member.id, NoticeKind.ANSWER)
    assert client.get(f"/unsubscribe/{token}x").status_code == 404
    assert client.open(f"/unsubscribe/{token[:-3]}abc", method="POST").status_code == 404


def test_a_daily_digest_is_one_email_with_everything_and_its_own_unsubscribe(client, db, sign_in):
    from datetime import UTC, datetime, timedelta

    from forum_site.delivery.run import send_due

    people = _people(db)
    sign_in(people.member)
    client.post("/settings/notifications", data={"kind_meeting_published": "daily"})
    client.post("/sign-out")
    _publish(client, sign_in, people, title="Spring forum")
    _publish(client, sign_in, people, title="Summer forum")
    assert emails_to(db, people.member) == []
    due = db.scalars(select(NoticeDelivery).where(NoticeDelivery.user_id == people.member.id)).all()
    assert {d.channel for d in due} == {Channel.DAILY}
    with client.application.app_context():
        send_due(db, datetime.now(UTC) + timedelta(days=2))
        send_due(db, datetime.now(UTC) + timedelta(days=2))
    [digest] = emails_to(db, people.member)
    assert digest.subject == "Today on forum-site: 2 new messages"
    assert "Spring forum" in digest.body_text and "Summer forum" in digest.body_text
    client.open(digest.unsubscribe_url.removeprefix("http://localhost"), method="POST")
    choice = db.scalar(
        select(NoticePreference).where(
            NoticePreference.user_id == people.member.id,
            NoticePreference.kind == NoticeKind.MEETING_PUBLISHED,
        )
    )
    assert choice.channel == Channel.INBOX
