"""The easy-read meeting document, built with easyread.builders.build_meeting.

The web page and the printed pack both use :func:`build`, so screen and paper never
disagree. It answers the questions members told us matter most, in order: what the
meeting is for, what you can change, what you cannot change and why, who decides, when
and where, access, and money for your time.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from easyread.builders import AgendaItem as EasyAgendaItem
from easyread.builders import build_meeting, concept_picture
from easyread.model import Point
from forum_site.extensions import db
from forum_site.models.base import as_utc
from forum_site.models.meetings import Meeting
from forum_site.services.meetings.changes import place_of
from forum_site.vocabulary.meetings import ACCESS_FEATURES

LONDON = ZoneInfo("Europe/London")


def utc_to_london(moment):
    return as_utc(moment).astimezone(LONDON)


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
    # Who decides each item is said once, in "Who makes the decision" (with what it is
    # about), not again under every item: easy read says a thing once.
    agenda = [
        EasyAgendaItem(
            title=item.title,
            influence=item.influence.value,
            who_decides="",
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
    some_items_only = bool(deciders) and len(deciders[0][1]) < len(meeting.agenda_items)
    if len(deciders) > 1 or some_items_only:
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
