"""translations of briefings, meeting purposes and summaries, and answers, by people

Revision ID: 0016_content_translations
Revises: 0015_translations
Create Date: 2026-12-01 22:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0016_content_translations"
down_revision = "0015_translations"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "content_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("translated_by_id", sa.Integer(), nullable=True),
        sa.Column("translated_by_name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["translated_by_id"],
            ["user.id"],
            name=op.f("fk_content_translation_translated_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_translation")),
    )
    op.create_index(
        op.f("ix_content_translation_subject_id"), "content_translation", ["subject_id"]
    )


def downgrade():
    op.drop_index(op.f("ix_content_translation_subject_id"), table_name="content_translation")
    op.drop_table("content_translation")
