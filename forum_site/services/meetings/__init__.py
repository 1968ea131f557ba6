"""Meetings: setting them up, the agenda, what is not up for discussion, and publishing.

A meeting cannot be published until it says what it is for and either lists what is
closed (each with a reason) or says plainly that everything is open. That is the
complaint we heard most from members, so the rule lives here, not in a form.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from forum_site.models import Forum, Organisation
from forum_site.models.base import as_utc
from forum_site.models.meetings import (
    AccessAnswer,
    CycleStage,
    Meeting,
    MeetingReply,
    MeetingStatus,
    PrepTask,
    ReplyAnswer,
)
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.notifications import meeting_events
from forum_site.services.pagination import Page, newest_first, oldest_first, paginate
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l

SHORT_TEXT = 200
LONG_TEXT = 5000
DEFAULT_CHECKLIST = (
    "Book the room and check the access information is right",
    "Send the papers at least a week before",
    "Book interpreters and support people that members asked for",
    "Print easy-read and large-print papers",
    "Remind members two days before",
    "Arrange how people will claim expenses on the day",
)


class PublishRefused(DomainError):
    """Publishing was refused; ``problems`` lists every (field, message) still to fix."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__(problems[0][1], field=problems[0][0])
        self.problems = problems


@dataclass
class MeetingDetails:
    """Everything a convenor types on the meeting form, already parsed."""

    title: str
    starts_at: datetime
    ends_at: datetime
    venue_name: str = ""
    venue_address: str = ""
    joining_details: str = ""
    step_free: AccessAnswer = AccessAnswer.NOT_KNOWN
    hearing_loop: AccessAnswer = AccessAnswer.NOT_KNOWN
    accessible_toilet: AccessAnswer = AccessAnswer.NOT_KNOWN
    quiet_room: AccessAnswer = AccessAnswer.NOT_KNOWN
    parking: AccessAnswer = AccessAnswer.NOT_KNOWN
    access_notes: str = ""
    public_transport: str = ""
    on_arrival: str = ""
    contact_on_the_day: str = ""
    purpose: str = ""
    cycle_stage: CycleStage | None = None
    everything_open: bool = False
    outside_pressures: str = ""
    paid_for_time: bool = False
    payment_details: str = ""
    expenses_travel: bool = False
    expenses_lunch: bool = False
    expenses_carer: bool = False
    how_to_claim: str = ""

    @classmethod
    def of(cls, meeting: Meeting) -> MeetingDetails:
        return cls(**{f.name: getattr(meeting, f.name) for f in fields(cls)})


_LIMITS = {"title": SHORT_TEXT, "venue_name": SHORT_TEXT, "contact_on_the_day": 300}


def now_utc() -> datetime:
    return datetime.now(UTC)


def can_edit(viewer: Viewer, forum_id: int) -> bool:
    """Convenors of the forum, and commissioners whose organisation works with it."""
    return viewer.convenes(forum_id) or viewer.commissions(forum_id)


def require_editor(viewer: Viewer, forum_id: int) -> None:
    if not can_edit(viewer, forum_id):
        raise NotAllowed(
            _l("Only the forum's convenors and its commissioners can change meetings.")
        )


def check_length(value: str, limit: int, field: str, what: str) -> str:
    value = clean_text(value or "")
    if len(value) > limit:
        raise DomainError(
            _l(
                "%(what)s can have up to %(limit)s characters. It has %(length)s.",
                what=what,
                limit=limit,
                length=len(value),
            ),
            field=field,
        )
    return value


def _clean_details(details: MeetingDetails) -> MeetingDetails:
    for f in fields(details):
        value = getattr(details, f.name)
        if isinstance(value, str):
            label = f.name.replace("_", " ").capitalize()
            limit = _LIMITS.get(f.name, LONG_TEXT)
            setattr(details, f.name, check_length(value, limit, f.name, label))
    if not details.title:
        raise DomainError(_l("Enter a title for the meeting."), field="title")
    details.starts_at = as_utc(details.starts_at)
    details.ends_at = as_utc(details.ends_at)
    if details.ends_at <= details.starts_at:
        raise DomainError(_l("The meeting must end after it starts."), field="end_time")
    return details


def add_default_checklist(session: Session, meeting: Meeting) -> None:
    for position, label in enumerate(DEFAULT_CHECKLIST, start=1):
        session.add(PrepTask(meeting_id=meeting.id, position=position, label=label))
    session.flush()


def create_meeting(
    session: Session, viewer: Viewer, forum: Forum, details: MeetingDetails
) -> Meeting:
    require_editor(viewer, forum.id)
    details = _clean_details(details)
    meeting = Meeting(forum_id=forum.id, created_by_id=viewer.user_id, **vars(details))
    meeting.forum = forum
    session.add(meeting)
    session.flush()
    add_default_checklist(session, meeting)
    return meeting


def update_meeting(
    session: Session, viewer: Viewer, meeting: Meeting, details: MeetingDetails
) -> Meeting:
    """Edit the details. A published meeting's time changes only through move_meeting,
    so everyone who replied is told."""
    require_editor(viewer, meeting.forum_id)
    details = _clean_details(details)
    time_changed = (details.starts_at, details.ends_at) != (
        as_utc(meeting.starts_at),
        as_utc(meeting.ends_at),
    )
    if meeting.status != MeetingStatus.DRAFT and time_changed:
        raise DomainError(
            _l(
                "To change the date or time of a published meeting, use 'Move this meeting', "
                "so everyone who replied is told."
            ),
            field="start_date",
        )
    changes = meeting_events.what_matters(meeting, details)
    for name, value in vars(details).items():
        setattr(meeting, name, value)
    session.flush()
    meeting_events.changed(session, viewer, meeting, changes)
    return meeting


def publish_problems(meeting: Meeting) -> list[tuple[str, str]]:
    """What still stops this meeting being published, in the order of the form."""
    problems = []
    if not (meeting.venue_name or meeting.venue_address or meeting.joining_details):
        problems.append(
            ("venue_name", "Say where the meeting is, or how to join by phone or online.")
        )
    if not clean_text(meeting.purpose or ""):
        problems.append(("purpose", "Say what the meeting is for before you publish it."))
    if meeting.everything_open and meeting.closed_topics:
        problems.append(
            (
                "everything_open",
                "You said everything is open, but you also listed things that are not up for "
                "discussion. Untick 'everything is open' or remove those things.",
            )
        )
    elif not meeting.everything_open and not meeting.closed_topics:
        problems.append(
            (
                "everything_open",
                "List what is not up for discussion, with a reason for each, or tick "
                "'everything is open' to say plainly that nothing is closed.",
            )
        )
    return problems


def publish_meeting(session: Session, viewer: Viewer, meeting: Meeting) -> Meeting:
    require_editor(viewer, meeting.forum_id)
    if meeting.status != MeetingStatus.DRAFT:
        return meeting  # publishing twice changes nothing
    problems = publish_problems(meeting)
    if problems:
        raise PublishRefused(problems)
    meeting.status = MeetingStatus.PUBLISHED
    meeting.published_at = now_utc()
    session.flush()
    meeting_events.published(session, viewer, meeting)
    return meeting


# --- finding meetings ------------------------------------------------------------------


def get_meeting(
    session: Session, viewer: Viewer, meeting_id: int, *, full: bool = False
) -> Meeting:
    """The meeting, or NotFound when the viewer may not know it exists (private forum,
    or a draft they cannot edit). ``full`` loads everything the meeting page shows."""
    query = select(Meeting).where(Meeting.id == meeting_id)
    query = query.options(joinedload(Meeting.forum))
    if full:
        query = query.options(
            # who_plans: easy read names the forum's organisations (no query of its own).
            joinedload(Meeting.forum).joinedload(Forum.organisations),
            selectinload(Meeting.agenda_items),
            selectinload(Meeting.closed_topics),
            selectinload(Meeting.changes),
            selectinload(Meeting.actions),
        )
    meeting = session.execute(query).unique().scalar_one_or_none()
    if meeting is None or not viewer.can_see_forum(meeting.forum):
        raise NotFound(_l("We could not find that meeting."))
    if meeting.status == MeetingStatus.DRAFT and not can_edit(viewer, meeting.forum_id):
        raise NotFound(_l("We could not find that meeting."))
    return meeting


@dataclass(frozen=True)
class MeetingListing:
    meeting: Meeting
    going: int
    maybe: int
    my_answer: ReplyAnswer | None


@dataclass(frozen=True)
class ForumMeetings:
    upcoming: list[MeetingListing]
    past: Page[MeetingListing]
    drafts: list[MeetingListing]


SOONEST_FIRST = oldest_first(Meeting.starts_at, Meeting.id)
LATEST_FIRST = newest_first(Meeting.starts_at, Meeting.id)


def forum_meetings(
    session: Session,
    viewer: Viewer,
    forum: Forum,
    cursor: str | None = None,
    now: datetime | None = None,
) -> ForumMeetings:
    """The next meetings, drafts, and a page of past ones: the same queries at any number."""
    now = now or now_utc()
    query = select(Meeting).where(Meeting.forum_id == forum.id)
    shown = query.where(Meeting.status != MeetingStatus.DRAFT)
    upcoming = paginate(
        session, shown.where(Meeting.ends_at >= now), SOONEST_FIRST, None, count=False
    )
    past = paginate(session, shown.where(Meeting.ends_at < now), LATEST_FIRST, cursor)
    drafts = []
    if can_edit(viewer, forum.id):
        drafts = list(
            session.scalars(
                query.where(Meeting.status == MeetingStatus.DRAFT).order_by(Meeting.starts_at)
            )
        )
    meetings = [*upcoming.items, *past.items, *drafts]
    ids = [m.id for m in meetings]
    counts = _reply_counts(session, ids)
    mine = _my_answers(session, viewer, ids)

    def listing(rows: list[Meeting]) -> list[MeetingListing]:
        return [
            MeetingListing(
                m,
                counts.get((m.id, ReplyAnswer.GOING), 0),
                counts.get((m.id, ReplyAnswer.MAYBE), 0),
                mine.get(m.id),
            )  # fmt: skip
            for m in rows
        ]

    return ForumMeetings(listing(upcoming.items), past.map(listing), listing(drafts))


def _reply_counts(session: Session, meeting_ids: list[int]) -> dict:
    if not meeting_ids:
        return {}
    rows = session.execute(
        select(MeetingReply.meeting_id, MeetingReply.answer, func.count(MeetingReply.id))
        .where(MeetingReply.meeting_id.in_(meeting_ids))
        .group_by(MeetingReply.meeting_id, MeetingReply.answer)
    ).all()
    return {(meeting_id, answer): n for meeting_id, answer, n in rows}


def _my_answers(session: Session, viewer: Viewer, meeting_ids: list[int]) -> dict:
    if not meeting_ids or not viewer.signed_in:
        return {}
    rows = session.execute(
        select(MeetingReply.meeting_id, MeetingReply.answer).where(
            MeetingReply.meeting_id.in_(meeting_ids), MeetingReply.user_id == viewer.user_id
        )
    ).all()
    return dict(rows)


def upcoming_meetings(
    session: Session, viewer: Viewer, forum: Forum, limit: int = 3, now: datetime | None = None
) -> list[Meeting]:
    """The next few published meetings, for the forum page."""
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.forum_id == forum.id,
                Meeting.status == MeetingStatus.PUBLISHED,
                Meeting.ends_at >= (now or now_utc()),
            )
            .order_by(Meeting.starts_at)
            .limit(limit)
        )
    )


def latest_debrief(session: Session, forum: Forum) -> Meeting | None:
    return session.scalar(
        select(Meeting)
        .where(Meeting.forum_id == forum.id, Meeting.debrief_published_at.is_not(None))
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )


def who_plans(session: Session, meeting: Meeting) -> list[Organisation]:
    """The organisations that plan and pay for what a meeting is about, so easy read
    names the right body ("the NHS", not always "the council"): the forum's organisations,
    or, when they are of different kinds, the one whose topic the meeting belongs to.

    A topic always belongs to one of its forum's organisations (topics.create_topic), so
    only a forum of mixed kinds needs to look for the topic (one query)."""
    from forum_site.models.topics import Topic, topic_meeting

    ours = sorted(
        meeting.forum.organisations, key=lambda organisation: organisation.kind != "council"
    )
    if len({organisation.kind for organisation in ours}) < 2:
        return ours
    topics = select(Organisation).join(Topic, Topic.organisation_id == Organisation.id)
    planner = session.scalars(
        topics.join(topic_meeting, topic_meeting.c.topic_id == Topic.id).where(
            topic_meeting.c.meeting_id == meeting.id
        )
    ).first()
    return [planner] if planner is not None else ours
