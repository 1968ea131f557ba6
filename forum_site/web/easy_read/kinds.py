"""What can have a checked easy-read version, who may check it, and how to build it.

Each kind loads its subject for the person looking (NotFound when they may not see it)
and says whether they may check it: the writer of a briefing (or a commissioner of its
forums, who may edit it too), a convenor for a meeting's summary. An area can add its
own kind with ``@register("kind")``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from easyread.builders import build_briefing
from easyread.model import Document
from forum_site.models import Meeting
from forum_site.services import briefings, glossary, meetings
from forum_site.services.easy_read import (  # noqa: F401  (areas import them from here too)
    briefing_source_hash,
    meeting_source_hash,
    meeting_summary_source_hash,
    meeting_text_hash,
)
from forum_site.services.errors import NotFound
from forum_site.services.viewer import Viewer


@dataclass(frozen=True)
class Subject:
    kind: str
    id: int
    title: str
    source_hash: str
    build: Callable[[], Document]
    can_check: bool
    page_url: str
    text_hash: str | None = None  # the free text a check covers (DN-08); None: all of it


Loader = Callable[[Session, Viewer, int], Subject]
KINDS: dict[str, Loader] = {}


def register(kind: str) -> Callable[[Loader], Loader]:
    def add(loader: Loader) -> Loader:
        KINDS[kind] = loader
        return loader

    return add


def load(session: Session, viewer: Viewer, kind: str, subject_id: int) -> Subject:
    loader = KINDS.get(kind)
    if loader is None:
        raise NotFound(_("We could not find that page."))
    return loader(session, viewer, subject_id)


# ------------------------------------------------------------------ briefings


def build_briefing_document(session: Session, briefing) -> Callable[[], Document]:
    """The same automatic version the briefing page shows (easyread.build_briefing)."""
    return lambda: build_briefing(
        briefing.body, title=briefing.title, terms=glossary.terms(session)
    )


@register("briefing")
def _briefing(session: Session, viewer: Viewer, subject_id: int) -> Subject:
    briefing = briefings.get_briefing(session, viewer, subject_id)
    return Subject(
        kind="briefing",
        id=briefing.id,
        title=briefing.title,
        source_hash=briefing_source_hash(briefing),
        build=build_briefing_document(session, briefing),
        can_check=briefings.can_edit(viewer, briefing),
        page_url=url_for("briefings.show", briefing_id=briefing.id),
    )


# ------------------------------------------------------------------ meeting summaries


def meeting_summary_title(meeting: Meeting) -> str:
    return _("What happened at %(title)s", title=meeting.title)


def build_meeting_summary(session: Session, meeting: Meeting) -> Callable[[], Document]:
    """The same easy-read summary as the printed one (pdf/builders.py easy_summary): the
    convenor's summary, what happened on each agenda item, and who will do what."""
    from forum_site.pdf.builders import easy_summary

    return lambda: easy_summary(meeting, meeting_summary_title(meeting), glossary.terms(session))


def meeting_page_url(meeting: Meeting) -> str:
    from flask import current_app

    if "meetings.show" in current_app.view_functions:
        return url_for("meetings.show", meeting_id=meeting.id)
    return url_for("forums.show", slug=meeting.forum.slug)


@register("meeting_summary")
def _meeting_summary(session: Session, viewer: Viewer, subject_id: int) -> Subject:
    meeting = meetings.get_meeting(session, viewer, subject_id, full=True)
    can_check = viewer.convenes(meeting.forum_id)
    if not meeting.debrief_summary.strip() or (
        meeting.debrief_published_at is None and not can_check
    ):
        raise NotFound(_("This meeting has no summary yet."))
    return Subject(
        kind="meeting_summary",
        id=meeting.id,
        title=meeting_summary_title(meeting),
        source_hash=meeting_summary_source_hash(meeting),
        build=build_meeting_summary(session, meeting),
        can_check=can_check,
        page_url=meeting_page_url(meeting),
    )


# ------------------------------------------------------------------ meeting pages

# The meeting page's own kind is registered by web/meetings/easy_read.py.
