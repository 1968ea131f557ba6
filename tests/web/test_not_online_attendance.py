"""Attendance per person: the sign-in sheet lists those who replied (with what they need),
the convenor ticks who came, and the ticks feed the debrief's head count and the list of
payment and expenses owed (a page and a CSV)."""

from __future__ import annotations

import csv
import io

import pdfplumber
import pytest

from forum_site.models.meetings import MeetingReply, ReplyAnswer
from tests.factories import make_forum, make_user
from tests.factories_meetings import make_meeting, make_reply


@pytest.fixture
def meeting_with_replies(db):
    convenor = make_user(db, name="Cal Convenor")
    ada, ben, cy = (make_user(db, name=n) for n in ("Ada Adams", "Ben Brown", "Cy Cole"))
    forum = make_forum(db, convenors=[convenor], members=[ada, ben, cy])
    meeting = make_meeting(
        db, forum, days_from_now=-1, paid_for_time=True, expenses_travel=True, expenses_lunch=False
    )
    make_reply(db, meeting, ada, ReplyAnswer.GOING, bsl_interpreter=True)
    make_reply(db, meeting, ben, ReplyAnswer.MAYBE)
    make_reply(db, meeting, cy, ReplyAnswer.NOT_GOING)
    return meeting, convenor, (ada, ben, cy)


def test_the_sign_in_sheet_lists_who_replied_with_their_needs(
    meeting_with_replies, client, sign_in
):
    meeting, convenor, _people = meeting_with_replies
    sign_in(convenor)
    pdf = client.get(f"/meetings/{meeting.id}/sign-in-sheet.pdf")
    assert pdf.status_code == 200
    with pdfplumber.open(io.BytesIO(pdf.data)) as document:
        text = document.pages[0].extract_text()
    assert "Ada Adams" in text and "Ben Brown" in text and "Cy Cole" not in text
    assert "British Sign Language (BSL)" in " ".join(text.split())


def test_ticks_feed_the_debrief_and_the_expenses_owed(meeting_with_replies, client, sign_in, db):
    meeting, convenor, (ada, ben, cy) = meeting_with_replies
    sign_in(convenor)
    page = client.get(f"/meetings/{meeting.id}/attendance")
    legends = [legend.get_text(strip=True) for legend in page.soup.select("fieldset legend")]
    assert legends == ["Ada Adams", "Ben Brown", "Cal Convenor", "Cy Cole"]  # coming first
    saved = client.post(
        f"/meetings/{meeting.id}/attendance",
        data={
            "came": [str(ada.id), str(cy.id)],
            f"expenses-{ada.id}": "£6.40",
            f"note-{ada.id}": "Bus both ways",
            f"expenses-{ben.id}": "3",  # did not come: nothing owed
        },
    )
    assert saved.status_code == 303
    db.refresh(meeting)
    assert meeting.attended_count == 2
    attended = {
        r.user_id: r.attended for r in db.query(MeetingReply).filter_by(meeting_id=meeting.id)
    }
    assert attended == {ada.id: True, ben.id: False, cy.id: True}
    owed = client.get(f"/meetings/{meeting.id}/expenses")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in owed.soup.select("tbody tr")
    ]
    assert rows == [
        ["Ada Adams", "Yes", "travel", "£6.40", "Bus both ways"],
        ["Cy Cole", "Yes", "travel", "", ""],
    ]
    download = client.get(f"/meetings/{meeting.id}/expenses.csv")
    lines = list(csv.reader(io.StringIO(download.get_data(as_text=True))))
    assert lines[0][0] == "Name" and lines[1] == [
        "Ada Adams",
        "yes",
        "yes",
        "no",
        "no",
        "6.40",
        "Bus both ways",
    ]


def test_a_bad_amount_is_shown_next_to_the_person_and_nothing_is_saved(
    meeting_with_replies, client, sign_in, db
):
    meeting, convenor, (ada, _ben, _cy) = meeting_with_replies
    sign_in(convenor)
    response = client.post(
        f"/meetings/{meeting.id}/attendance",
        data={"came": [str(ada.id)], f"expenses-{ada.id}": "six pounds"},
    )
    assert response.status_code == 200
    assert (
        "Enter an amount in pounds, like 12.50." in response.soup.select_one("#error-summary").text
    )
    assert response.soup.select_one(f"#expenses-{ada.id}")["value"] == "six pounds"
    assert response.soup.select_one(f"#came-{ada.id}").has_attr("checked")
    db.refresh(meeting)
    assert meeting.attended_count is None


def test_only_convenors_see_who_came(meeting_with_replies, client, sign_in, db):
    meeting, _convenor, (ada, _ben, _cy) = meeting_with_replies
    sign_in(ada)
    assert client.get(f"/meetings/{meeting.id}/attendance").status_code == 404
    assert client.get(f"/meetings/{meeting.id}/expenses.csv").status_code == 404
