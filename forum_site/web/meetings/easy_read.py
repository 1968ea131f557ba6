"""The easy-read version of a meeting page, built with easyread.builders.build_meeting.

It answers the questions members told us matter most, in order: what the meeting is for,
what you can change, what you cannot change and why, who decides, when and where,
access, and money for your time.
"""

from __future__ import annotations

from flask import g
from markupsafe import Markup
from sqlalchemy.orm import Session

from easyread.builders import AgendaItem as EasyAgendaItem
from easyread.builders import build_meeting, concept_picture
from easyread.model import Point
from forum_site.extensions import db
from forum_site.models.meetings import Meeting
from forum_site.services import meetings
from forum_site.services.easy_read import meeting_source_hash, meeting_text_hash
from forum_site.services.meetings.changes import place_of
from forum_site.services.viewer import Viewer
from forum_site.web.easy_read.kinds import Subject, meeting_page_url, register
from forum_site.web.easy_read.views import easy_read_block
from forum_site.web.meetings.forms import utc_to_london
from forum_site.web.meetings.labels import ACCESS_FEATURES
from forum_site.web.responses import viewer

_ACCESS_SENTENCES = {
    "step_free": "You can get in without steps.",
    "hearing_loop": "There is a hearing loop.",
    "accessible_toilet": "There is an accessible toilet.",
    "quiet_room": "There is a quiet room.",
    "parking": "There is parking.",
}
# A picture of each thing, not one door for all of them (RULES.md DN-06).
_ACCESS_PICTURES = {
    "step_free": "fe-wheelchair-symbol",
    "hearing_loop": "hi-hearing-aid",
    "accessible_toilet": "fe-restroom",
    "quiet_room": "fe-couch-and-lamp",
    "parking": "fe-p-button",
}
_CONTACT_PICTURE = "fe-telephone-receiver"


def _terms():
    """Glossary terms, so hard words are explained (the glossary is another area's)."""
    try:
        from forum_site.services.glossary import terms
    except ImportError:
        return ()
    return terms(db.session)


def _access(meeting: Meeting) -> list[str]:
    found = [
        _ACCESS_SENTENCES[name]
        for name, _label in ACCESS_FEATURES
        if getattr(meeting, name).value == "yes"
    ]
    if meeting.contact_on_the_day:
        found.append(f"On the day, contact {meeting.contact_on_the_day}.")
    return found


def _payment(meeting: Meeting) -> str:
    parts = [
        "You will be paid for your time." if meeting.paid_for_time else "This meeting is not paid."
    ]
    claims = [
        word
        for flag, word in (
            (meeting.expenses_travel, "travel"),
            (meeting.expenses_lunch, "lunch"),
            (meeting.expenses_carer, "a carer"),
        )
        if flag
    ]
    if claims:
        parts.append(f"You can get money back for {' and '.join(claims)}.")
    if meeting.how_to_claim:
        parts.append(meeting.how_to_claim)
    return " ".join(parts)


def build(meeting: Meeting):
    where = place_of(meeting) or ("by phone or online" if meeting.joining_details else "")
    agenda = [
        EasyAgendaItem(
            title=item.title,
            influence=item.influence.value,
            who_decides=item.decision_maker,
            details=item.what_we_want,
        )
        for item in meeting.agenda_items
    ]
    closed = [(c.topic, c.reason) for c in meeting.closed_topics]
    open_topics = ["Everything at this meeting is open. You can talk about all of it."]
    deciders = _deciders(meeting)
    document = build_meeting(
        meeting.title,
        meeting.purpose or "We will tell you what this meeting is for.",
        utc_to_london(meeting.starts_at),
        where,
        ends=utc_to_london(meeting.ends_at),
        open_for_discussion=open_topics if meeting.everything_open else (),
        not_up_for_discussion=closed,
        agenda=agenda,
        who_decides=deciders[0][0] if len(deciders) == 1 else "",
        access=_access(meeting),
        payment=_payment(meeting),
        terms=_terms(),
    )
    if len(deciders) > 1:
        _one_point_per_decider(document, deciders)
    _access_pictures(document, meeting)
    return document


def _access_pictures(document, meeting: Meeting) -> None:
    """Each access row gets the picture of its own feature."""
    pictures = {_ACCESS_SENTENCES[name]: pic for name, pic in _ACCESS_PICTURES.items()}
    contact = (
        f"On the day, contact {meeting.contact_on_the_day}." if meeting.contact_on_the_day else None
    )
    for section in document.sections:
        if section.heading != "When and where":
            continue
        for item in section.items:
            text = " ".join(getattr(item, "sentences", []))
            if text in pictures:
                item.picture = pictures[text]
            elif contact and text.startswith("On the day, contact"):
                item.picture = _CONTACT_PICTURE


def _deciders(meeting: Meeting) -> list[tuple[str, list[str]]]:
    """Who decides, in agenda order, each with the items they decide."""
    found: dict[str, list[str]] = {}
    for item in meeting.agenda_items:
        name = (item.decision_maker or "").strip()
        if name:
            found.setdefault(name, []).append(item.title)
    return list(found.items())


def _one_point_per_decider(document, deciders) -> None:
    """One row for each decider, never a machine-joined list of names."""
    section = next((s for s in document.sections if s.heading == "Who makes the decision"), None)
    if section is None:
        return
    picture = concept_picture("decision")
    section.items = [
        Point([f"**{name}** will make the final decision.", _about(titles)], picture=picture)
        for name, titles in deciders
    ]


def _about(titles: list[str]) -> str:
    if len(titles) == 1:
        return f"This is about: {titles[0].rstrip('.')}."
    return f"This is about {len(titles)} things on the list."


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


# The 5 to 8 messages that matter, first; the rest is behind "More about this".
_KEY_ROWS = (
    ("What the meeting is for", 1),
    ("When and where", 2),
    ("Who makes the decision", 2),
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
    return found[:8]


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
