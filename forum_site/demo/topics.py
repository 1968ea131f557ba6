"""Demo topic: Northbridge's day services from April, followed round the cycle, with each
stage's involvement agreement (one changed after the budget cut), outside pressures, and
the meeting, briefing and budget that belong to it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.demo import topics_consultation as consultation
from forum_site.demo import topics_vote
from forum_site.models import Briefing, Budget, Meeting, PressureKind
from forum_site.models.meetings import CycleStage, InfluenceLevel
from forum_site.services.topics import agreements, core
from forum_site.services.topics.agreements import AgreementDraft
from forum_site.services.viewer import load_viewer

# The stages so far, with how many days ago each started. Agreeing priorities comes next:
# its agreement is written ahead of the meeting and not agreed yet.
STAGES = [
    (CycleStage.INVOLVEMENT_FRAMEWORK, 220),
    (CycleStage.OPERATING_CONTEXT, 190),
    (CycleStage.NEEDS_ASSESSMENT, 150),
    (CycleStage.OVERALL_BUDGET, 100),
    (CycleStage.STRATEGIC_FRAMEWORK, 70),
    (CycleStage.TEST_AND_REFINE, 45),
]

AGREEMENTS = [
    # stage, days ago written, days ago agreed (None: not yet), the agreement
    (
        CycleStage.INVOLVEMENT_FRAMEWORK,
        218,
        215,
        AgreementDraft(
            members_asked="How you want to be involved in planning day services: how often "
            "we meet, where, and what help you need to take part.",
            influence=InfluenceLevel.DECIDE_TOGETHER,
            who_decides="The forum and the council's day services team, together",
            decides_when="At the forum meeting in the first month",
        ),
    ),
    (
        CycleStage.TEST_AND_REFINE,
        44,
        42,
        AgreementDraft(
            members_asked="Try out three ideas for the new day services and tell us what "
            "works: Saturday sessions, more activities in the community, and a booking app.",
            influence=InfluenceLevel.VIEWS,
            who_decides="The Head of adult social care",
            decides_when="By the end of next month",
            not_open="Closing one of the three day centres.",
            not_open_why="All three buildings are needed until the new contract starts.",
        ),
    ),
    (
        CycleStage.TEST_AND_REFINE,
        5,
        4,
        AgreementDraft(
            members_asked="Try out two ideas and tell us what works: Saturday sessions and "
            "more activities in the community. We also want to know which activities matter "
            "most now that there is less money for them.",
            influence=InfluenceLevel.VIEWS,
            who_decides="The Head of adult social care",
            decides_when="By the end of next month",
            not_open="Closing one of the three day centres, and the booking app.",
            not_open_why="All three buildings are needed until the new contract starts. The "
            "booking app was stopped when the budget was cut.",
            what_changed="The budget was cut, so the booking app is no longer an idea to try.",
        ),
    ),
    (
        CycleStage.AGREE_PRIORITIES,
        3,
        None,
        AgreementDraft(
            members_asked="Put the activities in order: which matter most to you, and which "
            "could stop if the money runs short.",
            influence=InfluenceLevel.DECIDE_TOGETHER,
            who_decides="The forum and the council, together; the council's cabinet signs it off",
            decides_when="At the cabinet meeting after the forum meets",
            not_open="The total amount of money for day services.",
            not_open_why="The council set its overall budget in March.",
        ),
    ),
]


def _ago(days: int) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days), time(10), tzinfo=UTC)


def seed(session: Session, base) -> None:
    council = load_viewer(session, base.users["commissioner"])
    convenor = load_viewer(session, base.users["convenor"])
    forum = base.forums["ld"]
    first, started = STAGES[0]
    topic = core.create_topic(
        session,
        council,
        forum,
        core.TopicDraft(
            title="Day services from April",
            summary="How day services for adults with learning disabilities will work from "
            "next April: what the centres offer, how people get there, and what it costs.",
            stage=first,
            started_on=date.today() - timedelta(days=started),
        ),
    )
    for stage, days in STAGES[1:]:
        core.move_to_stage(session, council, topic, stage, date.today() - timedelta(days=days))
    for stage, written, agreed, draft in AGREEMENTS:
        agreement = agreements.write_agreement(session, council, topic, stage, draft, _ago(written))
        if agreed is not None:
            agreements.agree(session, convenor, agreement, _ago(agreed))
    _pressures(session, council, topic)
    _links(session, council, topic, forum)
    consultation.seed(session, base, topic)
    topics_vote.seed(session, base)


def _pressures(session, council, topic) -> None:
    core.add_pressure(
        session,
        council,
        topic,
        kind=PressureKind.NATIONAL_POLICY,
        title="New national guidance: more day activities out in the community",
        details="Day services are expected to offer more activities away from the centres.",
        happened_on=date.today() - timedelta(days=160),
    )
    core.add_pressure(
        session,
        council,
        topic,
        kind=PressureKind.MONEY,
        title="The council must save money across all its services next year",
        details="Every department has been asked to find savings, including adult social care.",
        happened_on=date.today() - timedelta(days=8),
    )


def _links(session, council, topic, forum) -> None:
    meetings = session.scalars(
        select(Meeting.id).where(Meeting.forum_id == forum.id, Meeting.title.like("Day services%"))
    ).all()
    briefings = session.scalars(
        select(Briefing.id).where(Briefing.title.like("%day centre%"))
    ).all()
    budgets = session.scalars(select(Budget.id).where(Budget.title.like("Day services%"))).all()
    core.set_links(
        session,
        council,
        topic,
        {"meetings": list(meetings), "briefings": list(briefings), "budgets": list(budgets)},
    )
