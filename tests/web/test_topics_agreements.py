"""Topics round the cycle and each stage's involvement agreement: written by the
commissioner, agreed by the convenor, versioned, and shown on the stage's meetings."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from forum_site.models import AgreementSignOff, StageAgreement, TopicStage, topic_meeting
from forum_site.models.base import RecordIsAppendOnly
from forum_site.models.meetings import CycleStage
from forum_site.services.errors import DomainError
from forum_site.services.topics import agreements, core
from forum_site.services.viewer import load_viewer
from tests.factories_meetings import make_meeting, text_of
from tests.factories_topics import make_topic, topic_world, write


@pytest.fixture
def world(db):
    return topic_world(db)


def test_a_commissioner_starts_a_topic_and_moves_it_on_with_dates(client, db, sign_in, world):
    sign_in(world["commissioner"])
    page = client.post(
        f"/forums/{world['forum'].slug}/topics/new",
        data={
            "title": "Respite breaks from 2027",
            "stage": "needs_assessment",
            "started_on": "2026-03-02",
        },
    )
    assert page.status_code == 303
    topic_path = page.headers["Location"]
    moved = client.post(
        f"{topic_path}/stage", data={"stage": "overall_budget", "started_on": "2026-05-11"}
    )
    assert moved.status_code == 303
    stages = db.scalars(select(TopicStage).order_by(TopicStage.id)).all()
    assert [(s.stage, s.started_on, s.ended_on) for s in stages] == [
        (CycleStage.NEEDS_ASSESSMENT, date(2026, 3, 2), date(2026, 5, 11)),
        (CycleStage.OVERALL_BUDGET, date(2026, 5, 11), None),
    ]
    shown = text_of(client.get(topic_path))
    assert "This topic is at stage 4: Overall budget" in shown
    assert "It ended on Monday 11 May 2026" in shown


def test_a_stage_cannot_start_before_the_one_it_follows(client, db, sign_in, world):
    topic = make_topic(db, world)
    sign_in(world["commissioner"])
    page = client.post(
        f"/topics/{topic.id}/stage", data={"stage": "overall_budget", "started_on": "2026-01-01"}
    )
    assert page.status_code == 400
    error = page.soup.select_one("#started_on-error")
    assert "cannot start before the stage it follows" in error.get_text()
    assert page.soup.select_one("#started_on")["value"] == "2026-01-01"


def test_a_date_that_is_not_a_date_gets_a_plain_message(client, db, sign_in, world):
    sign_in(world["commissioner"])
    page = client.post(
        f"/forums/{world['forum'].slug}/topics/new",
        data={"title": "Respite breaks", "stage": "needs_assessment", "started_on": "next week"},
    )
    assert page.status_code == 400
    error = page.soup.select_one("#started_on-error").get_text()
    assert "Enter a real date, for example 1/4/2027." in error
    assert (
        client.post(
            f"/forums/{world['forum'].slug}/topics/new",
            data={"title": "Respite breaks", "stage": "needs_assessment", "started_on": "2/3/2026"},
        ).status_code
        == 303
    )


def test_members_cannot_move_topics_or_write_agreements(client, db, sign_in, world):
    topic = make_topic(db, world)
    sign_in(world["member"])
    assert client.get(f"/topics/{topic.id}/stage").status_code == 403
    assert client.get(f"/topics/{topic.id}/stages/needs_assessment/new").status_code == 403
    assert client.get(f"/topics/{topic.id}").status_code == 200


def test_the_convenor_agrees_the_agreement_and_everyone_sees_who_and_when(
    client, db, sign_in, world
):
    topic = make_topic(db, world)
    first = write(db, world, topic)
    sign_in(world["convenor"])
    page = client.get(f"/topics/{topic.id}/stages/needs_assessment")
    assert "The convenor has not agreed this version yet." in text_of(page)
    assert client.post(f"/agreements/{first.id}/agree").status_code == 303
    sign_off = db.scalar(select(AgreementSignOff))
    assert sign_off.agreed_by_id == world["convenor"].id
    assert sign_off.created_at is not None
    shown = text_of(client.get(f"/topics/{topic.id}"))
    assert "Connie Convenor agreed this version on" in shown
    assert "The number of respite beds." in shown
    assert "The beds are in a contract until 2028." in shown


def test_a_member_cannot_agree_for_the_convenor(client, db, sign_in, world):
    topic = make_topic(db, world)
    first = write(db, world, topic)
    sign_in(world["member"])
    assert client.post(f"/agreements/{first.id}/agree").status_code == 403
    assert db.scalar(select(AgreementSignOff)) is None


def test_a_change_is_a_new_version_and_the_old_one_stays(db, world):
    topic = make_topic(db, world)
    first = write(db, world, topic)
    with pytest.raises(DomainError, match="what changed"):
        write(db, world, topic, members_asked="Tell us which breaks matter most.")
    second = write(
        db,
        world,
        topic,
        members_asked="Tell us which breaks matter most.",
        what_changed="Less money.",
    )
    assert (first.version, second.version) == (1, 2)
    kept = agreements.versions(db, topic, CycleStage.NEEDS_ASSESSMENT)
    assert [a.members_asked for a in kept] == [
        "Tell us which breaks matter most.",
        "Tell us what kind of breaks you need.",
    ]
    convenor = load_viewer(db, world["convenor"])
    with pytest.raises(DomainError, match="newer version"):
        agreements.agree(db, convenor, first)
    agreements.agree(db, convenor, second)
    with pytest.raises(DomainError, match="already been agreed"):
        agreements.agree(db, convenor, second)


def test_agreements_and_sign_offs_are_append_only(db, world):
    topic = make_topic(db, world)
    first = write(db, world, topic)
    first.members_asked = "Quietly rewritten."
    with pytest.raises(RecordIsAppendOnly):
        db.flush()
    db.rollback()
    with pytest.raises(RecordIsAppendOnly):
        db.execute(update(StageAgreement).values(who_decides="Someone else"))


def test_the_stage_agreement_is_on_every_meeting_of_that_stage(client, db, sign_in, world):
    topic = make_topic(db, world)
    write(db, world, topic)
    meeting = make_meeting(db, world["forum"], title="Breaks: what you need")
    other = make_meeting(db, world["forum"], title="Not about breaks")
    commissioner = load_viewer(db, world["commissioner"])
    core.set_links(db, commissioner, topic, {"meetings": [meeting.id]})
    sign_in(world["member"])
    shown = text_of(client.get(f"/meetings/{meeting.id}"))
    assert "What members are asked at this stage" in shown
    assert "Tell us what kind of breaks you need." in shown
    assert "Respite breaks from 2027" in shown
    assert "Tell us what kind of breaks you need." not in text_of(
        client.get(f"/meetings/{other.id}")
    )


def test_a_meeting_belongs_to_one_topic_at_a_time(db, world):
    first = make_topic(db, world)
    second = make_topic(db, world)
    meeting = make_meeting(db, world["forum"])
    commissioner = load_viewer(db, world["commissioner"])
    core.set_links(db, commissioner, first, {"meetings": [meeting.id]})
    core.set_links(db, commissioner, second, {"meetings": [meeting.id]})
    rows = db.execute(select(topic_meeting)).all()
    assert [(r.meeting_id, r.topic_id) for r in rows] == [(meeting.id, second.id)]


def test_a_private_forums_topic_leaks_nothing(client, db, sign_in):
    world = topic_world(db, private=True)
    topic = make_topic(db, world)
    write(db, world, topic)
    sign_in(world["outsider"])
    assert client.get(f"/topics/{topic.id}").status_code == 404
    assert client.get(f"/topics/{topic.id}/stages/needs_assessment").status_code == 404
    assert client.get(f"/forums/{world['forum'].slug}/topics").status_code == 404


def test_how_much_say_has_the_picture_of_its_level_in_easy_read(client, db, sign_in, world):
    """'We want your views' was shown beside a ballot box, as if members would vote."""
    from easyread.builders import concept_picture

    topic = make_topic(db, world)
    write(db, world, topic)  # influence: we want your views
    member = world["member"]
    member.easy_read = True
    db.flush()
    sign_in(member)
    page = client.get(f"/topics/{topic.id}")
    row = next(r for r in page.soup.select(".er-row") if "How much say you have" in r.get_text())
    href = row.select_one("use")["href"]
    assert concept_picture("listen") in href
    assert concept_picture("vote") not in href


def test_an_agreement_not_agreed_yet_has_no_thumbs_up_in_easy_read(client, db, sign_in, world):
    """A walk found a thumbs up beside 'The convenor has not agreed this version yet'."""
    from easyread.builders import concept_picture

    topic = make_topic(db, world)
    write(db, world, topic)
    world["member"].easy_read = True
    db.flush()
    sign_in(world["member"])
    page = client.get(f"/topics/{topic.id}")
    row = next(r for r in page.soup.select(".er-row") if "has not agreed" in r.get_text())
    href = row.select_one("use")["href"]
    assert concept_picture("agree") not in href
    assert concept_picture("wait") in href
