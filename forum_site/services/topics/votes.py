"""Votes on "you decide" and "decide together" items and consultation questions.

Only members of the vote's forum vote: one online ballot each, changeable until the vote
closes (a unique constraint, so two ballots sent at once still make one). Printed ballots
carry a code that counts once when the convenor types it back; a show of hands is a count.
Nobody sees results before the close unless the convenor chose live results."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    AgendaItem,
    Ballot,
    HandsCount,
    Meeting,
    PaperBallot,
    User,
    Vote,
    VoteOption,
)
from forum_site.models.base import as_utc, utcnow
from forum_site.models.consultations import Consultation, ConsultationQuestion
from forum_site.models.meetings import InfluenceLevel
from forum_site.services.contributions import checked_text
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.topics import agreements
from forum_site.services.viewer import Viewer
from forum_site.words import _l

VOTING_LEVELS = (InfluenceLevel.YOU_DECIDE, InfluenceLevel.DECIDE_TOGETHER)
CODE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I, 5/S, 8/B to mix up
MOST_PAPER = 200


@dataclass(frozen=True)
class VoteDraft:
    question: str
    options: tuple[str, ...]
    opens_at: datetime
    closes_at: datetime
    anonymous: bool = True
    live_results: bool = False


def start_for_item(session: Session, viewer: Viewer, item: AgendaItem, draft: VoteDraft) -> Vote:
    meeting = session.get(Meeting, item.meeting_id)
    if not viewer.convenes(meeting.forum_id):
        raise NotAllowed(_l("Only the forum's convenor can start a vote."))
    if item.influence not in VOTING_LEVELS:
        raise DomainError(_l("Only 'you decide' and 'decide together' items can have a vote."))
    return _create(session, viewer, meeting.forum_id, draft, agenda_item_id=item.id)


def start_for_question(
    session: Session, viewer: Viewer, question: ConsultationQuestion, draft: VoteDraft
) -> Vote:
    consultation = session.get(Consultation, question.consultation_id)
    topic = consultation.topic
    forum = next((f for f in topic.forums if viewer.convenes(f.id)), None)
    if forum is None:
        raise NotAllowed(_l("Only the forum's convenor can start a vote."))
    found = agreements.current(session, topic, consultation.stage)
    if found is None or found.influence not in VOTING_LEVELS:
        raise DomainError(
            _l("Only questions at a 'you decide' or 'decide together' stage can have a vote.")
        )
    return _create(session, viewer, forum.id, draft, question_id=question.id)


def _create(session, viewer, forum_id, draft: VoteDraft, **subject) -> Vote:
    labels = [o.strip() for o in draft.options if (o or "").strip()]
    if len(labels) < 2 or len(labels) > 10:
        raise DomainError(_l("Give between 2 and 10 choices."), field="options")
    if len({label.lower() for label in labels}) != len(labels):
        raise DomainError(_l("Each choice must be different."), field="options")
    if as_utc(draft.closes_at) <= as_utc(draft.opens_at):
        raise DomainError(_l("The vote must close after it opens."), field="closes_on")
    vote = Vote(
        forum_id=forum_id,
        question=checked_text(draft.question, "question", 1000, _l("Write what people vote on.")),
        opens_at=as_utc(draft.opens_at),
        closes_at=as_utc(draft.closes_at),
        anonymous=draft.anonymous,
        live_results=draft.live_results,
        created_by_id=viewer.user_id,
        options=[
            VoteOption(position=n, label=checked_text(label, "options", 200))
            for n, label in enumerate(labels, start=1)
        ],
        **subject,
    )
    session.add(vote)
    session.flush()
    return vote


def get_vote(session: Session, viewer: Viewer, vote_id: int) -> Vote:
    vote = session.scalar(
        select(Vote)
        .options(selectinload(Vote.forum), selectinload(Vote.options))
        .where(Vote.id == vote_id)
    )
    if vote is None or not viewer.can_see_forum(vote.forum):
        raise NotFound(_l("We could not find that vote."))
    return vote


def votes_by_item(session: Session, meeting_id: int) -> dict[int, list[Vote]]:
    """The votes on each agenda item of a meeting, in one query."""
    found: dict[int, list[Vote]] = {}
    for vote in session.scalars(
        select(Vote)
        .join(AgendaItem, AgendaItem.id == Vote.agenda_item_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(Vote.id)
    ):
        found.setdefault(vote.agenda_item_id, []).append(vote)
    return found


def votes_for_questions(session: Session, question_ids: list[int]) -> list[Vote]:
    if not question_ids:
        return []
    return list(session.scalars(select(Vote).where(Vote.question_id.in_(question_ids))))


def can_vote(viewer: Viewer, vote: Vote) -> bool:
    """Members (and convenors) of the vote's forum; never visitors or other forums."""
    return viewer.signed_in and viewer.is_member(vote.forum_id)


def cast(
    session: Session, viewer: Viewer, vote: Vote, option_id: int, now: datetime | None = None
) -> Ballot:
    if not can_vote(viewer, vote):
        raise NotAllowed(_l("Only members of this forum can vote."))
    if not vote.is_open(now):
        raise DomainError(_l("This vote is not open."), field="option")
    option = _option(vote, option_id)
    moment = now or utcnow()
    try:
        with session.begin_nested():
            session.add(
                Ballot(vote_id=vote.id, member_id=viewer.user_id, option_id=option.id,
                       changed_at=moment)
            )  # fmt: skip
    except IntegrityError:
        # Already voted (perhaps a moment ago in another tab): change that ballot instead.
        session.execute(
            update(Ballot)
            .where(Ballot.vote_id == vote.id, Ballot.member_id == viewer.user_id)
            .values(option_id=option.id, changed_at=moment)
        )
    return my_ballot(session, viewer, vote)


def _option(vote: Vote, option_id) -> VoteOption:
    found = next((o for o in vote.options if o.id == option_id), None)
    if found is None:
        raise DomainError(_l("Choose one of the choices."), field="option")
    return found


def my_ballot(session: Session, viewer: Viewer, vote: Vote) -> Ballot | None:
    if not viewer.signed_in:
        return None
    return session.scalar(
        select(Ballot)
        .where(Ballot.vote_id == vote.id, Ballot.member_id == viewer.user_id)
        .execution_options(populate_existing=True)
    )


# Paper and show of hands --------------------------------------------------------------


def _require_convenor(viewer: Viewer, vote: Vote) -> None:
    if not viewer.convenes(vote.forum_id):
        raise NotAllowed(_l("Only the forum's convenor can do this."))


def print_codes(session: Session, viewer: Viewer, vote: Vote, count: int) -> list[PaperBallot]:
    _require_convenor(viewer, vote)
    if not 1 <= count <= MOST_PAPER:
        raise DomainError(
            _l("Print between 1 and %(most)s ballots at a time.", most=MOST_PAPER), field="count"
        )
    made = [PaperBallot(vote_id=vote.id, code=_new_code(vote)) for _ in range(count)]
    session.add_all(made)
    session.flush()
    return made


def _new_code(vote: Vote) -> str:
    letters = "".join(secrets.choice(CODE_LETTERS) for _ in range(8))
    return f"V{vote.id}-{letters[:4]}-{letters[4:]}"


def normal_code(text: str) -> str:
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(cleaned) < 9 or not cleaned.startswith("V"):
        return ""
    body, letters = cleaned[:-8], cleaned[-8:]
    return f"{body}-{letters[:4]}-{letters[4:]}"


def enter_paper(
    session: Session, viewer: Viewer, vote: Vote, code: str, option_id: int
) -> PaperBallot:
    """Type a printed ballot back in. Each code counts once, however often it is typed."""
    _require_convenor(viewer, vote)
    option = _option(vote, option_id)
    paper = session.scalar(
        select(PaperBallot).where(
            PaperBallot.vote_id == vote.id, PaperBallot.code == normal_code(code)
        )
    )
    if paper is None:
        raise DomainError(
            _l("We do not know this code for this vote. Check the ballot."), field="code"
        )
    counted = session.execute(
        update(PaperBallot)
        .where(PaperBallot.id == paper.id, PaperBallot.option_id.is_(None))
        .values(option_id=option.id, entered_by_id=viewer.user_id, entered_at=utcnow())
    )
    if counted.rowcount != 1:
        raise DomainError(_l("This ballot has already been counted."), field="code")
    session.refresh(paper)
    return paper


def record_hands(session: Session, viewer: Viewer, vote: Vote, hands: dict[int, int]) -> None:
    """Hands raised for each option at the meeting (typing them again replaces them)."""
    _require_convenor(viewer, vote)
    for option_id, count in hands.items():
        _option(vote, option_id)
        if count is None or not 0 <= count <= 10_000:
            raise DomainError(
                _l("Enter a number of hands from 0 to 10,000."), field=f"hands-{option_id}"
            )
    existing = {
        h.option_id: h
        for h in session.scalars(select(HandsCount).where(HandsCount.vote_id == vote.id))
    }
    for option_id, count in hands.items():
        row = existing.get(option_id) or HandsCount(vote_id=vote.id, option_id=option_id)
        row.hands, row.recorded_by_id = count, viewer.user_id
        session.add(row)
    session.flush()


# Results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionResult:
    option: VoteOption
    online: int
    paper: int
    hands: int

    @property
    def total(self) -> int:
        return self.online + self.paper + self.hands


@dataclass(frozen=True)
class Results:
    options: list[OptionResult]
    is_final: bool

    @property
    def total(self) -> int:
        return sum(o.total for o in self.options)

    @property
    def by_route(self) -> dict[str, int]:
        return {
            route: sum(getattr(o, route) for o in self.options)
            for route in ("online", "paper", "hands")
        }

    def share(self, result: OptionResult) -> int:
        return round(100 * result.total / self.total) if self.total else 0


def results_shown(vote: Vote, now: datetime | None = None) -> bool:
    return vote.has_closed(now) or vote.live_results


def results(session: Session, vote: Vote, now: datetime | None = None) -> Results | None:
    """Counted in the database, per option and route; None while they are not shown."""
    if not results_shown(vote, now):
        return None
    online = _counts(
        session,
        select(Ballot.option_id, func.count(Ballot.id))
        .where(Ballot.vote_id == vote.id)
        .group_by(Ballot.option_id),
    )
    paper = _counts(
        session,
        select(PaperBallot.option_id, func.count(PaperBallot.id))
        .where(PaperBallot.vote_id == vote.id, PaperBallot.option_id.is_not(None))
        .group_by(PaperBallot.option_id),
    )
    hands = _counts(
        session, select(HandsCount.option_id, HandsCount.hands).where(HandsCount.vote_id == vote.id)
    )
    return Results(
        [
            OptionResult(o, online.get(o.id, 0), paper.get(o.id, 0), hands.get(o.id, 0))
            for o in vote.options
        ],
        is_final=vote.has_closed(now),
    )


def _counts(session: Session, statement) -> dict[int, int]:
    return dict(session.execute(statement).all())


def named_ballots(session: Session, viewer: Viewer, vote: Vote, now=None) -> list[tuple[str, str]]:
    """Who chose what, for a named vote once results are shown, to those who may see names."""
    if vote.anonymous or not results_shown(vote, now) or not viewer.can_see_members(vote.forum):
        return []
    rows = session.execute(
        select(User.display_name, VoteOption.label)
        .join(Ballot, Ballot.member_id == User.id)
        .join(VoteOption, VoteOption.id == Ballot.option_id)
        .where(Ballot.vote_id == vote.id)
        .order_by(User.display_name)
    ).all()
    return [(name, label) for name, label in rows]


def paper_codes(session: Session, viewer: Viewer, vote: Vote) -> list[PaperBallot]:
    _require_convenor(viewer, vote)
    return list(
        session.scalars(
            select(PaperBallot).where(PaperBallot.vote_id == vote.id).order_by(PaperBallot.id)
        )
    )
