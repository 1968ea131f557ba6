"""Making an account, signing in and out, password reset and change."""

import re

from sqlalchemy import select

from forum_site.models import User
from tests.factories import PASSWORD, make_user
from tests.web.not_online_helpers import forum_with_convenor, make_supported


def _register(client, email: str, name: str = "Ali Hassan", **extra):
    return client.post("/register", data={"display_name": name, "email": email, **extra})


def _finish_link(outbox, to: str) -> str:
    email = [e for e in outbox() if e.to_address == to][-1]
    return re.search(r"http://localhost(/register/finish/\S+)", email.body_text).group(1)


def _users(db, email: str) -> int:
    return len(db.scalars(select(User).where(User.email == email)).all())


def test_register_emails_a_link_that_makes_the_account_and_signs_in(client, db, outbox):
    page = _register(client, "Ali@Example.org ")
    assert page.status_code == 200
    assert page.soup.find("h1").get_text() == "Check your email"
    assert _users(db, "ali@example.org") == 0, "nothing is made until the link is used"
    link = _finish_link(outbox, "ali@example.org")

    form = client.get(link)
    assert form.status_code == 200
    assert "Ali Hassan" in form.soup.find("main").get_text()
    done = client.post(link, data={"password": "a long secret phrase"})
    assert done.status_code == 303
    assert done.headers["Location"] == "/"
    user = db.scalar(select(User).where(User.email == "ali@example.org"))
    assert user.display_name == "Ali Hassan"
    assert user.password_hash.startswith("$argon2")
    assert "Sign out" in client.get("/").get_data(as_text=True)


def _seen(page, email: str) -> str:
    """The page as a reader sees it, with the address they typed taken out."""
    return page.soup.find("main").get_text(" ", strip=True).replace(email, "<email>")


def test_register_answers_the_same_for_a_new_and_a_taken_address(app, db, outbox):
    make_user(db, email="taken@example.org")
    new = _register(app.test_client(), "new@example.org", name="Bea")
    taken = _register(app.test_client(), "taken@example.org", name="Bea")
    assert new.status_code == taken.status_code == 200
    assert _seen(new, "new@example.org") == _seen(taken, "taken@example.org")
    assert "already" not in new.soup.select_one("title").get_text()
    assert not taken.soup.select(".error-summary")
    assert {e.to_address for e in outbox()} == {"new@example.org", "taken@example.org"}


def test_the_owner_of_a_taken_address_is_warned_and_gets_no_link(client, db, outbox):
    owner = make_user(db, email="taken@example.org")
    _register(client, "Taken@Example.org", name="Someone Else", next="/forums")
    [email] = outbox()
    assert email.to_address == "taken@example.org"
    assert "You already have an account" in email.body_text
    assert "http://localhost/sign-in?next=/forums" in email.body_text.replace("%2F", "/")
    assert "http://localhost/password/forgot" in email.body_text
    assert "/register/finish/" not in email.body_text
    assert "Someone Else" not in email.body_text
    assert _users(db, "taken@example.org") == 1
    assert owner.password_hash == db.get(User, owner.id).password_hash


def test_the_link_email_has_nothing_the_person_typed_but_the_address(client, db, outbox):
    _register(client, "new@example.org", name="Win a prize at evil.example")
    [email] = outbox()
    assert "evil.example" not in email.body_text
    assert "evil.example" not in email.subject


def test_finishing_twice_makes_one_account_and_says_so(app, client, db, outbox):
    _register(client, "once@example.org")
    link = _finish_link(outbox, "once@example.org")
    assert client.post(link, data={"password": "a long secret phrase"}).status_code == 303

    other = app.test_client()
    again = other.get(link)
    assert again.status_code == 400
    assert again.soup.find("h1").get_text() == "You already have an account"
    assert again.soup.select_one("main a[href^='/sign-in']")
    posted = other.post(link, data={"password": "a different phrase"})
    assert posted.status_code == 400
    assert _users(db, "once@example.org") == 1
    signed_in = other.post(
        "/sign-in", data={"email": "once@example.org", "password": "a long secret phrase"}
    )
    assert signed_in.status_code == 303, "the first password is the one that works"


def test_an_address_that_got_an_account_meanwhile_gets_a_sign_in_link(client, db, outbox):
    _register(client, "meanwhile@example.org")
    link = _finish_link(outbox, "meanwhile@example.org")
    make_user(db, email="meanwhile@example.org")
    page = client.post(link, data={"password": "a long secret phrase"})
    assert page.status_code == 400
    assert "already an account" in page.soup.find("main").get_text()
    assert page.soup.select_one("main a[href^='/sign-in']")
    assert _users(db, "meanwhile@example.org") == 1


def test_an_old_or_broken_finish_link_says_to_start_again(app, client, db, outbox):
    _register(client, "late@example.org")
    link = _finish_link(outbox, "late@example.org")
    app.config["REGISTRATION_MAX_AGE"] = -1
    try:
        page = client.get(link)
    finally:
        app.config["REGISTRATION_MAX_AGE"] = 24 * 60 * 60
    assert page.status_code == 400
    assert "run out" in page.get_data(as_text=True)
    assert page.soup.select_one("main a[href='/register']")
    broken = client.get("/register/finish/rubbish")
    assert broken.status_code == 400
    assert "does not work" in broken.get_data(as_text=True)
    reset_token = link.rsplit("/", 1)[1]
    assert client.get(f"/password/reset/{reset_token}").status_code == 400, "salts differ"


def test_finish_goes_to_the_page_asked_for_and_never_to_another_site(app, client, db, outbox):
    _register(client, "next@example.org", next="/forums")
    done = client.post(_finish_link(outbox, "next@example.org"), data={"password": "x" * 12})
    assert done.headers["Location"] == "/forums"
    other = app.test_client()
    _register(other, "evil@example.org", next="https://evil.example/")
    done = other.post(_finish_link(outbox, "evil@example.org"), data={"password": "x" * 12})
    assert done.headers["Location"] == "/"


def test_a_short_password_on_the_finish_page_is_shown_next_to_the_field(client, db, outbox):
    _register(client, "short@example.org")
    link = _finish_link(outbox, "short@example.org")
    page = client.post(link, data={"password": "short"})
    assert page.status_code == 200
    summary = page.soup.select_one(".error-summary")
    assert "at least 10 characters" in summary.get_text()
    assert summary.select_one("a")["href"] == "#password"
    assert page.soup.select_one("#password")["aria-invalid"] == "true"
    assert page.soup.select_one("#password-error")
    assert _users(db, "short@example.org") == 0


def test_register_with_missing_and_over_long_fields_gives_messages(client, db, outbox):
    page = _register(client, "", name="Bea ✨ Ørsted" + "x" * 500)
    assert page.status_code == 200
    text = page.soup.select_one(".error-summary").get_text()
    assert "Enter your email address." in text
    assert "up to 100 characters" in text
    assert page.soup.select_one("#display_name")["value"].startswith("Bea ✨ Ørsted")
    assert page.soup.select_one("#email")["aria-invalid"] == "true"
    assert outbox() == []


def test_supported_members_without_an_email_address_are_not_an_account_for_one(
    app, client, db, sign_in, outbox
):
    """Issue 16's accounts have no address: making an account beside them works as ever."""
    forum, convenor = forum_with_convenor(db)
    supported = make_supported(client, sign_in, forum, convenor)
    client.post("/sign-out")
    fresh = app.test_client()
    _register(fresh, "sam@example.org", name="Sam Supported")
    link = _finish_link(outbox, "sam@example.org")
    assert fresh.post(link, data={"password": "a long secret phrase"}).status_code == 303
    assert db.get(User, supported).email is None
    assert _users(db, "sam@example.org") == 1


def test_register_is_limited_per_address_whether_it_has_an_account_or_not(
    app, db, outbox, monkeypatch
):
    monkeypatch.setitem(app.config, "RATELIMIT_ENABLED", True)
    make_user(db, email="taken@example.org")
    for email in ("taken@example.org", "fresh@example.org"):
        client = app.test_client()
        codes = [_register(client, email).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429], email
    assert len(outbox()) == 6


def test_sign_in_with_wrong_password_does_not_say_which_part_was_wrong(client, db):
    user = make_user(db)
    page = client.post("/sign-in", data={"email": user.email, "password": "not the password"})
    assert page.status_code == 200
    assert "email address or password is not right" in page.get_data(as_text=True)
    assert page.soup.select_one("#email")["value"] == user.email


def test_sign_in_then_out(client, db, sign_in):
    user = make_user(db, name="Grace Mensah")
    sign_in(user)
    assert "Your account" in client.get("/").get_data(as_text=True)
    assert client.post("/sign-out").status_code == 303
    assert "Sign in" in client.get("/").get_data(as_text=True)


def test_sign_in_refuses_to_redirect_to_another_site(client, db):
    user = make_user(db)
    for target in ["https://evil.example/", "//evil.example", "/\\evil.example"]:
        page = client.post(
            "/sign-in", data={"email": user.email, "password": PASSWORD, "next": target}
        )
        assert page.headers["Location"] == "/"
    page = client.post(
        "/sign-in", data={"email": user.email, "password": PASSWORD, "next": "/forums"}
    )
    assert page.headers["Location"] == "/forums"


def _reset_link(outbox) -> str:
    return re.search(r"http://localhost(/password/reset/\S+)", outbox()[-1].body_text).group(1)


def test_password_reset_link_works_once(client, db, outbox):
    user = make_user(db, email="reset@example.org")
    page = client.post("/password/forgot", data={"email": "reset@example.org"})
    assert "Check your email" in page.get_data(as_text=True)
    link = _reset_link(outbox)
    page = client.post(
        link, data={"password": "my new long password", "confirm": "my new long password"}
    )
    assert page.status_code == 303
    client.post("/sign-out")
    assert (
        client.post(
            "/sign-in", data={"email": user.email, "password": "my new long password"}
        ).status_code
        == 303
    )
    again = client.get(link)
    assert again.status_code == 400
    assert "already been used" in again.get_data(as_text=True)


def test_password_reset_for_unknown_email_looks_the_same_and_sends_nothing(client, db, outbox):
    page = client.post("/password/forgot", data={"email": "nobody@example.org"})
    assert "Check your email" in page.get_data(as_text=True)
    assert outbox() == []


def test_expired_or_broken_reset_link_explains_what_to_do(app, client, db, outbox):
    make_user(db, email="late@example.org")
    client.post("/password/forgot", data={"email": "late@example.org"})
    link = _reset_link(outbox)
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    try:
        assert "run out" in client.get(link).get_data(as_text=True)
    finally:
        app.config["PASSWORD_RESET_MAX_AGE"] = 3600
    assert "does not work" in client.get("/password/reset/rubbish").get_data(as_text=True)


def test_change_password_signs_out_other_sessions(app, client, db, sign_in):
    user = make_user(db)
    sign_in(user)
    other = sign_in(user, target=app.test_client())
    page = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": "brand new password",
            "confirm": "brand new password",
        },
    )
    assert page.status_code == 303
    assert client.get("/account").status_code == 200
    assert other.get("/account").status_code == 302


def test_change_password_with_wrong_current_password(client, db, sign_in):
    sign_in(make_user(db))
    page = client.post(
        "/account/password",
        data={
            "current_password": "wrong one!",
            "password": "brand new password",
            "confirm": "different password",
        },
    )
    text = page.soup.select_one(".error-summary").get_text()
    assert "current password is not right" in text or "not the same" in text


def test_post_without_csrf_token_is_refused_with_a_plain_message(client, db):
    page = client.post(
        "/sign-in", data={"email": "a@example.org", "password": "x", "csrf_token": "forged"}
    )
    assert page.status_code == 400
    assert "The form had expired" in page.get_data(as_text=True)


def test_the_finish_link_does_not_show_who_asked(client, db, outbox):
    import base64

    _register(client, "hidden.person@example.org", name="Hidden Person")
    token = _finish_link(outbox, "hidden.person@example.org").rsplit("/", 1)[1]
    readable = [token]
    for start in range(4):  # whatever part of it someone tries to decode
        piece = token[start:][: (len(token) - start) // 4 * 4]
        readable.append(base64.urlsafe_b64decode(piece).decode("latin-1"))
    for text in readable:
        assert "hidden.person" not in text.lower() and "Hidden" not in text
    changed = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    page = client.get(f"/register/finish/{changed}")
    assert page.status_code == 400
    assert "does not work" in page.get_data(as_text=True)
    assert client.get(f"/register/finish/{token}").status_code == 200
