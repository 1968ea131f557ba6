"""Cancelling or moving a meeting. Everyone who replied is told, and the page keeps an
append-only record of what changed and why: members should never find out by turning
up to an empty room."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from forum_site.models import NoticeKind
from forum_site.models.base import as_utc
from forum_site.models.meetings import (
    ChangeKind,
    Meeting,
    MeetingChange,
    MeetingStatus,
)
from forum_site.services.errors import DomainError
from forum_site.services.meetings import LONG_TEXT, SHORT_TEXT, check_length, require_editor
from forum_site.services.notifications import audiences, notify
from forum_site.services.viewer import Viewer
from forum_site.vocabulary.dates import in_a_message
from forum_site.words import _l

LONDON = ZoneInfo("Europe/London")


def place_of(meeting: Meeting) -> str:
    return ", ".join(p for p in (meeting.venue_name, meeting.venue_address) if p)


def _when(moment: datetime) -> str:
    local = as_utc(moment).astimezone(LONDON)
    return in_a_message(local)


def tell(session: Session, viewer: Viewer, meeting: Meeting, people, details: dict) -> int:
    """People are told what changed (in their own words, later). Returns how many."""
    told = {person.id for person in people} - {viewer.user_id}
    notify(
        session,
        NoticeKind.MEETING_CHANGED,
        people,
        actor_id=viewer.user_id,
        meeting_id=meeting.id,
        details=details,
    )
    return len(told)


def _reason(reason: str) -> str:
    reason = check_length(reason, LONG_TEXT, "reason", _l("The reason"))
    if not reason:
        raise DomainError(_l("Say why, so members understand what happened."), field="reason")
    return reason


def cancel_meeting(
    session: Session, viewer: Viewer, meeting: Meeting, *, reason: str, site_url: str = ""
) -> MeetingChange:
    require_editor(viewer, meeting.forum_id)
    reason = _reason(reason)
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_l("This meeting is already cancelled."))
    meeting.status = MeetingStatus.CANCELLED
    people = audiences.members_of(session, meeting.forum_id)
    people += audiences.everyone_who_replied(session, meeting)
    told = tell(
        session, viewer, meeting, people, {"cancelled": True, "reason": reason, "changed": []}
    )
    return _record(session, viewer, meeting, ChangeKind.CANCELLED, reason, told, "Cancelled")


def move_meeting(
    session: Session,
    viewer: Viewer,
    meeting: Meeting,
    *,
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
    venue_name: str | None = None,
    venue_address: str | None = None,
    site_url: str = "",
) -> MeetingChange:
    """A new time and/or place. Same time and place is refused: that is not a move."""
    require_editor(viewer, meeting.forum_id)
    reason = _reason(reason)
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_l("A cancelled meeting cannot be moved. Set up a new meeting instead."))
    starts_at, ends_at = as_utc(starts_at), as_utc(ends_at)
    if ends_at <= starts_at:
        raise DomainError(_l("The meeting must end after it starts."), field="end_time")
    old_start, old_place = as_utc(meeting.starts_at), place_of(meeting)
    if venue_name is not None:
        meeting.venue_name = check_length(venue_name, SHORT_TEXT, "venue_name", _l("The venue"))
    if venue_address is not None:
        meeting.venue_address = check_length(
            venue_address, LONG_TEXT, "venue_address", _l("The address")
        )
    new_place = place_of(meeting)
    if starts_at == old_start and ends_at == as_utc(meeting.ends_at) and new_place == old_place:
        raise DomainError(_l("The new time and place are the same as before."), field="start_date")
    summary = _move_summary(old_start, starts_at, old_place, new_place)
    changed = []
    if starts_at != old_start or ends_at != as_utc(meeting.ends_at):
        changed.append({"what": "time", "old": old_start.isoformat(), "new": starts_at.isoformat()})
    if new_place != old_place:
        changed.append({"what": "place", "old": old_place, "new": new_place})
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    told = tell(
        session,
        viewer,
        meeting,
        audiences.may_come(session, meeting),
        {"changed": changed, "reason": reason},
    )
    return _record(
        session,
        viewer,
        meeting,
        ChangeKind.MOVED,
        reason,
        told,
        summary,
        old_starts_at=old_start,
        new_starts_at=starts_at,
        old_place=old_place,
        new_place=new_place,
    )


def _move_summary(old_start, new_start, old_place, new_place) -> str:
    lines = []
    if old_start != new_start:
        lines.append(f"It was on {_when(old_start)}. It is now on {_when(new_start)}.")
    if old_place != new_place:
        lines.append(f"It was at {old_place or 'no place given'}. It is now at {new_place}.")
    return "\n".join(lines) or "The end time has changed."


def _record(session, viewer, meeting, kind, reason, told, summary, **times_and_places):
    """The change log entry, complete before it is written: entries are never edited."""
    change = MeetingChange(
        **times_and_places,
        meeting_id=meeting.id,
        kind=kind,
        what_changed=summary,
        reason=reason,
        changed_by_id=viewer.user_id,
        people_told=told,
    )
    session.add(change)
    session.flush()
    session.expire(meeting, ["changes"])
    return change
