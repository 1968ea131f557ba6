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
from easyread.builders import build_meeting
from forum_site.extensions import db
from forum_site.models.meetings import Meeting
from forum_site.services import meetings
from forum_site.services.easy_read import meeting_source_hash
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
    deciders = sorted({i.decision_maker for i in meeting.agenda_items if i.decision_maker})
    return build_meeting(
        meeting.title,
        meeting.purpose or "We will tell you what this meeting is for.",
        utc_to_london(meeting.starts_at),
        where,
        ends=utc_to_london(meeting.ends_at),
        open_for_discussion=open_topics if meeting.everything_open else (),
        not_up_for_discussion=closed,
        agenda=agenda,
        who_decides=" and ".join(deciders),
        access=_access(meeting),
        payment=_payment(meeting),
        terms=_terms(),
    )


def easy_read_meeting(meeting: Meeting) -> Markup | None:
    """The easy-read HTML when the reader asked for easy read, else None (not built).

    A version a convenor checked (and changed) is shown instead of the automatic one,
    with who checked it; convenors get the link to check it (web/easy_read)."""
    prefs = getattr(g, "prefs", None)
    if prefs is None or not prefs.easy_read:
        return None
    return easy_read_block(
        "meeting",
        meeting.id,
        meeting_source_hash(meeting),
        lambda: build(meeting),
        can_check=viewer().convenes(meeting.forum_id),
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
    )
