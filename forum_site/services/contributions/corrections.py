"""A convenor putting right a point they typed in for someone, or taking one back.

Append-only: what the point said before, and why it was changed or withdrawn, is kept as
a ``ContributionVersion``. Everyone who was told about the point (the member it was
recorded for, people who said "me too", and, unless it is private, the commissioners who
answer it) is told what changed, in their own words, by a notice.
"""

from __future__ import annotations

from datetime import UTC, datetime

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
from forum_site.services.contributions import MAX_TEXT, checked_text
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.notifications import audiences, notify
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_REASON = 1000
CORRECTED, WITHDRAWN = "corrected", "withdrawn"


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


def withdraw(
    session: Session, viewer: Viewer, contribution: Contribution, *, reason: str
) -> ContributionVersion:
    if not viewer.convenes(contribution.forum_id):
        raise NotAllowed(_l("Only a convenor of this forum can withdraw a point."))
    if contribution.withdrawn_at is not None:
        return _latest(session, contribution)  # a second click changes nothing
    why = _reason(reason, _l("Say why it is withdrawn. The member will see it."))
    version = _keep(session, viewer, contribution, why)
    contribution.withdrawn_at = datetime.now(UTC)
    _tell(session, viewer, contribution, version, WITHDRAWN)
    return version


def _reason(reason: str, empty) -> str:
    return checked_text(reason, "reason", MAX_REASON, empty=empty)


def _keep(session, viewer: Viewer, contribution: Contribution, why: str) -> ContributionVersion:
    version = ContributionVersion(
        contribution_id=contribution.id,
        text=contribution.text,
        reason=why,
        written_by_id=viewer.user_id,
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


def _tell(session, viewer, contribution, version, change: str) -> None:
    notify(
        session,
        NoticeKind.POINT_CHANGED,
        told_about(session, contribution),
        actor_id=viewer.user_id,
        contribution_id=contribution.id,
        details={"change": change, "version_id": version.id},
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
