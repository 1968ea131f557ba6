"""A commissioner's queue: filters in the URL, pages, assigning a colleague, who answered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from forum_site.models import Contribution, Status
from tests.factories import make_commissioner
from tests.factories_contributions import answer, make_contribution
from tests.factories_meetings import People
from tests.notices import subjects_for

NOW = datetime.now(UTC)


def _titles(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.soup.select("#results .card-title a")]


def test_only_commissioners_have_a_queue(client, db, sign_in):
    people = People(db)
    sign_in(people.member)
    assert client.get("/queue").status_code == 404


def test_the_queue_is_oldest_first_and_filters_by_forum_status_topic_and_age(client, db, sign_in):
    people = People(db)
    other = People(db)
    council = people.commissioner.commissioner_links[0].organisation
    other.forum.organisations.append(council)
    made = {
        "Old bus point": (people.forum, 30, "Transport"),
        "New bus point": (people.forum, 1, "Transport"),
        "Lunch point": (people.forum, 10, "Food"),
        "Other forum point": (other.forum, 5, ""),
    }
    for text, (forum, days, topic) in made.items():
        make_contribution(
            db, forum, people.member, text=text, topic=topic, made_at=NOW - timedelta(days=days)
        )
    considering = make_contribution(
        db, people.forum, people.member, text="Being looked at", made_at=NOW
    )
    answer(db, people.commissioner, considering, Status.CONSIDERING, at=NOW)
    make_contribution(
        db, people.forum, people.member, text="Secret", visibility="private", made_at=NOW
    )
    sign_in(people.commissioner)
    everything = _titles(client.get("/queue"))
    assert everything[:4] == ["Old bus point", "Lunch point", "Other forum point", "New bus point"]
    assert "Secret" not in everything and "Being looked at" in everything
    assert _titles(client.get(f"/queue?forum={other.forum.id}")) == ["Other forum point"]
    assert _titles(client.get("/queue?status=considering")) == ["Being looked at"]
    assert _titles(client.get("/queue?topic=Transport")) == ["Old bus point", "New bus point"]
    assert _titles(client.get("/queue?age=21")) == ["Old bus point"]
    # htmx asks for the results only, from the same address.
    fragment = client.get("/queue?topic=Food", headers={"HX-Request": "true"})
    assert fragment.get_data(as_text=True).lstrip().startswith('<div id="results">')


def test_the_queue_has_pages(client, db, sign_in):
    people = People(db)
    for n in range(23):
        make_contribution(
            db,
            people.forum,
            people.member,
            text=f"Point {n:02}",
            made_at=NOW - timedelta(hours=50 - n),
        )
    sign_in(people.commissioner)
    first = client.get("/queue")
    assert len(_titles(first)) == 20
    next_link = first.soup.find("a", string="Show more")["href"]
    assert _titles(client.get(next_link)) == ["Point 20", "Point 21", "Point 22"]


def test_assigning_a_colleague_tells_them_and_refuses_outsiders(client, db, sign_in):
    people = People(db)
    council = people.commissioner.commissioner_links[0].organisation
    colleague = make_commissioner(db, council, name="Col League")
    point = make_contribution(db, people.forum, people.member, text="Mend the lift.")
    sign_in(people.commissioner)
    response = client.post(f"/queue/{point.id}/assign", data={"colleague": str(colleague.id)})
    assert response.status_code == 303
    db.expire_all()
    assert db.get(Contribution, point.id).assigned_to_id == colleague.id
    [told] = subjects_for(db, colleague)
    assert told == f"{people.commissioner.display_name} asked you to answer: “Mend the lift.”"
    outsider = people.unlinked_commissioner
    client.post(f"/queue/{point.id}/assign", data={"colleague": str(outsider.id)})
    db.expire_all()
    assert db.get(Contribution, point.id).assigned_to_id == colleague.id
    sign_in(colleague)
    assert _titles(client.get("/queue?who=me")) == ["Mend the lift."]


def test_who_answered_what(client, db, sign_in):
    people = People(db)
    point = make_contribution(db, people.forum, people.member, text="Mend the ramp.")
    answer(db, people.commissioner, point, Status.CONSIDERING, at=NOW)
    sign_in(people.commissioner)
    page = client.get("/queue")
    heading = page.soup.find("h2", string="Who answered what")
    text = " ".join(heading.find_next("ul").get_text(" ").split())
    assert f"{people.commissioner.display_name}: Being considered" in text
    assert db.scalar(select(Contribution.id)) == point.id


def test_the_filters_are_folded_away_until_used(client, db, sign_in):
    """On a phone the five filters filled the first screen; now the first point is there."""
    people = People(db)
    make_contribution(db, people.forum, people.member, text="A point to answer", made_at=NOW)
    sign_in(people.commissioner)
    plain = client.get("/queue").soup.select_one("details.filters-box")
    assert plain is not None and not plain.has_attr("open")
    assert plain.select_one("summary").get_text(strip=True) == "Show only some points"
    filtered = client.get("/queue?age=7").soup.select_one("details.filters-box")
    assert filtered.has_attr("open")
