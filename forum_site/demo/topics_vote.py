"""Demo vote: members choose how to spend the activities fund, open now, with votes sent
online and paper ballots typed back in by the convenor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import AgendaItem
from forum_site.services.topics import votes
from forum_site.services.viewer import load_viewer

CHOICES = ("Cooking club", "Swimming trips", "Music sessions", "Trips to the seaside")


def seed(session: Session, base) -> None:
    item = session.scalar(
        select(AgendaItem).where(AgendaItem.title.like("How to spend the %activities fund"))
    )
    if item is None:
        return
    convenor = load_viewer(session, base.users["convenor"])
    now = datetime.now(UTC).replace(microsecond=0)
    vote = votes.start_for_item(
        session,
        convenor,
        item,
        votes.VoteDraft(
            question="How should we spend the £3,000 activities fund?",
            options=CHOICES,
            opens_at=now - timedelta(days=3),
            closes_at=now + timedelta(days=16),
        ),
    )
    options = {o.label: o.id for o in vote.options}
    for who, choice in (("member2", "Swimming trips"), ("convenor", "Cooking club")):
        votes.cast(session, load_viewer(session, base.users[who]), vote, options[choice])
    paper = votes.print_codes(session, convenor, vote, 6)
    typed_back = ("Cooking club", "Cooking club", "Trips to the seaside")
    for ballot, choice in zip(paper[: len(typed_back)], typed_back, strict=True):
        votes.enter_paper(session, convenor, vote, ballot.code, options[choice])
