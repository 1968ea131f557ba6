"""Votes: one per member (changeable until the close, and still one when two arrive at
once), paper ballots counted once by their code, a show of hands, and results that
stay hidden until the close unless the convenor chose live results."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from forum_site.models import Ballot, PaperBallot
from forum_site.models.meetings import InfluenceLevel
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.topics import votes
from forum_site.services.viewer import load_viewer
from tests.factories import make_forum, make_user
from tests.factories_meetings import make_meeting, text_of
from tests.factories_topics import topic_world

NOW = datetime.now(UTC).replace(microsecond=0)


def _vote(db, world, *, closes_in=5, influence=InfluenceLevel.YOU_DECIDE, **extra):
    meeting = make_meeting(db, world["forum"])
    item = meeting.agenda_items[0]
    item.influence = influence
    db.flush()
    draft = votes.VoteDraft(
        question="How should we spend the fund?",
        options=("Cooking club", "Swimming"),
        opens_at=NOW - timedelta(days=1),
        closes_at=NOW + timedelta(days=closes_in),
        **extra,
    )
    return votes.start_for_item(db, load_viewer(db, world["convenor"]), item, draft)


@pytest.fixture
def world(db):
    return topic_world(db)


def _ballots(db, vote) -> int:
    return db.scalar(select(func.count(Ballot.id)).where(Ballot.vote_id == vote.id))


def test_one_vote_per_member_changeable_until_the_close(db, world):
    vote = _vote(db, world)
    member = load_viewer(db, world["member"])
    cooking, swimming = vote.options
    votes.cast(db, member, vote, cooking.id)
    ballot = votes.cast(db, member, vote, swimming.id)
    assert _ballots(db, vote) == 1 and ballot.option_id == swimming.id
    with pytest.raises(DomainError, match="not open"):
        votes.cast(db, member, vote, cooking.id, now=vote.closes_at + timedelta(seconds=1))


def test_two_votes_at_once_from_one_member_make_one(db, world):
    """Neither ballot looks first, so the second meets the unique constraint and becomes a
    change: the same path two tabs sending at the same moment take."""
    vote = _vote(db, world)
    member = load_viewer(db, world["member"])
    cooking, swimming = vote.options
    votes.cast(db, member, vote, cooking.id)
    votes.cast(db, member, vote, swimming.id)
    assert _ballots(db, vote) == 1
    with pytest.raises(IntegrityError), db.begin_nested():
        db.add(Ballot(vote_id=vote.id, member_id=world["member"].id, option_id=cooking.id))
        db.flush()


def test_visitors_and_other_forums_cannot_vote(client, db, sign_in, world):
    vote = _vote(db, world)
    other = make_user(db)
    make_forum(db, members=[other])
    page = client.get(f"/votes/{vote.id}")
    assert "Only members of Carers Voice can vote." in text_of(page)
    sent = client.post(f"/votes/{vote.id}/ballot", data={"option": str(vote.options[0].id)})
    assert sent.status_code == 302 and "/sign-in" in sent.headers["Location"]
    sign_in(other)
    sent = client.post(f"/votes/{vote.id}/ballot", data={"option": str(vote.options[0].id)})
    assert sent.status_code == 403
    assert _ballots(db, vote) == 0
    with pytest.raises(NotAllowed):
        votes.cast(db, load_viewer(db, world["commissioner"]), vote, vote.options[0].id)


def test_a_private_forums_vote_leaks_nothing(client, db, sign_in):
    world = topic_world(db, private=True)
    vote = _vote(db, world)
    sign_in(world["outsider"])
    assert client.get(f"/votes/{vote.id}").status_code == 404
    assert client.post(f"/votes/{vote.id}/ballot", data={"option": "1"}).status_code == 404


def test_only_you_decide_and_decide_together_items_get_a_vote(db, world):
    with pytest.raises(DomainError, match="you decide"):
        _vote(db, world, influence=InfluenceLevel.VIEWS)


def test_paper_ballots_count_once_by_their_code(client, db, sign_in, world):
    vote = _vote(db, world)
    sign_in(world["convenor"])
    printed = client.post(f"/votes/{vote.id}/paper/print", data={"count": "1"})
    assert printed.mimetype == "application/pdf" and printed.data.startswith(b"%PDF")
    code = db.scalar(select(PaperBallot.code).where(PaperBallot.vote_id == vote.id))
    typed = code.lower().replace("-", " ")
    cooking = str(vote.options[0].id)
    sent = client.post(f"/votes/{vote.id}/paper/enter", data={"code": typed, "option": cooking})
    assert sent.status_code == 303
    again = client.post(f"/votes/{vote.id}/paper/enter", data={"code": code, "option": cooking})
    assert again.status_code == 400
    assert "already been counted" in again.soup.select_one("#code-error").get_text()
    assert again.soup.select_one("#code")["value"] == code
    unknown = client.post(
        f"/votes/{vote.id}/paper/enter", data={"code": "V1-AAAA-AAAA", "option": cooking}
    )
    assert "We do not know this code" in unknown.soup.select_one("#code-error").get_text()
    counted = db.scalar(
        select(func.count(PaperBallot.id)).where(PaperBallot.option_id.is_not(None))
    )
    assert counted == 1


def test_members_cannot_type_in_paper_ballots(client, db, sign_in, world):
    vote = _vote(db, world)
    sign_in(world["member"])
    assert client.get(f"/votes/{vote.id}/paper").status_code == 403
    assert client.post(f"/votes/{vote.id}/paper/print", data={"count": "3"}).status_code == 403


def _all_routes(db, world, vote):
    convenor = load_viewer(db, world["convenor"])
    cooking, swimming = vote.options
    votes.cast(db, load_viewer(db, world["member"]), vote, cooking.id)
    votes.cast(db, convenor, vote, swimming.id)
    ballot = votes.print_codes(db, convenor, vote, 2)[0]
    votes.enter_paper(db, convenor, vote, ballot.code, cooking.id)
    votes.record_hands(db, convenor, vote, {cooking.id: 4, swimming.id: 7})


def test_no_results_before_the_close(client, db, sign_in, world):
    vote = _vote(db, world)
    _all_routes(db, world, vote)
    sign_in(world["member"])
    page = client.get(f"/votes/{vote.id}")
    assert "Results are shown when the vote closes." in text_of(page)
    assert not page.soup.select(".results-table")
    assert votes.results(db, vote) is None


def test_results_by_route_and_total_after_the_close(client, db, sign_in, world):
    vote = _vote(db, world)
    _all_routes(db, world, vote)
    later = vote.closes_at + timedelta(minutes=1)
    found = votes.results(db, vote, now=later)
    rows = {r.option.label: (r.online, r.paper, r.hands, r.total) for r in found.options}
    assert rows == {"Cooking club": (1, 1, 4, 6), "Swimming": (1, 0, 7, 8)}
    assert found.total == 14 and found.by_route == {"online": 2, "paper": 1, "hands": 11}
    assert votes.named_ballots(db, load_viewer(db, world["member"]), vote, now=later) == []


def test_live_results_and_named_votes_when_the_convenor_chooses(client, db, sign_in, world):
    vote = _vote(db, world, live_results=True, anonymous=False)
    _all_routes(db, world, vote)
    sign_in(world["member"])
    page = client.get(f"/votes/{vote.id}")
    totals = [
        row.select("td")[-1].get_text(" ", strip=True)
        for row in page.soup.select(".results-table tbody tr")
    ]
    assert totals == ["6 (43%)", "8 (57%)"]
    assert "Results so far" in text_of(page)
    assert "Mo Member: Cooking club" in text_of(page)


def test_the_easy_read_ballot_has_big_choices_with_words(client, db, sign_in, world):
    vote = _vote(db, world)
    world["member"].easy_read = True
    db.flush()
    sign_in(world["member"])
    page = client.get(f"/votes/{vote.id}")
    labels = [label.get_text(" ", strip=True) for label in page.soup.select(".easy-choice label")]
    assert labels == ["Cooking club", "Swimming"]
    sent = client.post(f"/votes/{vote.id}/ballot", data={})
    assert sent.status_code == 400
    assert "Choose one of the choices." in sent.soup.select_one("#option-error").get_text()
