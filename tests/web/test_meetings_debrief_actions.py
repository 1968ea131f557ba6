"""Debrief actions after the meeting: marked done, changed with a reason, or dropped with
a reason. Each step is kept (append-only) and members see where each action has got to."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from forum_site.models.base import RecordIsAppendOnly
from forum_site.models.meetings import ActionState, MeetingAction, MeetingActionChange
from tests.factories import make_commissioner, make_organisation
from tests.factories_meetings import People, make_meeting


def _action(db, people, **extra):
    meeting = make_meeting(db, people.forum, days_from_now=-2, title="Bus review")
    action = MeetingAction(
        meeting_id=meeting.id, who="Priya", what="Set up text alerts", by_when=date(2031, 5, 30)
    )
    db.add(action)
    db.flush()
    return meeting, action


def _history(db):
    db.expire_all()
    return db.scalars(select(MeetingActionChange).order_by(MeetingActionChange.id)).all()


def _url(meeting, action, tail=""):
    return f"/meetings/{meeting.id}/debrief/actions/{action.id}{tail}"


def _members_see(client, meeting) -> str:
    client.post("/sign-out")
    page = client.get(f"/meetings/{meeting.id}")
    return " ".join(page.soup.select_one("#what-happened").get_text(" ").split())


def test_marking_an_action_done_is_kept_and_members_see_it(client, db, sign_in):
    people = People(db)
    meeting, action = _action(db, people)
    sign_in(people.convenor)
    debrief = client.get(f"/meetings/{meeting.id}/debrief").soup
    assert debrief.select_one(f"#action-{action.id} form[action$='/done']") is not None
    done = client.post(_url(meeting, action, "/done"))
    again = client.post(_url(meeting, action, "/done"))  # a double click
    assert (done.status_code, again.status_code) == (303, 303)
    [step] = _history(db)
    assert step.change == "done" and step.changed_by_id == people.convenor.id
    assert db.get(MeetingAction, action.id).state == ActionState.DONE
    debrief = client.get(f"/meetings/{meeting.id}/debrief").soup
    assert debrief.select_one(f"#action-{action.id} form[action$='/done']") is None
    assert "Marked done" in debrief.select_one(f"#action-{action.id}").get_text()
    seen = _members_see(client, meeting)
    assert "Set up text alerts" in seen and "Done" in seen


def test_changing_an_action_keeps_what_it_said_and_why(client, db, sign_in):
    people = People(db)
    meeting, action = _action(db, people)
    sign_in(people.convenor)
    page = client.get(_url(meeting, action))
    assert page.status_code == 200
    assert page.soup.select_one("input[name=who]")["value"] == "Priya"
    data = {
        "who": "Sam (council)",
        "what": "Set up text alerts",
        "by_when": "2031-06-30",
        "reason": "Priya moved to another team.",
    }
    assert client.post(_url(meeting, action), data=data).status_code == 303
    assert client.post(_url(meeting, action), data=data).status_code == 303  # sent twice
    [step] = _history(db)
    assert (step.change, step.who, step.by_when, step.reason) == (
        "edited",
        "Priya",
        date(2031, 5, 30),
        "Priya moved to another team.",
    )
    changed = db.get(MeetingAction, action.id)
    assert (changed.who, changed.by_when, changed.state) == (
        "Sam (council)",
        date(2031, 6, 30),
        ActionState.OPEN,
    )
    seen = _members_see(client, meeting)
    assert "Sam (council)" in seen and "To do" in seen
    assert "It said: Priya: Set up text alerts" in seen
    assert "Why: Priya moved to another team." in seen


def test_dropping_needs_a_reason_and_then_the_action_is_closed(client, db, sign_in):
    people = People(db)
    meeting, action = _action(db, people)
    sign_in(people.convenor)
    empty = client.post(_url(meeting, action, "/drop"), data={"drop_reason": ""})
    assert empty.status_code == 400
    assert "Say why it is dropped" in empty.soup.select_one(".error-summary").text
    assert empty.soup.select_one("#drop_reason-error") is not None
    assert _history(db) == []
    gone = client.post(
        _url(meeting, action, "/drop"), data={"drop_reason": "The bus company stopped the route."}
    )
    assert gone.status_code == 303
    [step] = _history(db)
    assert step.change == "dropped" and step.reason == "The bus company stopped the route."
    page = client.get(_url(meeting, action))
    assert page.soup.select_one("input[name=who]") is None  # nothing more to change
    late = client.post(
        _url(meeting, action),
        data={"who": "Sam", "what": "Something else", "reason": "Try again."},
    )
    assert late.status_code == 400
    assert "already done or dropped" in late.soup.select_one(".error-summary").text
    assert len(_history(db)) == 1
    seen = _members_see(client, meeting)
    assert "Dropped" in seen and "Why: The bus company stopped the route." in seen


def test_a_change_shows_errors_by_the_fields_and_keeps_the_typed_words(client, db, sign_in):
    people = People(db)
    meeting, action = _action(db, people)
    sign_in(people.convenor)
    no_reason = client.post(
        _url(meeting, action), data={"who": "Sam", "what": "New words", "reason": ""}
    )
    assert no_reason.status_code == 400
    assert no_reason.soup.select_one("#reason-error") is not None
    assert no_reason.soup.select_one("input[name=who]")["value"] == "Sam"
    bad_date = client.post(
        _url(meeting, action),
        data={"who": "Sam", "what": "New words", "by_when": "31/31/2031", "reason": "Why"},
    )
    assert bad_date.status_code == 400
    assert bad_date.soup.select_one("#by_when-error") is not None
    same = client.post(
        _url(meeting, action),
        data={"who": "Priya", "what": "Set up text alerts", "by_when": "2031-05-30", "reason": "x"},
    )
    assert same.status_code == 400
    assert "This is what the action says already." in same.soup.select_one("#what-error").text
    assert _history(db) == []


@pytest.mark.parametrize("who", ["member", "outsider", "stranger", "visitor"])
def test_only_the_forums_editors_change_actions(client, db, sign_in, who):
    people = People(db)
    meeting, action = _action(db, people)
    if who == "stranger":
        sign_in(make_commissioner(db, make_organisation(db), name="Sam Elsewhere"))
    elif who != "visitor":
        sign_in(getattr(people, who))
    expected = {302} if who == "visitor" else {403, 404}
    assert client.get(_url(meeting, action)).status_code in expected
    assert client.post(_url(meeting, action, "/done")).status_code in expected
    dropped = client.post(_url(meeting, action, "/drop"), data={"drop_reason": "No."})
    assert dropped.status_code in expected
    edited = client.post(_url(meeting, action), data={"who": "X", "what": "Y", "reason": "Z"})
    assert edited.status_code in expected
    assert _history(db) == []
    assert db.get(MeetingAction, action.id).state == ActionState.OPEN


def test_an_action_from_another_meeting_is_not_found(client, db, sign_in):
    people = People(db)
    meeting, action = _action(db, people)
    other = make_meeting(db, people.forum, days_from_now=-5)
    sign_in(people.convenor)
    assert client.post(f"/meetings/{other.id}/debrief/actions/{action.id}/done").status_code == 404
    assert _history(db) == []


def test_the_history_is_append_only(db):
    people = People(db)
    _meeting, action = _action(db, people)
    step = MeetingActionChange(action_id=action.id, change="done", who="", what="", reason="")
    db.add(step)
    db.flush()
    step.reason = "Rewritten"
    with pytest.raises(RecordIsAppendOnly):
        db.flush()
