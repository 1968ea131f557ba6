"""A topic's page is its story: everything that happened, in order, as the reader may see it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from forum_site.models import PressureKind, Status
from forum_site.models.meetings import MeetingStatus
from forum_site.services import budgets
from forum_site.services.topics import core
from forum_site.services.viewer import load_viewer
from tests.factories_briefings import make_briefing
from tests.factories_budgets import make_budget
from tests.factories_contributions import make_contribution, take_to
from tests.factories_meetings import make_meeting, text_of
from tests.factories_topics import make_topic, topic_world, write
from tests.web.easy_read_sentences import long_sentences


@pytest.fixture
def story(db):
    world = topic_world(db)
    forum, member = world["forum"], world["member"]
    topic = make_topic(db, world)
    write(db, world, topic)
    commissioner = load_viewer(db, world["commissioner"])
    core.add_pressure(
        db,
        commissioner,
        topic,
        kind=PressureKind.MONEY,
        title="Savings across the council",
        details="",
        happened_on=date(2026, 4, 20),
    )
    meeting = make_meeting(db, forum, title="Breaks: what you need", days_from_now=10)
    draft = make_meeting(db, forum, title="Still being planned", status=MeetingStatus.DRAFT)
    briefing = make_briefing(db, forum, world["commissioner"], title="Breaks: the options")
    hidden = make_briefing(db, forum, world["commissioner"], title="Not out yet", published=False)
    budget = make_budget(db, world["commissioner"], world["council"], [forum], meetings=[meeting])
    said = make_contribution(
        db, forum, member, text="Weekend breaks please.", meeting_id=meeting.id
    )
    make_contribution(
        db,
        forum,
        member,
        text="Quietly: my own worry.",
        meeting_id=meeting.id,
        visibility="private",
    )
    quiet = make_contribution(
        db, forum, member, text="Evening breaks too.", meeting_id=meeting.id, visibility="anonymous"
    )
    for point in (said, quiet):
        take_to(
            db,
            world["commissioner"],
            point,
            Status.ALREADY_HAPPENING,
            first_at=datetime(2026, 5, 1, tzinfo=UTC),
            final_at=datetime(2026, 5, 20, tzinfo=UTC),
        )
    lines = [
        budgets.LineInput(
            name=line.name,
            amount_pence=line.amount_pence - 100_00,
            kind=line.kind,
            people_served=line.people_served,
            line_id=line.id,
        )
        for line in budget.lines
    ]
    budgets.change_budget(
        db,
        commissioner,
        budget,
        total_pence=budget.total_pence - 200_00,
        lines=lines,
        reason="The council cut this year's money.",
    )
    core.set_links(
        db,
        commissioner,
        topic,
        {
            "meetings": [meeting.id, draft.id],
            "briefings": [briefing.id, hidden.id],
            "budgets": [budget.id],
        },
    )
    db.flush()
    return {**world, "topic": topic}


def test_a_member_reads_the_whole_story_in_order(client, db, sign_in, story):
    sign_in(story["member"])
    page = client.get(f"/topics/{story['topic'].id}")
    entries = [" ".join(li.get_text(" ").split()) for li in page.soup.select(".timeline-entry")]
    kinds = [li["class"][1] for li in page.soup.select(".timeline-entry")]
    assert kinds[0] == "timeline-stage"
    assert "timeline-pressure" in kinds and "timeline-budget_changed" in kinds
    joined = " | ".join(entries)
    assert joined.index("Stage 3 started") < joined.index("Savings across the council")
    assert "The council cut this year's money." in joined
    assert "Members were told at once, because they were being consulted." in joined
    assert "Breaks: the options" in joined
    assert "Breaks: what you need" in joined
    assert "2 points from members about it." in joined  # the private point is not counted
    shown = text_of(page)
    assert "Still being planned" not in shown and "Not out yet" not in shown
    assert "Weekend breaks please." in shown and "Evening breaks too." in shown


def test_the_convenor_also_sees_the_draft_meeting(client, db, sign_in, story):
    sign_in(story["convenor"])
    shown = text_of(client.get(f"/topics/{story['topic'].id}"))
    assert "Still being planned" in shown


def test_an_anonymous_point_shows_no_name_to_the_commissioner(client, db, sign_in, story):
    sign_in(story["commissioner"])
    page = client.get(f"/topics/{story['topic'].id}")
    said = page.soup.select_one("#said").get_text(" ")
    assert "Evening breaks too." in said
    assert said.count("Mo Member") == 1  # the shared point only


def test_the_story_in_easy_read_uses_plain_words(client, db, sign_in, story):
    story["member"].easy_read = True
    db.flush()
    sign_in(story["member"])
    page = client.get(f"/topics/{story['topic'].id}")
    shown = text_of(page)
    assert "There are 12 steps. We are at step 3." in shown
    assert "We find out what people need (we are here)" in shown
    assert "The money changed." in shown
    assert "How much say you have" in shown
    assert "commissioning cycle" not in shown
    assert [s for s in long_sentences(page.soup) if "Weekend" not in s] == []
