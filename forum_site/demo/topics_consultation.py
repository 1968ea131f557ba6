"""Demo consultation on the day services topic: it opened three weeks ago and closed
yesterday. The budget was cut while it was open, members told us online, on paper, at a
meeting and by phone, the commissioner tagged themes and answered some points."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from forum_site.models import Source, Status, Visibility
from forum_site.services.contributions import answers
from forum_site.services.topics import consultations
from forum_site.services.viewer import load_viewer

QUESTIONS = (
    "Which activities at the day centres matter most to you?",
    "Would you use the centre on a Saturday?",
    "How do you get to the centre, and what would make it easier?",
)

# who, how, what, theme
SAID = [
    ("member", Source.ONLINE, "Art and music on Fridays matter most to me.", "Activities"),
    ("member2", Source.ONLINE, "Yes, Saturdays would help my mum, who cares for me.", "Saturdays"),
    (None, Source.PAPER_FORM, "Keep the swimming trips. They keep me well.", "Activities"),
    (None, Source.PAPER_FORM, "The minibus is often late, so I miss the start.", "Transport"),
    (None, Source.PAPER_FORM, "Saturday is when my support worker is off, so no.", "Saturdays"),
    (None, Source.PAPER_FORM, "Cooking club, please. I want to learn to cook for myself.", "Activities"),
    (None, Source.PAPER_FORM, "Keep the garden group at Riverside.", "Activities"),
    (None, Source.AT_MEETING, "Ask us before you cut activities, not after.", "Money"),
    (None, Source.AT_MEETING, "More trips out in town, like the national guidance says.", "Activities"),
    (None, Source.PHONE_CALL, "I cannot use the bus on my own. I need the door-to-door one.", "Transport"),
]  # fmt: skip


def _ago(days: float) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) - timedelta(days=days)


def seed(session: Session, base, topic) -> None:
    council = load_viewer(session, base.users["commissioner"])
    found = consultations.create_consultation(
        session,
        council,
        topic,
        consultations.ConsultationDraft(
            title="Day services: what should we keep?",
            why="We are testing ideas for the new day services and want to know what matters.",
            questions=QUESTIONS,
            opens_at=_ago(21),
            closes_at=_ago(1),
            reply_by=date.today() + timedelta(days=20),
        ),
    )
    forum = base.forums["ld"]
    points = []
    for n, (who, route, text, theme) in enumerate(SAID):
        viewer = load_viewer(session, base.users[who or "convenor"])
        point = consultations.take_part(
            session, viewer, found, forum, text=text, source=route,
            question_id=found.questions[n % len(QUESTIONS)].id,
            visibility=Visibility.SHARED, now=_ago(19 - n * 1.5),
        )  # fmt: skip
        consultations.tag(session, council, found, point.id, theme)
        points.append(point)
    _answer(session, council, points)
    _open_now(session, council, topic)


def _open_now(session, council, topic) -> None:
    """A second consultation, open now, so members can take part on the demo site."""
    consultations.create_consultation(
        session,
        council,
        topic,
        consultations.ConsultationDraft(
            title="Saturday sessions: tell us after you try one",
            why="The first Saturday sessions are running. Tell us how they went.",
            questions=("What did you do at the Saturday session?", "Would you come again?"),
            opens_at=_ago(2),
            closes_at=_ago(-14),
            reply_by=date.today() + timedelta(days=35),
        ),
    )


def _answer(session, council, points) -> None:
    first, _second, _third, late_bus, *_ = points
    _reply(session, council, first, Status.ALREADY_HAPPENING,
           "Art and music stay on Fridays in the new plan.")  # fmt: skip
    _reply(session, council, late_bus, Status.NOT_TAKEN_FORWARD,
           "We cannot change the minibus contract before it ends.",
           reason="The contract runs until next summer; the new one asks for earlier pick-ups.")  # fmt: skip


def _reply(session, council, point, status, text, **details) -> None:
    answers.answer_contribution(
        session, council, point, status=Status.CONSIDERING, answer="We are looking at this.",
        now=_ago(0.8),
    )  # fmt: skip
    answers.answer_contribution(
        session, council, point, status=status, answer=text, now=_ago(0.5), **details
    )
