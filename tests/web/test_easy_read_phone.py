"""Phone-first easy read: one "Menu" control, and "Have your say" on the meeting page
sends in one step (it used to land on question 2 of 3 with the words gone)."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models import Contribution
from tests.factories import make_forum, make_user
from tests.factories_meetings import make_meeting


def _member_in_easy_read(db):
    member = make_user(db, name="Ali Member")
    member.easy_read = True
    forum = make_forum(db, members=[member])
    meeting = make_meeting(db, forum)
    db.flush()
    return member, forum, meeting


def _form_fields(form) -> dict[str, str]:
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    data.update({t["name"]: t.get_text() for t in form.select("textarea[name]")})
    return data


def test_have_your_say_on_the_meeting_page_sends_in_one_step(client, db, sign_in):
    member, forum, meeting = _member_in_easy_read(db)
    sign_in(member)
    page = client.get(f"/meetings/{meeting.id}")
    form = page.soup.select_one("form.say-form")
    data = {**_form_fields(form), "text": "Please start the meeting later, at 11."}
    sent = client.post(form["action"], data=data)
    assert sent.status_code == 303
    # Back at the "Thank you" notice, which the browser scrolls to and focuses.
    assert sent.headers["Location"].endswith(f"/meetings/{meeting.id}#notices")
    db.expire_all()
    saved = db.scalars(select(Contribution).where(Contribution.forum_id == forum.id)).all()
    assert [c.text for c in saved] == ["Please start the meeting later, at 11."]
    back = client.get(sent.headers["Location"])
    notice = back.soup.select_one("main .notices")
    assert "Thank you" in notice.get_text()
    assert notice["id"] == "notices" and notice["tabindex"] == "-1"


def test_have_your_say_with_nothing_written_asks_the_first_question(client, db, sign_in):
    member, forum, meeting = _member_in_easy_read(db)
    sign_in(member)
    form = client.get(f"/meetings/{meeting.id}").soup.select_one("form.say-form")
    answer = client.post(form["action"], data={**_form_fields(form), "text": ""})
    assert answer.status_code == 400
    text = answer.soup.find("main").get_text(" ")
    assert "Question 1 of 3" in text
    db.expire_all()
    assert db.scalars(select(Contribution).where(Contribution.forum_id == forum.id)).all() == []


def test_the_easy_read_menu_is_one_control_that_works_without_javascript(client, db):
    from tests.web.easy_read_sentences import easy_read_on

    easy_read_on(client)
    page = client.get("/forums")
    menu = page.soup.select_one("header nav details.er-menu")
    assert menu.select_one("summary").get_text(strip=True) == "Menu"
    assert len(menu.select(".er-nav-item a")) >= 3


def test_each_access_feature_has_its_own_picture(client, db, sign_in):
    from forum_site.models.meetings import AccessAnswer

    member, _forum, meeting = _member_in_easy_read(db)
    for name in ("step_free", "hearing_loop", "accessible_toilet", "quiet_room", "parking"):
        setattr(meeting, name, AccessAnswer.YES)
    db.flush()
    sign_in(member)
    page = client.get(f"/meetings/{meeting.id}").soup
    labels = {}
    for row in page.select(".meeting-easy-read .er-more .er-point"):
        text = row.select_one(".er-text").get_text(" ", strip=True)
        picture = row.select_one(".er-picture svg")
        labels[text] = picture.get("aria-label", "") if picture else ""
    wanted = [
        "You can get in without steps.",
        "There is a hearing loop.",
        "There is an accessible toilet.",
        "There is a quiet room.",
        "There is parking.",
    ]
    shown = [labels[sentence] for sentence in wanted]
    assert all(shown) and len(set(shown)) == len(wanted), shown


def test_the_easy_read_meetings_list_says_the_day_and_time_simply(client, db, sign_in):
    from datetime import UTC, datetime

    member, forum, meeting = _member_in_easy_read(db)
    meeting.starts_at = datetime(2031, 12, 18, 14, 0, tzinfo=UTC)
    meeting.ends_at = datetime(2031, 12, 18, 16, 0, tzinfo=UTC)
    db.flush()
    sign_in(member)
    page = client.get(f"/forums/{forum.slug}/meetings").soup
    card = page.select_one(".meeting-card").get_text(" ", strip=True)
    assert "Thursday 18 December, 2pm to 4pm" in card
    assert "PM" not in card and "UK time" not in card


def test_one_question_per_screen_comes_back_at_the_question_without_javascript(client, db, sign_in):
    """Each "Next" is a whole-page POST: the form's address ends in the part's fragment
    (#say, #reply), so the browser lands on the question, not the top of the page."""
    member, forum, meeting = _member_in_easy_read(db)
    sign_in(member)
    page = client.get(f"/forums/{forum.slug}/contributions")
    say = page.soup.select_one("section.say form")
    assert say["action"].endswith("#say")
    assert page.soup.select_one("#say") is not None
    data = {**_form_fields(say), "text": "The bus is late every Friday.", "_move": "next"}
    step_two = client.post(say["action"].split("#")[0], data=data)
    assert step_two.status_code == 200
    again = step_two.soup.select_one("section.say form")
    assert again["action"].endswith("#say") and "Question 2 of" in step_two.soup.get_text()
    reply = client.get(f"/meetings/{meeting.id}").soup.select_one("#reply form")
    assert reply["action"].endswith("#reply")
