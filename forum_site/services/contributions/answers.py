"""Answering contributions: the status rules, the append-only timeline, telling people.

received -> (being considered ->) changed something / partly / not taken forward /
already happening: the first answer can already be the outcome, when it is known. Each move
is a new ContributionAnswer. Nothing written is ever changed:
to put an answer right, add a correction that names the entry and says why.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Contribution,
    ContributionAnswer,
    ContributionSupport,
    Decision,
    NoticeKind,
    Status,
    User,
    Visibility,
)
from forum_site.models.base import as_utc, utcnow
from forum_site.services.contributions import checked_text
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.notifications import notify
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_ANSWER = 5000
FINAL_STEPS = (
    Status.CHANGED,
    Status.PARTLY,
    Status.NOT_TAKEN_FORWARD,
    Status.ALREADY_HAPPENING,
)
NEXT_STEPS = {
    Status.RECEIVED: (Status.CONSIDERING, *FINAL_STEPS),
    Status.CONSIDERING: FINAL_STEPS,
}
CORRECTABLE_TO = (Status.CONSIDERING, *NEXT_STEPS[Status.CONSIDERING])
REPEAT_WINDOW = timedelta(minutes=1)


def next_steps(contribution: Contribution) -> tuple[Status, ...]:
    """Where the answer can go next. After an outcome, only a correction can change it."""
    return NEXT_STEPS.get(contribution.status, ())


def can_answer(viewer: Viewer, contribution: Contribution) -> bool:
    """Commissioners for the forum answer; a point private to the convenor goes to convenors."""
    if contribution.visibility == Visibility.PRIVATE:
        return viewer.convenes(contribution.forum_id)
    return viewer.commissions(contribution.forum_id)


def answer_contribution(
    session: Session,
    viewer: Viewer,
    contribution: Contribution,
    *,
    status: Status | str,
    answer: str,
    reason: str = "",
    what_changed: str = "",
    decision_id: int | None = None,
    corrects_id: int | None = None,
    correction_reason: str = "",
    submission_token: str | None = None,
    site_url: str = "",
    now: datetime | None = None,
) -> ContributionAnswer:
    """Add one entry to the timeline and tell the contributor and supporters."""
    if not can_answer(viewer, contribution):
        raise NotAllowed(_l("Only commissioners who work with this forum can answer here."))
    now = now or utcnow()
    _lock(session, contribution)
    earlier = _repeat(session, contribution, submission_token, answer, now)
    if earlier is not None:
        return earlier
    if contribution.withdrawn_at is not None:
        raise DomainError(_l("This point was withdrawn, so it takes no more answers."))
    status = _status(status)
    text = checked_text(answer, "answer", MAX_ANSWER, "Write the answer in plain words.")
    if corrects_id:
        correction_reason = _check_correction(session, contribution, corrects_id, correction_reason)
        if status not in CORRECTABLE_TO:
            raise DomainError(_l("Choose the status the corrected answer should have."), "status")
    else:
        _check_move(contribution, status)
        correction_reason = ""
    details = _outcome_details(session, contribution, status, reason, what_changed, decision_id)
    entry = ContributionAnswer(
        contribution_id=contribution.id,
        status=status,
        answer=text,
        corrects_id=corrects_id or None,
        correction_reason=correction_reason,
        answered_by_id=viewer.user_id,
        organisation_id=_organisation_for(viewer, contribution),
        submission_token=submission_token or None,
        created_at=now,
        **details,
    )
    try:
        with session.begin_nested():
            session.add(entry)
            _move(contribution, status, now)
            _link_decision(session, contribution, details["decision_id"])
            session.flush()
    except IntegrityError:
        # Another tab added the next answer at the same moment (its number is taken).
        earlier = _repeat(session, contribution, submission_token, answer, now)
        if earlier is not None:
            return earlier
        raise DomainError(ANSWERED_MEANWHILE, field="status") from None
    tell_people(session, contribution, entry, site_url=site_url)
    return entry


ANSWERED_MEANWHILE = (
    "Someone added an answer to this while you were writing. Read it first, then add yours."
)


def _lock(session: Session, contribution: Contribution) -> None:
    """Hold the contribution's row (PostgreSQL) and read it afresh, so a second tab waits
    for the first answer and then sees it: one answer, one message. SQLite writers already
    queue (each writing request takes the write lock when it begins)."""
    session.scalar(
        select(Contribution)
        .where(Contribution.id == contribution.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def _status(value) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise DomainError(_l("Choose what happened."), field="status") from None


def _repeat(session, contribution, token, answer, now) -> ContributionAnswer | None:
    """A double-clicked answer: the same token, or the same words moments ago."""
    if token:
        found = session.scalar(
            select(ContributionAnswer).where(ContributionAnswer.submission_token == token)
        )
        if found is not None:
            return found
    latest = session.scalar(
        select(ContributionAnswer)
        .where(ContributionAnswer.contribution_id == contribution.id)
        .order_by(ContributionAnswer.id.desc())
        .limit(1)
    )
    cleaned = (answer or "").strip()
    if latest and latest.answer == cleaned and as_utc(latest.created_at) > now - REPEAT_WINDOW:
        return latest
    return None


def _check_move(contribution: Contribution, status: Status) -> None:
    allowed = next_steps(contribution)
    if status in allowed:
        return
    if not allowed:
        raise DomainError(
            _l("This already has a final answer. To change it, add a correction and say why."),
            field="status",
        )
    raise DomainError(_l("It is already being considered. Choose what happened."), field="status")


def _check_correction(session, contribution, corrects_id, why) -> str:
    corrected = session.get(ContributionAnswer, corrects_id)
    if corrected is None or corrected.contribution_id != contribution.id:
        raise DomainError(_l("Choose an earlier answer to this contribution."), field="corrects")
    why = (why or "").strip()
    if not why:
        raise DomainError(_l("Say why the earlier answer needs correcting."), "correction_reason")
    return checked_text(why, "correction_reason", MAX_ANSWER)


def _outcome_details(session, contribution, status, reason, what_changed, decision_id) -> dict:
    details = {"reason": "", "what_changed": "", "decision_id": None}
    if status == Status.NOT_TAKEN_FORWARD:
        if not (reason or "").strip():
            raise DomainError(_l("Say why it is not being taken forward."), field="reason")
        details["reason"] = checked_text(reason, "reason", MAX_ANSWER)
    if status in (Status.CHANGED, Status.PARTLY):
        if status == Status.CHANGED and not (what_changed or "").strip():
            raise DomainError(_l("Say what changed because of this."), field="what_changed")
        if (what_changed or "").strip():
            details["what_changed"] = checked_text(what_changed, "what_changed", MAX_ANSWER)
        if status == Status.CHANGED and not decision_id:
            raise DomainError(_l("Choose the decision it changed."), field="decision")
        if decision_id:
            details["decision_id"] = _decision_in_forum(session, contribution, decision_id).id
    return details


def _decision_in_forum(session, contribution, decision_id) -> Decision:
    decision = session.get(Decision, decision_id)
    if decision is None or decision.forum_id != contribution.forum_id:
        raise DomainError(_l("Choose a decision from this forum's decision log."), field="decision")
    return decision


def _organisation_for(viewer: Viewer, contribution: Contribution) -> int | None:
    for organisation in contribution.forum.organisations:
        if organisation.id in viewer.organisation_ids:
            return organisation.id
    return None


def _move(contribution: Contribution, status: Status, now: datetime) -> None:
    contribution.status = status
    contribution.last_answered_at = now
    if contribution.first_answered_at is None:
        contribution.first_answered_at = now


def _link_decision(session, contribution, decision_id) -> None:
    """A decision an answer points to also lists the contribution in its trail."""
    if decision_id is None:
        return
    decision = session.get(Decision, decision_id)
    if contribution not in decision.contributions:
        decision.contributions.append(contribution)


def timeline(session: Session, contribution: Contribution) -> list[ContributionAnswer]:
    return list(
        session.scalars(
            select(ContributionAnswer)
            .options(
                selectinload(ContributionAnswer.answered_by),
                selectinload(ContributionAnswer.organisation),
                selectinload(ContributionAnswer.decision),
            )
            .where(ContributionAnswer.contribution_id == contribution.id)
            .order_by(ContributionAnswer.id)
        )
    )


# Telling people


def tell_people(session, contribution, entry, *, site_url: str = "") -> int:
    """The contributor and everyone who said "me too" are told, in their own words later."""
    people = [u for u in [contribution.author] if u is not None]
    people += _supporters(session, contribution)
    notice = notify(
        session,
        NoticeKind.ANSWER,
        people,
        actor_id=entry.answered_by_id,
        contribution_id=contribution.id,
        answer_id=entry.id,
    )
    return len({u.id for u in people} - {notice.actor_id})


def _supporters(session: Session, contribution: Contribution) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(ContributionSupport, ContributionSupport.user_id == User.id)
            .where(ContributionSupport.contribution_id == contribution.id)
        )
    )
