"""Demo briefings and the glossary, in our own words.

One published briefing that uses glossary words (and was updated once), one draft full
of jargon for the checker to flag, and one briefing in the private HIV forum."""

from __future__ import annotations

from sqlalchemy.orm import Session

from easyread.glossary import load_terms
from forum_site.services import briefings, glossary
from forum_site.services.briefings import BriefingText
from forum_site.services.briefings import words as briefings_words
from forum_site.services.viewer import load_viewer

DAY_SERVICES = """## What is changing

From April, the Riverside day centre will open on Saturdays as well as weekdays.
A new provider, Northbridge Community Care, will run the Saturday sessions.

## What this means for you

- You can go on Saturday if that suits you better.
- If you have a personal budget, you can use it to pay for Saturday sessions.
- Transport will pick you up at the same times as on weekdays.

## Tell us what you think

Come to the forum meeting in March, or send a message to Grace, the convenor."""

DAY_SERVICES_UPDATE = DAY_SERVICES.replace(
    "Transport will pick you up at the same times as on weekdays.",
    "Transport will pick you up 30 minutes later on Saturdays.",
)

HOME_CARE_DRAFT = """## Home care re-tender

Following the JSNA refresh and our market shaping work, we are decommissioning the
current framework and moving to an outcomes-based model. The ICB has agreed in
principle that capacity across the domiciliary care market must be utilised more
efficiently going forward, and 40% of packages will transfer to new providers in
Q3, subject to the outcome of the procurement exercise and consultation with
stakeholders. Click here for the full report."""

CLINIC_HOURS = """## Evening clinic

The sexual health clinic on Mill Street will stay open until 8pm on Thursdays.
You do not need to book. Staff will see you in the order you arrive.

## Why we are doing this

Members told us that daytime clinics are hard to get to if you work.
We listened, and we found the money to open later one evening a week."""


def seed(session: Session, base) -> None:
    glossary.load_terms(session, load_terms())
    council_writer = load_viewer(session, base.users["commissioner"])
    nhs_writer = load_viewer(session, base.users["nhs_commissioner"])
    _day_services(session, council_writer, base.forums["ld"])
    _home_care_draft(session, council_writer, base.forums["older"])
    _clinic_hours(session, nhs_writer, base.forums["hiv"])


def _day_services(session: Session, writer, forum) -> None:
    briefing = briefings.create_draft(
        session,
        writer,
        BriefingText(
            title="Saturday sessions at the Riverside day centre",
            summary="From April the day centre opens on Saturdays too.",
            body=DAY_SERVICES,
            forum_ids=[forum.id],
        ),
    )
    for word in ("day centre", "provider", "personal budget"):
        briefings_words.explain_in_glossary(session, writer, briefing, word=word)
    briefings.publish(session, writer, briefing)
    briefings.save_changes(
        session,
        writer,
        briefing,
        BriefingText(
            title=briefing.title,
            summary=briefing.summary,
            body=DAY_SERVICES_UPDATE,
            forum_ids=[forum.id],
            what_changed="Saturday transport times changed: pick-up is 30 minutes later.",
        ),
    )


def _home_care_draft(session: Session, writer, forum) -> None:
    briefings.create_draft(
        session,
        writer,
        BriefingText(
            title="Home care: what happens next",
            summary="We are changing how home care is bought.",
            body=HOME_CARE_DRAFT,
            forum_ids=[forum.id],
        ),
    )


def _clinic_hours(session: Session, writer, forum) -> None:
    briefing = briefings.create_draft(
        session,
        writer,
        BriefingText(
            title="Later opening at the sexual health clinic",
            summary="The Mill Street clinic stays open until 8pm on Thursdays.",
            body=CLINIC_HOURS,
            forum_ids=[forum.id],
        ),
    )
    briefings.publish(session, writer, briefing)
