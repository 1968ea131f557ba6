"""Contributions: members telling commissioners what they think, and "me too".

Who may see what is decided here, once, so no page can get it wrong:
- "anonymous to commissioners": the author and the forum's convenors see the name;
  anyone who commissions for the forum never does (even if they also convene it).
- "private to the convenor": only the author, whoever recorded it, and the convenors.
Pages get ContributionView objects with the name already worked out, never the author.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    AgendaItem,
    Briefing,
    BudgetLine,
    Contribution,
    ContributionSupport,
    Forum,
    Meeting,
    Membership,
    Source,
    Status,
    User,
    Visibility,
)
from forum_site.models.base import as_utc, utcnow
from forum_site.models.briefings import briefing_forum
from forum_site.models.budgets import budget_forum
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text

MAX_TEXT = 4000
MAX_TOPIC = 80
DEFAULT_RESPONSE_DAYS = 28
SAME_TEXT_WINDOW = timedelta(minutes=1)


def response_days(forum: Forum) -> int:
    """The shortest promise made by the forum's organisations (each defaults to 28 days)."""
    days = [org.response_days for org in forum.organisations if org.response_days]
    return min(days) if days else DEFAULT_RESPONSE_DAYS


def checked_text(
    text: str | None,
    field: str = "text",
    most: int = MAX_TEXT,
    empty: str = "Write what you want to say.",
) -> str:
    cleaned = clean_text(text or "")
    if not cleaned:
        raise DomainError(empty, field=field)
    if len(cleaned) > most:
        raise DomainError(
            f"This is {len(cleaned)} characters long. Please make it {most} characters or fewer.",
            field=field,
        )
    return cleaned


@dataclass(frozen=True)
class Target:
    """What a contribution is about, beyond the forum itself. All optional."""

    meeting_id: int | None = None
    agenda_item_id: int | None = None
    budget_line_id: int | None = None
    briefing_id: int | None = None


def contribute(
    session: Session,
    viewer: Viewer,
    forum: Forum,
    *,
    text: str,
    visibility: Visibility = Visibility.SHARED,
    topic: str = "",
    target: Target = Target(),
    submission_token: str | None = None,
    now: datetime | None = None,
) -> Contribution:
    """A member's own contribution. Sending the same form twice gives back the first one."""
    if not viewer.is_member(forum.id):
        raise NotAllowed("Only members of this forum can have their say here.")
    cleaned = checked_text(text)
    earlier = _already_sent(session, forum, viewer.user_id, cleaned, submission_token, now)
    if earlier is not None:
        return earlier
    return _add(
        session,
        forum,
        author_id=viewer.user_id,
        recorded_by_id=None,
        text=cleaned,
        visibility=Visibility(visibility),
        topic=topic,
        target=target,
        submission_token=submission_token,
        now=now,
    )


def record_for_member(
    session: Session,
    viewer: Viewer,
    forum: Forum,
    *,
    text: str,
    member_id: int | None,
    source: Source,
    consent_given: bool,
    visibility: Visibility = Visibility.SHARED,
    topic: str = "",
    target: Target = Target(),
    submission_token: str | None = None,
    now: datetime | None = None,
) -> Contribution:
    """A convenor typing in what a member (or the whole group) said on paper, aloud or by phone."""
    if not viewer.convenes(forum.id):
        raise NotAllowed("Only the forum's convenors can record what someone else said.")
    cleaned = checked_text(text)
    if Source(source) == Source.ONLINE:
        raise DomainError("Say how you were told: paper form, meeting, phone or other.", "source")
    if member_id is not None:
        _require_member(session, forum, member_id)
        if not consent_given:
            raise DomainError(
                "Tick the box to show the person agreed to you sending this for them.",
                field="consent_given",
            )
    earlier = _already_sent(session, forum, viewer.user_id, cleaned, submission_token, now, True)
    if earlier is not None:
        return earlier
    contribution = _add(
        session,
        forum,
        author_id=member_id,
        recorded_by_id=viewer.user_id,
        text=cleaned,
        visibility=Visibility(visibility),
        topic=topic,
        target=target,
        submission_token=submission_token,
        now=now,
    )
    contribution.source = Source(source)
    contribution.consent_given = bool(consent_given) and member_id is not None
    contribution.from_whole_group = member_id is None
    return contribution


def _add(session, forum, *, author_id, recorded_by_id, text, visibility, topic, target, **extra):
    now = extra.get("now") or utcnow()
    _check_target(session, forum, target)
    if target.agenda_item_id and not target.meeting_id:
        item = session.get(AgendaItem, target.agenda_item_id)
        target = Target(item.meeting_id, item.id, target.budget_line_id, target.briefing_id)
    contribution = Contribution(
        forum_id=forum.id,
        author_id=author_id,
        recorded_by_id=recorded_by_id,
        text=text,
        visibility=visibility,
        topic=clean_text(topic or "")[:MAX_TOPIC],
        meeting_id=target.meeting_id,
        agenda_item_id=target.agenda_item_id,
        budget_line_id=target.budget_line_id,
        briefing_id=target.briefing_id,
        submission_token=extra.get("submission_token") or None,
        status=Status.RECEIVED,
        source=Source.ONLINE,
        created_at=now,
        answer_due_at=now + timedelta(days=response_days(forum)),
    )
    session.add(contribution)
    session.flush()
    return contribution


def _already_sent(session, forum, user_id, text, token, now, recorded=False):
    """The earlier copy of a double-submitted form: same token, or same words within a minute."""
    if token:
        found = session.scalar(select(Contribution).where(Contribution.submission_token == token))
        if found is not None:
            return found
    who = Contribution.recorded_by_id if recorded else Contribution.author_id
    since = (now or utcnow()) - SAME_TEXT_WINDOW
    return session.scalar(
        select(Contribution)
        .where(
            Contribution.forum_id == forum.id,
            who == user_id,
            Contribution.text == text,
            Contribution.created_at >= since,
        )
        .limit(1)
    )


def _require_member(session: Session, forum: Forum, user_id: int) -> None:
    found = session.scalar(
        select(Membership.id).where(Membership.forum_id == forum.id, Membership.user_id == user_id)
    )
    if found is None:
        raise DomainError("Choose a member of this forum.", field="member")


def _check_target(session: Session, forum: Forum, target: Target) -> None:
    """Something in another forum cannot be the subject of a contribution here."""
    if target.meeting_id is not None:
        meeting = session.get(Meeting, target.meeting_id)
        if meeting is None or meeting.forum_id != forum.id:
            raise DomainError("That meeting is not one of this forum's meetings.")
    if target.agenda_item_id is not None:
        item = session.get(AgendaItem, target.agenda_item_id)
        if item is None or item.meeting.forum_id != forum.id:
            raise DomainError("That agenda item is not on one of this forum's meetings.")
        if target.meeting_id is not None and item.meeting_id != target.meeting_id:
            raise DomainError("That agenda item belongs to another meeting.")

    if target.budget_line_id is not None:
        line = session.get(BudgetLine, target.budget_line_id)
        shared = line is not None and session.scalar(
            select(budget_forum.c.forum_id).where(
                budget_forum.c.budget_id == line.budget_id, budget_forum.c.forum_id == forum.id
            )
        )
        if not shared:
            raise DomainError("That budget line is not shared with this forum.")
    if target.briefing_id is not None:
        shared = session.scalar(
            select(briefing_forum.c.forum_id).where(
                briefing_forum.c.briefing_id == target.briefing_id,
                briefing_forum.c.forum_id == forum.id,
            )
        )
        if not shared:
            raise DomainError("That briefing was not sent to this forum.")


def describe_target(session: Session, forum: Forum, target: Target) -> str:
    """A short name for what a contribution will be about ("" for the forum in general)."""
    _check_target(session, forum, target)
    if target.agenda_item_id:
        item = session.get(AgendaItem, target.agenda_item_id)
        return f"{item.meeting.title}: {item.title}"
    if target.meeting_id:
        return session.get(Meeting, target.meeting_id).title
    if target.budget_line_id:
        return session.get(BudgetLine, target.budget_line_id).name
    if target.briefing_id:
        return session.get(Briefing, target.briefing_id).title
    return ""


# Supporting ("me too")


def support(session: Session, viewer: Viewer, contribution: Contribution) -> bool:
    """Add the viewer's "me too". Saying it twice changes nothing. True when it was new."""
    _check_can_support(viewer, contribution)
    exists = session.scalar(
        select(ContributionSupport.id).where(
            ContributionSupport.contribution_id == contribution.id,
            ContributionSupport.user_id == viewer.user_id,
        )
    )
    if exists:
        return False
    session.add(ContributionSupport(contribution_id=contribution.id, user_id=viewer.user_id))
    session.flush()
    return True


def withdraw_support(session: Session, viewer: Viewer, contribution: Contribution) -> None:
    found = session.scalar(
        select(ContributionSupport).where(
            ContributionSupport.contribution_id == contribution.id,
            ContributionSupport.user_id == viewer.user_id,
        )
    )
    if found is not None:
        session.delete(found)
        session.flush()


def can_support(viewer: Viewer, contribution: Contribution) -> bool:
    return (
        viewer.is_member(contribution.forum_id)
        and contribution.author_id != viewer.user_id
        and contribution.visibility != Visibility.PRIVATE
    )


def _check_can_support(viewer: Viewer, contribution: Contribution) -> None:
    if not viewer.is_member(contribution.forum_id):
        raise NotAllowed("Only members of this forum can say \u201cme too\u201d.")
    if contribution.author_id == viewer.user_id:
        raise DomainError("This is your own point, so it already counts for you.")
    if contribution.visibility == Visibility.PRIVATE:
        raise DomainError("Private points to the convenor cannot be supported.")


# Who sees what


def can_see(viewer: Viewer, contribution: Contribution) -> bool:
    if not viewer.can_see_forum(contribution.forum):
        return False
    if contribution.visibility != Visibility.PRIVATE:
        return True
    return _is_own(viewer, contribution) or viewer.convenes(contribution.forum_id)


def _is_own(viewer: Viewer, contribution: Contribution) -> bool:
    return viewer.signed_in and viewer.user_id in (
        contribution.author_id,
        contribution.recorded_by_id,
    )


def visible_clause(viewer: Viewer, forum_id: int):
    """SQL for "contributions in this forum the viewer may read" (forum access checked first)."""
    if viewer.convenes(forum_id):
        return Contribution.forum_id == forum_id
    mine = (
        or_(Contribution.author_id == viewer.user_id, Contribution.recorded_by_id == viewer.user_id)
        if viewer.signed_in
        else False
    )
    return and_(
        Contribution.forum_id == forum_id,
        or_(Contribution.visibility != Visibility.PRIVATE, mine),
    )


def author_label(viewer: Viewer, contribution: Contribution) -> str:
    """The name this viewer may see for who made the contribution."""
    if contribution.from_whole_group:
        return "The whole group"
    if viewer.signed_in and contribution.author_id == viewer.user_id:
        return "You"
    forum_id = contribution.forum_id
    if contribution.visibility == Visibility.ANONYMOUS:
        if viewer.commissions(forum_id) or not viewer.convenes(forum_id):
            return "Anonymous"
        return _name(contribution)
    if contribution.visibility == Visibility.PRIVATE:
        return _name(contribution)
    if viewer.commissions(forum_id) or viewer.can_see_members(contribution.forum):
        return _name(contribution)
    return "A member"


def _name(contribution: Contribution) -> str:
    return contribution.author.display_name if contribution.author else "A former member"


def get_contribution(session: Session, viewer: Viewer, contribution_id: int) -> Contribution:
    contribution = session.scalar(
        select(Contribution)
        .options(
            selectinload(Contribution.forum).selectinload(Forum.organisations),
            selectinload(Contribution.author),
            selectinload(Contribution.recorded_by),
        )
        .where(Contribution.id == contribution_id)
    )
    if contribution is None or not can_see(viewer, contribution):
        raise NotFound("We could not find that contribution.")
    return contribution


@dataclass(frozen=True)
class ContributionView:
    """One contribution as a particular viewer may see it."""

    contribution: Contribution
    author: str
    is_mine: bool
    support_count: int
    supported_by_me: bool
    can_support: bool
    days_waiting: int | None
    overdue: bool

    @property
    def id(self) -> int:
        return self.contribution.id


def views_for(
    session: Session, viewer: Viewer, contributions: list[Contribution], now: datetime | None
) -> list[ContributionView]:
    """Views for a list, with support counts and the viewer's own supports in two queries."""
    ids = [c.id for c in contributions]
    counts = support_counts(session, ids)
    mine = _my_supports(session, viewer, ids)
    now = now or utcnow()
    return [_view(viewer, c, counts.get(c.id, 0), c.id in mine, now) for c in contributions]


def _view(viewer, contribution, count, supported, now) -> ContributionView:
    waiting = None
    overdue = False
    if contribution.first_answered_at is None:
        waiting = (now - as_utc(contribution.created_at)).days
        overdue = now > as_utc(contribution.answer_due_at)
    return ContributionView(
        contribution=contribution,
        author=author_label(viewer, contribution),
        is_mine=_is_own(viewer, contribution),
        support_count=count,
        supported_by_me=supported,
        can_support=can_support(viewer, contribution),
        days_waiting=waiting,
        overdue=overdue,
    )


def support_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    return dict(
        session.execute(
            select(ContributionSupport.contribution_id, func.count(ContributionSupport.id))
            .where(ContributionSupport.contribution_id.in_(ids))
            .group_by(ContributionSupport.contribution_id)
        ).all()
    )


def _my_supports(session: Session, viewer: Viewer, ids: list[int]) -> set[int]:
    if not ids or not viewer.signed_in:
        return set()
    return set(
        session.scalars(
            select(ContributionSupport.contribution_id).where(
                ContributionSupport.contribution_id.in_(ids),
                ContributionSupport.user_id == viewer.user_id,
            )
        )
    )


def _with_people():
    return (
        selectinload(Contribution.author),
        selectinload(Contribution.recorded_by),
        selectinload(Contribution.meeting),
    )


def forum_contributions(
    session: Session, viewer: Viewer, forum: Forum, now: datetime | None = None
) -> list[ContributionView]:
    """Everything the viewer may read in this forum, newest first."""
    rows = session.scalars(
        select(Contribution)
        .options(*_with_people())
        .where(visible_clause(viewer, forum.id))
        .order_by(Contribution.created_at.desc(), Contribution.id.desc())
    ).all()
    return views_for(session, viewer, list(rows), now)


def about(
    session: Session, viewer: Viewer, forum_ids: list[int], now=None, **target
) -> list[ContributionView]:
    """Contributions about one meeting, agenda item or budget line, for their pages' panels."""
    ((column, value),) = target.items()
    rows = session.scalars(
        select(Contribution)
        .options(*_with_people(), selectinload(Contribution.forum))
        .where(getattr(Contribution, column) == value, Contribution.forum_id.in_(forum_ids))
        .order_by(Contribution.created_at.desc())
    ).all()
    shown = [c for c in rows if can_see(viewer, c)]
    return views_for(session, viewer, shown, now)


def waiting_too_long(
    session: Session, viewer: Viewer, forum_ids: list[int], now: datetime | None = None
) -> list[ContributionView]:
    """Unanswered contributions past their organisation's response time, oldest first."""
    now = now or utcnow()
    rows = session.scalars(
        select(Contribution)
        .options(*_with_people(), selectinload(Contribution.forum))
        .where(
            Contribution.forum_id.in_(forum_ids),
            Contribution.first_answered_at.is_(None),
            Contribution.answer_due_at < now,
            Contribution.visibility != Visibility.PRIVATE,
        )
        .order_by(Contribution.created_at, Contribution.id)
    ).all()
    return views_for(session, viewer, list(rows), now)


def members_for_recording(session: Session, forum: Forum) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum.id)
            .order_by(User.display_name)
        )
    )
