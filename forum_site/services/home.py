"""A signed-in person's own home page: their meetings, their points, what is new, and
for convenors and commissioners what needs doing. A few small queries, each limited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Contribution,
    EasyReadVersion,
    Forum,
    InboxMessage,
    JoinRequest,
    JoinStatus,
    Meeting,
    MeetingQuestion,
    MeetingReply,
    NoticeKind,
    PaperForm,
    PaperFormEntry,
    Status,
    Visibility,
)
from forum_site.models.base import utcnow
from forum_site.models.meetings import MeetingStatus, ReplyAnswer
from forum_site.services.meetings.replies import NEED_FLAGS, NEED_TEXTS
from forum_site.services.viewer import Viewer

WAITING = (Status.RECEIVED, Status.CONSIDERING)
NEW_TO_READ = (NoticeKind.NEW_BRIEFING, NoticeKind.BUDGET_CHANGED)


@dataclass(frozen=True)
class MyMeeting:
    meeting: Meeting
    reply: ReplyAnswer | None


@dataclass(frozen=True)
class ToDo:
    """One line of a convenor's list: what kind of job, for what, how many, and where."""

    kind: str
    about: str
    count: int
    link: str


@dataclass
class MyHome:
    meetings: list[MyMeeting] = field(default_factory=list)
    points: list[Contribution] = field(default_factory=list)
    to_read: list[InboxMessage] = field(default_factory=list)
    to_do: list[ToDo] = field(default_factory=list)
    queue: list[Contribution] = field(default_factory=list)
    queue_total: int = 0


def my_home(session: Session, viewer: Viewer, now: datetime | None = None) -> MyHome:
    now = now or utcnow()
    home = MyHome(
        meetings=next_meetings(session, viewer, now),
        points=my_points(session, viewer),
        to_read=new_to_read(session, viewer),
    )
    convened = [f for f, role in viewer.forum_roles.items() if viewer.convenes(f)]
    if convened:
        home.to_do = convenor_to_do(session, convened, now)
    if viewer.is_commissioner:
        home.queue, home.queue_total = queue_preview(session, viewer)
    return home


def next_meetings(session: Session, viewer: Viewer, now: datetime, most: int = 5):
    forum_ids = list(viewer.forum_roles)
    if not forum_ids:
        return []
    rows = session.execute(
        select(Meeting, MeetingReply.answer)
        .options(selectinload(Meeting.forum))
        .outerjoin(
            MeetingReply,
            and_(MeetingReply.meeting_id == Meeting.id, MeetingReply.user_id == viewer.user_id),
        )
        .where(
            Meeting.forum_id.in_(forum_ids),
            Meeting.status == MeetingStatus.PUBLISHED,
            Meeting.ends_at > now,
        )
        .order_by(Meeting.starts_at)
        .limit(most)
    ).all()
    return [MyMeeting(meeting, answer) for meeting, answer in rows]


def my_points(session: Session, viewer: Viewer, most: int = 10) -> list[Contribution]:
    return list(
        session.scalars(
            select(Contribution)
            .options(selectinload(Contribution.forum))
            .where(Contribution.author_id == viewer.user_id, Contribution.withdrawn_at.is_(None))
            .order_by(Contribution.created_at.desc(), Contribution.id.desc())
            .limit(most)
        )
    )


def new_to_read(session: Session, viewer: Viewer, most: int = 5) -> list[InboxMessage]:
    """Briefings and budget changes this person has not opened yet."""
    return list(
        session.scalars(
            select(InboxMessage)
            .options(selectinload(InboxMessage.notification))
            .where(
                InboxMessage.user_id == viewer.user_id,
                InboxMessage.read_at.is_(None),
                InboxMessage.kind.in_([k.value for k in NEW_TO_READ]),
            )
            .order_by(InboxMessage.id.desc())
            .limit(most)
        )
    )


def convenor_to_do(session: Session, forum_ids: list[int], now: datetime) -> list[ToDo]:
    upcoming = select(Meeting.id).where(
        Meeting.forum_id.in_(forum_ids),
        Meeting.status == MeetingStatus.PUBLISHED,
        Meeting.starts_at > now,
    )
    return [
        *_join_requests(session, forum_ids),
        *_per_meeting(session, "private-questions", _private_questions(upcoming), "/meetings/{id}"),
        *_per_meeting(session, "access-needs", _access_needs(upcoming), "/meetings/{id}/prepare"),
        *_per_meeting(
            session, "easy-read", _easy_read_unchecked(upcoming), "/easy-read/meeting/{id}/check"
        ),
        *_paper_sheets(session, forum_ids, now),
    ]


def _join_requests(session: Session, forum_ids) -> list[ToDo]:
    rows = session.execute(
        select(Forum.slug, Forum.name, func.count(JoinRequest.id))
        .join(JoinRequest, JoinRequest.forum_id == Forum.id)
        .where(Forum.id.in_(forum_ids), JoinRequest.status == JoinStatus.WAITING)
        .group_by(Forum.slug, Forum.name)
    ).all()
    return [ToDo("join-requests", name, n, f"/forums/{slug}/requests") for slug, name, n in rows]


def _per_meeting(session: Session, kind: str, meeting_ids, link: str) -> list[ToDo]:
    """``meeting_ids`` selects one row per thing to do; they are counted per meeting."""
    found = meeting_ids.subquery()
    rows = session.execute(
        select(Meeting.id, Meeting.title, func.count())
        .join(found, found.c.meeting_id == Meeting.id)
        .group_by(Meeting.id, Meeting.title)
        .order_by(Meeting.id)
    ).all()
    return [ToDo(kind, title, n, link.format(id=mid)) for mid, title, n in rows]


def _private_questions(upcoming):
    return select(MeetingQuestion.meeting_id).where(
        MeetingQuestion.meeting_id.in_(upcoming), MeetingQuestion.is_private
    )


def _access_needs(upcoming):
    flags = [getattr(MeetingReply, name).is_(True) for name in NEED_FLAGS]
    texts = [getattr(MeetingReply, name) != "" for name in NEED_TEXTS]
    return select(MeetingReply.meeting_id).where(
        MeetingReply.meeting_id.in_(upcoming),
        MeetingReply.answer != ReplyAnswer.NOT_GOING,
        or_(*flags, *texts),
    )


def _easy_read_unchecked(upcoming):
    checked = exists().where(
        EasyReadVersion.kind == "meeting",
        EasyReadVersion.subject_id == Meeting.id,
        EasyReadVersion.checked_at.is_not(None),
    )
    return select(Meeting.id.label("meeting_id")).where(Meeting.id.in_(upcoming), ~checked)


def _paper_sheets(session: Session, forum_ids, now) -> list[ToDo]:
    """Paper forms printed for meetings that have happened, with no sheet typed in yet."""
    typed = exists().where(PaperFormEntry.form_id == PaperForm.id)
    rows = session.execute(
        select(PaperForm.code, Meeting.title)
        .join(Meeting, Meeting.id == PaperForm.meeting_id)
        .where(PaperForm.forum_id.in_(forum_ids), Meeting.starts_at < now, ~typed)
        .order_by(Meeting.starts_at)
    ).all()
    return [ToDo("paper-sheets", title, 1, f"/paper-forms/{code}") for code, title in rows]


def waiting_clause(viewer: Viewer):
    """Points waiting for an answer from the viewer's organisations."""
    return and_(
        Contribution.forum_id.in_(list(viewer.commissioned_forum_ids) or [-1]),
        Contribution.status.in_(WAITING),
        Contribution.withdrawn_at.is_(None),
        Contribution.visibility != Visibility.PRIVATE,
    )


def queue_preview(session: Session, viewer: Viewer, most: int = 5):
    clause = waiting_clause(viewer)
    total = session.scalar(select(func.count(Contribution.id)).where(clause)) or 0
    oldest = session.scalars(
        select(Contribution)
        .options(selectinload(Contribution.forum))
        .where(clause)
        .order_by(Contribution.created_at, Contribution.id)
        .limit(most)
    )
    return list(oldest), total
