"""A topic's story in date order: stages, agreements, outside pressures, meetings,
briefings, budget changes, what members said and what happened, and decisions.

Only what the viewer may see elsewhere is shown here: meetings still being drafted,
unpublished briefings, budgets of forums they cannot see and private points stay out.
Budget entries carry the reason, never figures, so a withheld line cannot leak."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Briefing,
    Budget,
    BudgetRevision,
    Contribution,
    ContributionAnswer,
    Decision,
    Meeting,
    Topic,
    Visibility,
    topic_briefing,
    topic_budget,
    topic_decision,
    topic_meeting,
)
from forum_site.models.base import as_utc, utcnow
from forum_site.models.consultations import Consultation, consultation_contribution
from forum_site.models.contributions import OUTCOMES
from forum_site.services import budgets
from forum_site.services.contributions.reading import ContributionView, views_for
from forum_site.services.topics import core
from forum_site.services.topics.agreements import agreements_of
from forum_site.services.topics.consultations import consultations_of
from forum_site.services.viewer import Viewer


class EntryKind(enum.StrEnum):
    STAGE = "stage"
    AGREEMENT = "agreement"
    AGREED = "agreed"
    PRESSURE = "pressure"
    CONSULTATION_OPENED = "consultation_opened"
    CONSULTATION_CLOSED = "consultation_closed"
    MEETING = "meeting"
    BRIEFING = "briefing"
    BUDGET_SET = "budget_set"
    BUDGET_CHANGED = "budget_changed"
    ANSWER = "answer"
    DECISION = "decision"


@dataclass(frozen=True)
class Entry:
    on: date
    kind: EntryKind
    subject: object
    said: int = 0  # how many points members made about it (meetings, briefings)
    told_members: bool = False  # budget changes announced because members were consulted


@dataclass
class Story:
    topic: Topic
    entries: list[Entry] = field(default_factory=list)
    said_total: int = 0
    answered: list[ContributionView] = field(default_factory=list)

    @property
    def years(self) -> list[tuple[int, list[Entry]]]:
        grouped: dict[int, list[Entry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.on.year, []).append(entry)
        return list(grouped.items())


def story(session: Session, viewer: Viewer, topic: Topic) -> Story:
    meetings = _meetings(session, viewer, topic)
    briefings = _briefings(session, viewer, topic)
    said = _said_counts(session, viewer, meetings, briefings)
    heard = _consultation_counts(session, topic)
    entries = [
        *_stage_entries(topic),
        *_agreement_entries(session, topic),
        *(Entry(p.happened_on, EntryKind.PRESSURE, p) for p in topic.pressures),
        *(
            Entry(_day(m.starts_at), EntryKind.MEETING, m, said.get(("m", m.id), 0))
            for m in meetings
        ),
        *(
            Entry(
                _day(b.published_at or b.created_at),
                EntryKind.BRIEFING,
                b,
                said.get(("b", b.id), 0),
            )
            for b in briefings
        ),
        *_budget_entries(session, viewer, topic),
        *_consultation_entries(session, topic, heard),
        *(Entry(d.decided_on, EntryKind.DECISION, d) for d in _decisions(session, viewer, topic)),
    ]
    answered = _answered(session, viewer, meetings, briefings)
    entries += [Entry(_day(v.contribution.last_answered_at), EntryKind.ANSWER, v) for v in answered]
    entries.sort(key=lambda e: (e.on, list(EntryKind).index(e.kind)))
    return Story(topic, entries, sum(said.values()) + sum(heard.values()), answered)


def _day(moment) -> date:
    return as_utc(moment).date()


def _stage_entries(topic: Topic) -> list[Entry]:
    return [Entry(s.started_on, EntryKind.STAGE, s) for s in topic.stages]


def _agreement_entries(session: Session, topic: Topic) -> list[Entry]:
    entries = []
    for agreement in agreements_of(session, topic):
        entries.append(Entry(_day(agreement.created_at), EntryKind.AGREEMENT, agreement))
        if agreement.sign_off is not None:
            entries.append(Entry(_day(agreement.sign_off.created_at), EntryKind.AGREED, agreement))
    return entries


def _linked(table, column, topic: Topic):
    return select(column).where(table.c.topic_id == topic.id)


def _meetings(session: Session, viewer: Viewer, topic: Topic) -> list[Meeting]:
    found = session.scalars(
        select(Meeting)
        .options(selectinload(Meeting.forum))
        .where(Meeting.id.in_(_linked(topic_meeting, topic_meeting.c.meeting_id, topic)))
    ).all()
    return [m for m in found if viewer.can_see_forum(m.forum) and core.meeting_is_shown(viewer, m)]


def _briefings(session: Session, viewer: Viewer, topic: Topic) -> list[Briefing]:
    found = session.scalars(
        select(Briefing)
        .options(selectinload(Briefing.forums))
        .where(Briefing.id.in_(_linked(topic_briefing, topic_briefing.c.briefing_id, topic)))
    ).all()
    return [
        b
        for b in found
        if any(viewer.can_see_forum(f) for f in b.forums)
        and (core.published_briefing(b) or core.can_write(viewer, topic))
    ]


def _budget_entries(session: Session, viewer: Viewer, topic: Topic) -> list[Entry]:
    found = session.scalars(
        select(Budget)
        .options(selectinload(Budget.forums), selectinload(Budget.revisions))
        .where(Budget.id.in_(_linked(topic_budget, topic_budget.c.budget_id, topic)))
    ).all()
    entries = []
    for budget in found:
        if not budgets.can_read(viewer, budget):
            continue
        for revision in budget.revisions:
            entries.append(_budget_entry(revision))
    return entries


def _budget_entry(revision: BudgetRevision) -> Entry:
    kind = EntryKind.BUDGET_SET if revision.is_first else EntryKind.BUDGET_CHANGED
    return Entry(_day(revision.created_at), kind, revision, told_members=revision.members_told)


def _consultation_counts(session: Session, topic: Topic) -> dict[int, int]:
    """Points made in each of the topic's consultations, private points left out."""
    return dict(
        session.execute(
            select(consultation_contribution.c.consultation_id, func.count(Contribution.id))
            .join(Contribution, Contribution.id == consultation_contribution.c.contribution_id)
            .join(Consultation, Consultation.id == consultation_contribution.c.consultation_id)
            .where(Consultation.topic_id == topic.id, Contribution.visibility != Visibility.PRIVATE)
            .group_by(consultation_contribution.c.consultation_id)
        ).all()
    )


def _consultation_entries(session: Session, topic: Topic, heard: dict[int, int]) -> list[Entry]:
    now = utcnow()
    entries = []
    for consultation in consultations_of(session, topic):
        if consultation.is_open(now) or consultation.has_closed(now):
            entries.append(
                Entry(_day(consultation.opens_at), EntryKind.CONSULTATION_OPENED, consultation)
            )
        if consultation.has_closed(now):
            entries.append(
                Entry(
                    _day(consultation.closes_at),
                    EntryKind.CONSULTATION_CLOSED,
                    consultation,
                    heard.get(consultation.id, 0),
                )
            )
    return entries


def _decisions(session: Session, viewer: Viewer, topic: Topic) -> list[Decision]:
    found = session.scalars(
        select(Decision)
        .options(selectinload(Decision.forum), selectinload(Decision.contributions))
        .where(Decision.id.in_(_linked(topic_decision, topic_decision.c.decision_id, topic)))
    ).all()
    return [d for d in found if viewer.can_see_forum(d.forum)]


def _about_clause(meetings: list[Meeting], briefings: list[Briefing]):
    return or_(
        Contribution.meeting_id.in_([m.id for m in meetings]),
        Contribution.briefing_id.in_([b.id for b in briefings]),
    )


def _said_counts(session, viewer, meetings, briefings) -> dict[tuple[str, int], int]:
    """Points made about each meeting and briefing, private points left out of the count."""
    if not meetings and not briefings:
        return {}
    rows = session.execute(
        select(Contribution.meeting_id, Contribution.briefing_id, func.count(Contribution.id))
        .where(
            _about_clause(meetings, briefings),
            Contribution.visibility != Visibility.PRIVATE,
            Contribution.withdrawn_at.is_(None),
        )
        .group_by(Contribution.meeting_id, Contribution.briefing_id)
    ).all()
    counts: dict[tuple[str, int], int] = {}
    for meeting_id, briefing_id, count in rows:
        key = ("m", meeting_id) if meeting_id else ("b", briefing_id)
        counts[key] = counts.get(key, 0) + count
    return counts


def _answered(session, viewer, meetings, briefings) -> list[ContributionView]:
    """You said, we did: answered points about the topic that the viewer may read."""
    if not meetings and not briefings:
        return []
    rows = session.scalars(
        select(Contribution)
        .options(
            selectinload(Contribution.author),
            selectinload(Contribution.forum),
            selectinload(Contribution.answers).selectinload(ContributionAnswer.decision),
        )
        .where(
            _about_clause(meetings, briefings),
            Contribution.status.in_(OUTCOMES),
            Contribution.visibility != Visibility.PRIVATE,
            Contribution.withdrawn_at.is_(None),
        )
        .order_by(Contribution.last_answered_at, Contribution.id)
    ).all()
    visible = [c for c in rows if viewer.can_see_forum(c.forum)]
    return views_for(session, viewer, visible, None)
