"""Briefings and glossary records for tests. Nothing here commits."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from easyread.glossary import Term
from forum_site.models import (
    Briefing,
    BriefingStatus,
    BriefingVersion,
    CommissionerLink,
    GlossaryEntry,
    GlossarySource,
)
from forum_site.services import glossary
from tests.factories import make_commissioner, make_forum, make_organisation, make_user

# A few of our own entries, enough for tests that do not need the whole glossary file.
SMALL_GLOSSARY = [
    Term(
        term="commissioning",
        plain="Planning what services people need and paying for them.",
        easy="Deciding what help people need. Then paying for it.",
        slug="commissioning",
        aliases=("commission", "commissioned"),
        plain_alternative="planning and paying for services",
    ),
    Term(
        term="JSNA",
        plain="A study of what local people need for their health and care.",
        easy="A big report. It says what help people here need.",
        slug="jsna",
        acronym_for="Joint Strategic Needs Assessment",
        plain_alternative="a study of local needs",
    ),
    Term(
        term="provider",
        plain="The organisation that runs a service.",
        easy="The group that runs a service.",
        slug="provider",
        aliases=("providers",),
        jargon_sense=True,
    ),
    Term(
        term="personal budget",
        plain="Money the council says you can have for your care and support.",
        easy="Money for your care.",
        slug="personal-budget",
        aliases=("personal budgets",),
    ),
]


def load_small_glossary(session) -> None:
    glossary.load_terms(session, SMALL_GLOSSARY)


def make_entry(session, term: str, plain: str = "What it means.", **extra) -> GlossaryEntry:
    entry = GlossaryEntry(
        slug=extra.pop("slug", term.lower().replace(" ", "-")),
        term=term,
        plain=plain,
        easy=extra.pop("easy", plain),
        aliases=extra.pop("aliases", []),
        tags=[],
        source=extra.pop("source", GlossarySource.FILE),
        **extra,
    )
    session.add(entry)
    session.flush()
    return entry


def make_writer_and_forum(session, *, private: bool = False, members=()):
    """A commissioner and a forum their organisation works with."""
    council = make_organisation(session)
    writer = make_commissioner(session, council)
    forum = make_forum(session, private=private, organisations=[council], members=list(members))
    return writer, forum


def _organisation_of(session, author) -> int | None:
    if author is None:
        return None
    return session.scalar(
        select(func.min(CommissionerLink.organisation_id)).where(
            CommissionerLink.user_id == author.id
        )
    )


def make_briefing(
    session,
    forum,
    author,
    *,
    title: str = "New lunch club times",
    summary: str = "The lunch club moves to Tuesdays.",
    body: str = "The lunch club will meet on Tuesdays from May.",
    published: bool = True,
) -> Briefing:
    briefing = Briefing(
        title=title,
        summary=summary,
        body=body,
        author_id=author.id if author else None,
        organisation_id=_organisation_of(session, author),
        status=BriefingStatus.PUBLISHED if published else BriefingStatus.DRAFT,
        published_at=datetime.now(UTC) if published else None,
        forums=[forum],
    )
    session.add(briefing)
    session.flush()
    if published:
        session.add(
            BriefingVersion(
                briefing_id=briefing.id, number=1, title=title, summary=summary, body=body
            )
        )
        session.flush()
    return briefing


__all__ = [
    "load_small_glossary",
    "make_briefing",
    "make_entry",
    "make_user",
    "make_writer_and_forum",
]
