"""Contributions: members telling commissioners what they think, and "me too".

Making them (by members, or by convenors for someone), double-submit protection, and
support. Who may read them, and under which name, is in contributions_reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from forum_site.models.base import utcnow
from forum_site.models.briefings import briefing_forum
from forum_site.models.budgets import budget_forum
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.notifications import contribution_events
from forum_site.services.once import insert_once, repeat_key
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l

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
            _l(
                "This is %(length)s characters long. Please make it %(most)s characters or fewer.",
                length=len(cleaned),
                most=most,
            ),
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
        raise NotAllowed(_l("Only members of this forum can have their say here."))
    cleaned = checked_text(text)
    earlier = _already_sent(
        session,
        forum,
        author_id=viewer.user_id,
        recorded_by_id=None,
        text=cleaned,
        token=submission_token,
        now=now,
    )
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
        raise NotAllowed(_l("Only the forum's convenors can record what someone else said."))
    cleaned = checked_text(text)
    if Source(source) == Source.ONLINE:
        raise DomainError(
            _l("Say how you were told: paper form, meeting, phone or other."), "source"
        )
    if member_id is not None:
        _require_member(session, forum, member_id)
        if not consent_given:
            raise DomainError(
                _l("Tick the box to show the person agreed to you sending this for them."),
                field="consent_given",
            )
    earlier = _already_sent(
        session,
        forum,
        author_id=member_id,
        recorded_by_id=viewer.user_id,
        text=cleaned,
        token=submission_token,
        now=now,
    )
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
        submission_token=extra.get("submission_token")
        or repeat_key("contribution", forum.id, author_id, recorded_by_id, target, text, now=now),
        status=Status.RECEIVED,
        source=Source.ONLINE,
        created_at=now,
        answer_due_at=now + timedelta(days=response_days(forum)),
    )
    made = insert_once(
        session,
        contribution,
        lambda: session.scalar(
            select(Contribution).where(
                Contribution.submission_token == contribution.submission_token
            )
        ),
    )
    if made is contribution:
        contribution_events.made(session, contribution)
    return made


def _already_sent(session, forum, *, author_id, recorded_by_id, text, token, now):
    """The earlier copy of a double-submitted form.

    A form's hidden token is the reliable sign: a new token means a new, deliberate
    submission, even with the same words (two paper sheets can say the same thing).
    Without a token, the same words from the same person within a minute count as one."""
    if token:
        return session.scalar(select(Contribution).where(Contribution.submission_token == token))
    since = (now or utcnow()) - SAME_TEXT_WINDOW
    return session.scalar(
        select(Contribution)
        .where(
            Contribution.forum_id == forum.id,
            _same(Contribution.author_id, author_id),
            _same(Contribution.recorded_by_id, recorded_by_id),
            Contribution.text == text,
            Contribution.created_at >= since,
        )
        .limit(1)
    )


def _same(column, value):
    return column.is_(None) if value is None else column == value


def _require_member(session: Session, forum: Forum, user_id: int) -> None:
    found = session.scalar(
        select(Membership.id).where(Membership.forum_id == forum.id, Membership.user_id == user_id)
    )
    if found is None:
        raise DomainError(_l("Choose a member of this forum."), field="member")


def _check_target(session: Session, forum: Forum, target: Target) -> None:
    """Something in another forum cannot be the subject of a contribution here."""
    if target.meeting_id is not None:
        meeting = session.get(Meeting, target.meeting_id)
        if meeting is None or meeting.forum_id != forum.id:
            raise DomainError(_l("That meeting is not one of this forum's meetings."))
    if target.agenda_item_id is not None:
        item = session.get(AgendaItem, target.agenda_item_id)
        if item is None or item.meeting.forum_id != forum.id or item.removed_at is not None:
            raise DomainError(_l("That agenda item is not on one of this forum's meetings."))
        if target.meeting_id is not None and item.meeting_id != target.meeting_id:
            raise DomainError(_l("That agenda item belongs to another meeting."))

    if target.budget_line_id is not None:
        line = session.get(BudgetLine, target.budget_line_id)
        shared = line is not None and session.scalar(
            select(budget_forum.c.forum_id).where(
                budget_forum.c.budget_id == line.budget_id, budget_forum.c.forum_id == forum.id
            )
        )
        if not shared:
            raise DomainError(_l("That budget line is not shared with this forum."))
    if target.briefing_id is not None:
        shared = session.scalar(
            select(briefing_forum.c.forum_id).where(
                briefing_forum.c.briefing_id == target.briefing_id,
                briefing_forum.c.forum_id == forum.id,
            )
        )
        if not shared:
            raise DomainError(_l("That briefing was not sent to this forum."))


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
    row = ContributionSupport(contribution_id=contribution.id, user_id=viewer.user_id)

    def existing():
        return session.scalar(
            select(ContributionSupport).where(
                ContributionSupport.contribution_id == contribution.id,
                ContributionSupport.user_id == viewer.user_id,
            )
        )

    return insert_once(session, row, existing) is row


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
        and contribution.withdrawn_at is None
    )


def _check_can_support(viewer: Viewer, contribution: Contribution) -> None:
    if not viewer.is_member(contribution.forum_id):
        raise NotAllowed(_l("Only members of this forum can say \u201cme too\u201d."))
    if contribution.author_id == viewer.user_id:
        raise DomainError(_l("This is your own point, so it already counts for you."))
    if contribution.visibility == Visibility.PRIVATE:
        raise DomainError(_l("Private points to the convenor cannot be supported."))
    if contribution.withdrawn_at is not None:
        raise DomainError(_l("This point was withdrawn, so it cannot be supported."))


def members_for_recording(session: Session, forum: Forum) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.forum_id == forum.id)
            .order_by(User.display_name)
        )
    )
