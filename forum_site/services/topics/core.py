"""Making topics, moving them round the cycle, recording outside pressures, and linking
the meetings, briefings, budgets and decisions that belong to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, joinedload, selectinload

from forum_site.models import (
    Briefing,
    BriefingStatus,
    Budget,
    Decision,
    Forum,
    Meeting,
    OutsidePressure,
    PressureKind,
    Topic,
    TopicStage,
    briefing_forum,
    topic_briefing,
    topic_budget,
    topic_decision,
    topic_forum,
    topic_meeting,
)
from forum_site.models.meetings import CycleStage, MeetingStatus
from forum_site.services.contributions import checked_text
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_TITLE = 200
MAX_TEXT = 5000


@dataclass(frozen=True)
class TopicDraft:
    title: str
    summary: str
    stage: CycleStage
    started_on: date
    forum_ids: tuple[int, ...] = ()


def can_see(viewer: Viewer, topic: Topic) -> bool:
    return any(viewer.can_see_forum(forum) for forum in topic.forums)


def can_write(viewer: Viewer, topic: Topic) -> bool:
    """Commissioners of the organisation the topic belongs to."""
    return viewer.works_for(topic.organisation_id)


def can_agree(viewer: Viewer, topic: Topic) -> bool:
    """Convenors of any of the topic's forums agree the stage agreements."""
    return any(viewer.convenes(forum.id) for forum in topic.forums)


def create_topic(session: Session, viewer: Viewer, forum: Forum, draft: TopicDraft) -> Topic:
    organisation_id = next(
        (o.id for o in forum.organisations if o.id in viewer.organisation_ids), None
    )
    if organisation_id is None or not viewer.commissions(forum.id):
        raise NotAllowed(_l("Only commissioners who work with this forum can start a topic."))
    topic = Topic(
        organisation_id=organisation_id,
        title=checked_text(draft.title, "title", MAX_TITLE, _l("Give the topic a name.")),
        summary=_optional(draft.summary, "summary"),
        created_by_id=viewer.user_id,
        forums=_forums(session, viewer, forum, organisation_id, draft.forum_ids),
    )
    session.add(topic)
    session.flush()
    move_to_stage(session, viewer, topic, draft.stage, draft.started_on)
    return topic


def _optional(text: str, field: str) -> str:
    return checked_text(text, field, MAX_TEXT) if (text or "").strip() else ""


def _forums(session, viewer, forum, organisation_id, forum_ids) -> list[Forum]:
    """The forum the topic starts in, and any others the organisation works with."""
    wanted = set(forum_ids) | {forum.id}
    found = session.scalars(select(Forum).where(Forum.id.in_(wanted))).all()
    if len(found) != len(wanted) or not all(viewer.commissions(f.id) for f in found):
        raise DomainError(_l("Choose forums your organisation works with."), field="forums")
    return sorted(found, key=lambda f: f.name)


def get_topic(session: Session, viewer: Viewer, topic_id: int) -> Topic:
    topic = session.scalar(
        select(Topic)
        .options(
            selectinload(Topic.forums).selectinload(Forum.organisations),
            selectinload(Topic.organisation),
            selectinload(Topic.stages),
        )
        .where(Topic.id == topic_id)
    )
    if topic is None or not can_see(viewer, topic):
        raise NotFound(_l("We could not find that topic."))
    return topic


def topics_for_forum(session: Session, forum: Forum) -> list[Topic]:
    """The forum's topics (the caller has checked the viewer may see the forum)."""
    return list(
        session.scalars(
            select(Topic)
            .options(selectinload(Topic.organisation), selectinload(Topic.stages))
            .join(topic_forum, topic_forum.c.topic_id == Topic.id)
            .where(topic_forum.c.forum_id == forum.id)
            .order_by(Topic.created_at.desc(), Topic.id.desc())
        )
    )


def move_to_stage(
    session: Session, viewer: Viewer, topic: Topic, stage: CycleStage, on: date
) -> TopicStage:
    """End the stage the topic is at (on ``on``) and start ``stage`` the same day."""
    if not can_write(viewer, topic):
        raise NotAllowed(_l("Only commissioners from the topic's organisation can move it on."))
    stage = CycleStage(stage)
    now_at = open_stage(topic)
    if now_at is not None:
        if now_at.stage == stage:
            raise DomainError(_l("The topic is already at this stage."), field="stage")
        if on < now_at.started_on:
            raise DomainError(
                _l("The new stage cannot start before the stage it follows."), field="started_on"
            )
        now_at.ended_on = on
    entry = TopicStage(topic_id=topic.id, stage=stage, started_on=on)
    session.add(entry)
    topic.current_stage = stage
    session.flush()
    session.refresh(topic, ["stages"])
    return entry


def open_stage(topic: Topic) -> TopicStage | None:
    return next((s for s in reversed(topic.stages) if s.ended_on is None), None)


def stage_on(topic: Topic, day: date) -> CycleStage | None:
    """The stage the topic was at on ``day``: the latest stage that had started by then."""
    started = [s for s in topic.stages if s.started_on <= day]
    return started[-1].stage if started else None


def add_pressure(
    session: Session,
    viewer: Viewer,
    topic: Topic,
    *,
    kind: PressureKind,
    title: str,
    details: str,
    happened_on: date,
) -> OutsidePressure:
    if not can_write(viewer, topic):
        raise NotAllowed(_l("Only commissioners from the topic's organisation can add pressures."))
    pressure = OutsidePressure(
        topic_id=topic.id,
        kind=PressureKind(kind),
        title=checked_text(title, "title", MAX_TITLE, _l("Say what the pressure is.")),
        details=_optional(details, "details"),
        happened_on=happened_on,
        recorded_by_id=viewer.user_id,
    )
    session.add(pressure)
    session.flush()
    return pressure


# Linking -------------------------------------------------------------------------------

LINKS = {
    "meetings": (topic_meeting, topic_meeting.c.meeting_id),
    "briefings": (topic_briefing, topic_briefing.c.briefing_id),
    "budgets": (topic_budget, topic_budget.c.budget_id),
    "decisions": (topic_decision, topic_decision.c.decision_id),
}


@dataclass(frozen=True)
class LinkChoices:
    meetings: list[Meeting]
    briefings: list[Briefing]
    budgets: list[Budget]
    decisions: list[Decision]


def link_choices(session: Session, topic: Topic) -> LinkChoices:
    """What can belong to the topic: things of its forums and its organisation."""
    forum_ids = [f.id for f in topic.forums]
    return LinkChoices(
        meetings=list(
            session.scalars(
                select(Meeting)
                .where(Meeting.forum_id.in_(forum_ids))
                .order_by(Meeting.starts_at.desc())
                .limit(200)
            )
        ),
        briefings=list(
            session.scalars(
                select(Briefing)
                .join(briefing_forum, briefing_forum.c.briefing_id == Briefing.id)
                .where(briefing_forum.c.forum_id.in_(forum_ids))
                .distinct()
                .order_by(Briefing.id.desc())
                .limit(200)
            )
        ),
        budgets=list(
            session.scalars(
                select(Budget)
                .where(Budget.organisation_id == topic.organisation_id)
                .order_by(Budget.id.desc())
                .limit(200)
            )
        ),
        decisions=list(
            session.scalars(
                select(Decision)
                .where(Decision.forum_id.in_(forum_ids))
                .order_by(Decision.decided_on.desc())
                .limit(200)
            )
        ),
    )


def linked_ids(session: Session, topic: Topic) -> dict[str, set[int]]:
    return {
        kind: set(session.scalars(select(column).where(table.c.topic_id == topic.id)))
        for kind, (table, column) in LINKS.items()
    }


def set_links(session: Session, viewer: Viewer, topic: Topic, chosen: dict[str, list[int]]):
    """Replace what belongs to the topic. An item belongs to one topic at a time."""
    if not can_write(viewer, topic):
        raise NotAllowed(_l("Only commissioners from the topic's organisation can link things."))
    allowed = link_choices(session, topic)
    for kind, (table, column) in LINKS.items():
        ids = set(chosen.get(kind, ()))
        if not ids <= {item.id for item in getattr(allowed, kind)}:
            raise DomainError(_l("Choose things from the topic's forums."), field=kind)
        session.execute(delete(table).where(table.c.topic_id == topic.id))
        if ids:
            session.execute(delete(table).where(column.in_(ids)))
            session.execute(
                insert(table), [{column.key: item, "topic_id": topic.id} for item in ids]
            )
    session.flush()


def topic_of(session: Session, kind: str, item_id: int) -> Topic | None:
    table, column = LINKS[kind]
    # One query with its forums and stages (a few rows each), not three: every meeting,
    # briefing and budget page asks.
    found = session.execute(
        select(Topic)
        .options(joinedload(Topic.forums), joinedload(Topic.stages))
        .join(table, table.c.topic_id == Topic.id)
        .where(column == item_id)
    )
    return found.unique().scalars().first()


def published_briefing(briefing: Briefing) -> bool:
    return briefing.status == BriefingStatus.PUBLISHED


def meeting_is_shown(viewer: Viewer, meeting: Meeting) -> bool:
    return meeting.status != MeetingStatus.DRAFT or viewer.convenes(meeting.forum_id)
