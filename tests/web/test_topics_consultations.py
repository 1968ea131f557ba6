"""Consultations: open and close at set times, points made while open are part of it,
"What we heard" after closing, and budget changes while it is open reach members."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from forum_site.models import BudgetRevision, InboxMessage, Source, Status
from forum_site.models.consultations import consultation_contribution
from forum_site.services import budgets
from forum_site.services.errors import DomainError
from forum_site.services.topics import consultations, core
from forum_site.services.viewer import load_viewer
from tests.factories import make_user
from tests.factories_budgets import make_budget
from tests.factories_contributions import take_to
from tests.factories_meetings import text_of
from tests.factories_topics import make_topic, topic_world

NOW = datetime.now(UTC).replace(microsecond=0)


def _consult(db, world, topic, *, opens, closes, reply_in=30):
    viewer = load_viewer(db, world["commissioner"])
    draft = consultations.ConsultationDraft(
        title="Which breaks matter most?",
        why="We have less money next year.",
        questions=("What breaks do you use?", "What should we keep?"),
        opens_at=opens,
        closes_at=closes,
        reply_by=(closes + timedelta(days=reply_in)).date(),
    )
    return consultations.create_consultation(db, viewer, topic, draft)


@pytest.fixture
def world(db):
    world = topic_world(db)
    world["topic"] = make_topic(db, world)
    return world


def _say(db, world, found, text="Weekend breaks, please.", **extra):
    viewer = load_viewer(db, world.get("who", world["member"]))
    return consultations.take_part(db, viewer, found, world["forum"], text=text, **extra)


def test_points_count_only_while_it_is_open(db, world):
    found = _consult(
        db, world, world["topic"], opens=NOW + timedelta(days=1), closes=NOW + timedelta(days=8)
    )
    with pytest.raises(DomainError, match="not open"):
        _say(db, world, found, now=NOW)
    point = _say(db, world, found, now=NOW + timedelta(days=2))
    assert point.answer_due_at.date() == found.reply_by  # the promise, not the usual 28 days
    with pytest.raises(DomainError, match="not open"):
        _say(db, world, found, text="Too late.", now=NOW + timedelta(days=8))
    linked = db.execute(select(consultation_contribution.c.contribution_id)).scalars().all()
    assert linked == [point.id]


def test_the_page_before_during_and_after(client, db, sign_in, world):
    soon = _consult(
        db, world, world["topic"], opens=NOW + timedelta(hours=2), closes=NOW + timedelta(days=5)
    )
    now_open = _consult(
        db, world, world["topic"], opens=NOW - timedelta(days=1), closes=NOW + timedelta(days=5)
    )
    closed = _consult(
        db, world, world["topic"], opens=NOW - timedelta(days=9), closes=NOW - timedelta(days=1)
    )
    sign_in(world["member"])
    before = client.get(f"/consultations/{soon.id}")
    assert "Not open yet" in text_of(before) and not before.soup.select("#text")
    during = client.get(f"/consultations/{now_open.id}")
    assert "Open now" in text_of(during) and during.soup.select("#text")
    sent = client.post(
        f"/consultations/{now_open.id}/say",
        data={
            "text": "Keep Saturday breaks.",
            "question": str(now_open.questions[1].id),
            "visibility": "shared",
            "submission_token": "t-1",
        },
    )
    assert sent.status_code == 303
    after = client.get(f"/consultations/{closed.id}")
    assert "This consultation has closed, so new points are not part of it." in text_of(after)
    assert after.soup.select_one(f"a[href='/forums/{world['forum'].slug}/contributions']")
    late = client.post(
        f"/consultations/{closed.id}/say",
        data={
            "text": "Am I too late?",
            "question": "",
            "visibility": "shared",
            "submission_token": "t-2",
        },
    )
    assert late.status_code == 400
    assert "This consultation is not open" in late.soup.select_one("#text-error").get_text()
    assert late.soup.select_one("#text").get_text().strip() == "Am I too late?"


def test_outsiders_cannot_take_part(client, db, sign_in, world):
    found = _consult(
        db, world, world["topic"], opens=NOW - timedelta(days=1), closes=NOW + timedelta(days=5)
    )
    sign_in(world["outsider"])
    sent = client.post(
        f"/consultations/{found.id}/say",
        data={"text": "Let me in.", "visibility": "shared", "submission_token": "t-3"},
    )
    assert sent.status_code == 403
    assert db.execute(select(consultation_contribution)).all() == []


def test_what_we_heard_counts_people_by_route_and_hides_small_numbers(client, db, sign_in, world):
    found = _consult(
        db, world, world["topic"], opens=NOW - timedelta(days=9), closes=NOW - timedelta(days=1)
    )
    during = NOW - timedelta(days=5)
    _say(db, world, found, now=during)
    _say(db, world, found, text="And more buses.", now=during)  # same person, two points
    world["who"] = world["convenor"]
    for n in range(6):
        _say(
            db,
            world,
            found,
            text=f"Paper form {n}: keep the breaks.",
            source=Source.PAPER_FORM,
            now=during,
        )
    heard = consultations.what_we_heard(db, found)
    routes = dict(heard.by_route)
    assert (heard.points.value, heard.people.value) == (8, 7)
    assert routes[Source.PAPER_FORM].value == 6 and not routes[Source.PAPER_FORM].is_small
    assert routes[Source.ONLINE].is_small
    commissioner = load_viewer(db, world["commissioner"])
    points = consultations.points_for_tagging(db, commissioner, found)
    for point in points[:3]:
        consultations.tag(db, commissioner, found, point.id, "Transport")
    consultations.tag(db, commissioner, found, points[0].id, "transport")  # same theme, once
    sign_in(world["member"])
    shown = client.get(f"/consultations/{found.id}")
    table = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in shown.soup.select(".heard-table tbody tr")
    }
    assert table["Paper form"] == "6" if "Paper form" in table else table
    assert "fewer than 5" in table.values()
    assert "Transport: fewer than 5 points" in text_of(shown)
    assert "8 points from 7 people." in text_of(shown)


def test_members_cannot_tag_themes(client, db, sign_in, world):
    found = _consult(
        db, world, world["topic"], opens=NOW - timedelta(days=9), closes=NOW - timedelta(days=1)
    )
    point = _say(db, world, found, now=NOW - timedelta(days=5))
    sign_in(world["member"])
    sent = client.post(
        f"/consultations/{found.id}/themes", data={"contribution": str(point.id), "theme": "Mine"}
    )
    assert sent.status_code == 403


def test_answers_make_the_consultations_you_said_we_did_and_late_ones_show(
    client, db, sign_in, world
):
    found = _consult(
        db,
        world,
        world["topic"],
        opens=NOW - timedelta(days=60),
        closes=NOW - timedelta(days=40),
        reply_in=10,
    )
    first = _say(db, world, found, text="Keep Saturdays.", now=NOW - timedelta(days=50))
    _say(db, world, found, text="Cheaper lunches.", now=NOW - timedelta(days=50))
    take_to(
        db,
        world["commissioner"],
        first,
        Status.ALREADY_HAPPENING,
        first_at=NOW - timedelta(days=38),
        final_at=NOW - timedelta(days=35),
        text="Saturdays stay open.",
    )
    sign_in(world["member"])
    shown = text_of(client.get(f"/consultations/{found.id}"))
    assert "Saturdays stay open." in shown
    assert "1 point is still waiting for an answer." in shown


def _linked_budget(db, world):
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    core.set_links(
        db, load_viewer(db, world["commissioner"]), world["topic"], {"budgets": [budget.id]}
    )
    return budget


def _cut(db, world, budget):
    commissioner = load_viewer(db, world["commissioner"])
    lines = [
        budgets.LineInput(
            name=line.name,
            amount_pence=line.amount_pence,
            kind=line.kind,
            people_served=line.people_served,
            line_id=line.id,
        )
        for line in budget.lines
    ]
    lines[1] = budgets.LineInput(
        name=lines[1].name, amount_pence=30_000_00, kind=lines[1].kind, line_id=lines[1].line_id
    )
    return budgets.change_budget(
        db,
        commissioner,
        budget,
        total_pence=90_000_00,
        lines=lines,
        reason="The council cut the money in March.",
    )


def _told(db):
    return db.scalars(
        select(InboxMessage.user_id).where(InboxMessage.kind == "budget-changed")
    ).all()


def test_a_budget_change_while_it_is_open_tells_members_and_shows_on_the_page(
    client, db, sign_in, world
):
    budget = _linked_budget(db, world)
    found = _consult(
        db, world, world["topic"], opens=NOW - timedelta(days=2), closes=NOW + timedelta(days=5)
    )
    revision = _cut(db, world, budget)
    assert revision.members_told
    assert world["member"].id in _told(db)
    sign_in(world["member"])
    panel = client.get(f"/consultations/{found.id}").soup.select_one(".budget-during")
    assert "The council cut the money in March." in panel.get_text()


@pytest.mark.parametrize("when", ["before", "after"])
def test_no_alert_when_no_consultation_is_open(db, world, when):
    budget = _linked_budget(db, world)
    if when == "before":
        _consult(
            db, world, world["topic"], opens=NOW + timedelta(days=1), closes=NOW + timedelta(days=5)
        )
    else:
        _consult(
            db, world, world["topic"], opens=NOW - timedelta(days=9), closes=NOW - timedelta(days=1)
        )
    revision = _cut(db, world, budget)
    assert not revision.members_told
    assert _told(db) == []
    assert db.scalar(select(BudgetRevision).where(BudgetRevision.id == revision.id)).reason


def test_a_private_forums_consultation_leaks_nothing(client, db, sign_in):
    world = topic_world(db, private=True)
    topic = make_topic(db, world)
    found = _consult(
        db, world, topic, opens=NOW - timedelta(days=1), closes=NOW + timedelta(days=5)
    )
    sign_in(make_user(db))
    assert client.get(f"/consultations/{found.id}").status_code == 404
