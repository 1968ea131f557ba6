"""The home page and the forums list come 25 forums at a time (issue 20): the same queries
however many forums there are, every forum the reader may see exactly once across the
pages, private forums only for those who may see them, and bad page links never a 500."""

from __future__ import annotations

import re

import pytest

from forum_site.services.pagination import PER_PAGE, encode_cursor
from tests.factories import make_commissioner, make_forum, make_organisation, make_user

LISTS = ("/", "/forums")
FORUM_LINK = re.compile(r"^/forums/forum-\d+$")


def _listed(page) -> list[str]:
    """The forums in the list part of a page (after "Your forums"), as their links."""
    start = page.soup.select_one("#forums")
    links = start.find_all_next("a") if start else []
    return [a["href"] for a in links if FORUM_LINK.match(a["href"])]


def _next_link(page) -> str | None:
    found = page.soup.select_one("#forums-pager a[rel=next]")
    return found["href"] if found else None


def _every_page(client, path: str) -> list[list[str]]:
    pages, link = [], path
    while link:
        page = client.get(link)
        assert page.status_code == 200, link
        pages.append(_listed(page))
        link = _next_link(page)
        assert len(pages) < 10, "the pages never end"
    return pages


def _add_forums(db, count: int, **extra) -> list:
    return [make_forum(db, members=[make_user(db)], **extra) for _ in range(count)]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("role", ["visitor", "member"])
def test_a_page_of_forums_costs_the_same_queries_for_30_and_60(
    client, db, sign_in, count_queries, path, role
):
    if role == "member":
        member = make_user(db)
        make_forum(db, members=[member])
        make_forum(db, private=True, members=[member])
        sign_in(member)
    costs = []
    for _ in range(2):
        _add_forums(db, 15)
        _add_forums(db, 15, private=True)
        client.get(path)  # anything a first request does once
        with count_queries() as queries:
            page = client.get(path)
        assert page.status_code == 200
        assert 0 < len(_listed(page)) <= PER_PAGE
        costs.append(len(queries))
    assert costs[0] == costs[1], f"{path} as a {role}: {costs[0]} queries at 30, {costs[1]} at 60"


@pytest.mark.parametrize("path", LISTS)
def test_the_next_pages_show_the_rest_once_each_by_name(client, db, path):
    forums = _add_forums(db, 57)
    forums += [make_forum(db, name="Same name") for _ in range(4)]  # ties go by id
    pages = _every_page(client, path)
    assert [len(p) for p in pages] == [25, 25, 11]
    shown = [link for page in pages for link in page]
    in_order = sorted(forums, key=lambda f: (f.name, f.id))
    assert shown == [f"/forums/{f.slug}" for f in in_order]


def test_the_forums_list_says_how_many_there_are(client, db):
    _add_forums(db, 30)
    assert "30 forums, listed by name." in client.get("/forums").get_data(as_text=True)


def _private_world(db):
    organisation = make_organisation(db)
    member, commissioner = make_user(db), make_commissioner(db, organisation)
    public = _add_forums(db, 40)
    theirs = make_forum(db, name="Zz Their Own Circle", private=True, members=[member])
    commissioned = make_forum(
        db, name="Mm Commissioned Circle", private=True, organisations=[organisation]
    )
    hidden = _add_forums(db, 20, private=True)
    return member, commissioner, public, theirs, commissioned, hidden


@pytest.mark.parametrize("path", LISTS)
def test_private_forums_stay_hidden_on_every_page(client, db, sign_in, app, path):
    member, commissioner, public, theirs, commissioned, hidden = _private_world(db)
    everyone = [f"/forums/{f.slug}" for f in public]
    admin = make_user(db, admin=True)
    expected = {
        None: set(everyone),
        member: {*everyone, f"/forums/{theirs.slug}"},
        commissioner: {*everyone, f"/forums/{commissioned.slug}"},
        admin: {*everyone, *(f"/forums/{f.slug}" for f in (theirs, commissioned, *hidden))},
    }
    for who, allowed in expected.items():
        browser = sign_in(who, target=app.test_client()) if who else client
        shown = [link for page in _every_page(browser, path) for link in page]
        assert sorted(shown) == sorted(allowed), who and who.email


@pytest.mark.parametrize("easy_read", [False, True])
def test_a_member_sees_their_own_forums_on_the_home_page(client, db, sign_in, easy_read):
    member, _, _, theirs, _, _ = _private_world(db)
    own = make_forum(db, name="Aa Their Public Forum", members=[member])
    sign_in(member)
    if easy_read:
        client.post("/settings/easy-read", data={"next": "/"})
    page = client.get("/")
    heading = next(h for h in page.soup.select("h2") if h.get_text(strip=True) == "Your forums")
    yours = []
    for element in heading.find_all_next(["h2", "a"]):
        if element.name == "h2":
            break
        yours.append(element["href"])
    assert yours == [f"/forums/{own.slug}", f"/forums/{theirs.slug}"]
    assert f"/forums/{theirs.slug}" not in _listed(page)  # its name comes after page 1


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("easy_read", [False, True])
def test_show_more_sends_htmx_only_the_next_forums(client, db, path, easy_read):
    _add_forums(db, 30)
    if easy_read:
        client.post("/settings/easy-read", data={"next": "/"})
    link = _next_link(client.get(path))
    assert link and "after=" in link and link.endswith("#forums")
    more = client.get(link.split("#")[0], headers={"HX-Request": "true"})
    html = more.get_data(as_text=True)
    assert more.status_code == 200 and "<h1" not in html
    assert len(re.findall(r'href="/forums/forum-\d+"', html)) == 5
    assert 'id="forums-pager"' in html and "Back to the start of the list" in html


BAD_CURSORS = [
    "",
    "not-a-cursor!",
    "\x00",
    "abc\x00def",
    "%00",
    "é",
    "A" * 5000,
    "9" * 400,
    encode_cursor(["Forum", 10**30]),
    encode_cursor(["Forum", -(10**30)]),
    encode_cursor([10**30, 1]),
    encode_cursor(["Forum\x00", 1]),
    encode_cursor(["x", "y"]),
    encode_cursor([1.5e308, 1]),
    encode_cursor([None, None]),
    encode_cursor([True, False]),
    encode_cursor(["Forum"]),
    encode_cursor(["Forum", 1, 2]),
]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("after", BAD_CURSORS, ids=range(len(BAD_CURSORS)))
@pytest.mark.parametrize("htmx", [False, True])
def test_a_bad_page_link_gives_the_first_page_or_a_clear_error(client, db, path, after, htmx):
    _add_forums(db, 30)
    first = _listed(client.get(path))
    headers = {"HX-Request": "true"} if htmx else {}
    page = client.get(path, query_string={"after": after}, headers=headers)
    assert page.status_code in (200, 400, 404)
    if page.status_code == 200 and not htmx:
        assert _listed(page) in (first, [])
