"""Answering well: the first answer can already be the outcome, and logging a decision
can answer the points it links in the same step (each member told once)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum_site.models import ContributionAnswer, Decision, Status
from forum_site.services.contributions import answers
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import make_contribution
from tests.notices import subjects_for


@pytest.fixture
def world(db):
    council = make_organisation(db, name="Lakeside Council")
    commissioner = make_commissioner(db, council, name="Dee Decider")
    member = make_user(db, name="Hana Member")
    other = make_user(db, name="Omar Member")
    forum = make_forum(db, name="Carers Forum", members=[member, other], organisations=[council])
    waiting = make_contribution(db, forum, member, text="We need weekend respite.")
    quiet = make_contribution(db, forum, other, text="Carers are worn out.", visibility="anonymous")
    done = make_contribution(db, forum, other, text="Respite is too far away.")
    db.flush()
    viewer = load_viewer(db, commissioner)
    answers.answer_contribution(
        db, viewer, done, status=Status.ALREADY_HAPPENING, answer="A nearer house opens in May."
    )
    return {
        "forum": forum,
        "commissioner": commissioner,
        "member": member,
        "other": other,
        "waiting": waiting,
        "quiet": quiet,
        "done": done,
    }


def _decision_form(world, **overrides):
    data = {
        "title": "Fund weekend respite breaks from October",
        "decided_by": "cabinet",
        "decided_on": "2026-06-03",
        "stage": "decision_point",
        "contributions": [str(world[k].id) for k in ("waiting", "quiet", "done")],
        "submission_token": "decision-answers-1",
        "answer_status": "changed",
        "answer_text": "Weekend respite breaks start in October.",
        "answer_what_changed": "Two weekend places at the Beeches.",
    }
    data.update(overrides)
    return data


def _answers(db, contribution):
    db.expire_all()
    return db.scalars(
        select(ContributionAnswer)
        .where(ContributionAnswer.contribution_id == contribution.id)
        .order_by(ContributionAnswer.id)
    ).all()


def test_the_first_answer_can_be_the_outcome(client, db, sign_in, world):
    sign_in(world["commissioner"])
    url = f"/contributions/{world['waiting'].id}"
    page = client.get(url)
    offered = [i["value"] for i in page.soup.select("input[name=status]")]
    assert "not_taken_forward" in offered and "considering" in offered
    answered = client.post(
        f"{url}/answers",
        data={
            "status": "not_taken_forward",
            "answer": "We cannot fund this year.",
            "reason": "The budget for respite is spent.",
        },
    )
    assert answered.status_code == 303
    [entry] = _answers(db, world["waiting"])
    assert entry.status == Status.NOT_TAKEN_FORWARD and entry.reason.startswith("The budget")
    assert world["waiting"].first_answered_at is not None


def test_logging_a_decision_answers_the_waiting_points_it_links(client, db, sign_in, world):
    sign_in(world["commissioner"])
    form = client.get(f"/forums/{world['forum'].slug}/decisions/new")
    assert form.soup.select_one("input[name=answer_status][value='']").has_attr("checked")
    url = f"/forums/{world['forum'].slug}/decisions/new"
    first = client.post(url, data=_decision_form(world))
    again = client.post(url, data=_decision_form(world))  # sent twice
    assert (first.status_code, again.status_code) == (303, 303)
    assert db.scalar(select(func.count(Decision.id))) == 1
    decision = db.scalar(select(Decision))
    for key in ("waiting", "quiet"):
        [entry] = _answers(db, world[key])
        assert (entry.status, entry.decision_id) == (Status.CHANGED, decision.id)
        assert entry.what_changed == "Two weekend places at the Beeches."
    assert [a.status for a in _answers(db, world["done"])] == [Status.ALREADY_HAPPENING]
    assert len([s for s in subjects_for(db, world["member"]) if "changed" in s]) == 1
    shown = client.get(first.location).soup.get_text(" ", strip=True)
    assert "have the answer, and the members are told" in shown


def test_a_decision_without_answering_leaves_the_points_waiting(client, db, sign_in, world):
    sign_in(world["commissioner"])
    data = _decision_form(world, answer_status="", answer_text="", answer_what_changed="")
    assert client.post(f"/forums/{world['forum'].slug}/decisions/new", data=data).status_code == 303
    assert _answers(db, world["waiting"]) == []


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"answer_text": " "}, "answer_text", "Write the answer in plain words."),
        ({"answer_what_changed": ""}, "answer_what_changed", "Say what changed because of this."),
        (
            {"answer_status": "not_taken_forward"},
            "answer_reason",
            "Say why it is not being taken forward.",
        ),
        ({"contributions": []}, "contributions", "Tick the points this decision answers"),
    ],
)
def test_a_refused_answer_saves_no_decision_and_keeps_the_typed_words(
    client, db, sign_in, world, overrides, field, message
):
    sign_in(world["commissioner"])
    page = client.post(
        f"/forums/{world['forum'].slug}/decisions/new", data=_decision_form(world, **overrides)
    )
    assert page.status_code == 400
    assert message in page.soup.select_one(f"#{field}-error").text
    assert page.soup.select_one(".error-summary") is not None
    assert page.soup.select_one("input[name=title]")["value"].startswith("Fund weekend")
    assert db.scalar(select(func.count(Decision.id))) == 0
    assert _answers(db, world["waiting"]) == []
