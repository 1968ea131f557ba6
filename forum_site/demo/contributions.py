"""Demo contributions, answers and decisions, in our own words.

Every outcome appears at least once, with one anonymous point, one private to the
convenor, one typed in from a paper form, one overdue, some "me too" support, a
correction, and two decisions that link back to what members said.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Meeting, Source, Status, Visibility
from forum_site.models.base import utcnow
from forum_site.models.meetings import CycleStage
from forum_site.services import contributions as said
from forum_site.services import decisions
from forum_site.services.contributions import answers
from forum_site.services.viewer import load_viewer


def seed(session: Session, base) -> None:
    people = {key: load_viewer(session, user) for key, user in base.users.items()}
    _learning_disability(session, base, people)
    _older_people(session, base, people)
    _positive_voices(session, base, people)


def _ago(days: float):
    return utcnow() - timedelta(days=days)


def _move(session, viewer, contribution, status, text, days_ago, **details):
    return answers.answer_contribution(
        session, viewer, contribution, status=status, answer=text, now=_ago(days_ago), **details
    )


def _first_meeting(session, forum) -> int | None:
    return session.scalar(
        select(Meeting.id).where(Meeting.forum_id == forum.id).order_by(Meeting.starts_at)
    )


def _learning_disability(session, base, people) -> None:
    forum = base.forums["ld"]
    council = people["commissioner"]
    minibus = said.contribute(
        session,
        people["member"],
        forum,
        text="The minibus to the Mill Lane day centre often comes after 10 o'clock, "
        "so we miss the start of the morning group.",
        topic="Transport",
        target=said.Target(meeting_id=_first_meeting(session, forum)),
        now=_ago(70),
    )
    said.support(session, people["member2"], minibus)
    timetable = decisions.log_decision(
        session,
        council,
        forum,
        decisions.DecisionDraft(
            title="New minibus timetable for Mill Lane day centre",
            details="The transport contract now asks for pick-ups to finish by 9:30.",
            decided_by="officer",
            decided_by_name="Head of adult social care transport",
            decided_on=date.today() - timedelta(days=40),
            stage=CycleStage.PROCUREMENT,
            contribution_ids=(minibus.id,),
        ),
    )
    _move(session, council, minibus, Status.CONSIDERING, "We are talking to the bus company.", 62)
    _move(
        session,
        council,
        minibus,
        Status.CHANGED,
        "The bus company has a new timetable. Pick-ups now finish by half past nine.",
        38,
        what_changed="Earlier pick-ups written into the transport contract.",
        decision_id=timetable.id,
    )
    letters = said.contribute(
        session,
        people["member2"],
        forum,
        text="Please send letters about care reviews in easy read. "
        "The ones we get are four pages of small print.",
        topic="Letters",
        now=_ago(50),
    )
    said.support(session, people["member"], letters)
    _move(session, council, letters, Status.CONSIDERING, "We are checking our letters.", 45)
    _move(
        session,
        council,
        letters,
        Status.PARTLY,
        "Review letters now come with a one-page easy-read summary. "
        "The full letter is still long because the law says what it must contain.",
        30,
        what_changed="A one-page easy-read summary goes with every review letter.",
    )
    quiet = said.contribute(
        session,
        people["member"],
        forum,
        text="Some staff at the respite house talk over us and make choices for us.",
        visibility=Visibility.ANONYMOUS,
        topic="Respite",
        now=_ago(12),
    )
    _move(
        session,
        council,
        quiet,
        Status.CONSIDERING,
        "Thank you for telling us. We have asked the provider to meet the forum.",
        9,
    )
    said.contribute(
        session,
        people["member2"],
        forum,
        text="I do not feel safe on the late bus home after the evening group.",
        visibility=Visibility.PRIVATE,
        now=_ago(3),
    )
    _saturday(session, forum, people)


def _saturday(session, forum, people) -> None:
    """A paper form typed in by the convenor, answered, then corrected."""
    saturday = said.record_for_member(
        session,
        people["convenor"],
        forum,
        text="Could the day centre open one Saturday a month? Weekends are long.",
        member_id=people["member"].user_id,
        source=Source.PAPER_FORM,
        consent_given=True,
        topic="Day centres",
        now=_ago(45),
    )
    council = people["commissioner"]
    _move(session, council, saturday, Status.CONSIDERING, "We are looking at staff rotas.", 40)
    wrong = _move(
        session,
        council,
        saturday,
        Status.NOT_TAKEN_FORWARD,
        "We cannot open on Saturdays this year.",
        33,
        reason="There is no money for weekend staff in this year's budget.",
    )
    _move(
        session,
        council,
        saturday,
        Status.ALREADY_HAPPENING,
        "Sorry, we got this wrong. The Hub on Station Road already runs a Saturday club "
        "once a month, and forum members are welcome.",
        31,
        corrects_id=wrong.id,
        correction_reason="Our first answer missed the Saturday club, which is paid "
        "for from a different budget.",
    )


def _older_people(session, base, people) -> None:
    forum = base.forums["older"]
    nhs = people["nhs_commissioner"]
    transport = said.contribute(
        session,
        people["member3"],
        forum,
        text="Hospital transport must be booked by 2pm the day before. "
        "Appointment letters often arrive too late for that.",
        topic="Hospital transport",
        now=_ago(60),
    )
    _move(session, nhs, transport, Status.CONSIDERING, "We asked the transport service.", 50)
    _move(
        session,
        nhs,
        transport,
        Status.NOT_TAKEN_FORWARD,
        "We cannot move the booking time.",
        41,
        reason="Drivers and routes are planned the afternoon before. A later cut-off "
        "would mean fewer people get a seat. Ring the booking line and say your letter "
        "came late: they keep a few places for this.",
    )
    falls = said.contribute(
        session,
        people["member2"],
        forum,
        text="Please hold the falls classes at the library too, not only at the leisure "
        "centre. The library is on the bus route.",
        topic="Falls prevention",
        now=_ago(55),
    )
    said.support(session, people["member3"], falls)
    classes = decisions.log_decision(
        session,
        people["commissioner"],
        forum,
        decisions.DecisionDraft(
            title="Falls prevention classes added at Northbridge Library",
            details="A second weekly class runs at the library from next month.",
            decided_by="board",
            decided_by_name="Healthy Ageing Partnership Board",
            decided_on=date.today() - timedelta(days=20),
            stage=CycleStage.IMPLEMENTATION,
            contribution_ids=(falls.id, transport.id),
            other_input="Members also said the leisure centre changing rooms are cold.",
        ),
    )
    council = people["commissioner"]
    _move(session, council, falls, Status.CONSIDERING, "We are asking the library.", 35)
    _move(
        session,
        council,
        falls,
        Status.CHANGED,
        "Yes. There will be a class at the library every Thursday morning.",
        18,
        what_changed="A weekly falls class at Northbridge Library.",
        decision_id=classes.id,
    )
    said.contribute(
        session,
        people["member3"],
        forum,
        text="Home care visits are cut short. My lunch visit is often 15 minutes.",
        topic="Home care",
        now=_ago(41),  # no answer yet: past the 28 days promised
    )
    said.record_for_member(
        session,
        people["convenor"],
        forum,
        text="The whole forum asked for lunch club prices to stay at £4 a meal.",
        member_id=None,
        source=Source.AT_MEETING,
        consent_given=False,
        topic="Lunch clubs",
        now=_ago(2),
    )


def _positive_voices(session, base, people) -> None:
    forum = base.forums["hiv"]
    clinic = said.contribute(
        session,
        people["member3"],
        forum,
        text="The clinic's evening slots go in minutes. Please add a Saturday morning clinic.",
        visibility=Visibility.ANONYMOUS,
        topic="Clinic times",
        now=_ago(20),
    )
    _move(
        session,
        people["nhs_commissioner"],
        clinic,
        Status.CONSIDERING,
        "We are counting how many people are turned away each week.",
        10,
    )
