"""Which index rows a viewer may find, in SQL, so counts and pages never include more.

These clauses say in SQL what the areas' own checks say in Python (visibility.py,
viewer.py, briefings.can_see, budgets.can_read, topics.can_see, contributions' can_see),
read from the live tables, never from the index. Every hit on a page is then checked
again with those same Python functions (see searching.py), so a clause here can only
ever hide too much, never show too much. A row whose thing is gone matches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, exists, false, or_, select, true
from sqlalchemy.sql.elements import ColumnElement

from forum_site.models import (
    Briefing,
    BriefingStatus,
    Budget,
    Contribution,
    Decision,
    Forum,
    GlossaryEntry,
    Meeting,
    Role,
    SearchEntry,
    SearchKind,
    Visibility,
    briefing_coauthor,
    briefing_forum,
    budget_forum,
    topic_forum,
)
from forum_site.models.meetings import MeetingStatus
from forum_site.services.forums import can_see_forum_clause
from forum_site.services.viewer import Viewer

E = SearchEntry


@dataclass(frozen=True)
class Reach:
    """What of the site's forums this viewer reaches, worked out once from the Viewer."""

    viewer: Viewer
    forum_id: int | None = None  # the "in this forum" filter, a forum the viewer may see

    @property
    def convened(self) -> set[int]:
        return {f for f, role in self.viewer.forum_roles.items() if role == Role.CONVENOR}

    def forum_ok(self) -> ColumnElement:
        """viewer.can_see_forum(Forum): the forums' own rule, the one the forum lists use."""
        return can_see_forum_clause(self.viewer)

    def in_filter(self, forum_id_column) -> ColumnElement:
        return true() if self.forum_id is None else forum_id_column == self.forum_id

    def me(self, column) -> ColumnElement:
        return column == self.viewer.user_id if self.viewer.signed_in else false()


def _meetings(reach: Reach) -> ColumnElement:
    """visibility.can_see_meeting: the forum, and a draft only for convenors/commissioners."""
    drafts = (
        true()
        if reach.viewer.is_admin
        else Meeting.forum_id.in_(reach.convened | set(reach.viewer.commissioned_forum_ids))
    )
    return exists(
        select(Meeting.id)
        .join(Forum, Forum.id == Meeting.forum_id)
        .where(
            Meeting.id == E.object_id,
            reach.forum_ok(),
            reach.in_filter(Meeting.forum_id),
            or_(Meeting.status != MeetingStatus.DRAFT, drafts),
        )
    )


def _linked(reach: Reach, link, key_column) -> ColumnElement:
    """Linked to at least one forum the viewer may see."""
    return exists(
        select(link.c.forum_id)
        .join(Forum, Forum.id == link.c.forum_id)
        .where(link.c[key_column] == E.object_id, reach.forum_ok())
    )


def _linked_to_filter(reach: Reach, link, key_column) -> ColumnElement:
    """Linked to the filter's forum (already checked to be one the viewer may see)."""
    if reach.forum_id is None:
        return true()
    return exists(
        select(link.c.forum_id).where(
            link.c[key_column] == E.object_id, link.c.forum_id == reach.forum_id
        )
    )


def _briefings(reach: Reach) -> ColumnElement:
    """briefings.can_see: published and in a forum the viewer may see, or theirs to edit."""
    viewer = reach.viewer
    if viewer.is_admin:
        editable = true()
    elif viewer.signed_in:
        editable = or_(
            Briefing.author_id == viewer.user_id,
            Briefing.organisation_id.in_(viewer.organisation_ids),
            exists(
                select(briefing_coauthor.c.user_id).where(
                    briefing_coauthor.c.briefing_id == Briefing.id,
                    briefing_coauthor.c.user_id == viewer.user_id,
                )
            ),
        )
    else:
        editable = false()
    published = and_(
        Briefing.status == BriefingStatus.PUBLISHED, _linked(reach, briefing_forum, "briefing_id")
    )
    return and_(
        exists(select(Briefing.id).where(Briefing.id == E.object_id, or_(published, editable))),
        _linked_to_filter(reach, briefing_forum, "briefing_id"),
    )


def _budgets(reach: Reach) -> ColumnElement:
    """budgets.can_read: the organisation's own people, or a linked forum the viewer sees."""
    own = (
        true()
        if reach.viewer.is_admin
        else Budget.organisation_id.in_(reach.viewer.organisation_ids)
    )
    return and_(
        exists(
            select(Budget.id).where(
                Budget.id == E.object_id, or_(own, _linked(reach, budget_forum, "budget_id"))
            )
        ),
        _linked_to_filter(reach, budget_forum, "budget_id"),
    )


def _topics(reach: Reach) -> ColumnElement:
    """topics.can_see: one of its forums is one the viewer may see."""
    return and_(
        _linked(reach, topic_forum, "topic_id"), _linked_to_filter(reach, topic_forum, "topic_id")
    )


def _contributions(reach: Reach) -> ColumnElement:
    """contributions can_see: the forum; a private point only for its author, whoever
    recorded it, and the forum's convenors. Withdrawn points are not found."""
    convenes = true() if reach.viewer.is_admin else Contribution.forum_id.in_(reach.convened)
    return exists(
        select(Contribution.id)
        .join(Forum, Forum.id == Contribution.forum_id)
        .where(
            Contribution.id == E.object_id,
            Contribution.withdrawn_at.is_(None),
            reach.forum_ok(),
            reach.in_filter(Contribution.forum_id),
            or_(
                Contribution.visibility != Visibility.PRIVATE,
                reach.me(Contribution.author_id),
                reach.me(Contribution.recorded_by_id),
                convenes,
            ),
        )
    )


def _decisions(reach: Reach) -> ColumnElement:
    """decisions.get_decision: the decision's forum is one the viewer may see."""
    return exists(
        select(Decision.id)
        .join(Forum, Forum.id == Decision.forum_id)
        .where(Decision.id == E.object_id, reach.forum_ok(), reach.in_filter(Decision.forum_id))
    )


def _glossary(reach: Reach) -> ColumnElement:
    """Everyone may read the glossary; it belongs to no forum."""
    if reach.forum_id is not None:
        return false()
    return exists(select(GlossaryEntry.id).where(GlossaryEntry.id == E.object_id))


CLAUSES = {
    SearchKind.MEETING: _meetings,
    SearchKind.BRIEFING: _briefings,
    SearchKind.BUDGET: _budgets,
    SearchKind.TOPIC: _topics,
    SearchKind.CONTRIBUTION: _contributions,
    SearchKind.DECISION: _decisions,
    SearchKind.GLOSSARY: _glossary,
}


def findable(reach: Reach, kind: SearchKind | None = None) -> ColumnElement:
    """Rows of ``kind`` (or of every kind) this viewer may find."""
    kinds = [kind] if kind else list(CLAUSES)
    return or_(*(and_(E.kind == str(k), CLAUSES[k](reach)) for k in kinds))
