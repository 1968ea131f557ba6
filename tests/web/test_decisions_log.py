"""The decision log: commissioners log decisions with the trail of what users said."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum_site.models import Decision
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import make_contribution, make_decision
from tests.factories_meetings import make_meeting


@pytest.fixture
def world(db):
    council = make_organisation(db, name="Lakeside Council")
    commissioner = make_commissioner(db, council, name="Dee Decider")
    member = make_user(db, name="Hidden Hannah")
    forum = make_forum(db, name="Carers Forum", members=[member], organisations=[council])
    meeting = make_meeting(db, forum, title="Spring meeting", agenda=2)
    meeting.agenda_items[0].what_was_decided = "Members asked for respite at weekends."
    said = make_contribution(db, forum, member, text="We need weekend respite.")
    quiet = make_contribution(
        db, forum, member, text="Carers are worn out.", visibility="anonymous"
    )
    private = make_contribution(db, forum, member, text="Only for Cora.", visibility="private")
    db.flush()
    return {
        "forum": forum,
        "commissioner": commissioner,
        "member": member,
        "meeting": meeting,
        "said": said,
        "quiet": quiet,
        "private": private,
    }


def _form(world, **overrides):
    data = {
        "title": "Fund weekend respite breaks from October",
        "details": "Two more weekend places at the Beeches.",
        "decided_by": "cabinet",
        "decided_by_name": "Cabinet member for adults",
        "decided_on": "2026-06-03",
        "stage": "decision_point",
        "contributions": [str(world["said"].id), str(world["quiet"].id)],
        "agenda_items": [str(world["meeting"].agenda_items[0].id)],
        "submission_token": "decision-token-1",
    }
    data.update(overrides)
    return data


def test_commissioner_logs_a_decision_and_anyone_can_follow_the_trail(client, db, sign_in, world):
    sign_in(world["commissioner"])
    form = client.get(f"/forums/{world['forum'].slug}/decisions/new")
    labels = form.get_data(as_text=True)
    assert "We need weekend respite." in labels
    assert "Only for Cora." not in labels  # private points cannot be linked
    first = client.post(f"/forums/{world['forum'].slug}/decisions/new", data=_form(world))
    again = client.post(f"/forums/{world['forum'].slug}/decisions/new", data=_form(world))
    assert first.status_code == again.status_code == 303
    assert first.headers["Location"] == again.headers["Location"]
    assert db.scalar(select(func.count(Decision.id))) == 1
    client.post("/sign-out")
    page = client.get(first.headers["Location"])
    assert page.soup.h1.get_text() == "Fund weekend respite breaks from October"
    summary = page.soup.select_one(".summary-list").get_text(" ", strip=True)
    assert "The council's cabinet: Cabinet member for adults (Lakeside Council)" in summary
    assert "Wednesday 3 June 2026" in summary
    assert "Decision point" in summary
    said = page.soup.select_one("#trail-said").parent
    links = {a.get_text(): a["href"] for a in said.select(".card-title a")}
    assert links == {
        "We need weekend respite.": f"/contributions/{world['said'].id}",
        "Carers are worn out.": f"/contributions/{world['quiet'].id}",
    }
    assert "Hidden Hannah" not in page.get_data(as_text=True)
    outcomes = page.soup.select_one("#trail-meetings").parent.get_text(" ", strip=True)
    assert "Spring meeting" in outcomes
    assert "Members asked for respite at weekends." in outcomes
    listing = client.get(f"/forums/{world['forum'].slug}/decisions")
    assert "2 contributions from members were considered." in listing.get_data(as_text=True)


def test_decision_form_errors_keep_what_was_typed(client, db, sign_in, world):
    sign_in(world["commissioner"])
    page = client.post(
        f"/forums/{world['forum'].slug}/decisions/new",
        data=_form(world, title="", decided_on="", details="Keep me"),
    )
    assert page.status_code == 400
    summary = page.soup.select_one(".error-summary").get_text()
    assert "Say what was decided." in summary
    assert "Enter the date" in summary
    assert page.soup.select_one("#details").get_text().strip() == "Keep me"
    assert db.scalar(select(func.count(Decision.id))) == 0


def test_contributions_from_another_forum_cannot_be_linked(client, db, sign_in, world):
    elsewhere = make_contribution(db, make_forum(db), make_user(db), text="Not from here")
    sign_in(world["commissioner"])
    page = client.post(
        f"/forums/{world['forum'].slug}/decisions/new",
        data=_form(world, contributions=[str(elsewhere.id)]),
    )
    assert page.status_code == 400
    assert "Choose contributions from this forum." in page.get_data(as_text=True)


def test_only_the_forums_commissioners_log_decisions(client, db, sign_in, world):
    stranger = make_commissioner(db, make_organisation(db), name="Stan Stranger")
    for who in (world["member"], stranger):
        sign_in(who)
        assert client.get(f"/forums/{world['forum'].slug}/decisions/new").status_code == 403
        assert (
            client.post(f"/forums/{world['forum'].slug}/decisions/new", data=_form(world))
        ).status_code == 403
    assert db.scalar(select(func.count(Decision.id))) == 0


def test_answer_that_changed_something_links_to_its_decision(client, db, sign_in, world):
    decision = make_decision(db, world["forum"], title="Weekend respite funded")
    sign_in(world["commissioner"])
    url = f"/contributions/{world['said'].id}/answers"
    client.post(url, data={"status": "considering", "answer": "We are costing it."})
    client.post(
        url,
        data={
            "status": "changed",
            "answer": "We will fund it.",
            "what_changed": "Two weekend places.",
            "decision": str(decision.id),
        },
    )
    page = client.get(f"/contributions/{world['said'].id}")
    link = page.soup.select_one(".timeline a[href^='/decisions/']")
    assert link["href"] == f"/decisions/{decision.id}"
    trail = client.get(f"/decisions/{decision.id}")
    assert "We need weekend respite." in trail.get_data(as_text=True)


def _listed(page) -> list[str]:
    return [
        label.get_text(" ", strip=True)
        for label in page.soup.select("#contributions label, ul#contributions label")
    ]


def test_the_decision_form_finds_points_by_meeting_answer_and_words(client, db, sign_in, world):
    """With hundreds of points the form lists only the ones asked for; "Show these
    points" sends the whole form, saves nothing and keeps what was typed and ticked."""
    from forum_site.models import Contribution, Status

    at_meeting = make_contribution(db, world["forum"], world["member"], text="The minibus is late.")
    at_meeting.meeting_id = world["meeting"].id
    answered = make_contribution(db, world["forum"], world["member"], text="Respite in August.")
    answered.status = Status.CHANGED
    db.flush()
    sign_in(world["commissioner"])
    url = f"/forums/{world['forum'].slug}/decisions/new"
    typed = _form(world, contributions=[str(world["said"].id)], find_points="1")

    by_meeting = client.post(url, data={**typed, "find_meeting": str(world["meeting"].id)})
    assert by_meeting.status_code == 200
    # The point from the meeting, plus the one already ticked; nothing else.
    assert sorted(_listed(by_meeting)) == ["The minibus is late.", "We need weekend respite."]
    assert by_meeting.soup.select_one("#title")["value"] == typed["title"]
    ticked = by_meeting.soup.select_one(f"input[name=contributions][value='{world['said'].id}']")
    assert ticked.has_attr("checked")
    assert db.scalar(select(func.count()).select_from(Decision)) == 0

    waiting = client.post(url, data={**typed, "find_status": "waiting", "contributions": []})
    assert "Respite in August." not in _listed(waiting)
    assert "Carers are worn out." in _listed(waiting)
    done = client.post(url, data={**typed, "find_status": "answered", "contributions": []})
    assert _listed(done) == ["Respite in August."]
    words = client.post(url, data={**typed, "find_words": "100%_ MINIBUS", "contributions": []})
    assert _listed(words) == []
    assert "No points match" in words.get_data(as_text=True)
    words = client.post(url, data={**typed, "find_words": "  MINIBUS ", "contributions": []})
    assert _listed(words) == ["The minibus is late."]
    # A filter never lets a private point in, and the form still saves as before.
    private = client.post(url, data={**typed, "find_words": "Cora", "contributions": []})
    assert _listed(private) == []
    saved = client.post(url, data=_form(world, find_meeting=str(world["meeting"].id)))
    assert saved.status_code == 303
    assert db.scalar(select(func.count()).select_from(Decision)) == 1
    assert (
        db.get(Contribution, world["said"].id) in db.scalars(select(Decision)).one().contributions
    )
