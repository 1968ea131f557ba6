"""Attendance per person: a sign-in sheet of those who replied, ticking who came, and
what each person is owed for their time and costs.

The ticks feed the debrief (how many came) and the expenses list. Names are for the
forum's convenors only; commissioners see the count in the debrief.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Membership, User
from forum_site.models.meetings import Meeting, MeetingReply, ReplyAnswer
from forum_site.models.not_online import MeetingAttendance
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.meetings.replies import needs_of
from forum_site.words import _l

MOST_PENCE = 100_000_00  # £100,000: anything above is a typing slip


@dataclass
class Attendee:
    user: User
    reply: MeetingReply | None
    record: MeetingAttendance | None

    @property
    def came(self) -> bool:
        return bool(self.record and self.record.came)

    @property
    def needs(self) -> list[tuple[str, str]]:
        return needs_of(self.reply) if self.reply else []

    @property
    def replied_coming(self) -> bool:
        return self.reply is not None and self.reply.answer != ReplyAnswer.NOT_GOING


def _require_convenor(viewer, meeting: Meeting) -> None:
    if not viewer.convenes(meeting.forum_id):
        raise NotAllowed(_l("Only the forum's convenors can see who came."))


def attendees(session: Session, viewer, meeting: Meeting) -> list[Attendee]:
    """Every member of the forum: those who said they are coming first, then the rest."""
    _require_convenor(viewer, meeting)
    members = session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.forum_id == meeting.forum_id)
        .order_by(User.display_name, User.id)
    ).all()
    replies = {
        r.user_id: r
        for r in session.scalars(select(MeetingReply).where(MeetingReply.meeting_id == meeting.id))
    }
    records = {
        r.user_id: r
        for r in session.scalars(
            select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id)
        )
    }
    people = [Attendee(u, replies.get(u.id), records.get(u.id)) for u in members]
    return sorted(people, key=lambda a: not a.replied_coming)


def sign_in_sheet(session: Session, viewer, meeting: Meeting) -> list[Attendee]:
    """Those who said they are going (or maybe), with what they need."""
    return [a for a in attendees(session, viewer, meeting) if a.replied_coming]


def parse_pounds(typed: str, field: str) -> int | None:
    """ "£12.50", "12.5" or "12" as pence; empty is None."""
    text = (typed or "").strip().replace("£", "").replace(",", "")
    if not text:
        return None
    if not re.fullmatch(r"\d+(\.\d{1,2})?|\.\d{1,2}", text):
        raise DomainError(_l("Enter an amount in pounds, like 12.50."), field=field)
    pounds, _, pence = text.partition(".")
    amount = int(pounds or 0) * 100 + int((pence + "00")[:2])
    if amount > MOST_PENCE:
        raise DomainError(_l("That amount is too big. Check it."), field=field)
    return amount


def record_attendance(
    session: Session,
    viewer,
    meeting: Meeting,
    *,
    came: set[int],
    expenses: dict[int, tuple[int | None, str]],
) -> int:
    """Save who came and what they are owed; the debrief's head count follows the ticks."""
    _require_convenor(viewer, meeting)
    people = attendees(session, viewer, meeting)
    for person in people:
        record = person.record
        if record is None:
            record = MeetingAttendance(meeting_id=meeting.id, user_id=person.user.id)
            session.add(record)
        record.came = person.user.id in came
        pence, note = expenses.get(person.user.id, (None, ""))
        record.expenses_pence = pence if record.came else None
        record.expenses_note = (note or "").strip()[:300] if record.came else ""
        record.recorded_by_id = viewer.user_id
        if person.reply is not None:
            person.reply.attended = record.came
    meeting.attended_count = len([p for p in people if p.user.id in came])
    session.flush()
    return meeting.attended_count


@dataclass
class Owed:
    name: str
    time_paid: bool
    travel: bool
    lunch: bool
    carer: bool
    expenses_pence: int | None
    note: str


def expenses_owed(session: Session, viewer, meeting: Meeting) -> list[Owed]:
    """One row for each person who came: what this meeting pays and what they claimed."""
    return [
        Owed(
            name=a.user.display_name,
            time_paid=meeting.paid_for_time,
            travel=meeting.expenses_travel,
            lunch=meeting.expenses_lunch,
            carer=meeting.expenses_carer,
            expenses_pence=a.record.expenses_pence,
            note=a.record.expenses_note,
        )
        for a in attendees(session, viewer, meeting)
        if a.came
    ]
