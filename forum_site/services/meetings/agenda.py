"""The agenda (each item with its influence level and who decides) and the list of what
is not up for discussion, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forum_site.models.meetings import (
    AgendaItem,
    ClosedTopic,
    InfluenceLevel,
    Meeting,
    MeetingStatus,
)
from forum_site.services.errors import DomainError, NotFound
from forum_site.services.meetings import (
    LONG_TEXT,
    SHORT_TEXT,
    check_length,
    now_utc,
    require_editor,
)
from forum_site.services.notifications import meeting_events
from forum_site.services.viewer import Viewer
from forum_site.words import _l

# --- agenda items ----------------------------------------------------------------------


@dataclass
class AgendaDetails:
    title: str
    influence: InfluenceLevel | None
    what_we_want: str = ""
    influence_explanation: str = ""
    decision_maker: str = ""
    decision_when: str = ""


def _clean_agenda(details: AgendaDetails) -> AgendaDetails:
    details.title = check_length(details.title, SHORT_TEXT, "title", _l("The title"))
    if not details.title:
        raise DomainError(_l("Enter a title for the agenda item."), field="title")
    if details.influence is None:
        raise DomainError(_l("Choose how much say members have on this item."), field="influence")
    details.what_we_want = check_length(
        details.what_we_want, LONG_TEXT, "what_we_want", _l("What you want from members")
    )
    details.influence_explanation = check_length(
        details.influence_explanation, LONG_TEXT, "influence_explanation", _l("The explanation")
    )
    details.decision_maker = check_length(
        details.decision_maker, SHORT_TEXT, "decision_maker", _l("Who decides")
    )
    details.decision_when = check_length(
        details.decision_when, SHORT_TEXT, "decision_when", _l("When they decide")
    )
    return details


def add_agenda_item(
    session: Session, viewer: Viewer, meeting: Meeting, details: AgendaDetails
) -> AgendaItem:
    require_editor(viewer, meeting.forum_id)
    details = _clean_agenda(details)
    last = session.scalar(
        select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting.id)
    )
    item = AgendaItem(meeting_id=meeting.id, position=(last or 0) + 1, **vars(details))
    session.add(item)
    session.flush()
    session.expire(meeting, ["agenda_items"])
    meeting_events.agenda_changed(session, viewer, meeting, "agenda-added", item.title)
    return item


def get_agenda_item(meeting: Meeting, item_id: int) -> AgendaItem:
    item = next((i for i in meeting.agenda_items if i.id == item_id), None)
    if item is None:
        raise NotFound(_l("We could not find that agenda item."))
    return item


def update_agenda_item(
    session: Session, viewer: Viewer, item: AgendaItem, details: AgendaDetails
) -> AgendaItem:
    require_editor(viewer, item.meeting.forum_id)
    for name, value in vars(_clean_agenda(details)).items():
        setattr(item, name, value)
    session.flush()
    return item


def remove_agenda_item(session: Session, viewer: Viewer, item: AgendaItem) -> AgendaItem:
    """Take an item off the agenda. It is kept, dated, so "Put it back" can undo this."""
    require_editor(viewer, item.meeting.forum_id)
    meeting = item.meeting
    item.removed_at = now_utc()
    item.removal_was_told = meeting.status == MeetingStatus.PUBLISHED
    session.flush()
    session.expire(meeting, ["agenda_items", "removed_agenda_items"])
    meeting_events.agenda_changed(session, viewer, meeting, "agenda-removed", item.title)
    return item


def put_back_agenda_item(
    session: Session, viewer: Viewer, meeting: Meeting, item_id: int
) -> AgendaItem:
    """Undo taking an item off. If members were told it was taken off, they hear it is back.
    Putting back one that is already back changes nothing (a double click)."""
    require_editor(viewer, meeting.forum_id)
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting.id:
        raise NotFound(_l("We could not find that agenda item."))
    if item.removed_at is None:
        return item
    told = item.removal_was_told
    item.removed_at, item.removal_was_told = None, False
    session.flush()
    session.expire(meeting, ["agenda_items", "removed_agenda_items"])
    what = "agenda-restored" if told else "agenda-added"
    meeting_events.agenda_changed(session, viewer, meeting, what, item.title)
    return item


def move_agenda_item(session: Session, viewer: Viewer, item: AgendaItem, direction: str) -> None:
    """Swap the item with its neighbour ("up" or "down"); at either end nothing happens."""
    require_editor(viewer, item.meeting.forum_id)
    items = sorted(item.meeting.agenda_items, key=lambda i: (i.position, i.id))
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, entry in enumerate(items, start=1):
        entry.position = position
    session.flush()
    session.expire(item.meeting, ["agenda_items"])


# --- not up for discussion -------------------------------------------------------------


def add_closed_topic(
    session: Session, viewer: Viewer, meeting: Meeting, *, topic: str, reason: str
) -> ClosedTopic:
    require_editor(viewer, meeting.forum_id)
    topic = check_length(topic, 300, "topic", _l("What is not up for discussion"))
    reason = check_length(reason, LONG_TEXT, "reason", _l("The reason"))
    if not topic:
        raise DomainError(_l("Say what is not up for discussion."), field="topic")
    if not reason:
        raise DomainError(_l("Give the reason it is not up for discussion."), field="reason")
    last = session.scalar(
        select(func.max(ClosedTopic.position)).where(ClosedTopic.meeting_id == meeting.id)
    )
    closed = ClosedTopic(
        meeting_id=meeting.id, position=(last or 0) + 1, topic=topic, reason=reason
    )
    session.add(closed)
    session.flush()
    session.expire(meeting, ["closed_topics"])
    return closed


def remove_closed_topic(session: Session, viewer: Viewer, meeting: Meeting, topic_id: int) -> None:
    require_editor(viewer, meeting.forum_id)
    closed = session.get(ClosedTopic, topic_id)
    if closed is None or closed.meeting_id != meeting.id:
        raise NotFound(_l("We could not find that item."))
    session.delete(closed)
    session.flush()
    session.expire(meeting, ["closed_topics"])
