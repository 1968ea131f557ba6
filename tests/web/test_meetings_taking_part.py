"""Members replying with access needs, sending questions, and reviewing meetings."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models.meetings import MeetingQuestion, MeetingReply, MeetingReview, ReplyAnswer
from tests.factories_meetings import (
    HTMX,
    People,
    fragment_text,
    make_meeting,
    make_question,
    make_reply,
    make_review,
    text_of,
)


def test_member_replies_with_access_needs(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    response = client.post(
        f"/meetings/{meeting.id}/reply",
        data={
            "answer": "going",
            "bsl_interpreter": "y",
            "easy_read_papers": "y",
            "language": "Polish",
            "other_needs": "A seat near the door",
        },
    )
    assert response.status_code == 303
    reply = db.scalar(select(MeetingReply).where(MeetingReply.user_id == people.member.id))
    assert reply.answer == ReplyAnswer.GOING
    assert reply.bsl_interpreter and reply.easy_read_papers and not reply.large_print
    assert reply.language == "Polish" and reply.other_needs == "A seat near the door"
    page = client.get(f"/meetings/{meeting.id}")
    assert "Your reply: Going" in text_of(page)
    assert page.soup.select_one("#bsl_interpreter").has_attr("checked")
    # what was saved is said in words, also in easy read where the form starts again
    asked = [li.get_text() for li in page.soup.select("#reply .my-needs li")]
    assert "Papers or an interpreter in another language: Polish" in asked, asked
    assert len(asked) == 4, asked


def test_reply_again_replaces_the_first(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    client.post(f"/meetings/{meeting.id}/reply", data={"answer": "going"})
    client.post(f"/meetings/{meeting.id}/reply", data={"answer": "not_going"})
    replies = db.scalars(select(MeetingReply).where(MeetingReply.meeting_id == meeting.id)).all()
    assert [r.answer for r in replies] == [ReplyAnswer.NOT_GOING]


def test_reply_with_htmx_returns_only_the_reply_section(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    response = client.post(f"/meetings/{meeting.id}/reply", data={"answer": "maybe"}, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="reply"') and "<h1" not in html
    assert "Your reply: Maybe" in fragment_text(response)
    assert 'data-announce="Thank you. Your reply is saved."' in html


def test_reply_without_an_answer_keeps_what_was_ticked(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    page = client.post(
        f"/meetings/{meeting.id}/reply", data={"large_print": "y", "language": "Urdu"}
    )
    assert page.status_code == 400
    assert "Choose going, not going or maybe." in text_of(page)
    assert page.soup.select_one("#large_print").has_attr("checked")
    assert page.soup.select_one("#language")["value"] == "Urdu"


def test_only_members_can_reply(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    for person in (people.outsider, people.commissioner):
        sign_in(person)
        assert (
            client.post(f"/meetings/{meeting.id}/reply", data={"answer": "going"}).status_code
            == 403
        )
    assert db.scalar(select(MeetingReply).where(MeetingReply.meeting_id == meeting.id)) is None


def test_convenor_sees_totals_names_and_needs_members_see_only_their_own(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    make_reply(db, meeting, people.member, bsl_interpreter=True)
    make_reply(db, meeting, people.other_member, ReplyAnswer.MAYBE, large_print=True)
    sign_in(people.convenor)
    text = text_of(client.get(f"/meetings/{meeting.id}"))
    assert "Going: 1. Maybe: 1. Not going: 0." in text
    assert "British Sign Language (BSL) interpreter: 1" in text
    prep = text_of(client.get(f"/meetings/{meeting.id}/prepare"))
    assert "Mo Member" in prep and "Olu Other" in prep
    assert "Large print copies: 1" in prep

    sign_in(people.other_member)
    text = text_of(client.get(f"/meetings/{meeting.id}"))
    assert "Going: 1" not in text and "Replies so far" not in text
    assert "Mo Member" not in text
    assert "Your reply: Maybe" in text
    assert client.get(f"/meetings/{meeting.id}/prepare").status_code == 403


def test_commissioner_sees_needs_counts_but_not_names(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    make_reply(db, meeting, people.member, support_worker=True)
    sign_in(people.commissioner)
    prep = text_of(client.get(f"/meetings/{meeting.id}/prepare"))
    assert "A support worker coming too" in prep
    assert "Mo Member" not in prep


def test_private_question_is_seen_only_by_author_and_convenor(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    response = client.post(
        f"/meetings/{meeting.id}/questions",
        data={"body": "Staff talk over us.", "who_sees": "convenor"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response.get_data(as_text=True).lstrip().startswith('<section id="questions"')
    assert "Only the convenor will see your question." in fragment_text(response)
    question = db.scalar(select(MeetingQuestion).where(MeetingQuestion.meeting_id == meeting.id))
    assert question.is_private
    make_question(db, meeting, people.other_member, body="When is lunch?")
    assert "Staff talk over us." in text_of(client.get(f"/meetings/{meeting.id}"))
    for person, sees in [
        (people.convenor, True),
        (people.other_member, False),
        (people.commissioner, False),
        (people.outsider, False),
    ]:
        sign_in(person)
        text = text_of(client.get(f"/meetings/{meeting.id}"))
        assert ("Staff talk over us." in text) is sees, person.display_name
        assert "When is lunch?" in text
    client.post("/sign-out")
    assert "Staff talk over us." not in text_of(client.get(f"/meetings/{meeting.id}"))


def test_question_errors_keep_the_text(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    page = client.post(f"/meetings/{meeting.id}/questions", data={"body": "q" * 2001})
    assert page.status_code == 400
    assert "up to 2000 characters" in text_of(page)
    assert page.soup.select_one("#body").get_text().strip() == "q" * 2001


def test_outsider_cannot_send_questions(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.outsider)
    assert client.post(f"/meetings/{meeting.id}/questions", data={"body": "Hi"}).status_code == 403
    assert db.scalar(select(MeetingQuestion)) is None


def test_member_reviews_a_past_meeting(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum, days_from_now=-2)
    sign_in(people.member)
    page = client.get(f"/meetings/{meeting.id}")
    assert len(page.soup.select("#review input[type=radio]")) == 6
    assert page.soup.select("#review svg.picture")  # the 3-point picture scale
    response = client.post(
        f"/meetings/{meeting.id}/review",
        data={"purpose_clear": "3", "listened_to": "1"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "Thank you for telling us." in fragment_text(response)
    review = db.scalar(select(MeetingReview).where(MeetingReview.user_id == people.member.id))
    assert (review.purpose_clear, review.listened_to) == (3, 1)


def test_review_needs_both_answers_and_a_started_meeting(client, db, sign_in):
    people = People(db)
    past = make_meeting(db, people.forum, days_from_now=-2)
    future = make_meeting(db, people.forum, days_from_now=5)
    sign_in(people.member)
    page = client.post(f"/meetings/{past.id}/review", data={"purpose_clear": "2"})
    assert page.status_code == 400
    assert "Choose yes, partly or no." in text_of(page)
    assert page.soup.select_one("#purpose_clear-1").has_attr("checked")  # "2" kept
    page = client.post(
        f"/meetings/{future.id}/review", data={"purpose_clear": "2", "listened_to": "2"}
    )
    assert page.status_code == 400
    assert db.scalar(select(MeetingReview)) is None


def test_review_results_over_time_on_the_forum_meetings_page(client, db):
    people = People(db)
    first = make_meeting(db, people.forum, title="January meeting", days_from_now=-60)
    second = make_meeting(db, people.forum, title="March meeting", days_from_now=-5)
    make_review(db, first, people.member, 1, 1)
    make_review(db, second, people.member, 3, 3)
    make_review(db, second, people.other_member, 3, 2)
    page = client.get(f"/forums/{people.forum.slug}/meetings")
    rows = page.soup.select(".review-table tbody tr")
    assert "January meeting" in rows[0].get_text() and "March meeting" in rows[1].get_text()
    cells = [" ".join(td.get_text(" ").split()) for td in rows[1].select("td")]
    assert cells == ["2 / 0 / 0", "1 / 1 / 0"]
    panel = client.get(f"/forums/{people.forum.slug}").soup.select_one(".meetings-panel")
    assert "March meeting" in panel.get_text()


def test_htmx_reply_with_a_mistake_returns_the_fragment_with_errors(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    sign_in(people.member)
    response = client.post(
        f"/meetings/{meeting.id}/reply", data={"language": "Somali"}, headers=HTMX
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert html.lstrip().startswith('<section id="reply"') and "<h1" not in html
    assert "Choose going, not going or maybe." in fragment_text(response)
    assert 'value="Somali"' in html


def test_public_meeting_visitors_see_how_to_take_part_but_no_forms(client, db, sign_in):
    people = People(db)
    meeting = make_meeting(db, people.forum)
    page = client.get(f"/meetings/{meeting.id}")
    assert "Sign in to reply" in text_of(page)
    assert not page.soup.select("form[action$='/reply'], form[action$='/questions']")
    sign_in(people.outsider)
    page = client.get(f"/meetings/{meeting.id}")
    assert "Members of this forum can reply" in text_of(page)
    assert not page.soup.select("form[action$='/reply'], form[action$='/questions']")
