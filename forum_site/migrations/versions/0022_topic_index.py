"""a forum's topics from an index: the "you said, we did" filter (see forum_site/models/indexes.py)

Revision ID: 0022_topic_index
Revises: 0021_glossary_revision
Create Date: 2026-12-04 01:40:00

"""

from alembic import op

revision = "0022_topic_index"
down_revision = "0021_glossary_revision"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_contribution_forum_topic", "contribution", ["forum_id", "topic"])


def downgrade():
    op.drop_index("ix_contribution_forum_topic", table_name="contribution")
