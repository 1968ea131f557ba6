"""The easy-read version of a meeting page, built with easyread.builders.build_meeting.

It answers the questions members told us matter most, in order: what the meeting is for,
what you can change, what you cannot change and why, who decides, when and where,
access, and money for your time.
"""

from __future__ import annotations

from flask import g
from markupsafe import Markup
from sqlalchemy.orm import Session

from easyread.builders import concept_picture
from easyread.model import Point
from forum_site.easy_read_meetings import build
from forum_site.extensions import db
from forum_site.models.meetings import Meeting
from forum_site.services import meetings
from forum_site.services.easy_read import meeting_source_hash, meeting_text_hash
from forum_site.services.viewer import Viewer
from forum_site.web.easy_read.kinds import Subject, meeting_page_url, register
from forum_site.web.easy_read.views import easy_read_block
from forum_site.web.responses import viewer


def easy_read_meeting(meeting: Meeting) -> Markup | None:
    """The easy-read HTML when the reader asked for easy read, else None (not built).

    A version a convenor checked (and changed) is shown instead of the automatic one,
    with who checked it and what changed since; convenors get the link to check it.
    When rows still need a person the result says so (``.waiting``), and the page shows
    its standard text under that notice (DN-07)."""
    prefs = getattr(g, "prefs", None)
    if prefs is None or not prefs.easy_read:
        return None
    return easy_read_block(
        "meeting",
        meeting.id,
        meeting_source_hash(meeting),
        lambda: build(meeting),
        can_check=viewer().convenes(meeting.forum_id),
        text_hash=meeting_text_hash(meeting),
        key_points=lambda document: key_points(document, meeting),
    )


# The messages that matter, first; the rest is behind "More about this". Who decides is
# there for every item (None: all its rows): the items members decide must not be hidden.
_KEY_ROWS = (
    ("What the meeting is for", 1),
    ("When and where", 2),
    ("Who makes the decision", None),
    ("Money for your time", 1),
)


def key_points(document, meeting: Meeting) -> list:
    """What it is, when, where, who decides, money, and how to take part: rows taken from
    the same document (so a checked version's words and "changed since" notes come too)."""
    from flask import url_for
    from flask_babel import gettext as _

    from easyread.model import NextStep

    by_heading = {section.heading: section for section in document.sections}
    found: list = []
    for heading, count in _KEY_ROWS:
        section = by_heading.get(heading)
        if section is not None:
            found += [item for item in section.items if isinstance(item, Point)][:count]
    page = url_for("meetings.show", meeting_id=meeting.id)
    found.append(
        NextStep(
            [_("[Tell us if you are coming](%(url)s).", url=f"{page}#reply")],
            picture=concept_picture("have your say"),
        )
    )
    return found


def tell_checker(meeting: Meeting) -> None:
    """After a change: if the easy read was checked and its words or facts changed, the
    person who checked it gets a message (once for each change)."""
    from flask import url_for

    from forum_site.services import easy_read
    from forum_site.web.responses import site_url

    db.session.flush()
    db.session.expire(meeting)
    easy_read.tell_checker(
        db.session,
        "meeting",
        meeting.id,
        easy_read.meeting_source_hash(meeting),
        title=meeting.title,
        link=url_for("easy_read.check", kind="meeting", subject_id=meeting.id),
        site_url=site_url(),
    )


@register("meeting")
def _meeting(session: Session, viewer: Viewer, subject_id: int) -> Subject:
    meeting = meetings.get_meeting(session, viewer, subject_id, full=True)
    return Subject(
        kind="meeting",
        id=meeting.id,
        title=meeting.title,
        source_hash=meeting_source_hash(meeting),
        build=lambda: build(meeting),
        can_check=viewer.convenes(meeting.forum_id),
        page_url=meeting_page_url(meeting),
        text_hash=meeting_text_hash(meeting),
    )
