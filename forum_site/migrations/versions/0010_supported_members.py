"""supported members: accounts without email, sign-in cards, venue computers, letters, attendance

Revision ID: 0010_supported_members
Revises: 0008_easy_read_facts
Create Date: 2026-12-01 20:58:48.671827


A member a convenor makes an account for may have no email address, so user.email may be
empty (still unique where present: NULLs never clash, on SQLite or PostgreSQL).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_supported_members"
down_revision = "0008_easy_read_facts"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column(
            "reach_by",
            sa.Enum("CONVENOR", "POST", "PHONE", name="reachby", native_enum=False),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("easy_read_body", sa.Text(), nullable=False),
        sa.Column("easy_read", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "WAITING",
                "HANDED_OUT",
                "POSTED",
                "READ_OUT",
                name="letterstatus",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"], ["forum.id"], name=op.f("fk_letter_forum_id_forum"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sent_by_id"], ["user.id"], name=op.f("fk_letter_sent_by_id_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_letter_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter")),
    )
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letter_forum_id"), ["forum_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_letter_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_letter_user_id"), ["user_id"], unique=False)

    op.create_table(
        "sign_in_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("pin_hash", sa.String(length=255), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("wrong_pins", sa.Integer(), nullable=False),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["issued_by_id"],
            ["user.id"],
            name=op.f("fk_sign_in_card_issued_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_sign_in_card_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_card")),
        sa.UniqueConstraint("code", name=op.f("uq_sign_in_card_code")),
    )
    with op.batch_alter_table("sign_in_card", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_card_user_id"), ["user_id"], unique=False)

    op.create_table(
        "supported_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column(
            "reach_by",
            sa.Enum("CONVENOR", "POST", "PHONE", name="reachby", native_enum=False),
            nullable=False,
        ),
        sa.Column("postal_address", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("consent_from", sa.String(length=200), nullable=False),
        sa.Column(
            "consent_how",
            sa.Enum("IN_PERSON", "PHONE", "PAPER", name="consenthow", native_enum=False),
            nullable=False,
        ),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("taken_over_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forum.id"],
            name=op.f("fk_supported_account_forum_id_forum"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["user.id"],
            name=op.f("fk_supported_account_recorded_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_supported_account_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supported_account")),
    )
    with op.batch_alter_table("supported_account", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supported_account_forum_id"), ["forum_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supported_account_user_id"), ["user_id"], unique=True)

    op.create_table(
        "venue_computer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("idle_minutes", sa.Integer(), nullable=False),
        sa.Column("set_up_by_id", sa.Integer(), nullable=True),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forum.id"],
            name=op.f("fk_venue_computer_forum_id_forum"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["set_up_by_id"],
            ["user.id"],
            name=op.f("fk_venue_computer_set_up_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venue_computer")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_venue_computer_secret_hash")),
    )
    with op.batch_alter_table("venue_computer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_venue_computer_forum_id"), ["forum_id"], unique=False)

    op.create_table(
        "meeting_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("came", sa.Boolean(), nullable=False),
        sa.Column("expenses_pence", sa.Integer(), nullable=True),
        sa.Column("expenses_note", sa.String(length=300), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["user.id"],
            name=op.f("fk_meeting_attendance_recorded_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_meeting_attendance_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint("meeting_id", "user_id", name=op.f("uq_meeting_attendance_meeting_id")),
    )
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendance_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_attendance_user_id"), ["user_id"], unique=False
        )

    _email_nullable(True)


def downgrade():
    _email_nullable(False)

    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_user_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_meeting_id"))

    op.drop_table("meeting_attendance")
    with op.batch_alter_table("venue_computer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venue_computer_forum_id"))

    op.drop_table("venue_computer")
    with op.batch_alter_table("supported_account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supported_account_user_id"))
        batch_op.drop_index(batch_op.f("ix_supported_account_forum_id"))

    op.drop_table("supported_account")
    with op.batch_alter_table("sign_in_card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_card_user_id"))

    op.drop_table("sign_in_card")
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letter_user_id"))
        batch_op.drop_index(batch_op.f("ix_letter_status"))
        batch_op.drop_index(batch_op.f("ix_letter_forum_id"))

    op.drop_table("letter")


def _email_nullable(nullable: bool) -> None:
    """On SQLite, batch mode would copy and drop the user table, and with foreign keys on,
    dropping it deletes every row that cascades from a user. Removing or adding NOT NULL
    changes nothing on disk, so SQLite's documented in-place schema edit is used instead."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.alter_column("user", "email", existing_type=sa.String(254), nullable=nullable)
        return
    old, new = "email VARCHAR(254) NOT NULL,", "email VARCHAR(254),"
    if not nullable:
        old, new = new, old
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'user'",
        (old, new),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema=OFF")
