"""One question per screen in easy read: making an account, step by step, without JavaScript."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models import User
from tests.factories import make_user
from tests.web.easy_read_sentences import easy_read_on


def _hidden(page, name: str) -> list[str]:
    return [i["value"] for i in page.soup.select(f"main form input[type=hidden][name={name}]")]


def _shown(page) -> list[str]:
    """Names of the questions on screen (not hidden, not the step machinery)."""
    return [
        i["name"]
        for i in page.soup.select("main form input")
        if i.get("type") not in ("hidden", "submit")
    ]


def _step_text(page) -> str:
    return page.soup.select_one(".er-step-count").get_text(strip=True)


def test_register_asks_one_question_on_each_screen(client, db):
    easy_read_on(client)
    first = client.get("/register")
    assert _step_text(first) == "Question 1 of 3"
    assert _shown(first) == ["display_name"]
    assert "What is your name?" in first.soup.find("main").get_text()
    assert not first.soup.select("button[value=back]")

    second = client.post("/register", data={"_step": "0", "_move": "next", "display_name": "Ann"})
    assert second.status_code == 200
    assert _step_text(second) == "Question 2 of 3"
    assert _shown(second) == ["email"]
    assert _hidden(second, "display_name") == ["Ann"]
    assert not second.soup.select(".error-summary")


def test_back_keeps_every_answer_and_finish_makes_the_account(client, db):
    easy_read_on(client)
    back = client.post(
        "/register",
        data={"_step": "1", "_move": "back", "display_name": "Ann Lee", "email": "ann@example.org"},
    )
    assert _step_text(back) == "Question 1 of 3"
    assert back.soup.select_one("#display_name")["value"] == "Ann Lee"
    assert _hidden(back, "email") == ["ann@example.org"]
    assert not back.soup.select(".error-summary"), "going back checks nothing"

    to_email = client.post(
        "/register",
        data={"_step": "0", "_move": "next", "display_name": "Ann Lee", "email": "ann@example.org"},
    )
    assert to_email.soup.select_one("#email")["value"] == "ann@example.org"
    to_password = client.post(
        "/register",
        data={"_step": "1", "_move": "next", "display_name": "Ann Lee", "email": "ann@example.org"},
    )
    assert _step_text(to_password) == "Question 3 of 3"
    assert _shown(to_password) == ["password"]
    assert "Make my account" in to_password.soup.select_one("button[value=next]").get_text()

    done = client.post(
        "/register",
        data={
            "_step": "2",
            "_move": "next",
            "display_name": "Ann Lee",
            "email": "ann@example.org",
            "password": "a long secret phrase",
        },
    )
    assert done.status_code == 303
    user = db.scalar(select(User).where(User.email == "ann@example.org"))
    assert user.display_name == "Ann Lee"


def test_a_wrong_answer_on_step_two_stays_on_step_two_with_an_easy_error(client, db):
    easy_read_on(client)
    page = client.post(
        "/register",
        data={"_step": "1", "_move": "next", "display_name": "Ann", "email": "not an email"},
    )
    assert page.status_code == 200
    assert _step_text(page) == "Question 2 of 3"
    summary = page.soup.select_one(".er-error-summary")
    assert summary.select_one("svg[role=img]")
    assert "Something is not right" in summary.get_text()
    assert summary.select_one("a")["href"] == "#email"
    assert "Enter an email address like" in summary.get_text()
    assert page.soup.select_one("#email")["aria-invalid"] == "true"
    assert _hidden(page, "display_name") == ["Ann"]
    assert db.scalar(select(User).where(User.display_name == "Ann")) is None


def test_a_taken_email_found_at_the_end_goes_back_to_the_email_question(client, db):
    make_user(db, email="taken@example.org")
    easy_read_on(client)
    page = client.post(
        "/register",
        data={
            "_step": "2",
            "_move": "next",
            "display_name": "Bea",
            "email": "taken@example.org",
            "password": "another long one",
        },
    )
    assert page.status_code == 200
    assert _step_text(page) == "Question 2 of 3"
    assert "already an account" in page.soup.select_one(".er-error-summary").get_text()
    assert _hidden(page, "password") == [], "a password is never put back into the page"


def test_an_empty_name_is_caught_before_moving_on(client, db):
    easy_read_on(client)
    page = client.post("/register", data={"_step": "0", "_move": "next", "display_name": " "})
    assert _step_text(page) == "Question 1 of 3"
    assert "Enter your name." in page.soup.select_one(".er-error-summary").get_text()


def test_a_made_up_step_number_is_treated_as_the_last_real_one(client, db):
    easy_read_on(client)
    page = client.post("/register", data={"_step": "99", "_move": "next", "display_name": "Cy"})
    assert _step_text(page) in {"Question 2 of 3", "Question 3 of 3"}


def test_without_easy_read_the_whole_form_is_on_one_page(client, db):
    page = client.get("/register")
    assert _shown(page) == ["display_name", "email", "password"]
    assert not page.soup.select(".er-step-count")
