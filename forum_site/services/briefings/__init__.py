"""Briefings: writing, publishing, editing with history, and who may see them.

A commissioner of every forum a briefing goes to writes it. Publishing is refused while
the text uses jargon or initials that are not explained, unless the writer adds the word
to the glossary or gives a reason to keep it (stored per briefing as a KeptTerm)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Briefing,
    BriefingStatus,
    BriefingVersion,
    Forum,
    KeptTerm,
    Meeting,
    Membership,
    NoticeKind,
    User,
    briefing_forum,
    briefing_meeting,
)
from forum_site.services.briefings.checking import (
    blocking,
    check_writing,
    tidy_pasted,
    too_long_message,
)
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.notifications import notify
from forum_site.services.pagination import Page, newest_first, paginate
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l

MAX_TITLE = 200
NOT_YET = datetime(9999, 12, 31, tzinfo=UTC)  # drafts sort before everything published
MAX_SUMMARY = 300
MAX_WHAT_CHANGED = 1000
MAX_REASON = 500


@dataclass
class BriefingText:
    """What the writer typed, already tidied."""

    title: str
    summary: str
    body: str
    forum_ids: list[int]
    meeting_ids: list[int] = ()
    what_changed: str = ""


# ------------------------------------------------------------------ who may do what


def can_write_for(viewer: Viewer, forum: Forum) -> bool:
    return viewer.signed_in and viewer.commissions(forum.id)


def can_edit(viewer: Viewer, briefing: Briefing) -> bool:
    """The briefing's own organisation edits it (and named co-authors), never a commissioner
    of another organisation who happens to commission one of its forums."""
    if not viewer.signed_in:
        return False
    if viewer.is_admin or briefing.author_id == viewer.user_id:
        return True
    if briefing.organisation_id is not None and briefing.organisation_id in viewer.organisation_ids:
        return True
    return any(user.id == viewer.user_id for user in briefing.coauthors)


def shown_forums(viewer: Viewer, briefing: Briefing) -> list[Forum]:
    """The briefing's forums this viewer may know about (a private forum stays hidden)."""
    return [f for f in briefing.forums if viewer.can_see_forum(f)]


def can_see(viewer: Viewer, briefing: Briefing) -> bool:
    if not briefing.is_published:
        return can_edit(viewer, briefing)
    return any(viewer.can_see_forum(f) for f in briefing.forums) or can_edit(viewer, briefing)


def get_briefing(session: Session, viewer: Viewer, briefing_id: int) -> Briefing:
    """The briefing, or NotFound: a private forum's briefing looks missing to outsiders."""
    briefing = session.scalar(
        select(Briefing)
        .options(
            selectinload(Briefing.forums),
            selectinload(Briefing.meetings),
            selectinload(Briefing.versions),
            selectinload(Briefing.kept_terms).selectinload(KeptTerm.glossary_entry),
            selectinload(Briefing.author),
            selectinload(Briefing.coauthors),
        )
        .where(Briefing.id == briefing_id)
    )
    if briefing is None or not can_see(viewer, briefing):
        raise NotFound(_l("We could not find that briefing."))
    return briefing


NEWEST_FIRST = newest_first(func.coalesce(Briefing.published_at, NOT_YET), Briefing.id)


def forum_briefings_page(
    session: Session, viewer: Viewer, forum: Forum, cursor: str | None
) -> Page[Briefing]:
    """A page of the forum's briefings: drafts first (for commissioners), then newest."""
    query = (
        select(Briefing)
        .join(briefing_forum, briefing_forum.c.briefing_id == Briefing.id)
        .where(briefing_forum.c.forum_id == forum.id)
        .options(selectinload(Briefing.author))
    )
    if not viewer.commissions(forum.id):
        query = query.where(Briefing.status == BriefingStatus.PUBLISHED)
    return paginate(session, query, NEWEST_FIRST, cursor)


def latest_published(session: Session, forum: Forum, limit: int) -> list[Briefing]:
    """The forum's newest published briefings (everyone who sees the forum may read them)."""
    return list(
        session.scalars(
            select(Briefing)
            .join(briefing_forum, briefing_forum.c.briefing_id == Briefing.id)
            .where(
                briefing_forum.c.forum_id == forum.id, Briefing.status == BriefingStatus.PUBLISHED
            )
            .order_by(Briefing.published_at.desc())
            .limit(limit)
        )
    )


def linked_to_meeting(
    session: Session, viewer: Viewer, meeting: Meeting, *, newest_first: bool = False
) -> list[Briefing]:
    """Published briefings linked to the meeting that this viewer may read, and the
    drafts linked to it that this viewer may edit (so a writer sees where theirs will go)."""
    order = (Briefing.published_at, Briefing.id)
    found = session.scalars(
        select(Briefing)
        .join(briefing_meeting, briefing_meeting.c.briefing_id == Briefing.id)
        .where(briefing_meeting.c.meeting_id == meeting.id)
        .options(selectinload(Briefing.forums))
        .order_by(*(column.desc() for column in order) if newest_first else order)
    )
    return [
        briefing
        for briefing in found
        if (briefing.status == BriefingStatus.PUBLISHED and can_see(viewer, briefing))
        or can_edit(viewer, briefing)
    ]


def version_counts(session: Session, briefings: list[Briefing]) -> dict[int, int]:
    ids = [b.id for b in briefings]
    return dict(
        session.execute(
            select(BriefingVersion.briefing_id, func.count(BriefingVersion.id))
            .where(BriefingVersion.briefing_id.in_(ids))
            .group_by(BriefingVersion.briefing_id)
        ).all()
    )


def writable_forums(session: Session, viewer: Viewer) -> list[Forum]:
    forums = session.scalars(select(Forum).order_by(Forum.name)).all()
    return [f for f in forums if can_write_for(viewer, f)]


def writable_meetings(session: Session, forums: list[Forum]) -> list[Meeting]:
    ids = [f.id for f in forums]
    return list(
        session.scalars(
            select(Meeting).where(Meeting.forum_id.in_(ids)).order_by(Meeting.starts_at.desc())
        )
    )


# ------------------------------------------------------------------ writing


def tidy(text: BriefingText) -> tuple[BriefingText, tuple[str, ...]]:
    """Tidy pasted text in every field; the notes say what changed, so nothing is lost."""
    body = tidy_pasted(text.body or "")
    title = tidy_pasted(text.title or "").text.replace("\n", " ")
    summary = tidy_pasted(text.summary or "").text.replace("\n", " ")
    tidied = BriefingText(
        title=" ".join(title.split()),
        summary=" ".join(summary.split()),
        body=body.text,
        forum_ids=list(text.forum_ids),
        meeting_ids=list(text.meeting_ids or ()),
        what_changed=clean_text(text.what_changed or ""),
    )
    return tidied, body.notes


def _validate(text: BriefingText, forums_kept: bool = False) -> None:
    if not text.title:
        raise DomainError(_l("Give the briefing a title."), field="title")
    if len(text.title) > MAX_TITLE:
        raise DomainError(
            _l("The title can have up to %(max_title)s characters.", max_title=MAX_TITLE),
            field="title",
        )
    if len(text.summary) > MAX_SUMMARY:
        raise DomainError(
            _l(
                "The summary can have up to %(max_summary)s characters: one short sentence.",
                max_summary=MAX_SUMMARY,
            ),
            field="summary",
        )
    message = too_long_message(text.body)
    if message:
        raise DomainError(message, field="body")
    if not text.forum_ids and not forums_kept:
        raise DomainError(_l("Choose at least one forum to send the briefing to."), field="forums")


def _linked_forums(session: Session, viewer: Viewer, forum_ids: list[int]) -> list[Forum]:
    forums = list(session.scalars(select(Forum).where(Forum.id.in_(forum_ids))))
    if len(forums) != len(set(forum_ids)):
        raise DomainError(_l("One of the forums chosen does not exist."), field="forums")
    for forum in forums:
        if not can_write_for(viewer, forum):
            raise NotAllowed(
                _l("You can only send briefings to forums whose services you commission."),
                field="forums",
            )
    return forums


def _linked_meetings(session: Session, forums: list[Forum], ids: list[int]) -> list[Meeting]:
    if not ids:
        return []
    forum_ids = {f.id for f in forums}
    meetings = list(session.scalars(select(Meeting).where(Meeting.id.in_(ids))))
    if len(meetings) != len(set(ids)) or any(m.forum_id not in forum_ids for m in meetings):
        raise DomainError(
            _l("Choose meetings of the forums this briefing goes to."), field="meetings"
        )
    return meetings


def create_draft(session: Session, viewer: Viewer, text: BriefingText) -> Briefing:
    if not viewer.signed_in:
        raise NotAllowed(_l("Sign in to write a briefing."))
    _validate(text)
    forums = _linked_forums(session, viewer, text.forum_ids)
    briefing = Briefing(
        organisation_id=_organisation_for(viewer, forums),
        title=text.title,
        summary=text.summary,
        body=text.body,
        author_id=viewer.user_id,
        status=BriefingStatus.DRAFT,
        forums=forums,
        meetings=_linked_meetings(session, forums, list(text.meeting_ids)),
    )
    session.add(briefing)
    session.flush()
    return briefing


def _organisation_for(viewer: Viewer, forums: list[Forum]) -> int | None:
    """The writer's organisation that commissions these forums (the first, if several)."""
    for organisation_id in sorted(viewer.organisation_ids):
        if all(organisation_id in {o.id for o in f.organisations} for f in forums):
            return organisation_id
    return min(viewer.organisation_ids, default=None)


def save_changes(session: Session, viewer: Viewer, briefing: Briefing, text: BriefingText) -> None:
    """Change a draft freely; a published briefing gets a new version and "what changed".

    Forums the editor may not write for stay as they are: they are not shown on the edit
    page, so leaving them out of the form must not remove them."""
    if not can_edit(viewer, briefing):
        raise NotAllowed(_l("Only the writer or a commissioner of its forums can change this."))
    kept = [f for f in briefing.forums if not can_write_for(viewer, f)]
    text.forum_ids = [i for i in text.forum_ids if i not in {f.id for f in kept}]
    _validate(text, forums_kept=bool(kept))
    if briefing.is_published:
        if not text.what_changed:
            raise DomainError(
                _l("Say in a sentence what you changed. Readers will see it."), field="what_changed"
            )
        if len(text.what_changed) > MAX_WHAT_CHANGED:
            raise DomainError(_l("Keep “what changed” short."), field="what_changed")
        _refuse_unexplained(session, briefing, text.body, field="body")
    forums = _linked_forums(session, viewer, text.forum_ids) if text.forum_ids else []
    briefing.title, briefing.summary, briefing.body = text.title, text.summary, text.body
    briefing.forums = [*forums, *kept]
    kept_meetings = [m for m in briefing.meetings if m.forum_id in {f.id for f in kept}]
    briefing.meetings = [*_linked_meetings(session, forums, list(text.meeting_ids)), *kept_meetings]
    if briefing.is_published:
        briefing.updated_at = datetime.now(UTC)
        number = _add_version(session, viewer, briefing, text.what_changed)
        _tell_members(session, viewer, briefing, NoticeKind.BRIEFING_CORRECTED, version=number)
    session.flush()


def publish(session: Session, viewer: Viewer, briefing: Briefing, site_url: str = "") -> Briefing:
    if not can_edit(viewer, briefing):
        raise NotAllowed(_l("Only the writer or a commissioner of its forums can publish this."))
    if briefing.is_published:
        return briefing  # a second click changes nothing
    if not briefing.body.strip():
        raise DomainError(_l("Write the briefing before publishing it."), field="body")
    if not briefing.summary.strip():
        raise DomainError(_l("Write a one-sentence summary before publishing."), field="summary")
    _refuse_unexplained(session, briefing, briefing.body)
    briefing.status = BriefingStatus.PUBLISHED
    briefing.published_at = datetime.now(UTC)
    _add_version(session, viewer, briefing, "")
    _tell_members(session, viewer, briefing, NoticeKind.NEW_BRIEFING)
    session.flush()
    return briefing


def _tell_members(session: Session, viewer: Viewer, briefing: Briefing, kind, **details) -> None:
    """Members of the briefing's forums are told (each in their own words, later): that it
    is out, or, for a correction, which version says what changed."""
    readers = session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.forum_id.in_([f.id for f in briefing.forums]))
    )
    notify(
        session, kind, readers, actor_id=viewer.user_id, briefing_id=briefing.id, details=details
    )


def kept_keys(briefing: Briefing) -> set[str]:
    keys = {k.term for k in briefing.kept_terms}
    keys |= {k.glossary_entry.slug for k in briefing.kept_terms if k.glossary_entry}
    return keys


def unexplained(session: Session, briefing: Briefing, body: str | None = None) -> list:
    report = check_writing(session, briefing.body if body is None else body, kept_keys(briefing))
    return blocking(report)


def _refuse_unexplained(session, briefing: Briefing, body: str, field: str | None = None) -> None:
    words = [f.text for f in unexplained(session, briefing, body)]
    if words:
        listed = ", ".join(f"“{w}”" for w in words)
        raise DomainError(
            _l(
                "Readers may not understand %(listed)s. Explain each one in the text, add it to the glossary with a plain meaning, or give a reason to keep it.",
                listed=listed,
            ),
            field=field,
        )


def _add_version(session: Session, viewer: Viewer, briefing: Briefing, what_changed: str) -> int:
    number = (
        session.scalar(
            select(func.max(BriefingVersion.number)).where(
                BriefingVersion.briefing_id == briefing.id
            )
        )
        or 0
    ) + 1
    session.add(
        BriefingVersion(
            briefing_id=briefing.id,
            number=number,
            title=briefing.title,
            summary=briefing.summary,
            body=briefing.body,
            what_changed=what_changed,
            written_by_id=viewer.user_id,
        )
    )
    return number


def updates(briefing: Briefing) -> list[BriefingVersion]:
    """Versions after the first, newest first: what readers see as "updated on ..."."""
    return sorted(briefing.versions[1:], key=lambda v: v.number, reverse=True)


def require_editor(viewer: Viewer, briefing: Briefing) -> None:
    if not can_edit(viewer, briefing):
        raise NotAllowed(_l("Only the writer or a commissioner of its forums can do this."))
