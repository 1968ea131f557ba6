"""Hard words in a briefing: the writer lets the glossary explain them (adding the word
with a plain meaning if it is new) or gives a reason to keep them. Stored per briefing."""

from __future__ import annotations

from sqlalchemy.orm import Session

from easyread.checks.base import normalise
from forum_site.models import Briefing, GlossarySource, KeptTerm, KeptTermKind
from forum_site.services import glossary
from forum_site.services.briefings import MAX_REASON, require_editor
from forum_site.services.errors import DomainError
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l


def keep_word(
    session: Session, viewer: Viewer, briefing: Briefing, *, word: str, reason: str
) -> KeptTerm:
    """Keep a hard word in this briefing, with the writer's reason (shown to nobody else)."""
    require_editor(viewer, briefing)
    reason = clean_text(reason or "")
    if not reason:
        raise DomainError(_l("Say why you need to keep this word."), field="reason")
    if len(reason) > MAX_REASON:
        raise DomainError(
            _l("Keep the reason to %(max_reason)s characters or fewer.", max_reason=MAX_REASON),
            field="reason",
        )
    return _kept(session, viewer, briefing, word, KeptTermKind.REASON, reason=reason)


def explain_in_glossary(
    session: Session,
    viewer: Viewer,
    briefing: Briefing,
    *,
    word: str,
    plain: str = "",
    easy: str = "",
    acronym_for: str = "",
) -> KeptTerm:
    """Use the glossary's meaning, adding the word with the writer's plain meaning if new."""
    require_editor(viewer, briefing)
    entry = glossary.find_by_name(session, word)
    if entry is None:
        entry = glossary.add_entry(
            session,
            viewer,
            term=word,
            plain=plain,
            easy=easy,
            acronym_for=acronym_for,
            source=GlossarySource.WRITER,
        )
    return _kept(session, viewer, briefing, word, KeptTermKind.GLOSSARY, entry=entry)


def _kept(session, viewer, briefing, word, kind, reason="", entry=None) -> KeptTerm:
    key = normalise(entry.slug if entry is not None else word)
    existing = next((k for k in briefing.kept_terms if k.term == key), None)
    if existing is None:
        existing = KeptTerm(briefing=briefing, term=key)
        session.add(existing)
    existing.kind, existing.reason, existing.chosen_by_id = kind, reason, viewer.user_id
    existing.glossary_entry = entry
    session.flush()
    return existing
