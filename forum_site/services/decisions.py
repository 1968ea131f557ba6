"""The decision log: commissioners record what was decided, by whom, when, at which stage
of the commissioning cycle, and which contributions and meeting outcomes they considered.
Anyone who can see the forum can later follow that trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    AgendaItem,
    Contribution,
    Decision,
    DecisionMaker,
    Forum,
    Meeting,
    Status,
    Visibility,
)
from forum_site.models.decisions import decision_contribution
from forum_site.models.meetings import CycleStage, MeetingStatus
from forum_site.services.contributions import answers, checked_text
from forum_site.services.contributions.reading import views_for
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.once import insert_once
from forum_site.services.pagination import Page, newest_first, paginate
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_TITLE = 200
MAX_DETAILS = 5000


@dataclass(frozen=True)
class DecisionDraft:
    title: str
    details: str
    decided_by: DecisionMaker
    decided_by_name: str
    decided_on: date
    stage: CycleStage
    contribution_ids: tuple[int, ...] = ()
    agenda_item_ids: tuple[int, ...] = ()
    other_input: str = ""


@dataclass(frozen=True)
class AnswerWithDecision:
    """One answer for every linked point, given as the decision is logged."""

    status: Status
    answer: str
    reason: str = ""
    what_changed: str = ""


def log_decision(
    session: Session,
    viewer: Viewer,
    forum: Forum,
    draft: DecisionDraft,
    *,
    submission_token: str | None = None,
    answer: AnswerWithDecision | None = None,
) -> Decision:
    """Log it; with ``answer``, the linked points still waiting get that answer (naming
    the decision) in the same step, and their members are told."""
    if not viewer.commissions(forum.id):
        raise NotAllowed(_l("Only commissioners who work with this forum can log its decisions."))
    answer = _checked_answer(answer, draft)
    decision = Decision(
        forum_id=forum.id,
        organisation_id=_organisation_for(viewer, forum),
        title=checked_text(draft.title, "title", MAX_TITLE, "Say what was decided."),
        details=_optional(draft.details, "details"),
        decided_by=DecisionMaker(draft.decided_by),
        decided_by_name=(draft.decided_by_name or "").strip()[:200],
        decided_on=draft.decided_on,
        stage=CycleStage(draft.stage),
        other_input=_optional(draft.other_input, "other_input"),
        logged_by_id=viewer.user_id,
        submission_token=submission_token or None,
        contributions=_contributions(session, forum, draft.contribution_ids),
        agenda_items=_agenda_items(session, forum, draft.agenda_item_ids),
    )
    if not submission_token:
        session.add(decision)
        session.flush()
    else:
        made = insert_once(
            session,
            decision,
            lambda: session.scalar(
                select(Decision).where(Decision.submission_token == submission_token)
            ),
        )
        if made is not decision:
            return made  # the same form sent twice: logged and answered the first time
    if answer is not None:
        answer_linked(session, viewer, decision, answer)
    return decision


def _checked_answer(answer: AnswerWithDecision | None, draft: DecisionDraft):
    """Checked before anything is saved, so a refusal leaves no decision half made."""
    if answer is None:
        return None
    status = Status(answer.status)
    if status not in answers.FINAL_STEPS:
        raise DomainError(_l("Choose what happened to the points."), field="answer_status")
    if not draft.contribution_ids:
        raise DomainError(
            _l("Tick the points this decision answers, or choose not to answer them now."),
            field="contributions",
        )
    words = checked_text(
        answer.answer, "answer_text", answers.MAX_ANSWER, _l("Write the answer in plain words.")
    )
    reason, what_changed = (answer.reason or "").strip(), (answer.what_changed or "").strip()
    if status == Status.NOT_TAKEN_FORWARD and not reason:
        raise DomainError(_l("Say why it is not being taken forward."), field="answer_reason")
    if status == Status.CHANGED and not what_changed:
        raise DomainError(_l("Say what changed because of this."), field="answer_what_changed")
    return AnswerWithDecision(status, words, reason, what_changed)


def answer_linked(
    session: Session, viewer: Viewer, decision: Decision, answer: AnswerWithDecision
) -> int:
    """Answer each linked point that can take this answer now (points with a final answer
    already keep it: changing that needs a correction on the point). How many were answered."""
    answered = 0
    for contribution in decision.contributions:
        if not answers.can_answer(viewer, contribution) or contribution.withdrawn_at:
            continue
        if answer.status not in answers.next_steps(contribution):
            continue
        answers.answer_contribution(
            session,
            viewer,
            contribution,
            status=answer.status,
            answer=answer.answer,
            reason=answer.reason,
            what_changed=answer.what_changed,
            decision_id=decision.id,
        )
        answered += 1
    return answered


def _optional(text: str, field: str) -> str:
    return checked_text(text, field, MAX_DETAILS) if (text or "").strip() else ""


def _organisation_for(viewer: Viewer, forum: Forum) -> int | None:
    return next((o.id for o in forum.organisations if o.id in viewer.organisation_ids), None)


def _contributions(session, forum, ids) -> list[Contribution]:
    if not ids:
        return []
    found = session.scalars(
        select(Contribution).where(
            Contribution.id.in_(ids),
            Contribution.forum_id == forum.id,
            Contribution.visibility != Visibility.PRIVATE,
        )
    ).all()
    if len(found) != len(set(ids)):
        raise DomainError(_l("Choose contributions from this forum."), field="contributions")
    return list(found)


def _agenda_items(session, forum, ids) -> list[AgendaItem]:
    if not ids:
        return []
    found = session.scalars(
        select(AgendaItem)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            AgendaItem.id.in_(ids), Meeting.forum_id == forum.id, AgendaItem.removed_at.is_(None)
        )
    ).all()
    if len(found) != len(set(ids)):
        raise DomainError(
            _l("Choose agenda items from this forum's meetings."), field="agenda_items"
        )
    return list(found)


def forum_decisions(session: Session, forum: Forum) -> list[Decision]:
    return list(
        session.scalars(
            select(Decision)
            .options(selectinload(Decision.organisation), selectinload(Decision.contributions))
            .where(Decision.forum_id == forum.id)
            .order_by(Decision.decided_on.desc(), Decision.id.desc())
        )
    )


@dataclass(frozen=True)
class DecisionRow:
    """A decision in the list, with how many contributions it considered (counted in SQL)."""

    decision: Decision
    considered: int


def forum_decisions_page(session: Session, forum: Forum, cursor: str | None) -> Page[DecisionRow]:
    query = (
        select(Decision)
        .options(selectinload(Decision.organisation))
        .where(Decision.forum_id == forum.id)
    )
    page = paginate(session, query, newest_first(Decision.decided_on, Decision.id), cursor)
    return page.map(lambda rows: _with_counts(session, rows))


def _with_counts(session: Session, decisions: list[Decision]) -> list[DecisionRow]:
    counts = dict(
        session.execute(
            select(decision_contribution.c.decision_id, func.count())
            .where(decision_contribution.c.decision_id.in_([d.id for d in decisions]))
            .group_by(decision_contribution.c.decision_id)
        ).all()
    )
    return [DecisionRow(d, counts.get(d.id, 0)) for d in decisions]


def get_decision(session: Session, viewer: Viewer, decision_id: int) -> Decision:
    decision = session.scalar(
        select(Decision)
        .options(
            selectinload(Decision.forum).selectinload(Forum.organisations),
            selectinload(Decision.organisation),
            selectinload(Decision.logged_by),
            selectinload(Decision.contributions).selectinload(Contribution.author),
            selectinload(Decision.agenda_items).selectinload(AgendaItem.meeting),
        )
        .where(Decision.id == decision_id)
    )
    if decision is None or not viewer.can_see_forum(decision.forum):
        raise NotFound(_l("We could not find that decision."))
    return decision


def trail(session: Session, viewer: Viewer, decision: Decision):
    """What users said before the decision, as this viewer may see it."""
    return views_for(session, viewer, list(decision.contributions), None)


WAITING, ANSWERED = "waiting", "answered"
CHOICES_SHOWN = 200


@dataclass(frozen=True)
class PointFilter:
    """Which points the decision form lists: from one meeting, waiting or answered, with
    these words in them. Points already ticked are always listed, so none is lost."""

    meeting_id: int | None = None
    status: str = ""  # "", WAITING or ANSWERED
    words: str = ""
    keep: tuple[int, ...] = ()


def choices(
    session: Session, forum: Forum, find: PointFilter | None = None
) -> tuple[list[Contribution], list[AgendaItem]]:
    """What a commissioner can link a new decision to: shared and anonymous contributions
    (filtered by ``find``), and the agenda items of the forum's meetings."""
    find = find or PointFilter()
    query = select(Contribution).where(
        Contribution.forum_id == forum.id,
        Contribution.visibility != Visibility.PRIVATE,
        Contribution.withdrawn_at.is_(None),
    )
    wanted = []
    if find.meeting_id:
        in_meeting = select(AgendaItem.id).where(AgendaItem.meeting_id == find.meeting_id)
        wanted.append(
            or_(
                Contribution.meeting_id == find.meeting_id,
                Contribution.agenda_item_id.in_(in_meeting),
            )
        )
    outcomes = [status for status in Status if status.is_outcome]
    if find.status == WAITING:
        wanted.append(Contribution.status.not_in(outcomes))
    elif find.status == ANSWERED:
        wanted.append(Contribution.status.in_(outcomes))
    words = " ".join(find.words.split())[:100].lower()
    if words:
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        wanted.append(func.lower(Contribution.text).like(f"%{escaped}%", escape="\\"))
    if wanted:
        query = query.where(or_(and_(*wanted), Contribution.id.in_(find.keep or (0,))))
    contributions = session.scalars(
        query.order_by(Contribution.created_at.desc()).limit(CHOICES_SHOWN)
    ).all()
    items = session.scalars(
        select(AgendaItem)
        .options(selectinload(AgendaItem.meeting))
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.forum_id == forum.id, AgendaItem.removed_at.is_(None))
        .order_by(Meeting.starts_at.desc(), AgendaItem.position)
        .limit(CHOICES_SHOWN)
    ).all()
    return list(contributions), list(items)


def meetings_to_find_by(session: Session, forum: Forum) -> list[Meeting]:
    """The forum's meetings that points can be about, newest first (the filter's list)."""
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.forum_id == forum.id, Meeting.status != MeetingStatus.DRAFT)
            .order_by(Meeting.starts_at.desc())
            .limit(CHOICES_SHOWN)
        )
    )
