"""Members replying to a meeting (with what they need to take part) and sending
questions or points before it. Convenors see totals and needs; members see only their own.
A private question goes to the convenors alone, because some things are hard to say in
front of the room."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models.base import as_utc
from forum_site.models.meetings import (
    Meeting,
    MeetingQuestion,
    MeetingReply,
    MeetingStatus,
    ReplyAnswer,
)
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.meetings import SHORT_TEXT, can_edit, check_length, now_utc
from forum_site.services.notifications import meeting_events
from forum_site.services.viewer import Viewer
from forum_site.words import _l

QUESTION_LIMIT = 2000
NEED_FLAGS = (
    "bsl_interpreter",
    "easy_read_papers",
    "large_print",
    "support_worker",
    "hearing_loop",
)
NEED_TEXTS = ("other_interpreter", "language", "other_needs")


@dataclass
class Needs:
    bsl_interpreter: bool = False
    other_interpreter: str = ""
    easy_read_papers: bool = False
    large_print: bool = False
    support_worker: bool = False
    hearing_loop: bool = False
    language: str = ""
    other_needs: str = ""


def _open_for_replies(meeting: Meeting, now: datetime) -> None:
    if meeting.status != MeetingStatus.PUBLISHED:
        raise DomainError(_l("You can only reply to a meeting that is going ahead."))
    if as_utc(meeting.ends_at) < now:
        raise DomainError(_l("This meeting has finished, so replies are closed."))


def can_reply(viewer: Viewer, meeting: Meeting) -> bool:
    return viewer.is_member(meeting.forum_id)


def reply(
    session: Session,
    viewer: Viewer,
    meeting: Meeting,
    answer: ReplyAnswer | None,
    needs: Needs,
    now: datetime | None = None,
) -> MeetingReply:
    """Save or change the viewer's reply. Replying again replaces the earlier answer."""
    if not can_reply(viewer, meeting):
        raise NotAllowed(_l("Only members of this forum can reply to its meetings."))
    _open_for_replies(meeting, now or now_utc())
    if answer is None:
        raise DomainError(_l("Choose going, not going or maybe."), field="answer")
    needs.other_interpreter = check_length(
        needs.other_interpreter, SHORT_TEXT, "other_interpreter", _l("The interpreter")
    )
    needs.language = check_length(needs.language, SHORT_TEXT, "language", _l("The language"))
    needs.other_needs = check_length(needs.other_needs, 1000, "other_needs", _l("Other needs"))
    mine = my_reply(session, viewer, meeting)
    before = needs_of(mine) if mine and mine.answer != ReplyAnswer.NOT_GOING else []
    if mine is None:
        mine = MeetingReply(meeting_id=meeting.id, user_id=viewer.user_id, answer=answer)
        session.add(mine)
    mine.answer = answer
    for name, value in vars(needs).items():
        setattr(mine, name, value)
    session.flush()
    meeting_events.access_needs(session, viewer, meeting, mine, before, needs_of(mine))
    return mine


def my_reply(session: Session, viewer: Viewer, meeting: Meeting) -> MeetingReply | None:
    if not viewer.signed_in:
        return None
    return session.scalar(
        select(MeetingReply).where(
            MeetingReply.meeting_id == meeting.id, MeetingReply.user_id == viewer.user_id
        )
    )


def needs_of(reply: MeetingReply) -> list[tuple[str, str]]:
    """(need key, detail) pairs a reply asks for; the web layer turns keys into words."""
    found = [(flag, "") for flag in NEED_FLAGS if getattr(reply, flag)]
    found += [(text, getattr(reply, text)) for text in NEED_TEXTS if getattr(reply, text)]
    return found


@dataclass
class ReplySummary:
    """What an editor sees: totals, how many need each thing, and (for convenors) who."""

    totals: Counter = field(default_factory=Counter)
    need_counts: Counter = field(default_factory=Counter)
    people: list[MeetingReply] = field(default_factory=list)
    show_names: bool = False

    @property
    def coming(self) -> int:
        return self.totals[ReplyAnswer.GOING] + self.totals[ReplyAnswer.MAYBE]


def reply_summary(session: Session, viewer: Viewer, meeting: Meeting) -> ReplySummary:
    """Totals and needs, in one query. Names only for convenors: commissioners see counts."""
    if not can_edit(viewer, meeting.forum_id):
        raise NotAllowed(_l("Only the forum's convenors can see everyone's replies."))
    replies = list(
        session.scalars(
            select(MeetingReply)
            .options(selectinload(MeetingReply.user))
            .where(MeetingReply.meeting_id == meeting.id)
            .order_by(MeetingReply.id)
        )
    )
    summary = ReplySummary(show_names=viewer.convenes(meeting.forum_id))
    for entry in replies:
        summary.totals[entry.answer] += 1
        if entry.answer != ReplyAnswer.NOT_GOING:
            for key, _detail in needs_of(entry):
                summary.need_counts[key] += 1
    summary.people = [r for r in replies if r.answer != ReplyAnswer.NOT_GOING and needs_of(r)]
    return summary


# --- questions and points before the meeting -------------------------------------------


def add_question(
    session: Session,
    viewer: Viewer,
    meeting: Meeting,
    *,
    body: str,
    private: bool,
    now: datetime | None = None,
) -> MeetingQuestion:
    if not viewer.is_member(meeting.forum_id):
        raise NotAllowed(_l("Only members of this forum can send questions for its meetings."))
    if meeting.status != MeetingStatus.PUBLISHED or as_utc(meeting.starts_at) < (now or now_utc()):
        raise DomainError(_l("Questions close when the meeting starts."))
    body = check_length(body, QUESTION_LIMIT, "body", _l("Your question"))
    if not body:
        raise DomainError(_l("Write your question or point."), field="body")
    question = MeetingQuestion(
        meeting_id=meeting.id, author_id=viewer.user_id, body=body, is_private=private
    )
    session.add(question)
    session.flush()
    meeting_events.private_question(session, viewer, meeting, question)
    return question


def visible_questions(session: Session, viewer: Viewer, meeting: Meeting) -> list[MeetingQuestion]:
    """Questions for everyone, plus private ones to their author and the convenors."""
    query = (
        select(MeetingQuestion)
        .options(selectinload(MeetingQuestion.author))
        .where(MeetingQuestion.meeting_id == meeting.id)
        .order_by(MeetingQuestion.id)
    )
    if not viewer.convenes(meeting.forum_id):
        mine = (MeetingQuestion.author_id == viewer.user_id) if viewer.signed_in else false()
        query = query.where(or_(MeetingQuestion.is_private.is_(False), mine))
    return list(session.scalars(query))
