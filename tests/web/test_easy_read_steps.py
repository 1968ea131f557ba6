"""One question per screen in easy read: making an account, step by step, without JavaScript."""

from __future__ import annotations

import re

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
    assert _step_text(first) == "Question 1 of 2"
    assert _shown(first) == ["display_name"]
    assert "What is your name?" in first.soup.find("main").get_text()
    assert not first.soup.select("button[value=back]")

    second = client.post("/register", data={"_step": "0", "_move": "next", "display_name": "Ann"})
    assert second.status_code == 200
    assert _step_text(second) == "Question 2 of 2"
    assert _shown(second) == ["email"]
    assert _hidden(second, "display_name") == ["Ann"]
    assert not second.soup.select(".error-summary")


def test_back_keeps_every_answer_and_the_last_step_sends_the_link(client, db, outbox):
    easy_read_on(client)
    back = client.post(
        "/register",
        data={"_step": "1", "_move": "back", "display_name": "Ann Lee", "email": "ann@example.org"},
    )
    assert _step_text(back) == "Question 1 of 2"
    assert back.soup.select_one("#display_name")["value"] == "Ann Lee"
    assert _hidden(back, "email") == ["ann@example.org"]
    assert not back.soup.select(".error-summary"), "going back checks nothing"

    to_email = client.post(
        "/register",
        data={"_step": "0", "_move": "next", "display_name": "Ann Lee", "email": "ann@example.org"},
    )
    assert _step_text(to_email) == "Question 2 of 2"
    assert to_email.soup.select_one("#email")["value"] == "ann@example.org"
    assert _shown(to_email) == ["email"]
    assert "Send me a link" in to_email.soup.select_one("button[value=next]").get_text()
    assert outbox() == [], "no email until the last step"

    done = client.post(
        "/register",
        data={"_step": "1", "_move": "next", "display_name": "Ann Lee", "email": "ann@example.org"},
    )
    assert done.status_code == 200
    assert done.soup.select_one(".er-page h1").get_text() == "Check your email"
    assert db.scalar(select(User).where(User.email == "ann@example.org")) is None
    [email] = outbox()
    link = re.search(r"http://localhost(/register/finish/\S+)", email.body_text).group(1)

    finish = client.get(link)
    assert finish.soup.select_one(".er-page")
    assert _shown(finish) == ["password"]
    assert "Ann Lee" in finish.soup.find("main").get_text()
    wrong = client.post(link, data={"password": "short"})
    assert "at least 10 characters" in wrong.soup.select_one(".er-error-summary").get_text()
    assert wrong.soup.select_one(".er-error-summary a")["href"] == "#password"
    made = client.post(link, data={"password": "a long secret phrase"})
    assert made.status_code == 303
    user = db.scalar(select(User).where(User.email == "ann@example.org"))
    assert user.display_name == "Ann Lee"


def test_a_wrong_answer_on_step_two_stays_on_step_two_with_an_easy_error(client, db, outbox):
    easy_read_on(client)
    page = client.post(
        "/register",
        data={"_step": "1", "_move": "next", "display_name": "Ann", "email": "not an email"},
    )
    assert page.status_code == 200
    assert _step_text(page) == "Question 2 of 2"
    summary = page.soup.select_one(".er-error-summary")
    assert summary.select_one("svg[role=img]")
    assert "Something is not right" in summary.get_text()
    assert summary.select_one("a")["href"] == "#email"
    assert "Enter an email address like" in summary.get_text()
    assert page.soup.select_one("#email")["aria-invalid"] == "true"
    assert _hidden(page, "display_name") == ["Ann"]
    assert outbox() == []


def test_a_taken_email_at_the_end_gets_the_same_check_your_email_page(client, db, outbox):
    make_user(db, email="taken@example.org")
    easy_read_on(client)
    page = client.post(
        "/register",
        data={"_step": "1", "_move": "next", "display_name": "Bea", "email": "taken@example.org"},
    )
    assert page.status_code == 200
    assert page.soup.select_one(".er-page h1").get_text() == "Check your email"
    assert not page.soup.select(".er-error-summary")
    assert "/register/finish/" not in outbox()[-1].body_text


def test_an_empty_name_is_caught_before_moving_on(client, db):
    easy_read_on(client)
    page = client.post("/register", data={"_step": "0", "_move": "next", "display_name": " "})
    assert _step_text(page) == "Question 1 of 2"
    assert "Enter your name." in page.soup.select_one(".er-error-summary").get_text()


def test_a_made_up_step_number_is_treated_as_the_last_real_one(client, db):
    easy_read_on(client)
    page = client.post("/register", data={"_step": "99", "_move": "next", "display_name": "Cy"})
    assert _step_text(page) == "Question 2 of 2"


def test_without_easy_read_the_whole_form_is_on_one_page(client, db):
    page = client.get("/register")
    assert _shown(page) == ["display_name", "email"]
    assert not page.soup.select(".er-step-count")


def test_the_first_screen_sent_with_every_answer_and_step_last_sends_the_link(client, db, outbox):
    """What the browser page checks do (tests/browser/pages_core.py SEND_THE_LINK)."""
    easy_read_on(client)
    first = client.get("/register")
    data = {i["name"]: i.get("value", "") for i in first.soup.select("main form input[name]")}
    data.update(display_name="Sam Newton", email="sam.newton@example.org", _step="last")
    page = client.post("/register", data=data)
    assert page.soup.select_one(".er-page h1").get_text() == "Check your email"
    assert [e.to_address for e in outbox()] == ["sam.newton@example.org"]
