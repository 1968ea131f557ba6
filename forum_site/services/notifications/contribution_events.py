"""Telling convenors and commissioners about new points, and who is asked to answer."""

from __future__ import annotations

from sqlalchemy.orm import Session

from forum_site.models import Contribution, NoticeKind, User, Visibility
from forum_site.services.notifications import audiences, notify


def made(session: Session, contribution: Contribution) -> None:
    """Convenors hear of every new point; commissioners of those they may read."""
    actor = contribution.recorded_by_id or contribution.author_id
    notify(
        session,
        NoticeKind.NEW_CONTRIBUTION,
        audiences.convenors_of(session, contribution.forum_id),
        actor_id=actor,
        contribution_id=contribution.id,
    )
    if contribution.visibility == Visibility.PRIVATE:
        return
    commissioners = audiences.commissioners_of(session, contribution.forum_id)
    if contribution.visibility == Visibility.ANONYMOUS:
        # The notice commissioners get keeps no trace of who made an anonymous point.
        commissioners = [u for u in commissioners if u.id != actor]
        actor = None
    notify(
        session,
        NoticeKind.FOR_ORGANISATION,
        commissioners,
        actor_id=actor,
        contribution_id=contribution.id,
    )


def assigned(session: Session, actor_id: int, contribution: Contribution, colleague: User):
    notify(
        session,
        NoticeKind.ASSIGNED,
        [colleague],
        actor_id=actor_id,
        contribution_id=contribution.id,
    )
