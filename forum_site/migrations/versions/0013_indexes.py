"""indexes for the filters and sorts the main pages use (see forum_site/models/indexes.py)

Revision ID: 0013_indexes
Revises: 0010_supported_members
Create Date: 2026-12-01 21:45:00

"""

from alembic import op

revision = "0013_indexes"
down_revision = "0010_supported_members"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_contribution_forum_newest", "contribution", ["forum_id", "created_at", "id"]),
    ("ix_contribution_forum_answered", "contribution", ["forum_id", "last_answered_at", "id"]),
    ("ix_contribution_forum_status", "contribution", ["forum_id", "status"]),
    (
        "ix_contribution_unanswered_oldest",
        "contribution",
        ["first_answered_at", "created_at", "id"],
    ),
    (
        "ix_contribution_forum_unanswered",
        "contribution",
        ["forum_id", "first_answered_at", "answer_due_at"],
    ),
    ("ix_contribution_answer_organisation", "contribution_answer", ["organisation_id"]),
    ("ix_decision_forum_newest", "decision", ["forum_id", "decided_on", "id"]),
    ("ix_decision_contribution_contribution", "decision_contribution", ["contribution_id"]),
    ("ix_meeting_forum_starts", "meeting", ["forum_id", "starts_at", "id"]),
    ("ix_briefing_forum_forum", "briefing_forum", ["forum_id", "briefing_id"]),
    ("ix_budget_forum_forum", "budget_forum", ["forum_id", "budget_id"]),
    ("ix_forum_organisation_organisation", "forum_organisation", ["organisation_id", "forum_id"]),
    ("ix_membership_forum_role", "membership", ["forum_id", "role"]),
    ("ix_inbox_message_user_newest", "inbox_message", ["user_id", "created_at", "id"]),
]


def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade():
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
