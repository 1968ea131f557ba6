"""A supported member adds an email address: we email the address, and the page is the
same whether or not it has an account. A free address gets a link that, opened by the
member, adds it; the owner of a taken address is told, and the member's account is
left as it was."""

from __future__ import annotations

import re

from forum_site.models import User
from forum_site.services.not_online.supported import NO_PASSWORD
from tests.factories import PASSWORD, make_user
from tests.web.not_online_helpers import PIN, account_of, forum_with_convenor, issue, make_supported

CONFIRM = re.compile(r"http://localhost(/account/email/confirm/\S+)")


def _by_card(app, db, convenor, user_id: int):
    """The member, signed in with their card on a computer of their own."""
    card = issue(db, convenor, db.get(User, user_id))
    member = app.test_client()
    assert member.post("/card", data={"code": card.code, "pin": PIN}).status_code == 303
    member.get("/account")  # shows (and so clears) the "You are signed in" message
    return member


def _two_members(app, client, sign_in, db):
    forum, convenor = forum_with_convenor(db)
    first = make_supported(client, sign_in, forum, convenor, name="Sam Supported")
    second = make_supported(client, sign_in, forum, convenor, name="Pat Supported")
    return (first, _by_card(app, db, convenor, first)), (
        second,
        _by_card(app, db, convenor, second),
    )


def _emails_to(outbox, address: str):
    return [e for e in outbox() if e.to_address == address]


def _link(outbox, address: str) -> str:
    [email] = _emails_to(outbox, address)
    return CONFIRM.search(email.body_text).group(1)


def _unchanged(db, user_id: int) -> bool:
    user = db.get(User, user_id)
    db.refresh(user)
    return (
        user.email is None
        and user.password_hash == NO_PASSWORD
        and account_of(db, user_id).taken_over_at is None
    )


def _words(page, email: str) -> str:
    return page.soup.main.get_text(" ", strip=True).replace(email, "ADDRESS")


def test_a_taken_and_a_free_address_get_the_same_page(app, client, sign_in, db, outbox):
    owner = make_user(db, email="taken@example.org", name="Olu Owner")
    (sam, sam_client), (pat, pat_client) = _two_members(app, client, sign_in, db)
    taken = sam_client.post("/account/email", data={"email": "Taken@Example.org"})
    free = pat_client.post("/account/email", data={"email": "free@example.org"})
    assert taken.status_code == free.status_code == 200
    assert taken.soup.h1.get_text() == free.soup.h1.get_text() == "Check your email"
    assert _words(taken, "Taken@Example.org") == _words(free, "free@example.org")
    assert "We have sent an email to ADDRESS" in _words(free, "free@example.org")

    [warning] = _emails_to(outbox, "taken@example.org")
    assert "You already have an account with this address" in warning.body_text
    assert "http://localhost/sign-in" in warning.body_text
    assert "http://localhost/password/forgot" in warning.body_text
    assert not CONFIRM.search(warning.body_text)
    assert "Sam Supported" not in warning.body_text
    [offer] = _emails_to(outbox, "free@example.org")
    assert offer.subject == "Finish adding your email address to forum-site"
    assert CONFIRM.search(offer.body_text) and "within 24 hours" in offer.body_text
    assert "Pat Supported" not in offer.body_text

    assert _unchanged(db, sam) and _unchanged(db, pat)
    db.refresh(owner)
    assert owner.email == "taken@example.org" and owner.display_name == "Olu Owner"


def test_the_owner_of_a_taken_address_is_told_in_their_own_language(
    app, client, sign_in, db, outbox
):
    make_user(db, email="cymraeg@example.org").language = "cy"
    db.flush()
    (_sam, sam_client), _ = _two_members(app, client, sign_in, db)
    sam_client.post("/account/email", data={"email": "cymraeg@example.org"})
    [warning] = _emails_to(outbox, "cymraeg@example.org")
    assert warning.subject != "Someone tried to add your email address to another account"
    assert "You already have an account" not in warning.body_text
    assert "http://localhost/password/forgot" in warning.body_text


def test_the_link_adds_the_address_once(app, client, sign_in, db, outbox):
    (sam, sam_client), _ = _two_members(app, client, sign_in, db)
    sam_client.post("/account/email", data={"email": "Sam@Example.org"})
    link = _link(outbox, "sam@example.org")
    page = sam_client.get(link)
    assert page.status_code == 200
    assert page.soup.h1.get_text() == "Choose your password"
    assert "sam@example.org" in page.soup.main.get_text()
    short = sam_client.post(link, data={"password": "short"})
    assert "at least 10 characters" in short.soup.select_one(".error-summary").get_text()
    assert _unchanged(db, sam)

    done = sam_client.post(link, data={"password": "a long password 1"})
    assert done.status_code == 303 and done.headers["Location"] == "/account"
    user = db.get(User, sam)
    db.refresh(user)
    assert user.email == "sam@example.org"
    assert account_of(db, sam).taken_over_at is not None
    fresh = app.test_client()
    signed = fresh.post(
        "/sign-in", data={"email": "sam@example.org", "password": "a long password 1"}
    )
    assert signed.status_code == 303

    again = sam_client.post(link, data={"password": "another password 2"})
    assert again.status_code == 400
    assert "already been used" in again.soup.main.get_text()
    later = app.test_client().post(
        "/sign-in", data={"email": "sam@example.org", "password": "another password 2"}
    )
    assert later.status_code == 200  # the second use changed nothing


def test_an_old_or_made_up_link_says_so_and_stores_nothing(app, client, sign_in, db, outbox):
    (sam, sam_client), _ = _two_members(app, client, sign_in, db)
    sam_client.post("/account/email", data={"email": "late@example.org"})
    link = _link(outbox, "late@example.org")
    app.config["REGISTRATION_MAX_AGE"] = -1
    try:
        old = sam_client.post(link, data={"password": "a long password 1"})
    finally:
        app.config["REGISTRATION_MAX_AGE"] = 24 * 60 * 60
    assert old.status_code == 400
    assert old.soup.h1.get_text() == "This link does not work"
    assert "run out" in old.soup.main.get_text()
    assert old.soup.select_one("main a[href='/account/email']")

    token = link.rsplit("/", 1)[1]
    forged = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
    for made_up in (forged, "rubbish", "x" * 2000):
        page = sam_client.get(f"/account/email/confirm/{made_up}")
        assert page.status_code == 400
        assert "does not work" in page.soup.main.get_text()
    # A link for one purpose never works for another.
    assert sam_client.get(f"/register/finish/{token}").status_code == 400
    client.post("/sign-out")
    client.post("/register", data={"display_name": "Ali", "email": "ali@example.org"})
    [register] = _emails_to(outbox, "ali@example.org")
    made_for_register = re.search(r"/register/finish/(\S+)", register.body_text).group(1)
    wrong = sam_client.get(f"/account/email/confirm/{made_for_register}")
    assert wrong.status_code == 400
    assert _unchanged(db, sam)


def test_the_link_works_only_for_the_member_who_asked(app, client, sign_in, db, outbox):
    (sam, sam_client), (pat, pat_client) = _two_members(app, client, sign_in, db)
    sam_client.post("/account/email", data={"email": "sam@example.org"})
    link = _link(outbox, "sam@example.org")
    stranger = app.test_client()  # whoever the email reached, not signed in
    page = stranger.post(link, data={"password": "a long password 1"})
    assert page.status_code == 400
    assert page.soup.h1.get_text() == "Sign in with your card first"
    assert page.soup.select_one("main a[href^='/card?next=']")
    other = pat_client.post(link, data={"password": "a long password 1"})
    assert other.status_code == 400
    assert "for another account" in other.soup.main.get_text()
    assert _unchanged(db, sam) and _unchanged(db, pat)


def test_an_address_that_got_an_account_meanwhile_is_not_added(app, client, sign_in, db, outbox):
    (sam, sam_client), _ = _two_members(app, client, sign_in, db)
    sam_client.post("/account/email", data={"email": "meanwhile@example.org"})
    link = _link(outbox, "meanwhile@example.org")
    make_user(db, email="meanwhile@example.org")
    page = sam_client.post(link, data={"password": "a long password 1"})
    assert page.status_code == 400
    assert "already an account" in page.soup.main.get_text()
    assert page.soup.select_one("main a[href^='/sign-in']")
    assert _unchanged(db, sam)


def test_members_with_an_address_and_others_cannot_ask(client, sign_in, db, outbox):
    sign_in(make_user(db, email="has@example.org"), password=PASSWORD)
    page = client.get("/account/email")
    assert page.status_code == 303 and page.headers["Location"] == "/account"
    assert client.post("/account/email", data={"email": "new@example.org"}).status_code == 303
    assert outbox() == []
