"""Translations that people write of what others wrote: briefings, meeting purposes and
summaries, and the glossary's explanations of hard words. Readers who chose the language
see the newest translation, who made it and when, and whether the English changed after
it was made; the English is one link away.

The easy-read renderer is English only, so a translation is shown as it was written."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Briefing, ContentTranslation, GlossaryEntry, Meeting
from forum_site.models.base import as_utc
from forum_site.services import briefings, glossary, glossary_drafts, meetings, translations
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_FIELD = 20_000


@dataclass(frozen=True)
class Kind:
    """What can be translated: how to load it for a viewer, its English words, who writes."""

    name: str
    load: Callable[[Session, Viewer, int], object]
    english: Callable[[object], dict[str, str]]
    writes: Callable[[Viewer, object], bool]
    labels: dict[str, object]
    # The team's shipped draft for a subject in a language, where there is one
    # (glossary_drafts); a person's translation always comes first.
    shipped: Callable[[object, str], dict | None] | None = None


def _briefing_english(briefing: Briefing) -> dict[str, str]:
    return {"title": briefing.title, "summary": briefing.summary, "body": briefing.body}


def _meeting_english(meeting: Meeting) -> dict[str, str]:
    return {"purpose": meeting.purpose, "debrief_summary": meeting.debrief_summary}


def _glossary_english(entry: GlossaryEntry) -> dict[str, str]:
    return {"plain": entry.plain, "easy": entry.easy}


KINDS: dict[str, Kind] = {
    "briefing": Kind(
        "briefing",
        briefings.get_briefing,
        _briefing_english,
        briefings.can_edit,
        {"title": _l("Title"), "summary": _l("Summary"), "body": _l("The briefing")},
    ),
    "meeting": Kind(
        "meeting",
        meetings.get_meeting,
        _meeting_english,
        lambda viewer, meeting: meetings.can_edit(viewer, meeting.forum_id),
        {"purpose": _l("What this meeting is for"), "debrief_summary": _l("Summary")},
    ),
    # Anyone may read the glossary; its editors (site admins) or a language's checkers
    # translate what a word means, in standard words and in easy read.
    "glossary": Kind(
        "glossary",
        lambda session, viewer, entry_id: glossary.get_entry_by_id(session, entry_id),
        _glossary_english,
        lambda viewer, entry: viewer.is_admin,
        {"plain": _l("What it means"), "easy": _l("In easy read")},
        shipped=glossary_drafts.draft_for,
    ),
}


@dataclass(frozen=True)
class Translation:
    language: str
    fields: dict[str, str]
    translated_by: str
    translated_at: datetime
    english_changed: bool
    # Written by the forum-site team and shipped with the site, not by a person here:
    # a draft that no fluent speaker has checked.
    team_draft: bool = False

    def get(self, name: str, english: str) -> str:
        """The translated words for a field, or the English when that field has none."""
        return self.fields.get(name) or english


def kind(name: str) -> Kind:
    if name not in KINDS:
        raise NotFound(_l("We could not find that page."))
    return KINDS[name]


def source_hash(english: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(english, sort_keys=True).encode()).hexdigest()


def latest(session: Session, kind_name: str, subject, language: str) -> Translation | None:
    """The newest translation into ``language``, or None (always None for English)."""
    if language == "en":
        return None
    row = session.scalar(
        select(ContentTranslation)
        .where(
            ContentTranslation.kind == kind_name,
            ContentTranslation.subject_id == subject.id,
            ContentTranslation.language == language,
        )
        .order_by(ContentTranslation.id.desc())
        .limit(1)
    )
    english = KINDS[kind_name].english(subject)
    if row is None:
        return _team_draft(kind_name, subject, language, english)
    return Translation(
        language=row.language,
        fields=dict(row.fields),
        translated_by=row.translated_by_name,
        translated_at=as_utc(row.created_at),
        english_changed=row.source_hash != source_hash(english),
    )


def _team_draft(kind_name: str, subject, language: str, english: dict) -> Translation | None:
    shipped = KINDS[kind_name].shipped
    draft = shipped(subject, language) if shipped else None
    if draft is None:
        return None
    return Translation(
        language=language,
        fields={name: draft[name] for name in ("name", "plain", "easy") if draft.get(name)},
        translated_by="",
        translated_at=glossary_drafts.made_on(draft),
        english_changed=draft.get("from") != source_hash(english),
        team_draft=True,
    )


def can_translate(session: Session, viewer: Viewer, kind_name: str, subject, language) -> bool:
    """The writer of the English, or a checker chosen for the language."""
    if not viewer.signed_in or language == "en":
        return False
    if KINDS[kind_name].writes(viewer, subject):
        return True
    return translations.can_review(session, viewer, language)


def save(
    session: Session,
    viewer: Viewer,
    kind_name: str,
    subject,
    language: str,
    words: dict[str, str],
    languages: dict[str, str],
) -> ContentTranslation:
    if language not in languages or language == "en":
        raise NotFound(_l("We do not have that language."))
    if not can_translate(session, viewer, kind_name, subject, language):
        raise NotAllowed(_l("Only the writer or a checker for this language can translate this."))
    english = KINDS[kind_name].english(subject)
    cleaned = {name: _clean(name, words.get(name, "")) for name in english if english[name]}
    if not any(cleaned.values()):
        raise DomainError(_l("Write the translation of at least one part."))
    row = ContentTranslation(
        kind=kind_name,
        subject_id=subject.id,
        language=language,
        fields={name: text for name, text in cleaned.items() if text},
        source_hash=source_hash(english),
        translated_by_id=viewer.user_id,
        translated_by_name=viewer.display_name,
    )
    session.add(row)
    session.flush()
    return row


def _clean(name: str, text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_FIELD:
        raise DomainError(
            _l("This can have up to %(n)s characters.", n=f"{MAX_FIELD:,}"), field=name
        )
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise DomainError(_l("Take out the control characters, then save again."), field=name)
    return text
