"""An anonymous point stays anonymous in every notice: inbox messages, single emails and
digests, for convenors, commissioners and people who said "me too", in both reading modes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from forum_site.delivery import sending
from forum_site.models import NoticeKind, Notification, OutgoingEmail
from forum_site.models.contributions import Status
from forum_site.services import contributions
from forum_site.services.contributions.answers import answer_contribution
from forum_site.services.viewer import load_viewer
from tests.factories_meetings import People
from tests.notices import seen_by

NAME = "Quinn Quietly"
ADDRESS = "quinn.quietly@example.org"


def _everything_said_to(db, person) -> str:
    words = []
    for easy in (False, True):
        for message in seen_by(db, person, easy_read=easy):
            words += [message.subject, message.body, message.easy_read_body]
    emails = db.scalars(select(OutgoingEmail).where(OutgoingEmail.to_address == person.email))
    words += [f"{e.subject}\n{e.body_text}" for e in emails]
    return "\n".join(words)


def test_no_notice_names_the_author_of_an_anonymous_point(app, db):
    people = People(db)
    people.member.display_name, people.member.email = NAME, ADDRESS
    db.flush()
    point = contributions.contribute(
        db,
        load_viewer(db, people.member),
        people.forum,
        text="Staff at the day centre do not listen to us.",
        visibility="anonymous",
    )
    contributions.support(db, load_viewer(db, people.other_member), point)
    answer_contribution(
        db,
        load_viewer(db, people.commissioner),
        point,
        status=Status.CONSIDERING,
        answer="We will talk to the manager.",
    )
    db.flush()
    later = datetime.now(UTC) + timedelta(days=8)  # past every daily and weekly round-up
    with app.test_request_context():
        sending.send_emails(db, later)
        sending.send_digests(db, later)
    for person in (people.convenor, people.commissioner, people.other_member):
        said = _everything_said_to(db, person)
        assert said, person.display_name
        assert NAME not in said and ADDRESS not in said
    for_organisation = db.scalar(
        select(Notification).where(Notification.kind == NoticeKind.FOR_ORGANISATION)
    )
    assert for_organisation.actor_id is None  # not even the stored event keeps who it was
    told = db.scalars(select(OutgoingEmail).where(OutgoingEmail.to_address == ADDRESS)).all()
    assert told and all(email.about_anonymous for email in told)  # the outbox hides it
