"""Venue computers (kiosk mode): card sign-in first, the idle sign-out that works without
JavaScript (a meta refresh to a warning page, then to the signed-out page), Finished, and a
copied or stopped device cookie giving nothing more."""

from __future__ import annotations

import re
import time

import pytest

from forum_site.models import User, VenueComputer
from forum_site.web.not_online.venue import COOKIE, SEEN
from tests.web.not_online_helpers import PIN, forum_with_convenor, issue, make_supported


@pytest.fixture
def kiosk(client, sign_in, db):
    """The test client as a shared computer at a venue, and a supported member's card."""
    forum, convenor = forum_with_convenor(db)
    user = db.get(User, make_supported(client, sign_in, forum, convenor))
    card = issue(db, convenor, user)
    made = client.post(
        f"/forums/{forum.slug}/venue-computers", data={"name": "Library", "idle_minutes": "5"}
    )
    assert made.status_code == 303 and made.headers["Location"] == "/card"
    return forum, user, card


def _refresh(page) -> tuple[int, str]:
    meta = page.soup.select_one("meta[http-equiv=refresh]")
    seconds, url = re.fullmatch(r"(\d+);url=(.+)", meta["content"]).groups()
    return int(seconds), url


def _card_sign_in(client, card):
    return client.post("/card", data={"code": card.display_code, "pin": PIN})


def test_setting_up_signs_the_convenor_out_and_opens_on_card_sign_in(client, kiosk):
    forum, _user, _card = kiosk
    assert client.get("/account").status_code == 302  # the convenor is signed out here
    start = client.get("/", follow_redirects=True)
    assert start.soup.h1.get_text(strip=True) == "Sign in with your card"
    assert start.soup.select_one("form[action='/venue/finished'] button").text.strip() == "Finished"
    assert start.soup.select_one("#code")["autocomplete"] == "off"
    assert start.headers["Cache-Control"] == "no-store"


def test_card_sign_in_opens_on_the_venue_forum(client, kiosk):
    forum, _user, card = kiosk
    signed = _card_sign_in(client, card)
    assert signed.headers["Location"] == f"/forums/{forum.slug}"
    assert client.get("/").headers["Location"] == f"/forums/{forum.slug}"


def test_idle_sign_out_works_without_javascript(client, kiosk):
    forum, _user, card = kiosk
    _card_sign_in(client, card)
    page = client.get(f"/forums/{forum.slug}")
    seconds, warning_url = _refresh(page)
    assert seconds == 4 * 60  # 5 minutes idle, warned a minute before
    assert warning_url.startswith("/venue/still-there")
    with client.session_transaction() as session:  # four minutes pass
        session[SEEN] = time.time() - 4 * 60
    warning = client.get(warning_url)
    assert warning.soup.h1.get_text(strip=True) == "Are you still there?"
    seconds, signed_out_url = _refresh(warning)
    assert (seconds, signed_out_url) == (60, "/venue/signed-out")
    with client.session_transaction() as session:  # nobody pressed "I am still here"
        session[SEEN] = time.time() - 5 * 60
    done = client.get(signed_out_url, follow_redirects=True)
    assert done.soup.h1.get_text(strip=True) == "You are signed out"
    assert client.get("/account").status_code == 302


def test_still_here_starts_the_clock_again(client, kiosk):
    forum, _user, card = kiosk
    _card_sign_in(client, card)
    with client.session_transaction() as session:
        session[SEEN] = time.time() - 4 * 60 - 10
    kept = client.post("/venue/still-there", data={"next": f"/forums/{forum.slug}"})
    assert kept.headers["Location"] == f"/forums/{forum.slug}"
    with client.session_transaction() as session:
        assert time.time() - session[SEEN] < 5
    assert client.get("/account").status_code == 200


def test_any_page_after_the_idle_time_signs_out(client, kiosk):
    forum, _user, card = kiosk
    _card_sign_in(client, card)
    with client.session_transaction() as session:
        session[SEEN] = time.time() - 6 * 60
    response = client.get(f"/forums/{forum.slug}")
    assert response.status_code == 303 and response.headers["Location"] == "/venue/signed-out"
    assert client.get("/account").status_code == 302


def test_finished_signs_out_and_clears_what_the_browser_kept(client, kiosk):
    _forum, _user, card = kiosk
    _card_sign_in(client, card)
    finished = client.post("/venue/finished")
    assert finished.status_code == 303 and finished.headers["Location"] == "/card"
    assert finished.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert client.get("/account").status_code == 302
    assert client.get_cookie(COOKIE) is not None  # still a shared computer for the next person


def test_a_copied_cookie_signs_nobody_in_and_stops_when_the_computer_is_stopped(
    client, kiosk, app, sign_in, db
):
    forum, _user, card = kiosk
    copied = client.get_cookie(COOKIE).value
    other = app.test_client()
    other.set_cookie(COOKIE, copied)
    page = other.get("/", follow_redirects=True)
    assert page.soup.h1.get_text(strip=True) == "Sign in with your card"  # kiosk, nobody signed in
    assert other.get("/account").status_code == 302
    forged = app.test_client()
    forged.set_cookie(COOKIE, copied[:-3] + "abc")
    assert forged.get("/").status_code == 200  # an ordinary home page: the cookie is ignored
    computer = db.query(VenueComputer).filter_by(forum_id=forum.id).one()
    convenor = app.test_client()
    sign_in(db.get(User, computer.set_up_by_id), target=convenor)
    stopped = convenor.post(f"/forums/{forum.slug}/venue-computers/{computer.id}/stop")
    assert stopped.status_code == 303
    assert other.get("/").status_code == 200  # no longer a shared computer
    assert other.get("/").soup.select_one("form[action='/venue/finished']") is None
