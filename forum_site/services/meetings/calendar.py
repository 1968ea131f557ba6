"""Calendar files: one .ics per meeting, and a feed per forum people can subscribe to.

A public forum's feed is open to anyone. A private forum's feed is only reachable through
a personal secret link; the token is an HMAC of the app's secret, the forum's salt, the
person and a version number, so nothing secret is stored and resetting (bumping the
version) makes every old link stop working at once.
"""

from __future__ import annotations

import hashlib
import hmac

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Forum, User
from forum_site.models.base import as_utc
from forum_site.models.meetings import CalendarKey, Meeting, MeetingStatus
from forum_site.services.errors import NotAllowed, NotFound
from forum_site.services.meetings.changes import place_of
from forum_site.services.viewer import Viewer, load_viewer
from forum_site.words import _l

PRODUCT_ID = "-//forum-site//meetings//EN"


def one_line(text: str) -> str:
    """Titles are one line in a calendar: line breaks and control characters become spaces
    (the icalendar library folds and escapes what is left)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text or "").split())


def _event(meeting: Meeting, site_url: str, domain: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{domain}")
    event.add("dtstamp", as_utc(meeting.published_at or meeting.created_at))
    event.add("dtstart", as_utc(meeting.starts_at))
    event.add("dtend", as_utc(meeting.ends_at))
    event.add("summary", one_line(meeting.title))
    event.add("sequence", len(meeting.changes))
    link = f"{site_url}/meetings/{meeting.id}"
    description = [meeting.purpose.strip()] if meeting.purpose else []
    if meeting.joining_details:
        description.append(f"How to join: {meeting.joining_details.strip()}")
    description.append(f"Full details, access and papers: {link}")
    event.add("description", "\n\n".join(description))
    event.add("url", link)
    if place_of(meeting):
        event.add("location", place_of(meeting))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", one_line(name))
    return calendar


def _domain(site_url: str) -> str:
    return site_url.split("://", 1)[-1].split("/", 1)[0] or "forum-site"


def meeting_ics(meeting: Meeting, site_url: str) -> bytes:
    calendar = _calendar(one_line(meeting.title))
    calendar.add_component(_event(meeting, site_url, _domain(site_url)))
    return calendar.to_ical()


def forum_feed(session: Session, forum: Forum, site_url: str) -> bytes:
    """Every published or cancelled meeting of the forum (drafts never appear)."""
    from sqlalchemy.orm import selectinload

    meetings = session.scalars(
        select(Meeting)
        .options(selectinload(Meeting.changes))
        .where(Meeting.forum_id == forum.id, Meeting.status != MeetingStatus.DRAFT)
        .order_by(Meeting.starts_at)
    )
    calendar = _calendar(f"{forum.name} meetings")
    for meeting in meetings:
        calendar.add_component(_event(meeting, site_url, _domain(site_url)))
    return calendar.to_ical()


# --- personal secret links -------------------------------------------------------------


def _token(secret: str, forum: Forum, user_id: int, version: int) -> str:
    message = f"{forum.id}:{forum.calendar_secret_salt}:{user_id}:{version}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:40]


def _key(session: Session, forum: Forum, user_id: int) -> CalendarKey | None:
    return session.scalar(
        select(CalendarKey).where(CalendarKey.forum_id == forum.id, CalendarKey.user_id == user_id)
    )


FIRST_VERSION = 1
NO_CALENDAR = _l("We could not find that calendar.")


def forum_by_slug(session: Session, slug: str) -> Forum | None:
    return session.scalar(select(Forum).where(Forum.slug == slug))


def public_feed_forum(session: Session, slug: str) -> Forum:
    """A public forum's feed; a private forum's answers exactly like a missing one."""
    forum = forum_by_slug(session, slug)
    if forum is None or forum.is_private:
        raise NotFound(NO_CALENDAR)
    return forum


def _version(session: Session, forum: Forum, user_id: int) -> int:
    """The person's link version: 1 until they first reset it, so reading writes nothing."""
    key = _key(session, forum, user_id)
    return key.version if key is not None else FIRST_VERSION


def personal_token(session: Session, viewer: Viewer, forum: Forum, secret: str) -> str:
    """The viewer's current token for this forum's feed (nothing is stored to show it)."""
    if not viewer.signed_in or not viewer.can_see_forum(forum):
        raise NotAllowed(_l("Sign in as a member to get your calendar link."))
    return _token(secret, forum, viewer.user_id, _version(session, forum, viewer.user_id))


def reset_token(session: Session, viewer: Viewer, forum: Forum, secret: str) -> str:
    """A new link for the viewer; the old one stops working straight away."""
    personal_token(session, viewer, forum, secret)
    key = _key(session, forum, viewer.user_id)
    if key is None:
        key = CalendarKey(forum_id=forum.id, user_id=viewer.user_id, version=FIRST_VERSION)
        session.add(key)
    key.version += 1
    session.flush()
    return _token(secret, forum, viewer.user_id, key.version)


def check_personal_link(
    session: Session, forum: Forum | None, user_id: int, token: str, secret: str
) -> None:
    """NotFound unless the token is this person's current one and they may still see the
    forum (someone who left a private forum loses the feed too). Every refusal reads the
    same as a forum that does not exist, so a private forum cannot be confirmed."""
    user = session.get(User, user_id) if forum is not None else None
    if user is None:
        raise NotFound(NO_CALENDAR)
    expected = _token(secret, forum, user_id, _version(session, forum, user_id))
    if not hmac.compare_digest(expected, token) or not load_viewer(session, user).can_see_forum(
        forum
    ):
        raise NotFound(NO_CALENDAR)
