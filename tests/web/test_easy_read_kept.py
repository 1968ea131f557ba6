"""Easy-read documents and their HTML kept between requests (web/easy_read/kept.py): a
page made from kept parts is the page made afresh, and anything the easy read is made
from (the meeting's words, an answer, the glossary, the reader's language, the pictures
setting) makes it again."""

from __future__ import annotations

from forum_site.models import Meeting, Status
from forum_site.services import glossary
from forum_site.web.easy_read import kept
from tests.factories import make_forum, make_user
from tests.factories_briefings import make_entry
from tests.factories_meetings import make_meeting
from tests.web.easy_read_sentences import easy_read_on

PURPOSE = "We want to hear what you think about the new lunch club."


def _easy_block(client, meeting_id: int) -> str:
    page = client.get(f"/meetings/{meeting_id}")
    assert page.status_code == 200
    return page.soup.select_one("main").get_text(" ", strip=True)


def _meeting(db):
    forum = make_forum(db)
    return make_meeting(db, forum, purpose=PURPOSE)


def test_a_kept_page_is_the_page_made_afresh(client, db):
    meeting = _meeting(db)
    easy_read_on(client)
    first = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    again = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    kept.forget_all()
    fresh = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    strip = lambda html: html.split('name="csrf_token"')[0]  # noqa: E731
    assert strip(again) == strip(first) and strip(fresh) == strip(first)
    assert "lunch club" in _easy_block(client, meeting.id)


def test_changed_words_are_shown_at_once(client, db):
    meeting = _meeting(db)
    easy_read_on(client)
    assert "lunch club" in _easy_block(client, meeting.id)
    db.execute(
        Meeting.__table__.update()
        .where(Meeting.id == meeting.id)
        .values(purpose="We want to hear what you think about the minibus times.")
    )
    db.expire_all()
    text = _easy_block(client, meeting.id)
    assert "minibus" in text and "lunch club" not in text


def test_a_new_glossary_word_is_explained_on_a_kept_page(client, db):
    meeting = _meeting(db)
    easy_read_on(client)
    assert "Lunch club means" not in _easy_block(client, meeting.id)
    make_entry(db, "lunch club", plain="A group that meets to eat together.",
               easy="A lunch club is a group. They eat together.")  # fmt: skip
    db.flush()
    glossary._kept_terms.clear()
    assert "A lunch club is a group." in _easy_block(client, meeting.id)


def test_the_pictures_setting_and_the_language_are_part_of_the_key(client, db):
    meeting = _meeting(db)
    easy_read_on(client)
    with_pictures = client.get(f"/meetings/{meeting.id}").soup.select(".er-document svg")
    easy_read_on(client, hide_pictures=True)
    without = client.get(f"/meetings/{meeting.id}").soup.select(".er-document svg")
    assert with_pictures and not without
    client.post("/settings", data={"language": "cy", "text_size": "normal", "easy_read": "y"})
    page = client.get(f"/meetings/{meeting.id}")
    assert page.soup.html["lang"] == "cy"
    labels = [el for el in page.soup.select(".er-document [lang=cy]")]
    assert labels, "the renderer's labels are in the reader's language"


def test_a_new_answer_shows_on_a_kept_you_said_we_did(app, client, db, sign_in):
    from datetime import timedelta

    from tests.factories import make_commissioner, make_organisation
    from tests.factories_contributions import START, make_contribution, take_to

    council = make_organisation(db)
    commissioner = make_commissioner(db, council)
    member = make_user(db)
    forum = make_forum(db, members=[member], organisations=[council])
    first = make_contribution(db, forum, member, text="The bus is late.")
    at = {"first_at": START + timedelta(days=1), "final_at": START + timedelta(days=2)}
    take_to(db, commissioner, first, Status.ALREADY_HAPPENING, text="We asked the driver.", **at)
    easy_read_on(client)
    page = client.get(f"/forums/{forum.slug}/you-said-we-did").get_data(as_text=True)
    assert "The bus is late." in page and "The lift is broken." not in page
    second = make_contribution(db, forum, member, text="The lift is broken.")
    take_to(db, commissioner, second, Status.ALREADY_HAPPENING, text="It is mended.", **at)
    page = client.get(f"/forums/{forum.slug}/you-said-we-did").get_data(as_text=True)
    assert "The lift is broken." in page and "The bus is late." in page


def test_the_store_keeps_only_the_newest():
    store = kept._Kept(2)
    for key in ("a", "b", "c"):
        store.put(key, key)
    assert store.get("a") is None and store.get("b") == "b" and store.get("c") == "c"
    store.get("b")
    store.put("d", "d")
    assert store.get("c") is None and store.get("b") == "b"


def test_the_second_view_neither_builds_nor_draws_again(client, db, monkeypatch):
    import easyread.render
    import forum_site.web.meetings.easy_read as meeting_page

    built, drawn = [], []
    build, draw = meeting_page.build, easyread.render.render_html
    monkeypatch.setattr(meeting_page, "build", lambda m: built.append(1) or build(m))
    monkeypatch.setattr(
        "forum_site.web.easy_read.views.render_html",
        lambda *a, **k: drawn.append(1) or draw(*a, **k),
    )
    meeting = _meeting(db)
    easy_read_on(client)
    client.get(f"/meetings/{meeting.id}")
    once = (len(built), len(drawn))
    client.get(f"/meetings/{meeting.id}")
    assert once[0] == 1 and once[1] >= 1
    assert (len(built), len(drawn)) == once
