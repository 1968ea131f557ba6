"""commissioning topics: stages, involvement agreements, outside pressures, consultations

Revision ID: 0011_topics
Revises: 0009_notifications
Create Date: 2026-12-01 21:12:04.169853

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011_topics"
down_revision = "0009_notifications"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "current_stage",
            sa.Enum(
                "INVOLVEMENT_FRAMEWORK",
                "OPERATING_CONTEXT",
                "NEEDS_ASSESSMENT",
                "OVERALL_BUDGET",
                "STRATEGIC_FRAMEWORK",
                "TEST_AND_REFINE",
                "AGREE_PRIORITIES",
                "DECISION_POINT",
                "PROCUREMENT",
                "IMPLEMENTATION",
                "MONITORING",
                "REVIEW",
                name="cyclestage",
                native_enum=False,
            ),
            nullable=True,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_topic_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_topic_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
    )
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_topic_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "INVOLVEMENT_FRAMEWORK",
                "OPERATING_CONTEXT",
                "NEEDS_ASSESSMENT",
                "OVERALL_BUDGET",
                "STRATEGIC_FRAMEWORK",
                "TEST_AND_REFINE",
                "AGREE_PRIORITIES",
                "DECISION_POINT",
                "PROCUREMENT",
                "IMPLEMENTATION",
                "MONITORING",
                "REVIEW",
                name="cyclestage",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reply_by", sa.Date(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_consultation_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_consultation_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_closes_at"), ["closes_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultation_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "outside_pressure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "NATIONAL_POLICY",
                "LOCAL_POLITICS",
                "MONEY",
                "OTHER",
                name="pressurekind",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["user.id"],
            name=op.f("fk_outside_pressure_recorded_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_outside_pressure_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outside_pressure")),
    )
    with op.batch_alter_table("outside_pressure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outside_pressure_topic_id"), ["topic_id"], unique=False
        )

    op.create_table(
        "stage_agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "INVOLVEMENT_FRAMEWORK",
                "OPERATING_CONTEXT",
                "NEEDS_ASSESSMENT",
                "OVERALL_BUDGET",
                "STRATEGIC_FRAMEWORK",
                "TEST_AND_REFINE",
                "AGREE_PRIORITIES",
                "DECISION_POINT",
                "PROCUREMENT",
                "IMPLEMENTATION",
                "MONITORING",
                "REVIEW",
                name="cyclestage",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("members_asked", sa.Text(), nullable=False),
        sa.Column(
            "influence",
            sa.Enum(
                "TELLING",
                "VIEWS",
                "DECIDE_TOGETHER",
                "YOU_DECIDE",
                name="influencelevel",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("who_decides", sa.String(length=300), nullable=False),
        sa.Column("decides_when", sa.String(length=200), nullable=False),
        sa.Column("not_open", sa.Text(), nullable=False),
        sa.Column("not_open_why", sa.Text(), nullable=False),
        sa.Column("what_changed", sa.Text(), nullable=False),
        sa.Column("written_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_stage_agreement_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["written_by_id"],
            ["user.id"],
            name=op.f("fk_stage_agreement_written_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_agreement")),
        sa.UniqueConstraint(
            "topic_id", "stage", "version", name=op.f("uq_stage_agreement_topic_id")
        ),
    )
    with op.batch_alter_table("stage_agreement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stage_agreement_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "topic_briefing",
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefing.id"],
            name=op.f("fk_topic_briefing_briefing_id_briefing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_topic_briefing_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("briefing_id", name=op.f("pk_topic_briefing")),
    )
    with op.batch_alter_table("topic_briefing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_briefing_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "topic_budget",
        sa.Column("budget_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["budget.id"],
            name=op.f("fk_topic_budget_budget_id_budget"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_topic_budget_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("budget_id", name=op.f("pk_topic_budget")),
    )
    with op.batch_alter_table("topic_budget", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_budget_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "topic_decision",
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_topic_decision_decision_id_decision"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_topic_decision_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_topic_decision")),
    )
    with op.batch_alter_table("topic_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_decision_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "topic_forum",
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forum.id"],
            name=op.f("fk_topic_forum_forum_id_forum"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_topic_forum_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("topic_id", "forum_id", name=op.f("pk_topic_forum")),
    )
    op.create_table(
        "topic_meeting",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_topic_meeting_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_topic_meeting_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_topic_meeting")),
    )
    with op.batch_alter_table("topic_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_meeting_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "topic_stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "INVOLVEMENT_FRAMEWORK",
                "OPERATING_CONTEXT",
                "NEEDS_ASSESSMENT",
                "OVERALL_BUDGET",
                "STRATEGIC_FRAMEWORK",
                "TEST_AND_REFINE",
                "AGREE_PRIORITIES",
                "DECISION_POINT",
                "PROCUREMENT",
                "IMPLEMENTATION",
                "MONITORING",
                "REVIEW",
                name="cyclestage",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_topic_stage_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_stage")),
    )
    with op.batch_alter_table("topic_stage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_stage_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "agreement_sign_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("agreed_by_id", sa.Integer(), nullable=True),
        sa.Column("agreed_by_name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreed_by_id"],
            ["user.id"],
            name=op.f("fk_agreement_sign_off_agreed_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["stage_agreement.id"],
            name=op.f("fk_agreement_sign_off_agreement_id_stage_agreement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_sign_off")),
        sa.UniqueConstraint("agreement_id", name=op.f("uq_agreement_sign_off_agreement_id")),
    )
    op.create_table(
        "consultation_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_question_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_question")),
        sa.UniqueConstraint(
            "consultation_id", "position", name=op.f("uq_consultation_question_consultation_id")
        ),
    )
    with op.batch_alter_table("consultation_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_question_consultation_id"),
            ["consultation_id"],
            unique=False,
        )

    op.create_table(
        "consultation_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_theme_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_theme")),
        sa.UniqueConstraint(
            "consultation_id", "name", name=op.f("uq_consultation_theme_consultation_id")
        ),
    )
    with op.batch_alter_table("consultation_theme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_theme_consultation_id"), ["consultation_id"], unique=False
        )

    op.create_table(
        "consultation_contribution",
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_contribution_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contribution.id"],
            name=op.f("fk_consultation_contribution_contribution_id_contribution"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["consultation_question.id"],
            name=op.f("fk_consultation_contribution_question_id_consultation_question"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("contribution_id", name=op.f("pk_consultation_contribution")),
    )
    with op.batch_alter_table("consultation_contribution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_contribution_consultation_id"),
            ["consultation_id"],
            unique=False,
        )

    op.create_table(
        "contribution_theme",
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contribution.id"],
            name=op.f("fk_contribution_theme_contribution_id_contribution"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["consultation_theme.id"],
            name=op.f("fk_contribution_theme_theme_id_consultation_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contribution_id", "theme_id", name=op.f("pk_contribution_theme")),
    )


def downgrade():
    op.drop_table("contribution_theme")
    with op.batch_alter_table("consultation_contribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_contribution_consultation_id"))

    op.drop_table("consultation_contribution")
    with op.batch_alter_table("consultation_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_theme_consultation_id"))

    op.drop_table("consultation_theme")
    with op.batch_alter_table("consultation_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_question_consultation_id"))

    op.drop_table("consultation_question")
    op.drop_table("agreement_sign_off")
    with op.batch_alter_table("topic_stage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_stage_topic_id"))

    op.drop_table("topic_stage")
    with op.batch_alter_table("topic_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_meeting_topic_id"))

    op.drop_table("topic_meeting")
    op.drop_table("topic_forum")
    with op.batch_alter_table("topic_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_decision_topic_id"))

    op.drop_table("topic_decision")
    with op.batch_alter_table("topic_budget", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_budget_topic_id"))

    op.drop_table("topic_budget")
    with op.batch_alter_table("topic_briefing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_briefing_topic_id"))

    op.drop_table("topic_briefing")
    with op.batch_alter_table("stage_agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_agreement_topic_id"))

    op.drop_table("stage_agreement")
    with op.batch_alter_table("outside_pressure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outside_pressure_topic_id"))

    op.drop_table("outside_pressure")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_topic_id"))
        batch_op.drop_index(batch_op.f("ix_consultation_closes_at"))

    op.drop_table("consultation")
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_organisation_id"))

    op.drop_table("topic")
