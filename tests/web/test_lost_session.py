"""A long point typed while the session ended survives signing in again (issue 15): the
words come back in a form that sends them, without JavaScript and without storing them."""

from __future__ import annotations

from sqlalchemy import func, select

from forum_site.models import Contribution
from forum_site.services import sessions
from tests.factories import PASSWORD, make_forum, make_user

WORDS = (
    "The minibus to the day centre has been late every Tuesday since the timetable "
    "changed, and three of us missed lunch because of it."
)


def _hidden(page) -> dict[str, str]:
    form = page.soup.select_one("main form[action='/sign-in']")
    return {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}


def _forum_and_member(db):
    member = make_user(db, name="Mo Member")
    forum = make_forum(db, name="Day Services Forum", members=[member])
    return forum, member


def _send_again(client, page) -> dict[str, str]:
    form = page.soup.select_one("main form")
    fields = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    fields.update({t["name"]: t.get_text() for t in form.select("textarea")})
    return form["action"], fields


def test_signed_out_in_another_tab_the_words_come_back_after_signing_in(client, db, sign_in):
    forum, member = _forum_and_member(db)
    sign_in(member)
    url = f"/forums/{forum.slug}/contributions"
    client.get(url)
    sessions.end_all(db, member)  # signed out in another tab, or the password changed
    db.flush()
    sent = client.post(url, data={"text": WORDS, "visibility": "shared", "topic": "Transport"})
    assert sent.status_code == 200
    assert "we kept what you wrote" in sent.get_data(as_text=True)
    carried = _hidden(sent)
    assert carried["carry-text"] == WORDS and carried["carry_to"] == url
    assert "carry-csrf_token" not in carried

    back = client.post("/sign-in", data={**carried, "email": member.email, "password": PASSWORD})
    assert back.status_code == 200
    assert back.soup.select_one("main textarea").get_text() == WORDS
    assert "password" not in back.get_data(as_text=True).lower().split("<main", 1)[1]
    action, fields = _send_again(client, back)
    assert action == url
    done = client.post(action, data=fields)
    assert done.status_code == 303
    saved = db.scalar(select(Contribution).where(Contribution.forum_id == forum.id))
    assert saved.text == WORDS and saved.topic == "Transport"


def test_a_wrong_password_keeps_carrying_the_words(client, db, sign_in):
    forum, member = _forum_and_member(db)
    sign_in(member)
    url = f"/forums/{forum.slug}/contributions"
    sessions.end_all(db, member)
    db.flush()
    carried = _hidden(client.post(url, data={"text": WORDS, "visibility": "shared"}))
    wrong = client.post("/sign-in", data={**carried, "email": member.email, "password": "no"})
    assert wrong.status_code == 200
    assert _hidden(wrong)["carry-text"] == WORDS
    assert db.scalar(select(func.count(Contribution.id))) == 0


def test_a_lost_cookie_shows_the_words_to_send_after_signing_in(app, db):
    forum, member = _forum_and_member(db)
    url = f"/forums/{forum.slug}/contributions"
    browser = app.test_client()  # a browser that lost its cookie: its token is no good
    lost = browser.post(url, data={"text": WORDS, "visibility": "shared", "csrf_token": "old"})
    assert lost.status_code == 400
    carried = _hidden(lost)
    assert carried["carry-text"] == WORDS
    back = browser.post("/sign-in", data={**carried, "email": member.email, "password": PASSWORD})
    action, fields = _send_again(browser, back)
    assert browser.post(action, data=fields).status_code == 303
    assert db.scalar(select(Contribution.text).where(Contribution.forum_id == forum.id)) == WORDS


def test_short_forms_still_get_the_plain_expired_page(app, db):
    browser = app.test_client()
    page = browser.post("/sign-out", data={"csrf_token": "old"})
    assert page.status_code == 400
    assert "The form had expired" in page.get_data(as_text=True)


def test_with_htmx_the_sign_in_page_replaces_the_whole_page_not_a_part(client, db, sign_in):
    forum, member = _forum_and_member(db)
    sign_in(member)
    url = f"/forums/{forum.slug}/contributions"
    sessions.end_all(db, member)
    db.flush()
    sent = client.post(
        url, data={"text": WORDS, "visibility": "shared"}, headers={"HX-Request": "true"}
    )
    # htmx puts it in the body: one page with one h1, not a page inside the form's panel
    assert sent.headers["HX-Retarget"] == "body" and sent.headers["HX-Reswap"] == "innerHTML"
    assert len(sent.soup.select("h1")) == 1
    assert _hidden(sent)["carry-text"] == WORDS


def test_with_htmx_a_lost_cookie_shows_the_words_again_as_a_whole_page(app, db, sign_in):
    forum, member = _forum_and_member(db)
    url = f"/forums/{forum.slug}/contributions"
    browser = app.test_client()
    browser.post("/sign-in", data={"email": member.email, "password": PASSWORD, "csrf_token": "x"})
    lost = browser.post(
        url,
        data={"text": WORDS, "visibility": "shared", "csrf_token": "old"},
        headers={"HX-Request": "true"},
    )
    assert lost.status_code == 400
    assert lost.headers.get("HX-Retarget") == "body"
    assert WORDS in lost.get_data(as_text=True)
