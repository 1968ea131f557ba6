"""What changed about a meeting, and the reader's reply, in the reader's words."""

from __future__ import annotations

from datetime import datetime

from flask_babel import format_date, format_time, gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.dates import easy_date_and_time
from forum_site.delivery.words import MEETING_PARTS
from forum_site.models import Meeting, MeetingReply, Notification, User
from forum_site.models.base import as_utc
from forum_site.models.meetings import AccessAnswer, ReplyAnswer
from forum_site.vocabulary.dates import DAY_AND_DATE, TIME
from forum_site.web.meetings.labels import (
    ACCESS_ANSWERS,
    ACCESS_FEATURES,
    REPLY_ANSWERS,
    needs_asked,
)

FEATURES = dict(ACCESS_FEATURES)
_PART_OF = {"agenda-added": "agenda", "agenda-removed": "agenda", "agenda-restored": "agenda"}


def for_notice(session: Session, notice: Notification, meeting: Meeting, reader: User) -> dict:
    changed = (notice.details or {}).get("changed", [])
    parts = []
    for entry in changed:
        part = _PART_OF.get(entry["what"], entry["what"])
        if part not in parts:
            parts.append(part)
    return {
        "place": ", ".join(p for p in (meeting.venue_name, meeting.venue_address) if p),
        "changes": [sentence(entry) for entry in changed],
        "easy_changes": [sentence(entry, easy=True) for entry in changed],
        "parts": ", ".join(str(MEETING_PARTS[p]) for p in parts),
        "moved": bool(parts) and set(parts) <= {"time", "place"},
        "my_reply": _reply_words(session, meeting, reader),
    }


def _reply_words(session: Session, meeting: Meeting, reader: User) -> str:
    answer = session.scalar(
        select(MeetingReply.answer).where(
            MeetingReply.meeting_id == meeting.id, MeetingReply.user_id == reader.id
        )
    )
    if answer is None:
        return ""
    return str(REPLY_ANSWERS[ReplyAnswer(answer)])


def _moment(value: str, easy: bool = False) -> str:
    moment = as_utc(datetime.fromisoformat(value))
    if easy:
        return easy_date_and_time(moment)
    return f"{format_date(moment, DAY_AND_DATE)}, {format_time(moment, TIME)}"


def sentence(entry: dict, easy: bool = False) -> str:
    """One change in the reader's words; easy=True writes times as "2pm" (easy read)."""
    what = entry["what"]
    if what == "time":
        return gettext(
            "The time is now %(new)s. It was %(old)s.",
            new=_moment(entry["new"], easy),
            old=_moment(entry["old"], easy),
        )
    if what == "place":
        return gettext(
            "The place is now %(new)s. It was %(old)s.",
            new=entry["new"] or gettext("not set"),
            old=entry["old"] or gettext("not set"),
        )
    if what == "access":
        return gettext(
            "%(feature)s: now %(new)s (it was %(old)s).",
            feature=FEATURES[entry["feature"]],
            new=ACCESS_ANSWERS[AccessAnswer(entry["new"])],
            old=ACCESS_ANSWERS[AccessAnswer(entry["old"])],
        )
    if what == "joining":
        return gettext("How to join online has changed. The new details are on the page.")
    if what == "agenda-added":
        return gettext("Added to the agenda: %(title)s.", title=entry["title"])
    if what == "agenda-restored":
        return gettext("Back on the agenda: %(title)s.", title=entry["title"])
    return gettext("Taken off the agenda: %(title)s.", title=entry["title"])


def needs(reply: MeetingReply) -> list[str]:
    return needs_asked(reply)
