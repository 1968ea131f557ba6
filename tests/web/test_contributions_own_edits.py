"""A member changing their own point: new words until the first answer (earlier words
kept, append-only), or withdrawing it at any time (it leaves lists and counts, the record
keeps it dated). Anonymous stays anonymous; refusals store nothing; no 500s."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum_site.models import ContributionSupport, ContributionVersion, Notification
from forum_site.models.contributions import Status, Visibility
from forum_site.services import impact
from forum_site.services.contributions import answers, corrections
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_organisation
from tests.factories_contributions import make_contribution
from tests.factories_meetings import People
from tests.notices import seen_by, subjects_for

OLD = "The bus to the centre is late on Fridays."
NEW = "The bus to the centre is late on Fridays and Mondays."


def _point(db, people, **extra):
    point = make_contribution(db, people.forum, people.member, text=OLD, **extra)
    db.add(ContributionSupport(contribution_id=point.id, user_id=people.other_member.id))
    db.flush()
    return point


def _versions(db):
    db.expire_all()  # read what the requests stored
    return db.scalars(select(ContributionVersion).order_by(ContributionVersion.id)).all()


def _answer(db, people, point):
    answers.answer_contribution(
        db,
        load_viewer(db, people.commissioner),
        point,
        status=Status.CONSIDERING,
        answer="We are looking at the timetable.",
    )


def test_a_member_changes_their_words_and_everyone_sees_the_new_words_marked_edited(
    client, db, sign_in
):
    people = People(db)
    point = _point(db, people)
    sign_in(people.member)
    page = client.get(f"/contributions/{point.id}/change")
    assert page.status_code == 200
    assert page.soup.select_one("textarea[name=text]").text.strip() == OLD
    done = client.post(
        f"/contributions/{point.id}/change", data={"text": NEW, "reason": "I forgot Mondays."}
    )
    assert done.status_code == 303
    db.expire_all()
    assert point.text == NEW and point.edited_at is not None
    [kept] = _versions(db)
    assert (kept.text, kept.reason, kept.written_by_id) == (
        OLD,
        "I forgot Mondays.",
        people.member.id,
    )
    shown = client.get(done.location).soup.get_text(" ", strip=True)
    assert "Your point now has the new words" in shown
    assert "What it said before" in shown and OLD in shown  # the member sees their history
    sign_in(people.commissioner)
    seen = client.get(f"/contributions/{point.id}").soup
    assert seen.select_one("blockquote.contribution-text").text.strip() == NEW
    text = seen.get_text(" ", strip=True)
    assert "Edited on" in text
    assert "What it said before" not in text  # earlier words are the member's and convenor's
    [told] = seen_by(db, people.commissioner)
    assert told.subject.startswith("Changed by the member: “The bus")
    assert f"It now says: “{NEW}”" in told.body
    assert subjects_for(db, people.other_member)[0].startswith("Changed by the member")
    assert subjects_for(db, people.member) == []  # who made the change is not told


def test_after_the_first_answer_the_words_stay_and_the_form_is_not_offered(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    _answer(db, people, point)
    sign_in(people.member)
    page = client.get(f"/contributions/{point.id}/change")
    assert page.status_code == 200
    assert page.soup.select_one("textarea[name=text]") is None
    assert "This point has been answered, so its words cannot be changed now" in page.soup.text
    assert page.soup.select_one("form[action$='/withdraw-mine']") is not None  # still can
    refused = client.post(f"/contributions/{point.id}/change", data={"text": NEW})
    assert refused.status_code == 400
    assert "has been answered" in refused.soup.select_one(".error-summary").text
    assert _versions(db) == []
    assert point.text == OLD and point.edited_at is None


def test_sending_the_same_edit_twice_is_one_edit_and_never_an_error(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    sign_in(people.member)
    first = client.post(f"/contributions/{point.id}/change", data={"text": NEW})
    again = client.post(f"/contributions/{point.id}/change", data={"text": NEW})
    assert (first.status_code, again.status_code) == (303, 303)
    assert len(_versions(db)) == 1
    assert len(subjects_for(db, people.commissioner)) == 1


def test_unchanged_or_empty_words_are_shown_back_with_the_message_by_the_field(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    sign_in(people.member)
    same = client.post(f"/contributions/{point.id}/change", data={"text": OLD})
    assert same.status_code == 400
    assert "This is what your point says already." in same.soup.select_one("#text-error").text
    empty = client.post(
        f"/contributions/{point.id}/change", data={"text": " ", "reason": "My reason here"}
    )
    assert empty.status_code == 400
    assert empty.soup.select_one(".error-summary a[href='#text']") is not None
    assert "My reason here" in empty.soup.select_one("textarea[name=reason]").text
    too_long = client.post(
        f"/contributions/{point.id}/change", data={"text": NEW, "reason": "x" * 1001}
    )
    assert too_long.status_code == 400
    assert too_long.soup.select_one("textarea[name=text]").text.strip() == NEW
    assert too_long.soup.select_one("#reason-error") is not None
    assert _versions(db) == []
    assert point.text == OLD


def test_an_anonymous_point_stays_anonymous_in_every_version_and_notice(client, db, sign_in):
    people = People(db)
    point = _point(db, people, visibility=Visibility.ANONYMOUS)
    sign_in(people.member)
    client.post(f"/contributions/{point.id}/change", data={"text": NEW})
    client.post(f"/contributions/{point.id}/withdraw-mine", data={"withdraw_reason": ""})
    assert [v.written_by_id for v in _versions(db)] == [None, None]
    assert [n.actor_id for n in db.scalars(select(Notification))] == [None, None]
    for message in seen_by(db, people.commissioner) + seen_by(db, people.other_member):
        assert people.member.display_name not in message.subject + message.body
    sign_in(people.commissioner)
    shown = client.get(f"/contributions/{point.id}").soup.get_text(" ", strip=True)
    assert "Anonymous" in shown and people.member.display_name not in shown


def test_a_member_withdraws_their_point_it_leaves_lists_and_counts_and_is_kept(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    _answer(db, people, point)
    before = impact.forum_impact(db, people.forum)
    sign_in(people.member)
    done = client.post(f"/contributions/{point.id}/withdraw-mine", data={"withdraw_reason": ""})
    assert done.status_code == 303
    [kept] = _versions(db)
    assert point.withdrawn_at is not None
    assert (kept.text, kept.reason) == (OLD, "")  # the reason is optional for the member
    told = client.get(done.location).soup.get_text(" ", strip=True)
    assert "You withdrew your point." in told
    assert "This point was withdrawn on" in told
    listed = client.get(f"/forums/{people.forum.slug}/contributions").get_data(as_text=True)
    assert OLD not in listed
    after = impact.forum_impact(db, people.forum)
    assert (before.made, after.made) == (1, 0)
    assert (before.answered, after.answered) == (1, 0)
    [for_supporter] = [s for s in seen_by(db, people.other_member) if "Withdrawn" in s.subject]
    assert "The member who made this point in" in for_supporter.body
    assert "Why:" not in for_supporter.body
    again = client.post(f"/contributions/{point.id}/withdraw-mine", data={"withdraw_reason": ""})
    assert again.status_code == 303 and len(_versions(db)) == 1  # a second click is nothing
    page = client.get(f"/contributions/{point.id}/change").soup
    assert page.select_one("form[action$='/withdraw-mine']") is None
    assert page.select_one("textarea[name=text]") is None


def test_a_withdrawn_point_keeps_the_members_reason(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    sign_in(people.member)
    client.post(
        f"/contributions/{point.id}/withdraw-mine",
        data={"withdraw_reason": "I said it in the meeting instead."},
    )
    [kept] = _versions(db)
    assert kept.reason == "I said it in the meeting instead."
    [told] = [s for s in seen_by(db, people.commissioner) if "Withdrawn" in s.subject]
    assert "Why: I said it in the meeting instead." in told.body
    with pytest.raises(DomainError):
        corrections.edit_own(db, load_viewer(db, people.member), point, text=NEW)


@pytest.mark.parametrize("who", ["other_member", "convenor", "commissioner", "stranger"])
def test_nobody_else_can_change_or_withdraw_a_members_point(client, db, sign_in, who):
    people = People(db)
    point = _point(db, people)
    if who == "stranger":
        person = make_commissioner(db, make_organisation(db), name="Sam Elsewhere")
    else:
        person = getattr(people, who)
    sign_in(person)
    assert client.get(f"/contributions/{point.id}/change").status_code == 404
    assert client.post(f"/contributions/{point.id}/change", data={"text": NEW}).status_code == 404
    gone = client.post(f"/contributions/{point.id}/withdraw-mine", data={"withdraw_reason": ""})
    assert gone.status_code == 404
    assert _versions(db) == []
    assert point.text == OLD and point.withdrawn_at is None
    with pytest.raises(NotAllowed):
        corrections.edit_own(db, load_viewer(db, person), point, text=NEW)


def test_a_visitor_is_sent_to_sign_in_and_nothing_is_stored(client, db):
    people = People(db)
    point = _point(db, people)
    assert client.get(f"/contributions/{point.id}/change").status_code == 302
    assert client.post(f"/contributions/{point.id}/change", data={"text": NEW}).status_code == 302
    gone = client.post(f"/contributions/{point.id}/withdraw-mine", data={"withdraw_reason": ""})
    assert gone.status_code == 302
    assert _versions(db) == []
    assert point.text == OLD and point.withdrawn_at is None


def test_the_point_page_offers_the_member_a_way_to_change_it(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    sign_in(people.member)
    link = client.get(f"/contributions/{point.id}").soup.find(
        "a", string="Change or withdraw your point"
    )
    assert link["href"] == f"/contributions/{point.id}/change"
    sign_in(people.other_member)
    page = client.get(f"/contributions/{point.id}").soup
    assert page.find("a", string="Change or withdraw your point") is None


def test_easy_read_change_page(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    people.member.easy_read = True
    db.flush()
    sign_in(people.member)
    page = client.get(f"/contributions/{point.id}/change")
    assert page.status_code == 200
    assert "You can change your words until someone answers." in page.soup.text


def test_a_withdrawn_point_takes_no_more_answers(client, db, sign_in):
    people = People(db)
    point = _point(db, people)
    corrections.withdraw(db, load_viewer(db, people.member), point, reason="")
    sign_in(people.commissioner)
    page = client.get(f"/contributions/{point.id}")
    assert page.soup.select_one("form[action$='/answers']") is None
    refused = client.post(
        f"/contributions/{point.id}/answers",
        data={"status": "considering", "answer": "We are looking at it."},
    )
    assert refused.status_code == 400
    assert "withdrawn, so it takes no more answers" in refused.get_data(as_text=True)
    db.expire_all()
    assert point.first_answered_at is None
