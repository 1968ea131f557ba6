"""Letters for people who are not online.

Every message to a supported member who is reached through the convenor, by post or by
phone also becomes a letter in their forum's print batch, in the reading mode and
language they chose. The convenor prints the waiting letters as one PDF and marks them
handed out, posted or read out by phone. Letters are kept after they go out.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Forum, User
from forum_site.models.base import utcnow
from forum_site.models.not_online import Letter, LetterStatus, ReachBy, SupportedAccount
from forum_site.services.errors import DomainError
from forum_site.services.not_online.supported import require_convenor
from forum_site.services.viewer import Viewer
from forum_site.words import _l

DONE_FOR = {
    ReachBy.CONVENOR: LetterStatus.HANDED_OUT,
    ReachBy.POST: LetterStatus.POSTED,
    ReachBy.PHONE: LetterStatus.READ_OUT,
}


def letters_for_people_not_online(
    session: Session,
    people: Iterable[User],
    *,
    subject: str,
    body: str,
    easy_read_body: str,
    kind: str,
) -> list[Letter]:
    """Called for every message sent: a letter for each person reached on paper."""
    by_id = {person.id: person for person in people}
    if not by_id:
        return []
    supported = session.scalars(
        select(SupportedAccount).where(
            SupportedAccount.user_id.in_(list(by_id)), SupportedAccount.taken_over_at.is_(None)
        )
    )
    letters = []
    for account in supported:
        person = by_id[account.user_id]
        letter = Letter(
            user_id=person.id,
            forum_id=account.forum_id,
            reach_by=account.reach_by,
            subject=subject[:200],
            body=body,
            easy_read_body=easy_read_body,
            easy_read=bool(person.easy_read),
            language=person.language or "en",
            kind=kind[:40],
        )
        session.add(letter)
        letters.append(letter)
    return letters


def waiting_count(session: Session, forum: Forum) -> int:
    return session.scalar(
        select(func.count(Letter.id)).where(
            Letter.forum_id == forum.id, Letter.status == LetterStatus.WAITING
        )
    )


def waiting_letters(
    session: Session, viewer: Viewer, forum: Forum, ids: Iterable[int] | None = None
) -> list[Letter]:
    """The forum's letters still to go out (or only ``ids`` of them), oldest first."""
    require_convenor(viewer, forum)
    query = (
        select(Letter)
        .options(selectinload(Letter.user))
        .where(Letter.forum_id == forum.id, Letter.status == LetterStatus.WAITING)
        .order_by(Letter.id)
    )
    if ids is not None:
        query = query.where(Letter.id.in_(list(ids)))
    return list(session.scalars(query))


def recent_sent(session: Session, viewer: Viewer, forum: Forum, limit: int = 20) -> list[Letter]:
    require_convenor(viewer, forum)
    return list(
        session.scalars(
            select(Letter)
            .options(selectinload(Letter.user))
            .where(Letter.forum_id == forum.id, Letter.status != LetterStatus.WAITING)
            .order_by(Letter.sent_at.desc(), Letter.id.desc())
            .limit(limit)
        )
    )


def addresses(session: Session, letters: list[Letter]) -> dict[int, str]:
    """Postal addresses for the letters that go by post, by person."""
    posted = {letter.user_id for letter in letters if letter.reach_by == ReachBy.POST}
    if not posted:
        return {}
    rows = session.execute(
        select(SupportedAccount.user_id, SupportedAccount.postal_address).where(
            SupportedAccount.user_id.in_(posted)
        )
    )
    return dict(rows.all())


def mark_sent(session: Session, viewer: Viewer, forum: Forum, ids: Iterable[int]) -> int:
    """Mark letters handed out, posted or read out (each by how that person is reached)."""
    chosen = waiting_letters(session, viewer, forum, ids)
    if not chosen:
        raise DomainError(_l("Choose the letters that have gone out."), field="letters")
    now = utcnow()
    for letter in chosen:
        letter.status = DONE_FOR[letter.reach_by]
        letter.sent_at = now
        letter.sent_by_id = viewer.user_id
    session.flush()
    return len(chosen)
