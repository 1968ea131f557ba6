"""A forum's "How we work together" page (terms of reference): written by the convenor,
agreed and dated, versioned (append-only), readable by everyone who can see the forum."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from forum_site.models import WorkingTogether
from forum_site.models.base import RecordIsAppendOnly
from forum_site.services import working_together as together
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.viewer import load_viewer
from tests.factories import make_forum, make_user
from tests.factories_meetings import text_of
from tests.web.easy_read_sentences import long_sentences

FIELDS = {
    "can_influence": "Day services and short breaks. Not the council's total budget.",
    "response_promise": "An answer to every point within 28 days.",
    "payment": "£20 an hour for meetings, and bus fares paid back on the day.",
    "convened_by": "Northbridge People First",
    "convening_paid_by": "Northbridge Borough Council",
    "agreed_by": "The forum's members and the council, at the March meeting",
    "agreed_on": "2026-03-10",
}


@pytest.fixture
def world(db):
    convenor, member, outsider = make_user(db), make_user(db), make_user(db)
    forum = make_forum(db, members=[member], convenors=[convenor])
    return {"forum": forum, "convenor": convenor, "member": member, "outsider": outsider}


def _draft(**changes):
    values = {**FIELDS, "agreed_on": date(2026, 3, 10), **changes}
    return together.WorkingTogetherDraft(**values)


def test_versions_are_numbered_and_a_new_one_says_what_changed(db, world):
    convenor = load_viewer(db, world["convenor"])
    first = together.write_version(db, convenor, world["forum"], _draft())
    with pytest.raises(DomainError) as refused:
        together.write_version(db, convenor, world["forum"], _draft())
    assert refused.value.field == "what_changed"
    second = together.write_version(
        db, convenor, world["forum"], _draft(what_changed="Bus fares now paid on the day.")
    )
    assert (first.version, second.version) == (1, 2)
    assert together.current(db, world["forum"]) == second


def test_only_the_convenor_writes_it(db, world):
    with pytest.raises(NotAllowed):
        together.write_version(db, load_viewer(db, world["member"]), world["forum"], _draft())


def test_the_agreed_day_cannot_be_in_the_future(db, world):
    later = date.today() + timedelta(days=2)
    with pytest.raises(DomainError) as refused:
        together.write_version(
            db, load_viewer(db, world["convenor"]), world["forum"], _draft(agreed_on=later)
        )
    assert refused.value.field == "agreed_on"


def test_a_version_is_never_changed(db, world):
    version = together.write_version(
        db, load_viewer(db, world["convenor"]), world["forum"], _draft()
    )
    version.payment = "Nothing."
    with pytest.raises(RecordIsAppendOnly):
        db.flush()


def test_the_convenor_writes_it_on_the_site_and_members_read_it(client, db, sign_in, world):
    slug = world["forum"].slug
    sign_in(world["convenor"])
    form = client.get(f"/forums/{slug}/how-we-work-together/new")
    assert form.status_code == 200
    saved = client.post(f"/forums/{slug}/how-we-work-together/new", data=FIELDS)
    assert saved.status_code == 303
    client.post("/sign-out")
    sign_in(world["member"])
    page = client.get(f"/forums/{slug}/how-we-work-together")
    shown = text_of(page)
    assert "Version 1 (the latest)" in shown
    assert "An answer to every point within 28 days." in shown
    assert "Agreed by The forum's members and the council, at the March meeting on" in shown
    assert "Tuesday 10 March 2026" in shown
    assert "Write a new version" not in shown


def test_missing_answers_are_shown_next_to_the_fields(client, db, sign_in, world):
    sign_in(world["convenor"])
    page = client.post(
        f"/forums/{world['forum'].slug}/how-we-work-together/new",
        data={**FIELDS, "payment": "", "agreed_on": "soon"},
    )
    assert page.status_code == 400
    summary = page.soup.select_one(".error-summary").get_text()
    assert "Say how time and expenses are paid." in summary
    assert "Enter a real date, for example 1/4/2027." in summary
    assert db.query(WorkingTogether).count() == 0


def test_a_second_version_keeps_the_first_and_says_what_changed(client, db, sign_in, world):
    convenor = load_viewer(db, world["convenor"])
    together.write_version(db, convenor, world["forum"], _draft())
    sign_in(world["convenor"])
    url = f"/forums/{world['forum'].slug}/how-we-work-together/new"
    form = client.get(url)
    assert form.soup.select_one("#payment").get_text().strip() == FIELDS["payment"]
    refused = client.post(url, data=FIELDS)
    assert refused.status_code == 400
    assert "Say what changed from the last version." in refused.soup.get_text()
    client.post(url, data={**FIELDS, "payment": "£25 an hour.", "what_changed": "More pay."})
    page = text_of(client.get(f"/forums/{world['forum'].slug}/how-we-work-together"))
    assert "Version 2 (the latest)" in page and "Version 1 (replaced)" in page
    assert "What changed: More pay." in page


def test_members_and_outsiders_cannot_write_it(client, db, sign_in, world):
    url = f"/forums/{world['forum'].slug}/how-we-work-together/new"
    sign_in(world["member"])
    assert client.get(url).status_code == 403
    assert client.post(url, data=FIELDS).status_code == 403
    assert db.query(WorkingTogether).count() == 0


def test_a_private_forums_page_is_not_found_for_outsiders(client, db, sign_in):
    member, outsider = make_user(db), make_user(db)
    forum = make_forum(db, private=True, members=[member])
    sign_in(outsider)
    assert client.get(f"/forums/{forum.slug}/how-we-work-together").status_code == 404


def test_easy_read_says_it_in_plain_words(client, db, sign_in, world):
    together.write_version(db, load_viewer(db, world["convenor"]), world["forum"], _draft())
    world["member"].easy_read = True
    db.flush()
    sign_in(world["member"])
    page = client.get(f"/forums/{world['forum'].slug}/how-we-work-together")
    shown = text_of(page)
    assert [s for s in long_sentences(page.soup) if "council" not in s] == []  # typed words aside
    assert "Money for your time and travel" in shown
    assert "When you will hear back" in shown
    assert "terms of reference" not in shown


def test_the_forum_menu_links_to_it(client, db, world):
    page = client.get(f"/forums/{world['forum'].slug}")
    links = [a["href"] for a in page.soup.select(".forum-sections a")]
    assert f"/forums/{world['forum'].slug}/how-we-work-together" in links


def test_the_first_version_starts_from_what_the_forum_page_says(client, db, sign_in):
    convenor = make_user(db)
    forum = make_forum(
        db, convenors=[convenor], convened_by="People First", convenor_funded_by="The council"
    )
    sign_in(convenor)
    form = client.get(f"/forums/{forum.slug}/how-we-work-together/new")
    assert form.soup.select_one("#convened_by")["value"] == "People First"
    assert form.soup.select_one("#convening_paid_by")["value"] == "The council"
