"""Taking an item off the agenda can be undone: the item is kept (dated), "Put it back"
restores it, and members who were told it was taken off are told it is back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum_site.models.meetings import AgendaItem, MeetingStatus
from forum_site.services.errors import NotAllowed
from forum_site.services.meetings import agenda
from forum_site.services.viewer import load_viewer
from tests.factories_meetings import People, make_meeting
from tests.notices import seen_by, subjects_for


def _titles(page) -> list[str]:
    return [h.get_text() for h in page.soup.select(".agenda-item h3")]


def _stored(db, item_id):
    db.expire_all()
    return db.get(AgendaItem, item_id)


def test_a_removed_item_can_be_put_back_and_members_hear_it_is_back(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Summer forum", agenda=2)
    first, second = meeting.agenda_items
    sign_in(people.convenor)
    removed = client.post(f"/meetings/{meeting.id}/agenda/{first.id}/remove")
    assert removed.status_code == 303
    page = client.get(removed.location)
    assert _titles(page) == [second.title]
    assert "Agenda item removed." in page.soup.get_text()
    put_back = page.soup.select_one(f"form[action$='/agenda/{first.id}/put-back']")
    assert put_back is not None and "Put it back" in put_back.get_text()
    assert _stored(db, first.id).removed_at is not None  # kept, dated
    back = client.post(f"/meetings/{meeting.id}/agenda/{first.id}/put-back")
    again = client.post(f"/meetings/{meeting.id}/agenda/{first.id}/put-back")  # double click
    assert (back.status_code, again.status_code) == (303, 303)
    page = client.get(back.location)
    assert _titles(page) == [first.title, second.title]
    assert page.soup.select_one("form[action$='/put-back']") is None
    told = seen_by(db, people.member)
    assert [t.subject for t in told] == ["Changed: Summer forum (the agenda)"] * 2
    assert f"Back on the agenda: {first.title}." in told[1].body


def test_an_item_removed_from_a_draft_is_put_back_without_telling_anyone(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT, agenda=1)
    item = meeting.agenda_items[0]
    sign_in(people.convenor)
    client.post(f"/meetings/{meeting.id}/agenda/{item.id}/remove")
    client.post(f"/meetings/{meeting.id}/agenda/{item.id}/put-back")
    assert _stored(db, item.id).removed_at is None
    assert subjects_for(db, people.member) == []


def test_the_htmx_agenda_offers_put_it_back(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=1)
    item = meeting.agenda_items[0]
    sign_in(people.convenor)
    swap = client.post(
        f"/meetings/{meeting.id}/agenda/{item.id}/remove", headers={"HX-Request": "true"}
    )
    assert swap.status_code == 200
    html = swap.get_data(as_text=True)
    assert f"/agenda/{item.id}/put-back" in html and "Put it back" in html


@pytest.mark.parametrize("who", ["member", "outsider", "visitor"])
def test_only_editors_put_items_back(client, db, sign_in, who):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=1)
    item = meeting.agenda_items[0]
    agenda.remove_agenda_item(db, load_viewer(db, people.convenor), item)
    if who != "visitor":
        sign_in(getattr(people, who))
    response = client.post(f"/meetings/{meeting.id}/agenda/{item.id}/put-back")
    assert response.status_code in ({302} if who == "visitor" else {403, 404})
    assert _stored(db, item.id).removed_at is not None
    if who == "member":
        page = client.get(f"/meetings/{meeting.id}")
        assert page.soup.select_one("form[action$='/put-back']") is None
    with pytest.raises(NotAllowed):
        agenda.put_back_agenda_item(db, load_viewer(db, people.member), meeting, item.id)


def test_an_item_of_another_meeting_cannot_be_put_back_here(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=1)
    other = make_meeting(db, people.forum, agenda=1)
    item = other.agenda_items[0]
    agenda.remove_agenda_item(db, load_viewer(db, people.convenor), item)
    sign_in(people.convenor)
    assert client.post(f"/meetings/{meeting.id}/agenda/{item.id}/put-back").status_code == 404
    assert _stored(db, item.id).removed_at is not None
    assert db.scalar(select(AgendaItem.removed_at).where(AgendaItem.id == item.id)) is not None


def test_search_follows_an_item_taken_off_and_put_back(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Autumn forum", agenda=1)
    item = meeting.agenda_items[0]
    item.title = "Wheelchair taxis"
    db.flush()
    sign_in(people.convenor)

    def found() -> int:
        page = client.get("/search?q=wheelchair")
        return len(page.soup.select(".search-hit"))

    assert found() == 1
    client.post(f"/meetings/{meeting.id}/agenda/{item.id}/remove")
    assert found() == 0
    client.post(f"/meetings/{meeting.id}/agenda/{item.id}/put-back")
    assert found() == 1
