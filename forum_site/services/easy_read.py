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

from easyread.model import Document, HardWordBox, NextStep, NumberCallout, Point, Section
from easyread.pictures import alt_text, has_picture, manifest
from forum_site.models import EasyReadVersion, Meeting, User
from forum_site.models.base import as_utc, utcnow
from forum_site.services import easy_read_facts as facts_service
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
    # DN-08: fact rows changed since the check (they say so), or the check was withdrawn.
    changed_rows: int = 0
    check_withdrawn: bool = False
    # DN-07: the automatic version has rows that need a person; readers get the
    # standard text instead, and the writer sees these.
    flags: tuple = ()

    @property
    def waiting_for_a_person(self) -> bool:
        return bool(self.flags)

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


def meeting_text_hash(meeting: Meeting) -> str:
    """The free text of the easy-read meeting page: a person's check covers these words."""
    closed = [(c.topic, c.reason) for c in meeting.closed_topics]
    return source_hash(meeting.title, meeting.purpose, repr(meeting.everything_open), repr(closed))


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
    text_hash: str | None = None,
) -> EasyRead:
    """What readers see: the checked version, with its fact sections made again from the
    data (DN-08); or, with no check (or a withdrawn one), the automatic version if it
    passes the renderer's flags (DN-07).

    ``text_hash`` fingerprints the free text a check covers (default: all the source).
    ``build`` makes the automatic version.
    """
    stored = stored_version(session, kind, subject_id)
    if stored is None or not stored.is_checked:
        return _automatic(build(), kind=kind)
    text_now = text_hash or source_hash
    facts = stored.checked_facts or {}
    same_source = stored.source_hash == source_hash
    if not same_source and facts.get("text_hash", stored.source_hash) != text_now:
        return _automatic(build(), check_withdrawn=True, kind=kind)
    checked_at = as_utc(stored.checked_at)
    document = Document.from_dict(stored.document)
    merged = facts_service.Merged(document, 0)
    if facts_service.fact_headings(kind):
        merged = facts_service.merge(
            kind, document, build(), facts if not same_source else None, checked_at
        )
    document = merged.document
    document.mark_checked(stored.checked_by_name, checked_at.isoformat())
    return EasyRead(
        document=document,
        checked_by=stored.checked_by_name,
        checked_at=checked_at,
        out_of_date=False,
        changed_rows=merged.changed_rows,
    )


def _automatic(document: Document, check_withdrawn: bool = False, kind: str = "") -> EasyRead:
    return EasyRead(
        document=document,
        check_withdrawn=check_withdrawn,
        flags=tuple(facts_service.flags(document, kind)),
    )


def checked_or_automatic(
    session: Session,
    kind: str,
    subject_id: int,
    source_hash: str,
    build: Callable[[], Document],
    text_hash: str | None = None,
) -> Document:
    """Just the document (for PDFs), made exactly as the page makes it. When rows still
    need a person, the print says so first (DN-07)."""
    result = easy_read_document(session, kind, subject_id, source_hash, build, text_hash)
    if result.waiting_for_a_person:
        notice = Point([MAKING_IT, "Until then, some parts are in the standard words."])
        result.document.sections.insert(0, Section("", [notice]))
    return result.document


MAKING_IT = "A person is making the easy-read version of this."


def tell_checker(
    session: Session,
    kind: str,
    subject_id: int,
    source_hash: str,
    *,
    title: str,
    link: str,
    site_url: str = "",
) -> bool:
    """Tell the person who checked an easy read that its facts or words changed (DN-08).

    Called by the area's service after a change; each change is told once."""
    from forum_site.services import messages

    stored = stored_version(session, kind, subject_id)
    if stored is None or not stored.is_checked or stored.checked_by is None:
        return False
    if source_hash in (stored.source_hash, stored.checker_told_hash):
        return False
    stored.checker_told_hash = source_hash
    messages.send_message(
        session,
        [stored.checked_by],
        subject=f"Easy read to check again: {title}",
        body=f"You checked the easy read of '{title}'. Something in it has changed since. "
        "The changed parts now say so. Please look at it again and check it.",
        easy_read_body="Something changed in an easy read you checked. Please check it again.",
        link=link,
        kind="easy-read-changed",
        site_url=site_url,
    )
    session.flush()
    return True


def draft_document(
    session: Session, kind: str, subject_id: int, build: Callable[[], Document]
) -> tuple[Document, EasyReadVersion | None]:
    """What the person checking starts from: their saved edits, or a fresh automatic version."""
    stored = stored_version(session, kind, subject_id)
    if stored is None:
        return build(), None
    saved = Document.from_dict(stored.document)
    if not facts_service.fact_headings(kind):
        return saved, stored
    # The fact rows always come from the data (DN-08): the person checks today's facts.
    return facts_service.merge(kind, saved, build(), None, utcnow()).document, stored


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
    automatic: Document | None = None,
    text_hash: str | None = None,
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
    stored.checker_told_hash = ""
    stored.checked_facts = (
        facts_service.snapshot(kind, automatic, text_hash or source_hash)
        if checked and automatic is not None
        else None
    )
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
