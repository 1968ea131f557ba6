"""Anonymous and private contributions, private forums, and who may answer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from forum_site.models import InboxMessage, OutgoingEmail, Status
from forum_site.models.base import utcnow
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import (
    make_contribution,
    make_decision,
    support,
    take_to,
)

SECRET_NAME = "Zebedee Quietly"


@pytest.fixture
def world(db):
    council = make_organisation(db, name="Hilltop Council")
    people = {
        "commissioner": make_commissioner(db, council, name="Carl Commissioner"),
        "other_commissioner": make_commissioner(
            db, make_organisation(db, name="Faraway Council"), name="Fred Faraway"
        ),
        "author": make_user(db, name=SECRET_NAME),
        "member": make_user(db, name="Mina Member"),
        "convenor": make_user(db, name="Cora Convenor"),
        "outsider": make_user(db, name="Olly Outsider"),
    }
    forum = make_forum(
        db,
        name="Open Forum",
        members=[people["author"], people["member"]],
        convenors=[people["convenor"]],
        organisations=[council],
    )
    return {"forum": forum, "council": council, **people}


def _pages(forum, contribution, decision):
    return [
        f"/forums/{forum.slug}",
        f"/forums/{forum.slug}/contributions",
        f"/contributions/{contribution.id}",
        f"/forums/{forum.slug}/you-said-we-did",
        f"/decisions/{decision.id}",
        f"/forums/{forum.slug}/impact",
        "/contributions/waiting",
    ]


def test_commissioner_never_sees_who_made_an_anonymous_point(client, db, sign_in, world, app):
    forum = world["forum"]
    anonymous = make_contribution(
        db, forum, world["author"], visibility="anonymous", text="The manager shouts at us."
    )
    late = make_contribution(
        db,
        forum,
        world["author"],
        visibility="anonymous",
        text="Nobody fixed the heating.",
        made_at=utcnow() - timedelta(days=40),
    )
    support(db, anonymous, world["member"])
    decision = make_decision(db, forum, contributions=[anonymous, late])
    sign_in(world["commissioner"])
    for url in _pages(forum, anonymous, decision):
        page = client.get(url)
        assert page.status_code == 200, url
        assert SECRET_NAME not in page.get_data(as_text=True), url
    assert "Nobody fixed the heating." in client.get("/contributions/waiting").get_data(
        as_text=True
    )
    shown = client.get(f"/contributions/{anonymous.id}")
    assert "Anonymous" in shown.soup.select_one(".summary-list").get_text()
    export = client.get(f"/forums/{forum.slug}/contributions.csv")
    assert export.mimetype == "text/csv"
    assert "The manager shouts at us." in export.get_data(as_text=True)
    assert SECRET_NAME not in export.get_data(as_text=True)
    # Answering: the messages go to the author and supporter, and never name the author.
    for status, extra in (
        ("considering", {}),
        ("not_taken_forward", {"reason": "It is a staffing matter for the provider."}),
    ):
        client.post(
            f"/contributions/{anonymous.id}/answers",
            data={"status": status, "answer": f"Answer {status}.", **extra},
        )
    db.expire_all()
    assert (
        db.scalar(select(InboxMessage.id).where(InboxMessage.user_id == world["commissioner"].id))
        is None
    )
    for message in db.scalars(select(InboxMessage)):
        assert SECRET_NAME not in message.body + message.subject + message.easy_read_body
    for email in db.scalars(select(OutgoingEmail)):
        assert SECRET_NAME not in email.body_text + email.subject


def test_convenor_and_author_see_the_name_of_an_anonymous_point(client, db, sign_in, world):
    anonymous = make_contribution(db, world["forum"], world["author"], visibility="anonymous")
    sign_in(world["convenor"])
    page = client.get(f"/contributions/{anonymous.id}")
    assert SECRET_NAME in page.soup.select_one(".summary-list").get_text()
    assert "Anonymous to commissioners" in page.get_data(as_text=True)
    sign_in(world["author"])
    page = client.get(f"/contributions/{anonymous.id}")
    assert "You" in page.soup.select_one(".summary-list dd").get_text()


def test_private_points_are_seen_only_by_the_author_and_convenors(client, db, sign_in, world):
    private = make_contribution(
        db, world["forum"], world["author"], visibility="private", text="I am scared to say this."
    )
    url = f"/contributions/{private.id}"
    listing = f"/forums/{world['forum'].slug}/contributions"
    for who in ("commissioner", "member", "outsider"):
        sign_in(world[who])
        assert client.get(url).status_code == 404, who
        assert "I am scared to say this." not in client.get(listing).get_data(as_text=True)
    client.post("/sign-out")
    assert client.get(url).status_code == 404
    for who in ("author", "convenor"):
        sign_in(world[who])
        assert client.get(url).status_code == 200, who
        assert "I am scared to say this." in client.get(listing).get_data(as_text=True)


def test_private_forum_shows_nothing_to_outsiders(client, db, sign_in, world):
    council = world["council"]
    hidden = make_forum(
        db, name="Hidden Circle", private=True, members=[world["author"]], organisations=[council]
    )
    contribution = make_contribution(db, hidden, world["author"], text="Clinic hours are bad.")
    decision = make_decision(
        db, hidden, title="Clinic hours extended", contributions=[contribution]
    )
    urls = [
        f"/forums/{hidden.slug}/contributions",
        f"/forums/{hidden.slug}/you-said-we-did",
        f"/forums/{hidden.slug}/impact",
        f"/forums/{hidden.slug}/decisions",
        f"/contributions/{contribution.id}",
        f"/decisions/{decision.id}",
    ]
    sign_in(world["outsider"])
    for url in urls:
        page = client.get(url)
        assert page.status_code == 404, url
        assert "Hidden Circle" not in page.get_data(as_text=True)
    org_page = client.get(f"/organisations/{council.id}/impact")
    assert "Hidden Circle" not in org_page.get_data(as_text=True)
    assert org_page.soup.select_one(".figures dd").get_text() == "0"
    sign_in(world["commissioner"])  # the council works with it, so its commissioner may see it
    assert client.get(f"/contributions/{contribution.id}").status_code == 200


def test_commissioner_of_another_organisation_cannot_answer(client, db, sign_in, world):
    contribution = make_contribution(db, world["forum"], world["author"])
    sign_in(world["other_commissioner"])
    page = client.get(f"/contributions/{contribution.id}")
    assert page.soup.select_one("#answer-title") is None
    refused = client.post(
        f"/contributions/{contribution.id}/answers",
        data={"status": "considering", "answer": "Not my forum."},
    )
    assert refused.status_code == 403
    sign_in(world["member"])
    assert (
        client.post(
            f"/contributions/{contribution.id}/answers",
            data={"status": "considering", "answer": "I am only a member."},
        ).status_code
        == 403
    )
    db.expire_all()
    assert db.get(type(contribution), contribution.id).status == Status.RECEIVED


def test_members_and_outsiders_cannot_download_the_list(client, db, sign_in, world):
    for who in ("member", "outsider"):
        sign_in(world[who])
        assert client.get(f"/forums/{world['forum'].slug}/contributions.csv").status_code == 403


def test_overdue_points_are_flagged_to_commissioners_only(client, db, sign_in, world):
    forum = world["forum"]
    make_contribution(
        db, forum, world["member"], text="Old point", made_at=utcnow() - timedelta(days=29)
    )
    make_contribution(
        db, forum, world["member"], text="New point", made_at=utcnow() - timedelta(days=27)
    )
    answered = make_contribution(
        db, forum, world["member"], text="Answered point", made_at=utcnow() - timedelta(days=60)
    )
    take_to(
        db,
        world["commissioner"],
        answered,
        "already_happening",
        first_at=utcnow() - timedelta(days=50),
        final_at=utcnow() - timedelta(days=49),
    )
    sign_in(world["commissioner"])
    page = client.get(f"/forums/{forum.slug}/contributions")
    waiting = page.soup.select_one("#waiting-too-long").parent
    assert [a.get_text() for a in waiting.select(".card-title a")] == ["Old point"]
    assert "1 contribution has waited longer" in client.get(f"/forums/{forum.slug}").get_data(
        as_text=True
    )
    mine = client.get("/contributions/waiting")
    assert [a.get_text() for a in mine.soup.select(".card-title a")] == ["Old point"]
    sign_in(world["member"])
    page = client.get(f"/forums/{forum.slug}/contributions")
    assert page.soup.select_one("#waiting-too-long") is None
    overdue = page.soup.select(".waiting-overdue")
    assert len(overdue) == 1
    assert "Waiting 29 days for an answer" in overdue[0].get_text()
