"""Status rules, append-only answers, double submits and who is told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forum_site.models import (
    CommissionerLink,
    Contribution,
    ContributionAnswer,
    InboxMessage,
    Membership,
    NoticeDelivery,
    Role,
    Status,
)
from forum_site.models.contributions import AnswersAreAppendOnly
from forum_site.services import contributions
from forum_site.services.contributions import answers as contributions_answers
from forum_site.services.contributions import reading as contributions_reading
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import START, make_contribution, make_decision, support
from tests.notices import seen_by


@pytest.fixture
def world(db):
    council = make_organisation(db, name="Eastfield Council")
    other = make_organisation(db, name="Westfield Council")
    people = {
        "commissioner": make_commissioner(db, council),
        "stranger_commissioner": make_commissioner(db, other),
        "member": make_user(db, name="Ada Author"),
        "fan": make_user(db, name="Fay Fan"),
        "convenor": make_user(db, name="Cy Convenor"),
    }
    forum = make_forum(
        db,
        members=[people["member"], people["fan"]],
        convenors=[people["convenor"]],
        organisations=[council],
    )
    return {"forum": forum, **people}


def _as(db, user):
    return load_viewer(db, user)


def _answer(db, world, contribution, status, **extra):
    return contributions_answers.answer_contribution(
        db,
        _as(db, world["commissioner"]),
        contribution,
        status=status,
        answer=extra.pop("answer", f"Plain answer for {status}."),
        now=extra.pop("now", START + timedelta(days=1)),
        **extra,
    )


def test_the_first_answer_can_be_the_outcome_or_being_considered(db, world):
    known = make_contribution(db, world["forum"], world["member"])
    _answer(db, world, known, Status.NOT_TAKEN_FORWARD, reason="The law does not allow it.")
    assert known.status == Status.NOT_TAKEN_FORWARD and known.first_answered_at is not None
    with pytest.raises(DomainError, match="add a correction"):
        _answer(db, world, known, Status.CONSIDERING, answer="Thinking again.")
    contribution = make_contribution(db, world["forum"], world["member"])
    _answer(db, world, contribution, Status.CONSIDERING)
    with pytest.raises(DomainError, match="already being considered"):
        _answer(db, world, contribution, Status.CONSIDERING, answer="Still thinking.")
    _answer(db, world, contribution, Status.ALREADY_HAPPENING, answer="It runs already.")
    assert contribution.status == Status.ALREADY_HAPPENING


def test_a_final_answer_can_only_change_through_a_correction(db, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    _answer(db, world, contribution, Status.CONSIDERING)
    final = _answer(db, world, contribution, Status.ALREADY_HAPPENING, answer="It runs.")
    with pytest.raises(DomainError, match="add a correction"):
        _answer(db, world, contribution, Status.PARTLY, answer="Some of it.")
    with pytest.raises(DomainError, match="Say why the earlier answer needs correcting"):
        _answer(db, world, contribution, Status.PARTLY, answer="Some.", corrects_id=final.id)
    fixed = _answer(
        db,
        world,
        contribution,
        Status.NOT_TAKEN_FORWARD,
        answer="Sorry, we were wrong: it stopped last year.",
        reason="The funding ended in March.",
        corrects_id=final.id,
        correction_reason="The service closed; our first answer was out of date.",
        now=START + timedelta(days=3),
    )
    assert fixed.corrects_id == final.id
    assert contribution.status == Status.NOT_TAKEN_FORWARD
    entries = contributions_answers.timeline(db, contribution)
    assert [e.status for e in entries] == [
        Status.CONSIDERING,
        Status.ALREADY_HAPPENING,
        Status.NOT_TAKEN_FORWARD,
    ]
    assert entries[1].answer == "It runs."  # the wrong answer is still there, unchanged


def test_not_taken_forward_needs_a_reason(db, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    _answer(db, world, contribution, Status.CONSIDERING)
    with pytest.raises(DomainError, match="Say why it is not being taken forward") as caught:
        _answer(db, world, contribution, Status.NOT_TAKEN_FORWARD, reason="   ")
    assert caught.value.field == "reason"
    assert contribution.status == Status.CONSIDERING


def test_changed_something_needs_what_changed_and_a_decision_of_this_forum(db, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    _answer(db, world, contribution, Status.CONSIDERING)
    with pytest.raises(DomainError, match="Say what changed"):
        _answer(db, world, contribution, Status.CHANGED, decision_id=None)
    with pytest.raises(DomainError, match="Choose the decision"):
        _answer(db, world, contribution, Status.CHANGED, what_changed="Longer hours.")
    elsewhere = make_decision(db, make_forum(db), title="Another forum's decision")
    with pytest.raises(DomainError, match="this forum's decision log"):
        _answer(
            db,
            world,
            contribution,
            Status.CHANGED,
            what_changed="Longer hours.",
            decision_id=elsewhere.id,
        )
    decision = make_decision(db, world["forum"])
    entry = _answer(
        db,
        world,
        contribution,
        Status.CHANGED,
        what_changed="Longer hours.",
        decision_id=decision.id,
    )
    assert entry.decision_id == decision.id
    db.refresh(decision)
    assert contribution in decision.contributions  # the decision's trail lists it too


def test_answers_are_never_updated_or_deleted(db, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    entry = _answer(db, world, contribution, Status.CONSIDERING, answer="Looking at it.")
    with pytest.raises(AnswersAreAppendOnly), db.begin_nested():
        entry.answer = "Quietly rewritten"
        db.flush()
    with pytest.raises(AnswersAreAppendOnly), db.begin_nested():
        db.delete(db.get(ContributionAnswer, entry.id))
        db.flush()
    db.expire_all()
    assert db.scalars(select(ContributionAnswer.answer)).all() == ["Looking at it."]
    assert not hasattr(contributions_answers, "edit_answer")
    assert not hasattr(contributions_answers, "delete_answer")


def test_only_commissioners_of_the_forum_answer(db, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    for who in ("stranger_commissioner", "convenor", "member"):
        with pytest.raises(NotAllowed):
            contributions_answers.answer_contribution(
                db,
                _as(db, world[who]),
                contribution,
                status=Status.CONSIDERING,
                answer="Let me answer.",
            )
    assert db.scalar(select(func.count(ContributionAnswer.id))) == 0


def test_private_points_are_answered_by_the_convenor_not_commissioners(db, world):
    contribution = make_contribution(db, world["forum"], world["member"], visibility="private")
    with pytest.raises(NotAllowed):
        _answer(db, world, contribution, Status.CONSIDERING)
    entry = contributions_answers.answer_contribution(
        db,
        _as(db, world["convenor"]),
        contribution,
        status=Status.CONSIDERING,
        answer="I will raise it without your name.",
    )
    assert entry.organisation_id is None


def test_double_submitted_answer_is_saved_once(db, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    first = _answer(db, world, contribution, Status.CONSIDERING, submission_token="tok-1")
    again = _answer(db, world, contribution, Status.CONSIDERING, submission_token="tok-1")
    same_words = _answer(db, world, contribution, Status.CONSIDERING, answer=first.answer)
    assert first.id == again.id == same_words.id
    assert db.scalar(select(func.count(ContributionAnswer.id))) == 1


def test_contributor_and_supporters_are_told_of_each_answer(db, world):
    contribution = make_contribution(db, world["forum"], world["member"], text="Fix the ramp.")
    support(db, contribution, world["fan"])
    _answer(db, world, contribution, Status.CONSIDERING, answer="We asked the builders.")
    inbox = db.scalars(select(InboxMessage).order_by(InboxMessage.user_id)).all()
    assert {m.user_id for m in inbox} == {world["member"].id, world["fan"].id}
    [to_author] = seen_by(db, world["member"])
    assert "We asked the builders." in to_author.body
    assert "Fix the ramp." in to_author.body
    assert to_author.subject.startswith("Your point “Fix the ramp.”:")
    assert to_author.link == f"/contributions/{contribution.id}"
    [easy] = seen_by(db, world["member"], easy_read=True)
    assert "We are thinking about it." in easy.easy_read_body
    assert "We asked the builders." in easy.easy_read_body
    assert all(len(line.split()) <= 15 for line in easy.easy_read_body.splitlines())
    [to_fan] = seen_by(db, world["fan"])
    assert to_fan.subject.startswith("A point you supported, “Fix the ramp.”:")
    queued = db.scalars(select(NoticeDelivery.user_id)).all()
    assert sorted(queued) == sorted([world["member"].id, world["fan"].id])


def test_support_is_one_per_person_and_not_for_your_own(db, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    fan = _as(db, world["fan"])
    assert contributions.support(db, fan, contribution) is True
    assert contributions.support(db, fan, contribution) is False
    assert contributions_reading.support_counts(db, [contribution.id]) == {contribution.id: 1}
    with pytest.raises(DomainError, match="your own point"):
        contributions.support(db, _as(db, world["member"]), contribution)
    with pytest.raises(NotAllowed):
        contributions.support(db, _as(db, world["commissioner"]), contribution)


def test_consent_is_needed_for_a_named_person_but_not_the_group(db, world):
    convenor = _as(db, world["convenor"])
    common = {"text": "Said at the meeting.", "source": "at_meeting"}
    with pytest.raises(DomainError, match="agreed") as caught:
        contributions.record_for_member(
            db,
            convenor,
            world["forum"],
            member_id=world["member"].id,
            consent_given=False,
            **common,
        )
    assert caught.value.field == "consent_given"
    group = contributions.record_for_member(
        db, convenor, world["forum"], member_id=None, consent_given=False, **common
    )
    assert group.from_whole_group and group.author_id is None
    with pytest.raises(DomainError, match="member of this forum"):
        contributions.record_for_member(
            db,
            convenor,
            world["forum"],
            member_id=world["commissioner"].id,
            consent_given=True,
            text="Someone else",
            source="phone_call",
        )


def test_text_limits(db, world):
    member = _as(db, world["member"])
    with pytest.raises(DomainError, match="Write what you want to say"):
        contributions.contribute(db, member, world["forum"], text=" \n\t ")
    with pytest.raises(DomainError, match="4000 characters or fewer"):
        contributions.contribute(db, member, world["forum"], text="a" * 4001)
    saved = contributions.contribute(db, member, world["forum"], text="a" * 4000)
    assert len(saved.text) == 4000


def test_answer_due_date_follows_the_organisations_response_time(db, world):
    world["forum"].organisations[0].response_days = 10
    db.flush()
    saved = contributions.contribute(
        db, _as(db, world["member"]), world["forum"], text="Quicker please.", now=START
    )
    assert saved.answer_due_at == START + timedelta(days=10)


def test_target_must_belong_to_the_forum(db, world):
    from tests.factories_meetings import make_meeting

    other_meeting = make_meeting(db, make_forum(db))
    with pytest.raises(DomainError, match="not one of this forum's meetings"):
        contributions.contribute(
            db,
            _as(db, world["member"]),
            world["forum"],
            text="About that meeting",
            target=contributions.Target(meeting_id=other_meeting.id),
        )
    assert db.scalar(select(func.count(Contribution.id))) == 0


def test_who_sees_which_name(db, world):
    forum = world["forum"]
    anonymous = make_contribution(db, forum, world["member"], visibility="anonymous")
    shared = make_contribution(db, forum, world["member"])
    group = make_contribution(db, forum, group=True, recorded_by=world["convenor"])
    # Someone who both convenes the forum and commissions for it still never sees the name.
    both = make_user(db, name="Bo Both")
    db.add(Membership(forum_id=forum.id, user_id=both.id, role=Role.CONVENOR))
    db.add(CommissionerLink(user_id=both.id, organisation_id=forum.organisations[0].id))
    db.flush()
    label = contributions_reading.author_label
    assert label(_as(db, both), anonymous) == "Anonymous"
    assert label(_as(db, world["commissioner"]), anonymous) == "Anonymous"
    assert label(_as(db, world["fan"]), anonymous) == "Anonymous"
    assert label(_as(db, world["convenor"]), anonymous) == "Ada Author"
    assert label(_as(db, world["member"]), anonymous) == "You"
    assert label(_as(db, world["commissioner"]), shared) == "Ada Author"
    assert label(_as(db, world["fan"]), shared) == "Ada Author"  # public forum: members see names
    assert label(load_viewer(db, None), shared) == "A member"  # visitors never see names
    assert label(_as(db, world["commissioner"]), group) == "The whole group"


def test_the_database_refuses_to_rewrite_an_answer(db, world):
    import sqlalchemy as sa

    contribution = make_contribution(db, world["forum"], world["member"])
    entry = _answer(db, world, contribution, Status.CONSIDERING, answer="Looking at it.")
    with pytest.raises(sa.exc.DatabaseError, match="append-only"), db.begin_nested():
        db.execute(
            sa.text("UPDATE contribution_answer SET answer = 'Rewritten' WHERE id = :id"),
            {"id": entry.id},
        )
    db.execute(
        sa.text("UPDATE contribution_answer SET answered_by_id = NULL WHERE id = :id"),
        {"id": entry.id},
    )  # a person leaving may clear the link, never the words
    assert db.scalar(select(ContributionAnswer.answer)) == "Looking at it."


def test_two_paper_sheets_with_the_same_words_are_two_contributions(db, world):
    """A new form token is a new, deliberate submission, even with the same words."""
    convenor = _as(db, world["convenor"])
    record = dict(
        text="Yes please.",
        source="paper_form",
        consent_given=True,
        now=START,
    )
    first = contributions.record_for_member(
        db,
        convenor,
        world["forum"],
        member_id=world["member"].id,
        submission_token="sheet-1",
        **record,
    )
    second = contributions.record_for_member(
        db,
        convenor,
        world["forum"],
        member_id=world["fan"].id,
        submission_token="sheet-2",
        **record,
    )
    again = contributions.record_for_member(
        db,
        convenor,
        world["forum"],
        member_id=world["fan"].id,
        submission_token="sheet-2",
        **record,
    )
    assert first.id != second.id
    assert again.id == second.id


def test_same_words_from_different_members_without_a_token_are_kept_apart(db, world):
    convenor = _as(db, world["convenor"])
    record = dict(text="More buses on Sundays.", source="at_meeting", consent_given=True, now=START)
    ada = contributions.record_for_member(
        db, convenor, world["forum"], member_id=world["member"].id, **record
    )
    fay = contributions.record_for_member(
        db, convenor, world["forum"], member_id=world["fan"].id, **record
    )
    twice = contributions.record_for_member(
        db, convenor, world["forum"], member_id=world["fan"].id, **record
    )
    assert ada.id != fay.id
    assert twice.id == fay.id
