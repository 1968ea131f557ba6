"""Briefings linked to meetings: chosen when writing, listed on the meeting's page,
and briefing panels from other areas shown on the briefing page."""

from sqlalchemy import select

from forum_site.models import Briefing
from forum_site.web.panels import Panel, briefing_panels
from tests.factories_briefings import make_briefing, make_writer_and_forum
from tests.factories_meetings import make_meeting


def test_writer_links_a_briefing_to_a_meeting_and_the_meeting_page_lists_it(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    meeting = make_meeting(db, forum, title="Day services meeting")
    sign_in(writer)
    page = client.get(f"/forums/{forum.slug}/briefings/new")
    labels = [label.get_text() for label in page.soup.select("#meetings label")]
    assert any("Day services meeting" in label for label in labels)
    client.post(
        f"/forums/{forum.slug}/briefings/new",
        data={
            "title": "Before the meeting",
            "body": "Please read this before we meet.",
            "forums": [str(forum.id)],
            "meetings": [str(meeting.id)],
            "action": "save",
        },
    )
    briefing = db.scalar(select(Briefing))
    assert [m.id for m in briefing.meetings] == [meeting.id]
    meeting_page = client.get(f"/meetings/{meeting.id}")
    panel = meeting_page.soup.select_one("#meeting-briefings-title").find_parent("section")
    assert "Before the meeting" in panel.get_text()
    shown = client.get(f"/briefings/{briefing.id}")
    assert (
        "Day services meeting"
        in shown.soup.select_one("#briefing-meetings-title").parent.get_text()
    )


def test_meetings_of_other_forums_cannot_be_linked(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    _other_writer, other_forum = make_writer_and_forum(db)
    elsewhere = make_meeting(db, other_forum)
    sign_in(writer)
    page = client.post(
        f"/forums/{forum.slug}/briefings/new",
        data={
            "title": "T",
            "body": "Text.",
            "forums": [str(forum.id)],
            "meetings": [str(elsewhere.id)],
            "action": "save",
        },
    )
    assert page.status_code == 400
    assert db.scalar(select(Briefing)) is None


def test_other_areas_can_add_panels_to_the_briefing_page(client, db):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, title="Main briefing")
    related = make_briefing(db, forum, writer, title="A related briefing")
    template = "briefings/_meeting_panel.html"

    def load(subject, viewer):
        return {"briefings": [related]} if subject.id == briefing.id else None

    briefing_panels._panels.append(Panel(template, 99, load))
    try:
        page = client.get(f"/briefings/{briefing.id}")
        other = client.get(f"/briefings/{related.id}")
    finally:
        briefing_panels._panels.remove(Panel(template, 99, load))
    assert (
        "A related briefing" in page.soup.select_one("#meeting-briefings-title").parent.get_text()
    )
    assert not other.soup.select_one("#meeting-briefings-title")
