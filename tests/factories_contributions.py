"""Records for the contributions and decision-log tests. Nothing here commits."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from forum_site.models import (
    Contribution,
    ContributionSupport,
    Decision,
    DecisionMaker,
    Source,
    Status,
    Visibility,
)
from forum_site.models.meetings import CycleStage
from forum_site.services.contributions import answers as contributions_answers
from forum_site.services.viewer import load_viewer

_counter = itertools.count(1)
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def make_contribution(
    session,
    forum,
    author=None,
    *,
    text: str | None = None,
    visibility: Visibility = Visibility.SHARED,
    made_at: datetime = START,
    response_days: int = 28,
    topic: str = "",
    group: bool = False,
    recorded_by=None,
    source: Source = Source.ONLINE,
    **extra,
) -> Contribution:
    contribution = Contribution(
        forum_id=forum.id,
        author_id=author.id if author else None,
        recorded_by_id=recorded_by.id if recorded_by else None,
        from_whole_group=group,
        source=source,
        text=text or f"Point number {next(_counter)} about the day centre.",
        visibility=visibility,
        topic=topic,
        status=Status.RECEIVED,
        created_at=made_at,
        answer_due_at=made_at + timedelta(days=response_days),
        **extra,
    )
    session.add(contribution)
    session.flush()
    return contribution


def support(session, contribution, *users) -> None:
    for user in users:
        session.add(ContributionSupport(contribution_id=contribution.id, user_id=user.id))
    session.flush()


def answer(session, commissioner, contribution, status, *, at: datetime, text="", **details):
    """Answer as this commissioner at a known time (through the real service)."""
    viewer = load_viewer(session, commissioner)
    return contributions_answers.answer_contribution(
        session,
        viewer,
        contribution,
        status=status,
        answer=text or f"Answer: {status}.",
        now=at,
        **details,
    )


def take_to(session, commissioner, contribution, outcome, *, first_at, final_at, **details):
    """received -> being considered -> outcome, at the given times."""
    answer(session, commissioner, contribution, Status.CONSIDERING, at=first_at)
    return answer(session, commissioner, contribution, outcome, at=final_at, **details)


def make_decision(
    session,
    forum,
    *,
    title="Keep the Mill Lane day centre open",
    logged_by=None,
    contributions=(),
    decided_on=date(2026, 4, 1),
) -> Decision:
    decision = Decision(
        forum_id=forum.id,
        title=title,
        details="",
        decided_by=DecisionMaker.CABINET,
        decided_by_name="Cabinet",
        decided_on=decided_on,
        stage=CycleStage.DECISION_POINT,
        other_input="",
        logged_by_id=logged_by.id if logged_by else None,
        contributions=list(contributions),
    )
    session.add(decision)
    session.flush()
    return decision
