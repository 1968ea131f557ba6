"""Easy-read versions: made automatically, or edited and checked by a person (ER-16).

Area views call :func:`easy_read_document` with a builder for the automatic version.
They get back the version a person checked when there is one, or the automatic one,
and enough to say which it is ("checked by a person" with a name and date, or "made
automatically") and whether the source has changed since it was checked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from easyread.model import Document, HardWordBox, NextStep, NumberCallout, Point
from easyread.pictures import alt_text, has_picture, manifest
from forum_site.models import EasyReadVersion, Meeting, User
from forum_site.models.base import as_utc, utcnow
from forum_site.services.errors import DomainError
from forum_site.words import _l

MAX_SENTENCE_CHARACTERS = 300
MAX_SENTENCES_IN_A_POINT = 3


@dataclass(frozen=True)
class EasyRead:
    """What a page shows: the document, and who made it."""

    document: Document
    checked_by: str = ""
    checked_at: datetime | None = None
    out_of_date: bool = False

    @property
    def checked_by_a_person(self) -> bool:
        return bool(self.checked_by) and self.checked_at is not None

    @property
    def made_automatically(self) -> bool:
        return not self.checked_by_a_person


def source_hash(*parts: str | None) -> str:
    """A fingerprint of the text an easy-read version is made from."""
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ what each kind is made from


def briefing_source_hash(briefing) -> str:
    """A briefing's easy read is made from its title and text."""
    return source_hash(briefing.title, briefing.body)


def _stable(value):
    """The same text for a value however the database hands it back (naive or aware times)."""
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    return getattr(value, "value", value)


def meeting_summary_source_hash(meeting: Meeting) -> str:
    """The summary, what happened and was decided on each agenda item, and the actions."""
    items = [(i.title, i.what_happened, i.what_was_decided) for i in meeting.agenda_items]
    actions = [(a.who, a.what) for a in meeting.actions]
    return source_hash(meeting.title, meeting.debrief_summary, repr(items), repr(actions))


def meeting_source_hash(meeting: Meeting) -> str:
    """Everything the easy-read meeting page is made from (web/meetings/easy_read.py)."""
    agenda = [
        (i.title, i.influence.value, i.decision_maker, i.what_we_want) for i in meeting.agenda_items
    ]
    closed = [(c.topic, c.reason) for c in meeting.closed_topics]
    facts = [
        _stable(getattr(meeting, name))
        for name in (
            "title", "purpose", "starts_at", "ends_at", "venue_name", "venue_address",
            "joining_details", "everything_open", "step_free", "hearing_loop",
            "accessible_toilet", "quiet_room", "parking", "contact_on_the_day",
            "paid_for_time", "expenses_travel", "expenses_lunch", "expenses_carer",
            "how_to_claim",
        )
    ]  # fmt: skip
    return source_hash(repr(facts), repr(agenda), repr(closed))


# ------------------------------------------------------------------ stored versions


def stored_version(session: Session, kind: str, subject_id: int) -> EasyReadVersion | None:
    return session.scalar(
        select(EasyReadVersion).where(
            EasyReadVersion.kind == kind, EasyReadVersion.subject_id == subject_id
        )
    )


def easy_read_document(
    session: Session,
    kind: str,
    subject_id: int,
    source_hash: str,
    build: Callable[[], Document],
) -> EasyRead:
    """The checked version when a person checked one, otherwise the automatic one.

    ``build`` makes the automatic version; it is only called when it is needed.
    """
    stored = stored_version(session, kind, subject_id)
    if stored is None or not stored.is_checked:
        return EasyRead(document=build())
    document = Document.from_dict(stored.document)
    document.mark_checked(stored.checked_by_name, as_utc(stored.checked_at).isoformat())
    return EasyRead(
        document=document,
        checked_by=stored.checked_by_name,
        checked_at=as_utc(stored.checked_at),
        out_of_date=stored.source_hash != source_hash,
    )


def checked_or_automatic(
    session: Session, kind: str, subject_id: int, source_hash: str, build: Callable[[], Document]
) -> Document:
    """Just the document (for PDFs): the version a person checked, or the automatic one."""
    return easy_read_document(session, kind, subject_id, source_hash, build).document


def draft_document(
    session: Session, kind: str, subject_id: int, build: Callable[[], Document]
) -> tuple[Document, EasyReadVersion | None]:
    """What the person checking starts from: their saved edits, or a fresh automatic version."""
    stored = stored_version(session, kind, subject_id)
    if stored is None:
        return build(), None
    return Document.from_dict(stored.document), stored


def rebuild(session: Session, kind: str, subject_id: int) -> None:
    """Throw away the edits, so the next version is made automatically from the source."""
    stored = stored_version(session, kind, subject_id)
    if stored is not None:
        session.delete(stored)
        session.flush()


@dataclass(frozen=True)
class PointEdit:
    """A person's change to one row: its sentences (one per line) and its picture."""

    section: int
    item: int
    sentences: list[str]
    picture: str | None


def apply_edits(document: Document, edits: list[PointEdit]) -> Document:
    """Put a person's sentences and pictures into the document, checking each one."""
    for edit in edits:
        item = _item_at(document, edit)
        sentences = [" ".join(s.split()) for s in edit.sentences if s.strip()]
        field = f"s{edit.section}_{edit.item}_text"
        if isinstance(item, Point | NextStep) and not sentences:
            raise DomainError(_l("Write at least one sentence, or the point will be empty."), field)
        if len(sentences) > MAX_SENTENCES_IN_A_POINT:
            raise DomainError(_l("Keep each point to 3 short sentences or fewer."), field)
        if any(len(s) > MAX_SENTENCE_CHARACTERS for s in sentences):
            raise DomainError(_l("Each sentence can have up to 300 characters."), field)
        if edit.picture and not has_picture(edit.picture):
            raise DomainError(
                _l("Choose a picture from the list."), f"s{edit.section}_{edit.item}_pic"
            )
        _set_text(item, sentences)
        if edit.picture != item.picture:
            item.picture = edit.picture or None
            if isinstance(item, Point):
                item.picture_chosen_by_author = True
    return document


def _item_at(document: Document, edit: PointEdit):
    try:
        return document.sections[edit.section].items[edit.item]
    except IndexError:
        raise DomainError(
            _l("That point is not in this easy read any more. Reload the page.")
        ) from None


def _set_text(item, sentences: list[str]) -> None:
    if isinstance(item, Point | NextStep):
        item.sentences = sentences
        if isinstance(item, Point):
            item.needs_attention = False
    elif isinstance(item, HardWordBox) and sentences:
        item.explanation = " ".join(sentences)
    elif isinstance(item, NumberCallout) and sentences:
        item.sentence = " ".join(sentences)


def editable_text(item) -> list[str]:
    """The sentences of a row as the person checking sees them, one per line."""
    if isinstance(item, Point | NextStep):
        return list(item.sentences)
    if isinstance(item, HardWordBox):
        return [item.explanation]
    if isinstance(item, NumberCallout):
        return [item.sentence]
    return [item.text] if getattr(item, "text", "") else []


def save_version(
    session: Session,
    *,
    kind: str,
    subject_id: int,
    source_hash: str,
    document: Document,
    person: User,
    checked: bool,
) -> EasyReadVersion:
    """Keep a person's edited version; ``checked`` records them as the person who checked it.

    Saving without checking clears an earlier check: a changed version has not been checked.
    """
    stored = stored_version(session, kind, subject_id)
    if stored is None:
        stored = EasyReadVersion(kind=kind, subject_id=subject_id)
        session.add(stored)
    now = utcnow()
    document.checked_by, document.checked_at, document.made_automatically = "", "", True
    stored.document = document.to_dict()
    stored.source_hash = source_hash
    stored.edited_by_id, stored.edited_at = person.id, now
    if checked:
        stored.checked_by_id, stored.checked_by_name, stored.checked_at = (
            person.id,
            person.display_name,
            now,
        )
    else:
        stored.checked_by_id, stored.checked_by_name, stored.checked_at = None, "", None
    session.flush()
    return stored


@dataclass(frozen=True)
class PictureChoice:
    id: str
    name: str


def picture_choices() -> list[PictureChoice]:
    """Every bundled picture with the name a person would look for, sorted by that name."""
    found = [PictureChoice(pid, alt_text(pid)) for pid in manifest()]
    return sorted(found, key=lambda choice: (choice.name.lower(), choice.id))
