"""easy-read versions edited and checked by a person

Revision ID: 0007_easy_read
Revises: 0006_paper_forms
Create Date: 2026-11-25 07:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0007_easy_read"
down_revision = "0006_paper_forms"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "easy_read_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("edited_by_id", sa.Integer(), nullable=True),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("checked_by_name", sa.String(length=100), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["user.id"],
            name=op.f("fk_easy_read_version_checked_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["edited_by_id"],
            ["user.id"],
            name=op.f("fk_easy_read_version_edited_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_easy_read_version")),
        sa.UniqueConstraint("kind", "subject_id", name=op.f("uq_easy_read_version_kind")),
    )


def downgrade():
    op.drop_table("easy_read_version")
