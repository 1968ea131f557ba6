"""The home page of one's own: meetings and my reply, my points, new things, jobs, queue."""

from __future__ import annotations

from forum_site.models import JoinRequest, Status
from forum_site.models.meetings import ReplyAnswer
from tests.factories_contributions import make_contribution
from tests.factories_meetings import People, make_meeting, make_question, make_reply, text_of


def _home(client):
    return client.get("/")


def test_visitors_see_the_plain_home_page(client, db):
    page = _home(client)
    assert page.soup.select_one("#my-meetings") is None


def test_a_member_sees_their_meetings_reply_points_and_new_things(client, db, sign_in):
    people = People(db)
    coming = make_meeting(db, people.forum, title="Spring forum", days_from_now=3)
    make_meeting(db, people.forum, title="Summer forum", days_from_now=30)
    make_reply(db, coming, people.member, ReplyAnswer.GOING)
    make_contribution(db, people.forum, people.member, text="The Friday bus is always late.")
    sign_in(people.member)
    meetings = _home(client).soup.select_one("#my-meetings").find_parent("section")
    text = " ".join(meetings.get_text(" ").split())
    assert "Spring forum" in text and "Your reply: Going" in text
    assert "Summer forum" in text and "You have not said if you are coming." in text
    assert text.index("Spring forum") < text.index("Summer forum")
    points = _home(client).soup.select_one("#my-points").find_parent("section").get_text(" ")
    assert "The Friday bus is always late." in points and "Received" in " ".join(points.split())


def test_a_member_sees_new_briefings_they_have_not_opened(client, db, sign_in):
    from forum_site.models import NoticeKind
    from forum_site.services.notifications import notify
    from tests.factories_briefings import make_briefing

    people = People(db)
    briefing = make_briefing(db, people.forum, people.commissioner, title="Lunch club news")
    notify(db, NoticeKind.NEW_BRIEFING, [people.member], briefing_id=briefing.id)
    sign_in(people.member)
    [link] = _home(client).soup.select("#to-read ~ ul a")
    assert link.get_text(strip=True) == "New briefing: Lunch club news"
    client.get(link["href"])
    assert _home(client).soup.select_one("#to-read") is None  # read now


def test_a_convenor_sees_what_needs_doing(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Spring forum", days_from_now=5)
    make_question(db, meeting, people.member, body="About my carer", private=True)
    make_reply(db, meeting, people.member, ReplyAnswer.GOING, bsl_interpreter=True)
    db.add(JoinRequest(forum_id=people.forum.id, user_id=people.outsider.id))
    db.flush()
    sign_in(people.convenor)
    jobs = [a.get_text(strip=True) for a in _home(client).soup.select("#to-do ~ ul a")]
    assert f"People asking to join {people.forum.name}: 1" in jobs
    assert "Private questions for Spring forum: 1" in jobs
    assert "Access needs to arrange for Spring forum: 1" in jobs
    assert "Check the easy read for Spring forum" in jobs


def test_a_commissioner_sees_their_queue_oldest_first(client, db, sign_in):
    from datetime import UTC, datetime, timedelta

    people = People(db)
    now = datetime.now(UTC)
    make_contribution(db, people.forum, people.member, text="Newer point", made_at=now)
    make_contribution(
        db, people.forum, people.member, text="Older point", made_at=now - timedelta(days=9)
    )
    make_contribution(db, people.forum, people.member, text="Private one", visibility="private")
    answered = make_contribution(db, people.forum, people.member, text="Done point")
    answered.status = Status.CHANGED
    db.flush()
    sign_in(people.commissioner)
    page = _home(client)
    section = page.soup.select_one("#my-queue").find_parent("section")
    assert "2 points are waiting for an answer from your organisation." in section.get_text()
    assert [a.get_text(strip=True) for a in section.select("a")] == ["Older point", "Newer point"]


def test_the_home_page_of_ones_own_in_easy_read(client, db, sign_in):
    people = People(db)
    people.member.easy_read = True
    coming = make_meeting(db, people.forum, title="Spring forum", days_from_now=3)
    make_reply(db, coming, people.member, ReplyAnswer.MAYBE)
    sign_in(people.member)
    text = text_of(_home(client))
    assert "Your meetings" in text and "Spring forum" in text
    assert "You told us: Maybe." in text
