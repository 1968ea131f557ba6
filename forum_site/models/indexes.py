"""Indexes for the filters and sorts the main pages use (issue 20, migrations 0013_indexes and 0022_topic_index).

Each list pages by seeking on its sort key (services/pagination.py), so each has an index
that starts with its filter and ends with its sort: the database reads one page of rows
from the index and never sorts or scans a forum's whole history. Kept in one place so the
reason for each is next to it; ``tests/postgres/test_query_plans.py`` checks the plans.
"""

from __future__ import annotations

from sqlalchemy import Index

from forum_site.models.briefings import briefing_forum
from forum_site.models.budgets import budget_forum
from forum_site.models.contributions import Contribution, ContributionAnswer
from forum_site.models.decisions import Decision, decision_contribution
from forum_site.models.forums import Membership, forum_organisation
from forum_site.models.meetings import Meeting
from forum_site.models.messages import InboxMessage

C = Contribution

INDEXES = (
    # A forum's contributions, newest first (the contributions list and CSV).
    Index("ix_contribution_forum_newest", C.forum_id, C.created_at, C.id),
    # "You said, we did": newest answers first.
    Index("ix_contribution_forum_answered", C.forum_id, C.last_answered_at, C.id),
    # The topics a forum's "you said, we did" can be filtered by (read from the index
    # alone, already in order, instead of visiting each of the forum's rows).
    Index("ix_contribution_forum_topic", C.forum_id, C.topic),
    # Counts per status on forum pages and impact figures.
    Index("ix_contribution_forum_status", C.forum_id, C.status),
    # Waiting too long: unanswered, oldest first, across forums; and counted per forum.
    Index("ix_contribution_unanswered_oldest", C.first_answered_at, C.created_at, C.id),
    Index("ix_contribution_forum_unanswered", C.forum_id, C.first_answered_at, C.answer_due_at),
    Index("ix_contribution_answer_organisation", ContributionAnswer.organisation_id),
    Index("ix_decision_forum_newest", Decision.forum_id, Decision.decided_on, Decision.id),
    Index("ix_decision_contribution_contribution", decision_contribution.c.contribution_id),
    Index("ix_meeting_forum_starts", Meeting.forum_id, Meeting.starts_at, Meeting.id),
    Index("ix_briefing_forum_forum", briefing_forum.c.forum_id, briefing_forum.c.briefing_id),
    Index("ix_budget_forum_forum", budget_forum.c.forum_id, budget_forum.c.budget_id),
    Index(
        "ix_forum_organisation_organisation",
        forum_organisation.c.organisation_id,
        forum_organisation.c.forum_id,
    ),
    Index("ix_membership_forum_role", Membership.forum_id, Membership.role),
    Index(
        "ix_inbox_message_user_newest",
        InboxMessage.user_id,
        InboxMessage.created_at,
        InboxMessage.id,
    ),
)
