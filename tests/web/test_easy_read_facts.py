"""Checked means checked (RULES.md DN-08) and the quality gate (DN-07).

A convenor checks a meeting's easy read, then the meeting moves to a new day and a new
room without step-free access. Members see the new facts with "Changed since it was
checked on ...", on the page and in the printed pack; the convenor is told."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models import EasyReadVersion, InboxMessage
from forum_site.models.meetings import AccessAnswer, Meeting
from tests.factories import make_forum, make_user
from tests.factories_briefings import make_briefing, make_writer_and_forum
from tests.factories_meetings import make_meeting
from tests.web.easy_read_sentences import easy_read_on
from tests.web.test_easy_read_checking import _form_data

MOVE = {
    "start_date": "2031-07-01",
    "start_time": "10:00",
    "end_time": "12:00",
    "venue_name": "Library, Room 1",
    "venue_address": "",
    "reason": "The hall is being repaired.",
}


def _checked_meeting(client, db, sign_in):
    convenor = make_user(db, name="Sam Convenor")
    member = make_user(db, name="Ali Member")
    member.easy_read = True
    forum = make_forum(db, convenors=[convenor], members=[member])
    meeting = make_meeting(db, forum, step_free=AccessAnswer.YES)
    sign_in(convenor)
    url = f"/easy-read/meeting/{meeting.id}/check"
    data = _form_data(client.get(url))
    purpose = next(name for name in data if "day services" in data[name])
    data[purpose] = "We want to hear **your** ideas about day services."
    assert client.post(url, data={**data, "action": "checked"}).status_code == 303
    return convenor, member, meeting


def _easy_text(client, url, part: str = "main") -> str:
    return " ".join(client.get(url).soup.select_one(part).get_text(" ").split())


def test_a_checked_meeting_that_moves_shows_the_new_facts_on_the_page_and_in_print(
    client, db, sign_in
):
    from tests.web.pdf_world import read_pdf

    convenor, member, meeting = _checked_meeting(client, db, sign_in)
    db.get(Meeting, meeting.id).step_free = AccessAnswer.NO
    db.flush()
    assert client.post(f"/meetings/{meeting.id}/move", data=MOVE).status_code == 303

    sign_in(member)
    page = _easy_text(client, f"/meetings/{meeting.id}", ".meeting-easy-read")
    assert "We want to hear your ideas about day services." in page  # the person's words
    assert "A person checked this easy read: Sam Convenor" in page
    assert "Changed since it was checked on" in page
    assert "Tuesday 1 July 2031" in page and "Library, Room 1" in page
    assert "Riverside Community Hall" not in page
    assert "You can get in without steps." not in page

    pdf = read_pdf(client.get(f"/print/meetings/{meeting.id}/pack/easy-read.pdf").data)
    text = " ".join(pdf.flat_text.split())
    assert "We want to hear your ideas about day services." in text
    assert "Changed since it was checked on" in text
    assert "Library, Room 1" in text and "Riverside Community Hall" not in text
    assert "You can get in without steps." not in text

    db.expire_all()
    told = db.scalars(select(InboxMessage).where(InboxMessage.user_id == convenor.id)).all()
    assert [m.subject for m in told] == [f"Easy read to check again: {meeting.title}"]
    assert told[0].link == f"/easy-read/meeting/{meeting.id}/check"


def test_a_checker_is_told_once_for_each_change(client, db, sign_in):
    convenor, _member, meeting = _checked_meeting(client, db, sign_in)
    client.post(f"/meetings/{meeting.id}/move", data=MOVE)
    again = {**MOVE, "start_time": "11:00", "end_time": "13:00"}
    client.post(f"/meetings/{meeting.id}/move", data=again)
    db.expire_all()
    told = db.scalars(select(InboxMessage).where(InboxMessage.user_id == convenor.id)).all()
    assert len(told) == 2


def test_nothing_changed_keeps_the_check_without_notices(client, db, sign_in):
    _convenor, member, meeting = _checked_meeting(client, db, sign_in)
    sign_in(member)
    page = _easy_text(client, f"/meetings/{meeting.id}")
    assert "A person checked this easy read: Sam Convenor" in page
    assert "Changed since it was checked" not in page


def test_new_words_withdraw_the_check(client, db, sign_in):
    _convenor, member, meeting = _checked_meeting(client, db, sign_in)
    db.get(Meeting, meeting.id).purpose = "We will plan the summer trip to the seaside."
    db.flush()
    sign_in(member)
    page = _easy_text(client, f"/meetings/{meeting.id}")
    assert "A person checked this easy read" not in page
    assert "A person checked an earlier version." in page
    assert "your ideas about day services" not in page
    assert "summer trip" in page


def test_a_briefing_the_renderer_cannot_make_right_waits_for_a_person(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    body = (
        "Notwithstanding the aforementioned considerations, and subject to the "
        "availability of recurrent funding streams, the commissioning intentions "
        "articulated herein shall be operationalised incrementally across the "
        "financial year, contingent upon satisfactory outcomes from the interim "
        "evaluation, which itself remains subject to ratification by the board."
    )
    briefing = make_briefing(db, forum, writer, body=body)
    easy_read_on(client)
    page = client.get(f"/briefings/{briefing.id}")
    text = " ".join(page.soup.find("main").get_text(" ").split())
    if "A person is making the easy-read version of this." not in text:
        # The renderer made every row right: then readers get the easy read.
        assert page.soup.select_one(".briefing-easy-read")
        return
    assert "Notwithstanding the aforementioned considerations" in text  # the standard text
    assert not page.soup.select_one(".briefing-easy-read")
    writer.easy_read = True
    db.flush()
    sign_in(writer)
    mine = client.get(f"/briefings/{briefing.id}").soup
    assert mine.select(".er-flags li"), "the writer sees which rows need them"
    assert mine.select_one(f".er-flags a[href='/easy-read/briefing/{briefing.id}/check']")


def test_the_check_stores_the_facts_it_covered(client, db, sign_in):
    _convenor, _member, meeting = _checked_meeting(client, db, sign_in)
    db.expire_all()
    stored = db.scalar(select(EasyReadVersion).where(EasyReadVersion.subject_id == meeting.id))
    assert "When and where" in stored.checked_facts["sections"]
    assert stored.checked_facts["text_hash"]
