"""The site-wide easy-read mode: the switch, the menu with pictures, short sentences on
the core pages, hidden pictures, and the page about the pictures."""

from __future__ import annotations

import pytest

from tests.factories import make_forum, make_user
from tests.web.easy_read_sentences import easy_read_on, long_sentences, main_sentences


@pytest.fixture
def forum(db):
    return make_forum(db, name="Riverside Voices")


def _visitor_pages(forum) -> list[str]:
    return [
        "/",
        "/forums",
        f"/forums/{forum.slug}",
        "/sign-in",
        "/register",
        "/password/forgot",
        "/accessibility",
        "/settings",
        "/about-the-pictures",
    ]


def _member_pages(forum) -> list[str]:
    return [
        "/account",
        "/account/password",
        "/inbox",
        f"/forums/{forum.slug}/join",
        f"/forums/{forum.slug}/members",
        f"/forums/{forum.slug}/requests",
        f"/forums/{forum.slug}/invite",
    ]


def _switch_keeps_the_page(client, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, url
    switch = page.soup.select_one("form.easy-read-switch")
    assert switch.select_one("input[name=next]")["value"] == url
    assert switch.select_one("button svg"), "the switch has a picture"
    was_on = "easy-read" in page.soup.body["class"]
    moved = client.post("/settings/easy-read", data={"next": url})
    assert moved.status_code == 303
    assert moved.headers["Location"] == url
    again = client.get(url)
    assert ("easy-read" in again.soup.body["class"]) is not was_on, url
    label = "Easy read: off" if was_on else "Easy read: on"
    assert label in again.soup.select_one("form.easy-read-switch button").get_text(" ", strip=True)


def test_switch_on_every_core_page_keeps_the_visitor_there(client, db, forum):
    for url in _visitor_pages(forum):
        _switch_keeps_the_page(client, url)  # on
        _switch_keeps_the_page(client, url)  # and off again


def test_switch_on_signed_in_pages_is_stored_in_the_account(client, db, forum, sign_in):
    convenor = make_user(db, name="Dee Convenor")
    make_forum(db)  # another forum, so lists are not trivially one item
    forum_with_convenor = make_forum(db, name="Hilltop Group", convenors=[convenor])
    sign_in(convenor)
    for url in _member_pages(forum_with_convenor):
        _switch_keeps_the_page(client, url)
        _switch_keeps_the_page(client, url)
    client.post("/settings/easy-read", data={"next": "/"})
    db.expire_all()
    assert db.get(type(convenor), convenor.id).easy_read is True


def test_easy_read_menu_is_a_list_with_a_picture_and_words_for_each_item(client, db):
    easy_read_on(client)
    page = client.get("/")
    items = page.soup.select("nav.main-nav .er-nav li")
    labels = [li.select_one("a").get_text(" ", strip=True) for li in items]
    assert labels[:2] == ["Home", "Forums"]
    assert "Sign in" in labels and "Make an account" in labels
    for li in items:
        picture = li.select_one("svg")
        assert picture["role"] == "img" and picture["aria-label"].strip()


def test_normal_menu_has_no_pictures(client, db):
    page = client.get("/")
    assert page.soup.select("nav.main-nav a")
    assert not page.soup.select("nav.main-nav svg")


def test_hide_pictures_hides_them_everywhere(client, db, forum, sign_in):
    easy_read_on(client, hide_pictures=True)
    for url in ["/", "/forums", f"/forums/{forum.slug}", "/sign-in", "/no-such-page"]:
        page = client.get(url)
        assert page.soup.select("nav.main-nav .er-nav li a"), url
        assert not page.soup.select("nav svg"), url
        assert not page.soup.select("main svg"), url
        assert not page.soup.select("main .er-picture"), url


@pytest.mark.parametrize("kind", ["home", "forum", "sign_in", "error"])
def test_easy_read_core_pages_use_short_sentences(client, db, forum, kind):
    easy_read_on(client)
    url = {
        "home": "/",
        "forum": f"/forums/{forum.slug}",
        "sign_in": "/sign-in",
        "error": "/no-such-page",
    }[kind]
    page = client.get(url)
    assert "easy-read" in page.soup.body["class"]
    sentences = main_sentences(page.soup)
    assert len(sentences) >= 3, sentences
    assert long_sentences(page.soup) == []
    rows = page.soup.select("main .er-row")
    assert len(rows) >= 3
    assert all(
        row.select_one(".er-picture svg[role=img]") for row in rows if "er-point" in row["class"]
    )


def test_normal_home_page_is_not_the_easy_read_one(client, db, forum):
    page = client.get("/")
    assert not page.soup.select("main .er-row")
    assert long_sentences(page.soup), "the standard page has longer sentences"


def test_forum_description_is_made_easy_with_hard_words_kept_whole(client, db):
    forum = make_forum(db, name="Canal Side Forum")
    forum.description = (
        "We meet every month to talk about day services, transport and housing, and "
        "we tell the council what members think about the changes it plans to make."
    )
    db.flush()
    easy_read_on(client)
    page = client.get(f"/forums/{forum.slug}")
    text = page.soup.find("main").get_text(" ", strip=True)
    for word in ["month", "transport", "housing", "council"]:
        assert word in text
    assert long_sentences(page.soup) == []


def test_sign_in_error_in_easy_read_has_a_picture_and_plain_words(client, db):
    easy_read_on(client)
    page = client.post("/sign-in", data={"email": "", "password": ""})
    summary = page.soup.select_one(".er-error-summary")
    assert summary["role"] == "alert"
    assert summary.select_one("svg[role=img]")
    assert "Something is not right" in summary.get_text()
    assert summary.select_one("a")["href"] == "#email"


def test_easy_read_pages_load_the_easy_read_styles(client, db):
    easy_read_on(client)
    links = [
        link["href"].split("?")[0] for link in client.get("/").soup.select("link[rel=stylesheet]")
    ]
    assert "/static/easyread/easyread.css" in links
    assert "/static/css/easy-read.css" in links
    css = client.get("/static/easyread/easyread.css")
    assert css.status_code == 200 and b".er-row" in css.data
    site_css = client.get("/static/css/easy-read.css").get_data(as_text=True)
    assert "font-size: 1.3125rem" in site_css and "line-height: 1.6" in site_css


def test_pictures_page_lists_every_set_with_its_licence_and_author(client, db):
    page = client.get("/about-the-pictures")
    text = page.soup.find("main").get_text(" ", strip=True)
    for words in ["Health Icons", "Fluent Emoji Flat", "Microsoft Corporation", "MIT"]:
        assert words in text
    licence_links = [a["href"] for a in page.soup.select("main a")]
    assert "https://github.com/microsoft/fluentui-emoji/blob/main/LICENSE" in licence_links
    pictures = page.soup.select("main .er-picture-grid img")
    assert len(pictures) == 239
    assert client.get(pictures[0]["src"]).mimetype == "image/svg+xml"
    assert "About the pictures" in client.get("/").soup.select_one("footer").get_text()


def test_pictures_page_has_an_easy_read_version(client, db):
    easy_read_on(client)
    page = client.get("/about-the-pictures")
    assert page.soup.select("main .er-row")
    assert "The licence is MIT" in page.soup.find("main").get_text("", strip=False)
    assert long_sentences(page.soup) == []


def test_unknown_picture_file_is_not_found(client, db):
    assert client.get("/easy-read/pictures/not-a-picture.svg").status_code == 404


def test_an_expired_form_error_page_is_easy_read_too(client, db):
    """A CSRF failure is raised before the reading settings load; the page still follows them."""
    easy_read_on(client)
    page = client.post("/sign-in", data={"csrf_token": "wrong", "email": "a@b.c"})
    assert page.status_code == 400
    assert "easy-read" in page.soup.body["class"]
    assert page.soup.select("main .er-row")


def test_admin_and_test_pages_have_easy_read_versions(client, db, sign_in):
    admin = make_user(db, admin=True)
    sign_in(admin)
    client.post("/settings/easy-read", data={"next": "/"})
    for url in ["/forums/new", "/dev/outbox"]:
        page = client.get(url)
        assert page.soup.select("main .er-row"), url
        assert long_sentences(page.soup) == [], url
    new_forum = client.post("/forums/new", data={"name": ""})
    assert new_forum.soup.select_one(".er-error-summary")


def test_hide_pictures_also_hides_pictures_other_areas_draw(client, db):
    from forum_site.web.preferences import COOKIE_NAME

    client.set_cookie(COOKIE_NAME, "hide_pictures=True")
    page = client.get("/")
    assert "no-pictures" in page.soup.body["class"]
    assert "/static/css/easy-read.css" in [
        link["href"].split("?")[0] for link in page.soup.select("link[rel=stylesheet]")
    ]
    css = client.get("/static/css/easy-read.css").get_data(as_text=True)
    assert "body.no-pictures svg.picture" in css and "body.no-pictures .er-picture" in css
    assert not page.soup.select("svg"), "the switch picture is left out too"
