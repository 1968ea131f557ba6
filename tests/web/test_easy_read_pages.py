"""One place chooses a page's easy-read version (web/easy_read/pages.py): what a person
sees on a page in each reading mode, its title, its form mistakes and the parts htmx
asks for."""

from __future__ import annotations

import pytest
from flask import g

from forum_site.web.easy_read import pages
from forum_site.web.preferences import Preferences
from tests.factories import make_forum, make_user
from tests.web.easy_read_sentences import easy_read_on

HTMX = {"HX-Request": "true"}


@pytest.fixture
def convenor_of(db, client, sign_in):
    """A signed-in convenor of Riverside Voices, reading easy read or not."""

    def _sign_in(easy_read: bool):
        convenor = make_user(db, name="Dee Convenor")
        forum = make_forum(db, name="Riverside Voices", convenors=[convenor])
        sign_in(convenor)
        if easy_read:
            client.post("/settings/easy-read", data={"next": "/"})
        return forum

    return _sign_in


def _main_text(page) -> str:
    return page.soup.find("main").get_text(" ", strip=True)


@pytest.mark.parametrize("easy_read", [False, True], ids=["standard", "easy read"])
def test_the_join_page_in_each_reading_mode(client, db, sign_in, easy_read):
    forum = make_forum(db, name="Riverside Voices")
    sign_in(make_user(db))
    if easy_read:
        client.post("/settings/easy-read", data={"next": "/"})
    page = client.get(f"/forums/{forum.slug}/join")
    assert page.soup.find("h1").get_text(strip=True) == "Ask to join Riverside Voices"
    assert page.soup.title.get_text().startswith("Ask to join Riverside Voices")
    assert page.soup.select_one(f"main form[action='/forums/{forum.slug}/join'] textarea")
    assert bool(page.soup.select("main .er-page .er-row")) == easy_read
    standard_words = "The forum's convenor will read your request and answer."
    assert (standard_words in _main_text(page)) is not easy_read
    assert ("They will read your request." in _main_text(page)) == easy_read


@pytest.mark.parametrize("easy_read", [False, True], ids=["standard", "easy read"])
def test_an_invitation_with_a_bad_address_says_so_in_each_mode(client, convenor_of, easy_read):
    forum = convenor_of(easy_read)
    page = client.post(f"/forums/{forum.slug}/invite", data={"email": "not an email"})
    summary = page.soup.select_one(".error-summary")
    assert "like name@example.com" in summary.get_text()
    assert ("er-error-summary" in summary["class"]) == easy_read
    assert page.soup.select_one("#email")["value"] == "not an email"


@pytest.mark.parametrize("easy_read", [False, True], ids=["standard", "easy read"])
def test_the_members_page_keeps_its_total_and_pager_in_both_modes(client, convenor_of, easy_read):
    forum = convenor_of(easy_read)
    page = client.get(f"/forums/{forum.slug}/members")
    assert page.soup.select_one("p.list-total#members").get_text(strip=True) == "1 member."
    assert bool(page.soup.select("main table")) is not easy_read
    rows = page.soup.select("main .er-list .er-row")
    assert bool(rows) == easy_read
    assert "Dee Convenor" in _main_text(page)


def test_htmx_gets_the_easy_read_error_message_from_the_easy_read_page(client, db):
    easy_read_on(client)
    whole = client.get("/no-such-page")
    assert whole.soup.select_one("main .er-page h1").get_text(strip=True) == "Page not found"
    part = client.get("/no-such-page", headers=HTMX)
    assert part.status_code == 404
    assert part.soup.select_one(".er-page h2").get_text(strip=True) == "Page not found"
    assert "We cannot find this page." in part.soup.get_text(" ", strip=True)
    assert not part.soup.find("html")


def test_the_choice_in_each_reading_mode(app):
    """The easy-read version when there is one; a block htmx asks for comes from it only
    when it words that block (the next page of messages is the same in both modes)."""
    with app.test_request_context("/"):
        g.prefs = Preferences(easy_read=False)
        assert pages.template_for("forums/join.html") == "forums/join.html"
        g.prefs = Preferences(easy_read=True)
        assert pages.template_for("forums/join.html") == "easy_read/pages/forums/join.html"
        assert pages.template_for("forums/contact.html") == "forums/contact.html"
        assert pages.template_with_block("inbox/index.html", "messages_page") == "inbox/index.html"
        message = pages.template_with_block("errors/error.html", "message")
        assert message == "easy_read/pages/errors/error.html"
