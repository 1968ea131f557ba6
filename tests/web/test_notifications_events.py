"""Each notification event: who is told, in which language and reading mode, with which title."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import object_session

from forum_site.models import Budget, NoticeDelivery
from forum_site.models.meetings import MeetingStatus, ReplyAnswer
from tests.factories_contributions import make_contribution
from tests.factories_meetings import People, make_meeting, make_reply
from tests.notices import emails_to, seen_by, subjects_for


def _publish(client, meeting):
    return client.post(f"/meetings/{meeting.id}/publish")


def test_publishing_a_meeting_tells_the_members_each_in_their_language(client, db, sign_in):
    people = People(db)
    people.other_member.language = "cy"
    meeting = make_meeting(db, people.forum, title="Spring forum", status=MeetingStatus.DRAFT)
    sign_in(people.convenor)
    assert _publish(client, meeting).status_code == 303
    [english] = seen_by(db, people.member)
    assert english.subject.startswith(f"New meeting for {people.forum.name}: Spring forum, ")
    assert "Please say if you are coming" in english.body
    [email] = emails_to(db, people.other_member)
    # Dates are written in the reader's language: Welsh day names for a Welsh reader.
    assert any(day in email.subject for day in ("Dydd", "dydd")), email.subject
    assert subjects_for(db, people.outsider) == [] and subjects_for(db, people.convenor) == []


def test_an_easy_read_member_gets_the_easy_read_email(client, db, sign_in):
    people = People(db)
    people.member.easy_read = True
    meeting = make_meeting(db, people.forum, title="Spring forum", status=MeetingStatus.DRAFT)
    sign_in(people.convenor)
    _publish(client, meeting)
    [email] = emails_to(db, people.member)
    assert email.subject == "A new meeting: Spring forum"
    assert email.body_text.startswith("There is a new meeting.")
    [plain] = emails_to(db, people.other_member)
    assert plain.subject.startswith("New meeting for")


def _edit_form(meeting, **changes):
    from forum_site.web.meetings.forms import utc_to_london

    meeting.starts_at = meeting.starts_at.replace(second=0)  # the form has minutes only
    meeting.ends_at = meeting.ends_at.replace(second=0)
    object_session(meeting).flush()
    when, end = utc_to_london(meeting.starts_at), utc_to_london(meeting.ends_at)
    data = {
        "title": meeting.title,
        "start_date": f"{when:%Y-%m-%d}",
        "start_time": f"{when:%H:%M}",
        "end_time": f"{end:%H:%M}",
        "venue_name": meeting.venue_name,
        "venue_address": meeting.venue_address,
        "joining_details": meeting.joining_details,
        "purpose": meeting.purpose,
        "everything_open": "y",
    }
    for feature in ("step_free", "hearing_loop", "accessible_toilet", "quiet_room", "parking"):
        data[feature] = getattr(meeting, feature).value
    return data | changes


def test_a_change_that_matters_says_what_changed_to_those_who_may_come(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Summer forum")
    make_reply(db, meeting, people.other_member, ReplyAnswer.NOT_GOING)
    sign_in(people.convenor)
    data = _edit_form(meeting, venue_name="Upstairs room, Town Hall", step_free="no")
    response = client.post(f"/meetings/{meeting.id}/edit", data=data)
    assert response.status_code == 303, response.soup.select_one(".error-summary")
    [told] = seen_by(db, people.member)
    assert told.subject == "Changed: Summer forum (the place, access)"
    assert (
        "The place is now Upstairs room, Town Hall. It was Riverside Community Hall." in told.body
    )
    assert "Step-free access: now No" in told.body
    assert subjects_for(db, people.other_member) == []  # said they are not going


def test_a_change_that_does_not_matter_tells_nobody(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Summer forum")
    sign_in(people.convenor)
    data = _edit_form(meeting, purpose="To hear what members think about day services and buses.")
    assert client.post(f"/meetings/{meeting.id}/edit", data=data).status_code == 303
    assert subjects_for(db, people.member) == []


def test_agenda_items_added_and_removed_are_told(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Summer forum")
    item = meeting.agenda_items[0]
    sign_in(people.convenor)
    response = client.post(f"/meetings/{meeting.id}/agenda/{item.id}/remove")
    assert response.status_code in (200, 303)
    [told] = seen_by(db, people.member)
    assert told.subject == "Changed: Summer forum (the agenda)"
    assert f"Taken off the agenda: {item.title}." in told.body


def test_an_answer_says_the_answer_with_a_title_about_the_point(client, db, sign_in):
    people = People(db)
    point = make_contribution(db, people.forum, people.member, text="The Friday bus is late.")
    sign_in(people.commissioner)
    response = client.post(
        f"/contributions/{point.id}/answers",
        data={"status": "considering", "answer": "We have asked the bus company."},
    )
    assert response.status_code == 303
    [told] = seen_by(db, people.member)
    organisation = people.commissioner.commissioner_links[0].organisation.name
    assert (
        told.subject == f"Your point “The Friday bus is late.”: {organisation} is thinking about it"
    )
    assert "We have asked the bus company." in told.body
    [email] = emails_to(db, people.member)
    assert email.subject == told.subject and "We have asked the bus company." in email.body_text


def test_a_budget_line_withheld_later_shows_no_amount_in_messages(client, db, sign_in):
    from tests.factories_budgets import budget_world, make_budget
    from tests.factories_budgets import make_meeting as budget_meeting
    from tests.web.test_budgets_changes import _change_form

    world = budget_world(db)
    meeting = budget_meeting(db, world["forum"], days_ahead=14)
    budget = make_budget(
        db, world["commissioner"], world["council"], [world["forum"]], meetings=[meeting]
    )
    sign_in(world["commissioner"])
    line = budget.lines[0]
    amount = f"{line.amount_pence // 100 - 5000}"
    client.post(
        f"/budgets/{budget.id}/change", data=_change_form(budget, **{"lines-0-amount": amount})
    )
    shown_now = f"{int(amount):,}"
    [before] = seen_by(db, world["member"])
    assert shown_now in before.body
    db.expire_all()
    budget = db.get(Budget, budget.id)
    withhold = _change_form(
        budget,
        reason="The tender is open.",
        **{
            "lines-0-amount": "",
            "lines-0-withheld": "y",
            "lines-0-withheld_reason": "We can share it when the tender closes.",
        },
    )
    assert client.post(f"/budgets/{budget.id}/change", data=withhold).status_code == 303
    db.expire_all()
    for message in seen_by(db, world["member"]) + seen_by(db, world["member"], easy_read=True):
        assert shown_now not in message.body + message.easy_read_body
    sign_in(world["member"])
    first = client.get("/inbox").soup.select("ul.message-list a")[-1]["href"]
    assert shown_now not in client.get(first).get_data(as_text=True)


def test_convenors_hear_of_join_requests_private_questions_points_and_needs(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, title="Summer forum")
    sign_in(people.outsider)
    client.post(f"/forums/{people.forum.slug}/join", data={"message": "I use the day centre."})
    sign_in(people.member)
    client.post(
        f"/meetings/{meeting.id}/questions",
        data={"body": "Can we talk about my carer?", "who_sees": "convenor"},
    )
    client.post(
        f"/meetings/{meeting.id}/reply",
        data={"answer": "going", "bsl_interpreter": "y"},
    )
    titles = subjects_for(db, people.convenor)
    assert f"{people.outsider.display_name} asked to join {people.forum.name}" in titles
    assert "A private question for Summer forum" in titles
    assert "Access needs to arrange for Summer forum" in titles
    needs = next(m for m in seen_by(db, people.convenor) if m.subject.startswith("Access"))
    assert "British Sign Language (BSL) interpreter" in needs.body
    assert subjects_for(db, people.other_member) == []


def test_new_points_go_to_convenors_and_commissioners_but_private_ones_not_to_commissioners(db):
    from forum_site.services import contributions
    from forum_site.services.viewer import load_viewer

    people = People(db)
    member = load_viewer(db, people.member)
    contributions.contribute(
        db, member, people.forum, text="The lift at the library is broken.", visibility="shared"
    )
    contributions.contribute(
        db, member, people.forum, text="I am worried about my support.", visibility="private"
    )
    convenor_titles = subjects_for(db, people.convenor)
    assert len(convenor_titles) == 2
    assert (
        convenor_titles[0]
        == f"New point in {people.forum.name}: “The lift at the library is broken.”"
    )
    [for_them] = subjects_for(db, people.commissioner)
    assert for_them.startswith(f"New point for you to answer from {people.forum.name}")
    assert subjects_for(db, people.unlinked_commissioner) == []
    # Work for commissioners comes in a daily round-up by default, not one email each.
    channels = db.scalars(
        select(NoticeDelivery.channel).where(NoticeDelivery.user_id == people.commissioner.id)
    ).all()
    assert [c.value for c in channels] == ["daily"]
