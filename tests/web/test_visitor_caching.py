"""A visitor who has not started a form gets no session cookie, so their pages may be
cached for a minute (issue 20); forms still get a token and every POST is still checked."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_forum, make_user
from tests.factories_meetings import make_meeting
from tests.web.easy_read_sentences import easy_read_on


@pytest.fixture
def forum(db):
    return make_forum(db, name="Riverside Voices")


def _visitor_pages(forum, db) -> list[str]:
    meeting = make_meeting(db, forum)
    return ["/", "/forums", f"/forums/{forum.slug}", f"/meetings/{meeting.id}"]


def _token(page) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True))[1]


def test_visitor_pages_set_no_cookie_and_may_be_cached_for_a_minute(client, db, forum):
    for url in _visitor_pages(forum, db):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "Set-Cookie" not in page.headers, url
        control = page.cache_control
        assert control.public and control.max_age == 60 and not control.private, url
        assert {"Cookie", "Accept-Language"} <= set(page.vary), url
        assert not page.soup.select("input[name=csrf_token], meta[name=csrf-token]"), url


def test_easy_read_visitor_pages_set_no_cookie_either(client, db, forum):
    easy_read_on(client)
    for url in _visitor_pages(forum, db):
        page = client.get(url)
        assert "Set-Cookie" not in page.headers, url
        assert page.cache_control.public, url


def test_a_page_with_a_form_starts_the_session_and_is_private(client, db):
    user = make_user(db)
    page = client.get("/sign-in")
    assert "session=" in page.headers["Set-Cookie"]
    assert page.cache_control.private and not page.cache_control.public
    sent = client.post(
        "/sign-in", data={"email": user.email, "password": "x" * 8, "csrf_token": _token(page)}
    )
    assert sent.status_code in (200, 400) and "expired" not in sent.get_data(as_text=True)


def test_a_signed_in_persons_pages_are_not_stored(client, db, sign_in, forum):
    sign_in(make_user(db))
    page = client.get(f"/forums/{forum.slug}")
    assert page.cache_control.private and page.cache_control.no_store
    switch = page.soup.select_one("form.easy-read-switch")
    assert switch.select_one("input[name=csrf_token]"), "a session's switch carries its token"


def test_a_post_without_a_token_is_still_refused(client, db):
    page = client.post(
        "/sign-in", data={"email": "a@example.org", "password": "x", "csrf_token": ""}
    )
    assert page.status_code == 400
    assert "The form had expired" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "headers",
    [{}, {"Origin": "https://elsewhere.example"}, {"Sec-Fetch-Site": "cross-site"}],
    ids=["no origin", "another site", "cross-site"],
)
def test_the_reading_switch_without_a_token_must_come_from_our_own_page(client, db, headers):
    sent = client.post("/settings/easy-read", data={"next": "/", "csrf_token": ""}, headers=headers)
    assert sent.status_code == 400
    assert "Set-Cookie" not in sent.headers or "reading_prefs" not in sent.headers["Set-Cookie"]


@pytest.mark.parametrize(
    "headers", [{"Origin": "http://localhost"}, {"Sec-Fetch-Site": "same-origin"}]
)
def test_the_reading_switch_works_for_a_visitor_without_a_session(client, db, headers):
    page = client.get("/")
    assert not page.soup.select_one("form.easy-read-switch input[name=csrf_token]")
    sent = client.post("/settings/easy-read", data={"next": "/", "csrf_token": ""}, headers=headers)
    assert sent.status_code == 303 and sent.headers["Location"] == "/"
    assert "easy-read" in client.get("/").soup.body["class"]


def test_a_wrong_token_on_the_switch_is_refused_even_from_our_own_page(client, db):
    client.get("/sign-in")  # a session with a token
    sent = client.post(
        "/settings/easy-read",
        data={"next": "/", "csrf_token": "forged"},
        headers={"Origin": "http://localhost"},
    )
    assert sent.status_code == 400
