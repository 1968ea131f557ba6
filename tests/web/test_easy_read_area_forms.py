"""One question per screen on the areas' long forms in easy read: replying to a meeting
(with what help people need) and saying something to the commissioners. Also the easy-read
meeting summary, checked by a convenor."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models import Contribution
from forum_site.models.meetings import MeetingReply, ReplyAnswer
from tests.factories_meetings import People, make_meeting


def _easy_reader(db, user):
    user.easy_read = True
    db.flush()
    return user


def _step_text(page) -> str:
    return page.soup.select_one(".er-step-count").get_text(strip=True)


def _hidden(page, name: str) -> list[str]:
    return [i["value"] for i in page.soup.select(f"form input[type=hidden][name={name}]")]


def _shown(page) -> list[str]:
    form = page.soup.select_one(".er-step").find_parent("form")
    return sorted(
        {
            i["name"]
            for i in form.select("input, textarea")
            if i.get("type") not in ("hidden", "submit")
        }
    )


# ------------------------------------------------------------------ meeting replies


def test_meeting_reply_asks_one_question_at_a_time(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(_easy_reader(db, people.member))
    url = f"/meetings/{meeting.id}/reply"

    page = client.get(f"/meetings/{meeting.id}")
    assert _step_text(page) == "Question 1 of 3"
    assert _shown(page) == ["answer"]

    second = client.post(url, data={"_step": "0", "_move": "next", "answer": "going"})
    assert second.status_code == 200
    assert _step_text(second) == "Question 2 of 3"
    assert "bsl_interpreter" in _shown(second) and "answer" not in _shown(second)
    assert _hidden(second, "answer") == ["going"]

    back = client.post(
        url, data={"_step": "1", "_move": "back", "answer": "going", "bsl_interpreter": "y"}
    )
    assert _step_text(back) == "Question 1 of 3"
    assert _hidden(back, "bsl_interpreter") == ["y"]

    third = client.post(
        url, data={"_step": "1", "_move": "next", "answer": "going", "bsl_interpreter": "y"}
    )
    assert _step_text(third) == "Question 3 of 3"
    done = client.post(
        url,
        data={
            "_step": "2",
            "_move": "next",
            "answer": "going",
            "bsl_interpreter": "y",
            "other_needs": "A seat near the door",
        },
    )
    assert done.status_code == 303
    reply = db.scalar(select(MeetingReply).where(MeetingReply.user_id == people.member.id))
    assert reply.answer == ReplyAnswer.GOING and reply.bsl_interpreter
    assert reply.other_needs == "A seat near the door"


def test_meeting_reply_without_an_answer_stays_on_the_question(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(_easy_reader(db, people.member))
    page = client.post(f"/meetings/{meeting.id}/reply", data={"_step": "0", "_move": "next"})
    assert page.status_code == 400
    assert _step_text(page) == "Question 1 of 3"
    summary = page.soup.select_one(".er-error-summary")
    assert summary.select_one("svg[role=img]") and "Choose going" in summary.get_text()


def test_meeting_reply_in_normal_mode_is_one_form(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    page = client.get(f"/meetings/{meeting.id}")
    assert not page.soup.select(".er-step-count")
    assert page.soup.select_one("#bsl_interpreter") and page.soup.select_one("#answer")


# ------------------------------------------------------------------ contributions


def test_saying_something_asks_one_question_at_a_time(client, db, sign_in):
    people = People(db)
    sign_in(_easy_reader(db, people.member))
    url = f"/forums/{people.forum.slug}/contributions"
    first = client.get(url)
    assert _step_text(first) == "Question 1 of 3"
    assert _shown(first) == ["text"]
    token = _hidden(first, "submission_token")[0]

    second = client.post(
        url,
        data={"_step": "0", "_move": "next", "text": "The bus is late.", "submission_token": token},
    )
    assert second.status_code == 200
    assert _step_text(second) == "Question 2 of 3"
    assert _hidden(second, "text") == ["The bus is late."]
    assert _hidden(second, "submission_token") == [token], "sent once, not twice"

    data = {"text": "The bus is late.", "visibility": "shared", "submission_token": token}
    third = client.post(url, data={**data, "_step": "1", "_move": "next"})
    assert _step_text(third) == "Question 3 of 3"
    done = client.post(url, data={**data, "_step": "2", "_move": "next", "topic": "transport"})
    assert done.status_code == 303
    saved = db.scalar(select(Contribution).where(Contribution.text == "The bus is late."))
    assert saved.topic == "transport"


def test_saying_nothing_stays_on_the_first_question_with_an_easy_error(client, db, sign_in):
    people = People(db)
    sign_in(_easy_reader(db, people.member))
    page = client.post(
        f"/forums/{people.forum.slug}/contributions",
        data={"_step": "0", "_move": "next", "text": ""},
    )
    assert page.status_code == 400
    assert _step_text(page) == "Question 1 of 3"
    assert page.soup.select_one(".er-error-summary a")["href"] == "#text"


# ------------------------------------------------------------------ meeting summary


def test_meeting_summary_in_easy_read_says_who_checked_it(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=-7)
    meeting.debrief_summary = "We talked about the bus. The council will decide in June."
    from datetime import UTC, datetime

    meeting.debrief_published_at = datetime.now(UTC)
    db.flush()
    sign_in(_easy_reader(db, people.member))
    page = client.get(f"/meetings/{meeting.id}")
    summary = page.soup.select_one("#what-happened")
    assert "made automatically" in summary.get_text(" ", strip=True)
    assert not summary.select("a[href*='/easy-read/']"), "members cannot check it"

    client.post("/sign-out")
    sign_in(_easy_reader(db, people.convenor))
    check_url = f"/easy-read/meeting_summary/{meeting.id}/check"
    page = client.get(f"/meetings/{meeting.id}")
    assert page.soup.select_one(f"#what-happened a[href='{check_url}']")
    form = client.get(check_url).soup.select_one("form.er-check-form")
    data = {box["name"]: box.get_text() for box in form.select("textarea")}
    for picture_list in form.select("select"):
        chosen = picture_list.select_one("option[selected]")
        data[picture_list["name"]] = chosen["value"] if chosen else ""
    client.post(check_url, data={**data, "action": "checked"})
    page = client.get(f"/meetings/{meeting.id}")
    text = page.soup.select_one("#what-happened").get_text(" ", strip=True)
    assert "A person checked this easy read: Cora Convenor on" in text


def test_convenors_find_the_check_link_in_the_standard_summary_too(client, db, sign_in):
    from datetime import UTC, datetime

    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=-7)
    meeting.debrief_summary = "We talked about the bus."
    meeting.debrief_published_at = datetime.now(UTC)
    db.flush()
    link = f"#what-happened a[href='/easy-read/meeting_summary/{meeting.id}/check']"
    sign_in(people.member)
    assert not client.get(f"/meetings/{meeting.id}").soup.select(link)
    client.post("/sign-out")
    sign_in(people.convenor)
    assert client.get(f"/meetings/{meeting.id}").soup.select_one(link)


def test_the_meeting_page_shows_the_version_a_convenor_checked(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(_easy_reader(db, people.convenor))
    page = client.get(f"/meetings/{meeting.id}")
    easy = page.soup.select_one(".meeting-easy-read")
    assert "made automatically" in easy.get_text(" ", strip=True)
    check_url = f"/easy-read/meeting/{meeting.id}/check"
    assert easy.select_one(f"a[href='{check_url}']")

    form = client.get(check_url).soup.select_one("form.er-check-form")
    data = {box["name"]: box.get_text() for box in form.select("textarea")}
    for picture_list in form.select("select"):
        chosen = picture_list.select_one("option[selected]")
        data[picture_list["name"]] = chosen["value"] if chosen else ""
    first = next(name for name in data if name.endswith("_text"))
    data[first] = "We meet to plan the day centre."
    client.post(check_url, data={**data, "action": "checked"})

    client.post("/sign-out")
    sign_in(_easy_reader(db, people.member))
    easy = client.get(f"/meetings/{meeting.id}").soup.select_one(".meeting-easy-read")
    text = easy.get_text(" ", strip=True)
    assert "A person checked this easy read: Cora Convenor on" in text
    assert "We meet to plan the day centre." in text
    assert "out of date" not in text, "times read back from the database hash the same"
    assert not easy.select("a[href*='/check']")
