"""htmx answers the other tests do not ask for: forms sent back with their mistakes, the
agenda's "Put it back" and a correction. The checking client checks each fragment like a
page (ids, labels, forms, no h1); these tests only make sure it gets to see them."""

from __future__ import annotations

import pytest

from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import make_contribution
from tests.factories_meetings import HTMX, People, make_meeting


def _starts_with(response, status: int, opening: str) -> None:
    assert response.status_code == status
    assert response.get_data(as_text=True).lstrip().startswith(opening)


def test_meeting_forms_with_mistakes_come_back_as_their_fragments(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=-1, agenda=1)
    sign_in(people.member)
    asked = client.post(f"/meetings/{meeting.id}/questions", data={"body": ""}, headers=HTMX)
    _starts_with(asked, 400, '<section id="questions"')
    reviewed = client.post(
        f"/meetings/{meeting.id}/review", data={"purpose_clear": "2"}, headers=HTMX
    )
    _starts_with(reviewed, 400, '<section id="review"')
    sign_in(people.convenor)
    added = client.post(f"/meetings/{meeting.id}/agenda", data={"title": "Lunch"}, headers=HTMX)
    _starts_with(added, 400, '<section id="agenda"')


def test_an_agenda_item_put_back_with_htmx(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=2)
    item = meeting.agenda_items[0]
    sign_in(people.convenor)
    client.post(f"/meetings/{meeting.id}/agenda/{item.id}/remove", headers=HTMX)
    back = client.post(f"/meetings/{meeting.id}/agenda/{item.id}/put-back", headers=HTMX)
    _starts_with(back, 200, '<section id="agenda"')


def test_a_correction_with_htmx(client, db, sign_in):
    council = make_organisation(db, name="Riverside Council")
    commissioner = make_commissioner(db, council)
    member = make_user(db)
    forum = make_forum(db, members=[member], organisations=[council])
    contribution = make_contribution(db, forum, member, text="Fix the lift.")
    sign_in(commissioner)
    url = f"/contributions/{contribution.id}"
    client.post(f"{url}/answers", data={"status": "considering", "answer": "Asking."})
    form = client.get(url).soup.select_one(".correction-box form")
    fields = {
        "correction-corrects": form.select_one("select option")["value"],
        "correction-correction_reason": "",
        "correction-status": "considering",
        "correction-answer": "Not fixed yet, sorry.",
    }
    refused = client.post(form["action"], data=fields, headers=HTMX)
    _starts_with(refused, 200, '<div id="answering"')
    fields["correction-correction_reason"] = "The engineer has not been yet."
    corrected = client.post(form["action"], data=fields, headers=HTMX)
    # saved: the whole page again (its status at the top changed), with the notice
    assert corrected.status_code == 200
    assert corrected.headers["HX-Redirect"] == url
    assert "Your answer is saved." in client.get(url).get_data(as_text=True)


@pytest.mark.parametrize("easy_read", [False, True])
def test_an_expired_form_sent_with_htmx_gets_the_message_not_a_page(client, db, sign_in, easy_read):
    """site.js swaps a 400 into the page: a whole error page there would be a page in a page."""
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    if easy_read:
        client.post("/settings/easy-read", data={"next": "/"})
    data = {"answer": "maybe", "csrf_token": "expired"}
    refused = client.post(f"/meetings/{meeting.id}/reply", data=data, headers=HTMX)
    assert refused.status_code == 400
    assert refused.soup.find("h2").get_text(strip=True) == "Something was wrong with that request"
    page = client.post(f"/meetings/{meeting.id}/reply", data=data)
    assert page.soup.find("h1").get_text(strip=True) == "Something was wrong with that request"
