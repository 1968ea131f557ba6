"""paper forms: printed contribution forms for meetings and the answers typed back in

Revision ID: 0006_paper_forms
Revises: 0005_contributions
Create Date: 2026-11-25 07:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0006_paper_forms"
down_revision = "0005_contributions"
branch_labels = None
depends_on = None


def _fk(table, column, target, ondelete):
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def _index(table, column, unique=False):
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=unique)


def upgrade():
    op.create_table(
        "paper_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("questions_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("paper_form", "meeting_id", "meeting", "CASCADE"),
        _fk("paper_form", "forum_id", "forum", "CASCADE"),
        _fk("paper_form", "created_by_id", "user", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paper_form")),
        sa.UniqueConstraint("code", name=op.f("uq_paper_form_code")),
    )
    for column in ("meeting_id", "forum_id", "questions_hash"):
        _index("paper_form", column)
    op.create_table(
        "paper_form_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("sheet_number", sa.Integer(), nullable=False),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("purpose_clear", sa.Integer(), nullable=True),
        sa.Column("listened_to", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("paper_form_entry", "form_id", "paper_form", "CASCADE"),
        _fk("paper_form_entry", "entered_by_id", "user", "SET NULL"),
        _fk("paper_form_entry", "member_id", "user", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paper_form_entry")),
        sa.UniqueConstraint("form_id", "sheet_number", name=op.f("uq_paper_form_entry_form_id")),
    )
    _index("paper_form_entry", "form_id")
    op.create_table(
        "paper_form_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_key", sa.String(length=40), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("paper_form_answer", "entry_id", "paper_form_entry", "CASCADE"),
        _fk("paper_form_answer", "contribution_id", "contribution", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paper_form_answer")),
    )
    _index("paper_form_answer", "entry_id")
    _index("paper_form_answer", "contribution_id")


def downgrade():
    op.drop_table("paper_form_answer")
    op.drop_table("paper_form_entry")
    op.drop_table("paper_form")
