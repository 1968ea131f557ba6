"""Sign-in cards: the right code and PIN sign in; a wrong PIN, a revoked card, a locked
card and a code that does not exist all get the same clear message; five wrong PINs lock
the card until a convenor unlocks it; a new card stops the old one at once."""

from __future__ import annotations

import io

import pypdf
import pytest

from forum_site import create_app
from forum_site.models import User
from forum_site.services.not_online import cards
from tests.web.not_online_helpers import PIN, forum_with_convenor, issue, make_supported

SAME_MESSAGE = "We could not sign you in with that card code and PIN."


@pytest.fixture
def person(client, sign_in, db):
    forum, convenor = forum_with_convenor(db)
    user_id = make_supported(client, sign_in, forum, convenor)
    user = db.get(User, user_id)
    return forum, convenor, user, issue(db, convenor, user)


def _try(app, code, pin):
    browser = app.test_client()
    return browser, browser.post("/card", data={"code": code, "pin": pin})


def _problem(response) -> str:
    return response.soup.select_one(".error-summary").get_text(" ", strip=True)


def test_codes_are_two_groups_of_four_without_look_alikes(person):
    card = person[3]
    assert len(card.code) == 8 and set(card.code) <= set(cards.CODE_ALPHABET)
    assert not set("0O1IL2Z5S8BUV") & set(cards.CODE_ALPHABET)
    assert card.display_code == f"{card.code[:4]}-{card.code[4:]}"


def test_the_right_code_and_pin_sign_in_typed_any_way(app, person, db):
    card = person[3]
    typed = f"{card.code[:4].lower()} {card.code[4:].lower()}"
    browser, response = _try(app, typed, PIN)
    assert response.status_code == 303
    home = browser.get("/account")
    assert home.status_code == 200 and "Sam Supported" in home.get_data(as_text=True)
    db.refresh(card)
    assert card.last_used_at is not None and card.wrong_pins == 0


def test_scanning_the_qr_code_fills_the_code_in(client, person):
    card = person[3]
    page = client.get(f"/card/{card.display_code}")
    assert page.soup.select_one("#code")["value"] == card.code
    assert page.soup.select_one("#pin").get("value") in (None, "")


@pytest.mark.parametrize("case", ["wrong pin", "no such code", "revoked", "locked", "not a code"])
def test_every_failure_says_the_same_thing(app, person, db, case):
    card = person[3]
    code, pin = card.code, PIN
    if case == "wrong pin":
        pin = "9157"
    elif case == "no such code":
        code = "".join(reversed(card.code)) if card.code[::-1] != card.code else "AAAA4444"
    elif case == "revoked":
        cards.revoke_card(card)
    elif case == "locked":
        card.locked_at = card.created_at
    else:
        code = "hello"
    db.flush()
    _browser, response = _try(app, code, pin)
    assert response.status_code == 200
    assert SAME_MESSAGE in _problem(response)
    assert response.soup.select_one("#pin").get("value") in (None, "")  # a PIN is never shown back


def test_five_wrong_pins_lock_the_card_until_the_convenor_unlocks_it(app, client, person, db):
    forum, _convenor, user, card = person
    for _ in range(cards.WRONG_PINS_BEFORE_LOCK):
        _try(app, card.code, "9157")
    db.refresh(card)
    assert card.locked_at is not None
    _browser, response = _try(app, card.code, PIN)  # even the right PIN now
    assert SAME_MESSAGE in _problem(response)
    page = client.get(f"/forums/{forum.slug}/not-online/people/{user.id}")
    assert "Locked after 5 wrong PINs" in page.soup.get_text(" ", strip=True)
    unlock = client.post(f"/forums/{forum.slug}/not-online/people/{user.id}/card/unlock")
    assert unlock.status_code == 303
    assert _try(app, card.code, PIN)[1].status_code == 303


def test_a_new_card_stops_the_lost_one_at_once(app, client, person, db):
    forum, _convenor, user, old = person
    made = client.post(
        f"/forums/{forum.slug}/not-online/people/{user.id}",
        data={"pin": "7316", "pin_again": "7316"},
    )
    assert made.status_code == 303
    new = cards.current_card(db, user.id)
    assert new.id != old.id and new.code != old.code
    assert SAME_MESSAGE in _problem(_try(app, old.code, PIN)[1])
    assert _try(app, new.code, "7316")[1].status_code == 303


def test_a_pin_must_be_numbers_and_not_obvious(client, person):
    forum, _convenor, user, _card = person
    url = f"/forums/{forum.slug}/not-online/people/{user.id}"
    for pin, message in [("12ab", "A PIN is 4 to 6 numbers"), ("1111", "harder to guess")]:
        response = client.post(url, data={"pin": pin, "pin_again": pin})
        assert response.status_code == 200 and message in _problem(response)


def test_the_card_pdf_has_the_name_and_code_but_never_the_pin(client, person):
    forum, _convenor, user, card = person
    single = client.get(f"/forums/{forum.slug}/not-online/people/{user.id}/card.pdf")
    assert single.status_code == 200 and single.mimetype == "application/pdf"
    page = pypdf.PdfReader(io.BytesIO(single.data)).pages[0]
    width_mm, height_mm = (float(v) * 25.4 / 72 for v in page.mediabox[2:])
    assert round(width_mm) == 86 and round(height_mm) == 54  # a bank card
    text = page.extract_text()
    assert "Sam Supported" in text and card.display_code in text and PIN not in text
    sheet = client.get(f"/forums/{forum.slug}/not-online/cards.pdf")
    reader = pypdf.PdfReader(io.BytesIO(sheet.data))
    assert round(float(reader.pages[0].mediabox[2]) * 25.4 / 72) == 210  # A4


def test_card_sign_in_is_limited_per_card_and_per_address(tmp_path):
    app = create_app(
        {
            "ENV": "testing",
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/limits.sqlite3",
            "SECRET_KEY": "limits",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
    browser = app.test_client()
    statuses = [
        browser.post("/card", data={"code": "KMXA-3PWA", "pin": "9157"}).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [200] * 5 and statuses[5] == 429  # the same card: 5 a minute
    others = [
        browser.post("/card", data={"code": f"KMXA-3PW{c}", "pin": "9157"}).status_code
        for c in "CEFHJK"
    ]
    assert others[-1] == 429  # this address: 10 a minute, whichever cards


def test_a_card_used_at_a_second_computer_signs_the_first_out(app, person):
    card = person[3]
    first, signed_in = _try(app, card.code, PIN)
    assert signed_in.status_code == 303
    assert first.get("/account").status_code == 200
    second, again = _try(app, card.code, PIN)
    assert again.status_code == 303
    told = second.get(again.headers["Location"]).get_data(as_text=True)
    assert "You were still signed in on another computer." in told
    assert second.get("/account").status_code == 200
    left_behind = first.get("/account")
    assert left_behind.status_code == 302 and "/sign-in" in left_behind.headers["Location"]
