"""Making an account, signing in and out, password reset and change."""

import re

from sqlalchemy import select

from forum_site.models import User
from tests.factories import PASSWORD, make_user


def test_register_signs_in_and_stores_a_hashed_password(client, db):
    page = client.post(
        "/register",
        data={
            "display_name": "Ali Hassan",
            "email": "Ali@Example.org ",
            "password": "a long secret phrase",
        },
    )
    assert page.status_code == 303
    user = db.scalar(select(User).where(User.email == "ali@example.org"))
    assert user.display_name == "Ali Hassan"
    assert user.password_hash.startswith("$argon2")
    assert "Sign out" in client.get("/").get_data(as_text=True)


def test_register_with_taken_email_keeps_what_was_typed(client, db):
    make_user(db, email="taken@example.org")
    page = client.post(
        "/register",
        data={
            "display_name": "Bea ✨ Ørsted",
            "email": "taken@example.org",
            "password": "another long one",
        },
    )
    assert page.status_code == 200
    summary = page.soup.select_one(".error-summary")
    assert "already an account" in summary.get_text()
    assert summary.select_one("a")["href"] == "#email"
    assert page.soup.select_one("#display_name")["value"] == "Bea ✨ Ørsted"
    assert page.soup.select_one("#email")["aria-invalid"] == "true"


def test_register_with_missing_and_over_long_fields_gives_messages(client, db):
    page = client.post(
        "/register", data={"display_name": "x" * 500, "email": "", "password": "short"}
    )
    text = page.soup.select_one(".error-summary").get_text()
    assert "Enter your email address." in text
    assert "up to 100 characters" in text
    assert "at least 10 characters" in text


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
