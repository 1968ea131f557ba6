"""how to contact a forum: phone, email and postal address (its page and every PDF)

Revision ID: 0020_forum_contact
Revises: 0019_agenda_undo
Create Date: 2026-12-02 18:45:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0020_forum_contact"
down_revision = "0019_agenda_undo"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("forum") as batch:
        batch.add_column(
            sa.Column("contact_phone", sa.String(length=40), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("contact_email", sa.String(length=254), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("contact_address", sa.String(length=300), nullable=False, server_default="")
        )


def downgrade():
    with op.batch_alter_table("forum") as batch:
        batch.drop_column("contact_address")
        batch.drop_column("contact_email")
        batch.drop_column("contact_phone")
