"""Sending what is due: reminders, "answer due soon", RQ, letters, and never twice."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import func, select

from forum_site.delivery import letters
from forum_site.delivery.run import send_due
from forum_site.extensions import db as _db
from forum_site.models import (
    Channel,
    Forum,
    Membership,
    NoticeDelivery,
    NoticeKind,
    Notification,
    OutgoingEmail,
    Role,
    User,
)
from forum_site.models.meetings import Meeting, MeetingStatus, ReplyAnswer
from forum_site.services.notifications import preferences
from tests.conftest import POSTGRES_URL
from tests.factories_contributions import make_contribution
from tests.factories_meetings import People, make_meeting, make_reply
from tests.notices import emails_to, subjects_for


def test_reminders_go_to_yes_maybe_and_no_reply_once_however_often_cron_runs(app, db):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Spring forum", days_from_now=1.5)
    make_meeting(db, people.forum, title="Later forum", days_from_now=10)
    make_reply(db, meeting, people.member, ReplyAnswer.MAYBE)
    make_reply(db, meeting, people.other_member, ReplyAnswer.NOT_GOING)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["send-due"])
    assert "Reminders made: 1." in first.output, first.output
    second = runner.invoke(args=["send-due"])
    assert "Reminders made: 0." in second.output and "Emails written: 0." in second.output
    [reminder] = subjects_for(db, people.member)
    assert reminder.startswith("Reminder: Spring forum is on ")
    assert subjects_for(db, people.other_member) == []  # said no
    [to_convenor] = emails_to(db, people.convenor)  # has not replied
    assert "You have not said if you are coming yet." in to_convenor.body_text
    [to_member] = emails_to(db, people.member)
    assert "Your reply: Maybe." in to_member.body_text


def test_a_moved_meeting_is_reminded_again_for_its_new_time(app, db):
    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=1)
    with app.app_context():
        send_due(db)
    meeting.starts_at = meeting.starts_at + timedelta(hours=3)
    db.flush()
    with app.app_context():
        send_due(db)
    assert len(subjects_for(db, people.member)) == 2


def test_commissioners_hear_when_an_answer_is_about_to_be_late(app, db):
    people = People(db)
    now = datetime.now(UTC)
    make_contribution(
        db, people.forum, people.member, text="Mend the ramp.", made_at=now - timedelta(days=26)
    )
    make_contribution(db, people.forum, people.member, made_at=now - timedelta(days=2))
    with app.app_context():
        assert send_due(db).due_soon == 1
        assert send_due(db).due_soon == 0
    [title] = subjects_for(db, people.commissioner)
    assert title.startswith("Answer due by ") and title.endswith("“Mend the ramp.”")
    assert subjects_for(db, people.unlinked_commissioner) == []


def test_with_redis_the_sending_goes_to_the_rq_queue(client, app, db, sign_in):
    from redis import Redis
    from rq import Queue

    queue_name = f"test-notifications-{uuid.uuid4().hex[:8]}"
    app.config.update(REDIS_URL="redis://127.0.0.1:6379/0", NOTIFY_QUEUE=queue_name)
    queue = Queue(queue_name, connection=Redis.from_url("redis://127.0.0.1:6379/0"))
    try:
        people = People(db)
        meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT)
        sign_in(people.convenor)
        assert client.post(f"/meetings/{meeting.id}/publish").status_code == 303
        assert [job.func_name for job in queue.get_jobs()] == [
            "forum_site.delivery.jobs.send_notifications"
        ]
        assert emails_to(db, people.member) == []  # the worker writes it, not the request
    finally:
        app.config.update(REDIS_URL=None, NOTIFY_QUEUE="notifications")
        queue.delete(delete_jobs=True)


def test_letters_are_handed_to_the_letter_sender_once(client, db, sign_in):
    handed: list[tuple[int, str]] = []

    def make_letters(session, deliveries):
        handed.extend((d.user_id, d.notification.kind.value) for d in deliveries)

    letters.register(make_letters)
    try:
        people = People(db)
        preferences.set_choice(
            db, people.member.id, NoticeKind.MEETING_PUBLISHED, wanted=True, channel=Channel.LETTER
        )
        meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT)
        sign_in(people.convenor)
        client.post(f"/meetings/{meeting.id}/publish")
        client.get("/inbox")  # another commit: nothing is handed over twice
        assert handed == [(people.member.id, "meeting-published")]
        assert emails_to(db, people.member) == []
    finally:
        letters.unregister(make_letters)


# Two schedulers at once, on committed data (PostgreSQL in CI; SQLite refuses the loser).


def _world(app, tag: str) -> tuple[list[int], int]:
    with app.app_context():
        session = _db.session
        forum = Forum(slug=f"race-{tag}", name=f"Race {tag}")
        people = [
            User(email=f"race-{tag}-{n}@example.org", display_name=f"R{n}", password_hash="x")
            for n in range(6)
        ]
        session.add_all([forum, *people])
        session.flush()
        for person in people:
            session.add(Membership(forum_id=forum.id, user_id=person.id, role=Role.MEMBER))
        start = datetime.now(UTC) + timedelta(days=1)
        session.add(
            Meeting(
                forum_id=forum.id,
                title=f"Race {tag}",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                status=MeetingStatus.PUBLISHED,
                purpose="Testing",
            )
        )
        session.commit()
        return [p.id for p in people], forum.id


def _clean(app, user_ids: list[int], forum_id: int, tag: str) -> None:
    with app.app_context():
        session = _db.session
        session.execute(sa.delete(Forum).where(Forum.id == forum_id))
        session.execute(sa.delete(User).where(User.id.in_(user_ids)))
        session.execute(
            sa.delete(OutgoingEmail).where(OutgoingEmail.to_address.like(f"race-{tag}-%"))
        )
        session.commit()


def test_two_schedulers_at_once_send_each_reminder_once(app):
    tag = uuid.uuid4().hex[:8]
    user_ids, forum_id = _world(app, tag)
    barrier, errors = threading.Barrier(2), []

    def run():
        with app.app_context():
            barrier.wait()
            try:
                send_due(_db.session)
            except sa.exc.OperationalError as error:  # SQLite: "database is locked"
                _db.session.rollback()
                errors.append(error)

    try:
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if POSTGRES_URL:
            assert errors == []  # on PostgreSQL both runs finish; row locks decide
        with app.app_context():
            send_due(_db.session)  # a later cron run finishes whatever a loser left
            session = _db.session
            per_person = session.execute(
                select(OutgoingEmail.to_address, func.count())
                .where(OutgoingEmail.to_address.like(f"race-{tag}-%"))
                .group_by(OutgoingEmail.to_address)
            ).all()
            notices = session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(
                    Notification.once_key.like("reminder:%"),
                    Notification.meeting_id.in_(
                        select(Meeting.id).where(Meeting.forum_id == forum_id)
                    ),
                )
            )
            deliveries = session.scalar(
                select(func.count()).where(NoticeDelivery.user_id.in_(user_ids))
            )
        assert notices == 1 and deliveries == 6
        assert sorted(count for _, count in per_person) == [1] * 6
    finally:
        _clean(app, user_ids, forum_id, tag)
