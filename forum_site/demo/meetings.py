"""Demo meetings, in our own words: one coming up with a full agenda, one in the past with
a debrief and reviews, one draft, and one in the private forum."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from forum_site.models.meetings import (
    AccessAnswer,
    AgendaItem,
    ClosedTopic,
    CycleStage,
    InfluenceLevel,
    Meeting,
    MeetingAction,
    MeetingQuestion,
    MeetingReply,
    MeetingReview,
    MeetingStatus,
    PrepTask,
    ReplyAnswer,
)
from forum_site.services.meetings import DEFAULT_CHECKLIST

LONDON = ZoneInfo("Europe/London")


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    """A London wall-clock time ``days`` from today, stored in UTC."""
    day = date.today() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON).astimezone(UTC)


HALL = {
    "venue_name": "Northbridge Community Hub, Room 2",
    "venue_address": "14 Mill Lane\nNorthbridge\nNB2 4QT",
    "step_free": AccessAnswer.YES,
    "hearing_loop": AccessAnswer.YES,
    "accessible_toilet": AccessAnswer.YES,
    "quiet_room": AccessAnswer.YES,
    "parking": AccessAnswer.NO,
    "access_notes": "Room 2 is on the ground floor. There is a ramp at the side door.",
    "public_transport": "Buses 7 and 31 stop outside the library, 2 minutes away on foot.",
    "on_arrival": "Grace will meet you at the front desk from 1:30pm. Tea and biscuits first.",
    "contact_on_the_day": "Grace Mensah, 07700 900123 (call or text)",
}
MONEY = {
    "paid_for_time": True,
    "payment_details": "£20 for the afternoon, paid by bank transfer or as a voucher.",
    "expenses_travel": True,
    "expenses_lunch": True,
    "expenses_carer": True,
    "how_to_claim": "Fill in the yellow form on the day, or tell Grace by phone within a month.",
}


def seed(session: Session, base) -> None:
    users, forums = base.users, base.forums
    upcoming = _upcoming(session, forums["ld"], users)
    past = _past(session, forums["ld"], users)
    _draft(session, forums["older"], users)
    _private(session, forums["hiv"], users)
    for meeting in (upcoming, past):
        for position, label in enumerate(DEFAULT_CHECKLIST, start=1):
            session.add(
                PrepTask(meeting_id=meeting.id, position=position, label=label, done=position < 3)
            )
    session.flush()


def _upcoming(session: Session, forum, users) -> Meeting:
    meeting = Meeting(
        forum_id=forum.id,
        title="Day services: choosing what comes next",
        starts_at=_at(16, 14),
        ends_at=_at(16, 16),
        status=MeetingStatus.PUBLISHED,
        published_at=datetime.now(UTC),
        created_by_id=users["convenor"].id,
        purpose=(
            "The council is changing how day services work from next April. "
            "We want to hear what matters most to you, so the new plan fits the people who use it."
        ),
        cycle_stage=CycleStage.AGREE_PRIORITIES,
        outside_pressures=(
            "The council must save money across all its services next year. "
            "A new national rule says day services must offer more activities in the community."
        ),
        joining_details="You can also join by phone: 0300 555 0142, code 4471.",
        **HALL,
        **MONEY,
    )
    session.add(meeting)
    session.flush()
    items = [
        ("How the new booking system works", InfluenceLevel.TELLING,
         "Listen and ask questions if anything is unclear.",
         "The booking system was bought last year, so this is about how to use it.",
         "Council officers", "Already decided in January"),
        ("Which activities to offer on Fridays", InfluenceLevel.VIEWS,
         "Tell us which three activities you would most like.",
         "", "Head of Adult Social Care", "By 30 April"),
        ("Rules for the new members' kitchen", InfluenceLevel.DECIDE_TOGETHER,
         "Help write the rules with staff at the meeting.",
         "We will agree the rules in the room, with staff and members having an equal say.",
         "The forum and day service staff together", "At this meeting"),
        ("How to spend the £3,000 activities fund", InfluenceLevel.YOU_DECIDE,
         "Choose how the fund is spent. Staff will do what members vote for.",
         "", "Forum members", "At this meeting, by a show of hands"),
    ]  # fmt: skip
    for position, (title, level, want, explain, who, when) in enumerate(items, start=1):
        session.add(
            AgendaItem(
                meeting_id=meeting.id, position=position, title=title, influence=level,
                what_we_want=want, influence_explanation=explain, decision_maker=who,
                decision_when=when,
            )
        )  # fmt: skip
    for position, (topic, reason) in enumerate(
        [
            ("The Elm Road centre will close.",
             "The full council voted on this in November. It cannot be changed at this meeting."),
            ("The total day services budget",
             "The budget for next year is set by the council in February, before this meeting."),
        ],
        start=1,
    ):  # fmt: skip
        session.add(
            ClosedTopic(meeting_id=meeting.id, position=position, topic=topic, reason=reason)
        )
    session.add_all(
        [
            MeetingReply(meeting_id=meeting.id, user_id=users["member"].id,
                         answer=ReplyAnswer.GOING, easy_read_papers=True, support_worker=True),
            MeetingReply(meeting_id=meeting.id, user_id=users["member2"].id,
                         answer=ReplyAnswer.GOING, bsl_interpreter=True, large_print=True),
            MeetingReply(meeting_id=meeting.id, user_id=users["member3"].id,
                         answer=ReplyAnswer.MAYBE, language="Twi",
                         other_needs="I need to sit near the door."),
            MeetingQuestion(meeting_id=meeting.id, author_id=users["member"].id,
                            body="Will the Friday bus still pick people up from home?"),
            MeetingQuestion(meeting_id=meeting.id, author_id=users["member2"].id, is_private=True,
                            body="I find it hard to speak up when staff from my centre are in "
                            "the room. Can I give my views to you beforehand?"),
        ]
    )  # fmt: skip
    return meeting


def _past(session: Session, forum, users) -> Meeting:
    meeting = Meeting(
        forum_id=forum.id,
        title="Getting to appointments: transport review",
        starts_at=_at(-21, 13, 30),
        ends_at=_at(-21, 15, 30),
        status=MeetingStatus.PUBLISHED,
        published_at=datetime.now(UTC) - timedelta(days=50),
        created_by_id=users["convenor"].id,
        purpose="To tell the council what works and what does not about the door-to-door bus.",
        cycle_stage=CycleStage.REVIEW,
        everything_open=True,
        **HALL,
        **MONEY,
        attended_count=14,
        attendance_notes="12 members, 2 supporters. One person joined by phone.",
        debrief_summary=(
            "We talked about the door-to-door bus.\n\n"
            "- Many people said the bus often comes late.\n"
            "- The council agreed to text people when the bus is running late.\n"
            "- They will tell us in June if the texts have helped."
        ),
        debrief_published_at=datetime.now(UTC) - timedelta(days=18),
    )
    session.add(meeting)
    session.flush()
    item = AgendaItem(
        meeting_id=meeting.id, position=1, title="What is working with the door-to-door bus",
        influence=InfluenceLevel.VIEWS, what_we_want="Tell us your stories, good and bad.",
        decision_maker="Transport commissioner", decision_when="By the end of May",
        what_happened="Members shared 20 stories. Late pick-ups came up most.",
        what_was_decided="The council will trial text alerts for late buses.",
    )  # fmt: skip
    session.add(item)
    session.flush()
    session.add(
        MeetingAction(
            meeting_id=meeting.id, agenda_item_id=item.id, who="Priya Shah (council)",
            what="Set up text alerts for late buses and report back.",
            by_when=date.today() + timedelta(days=40),
        )
    )  # fmt: skip
    for key, clear, listened in (("member", 3, 3), ("member2", 3, 2), ("member3", 2, 1)):
        session.add(
            MeetingReview(
                meeting_id=meeting.id, user_id=users[key].id,
                purpose_clear=clear, listened_to=listened,
            )
        )  # fmt: skip
        session.add(
            MeetingReply(meeting_id=meeting.id, user_id=users[key].id, answer=ReplyAnswer.GOING)
        )
    return meeting


def _draft(session: Session, forum, users) -> Meeting:
    meeting = Meeting(
        forum_id=forum.id,
        title="Falls prevention classes: where and when",
        starts_at=_at(40, 10, 30),
        ends_at=_at(40, 12),
        status=MeetingStatus.DRAFT,
        created_by_id=users["commissioner"].id,
        purpose="",
        cycle_stage=CycleStage.NEEDS_ASSESSMENT,
        venue_name="St Anne's Church Hall",
    )
    session.add(meeting)
    session.flush()
    session.add(
        AgendaItem(
            meeting_id=meeting.id, position=1, title="Where classes should be held",
            influence=InfluenceLevel.VIEWS, decision_maker="Public health team",
            decision_when="Summer",
        )
    )  # fmt: skip
    return meeting


def _private(session: Session, forum, users) -> Meeting:
    meeting = Meeting(
        forum_id=forum.id,
        title="Clinic opening hours",
        starts_at=_at(9, 18),
        ends_at=_at(9, 19, 30),
        status=MeetingStatus.PUBLISHED,
        published_at=datetime.now(UTC),
        created_by_id=users["hiv_convenor"].id,
        purpose="The clinic wants to know if evening appointments would help you.",
        cycle_stage=CycleStage.NEEDS_ASSESSMENT,
        everything_open=True,
        joining_details="Online only. The link is sent to members the day before.",
        paid_for_time=False,
        how_to_claim="No costs to claim: this meeting is online.",
    )
    session.add(meeting)
    session.flush()
    session.add(
        AgendaItem(
            meeting_id=meeting.id, position=1, title="Evening and weekend appointments",
            influence=InfluenceLevel.VIEWS, decision_maker="NHS sexual health service",
            decision_when="September",
        )
    )  # fmt: skip
    return meeting
