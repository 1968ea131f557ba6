"""Telling people about meetings: published, changed in a way that matters, access needs.

What "matters to someone coming": the time, the place, access features, joining details
and agenda items added or taken off. The notice keeps which fields changed and their old
and new values (as data), and is written in each reader's words when read.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from forum_site.models import Meeting, NoticeKind
from forum_site.models.base import as_utc
from forum_site.models.meetings import MeetingStatus, ReplyAnswer
from forum_site.services.notifications import audiences, notify
from forum_site.services.viewer import Viewer

ACCESS_FIELDS = ("step_free", "hearing_loop", "accessible_toilet", "quiet_room", "parking")


def published(session: Session, viewer: Viewer, meeting: Meeting) -> None:
    notify(
        session,
        NoticeKind.MEETING_PUBLISHED,
        audiences.members_of(session, meeting.forum_id),
        actor_id=viewer.user_id,
        meeting_id=meeting.id,
    )


def what_matters(meeting: Meeting, details) -> list[dict]:
    """The changes to a published meeting that someone coming needs to hear about."""
    if meeting.status != MeetingStatus.PUBLISHED:
        return []
    changed = []
    if (as_utc(details.starts_at), as_utc(details.ends_at)) != (
        as_utc(meeting.starts_at),
        as_utc(meeting.ends_at),
    ):
        changed.append(
            {
                "what": "time",
                "old": as_utc(meeting.starts_at).isoformat(),
                "new": as_utc(details.starts_at).isoformat(),
            }
        )
    old_place, new_place = _place(meeting), _place(details)
    if old_place != new_place:
        changed.append({"what": "place", "old": old_place, "new": new_place})
    for name in ACCESS_FIELDS:
        old, new = getattr(meeting, name), getattr(details, name)
        if old != new:
            changed.append({"what": "access", "feature": name, "old": str(old), "new": str(new)})
    if (meeting.joining_details or "").strip() != (details.joining_details or "").strip():
        changed.append({"what": "joining"})
    return changed


def _place(thing) -> str:
    return ", ".join(p for p in (thing.venue_name, thing.venue_address) if p)


def changed(session: Session, viewer: Viewer, meeting: Meeting, changes: list[dict]) -> None:
    if not changes or meeting.status != MeetingStatus.PUBLISHED:
        return
    notify(
        session,
        NoticeKind.MEETING_CHANGED,
        audiences.may_come(session, meeting),
        actor_id=viewer.user_id,
        meeting_id=meeting.id,
        details={"changed": changes},
    )


def agenda_changed(session: Session, viewer: Viewer, meeting: Meeting, what: str, title: str):
    changed(session, viewer, meeting, [{"what": what, "title": title}])


def private_question(session: Session, viewer: Viewer, meeting: Meeting, question) -> None:
    if not question.is_private:
        return
    notify(
        session,
        NoticeKind.PRIVATE_QUESTION,
        audiences.convenors_of(session, meeting.forum_id),
        actor_id=viewer.user_id,
        meeting_id=question.meeting_id,
        question_id=question.id,
    )


def access_needs(session: Session, viewer: Viewer, meeting: Meeting, reply, before, now_needs):
    """Convenors hear when someone coming asks for something new to be arranged."""
    if reply.answer == ReplyAnswer.NOT_GOING or not now_needs or now_needs == before:
        return
    notify(
        session,
        NoticeKind.ACCESS_NEEDS,
        audiences.convenors_of(session, meeting.forum_id),
        actor_id=viewer.user_id,
        meeting_id=reply.meeting_id,
        reply_id=reply.id,
    )
