"""After the meeting: the convenor's debrief (what happened, what was decided, actions,
attendance, a plain summary for the forum) and the members' two-question review.

Review is the weak spot of the commissioning cycle, so the review is kept tiny:
"Was it clear what the meeting was for?" and "Did you feel listened to?", each 1-3.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forum_site.models.base import as_utc
from forum_site.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingReview,
    MeetingStatus,
)
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.meetings import (
    LONG_TEXT,
    SHORT_TEXT,
    check_length,
    now_utc,
    require_editor,
)
from forum_site.services.viewer import Viewer
from forum_site.words import _l

SCALE = (1, 2, 3)  # 1 no, 2 partly, 3 yes


def has_started(meeting: Meeting, now: datetime | None = None) -> bool:
    return as_utc(meeting.starts_at) <= (now or now_utc())


@dataclass
class ItemDebrief:
    what_happened: str = ""
    what_was_decided: str = ""


def save_debrief(
    session: Session,
    viewer: Viewer,
    meeting: Meeting,
    *,
    items: dict[int, ItemDebrief],
    attended_count: int | None,
    attendance_notes: str,
    summary: str,
    publish: bool,
    now: datetime | None = None,
) -> Meeting:
    """Save the debrief; ``publish`` puts the summary on the forum page (needs a summary)."""
    require_editor(viewer, meeting.forum_id)
    if meeting.status != MeetingStatus.PUBLISHED or not has_started(meeting, now):
        raise DomainError(_l("You can write the debrief once the meeting has started."))
    if attended_count is not None and not 0 <= attended_count <= 10000:
        raise DomainError(_l("Enter how many people came, as a number."), field="attended_count")
    for item in meeting.agenda_items:
        entry = items.get(item.id, ItemDebrief())
        item.what_happened = check_length(
            entry.what_happened, LONG_TEXT, f"happened-{item.id}", _l("What happened")
        )
        item.what_was_decided = check_length(
            entry.what_was_decided, LONG_TEXT, f"decided-{item.id}", _l("What was decided")
        )
    meeting.attended_count = attended_count
    meeting.attendance_notes = check_length(
        attendance_notes, LONG_TEXT, "attendance_notes", _l("Attendance notes")
    )
    meeting.debrief_summary = check_length(summary, LONG_TEXT, "summary", _l("The summary"))
    if publish and not meeting.debrief_summary:
        raise DomainError(_l("Write a short summary before you publish it."), field="summary")
    if publish and meeting.debrief_published_at is None:
        meeting.debrief_published_at = now or now_utc()
    session.flush()
    return meeting


def add_action(
    session: Session,
    viewer: Viewer,
    meeting: Meeting,
    *,
    who: str,
    what: str,
    by_when: date | None,
    agenda_item_id: int | None = None,
) -> MeetingAction:
    require_editor(viewer, meeting.forum_id)
    who = check_length(who, SHORT_TEXT, "who", _l("Who"))
    what = check_length(what, LONG_TEXT, "what", _l("What"))
    if not who:
        raise DomainError(_l("Say who will do it."), field="who")
    if not what:
        raise DomainError(_l("Say what they will do."), field="what")
    if agenda_item_id is not None and agenda_item_id not in {i.id for i in meeting.agenda_items}:
        raise DomainError(_l("Choose an item from this meeting's agenda."), field="agenda_item_id")
    action = MeetingAction(
        meeting_id=meeting.id, who=who, what=what, by_when=by_when, agenda_item_id=agenda_item_id
    )
    session.add(action)
    session.flush()
    session.expire(meeting, ["actions"])
    return action


# --- the two-question review -----------------------------------------------------------


def can_review(viewer: Viewer, meeting: Meeting, now: datetime | None = None) -> bool:
    return (
        viewer.is_member(meeting.forum_id)
        and meeting.status == MeetingStatus.PUBLISHED
        and has_started(meeting, now)
    )


def submit_review(
    session: Session,
    viewer: Viewer,
    meeting: Meeting,
    *,
    purpose_clear: int | None,
    listened_to: int | None,
    now: datetime | None = None,
) -> MeetingReview:
    """One review per member per meeting; answering again replaces the earlier answers."""
    if not viewer.is_member(meeting.forum_id):
        raise NotAllowed(_l("Only members of this forum can review its meetings."))
    if not can_review(viewer, meeting, now):
        raise DomainError(_l("You can answer these questions once the meeting has started."))
    if purpose_clear not in SCALE:
        raise DomainError(
            _l("Choose an answer: was it clear what the meeting was for?"), field="purpose_clear"
        )
    if listened_to not in SCALE:
        raise DomainError(_l("Choose an answer: did you feel listened to?"), field="listened_to")
    review = my_review(session, viewer, meeting)
    if review is None:
        review = MeetingReview(meeting_id=meeting.id, user_id=viewer.user_id)
        session.add(review)
    review.purpose_clear, review.listened_to = purpose_clear, listened_to
    session.flush()
    return review


def my_review(session: Session, viewer: Viewer, meeting: Meeting) -> MeetingReview | None:
    if not viewer.signed_in:
        return None
    return session.scalar(
        select(MeetingReview).where(
            MeetingReview.meeting_id == meeting.id, MeetingReview.user_id == viewer.user_id
        )
    )


@dataclass
class ReviewResult:
    """Counts for one meeting: ``purpose_clear[3]`` is how many said "yes", and so on."""

    meeting_id: int
    title: str
    starts_at: datetime
    responses: int = 0
    purpose_clear: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    listened_to: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))

    def share_yes(self, question: str) -> float:
        counts = getattr(self, question)
        return counts[3] / self.responses if self.responses else 0.0


def review_results(session: Session, forum_id: int) -> list[ReviewResult]:
    """Per-meeting review counts for a forum, oldest first, in one query.

    Only published meetings with at least one review appear. Used by the forum's
    meetings page and the impact page. Callers check the viewer may see the forum.
    """
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.title,
            Meeting.starts_at,
            MeetingReview.purpose_clear,
            MeetingReview.listened_to,
            func.count(MeetingReview.id),
        )
        .join(MeetingReview, MeetingReview.meeting_id == Meeting.id)
        .where(Meeting.forum_id == forum_id, Meeting.status == MeetingStatus.PUBLISHED)
        .group_by(
            Meeting.id,
            Meeting.title,
            Meeting.starts_at,
            MeetingReview.purpose_clear,
            MeetingReview.listened_to,
        )
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    results: dict[int, ReviewResult] = {}
    for meeting_id, title, starts_at, clear, listened, n in rows:
        result = results.setdefault(meeting_id, ReviewResult(meeting_id, title, as_utc(starts_at)))
        result.responses += n
        result.purpose_clear[clear] += n
        result.listened_to[listened] += n
    return list(results.values())
