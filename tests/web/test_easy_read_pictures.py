"""Easy-read pictures travel once (issue 20): a whole page carries each of its pictures
once and points at it with ``<use>``; a part that htmx fetches points at each picture's
file, kept for a year; the words for screen readers are unchanged, and PDFs still carry
the drawings themselves."""

from __future__ import annotations

import re

import pytest
from flask import Response
from markupsafe import Markup

from easyread.model import Document, Point, Section
from easyread.pictures import alt_text
from easyread.render import render_html
from forum_site.web.caching import ONE_YEAR
from forum_site.web.easy_read.pictures import carry_pictures, picture_svg
from tests.factories import make_forum
from tests.web.easy_read_sentences import easy_read_on

IN_PAGE = re.compile(r"^#page-picture-([\w-]+)$")
PICTURE_LINK = re.compile(r"^/easy-read/pictures/([\w-]+)\.svg\?v=[0-9a-f]{8}#picture$")


@pytest.fixture
def forum(db):
    return make_forum(db, name="Riverside Voices")


def _pictures(page) -> list:
    return [svg for svg in page.soup.select("svg") if svg.select_one("use")]


def test_a_page_carries_each_picture_once_however_often_it_shows_it(client, forum):
    easy_read_on(client)
    for url in ("/", "/forums", f"/forums/{forum.slug}"):
        page = client.get(url)
        shown = [IN_PAGE.match(svg.use["href"]) for svg in _pictures(page)]
        assert len(shown) >= 5 and all(shown), url
        (carried,) = page.soup.select("body > svg.page-pictures")
        assert carried["aria-hidden"] == "true"
        symbols = [s["id"] for s in carried.select("symbol")]
        assert sorted(symbols) == sorted({f"page-picture-{m.group(1)}" for m in shown}), url
        assert not page.soup.select("svg:not(.page-pictures) path"), f"a drawing copied in {url}"
        assert "/easy-read/pictures/" not in page.get_data(as_text=True)  # nothing to fetch


def test_a_part_fetched_with_htmx_points_at_the_picture_files(app, db):
    """The page it goes into may not carry those pictures."""
    with app.test_request_context(headers={"HX-Request": "true"}):
        part = str(picture_svg("hi-home", size=32))
        sent = carry_pictures(Response(f"<p>{part}</p></body>", mimetype="text/html"))
    link = re.search(r'<use href="([^"]+)"', sent.get_data(as_text=True)).group(1)
    assert PICTURE_LINK.match(link) and 'width="32"' in part


def test_each_picture_keeps_its_words_for_screen_readers(client, forum):
    easy_read_on(client)
    page = client.get("/")
    rows = page.soup.select("main .er-point .er-picture svg")
    assert rows
    for svg in rows:
        picture_id = IN_PAGE.match(svg.use["href"]).group(1)
        assert svg["role"] == "img" and svg["aria-label"] == alt_text(picture_id)
        assert svg["focusable"] == "false"
    decoration = page.soup.select("svg[aria-hidden=true]")
    assert decoration and all("role" not in svg.attrs for svg in decoration)


def test_a_picture_file_is_kept_for_a_year_and_opens_as_a_picture(app, client, db):
    with app.test_request_context():
        link = re.search(r'<use href="([^"#]+)', str(picture_svg("hi-home"))).group(1)
    response = client.get(link)
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    control = response.cache_control
    assert control.public and control.immutable and control.max_age == ONE_YEAR
    body = response.get_data(as_text=True)
    assert '<symbol id="picture" viewBox="0 0 ' in body and body.endswith(
        '<use href="#picture"/></svg>'
    )


def test_a_picture_file_without_its_fingerprint_is_checked_again(client, db):
    response = client.get("/easy-read/pictures/hi-home.svg")
    assert response.status_code == 200 and response.cache_control.no_cache
    assert 'fill="currentColor"' in response.get_data(as_text=True)  # takes the page's colour
    again = client.get(
        "/easy-read/pictures/hi-home.svg", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304
    assert client.get("/easy-read/pictures/hi-home.txt").status_code == 404


def test_a_picture_with_ids_of_its_own_is_still_copied_in(app):
    with app.test_request_context():
        copied = str(picture_svg("fe-teacher"))
        linked = str(picture_svg("hi-home", size=32))
    assert "<use" not in copied and "<path" in copied and 'aria-label="teacher"' in copied
    assert '<use href="/easy-read/pictures/hi-home.svg?v=' in linked and 'width="32"' in linked


def test_hidden_pictures_are_not_linked_either(client, forum):
    easy_read_on(client, hide_pictures=True)
    page = client.get(f"/forums/{forum.slug}")
    assert not page.soup.select("svg use")


def test_pdfs_keep_the_drawings_in_the_document():
    """WeasyPrint fetches nothing from the site, so the renderer's default copies SVG in."""
    doc = Document(title="Bus", sections=[Section("Going", [Point(["Take the bus."], "fe-bus")])])
    printed = str(render_html(doc))
    assert "<path" in printed and "<use" not in printed
    linked = str(render_html(doc, picture=lambda found: Markup(f"<i>{found}</i>")))
    assert "<i>fe-bus</i>" in linked and "<path" not in linked
