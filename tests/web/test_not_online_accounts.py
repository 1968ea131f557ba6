"""Supported accounts: a convenor makes an account for a member with no email, with their
consent recorded; the member is a full member and can take the account over later."""

from __future__ import annotations

from forum_site.models import Membership, User
from forum_site.services.viewer import load_viewer
from tests.factories import make_user
from tests.factories_meetings import make_meeting
from tests.web.not_online_helpers import account_of, forum_with_convenor, make_supported


def test_convenor_makes_an_account_with_consent_recorded(client, sign_in, db):
    forum, convenor = forum_with_convenor(db)
    user_id = make_supported(
        client, sign_in, forum, convenor, reach_by="post", postal_address="3 Mill Lane\nRiverside"
    )
    user = db.get(User, user_id)
    assert user.email is None and user.display_name == "Sam Supported"
    account = account_of(db, user_id)
    assert (account.consent_from, account.consent_how, account.recorded_by_id) == (
        "Sam themselves",
        "in_person",
        convenor.id,
    )
    assert account.consent_at is not None and account.reach_by == "post"
    assert load_viewer(db, user).is_member(forum.id)
    page = client.get(f"/forums/{forum.slug}/not-online/people/{user_id}")
    text = page.soup.get_text(" ", strip=True)
    assert "Sam themselves agreed (In person)" in text and "Written down by Cal Convenor" in text
    hub = client.get(f"/forums/{forum.slug}/not-online").soup.get_text(" ", strip=True)
    assert "Sam Supported" in hub and "No card yet." in hub


def test_no_account_without_consent_and_typed_words_are_kept(client, sign_in, db):
    forum, convenor = forum_with_convenor(db)
    sign_in(convenor)
    response = client.post(
        f"/forums/{forum.slug}/not-online/new",
        data={
            "name": "Pat Paper",
            "reach_by": "post",
            "consent_from": "Pat",
            "consent_how": "phone",
        },
    )
    assert response.status_code == 200
    summary = response.soup.select_one(".error-summary").get_text(" ", strip=True)
    assert "Enter the address we post letters to." in summary
    assert response.soup.select_one("#name")["value"] == "Pat Paper"
    response = client.post(
        f"/forums/{forum.slug}/not-online/new",
        data={
            "name": "Pat Paper",
            "reach_by": "convenor",
            "consent_from": "Pat",
            "consent_how": "phone",
        },
    )
    assert (
        "Tick the box to show the person agreed" in response.soup.select_one(".error-summary").text
    )
    assert db.query(User).filter_by(display_name="Pat Paper").count() == 0


def test_only_convenors_make_supported_accounts(client, sign_in, db):
    forum, _convenor = forum_with_convenor(db)
    member = make_user(db)
    db.add(Membership(forum_id=forum.id, user_id=member.id))
    sign_in(member)
    assert client.get(f"/forums/{forum.slug}/not-online/new").status_code == 403
    assert client.get(f"/forums/{forum.slug}/not-online").status_code == 403


def test_convenor_replies_to_a_meeting_for_them(client, sign_in, db):
    forum, convenor = forum_with_convenor(db)
    user_id = make_supported(client, sign_in, forum, convenor)
    meeting = make_meeting(db, forum)
    person = client.get(f"/forums/{forum.slug}/not-online/people/{user_id}")
    link = person.soup.select_one(f"a[href='/meetings/{meeting.id}/reply-for/{user_id}']")
    assert link is not None
    saved = client.post(link["href"], data={"answer": "going", "large_print": "y"})
    assert saved.status_code == 303
    from forum_site.models.meetings import MeetingReply

    reply = db.query(MeetingReply).filter_by(meeting_id=meeting.id, user_id=user_id).one()
    assert reply.answer == "going" and reply.large_print
