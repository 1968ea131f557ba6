"""Private-forum data does not travel through shared objects (briefings, decisions,
calendar links), and a briefing is edited only by its own organisation."""

from forum_site.delivery.run import send_now
from forum_site.models import Briefing, Status, Visibility
from forum_site.models.meetings import MeetingStatus
from forum_site.services.briefings.signals import say_unclear
from forum_site.services.contributions.answers import answer_contribution
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_briefings import make_briefing
from tests.factories_contributions import make_contribution, make_decision
from tests.factories_meetings import make_meeting

SECRET_FORUM = "Hidden Harbour Group"
SECRET_MEMBER = "Quinn Marker-Member"


def _world(db):
    """Organisation B writes a briefing for a public forum (which A also commissions) and
    for B's private forum, whose member says they did not understand part of it."""
    a, b = make_organisation(db, name="Council A"), make_organisation(db, name="Trust B")
    outsider, writer = make_commissioner(db, a), make_commissioner(db, b)
    colleague = make_commissioner(db, b)
    member = make_user(db, name=SECRET_MEMBER)
    public = make_forum(db, organisations=[a, b])
    private = make_forum(db, name=SECRET_FORUM, private=True, organisations=[b], members=[member])
    briefing = make_briefing(db, public, writer)
    briefing.forums.append(private)
    db.flush()
    say_unclear(db, load_viewer(db, member), briefing, section="", note="Hard words")
    db.flush()
    return {
        "outsider": outsider,
        "writer": writer,
        "colleague": colleague,
        "briefing": briefing,
        "public": public,
        "private": private,
    }


def test_another_organisations_commissioner_cannot_edit_or_see_private_forum(client, db, sign_in):
    w = _world(db)
    sign_in(w["outsider"])
    briefing_id = w["briefing"].id
    assert client.get(f"/briefings/{briefing_id}/edit").status_code in (403, 404)
    sent = client.post(
        f"/briefings/{briefing_id}/edit",
        data={"title": "Taken over", "summary": "x", "body": "y", "forums": [w["public"].id]},
    )
    assert sent.status_code in (403, 404)
    page = client.get(f"/briefings/{briefing_id}").get_data(as_text=True)
    assert SECRET_FORUM not in page and SECRET_MEMBER not in page
    db.expire_all()
    briefing = db.get(Briefing, briefing_id)
    assert briefing.title != "Taken over"
    assert {f.id for f in briefing.forums} == {w["public"].id, w["private"].id}


def test_the_writers_organisation_edits_and_private_members_stay_unnamed(client, db, sign_in):
    w = _world(db)
    sign_in(w["colleague"])
    page = client.get(f"/briefings/{w['briefing'].id}/edit")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Hard words" in text  # the signal is there...
    assert SECRET_MEMBER not in text  # ...without naming a private forum's member


def test_saving_keeps_forums_the_editor_may_not_send_to(client, db, sign_in):
    w = _world(db)
    other = make_organisation(db)
    w["briefing"].organisation_id = other.id  # the editor's org no longer covers the forums
    w["briefing"].coauthors.append(w["outsider"])
    db.flush()
    sign_in(w["outsider"])
    page = client.get(f"/briefings/{w['briefing'].id}/edit")
    assert page.status_code == 200
    assert SECRET_FORUM not in page.get_data(as_text=True)
    client.post(
        f"/briefings/{w['briefing'].id}/edit",
        data={
            "title": "New title",
            "summary": "A short summary.",
            "body": "The lunch club will meet on Tuesdays.",
            "forums": [w["public"].id],
            "what_changed": "A new title.",
            "action": "save",
        },
    )
    db.expire_all()
    briefing = db.get(Briefing, w["briefing"].id)
    assert briefing.title == "New title"
    assert {f.id for f in briefing.forums} == {w["public"].id, w["private"].id}


def test_outbox_never_shows_who_made_an_anonymous_point(app, client, db, sign_in):
    council = make_organisation(db)
    commissioner = make_commissioner(db, council)
    author = make_user(db, email="quiet.author@example.org")
    forum = make_forum(db, organisations=[council], members=[author])
    point = make_contribution(db, forum, author, visibility=Visibility.ANONYMOUS)
    answer_contribution(
        db, load_viewer(db, commissioner), point, status=Status.CONSIDERING, answer="Looking."
    )
    db.flush()
    with app.test_request_context():
        send_now(db)  # the answer's notice becomes an email, as after the request's commit
    sign_in(make_user(db, admin=True))
    page = client.get("/dev/outbox").get_data(as_text=True)
    assert "is thinking about it" in page
    assert "quiet.author@example.org" not in page


def test_private_calendar_feed_answers_like_a_missing_one(client, db):
    private = make_forum(db, private=True)
    missing = client.get("/forums/no-such-forum/meetings.ics")
    hidden = client.get(f"/forums/{private.slug}/meetings.ics")
    assert missing.status_code == hidden.status_code == 404
    assert _main(missing) == _main(hidden)
    person = make_user(db)
    bad_link = client.get(f"/forums/{private.slug}/meetings/{person.id}/{'0' * 40}.ics")
    no_forum = client.get(f"/forums/no-such-forum/meetings/{person.id}/{'0' * 40}.ics")
    assert _main(bad_link) == _main(no_forum) == _main(missing)
    assert bad_link.status_code == no_forum.status_code == 404


def _main(response) -> str:
    return response.soup.select_one("main").get_text(" ", strip=True)


def test_calendar_page_writes_nothing(client, db, sign_in, count_queries):
    member = make_user(db)
    forum = make_forum(db, members=[member])
    sign_in(member)
    with count_queries() as queries:
        assert client.get(f"/forums/{forum.slug}/meetings/calendar").status_code == 200
    writes = [q for q in queries if q.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []


def test_decision_hides_a_draft_meetings_agenda_from_visitors(client, db):
    forum = make_forum(db)
    draft = make_meeting(db, forum, status=MeetingStatus.DRAFT, title="Secret draft plans")
    decision = make_decision(db, forum)
    decision.agenda_items.extend(draft.agenda_items)
    db.flush()
    page = client.get(f"/decisions/{decision.id}").get_data(as_text=True)
    assert "Secret draft plans" not in page


def test_meeting_title_with_line_breaks_makes_a_calendar_file(client, db):
    forum = make_forum(db)
    meeting = make_meeting(db, forum, title="Day\r\nservices\x0b review")
    response = client.get(f"/meetings/{meeting.id}/calendar.ics")
    assert response.status_code == 200
    assert b"SUMMARY:Day services review" in response.get_data()
