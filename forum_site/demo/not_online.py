"""Demo members who are not online, in our own words: Rose gets her letters from the
convenor and signs in with a card; Derek gets his by post, in easy read. Attendance at the past meeting
is ticked person by person."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Meeting, MeetingAttendance
from forum_site.models.base import utcnow
from forum_site.services import messages
from forum_site.services.not_online import cards, supported
from forum_site.services.viewer import load_viewer

ROSE_CARD = "HMKE7R4N"  # shown as HMKE-7R4N; her PIN is 2580 (the demo's only card)
ROSE_PIN = "2580"


def seed(session: Session, base) -> None:
    convenor = load_viewer(session, base.users["convenor"])
    forum = base.forums["ld"]
    rose = _person(session, convenor, forum, "Rose Bell", "convenor")
    derek = _person(
        session,
        convenor,
        forum,
        "Derek Price",
        "post",
        address="7 Canal Row\nNorthbridge\nNB4 2QT",
        easy_read=True,
    )
    card = cards.issue_card(session, convenor, rose.user, ROSE_PIN)
    card.code = ROSE_CARD
    messages.send_message(
        session,
        [rose.user, derek.user],
        subject="Welcome to Learning Disability Voice",
        body=(
            "Grace has made you an account, so you can take part even without a computer.\n\n"
            "Your letters will come to you. Tell Grace if you want them a different way."
        ),
        easy_read_body="You are a member now.\nYour letters will come to you.",
        kind="welcome",
    )
    _attendance(session, base, forum, [rose.user, *(base.users[k] for k in ("member", "member2"))])


def _person(session, convenor, forum, name, reach_by, *, address="", easy_read=False):
    return supported.make_supported_account(
        session,
        convenor,
        forum,
        supported.NewSupportedMember(
            name=name,
            reach_by=reach_by,
            consent_from=f"{name.split()[0]} themselves",
            consent_how="in_person",
            consent_confirmed=True,
            postal_address=address,
            consent_at=utcnow(),
            easy_read=easy_read,
        ),
    )


def _attendance(session, base, forum, people) -> None:
    past = session.scalar(
        select(Meeting)
        .where(Meeting.forum_id == forum.id, Meeting.debrief_published_at.is_not(None))
        .order_by(Meeting.starts_at)
    )
    if past is None:
        return
    for person, pence in zip(people, (640, 480, None), strict=True):
        session.add(
            MeetingAttendance(
                meeting_id=past.id,
                user_id=person.id,
                came=True,
                expenses_pence=pence,
                expenses_note="Bus fare" if pence else "",
                recorded_by_id=base.users["convenor"].id,
            )
        )
