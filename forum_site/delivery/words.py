"""Plain words used in notification titles and in what-changed sentences."""

from __future__ import annotations

from forum_site.models import Status
from forum_site.vocabulary.contributions import STATUS_IN_EASY_READ
from forum_site.words import _l

# "Your point ...: <organisation> <phrase>"
ANSWER_PHRASES = {
    Status.RECEIVED: _l("got it"),
    Status.CONSIDERING: _l("is thinking about it"),
    Status.CHANGED: _l("changed something"),
    Status.PARTLY: _l("changed part of it"),
    Status.NOT_TAKEN_FORWARD: _l("is not taking it forward, and says why"),
    Status.ALREADY_HAPPENING: _l("says it is already happening"),
}

EASY_ANSWERS = {Status.RECEIVED: _l("We got what you said."), **STATUS_IN_EASY_READ}

# What part of a meeting changed, for the title: "Changed: <meeting> (the place)".
MEETING_PARTS = {
    "time": _l("the time"),
    "place": _l("the place"),
    "access": _l("access"),
    "joining": _l("how to join online"),
    "agenda": _l("the agenda"),
}

KIND_NAMES = {
    "meeting-published": _l("New meetings for my forums"),
    "meeting-changed": _l("Changes to meetings (time, place, access, agenda, cancelled)"),
    "meeting-reminder": _l("A reminder two days before a meeting"),
    "answer": _l("Answers to my points and points I supported"),
    "budget-changed": _l("Budget changes while we are being asked"),
    "new-briefing": _l("New briefings for my forums"),
    "join-request": _l("Someone asks to join a forum I convene"),
    "private-question": _l("A private question for a meeting I convene"),
    "new-contribution": _l("New points members make in forums I convene"),
    "access-needs": _l("Access needs to arrange for a meeting"),
    "for-organisation": _l("New points for my organisation to answer"),
    "response-due": _l("Points about to pass the time to answer"),
    "assigned": _l("A colleague asks me to answer a point"),
    "briefing-corrected": _l("Corrections to briefings I was told about"),
    "point-changed": _l("A point I made, supported or must answer is changed or withdrawn"),
}

CHANNEL_NAMES = {
    "email": _l("An email at once"),
    "daily": _l("One email a day"),
    "weekly": _l("One email a week"),
    "inbox": _l("Only in my messages on this site"),
    "letter": _l("A printed letter from my convenor"),
}


def excerpt(text: str, words: int = 8) -> str:
    """The first few words of what someone said, for a title."""
    parts = text.split()
    short = " ".join(parts[:words])
    return short + ("\u2026" if len(parts) > words else "")


def quote(text: str, most: int = 300) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "\u2026"


def what_name(what) -> str:
    """A kind's name, or a digest's ("One email a day")."""
    return str(KIND_NAMES.get(str(what)) or CHANNEL_NAMES[str(what)])
