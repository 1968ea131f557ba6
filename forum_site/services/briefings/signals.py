"""Readers saying "I didn't understand this part"; only the writer's side sees them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Briefing, UnclearSignal
from forum_site.services.briefings import require_editor
from forum_site.services.errors import NotFound
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l


def say_unclear(
    session: Session,
    viewer: Viewer,
    briefing: Briefing,
    *,
    section: str,
    quoted: str = "",
    note: str = "",
    anonymous: bool = False,
) -> UnclearSignal:
    if not briefing.is_published:
        raise NotFound(_l("We could not find that briefing."))
    quoted, note = clean_text(quoted or "")[:1000], clean_text(note or "")[:1000]
    signal = UnclearSignal(
        briefing_id=briefing.id,
        user_id=None if anonymous or not viewer.signed_in else viewer.user_id,
        section=" ".join(clean_text(section or "").split())[:200],
        quoted=quoted,
        note=note,
    )
    session.add(signal)
    session.flush()
    return signal


def unclear_signals(session: Session, viewer: Viewer, briefing: Briefing) -> list[UnclearSignal]:
    require_editor(viewer, briefing)
    return list(
        session.scalars(
            select(UnclearSignal)
            .options(selectinload(UnclearSignal.user))
            .where(UnclearSignal.briefing_id == briefing.id)
            .order_by(UnclearSignal.created_at.desc(), UnclearSignal.id.desc())
        )
    )
