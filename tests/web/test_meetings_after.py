"""The convenor's preparation workspace and the debrief after the meeting."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models.meetings import Meeting, MeetingAction, PrepTask
from tests.factories_meetings import People, make_meeting, make_question, text_of


def test_prep_workspace_lists_checklist_questions_and_papers(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    make_question(db, meeting, people.member, body="Private worry", private=True)
    db.add(PrepTask(meeting_id=meeting.id, position=1, label="Book the hall"))
    db.flush()
    sign_in(people.convenor)
    page = client.get(f"/meetings/{meeting.id}/prepare")
    text = text_of(page)
    assert "Book the hall" in text and "1 tasks left." in text
    assert "Private worry" in text
    assert "Easy-read copies: 0" in text
    task = db.scalar(select(PrepTask).where(PrepTask.meeting_id == meeting.id))
    client.post(f"/meetings/{meeting.id}/prepare/tasks/{task.id}", data={"done": "1"})
    db.expire_all()
    assert db.get(PrepTask, task.id).done
    client.post(f"/meetings/{meeting.id}/prepare/tasks", data={"label": "Order sandwiches"})
    assert "Order sandwiches" in text_of(client.get(f"/meetings/{meeting.id}/prepare"))


def test_debrief_per_item_actions_and_published_summary(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=-1, agenda=2, title="Bus review")
    items = meeting.agenda_items
    sign_in(people.convenor)
    response = client.post(
        f"/meetings/{meeting.id}/debrief",
        data={
            f"happened-{items[0].id}": "We heard 20 stories.",
            f"decided-{items[0].id}": "Text alerts for late buses.",
            "attended_count": "14",
            "summary": "We talked about **buses**. The council will try text alerts.",
            "publish": "y",
        },
    )
    assert response.status_code == 303
    response = client.post(
        f"/meetings/{meeting.id}/debrief/actions",
        data={"who": "Priya", "what": "Set up text alerts", "by_when": "2031-05-30",
              "agenda_item_id": str(items[0].id)},
    )  # fmt: skip
    assert response.status_code == 303
    action = db.scalar(select(MeetingAction).where(MeetingAction.meeting_id == meeting.id))
    assert action.agenda_item_id == items[0].id and action.by_when.isoformat() == "2031-05-30"

    client.post("/sign-out")
    page = client.get(f"/meetings/{meeting.id}")
    after = " ".join(page.soup.select_one("#what-happened").get_text(" ").split())
    assert "We talked about buses ." in after or "We talked about buses." in after
    assert "14 people came." in after
    assert "Priya Set up text alerts Friday 30 May 2031" in after
    assert "Text alerts for late buses." in text_of(page)
    panel = client.get(f"/forums/{people.forum.slug}").soup.select_one(".meetings-panel")
    assert "What happened at the last meeting" in panel.get_text()
    assert "Bus review" in panel.get_text()


def test_debrief_errors_keep_what_was_typed(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=-1, agenda=1)
    item = meeting.agenda_items[0]
    sign_in(people.convenor)
    page = client.post(
        f"/meetings/{meeting.id}/debrief",
        data={f"happened-{item.id}": "Kept words", "summary": "", "publish": "y"},
    )
    assert page.status_code == 400
    assert "Write a short summary before you publish it." in text_of(page)
    assert page.soup.select_one(f"#happened-{item.id}").get_text().strip() == "Kept words"
    db.expire_all()
    assert db.get(Meeting, meeting.id).debrief_published_at is None


def test_debrief_only_after_the_meeting_started_and_only_for_editors(client, db, sign_in):
    people = People(db)
    future = make_meeting(db, people.forum, days_from_now=3)
    past = make_meeting(db, people.forum, days_from_now=-3)
    sign_in(people.convenor)
    page = client.post(f"/meetings/{future.id}/debrief", data={"summary": "Too early"})
    assert page.status_code == 400
    sign_in(people.member)
    assert client.get(f"/meetings/{past.id}/debrief").status_code == 403
    assert (
        client.post(
            f"/meetings/{past.id}/debrief/actions", data={"who": "a", "what": "b"}
        ).status_code
        == 403
    )
