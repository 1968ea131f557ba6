"""Meetings for tests: a published meeting with a purpose and one agenda item by default.

Nothing here commits. Times are relative to now so "upcoming" and "past" stay true.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from forum_site.models.meetings import (
    AgendaItem,
    ClosedTopic,
    InfluenceLevel,
    Meeting,
    MeetingQuestion,
    MeetingReply,
    MeetingReview,
    MeetingStatus,
    ReplyAnswer,
)
from tests.factories import make_commissioner, make_forum, make_organisation, make_user

_counter = itertools.count(1)


def make_meeting(
    session,
    forum,
    *,
    days_from_now: float = 14,
    hours: float = 2,
    status: MeetingStatus = MeetingStatus.PUBLISHED,
    agenda: int = 1,
    closed: int = 0,
    everything_open: bool | None = None,
    **extra,
) -> Meeting:
    n = next(_counter)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=days_from_now)
    meeting = Meeting(
        forum_id=forum.id,
        title=extra.pop("title", f"Meeting {n}"),
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        status=status,
        purpose=extra.pop("purpose", "To hear what members think about day services."),
        venue_name=extra.pop("venue_name", "Riverside Community Hall"),
        everything_open=(closed == 0) if everything_open is None else everything_open,
        published_at=start - timedelta(days=30) if status != MeetingStatus.DRAFT else None,
        **extra,
    )
    session.add(meeting)
    session.flush()
    for position in range(1, agenda + 1):
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=f"Item {position}",
                influence=list(InfluenceLevel)[position % 4],
                decision_maker="The council's Cabinet",
                decision_when="12 March",
            )
        )
    for position in range(1, closed + 1):
        session.add(
            ClosedTopic(
                meeting_id=meeting.id,
                position=position,
                topic=f"Closed thing {position}",
                reason="Already decided by the full council.",
            )
        )
    session.flush()
    return meeting


def make_reply(session, meeting, user, answer=ReplyAnswer.GOING, **needs) -> MeetingReply:
    reply = MeetingReply(meeting_id=meeting.id, user_id=user.id, answer=answer, **needs)
    session.add(reply)
    session.flush()
    return reply


def make_question(session, meeting, user, body="What about transport?", private=False):
    question = MeetingQuestion(
        meeting_id=meeting.id, author_id=user.id, body=body, is_private=private
    )
    session.add(question)
    session.flush()
    return question


def make_review(session, meeting, user, purpose_clear=3, listened_to=2) -> MeetingReview:
    review = MeetingReview(
        meeting_id=meeting.id, user_id=user.id, purpose_clear=purpose_clear, listened_to=listened_to
    )
    session.add(review)
    session.flush()
    return review


# --- helpers for page tests ------------------------------------------------------------

HTMX = {"HX-Request": "true"}


def text_of(page) -> str:
    """The page's visible text with whitespace collapsed."""
    return " ".join(page.soup.get_text(" ").split())


def fragment_text(response) -> str:
    from bs4 import BeautifulSoup

    return " ".join(
        BeautifulSoup(response.get_data(as_text=True), "html.parser").get_text(" ").split()
    )


class People:
    """A forum with one of each kind of person."""

    def __init__(self, db, private: bool = False):
        self.member = make_user(db, name="Mo Member")
        self.other_member = make_user(db, name="Olu Other")
        self.convenor = make_user(db, name="Cora Convenor")
        self.outsider = make_user(db, name="Oscar Outsider")
        council = make_organisation(db)
        self.commissioner = make_commissioner(db, council, name="Cam Commissioner")
        self.unlinked_commissioner = make_commissioner(db, make_organisation(db))
        self.forum = make_forum(
            db,
            private=private,
            members=[self.member, self.other_member],
            convenors=[self.convenor],
            organisations=[council],
        )


def inbox_subjects(db, user) -> list[str]:
    from tests.notices import subjects_for

    return subjects_for(db, user)
