"""Forums: listing, private forums hidden, joining, approving, invitations, members."""

import re

from sqlalchemy import select

from forum_site.models import InboxMessage, JoinRequest, JoinStatus, Membership, Role
from tests.factories import make_commissioner, make_forum, make_organisation, make_user


def test_forum_page_says_who_convenes_and_who_pays(client, db):
    forum = make_forum(
        db, name="Carers Voice", convened_by="Carers Centre", convenor_funded_by="The council"
    )
    text = client.get(f"/forums/{forum.slug}").get_data(as_text=True)
    assert "Carers Centre" in text
    assert "The council" in text


def test_private_forum_is_invisible_to_outsiders(client, db, sign_in):
    member = make_user(db)
    forum = make_forum(db, name="Hidden Circle", private=True, members=[member])
    outsider = make_user(db)
    for who in (None, outsider):
        if who:
            sign_in(who)
        assert "Hidden Circle" not in client.get("/forums").get_data(as_text=True)
        assert "Hidden Circle" not in client.get("/").get_data(as_text=True)
        page = client.get(f"/forums/{forum.slug}")
        assert page.status_code == 404
        assert "Hidden Circle" not in page.get_data(as_text=True)
        assert client.get(f"/forums/{forum.slug}/members").status_code in (302, 404)
        assert client.get(f"/forums/{forum.slug}/join").status_code in (302, 404)
    # A missing forum and a private one look exactly the same.
    missing = client.get("/forums/no-such-forum").get_data(as_text=True)
    hidden = client.get(f"/forums/{forum.slug}").get_data(as_text=True)
    strip = lambda html: re.sub(r'content="[^"]+"|value="[^"]+"', "", html)  # noqa: E731
    assert strip(missing) == strip(hidden)


def test_private_forum_is_visible_to_members_and_linked_commissioners(client, db, sign_in, app):
    council = make_organisation(db)
    member = make_user(db)
    forum = make_forum(
        db, name="Hidden Circle", private=True, members=[member], organisations=[council]
    )
    sign_in(member)
    assert client.get(f"/forums/{forum.slug}").status_code == 200
    commissioner = make_commissioner(db, council)
    other = sign_in(commissioner, target=app.test_client())
    assert other.get(f"/forums/{forum.slug}").status_code == 200
    # Commissioners see the forum's work, not the list of members' names.
    assert other.get(f"/forums/{forum.slug}/members").status_code == 403


def test_join_request_then_convenor_approves(client, db, sign_in, app, outbox):
    convenor = make_user(db, name="Grace Convenor", email="grace@example.org")
    forum = make_forum(db, convenors=[convenor])
    newcomer = make_user(db, name="Jess Newcomer")
    sign_in(newcomer)
    page = client.post(f"/forums/{forum.slug}/join", data={"message": "I use the day centre."})
    assert page.status_code == 303
    assert "You asked to join" in client.get(f"/forums/{forum.slug}").get_data(as_text=True)
    # Asking twice is a safe no-op.
    client.post(f"/forums/{forum.slug}/join", data={"message": "again"})
    assert len(db.scalars(select(JoinRequest).where(JoinRequest.forum_id == forum.id)).all()) == 1
    assert outbox()[-1].to_address == "grace@example.org"

    convenor_client = sign_in(convenor, target=app.test_client())
    listing = convenor_client.get(f"/forums/{forum.slug}/requests")
    assert "Jess Newcomer" in listing.get_data(as_text=True)
    assert "I use the day centre." in listing.get_data(as_text=True)
    join = db.scalar(select(JoinRequest).where(JoinRequest.forum_id == forum.id))
    answer = convenor_client.post(
        f"/forums/{forum.slug}/requests/{join.id}",
        data={"decision": "approve", "reply": "Welcome!"},
    )
    assert answer.status_code == 303
    membership = db.scalar(select(Membership).where(Membership.user_id == newcomer.id))
    assert membership.role == Role.MEMBER
    db.expire_all()
    message = db.scalar(select(InboxMessage).where(InboxMessage.user_id == newcomer.id))
    assert "You are now a member" in message.subject
    assert "Welcome!" in message.body
    assert "You are a member" in client.get(f"/forums/{forum.slug}").get_data(as_text=True)


def test_convenor_declines_with_a_message(client, db, sign_in):
    convenor = make_user(db)
    forum = make_forum(db, convenors=[convenor])
    newcomer = make_user(db)
    join = JoinRequest(forum_id=forum.id, user_id=newcomer.id)
    db.add(join)
    db.flush()
    sign_in(convenor)
    client.post(
        f"/forums/{forum.slug}/requests/{join.id}",
        data={"decision": "decline", "reply": "This forum is for carers."},
    )
    db.expire_all()
    assert db.get(JoinRequest, join.id).status == JoinStatus.DECLINED
    assert db.scalar(select(Membership).where(Membership.user_id == newcomer.id)) is None


def test_deciding_without_choosing_shows_an_error(client, db, sign_in):
    convenor = make_user(db)
    forum = make_forum(db, convenors=[convenor])
    join = JoinRequest(forum_id=forum.id, user_id=make_user(db).id)
    db.add(join)
    db.flush()
    sign_in(convenor)
    page = client.post(f"/forums/{forum.slug}/requests/{join.id}", data={"reply": "kept text"})
    assert page.status_code == 400
    assert "Choose yes or no." in page.soup.select_one(".error-summary").get_text()
    assert page.soup.select_one(f"#r{join.id}-reply").get_text() == "kept text"
    # the summary's link goes to the first choice, which can take focus (a fieldset cannot)
    link = page.soup.select_one(".error-summary a")["href"]
    assert page.soup.select_one(link).name == "input"


def test_members_cannot_approve_requests_or_see_the_request_list(client, db, sign_in):
    member = make_user(db)
    forum = make_forum(db, members=[member])
    join = JoinRequest(forum_id=forum.id, user_id=make_user(db).id)
    db.add(join)
    db.flush()
    sign_in(member)
    assert client.get(f"/forums/{forum.slug}/requests").status_code == 403
    page = client.post(f"/forums/{forum.slug}/requests/{join.id}", data={"decision": "approve"})
    assert page.status_code == 403
    db.expire_all()
    assert db.get(JoinRequest, join.id).status == JoinStatus.WAITING


def test_invitation_by_email_lets_the_person_join_once(client, db, sign_in, app, outbox):
    convenor = make_user(db)
    forum = make_forum(db, name="Positive Voices", private=True, convenors=[convenor])
    convenor_client = sign_in(convenor, target=app.test_client())
    page = convenor_client.post(
        f"/forums/{forum.slug}/invite", data={"email": "friend@example.org"}
    )
    assert page.status_code == 303
    link = re.search(r"http://localhost(/invitations/\S+)", outbox()[-1].body_text).group(1)
    friend = make_user(db, email="friend@example.org")
    sign_in(friend)
    assert "Join Positive Voices" in client.get(link).get_data(as_text=True)
    assert client.post(link).status_code == 303
    assert client.get(f"/forums/{forum.slug}").status_code == 200
    assert client.get(link).status_code == 404


def test_invite_form_rejects_a_bad_email(client, db, sign_in):
    convenor = make_user(db)
    forum = make_forum(db, convenors=[convenor])
    sign_in(convenor)
    page = client.post(f"/forums/{forum.slug}/invite", data={"email": "not an email"})
    assert "like name@example.com" in page.soup.select_one(".error-summary").get_text()
    assert page.soup.select_one("#email")["value"] == "not an email"


def test_invite_form_says_an_address_is_too_long_in_the_readers_words(client, db, sign_in):
    """WTForms fills a Length message in with %: a lazily translated message must allow it."""
    convenor = make_user(db)
    forum = make_forum(db, convenors=[convenor])
    sign_in(convenor)
    long_address = "a" * 250 + "@example.org"
    page = client.post(f"/forums/{forum.slug}/invite", data={"email": long_address})
    assert page.status_code == 200
    assert "like name@example.com" in page.soup.select_one(".error-summary").get_text()
    assert page.soup.select_one("#email")["value"] == long_address


def test_convenor_makes_a_member_a_convenor_and_removes_another(client, db, sign_in):
    convenor = make_user(db)
    helper, leaver = make_user(db, name="Helper"), make_user(db, name="Leaver")
    forum = make_forum(db, convenors=[convenor], members=[helper, leaver])
    sign_in(convenor)
    memberships = {
        m.user_id: m for m in db.scalars(select(Membership).where(Membership.forum_id == forum.id))
    }
    client.post(
        f"/forums/{forum.slug}/members/{memberships[helper.id].id}/role", data={"role": "convenor"}
    )
    client.post(f"/forums/{forum.slug}/members/{memberships[leaver.id].id}/remove")
    db.expire_all()
    assert db.get(Membership, memberships[helper.id].id).role == Role.CONVENOR
    assert db.scalar(select(Membership).where(Membership.user_id == leaver.id)) is None


def test_only_admins_set_up_forums(client, db, sign_in, app):
    sign_in(make_user(db))
    assert client.get("/forums/new").status_code == 403
    admin_client = sign_in(make_user(db, admin=True), target=app.test_client())
    page = admin_client.post(
        "/forums/new",
        data={"name": "Parents Together", "description": "For parents of disabled children."},
    )
    assert page.status_code == 303
    assert "Parents Together" in admin_client.get(page.headers["Location"]).get_data(as_text=True)
    again = admin_client.post(
        "/forums/new", data={"name": "Parents Together", "description": "Again"}
    )
    assert "already a forum" in again.soup.select_one(".error-summary").get_text()


def test_forum_list_runs_the_same_queries_for_few_and_many_forums(client, db, count_queries):
    make_forum(db)
    with count_queries() as few:
        client.get("/forums")
    for _ in range(15):
        make_forum(db, members=[make_user(db)])
    with count_queries() as many:
        client.get("/forums")
    assert len(many) == len(few)
