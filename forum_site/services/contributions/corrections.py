"""Putting a point right: a convenor correcting what they typed in for someone, a member
changing their own words before the first answer, and either of them withdrawing it.

Append-only: what the point said before, and why it was changed or withdrawn, is kept as
a ``ContributionVersion``. Everyone who was told about the point (the member it was
recorded for, people who said "me too", and, unless it is private, the commissioners who
answer it) is told what changed, in their own words, by a notice.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import (
    Contribution,
    ContributionSupport,
    ContributionVersion,
    NoticeKind,
    User,
    Visibility,
)
from forum_site.models.base import as_utc
from forum_site.services.contributions import MAX_TEXT, checked_text
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.notifications import audiences, notify
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l

MAX_REASON = 1000
CORRECTED, WITHDRAWN, EDITED = "corrected", "withdrawn", "edited"
SAME_EDIT_WINDOW = timedelta(minutes=1)
ANSWERED_ALREADY = _l(
    "This point has been answered, so its words cannot be changed now. "
    "You can still withdraw it, or say more in a new point."
)


def can_correct(viewer: Viewer, contribution: Contribution) -> bool:
    """Convenors correct points typed in for someone (a paper sheet, a phone call...)."""
    return contribution.recorded_by_id is not None and viewer.convenes(contribution.forum_id)


def correct(
    session: Session, viewer: Viewer, contribution: Contribution, *, text: str, reason: str
) -> ContributionVersion:
    if not can_correct(viewer, contribution):
        raise NotAllowed(_l("Only a convenor can correct a point typed in for someone."))
    if contribution.withdrawn_at is not None:
        raise DomainError(_l("This point was withdrawn, so it cannot be corrected."), field="text")
    new_text = checked_text(text, "text", MAX_TEXT, empty=_l("Write what the point should say."))
    why = _reason(reason, _l("Say why it needs correcting. The member will see it."))
    if new_text == contribution.text:
        raise DomainError(_l("This is what the point says already."), field="text")
    version = _keep(session, viewer, contribution, why)
    contribution.text = new_text
    contribution.edited_at = datetime.now(UTC)
    _tell(session, viewer, contribution, version, CORRECTED)
    return version


def is_author(viewer: Viewer, contribution: Contribution) -> bool:
    """The member the point is from (also when a convenor typed it in for them)."""
    return viewer.signed_in and contribution.author_id == viewer.user_id


def can_edit(viewer: Viewer, contribution: Contribution) -> bool:
    """Members change their own words until the first answer (then the answer is about them)."""
    return (
        is_author(viewer, contribution)
        and contribution.withdrawn_at is None
        and contribution.first_answered_at is None
    )


def can_withdraw(viewer: Viewer, contribution: Contribution) -> bool:
    return is_author(viewer, contribution) or viewer.convenes(contribution.forum_id)


def edit_own(
    session: Session, viewer: Viewer, contribution: Contribution, *, text: str, reason: str = ""
) -> ContributionVersion:
    """A member changing what they said. The earlier words are kept; sending twice is one edit."""
    if not is_author(viewer, contribution):
        raise NotAllowed(_l("Only the member who made this point can change its words."))
    _hold(session, contribution)
    if contribution.withdrawn_at is not None:
        raise DomainError(_l("You withdrew this point, so its words cannot be changed."))
    if contribution.first_answered_at is not None:
        raise DomainError(ANSWERED_ALREADY)
    new_text = checked_text(text, "text", MAX_TEXT, empty=_l("Write what you want to say."))
    why = _optional_reason(reason)
    if new_text == contribution.text:
        return _same_edit_again(session, viewer, contribution)
    version = _keep(session, viewer, contribution, why)
    contribution.text = new_text
    contribution.edited_at = datetime.now(UTC)
    _tell(session, viewer, contribution, version, EDITED)
    return version


def _same_edit_again(session, viewer: Viewer, contribution: Contribution) -> ContributionVersion:
    """The same words sent again at once (a double click, two tabs) is the edit just made."""
    latest = _latest(session, contribution)
    edited = contribution.edited_at and as_utc(contribution.edited_at)
    if latest is not None and edited and datetime.now(UTC) - edited < SAME_EDIT_WINDOW:
        return latest
    raise DomainError(_l("This is what your point says already."), field="text")


def withdraw(
    session: Session, viewer: Viewer, contribution: Contribution, *, reason: str
) -> ContributionVersion:
    """Take a point out of the lists and counts. Kept in the record, dated, with the reason:
    a convenor must give one; for the member who made it the reason is optional."""
    if not can_withdraw(viewer, contribution):
        raise NotAllowed(_l("Only the member who made this point, or a convenor, can withdraw it."))
    _hold(session, contribution)
    if contribution.withdrawn_at is not None:
        return _latest(session, contribution)  # a second click changes nothing
    if is_author(viewer, contribution):
        why = _optional_reason(reason)
    else:
        why = _reason(reason, _l("Say why it is withdrawn. The member will see it."))
    version = _keep(session, viewer, contribution, why)
    contribution.withdrawn_at = datetime.now(UTC)
    _tell(session, viewer, contribution, version, WITHDRAWN)
    return version


def earlier_wordings(
    session: Session, viewer: Viewer, contribution: Contribution
) -> list[ContributionVersion]:
    """What the point said before, oldest first: for the member and the forum's convenors."""
    if not (is_author(viewer, contribution) or viewer.convenes(contribution.forum_id)):
        return []
    return list(
        session.scalars(
            select(ContributionVersion)
            .where(ContributionVersion.contribution_id == contribution.id)
            .order_by(ContributionVersion.id)
        )
    )


def _hold(session: Session, contribution: Contribution) -> None:
    """Hold the row (PostgreSQL) and read it afresh: an answer or a second tab waits."""
    session.scalar(
        select(Contribution)
        .where(Contribution.id == contribution.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def _reason(reason: str, empty) -> str:
    return checked_text(reason, "reason", MAX_REASON, empty=empty)


def _optional_reason(reason: str | None) -> str:
    return _reason(reason, "") if clean_text(reason or "") else ""


def _keep(session, viewer: Viewer, contribution: Contribution, why: str) -> ContributionVersion:
    version = ContributionVersion(
        contribution_id=contribution.id,
        text=contribution.text,
        reason=why,
        written_by_id=None if _unnamed(viewer, contribution) else viewer.user_id,
    )
    session.add(version)
    session.flush()
    return version


def _latest(session: Session, contribution: Contribution) -> ContributionVersion:
    return session.scalar(
        select(ContributionVersion)
        .where(ContributionVersion.contribution_id == contribution.id)
        .order_by(ContributionVersion.id.desc())
        .limit(1)
    )


def _unnamed(viewer: Viewer, contribution: Contribution) -> bool:
    """An anonymous member changing their own point leaves no name on the record or notice."""
    return contribution.visibility == Visibility.ANONYMOUS and is_author(viewer, contribution)


def _tell(session, viewer, contribution, version, change: str) -> None:
    by_member = is_author(viewer, contribution)
    people = told_about(session, contribution)
    if by_member:
        people = [p for p in people if p.id != viewer.user_id]
    notify(
        session,
        NoticeKind.POINT_CHANGED,
        people,
        actor_id=None if _unnamed(viewer, contribution) else viewer.user_id,
        contribution_id=contribution.id,
        details={"change": change, "version_id": version.id, "by_member": by_member},
    )


def told_about(session: Session, contribution: Contribution) -> list[User]:
    """The member, the people who said "me too" and (unless private) its answerers."""
    people = [contribution.author] if contribution.author else []
    people += session.scalars(
        select(User)
        .join(ContributionSupport, ContributionSupport.user_id == User.id)
        .where(ContributionSupport.contribution_id == contribution.id)
    )
    if contribution.visibility != Visibility.PRIVATE:
        people += audiences.answerers(session, contribution)
    return people
