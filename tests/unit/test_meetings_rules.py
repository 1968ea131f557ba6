"""Meeting rules at the service level: publishing, agenda order, review results, times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from forum_site.models.meetings import CycleStage, InfluenceLevel, MeetingStatus
from forum_site.services import meetings as service
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.meetings import agenda, debrief
from forum_site.services.viewer import load_viewer
from forum_site.web.meetings.forms import london_to_utc
from forum_site.web.meetings.labels import cycle_dots, stage_number
from tests.factories_meetings import People, make_meeting, make_review


def test_publish_lists_every_problem(db):
    people = People(db)
    meeting = make_meeting(
        db, people.forum, status=MeetingStatus.DRAFT, purpose=" ", everything_open=False,
        venue_name="",
    )  # fmt: skip
    fields = [field for field, _ in service.publish_problems(meeting)]
    assert fields == ["venue_name", "purpose", "everything_open"]
    with pytest.raises(service.PublishRefused) as refused:
        service.publish_meeting(db, load_viewer(db, people.convenor), meeting)
    assert len(refused.value.problems) == 3


def test_everything_open_and_closed_topics_together_is_a_contradiction(db):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT, closed=1,
                           everything_open=True)  # fmt: skip
    [(field, message)] = service.publish_problems(meeting)
    assert field == "everything_open" and "Untick" in message


def test_only_editors_may_publish(db):
    people = People(db)
    meeting = make_meeting(db, people.forum, status=MeetingStatus.DRAFT)
    with pytest.raises(NotAllowed):
        service.publish_meeting(db, load_viewer(db, people.member), meeting)
    service.publish_meeting(db, load_viewer(db, people.commissioner), meeting)
    assert meeting.status == MeetingStatus.PUBLISHED


def test_agenda_item_needs_an_influence_level_and_a_short_title(db):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=0)
    editor = load_viewer(db, people.convenor)
    with pytest.raises(DomainError, match="how much say") as error:
        agenda.add_agenda_item(db, editor, meeting, agenda.AgendaDetails("Item", None))
    assert error.value.field == "influence"
    with pytest.raises(DomainError, match="up to 200 characters"):
        agenda.add_agenda_item(
            db, editor, meeting, agenda.AgendaDetails("x" * 201, InfluenceLevel.VIEWS)
        )


def test_moving_the_first_item_up_changes_nothing(db):
    people = People(db)
    meeting = make_meeting(db, people.forum, agenda=3)
    editor = load_viewer(db, people.convenor)
    first = meeting.agenda_items[0]
    agenda.move_agenda_item(db, editor, first, "up")
    assert [i.title for i in meeting.agenda_items] == ["Item 1", "Item 2", "Item 3"]
    agenda.move_agenda_item(db, editor, meeting.agenda_items[2], "down")
    assert [i.title for i in meeting.agenda_items] == ["Item 1", "Item 2", "Item 3"]


def test_review_results_count_each_answer_per_meeting(db):
    people = People(db)
    old = make_meeting(db, people.forum, days_from_now=-30, title="Old")
    new = make_meeting(db, people.forum, days_from_now=-2, title="New")
    make_meeting(db, people.forum, days_from_now=-10, title="Nobody answered")
    make_review(db, new, people.member, 3, 1)
    make_review(db, new, people.other_member, 2, 1)
    make_review(db, old, people.member, 1, 3)
    results = debrief.review_results(db, people.forum.id)
    assert [r.title for r in results] == ["Old", "New"]
    assert results[1].responses == 2
    assert results[1].purpose_clear == {1: 0, 2: 1, 3: 1}
    assert results[1].listened_to == {1: 2, 2: 0, 3: 0}
    assert results[0].share_yes("listened_to") == 1.0
    assert debrief.review_results(db, People(db).forum.id) == []


def test_review_answers_must_be_on_the_scale(db):
    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=-1)
    member = load_viewer(db, people.member)
    with pytest.raises(DomainError):
        debrief.submit_review(db, member, meeting, purpose_clear=4, listened_to=2)
    with pytest.raises(NotAllowed):
        debrief.submit_review(
            db, load_viewer(db, people.outsider), meeting, purpose_clear=3, listened_to=3
        )


def test_london_time_to_utc_across_the_clock_change():
    assert london_to_utc(date(2031, 3, 29), time(12)) == datetime(2031, 3, 29, 12, tzinfo=UTC)
    assert london_to_utc(date(2031, 3, 31), time(12)) == datetime(2031, 3, 31, 11, tzinfo=UTC)


def test_cycle_has_twelve_stages_with_one_marked():
    dots = cycle_dots(CycleStage.REVIEW)
    assert len(dots) == 12 and [d.number for d in dots if d.current] == [12]
    assert dots[0].x == 160.0 and dots[0].y == 34.0  # stage 1 at the top
    assert stage_number(CycleStage.INVOLVEMENT_FRAMEWORK) == 1
    assert stage_number(None) is None
