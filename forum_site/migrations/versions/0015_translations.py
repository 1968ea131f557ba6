"""language reviewers and the interface strings they checked

Revision ID: 0015_translations
Revises: 0007_easy_read
Create Date: 2026-12-01 21:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0015_translations"
down_revision = "0007_easy_read"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "language_reviewer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_language_reviewer_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["granted_by_id"],
            ["user.id"],
            name=op.f("fk_language_reviewer_granted_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_language_reviewer")),
        sa.UniqueConstraint("user_id", "language", name=op.f("uq_language_reviewer_user_id")),
    )
    op.create_table(
        "translation_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("message_key", sa.String(length=64), nullable=False),
        sa.Column("translation_key", sa.String(length=64), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("checked_by_name", sa.String(length=100), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["user.id"],
            name=op.f("fk_translation_check_checked_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translation_check")),
        sa.UniqueConstraint(
            "language",
            "message_key",
            "translation_key",
            name=op.f("uq_translation_check_language"),
        ),
    )


def downgrade():
    op.drop_table("translation_check")
    op.drop_table("language_reviewer")
