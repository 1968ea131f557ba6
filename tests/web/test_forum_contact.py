"""How to contact a forum: its convenors set a phone, an email and an address for letters;
the forum's page shows them in both reading modes (and every PDF ends with them:
test_pdfs_documents.py). Bad input is shown back with what to fix; others cannot change it."""

from __future__ import annotations

import pytest

from forum_site.models import Forum
from tests.factories import make_forum, make_user
from tests.factories_meetings import text_of

GOOD = {
    "phone": "01632 960 123",
    "email": "voice@people-first.example.org",
    "address": "People First\n14 Mill Lane\nNorthbridge NB2 4QT",
}


@pytest.fixture
def world(db):
    convenor, member = make_user(db, name="Cal Convenor"), make_user(db)
    forum = make_forum(db, members=[member], convenors=[convenor])
    return forum, convenor, member


def test_the_convenor_sets_it_and_members_read_it_in_both_modes(client, db, sign_in, world):
    forum, convenor, member = world
    sign_in(convenor)
    saved = client.post(f"/forums/{forum.slug}/contact", data=GOOD)
    assert saved.status_code == 303 and saved.headers["Location"].endswith("#contact")
    db.expire_all()
    stored = db.get(Forum, forum.id)
    assert stored.contact_address == "People First\n14 Mill Lane\nNorthbridge NB2 4QT"
    client.post("/sign-out")
    sign_in(member)
    page = client.get(f"/forums/{forum.slug}")
    shown = text_of(page)
    assert "How to contact the forum" in shown and "01632 960 123" in shown
    # Left to right in every language, so "01632 960 123" never reads "123 960 01632".
    assert page.soup.select_one('a[href="tel:01632960123"]')["dir"] == "ltr"
    assert page.soup.select_one('a[href="mailto:voice@people-first.example.org"]')
    assert "Northbridge NB2 4QT" in shown
    assert "/contact" not in str(page.soup.select("main a"))  # not a convenor: no change link
    db.get(type(member), member.id).easy_read = True
    db.flush()
    easy = client.get(f"/forums/{forum.slug}")
    assert "You can phone the forum:" in text_of(easy) and "01632 960 123" in text_of(easy)


def test_mistakes_are_shown_next_to_the_fields_and_nothing_is_lost(client, db, sign_in, world):
    forum, convenor, _ = world
    sign_in(convenor)
    page = client.post(
        f"/forums/{forum.slug}/contact",
        data={**GOOD, "phone": "ring me", "email": "not an address"},
    )
    assert page.status_code == 400
    summary = page.soup.select_one(".error-summary").get_text()
    assert "Enter a phone number, for example 01632 960 123." in summary
    assert "Enter an email address like name@example.com." in summary
    assert page.soup.select_one("#phone")["value"] == "ring me"
    assert "14 Mill Lane" in page.soup.select_one("#address").get_text()
    db.expire_all()
    assert db.get(Forum, forum.id).contact_phone == ""


def test_members_and_outsiders_cannot_change_it(client, db, sign_in, world):
    forum, _, member = world
    sign_in(member)
    assert client.get(f"/forums/{forum.slug}/contact").status_code == 403
    assert client.post(f"/forums/{forum.slug}/contact", data=GOOD).status_code == 403
    db.expire_all()
    assert db.get(Forum, forum.id).contact_phone == ""


def test_empty_details_are_allowed_and_the_page_then_says_nothing(client, db, sign_in, world):
    forum, convenor, _ = world
    sign_in(convenor)
    client.post(f"/forums/{forum.slug}/contact", data=GOOD)
    cleared = client.post(
        f"/forums/{forum.slug}/contact", data={"phone": "", "email": "", "address": ""}
    )
    assert cleared.status_code == 303
    page = client.get(f"/forums/{forum.slug}")
    assert page.soup.select_one("#contact") is None
    db.expire_all()
    assert db.get(Forum, forum.id).contact_email == ""


@pytest.mark.parametrize(
    "address",
    ["name@example..org", "name@-example.org", "two@signs@example.org", "name@example"],
)
def test_the_form_and_the_service_refuse_the_same_addresses(db, app, world, address):
    """One rule for an email address: what the form lets through, the service keeps."""
    from forum_site.services import forums
    from forum_site.services.errors import DomainError
    from forum_site.services.viewer import load_viewer
    from forum_site.web.forums.forms import ForumContactForm

    forum, convenor, _ = world
    with app.test_request_context(method="POST", data={"email": address}):
        form = ForumContactForm(meta={"csrf": False})
        assert not form.validate() and "email" in form.errors
    with pytest.raises(DomainError) as refused:
        forums.set_contact(
            db, load_viewer(db, convenor), forum, forums.ContactDetails(email=address)
        )
    assert refused.value.field == "email"
    forums.set_contact(db, load_viewer(db, convenor), forum, forums.ContactDetails(email="a@b.org"))
    assert db.get(Forum, forum.id).contact_email == "a@b.org"
