"""Paper contribution forms: a short code on every page, and typing the answers back in.

Many members are not online. A convenor prints a form for a meeting, people write on it,
and the convenor types each sheet in. Each written answer becomes a contribution
recorded "from paper form" (through the contributions service, so the same rules apply),
linked back to the form it came from.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Meeting, PaperForm, PaperFormAnswer, PaperFormEntry
from forum_site.models.contributions import Source
from forum_site.services import contributions
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.once import insert_once
from forum_site.services.viewer import Viewer
from forum_site.words import _l

# No 0/O, 1/I/L: codes are read off paper and typed by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
OTHER_QUESTION = "other"
REVIEW_SCALE = (1, 2, 3)  # no, partly, yes: the same scale as the online meeting review
DEFAULT_PROMPT = "What do you think about this?"
OTHER_TITLE = "Anything else you want to tell us"


class UnknownCode(DomainError):
    """The typed code is not one we printed."""


def questions_for(meeting: Meeting) -> list[dict]:
    """The form's questions, in agenda order, then one for anything else."""
    questions = [
        {
            "key": f"item-{item.id}",
            "agenda_item_id": item.id,
            "title": item.title,
            "prompt": item.what_we_want.strip() or DEFAULT_PROMPT,
        }
        for item in meeting.agenda_items
    ]
    questions.append(
        {"key": OTHER_QUESTION, "agenda_item_id": None, "title": OTHER_TITLE, "prompt": ""}
    )
    return questions


def _hash(questions: list[dict]) -> str:
    return hashlib.sha256(json.dumps(questions, sort_keys=True).encode()).hexdigest()


def form_for_meeting(session: Session, viewer: Viewer, meeting: Meeting) -> PaperForm:
    """The form for the meeting's current questions: the same code until the agenda changes.

    Printing writes nothing: the code is worked out from the meeting and its questions, so
    printing twice at once (or on two computers) gives one code. The form is stored when
    the first sheet is typed in (``save_form``).
    ``meeting`` must come from meetings.get_meeting, which has checked the viewer may see it."""
    questions = questions_for(meeting)
    digest = _hash(questions)
    stored = _stored(session, meeting.id, digest)
    if stored is not None:
        return stored
    return PaperForm(
        code=code_for(meeting.id, digest),
        meeting_id=meeting.id,
        meeting=meeting,
        forum_id=meeting.forum_id,
        forum=meeting.forum,
        questions=questions,
        questions_hash=digest,
        created_by_id=viewer.user_id,
    )


def _stored(session: Session, meeting_id: int, digest: str) -> PaperForm | None:
    return session.scalar(
        select(PaperForm)
        .options(selectinload(PaperForm.meeting), selectinload(PaperForm.forum))
        .where(PaperForm.meeting_id == meeting_id, PaperForm.questions_hash == digest)
    )


def code_for(meeting_id: int, digest: str) -> str:
    """Six characters from the meeting and its questions (no 0/O, 1/I/L)."""
    number = int(hashlib.sha256(f"paper-form:{meeting_id}:{digest}".encode()).hexdigest(), 16)
    characters = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(CODE_ALPHABET))
        characters.append(CODE_ALPHABET[index])
    return "".join(characters)


def save_form(session: Session, form: PaperForm) -> PaperForm:
    """Store a printed form (once, however many people type sheets in at the same moment)."""
    if inspect(form).persistent:
        return form
    return insert_once(
        session, form, lambda: _stored(session, form.meeting_id, form.questions_hash)
    )


def _printed_form(session: Session, viewer: Viewer, code: str) -> PaperForm | None:
    """A form that was printed but not typed into yet: one of the convenor's meetings whose
    current questions give this code."""
    forum_ids = [f for f, role in viewer.forum_roles.items() if viewer.convenes(f)]
    if viewer.is_admin:
        forum_ids = None
    query = select(Meeting).options(selectinload(Meeting.agenda_items), selectinload(Meeting.forum))
    if forum_ids is not None:
        query = query.where(Meeting.forum_id.in_(forum_ids))
    for meeting in session.scalars(query):
        form = form_for_meeting(session, viewer, meeting)
        if form.code == code:
            return form
    return None


def normalise_code(typed: str) -> str:
    """What people type: any case, with or without spaces and dashes."""
    return re.sub(r"[\s\-_.]", "", (typed or "").upper())


def find_form(session: Session, viewer: Viewer, typed: str) -> PaperForm:
    """The form with this code, for a convenor of its forum; clear messages otherwise."""
    raw = (typed or "").strip()
    if not raw:
        raise UnknownCode("Type the code from the top of the form, for example K7M-2QX.", "code")
    code = normalise_code(raw)
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        raise UnknownCode(
            f"“{raw[:20]}” is not a form code. Codes have 6 letters and numbers, like K7M-2QX.",
            "code",
        )
    form = session.scalar(
        select(PaperForm)
        .options(selectinload(PaperForm.meeting), selectinload(PaperForm.forum))
        .where(PaperForm.code == code)
    )
    if form is None:
        form = _printed_form(session, viewer, code)
    if form is None or not viewer.convenes(form.forum_id):
        raise UnknownCode(
            f"We could not find a form with the code {code[:3]}-{code[3:]}. "
            "Check the code at the top of each page of the form.",
            "code",
        )
    return form


@dataclass
class Sheet:
    """One person's sheet as typed: answers by question key, review ticks, who it was."""

    answers: dict[str, str] = field(default_factory=dict)
    purpose_clear: int | None = None
    listened_to: int | None = None
    member_id: int | None = None
    consent_given: bool = False


def record_sheet(session: Session, viewer: Viewer, form: PaperForm, sheet: Sheet) -> PaperFormEntry:
    """Every answer on the sheet becomes a contribution "from paper form", in form order."""
    if not viewer.convenes(form.forum_id):
        raise NotAllowed(_l("Only the forum's convenors can type in paper forms."))
    _check_sheet(form, sheet)
    form = save_form(session, form)
    entry = PaperFormEntry(
        form_id=form.id,
        sheet_number=_next_sheet(session, form),
        entered_by_id=viewer.user_id,
        member_id=sheet.member_id,
        purpose_clear=sheet.purpose_clear,
        listened_to=sheet.listened_to,
    )
    session.add(entry)
    session.flush()
    item_ids = {item.id for item in form.meeting.agenda_items}
    for position, question in enumerate(form.questions):
        text = (sheet.answers.get(question["key"]) or "").strip()
        if text:
            contribution = _contribute(
                session, viewer, form, entry, question, text, item_ids, sheet
            )
            session.add(
                PaperFormAnswer(
                    entry_id=entry.id,
                    position=position,
                    question_key=question["key"],
                    contribution_id=contribution.id,
                )
            )
    session.flush()
    return entry


def _check_sheet(form: PaperForm, sheet: Sheet) -> None:
    for value in (sheet.purpose_clear, sheet.listened_to):
        if value is not None and value not in REVIEW_SCALE:
            raise DomainError(_l("Choose no, partly or yes, or leave it blank."))
    if sheet.member_id is not None and not sheet.consent_given:
        raise DomainError(
            _l("Tick the box to show the person agreed to you sending this for them."),
            field="consent_given",
        )
    answered = any((sheet.answers.get(q["key"]) or "").strip() for q in form.questions)
    if not answered and sheet.purpose_clear is None and sheet.listened_to is None:
        raise DomainError(_l("Type at least one answer, or a tick, before saving this sheet."))


def _next_sheet(session: Session, form: PaperForm) -> int:
    highest = session.scalar(
        select(func.max(PaperFormEntry.sheet_number)).where(PaperFormEntry.form_id == form.id)
    )
    return (highest or 0) + 1


def _contribute(session, viewer, form, entry, question, text, item_ids, sheet):
    item_id = question.get("agenda_item_id")
    target = contributions.Target(
        meeting_id=form.meeting_id, agenda_item_id=item_id if item_id in item_ids else None
    )
    return contributions.record_for_member(
        session,
        viewer,
        form.forum,
        text=text,
        member_id=entry.member_id,
        source=Source.PAPER_FORM,
        consent_given=sheet.consent_given,
        topic=question["title"] if question["key"] != OTHER_QUESTION else "",
        target=target,
        submission_token=f"paper-{form.code}-{entry.sheet_number}-{question['key']}",
    )


def sheets_typed(session: Session, form: PaperForm) -> list[PaperFormEntry]:
    """Sheets typed in so far, each with the contributions it became, in two queries."""
    return list(
        session.scalars(
            select(PaperFormEntry)
            .options(selectinload(PaperFormEntry.answers))
            .where(PaperFormEntry.form_id == form.id)
            .order_by(PaperFormEntry.sheet_number)
        )
    )
