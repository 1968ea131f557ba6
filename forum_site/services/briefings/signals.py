"""Readers saying "I didn't understand this part"; only the writer's side sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Briefing, UnclearSignal
from forum_site.services.briefings import require_editor
from forum_site.services.errors import NotFound
from forum_site.services.viewer import Viewer
from forum_site.services.visibility import nameable_people
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


@dataclass(frozen=True)
class SignalShown:
    """A signal as this viewer may see it: ``name`` is empty when the reader gave none, or
    when naming them would reveal that they belong to a private forum."""

    section: str
    quoted: str
    note: str
    created_at: datetime
    name: str


def unclear_signals(session: Session, viewer: Viewer, briefing: Briefing) -> list[SignalShown]:
    require_editor(viewer, briefing)
    signals = list(
        session.scalars(
            select(UnclearSignal)
            .options(selectinload(UnclearSignal.user))
            .where(UnclearSignal.briefing_id == briefing.id)
            .order_by(UnclearSignal.created_at.desc(), UnclearSignal.id.desc())
        )
    )
    named = nameable_people(session, viewer, briefing.forums, [s.user_id for s in signals])
    return [
        SignalShown(
            section=s.section,
            quoted=s.quoted,
            note=s.note,
            created_at=s.created_at,
            name=s.user.display_name if s.user is not None and s.user_id in named else "",
        )
        for s in signals
    ]
