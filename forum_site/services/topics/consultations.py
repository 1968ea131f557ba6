"""Consultations on a topic: open and close at set times, points made while open are part
of it, and after closing a "What we heard" summary and its own "you said, we did".

A point belongs to a consultation only if it was made while the consultation was open;
after it closes the page sends people to the forum as usual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    BudgetRevision,
    Contribution,
    Forum,
    Source,
    Topic,
    Visibility,
    topic_budget,
)
from forum_site.models.base import as_utc, utcnow
from forum_site.models.consultations import (
    Consultation,
    ConsultationQuestion,
    ConsultationTheme,
    consultation_contribution,
    contribution_theme,
)
from forum_site.models.contributions import OUTCOMES
from forum_site.services import contributions as said
from forum_site.services.contributions.reading import ContributionView, views_for
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.small_numbers import Count, parts_of
from forum_site.services.topics import core
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_QUESTIONS = 10


@dataclass(frozen=True)
class ConsultationDraft:
    title: str
    why: str
    questions: tuple[str, ...]
    opens_at: datetime
    closes_at: datetime
    reply_by: date


def create_consultation(
    session: Session, viewer: Viewer, topic: Topic, draft: ConsultationDraft
) -> Consultation:
    if not core.can_write(viewer, topic):
        raise NotAllowed(_l("Only commissioners from the topic's organisation can consult on it."))
    questions = [q.strip() for q in draft.questions if (q or "").strip()]
    if not questions:
        raise DomainError(_l("Ask at least one question."), field="questions")
    if len(questions) > MAX_QUESTIONS:
        raise DomainError(
            _l("Ask %(most)s questions or fewer.", most=MAX_QUESTIONS), field="questions"
        )
    opens, closes = as_utc(draft.opens_at), as_utc(draft.closes_at)
    if closes <= opens:
        raise DomainError(_l("The closing time must be after the opening time."), field="closes_at")
    if draft.reply_by < closes.date():
        raise DomainError(_l("People cannot hear back before it closes."), field="reply_by")
    consultation = Consultation(
        topic_id=topic.id,
        stage=topic.current_stage,
        title=said.checked_text(draft.title, "title", 200, _l("Give the consultation a name.")),
        why=said.checked_text(draft.why, "why", 5000) if (draft.why or "").strip() else "",
        opens_at=opens,
        closes_at=closes,
        reply_by=draft.reply_by,
        created_by_id=viewer.user_id,
        questions=[
            ConsultationQuestion(position=n, text=said.checked_text(q, "questions", 1000))
            for n, q in enumerate(questions, start=1)
        ],
    )
    session.add(consultation)
    session.flush()
    return consultation


def get_consultation(session: Session, viewer: Viewer, consultation_id: int) -> Consultation:
    consultation = session.scalar(
        select(Consultation)
        .options(
            selectinload(Consultation.topic).selectinload(Topic.forums),
            selectinload(Consultation.questions),
            selectinload(Consultation.themes),
        )
        .where(Consultation.id == consultation_id)
    )
    if consultation is None or not core.can_see(viewer, consultation.topic):
        raise NotFound(_l("We could not find that consultation."))
    return consultation


def consultations_of(session: Session, topic: Topic) -> list[Consultation]:
    return list(
        session.scalars(
            select(Consultation)
            .options(selectinload(Consultation.questions))
            .where(Consultation.topic_id == topic.id)
            .order_by(Consultation.opens_at, Consultation.id)
        )
    )


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59), tzinfo=UTC)


def take_part(
    session: Session,
    viewer: Viewer,
    consultation: Consultation,
    forum: Forum,
    *,
    text: str,
    question_id: int | None = None,
    visibility: Visibility = Visibility.SHARED,
    source: Source = Source.ONLINE,
    submission_token: str | None = None,
    now: datetime | None = None,
) -> Contribution:
    """A member's answer, or (with ``source``) one a convenor types in from paper, a
    meeting or a phone call. Only while the consultation is open."""
    now = now or utcnow()
    if forum not in consultation.topic.forums:
        raise NotFound(_l("We could not find that forum."))
    if not consultation.is_open(now):
        raise DomainError(
            _l("This consultation is not open. You can still have your say to the forum."),
            field="text",
        )
    question = _question(consultation, question_id)
    common = {"text": text, "visibility": visibility, "submission_token": submission_token}
    if Source(source) == Source.ONLINE:
        contribution = said.contribute(session, viewer, forum, now=now, **common)
    else:
        contribution = said.record_for_member(
            session, viewer, forum, member_id=None, source=source, consent_given=False,
            now=now, **common,
        )  # fmt: skip
    contribution.answer_due_at = _end_of(consultation.reply_by)
    if not _is_part(session, contribution):
        session.execute(
            insert(consultation_contribution).values(
                contribution_id=contribution.id,
                consultation_id=consultation.id,
                question_id=question.id if question else None,
            )
        )
    session.flush()
    return contribution


def _question(consultation: Consultation, question_id: int | None):
    if question_id is None:
        return None
    found = next((q for q in consultation.questions if q.id == question_id), None)
    if found is None:
        raise DomainError(_l("Choose one of the consultation's questions."), field="question")
    return found


def _is_part(session: Session, contribution: Contribution) -> bool:
    return bool(
        session.scalar(
            select(func.count())
            .select_from(consultation_contribution)
            .where(consultation_contribution.c.contribution_id == contribution.id)
        )
    )


def _points(consultation: Consultation):
    return select(consultation_contribution.c.contribution_id).where(
        consultation_contribution.c.consultation_id == consultation.id
    )


# Themes and "What we heard" ------------------------------------------------------------


def tag(
    session: Session, viewer: Viewer, consultation: Consultation, contribution_id: int, name: str
) -> ConsultationTheme:
    """The commissioner tags a point with a theme (made the first time it is used)."""
    if not core.can_write(viewer, consultation.topic):
        raise NotAllowed(_l("Only commissioners from the topic's organisation tag themes."))
    name = said.checked_text(name, "theme", 80, _l("Write the theme."))
    if contribution_id not in set(session.scalars(_points(consultation))):
        raise DomainError(_l("Choose a point made in this consultation."), field="contribution")
    theme = next((t for t in consultation.themes if t.name.lower() == name.lower()), None)
    if theme is None:
        theme = ConsultationTheme(consultation_id=consultation.id, name=name)
        session.add(theme)
        session.flush()
        session.refresh(consultation, ["themes"])
    already = session.scalar(
        select(func.count())
        .select_from(contribution_theme)
        .where(
            contribution_theme.c.contribution_id == contribution_id,
            contribution_theme.c.theme_id == theme.id,
        )
    )
    if not already:
        session.execute(
            insert(contribution_theme).values(contribution_id=contribution_id, theme_id=theme.id)
        )
    session.flush()
    return theme


@dataclass(frozen=True)
class WhatWeHeard:
    points: Count
    people: Count
    by_route: list[tuple[Source, Count]]
    themes: list[tuple[str, Count]]


def what_we_heard(session: Session, consultation: Consultation) -> WhatWeHeard:
    """Counted in the database: points, different people, routes and themes."""
    part = Contribution.id.in_(_points(consultation)) & Contribution.withdrawn_at.is_(None)
    points, people, groups = session.execute(
        select(
            func.count(Contribution.id),
            func.count(func.distinct(Contribution.author_id)),
            func.count(Contribution.id).filter(Contribution.author_id.is_(None)),
        ).where(part)
    ).one()
    routes = dict(
        session.execute(
            select(Contribution.source, func.count(Contribution.id))
            .where(part)
            .group_by(Contribution.source)
        ).all()
    )
    themes = session.execute(
        select(ConsultationTheme.name, func.count(contribution_theme.c.contribution_id))
        .join(contribution_theme, contribution_theme.c.theme_id == ConsultationTheme.id)
        .where(ConsultationTheme.consultation_id == consultation.id)
        .group_by(ConsultationTheme.name)
        .order_by(func.count(contribution_theme.c.contribution_id).desc(), ConsultationTheme.name)
    ).all()
    return WhatWeHeard(
        points=Count(points),
        people=Count(people + groups),  # each point from a group or unnamed person counts once
        by_route=list(
            zip(Source, parts_of(points, [routes.get(source, 0) for source in Source]), strict=True)
        ),
        themes=[(name, Count(count)) for name, count in themes],
    )


def answered(
    session: Session, viewer: Viewer, consultation: Consultation
) -> list[ContributionView]:
    """The consultation's "you said, we did": its answered points the viewer may read."""
    rows = session.scalars(
        select(Contribution)
        .options(selectinload(Contribution.author), selectinload(Contribution.answers))
        .where(
            Contribution.id.in_(_points(consultation)),
            Contribution.status.in_(OUTCOMES),
            Contribution.visibility != Visibility.PRIVATE,
            Contribution.withdrawn_at.is_(None),
        )
        .order_by(Contribution.last_answered_at, Contribution.id)
    ).all()
    return views_for(session, viewer, list(rows), None)


def waiting_after_reply_by(session: Session, consultation: Consultation, now: datetime) -> int:
    """Points still without an answer after the day we promised to reply by."""
    if now <= _end_of(consultation.reply_by):
        return 0
    return session.scalar(
        select(func.count(Contribution.id)).where(
            Contribution.id.in_(_points(consultation)), Contribution.first_answered_at.is_(None)
        )
    )


# Budgets that change while people are being consulted ---------------------------------


def budget_changes_during(session: Session, consultation: Consultation) -> list[BudgetRevision]:
    """Changes to the topic's budgets made between opening and closing (or now)."""
    return list(
        session.scalars(
            select(BudgetRevision)
            .options(selectinload(BudgetRevision.budget))
            .join(topic_budget, topic_budget.c.budget_id == BudgetRevision.budget_id)
            .where(
                topic_budget.c.topic_id == consultation.topic_id,
                BudgetRevision.is_first.is_(False),
                BudgetRevision.created_at >= consultation.opens_at,
                BudgetRevision.created_at < consultation.closes_at,
            )
            .order_by(BudgetRevision.created_at)
        )
    )


def open_on_budget(session: Session, budget_id: int, now: datetime | None = None) -> bool:
    """Is a consultation open on a topic this budget belongs to?"""
    now = now or utcnow()
    return bool(
        session.scalar(
            select(func.count(Consultation.id))
            .join(topic_budget, topic_budget.c.topic_id == Consultation.topic_id)
            .where(
                topic_budget.c.budget_id == budget_id,
                Consultation.opens_at <= now,
                Consultation.closes_at > now,
            )
        )
    )


def points_for_tagging(
    session: Session, viewer: Viewer, consultation: Consultation
) -> list[Contribution]:
    """For the commissioner: the consultation's points they may read (never private ones)."""
    if not core.can_write(viewer, consultation.topic):
        return []
    return list(
        session.scalars(
            select(Contribution)
            .where(
                Contribution.id.in_(_points(consultation)),
                Contribution.visibility != Visibility.PRIVATE,
            )
            .order_by(Contribution.id)
        )
    )
